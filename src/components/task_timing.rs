//! The task page's "Time left" and "Measured recovery time", in words (`hooks::timing`).

use crate::api::use_api;
use crate::config::Objectives;
use crate::hooks::load::use_load;
use crate::hooks::timing::Timing;
use crate::i18n::use_i18n;
use console_core::i18n::Text;
use console_core::precheck::objectives::{find, RtoCheck};
use console_core::task::eta::Eta;
use console_core::time::human;
use leptos::prelude::*;

#[component]
pub fn TaskTimingFacts(
    timing: Timing,
    /// The names of what the task acts on as OCP sent them (some versions do), and its
    /// cluster's and tenant's ids: the first objective of config.json matching a name judges
    /// the measured recovery time.
    #[prop(into)]
    targets: Signal<(Vec<String>, Option<i64>, Option<i64>)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let objectives = use_context::<Objectives>().unwrap_or_default();
    let api = use_api();
    // The names, read from OCP only when an objective could apply to a finished run.
    let has_objectives = !objectives.0.is_empty();
    let names = use_load(
        move || {
            let finished = timing
                .rto
                .with(|r| r.as_ref().is_some_and(|r| r.to_end_ms.is_some()));
            let (sent, cluster, tenant) = targets.get();
            (sent, cluster, tenant, has_objectives && finished)
        },
        move |(sent, cluster, tenant, wanted): (Vec<String>, Option<i64>, Option<i64>, bool)| {
            let api = api.clone();
            async move {
                if !wanted || !sent.is_empty() {
                    return Ok(sent);
                }
                Ok(match (cluster, tenant) {
                    (Some(c), Some(t)) => api
                        .get_tenant(c, t)
                        .await
                        .map(|t| [t.name, t.cluster_name].into_iter().flatten().collect())
                        .unwrap_or_default(),
                    (Some(c), None) => api
                        .get_cluster(c)
                        .await
                        .map(|c| c.name.into_iter().collect())
                        .unwrap_or_default(),
                    _ => Vec::new(),
                })
            }
        },
    );
    let eta_text = move || {
        let lang = i18n.lang.get();
        match timing.eta.get() {
            Some(Eta::Left { left_ms, runs, .. }) => Some(if runs == 1 {
                i18n.f(Text::EtaLeftOne, &[&human::duration(left_ms, lang)])
            } else {
                i18n.f(
                    Text::EtaLeft,
                    &[&human::duration(left_ms, lang), &runs.to_string()],
                )
            }),
            Some(Eta::NoHistory) => Some(i18n.t(Text::EtaNoHistory).to_string()),
            Some(Eta::WaitsOnOperator) => Some(i18n.t(Text::EtaWaits).to_string()),
            Some(Eta::Unknown { unseen }) => {
                let first = unseen.first().cloned().unwrap_or_default();
                Some(i18n.f(Text::EtaUnseen, &[&first]))
            }
            Some(Eta::NotRunning) => None,
            // Nothing estimated yet: still reading the earlier runs, or they could not be read
            // (`Some(None)`: the task is not running, nothing to say).
            None => match timing
                .learned
                .data
                .with(|d| d.as_ref().map(Option::is_some))
            {
                Some(_) => None,
                None if timing.learned.error.with(Option::is_some) => {
                    Some(i18n.t(Text::EtaUnreadable).to_string())
                }
                None => Some(i18n.t(Text::EtaLearning).to_string()),
            },
        }
    };
    let rto_text = move || {
        let lang = i18n.lang.get();
        let r = timing.rto.get()?;
        Some(match (r.to_promotion_ms, r.promotion_step, r.to_end_ms) {
            (Some(p), Some(step), Some(end)) => i18n.f(
                Text::RtoBoth,
                &[
                    &human::duration(p, lang),
                    &step,
                    &human::duration(end, lang),
                ],
            ),
            (_, _, Some(end)) => i18n.f(Text::RtoEnd, &[&human::duration(end, lang)]),
            _ => i18n.t(Text::RtoUnreadable).to_string(),
        })
    };
    // Judged against what reached the end: a measured time to the end, the objective's RTO.
    let rto_objective = move || {
        let end = timing.rto.get()?.to_end_ms?;
        let rto_secs = names.data.with(|n| {
            let n: Vec<&str> = n.iter().flatten().map(String::as_str).collect();
            find(&objectives.0, &n).and_then(|o| o.rto_secs)
        })?;
        let lang = i18n.lang.get();
        Some(match RtoCheck::of(rto_secs, end) {
            RtoCheck::Met { rto_secs } => (
                i18n.f(
                    Text::ObjectiveRtoMet,
                    &[&human::duration(rto_secs * 1000, lang)],
                ),
                false,
            ),
            RtoCheck::Missed { rto_secs, by_ms } => (
                i18n.f(
                    Text::ObjectiveRtoMissed,
                    &[
                        &human::duration(rto_secs * 1000, lang),
                        &human::duration(by_ms, lang),
                    ],
                ),
                true,
            ),
        })
    };
    view! {
        {move || eta_text().map(|t| view! {
            <span>{i18n.t(Text::EtaTitle)}": "<span data-testid="task-eta">{t}</span></span>
        })}
        {move || rto_text().map(|t| view! {
            <span>{i18n.t(Text::RtoTitle)}": "<span data-testid="task-rto">{t}</span></span>
        })}
        {move || rto_objective().map(|(t, missed)| view! {
            <span data-testid="task-rto-objective" class:form-error=missed>{t}</span>
        })}
    }
}
