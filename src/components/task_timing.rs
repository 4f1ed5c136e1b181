//! The task page's "Time left" and "Measured recovery time", in words (`hooks::timing`).

use crate::hooks::timing::Timing;
use crate::i18n::use_i18n;
use console_core::i18n::Text;
use console_core::task::eta::Eta;
use console_core::time::human;
use leptos::prelude::*;

#[component]
pub fn TaskTimingFacts(timing: Timing) -> impl IntoView {
    let i18n = use_i18n();
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
    view! {
        {move || eta_text().map(|t| view! {
            <span>{i18n.t(Text::EtaTitle)}": "<span data-testid="task-eta">{t}</span></span>
        })}
        {move || rto_text().map(|t| view! {
            <span>{i18n.t(Text::RtoTitle)}": "<span data-testid="task-rto">{t}</span></span>
        })}
    }
}
