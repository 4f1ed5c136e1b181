//! Step 3: the named checks, run on every component (or only the failed ones again), in a grid
//! that fills in live while the precheck session is polled. A legacy backend answers 500 until
//! its worker wrote the first result: within a grace period that reads "not started yet".

use super::{check_name, component_name, Key};
use crate::api::use_api;
use crate::components::failure_view::FailureView;
use crate::components::live_status::LiveStatus;
use crate::hooks::poll::use_poll;
use crate::hooks::ticker::use_ticker;
use crate::i18n::use_i18n;
use console_core::gfc::{
    CheckResult, CheckStatus, CheckType, Component, LaunchBody, PreCheckStatus,
};
use console_core::i18n::Text;
use console_core::present;
use console_core::time::poll::{failure_outcome, Backoff, Outcome};
use console_core::ApiFailure;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeMap;

/// How long a legacy backend may answer 500 before the first result exists.
const NOT_READY_GRACE_MS: f64 = 20_000.0;

#[component]
pub fn CheckGrid(
    #[prop(into)] components: Signal<Vec<Component>>,
    /// What the checks are run with (the launch's body).
    #[prop(into)]
    body: Signal<LaunchBody>,
    /// The check types: the grid's columns.
    #[prop(into)]
    columns: Signal<Vec<CheckType>>,
    /// Results by (component, check), merged across runs; cleared by a full run.
    results: RwSignal<BTreeMap<Key, CheckResult>>,
    /// From the click until the session ended.
    checking: RwSignal<bool>,
    /// A full run was asked for.
    on_run_all: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let session = RwSignal::new(String::new());
    let start_error = RwSignal::new(None::<ApiFailure>);
    let now_ms = use_ticker();
    let api_p = api.clone();
    let poll = use_poll(
        Backoff::GFC_PRECHECK,
        move || {
            let api = api_p.clone();
            let s = session.get_untracked();
            async move { api.gfc_precheck_status(&s).await }
        },
        move |st: PreCheckStatus| {
            results.try_update(|r| {
                for x in st.results {
                    r.insert((x.component_id, x.check_type.clone()), x);
                }
            });
            if st.done {
                checking.try_set(false);
                Outcome::Finished
            } else {
                Outcome::Continue
            }
        },
        move |f, poller| {
            // The legacy 500 means "not started yet" only before any status came back.
            if f.status() == Some(500) && poller.starting(js_sys::Date::now(), NOT_READY_GRACE_MS) {
                Outcome::NotReady
            } else {
                // Transient: say so, keep the grid, try again with backoff. Final: stop.
                let outcome = failure_outcome(f);
                if outcome == Outcome::Fatal {
                    checking.try_set(false);
                }
                outcome
            }
        },
    );
    let failure = Signal::derive(move || start_error.get().or_else(|| poll.error.get()));

    let run = move |only: Vec<Key>| {
        if checking.get_untracked() {
            return;
        }
        let ids: Vec<i64> = if only.is_empty() {
            components.with_untracked(|c| c.iter().map(|c| c.id).collect())
        } else {
            let mut v: Vec<i64> = only.iter().map(|k| k.0).collect();
            v.dedup();
            v
        };
        let mut checks: Vec<String> = only.iter().map(|k| k.1.clone()).collect();
        console_core::order::sort_by(&mut checks, |a, b| a.cmp(b));
        checks.dedup();
        let body = LaunchBody {
            component_ids: ids.iter().map(i64::to_string).collect::<Vec<_>>().join(","),
            ..body.get_untracked()
        };
        checking.set(true);
        start_error.set(None);
        poll.error.set(None);
        if only.is_empty() {
            results.set(BTreeMap::new());
        }
        let api = api.clone();
        spawn_local(async move {
            match api.gfc_precheck(&body, &checks).await {
                Ok(s) => {
                    session.try_set(s);
                    poll.wake();
                }
                Err(f) => {
                    start_error.try_set(Some(f));
                    checking.try_set(false);
                }
            }
        });
    };
    let run_failed = run.clone();
    let failed_keys = move || -> Vec<Key> {
        results.with(|r| {
            r.iter()
                .filter(|(_, v)| v.status == CheckStatus::Fail)
                .map(|(k, _)| k.clone())
                .collect()
        })
    };

    view! {
        <h2>"3. "{i18n.tr(Text::GfcStepChecks)}</h2>
        <div class="toolbar">
            <button class="btn" data-testid="run-checks" disabled=move || checking.get() || components.with(Vec::is_empty)
                on:click=move |_| { on_run_all.run(()); run(Vec::new()); }>{i18n.tr(Text::GfcRunChecks)}</button>
            <button class="btn" data-testid="rerun-failed" disabled=move || checking.get() || failed_keys().is_empty()
                on:click=move |_| run_failed(failed_keys())>{i18n.tr(Text::GfcRerunFailed)}</button>
            {move || checking.get().then(|| view! { <span class="loading">{i18n.t(Text::RunningPrecheck)}</span> })}
            {move || poll.not_ready.get().then(|| view! { <span class="stale" data-testid="not-ready">{i18n.t(Text::GfcNotReady)}</span> })}
        </div>
        <LiveStatus poll now_ms finished=Text::ChecksEnded />
        <FailureView failure />
        {move || (!results.with(BTreeMap::is_empty)).then(|| {
            let cols = columns.get();
            view! {
                <div class="grid-scroll" tabindex="0">
                <table class="grid check-grid" data-testid="check-grid">
                    <thead><tr>
                        <th scope="col">{i18n.t(Text::GfcComponent)}</th>
                        {cols.iter().map(|t| view! { <th scope="col" title=t.description.clone()>{t.name.trim_end_matches(" Check").to_string()}</th> }).collect_view()}
                    </tr></thead>
                    <tbody>{components.get().into_iter().map(|c| {
                        let cols = cols.clone();
                        view! {
                            <tr data-testid="check-row">
                                <th scope="row">{format!("{} ({})", c.name, c.id)}</th>
                                {cols.into_iter().map(|t| {
                                    let key = (c.id, t.id.clone());
                                    move || match results.with(|m| m.get(&key).cloned()) {
                                        Some(r) => {
                                            let (icon, slug, text) = present::check_status(&r.status).parts();
                                            view! { <td class=format!("cell node-{slug}") title=r.message.clone() data-check=key.1.clone()>{icon}" "{i18n.t(text)}</td> }.into_any()
                                        }
                                        None => view! { <td class="cell muted">"—"</td> }.into_any(),
                                    }
                                }).collect_view()}
                            </tr>
                        }
                    }).collect_view()}</tbody>
                </table>
                </div>
            }
        })}
        {move || {
            let fails: Vec<CheckResult> = results.with(|r| r.values().filter(|x| x.status == CheckStatus::Fail).cloned().collect());
            (!fails.is_empty()).then(|| view! {
                <section class="findings findings-blocking" data-testid="gfc-failures">
                    <h3>{i18n.t(Text::GfcFailures)}</h3>
                    <ul>{fails.into_iter().map(|f| view! {
                        <li><b>{component_name(&components.get(), f.component_id)}</b>" · "{check_name(&columns.get(), &f.check_type)}": "{f.message.clone()}</li>
                    }).collect_view()}</ul>
                </section>
            })
        }}
    }
}
