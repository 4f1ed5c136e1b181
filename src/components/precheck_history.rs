//! The precheck results this browser keeps per standby, listed: newest first, each with its
//! time, verdict, codes and the lag then; choosing an earlier run shows what changed up to the
//! latest. Keeping and reading them is `hooks::kept_runs`'s; how two runs compare is
//! `console_core::precheck::readiness`'s.

use crate::components::verdict::{verdict_word, ChangesView};
use crate::components::when::When;
use crate::hooks::kept_runs::KeptRuns;
use crate::i18n::use_i18n;
use console_core::i18n::Text;
use console_core::precheck::readiness;
use console_core::present;
use console_core::time::{human, Instant, Offset};
use leptos::prelude::*;

#[component]
pub(crate) fn PrecheckHistory(runs: KeptRuns, #[prop(into)] now: Signal<i64>) -> impl IntoView {
    let i18n = use_i18n();
    // The earlier run chosen for comparison, by its time (stable while new runs arrive).
    let picked = RwSignal::new(None::<i64>);
    let rows = move || {
        let list = runs.records.get();
        let latest_at = list.last().map(|r| r.at_ms);
        list.into_iter()
            .rev()
            .map(|r| {
                let at = r.at_ms;
                let raw = Some(Instant::from_epoch_ms(at).to_iso());
                let (icon, look, _) = present::verdict(r.verdict()).parts();
                let verdict = r.verdict();
                let codes = |c: &[String]| {
                    if c.is_empty() {
                        "—".to_string()
                    } else {
                        c.join(", ")
                    }
                };
                let (blocking, warnings) = (codes(&r.blocking), codes(&r.warnings));
                let lag = r.lag_secs;
                let lag_text = move || match lag {
                    Some(l) => human::duration(l * 1000, i18n.lang.get()),
                    None => "—".to_string(),
                };
                let is_latest = Some(at) == latest_at;
                view! {
                    <tr data-testid="history-row" data-verdict=look>
                        <td><When raw now assumed=Offset::UTC age=true /></td>
                        <td><span class=format!("verdict-chip {look}")>{icon}" "{move || verdict_word(i18n, verdict)}</span></td>
                        <td><code>{blocking}</code></td>
                        <td><code>{warnings}</code></td>
                        <td>{lag_text}</td>
                        <td>{if is_latest {
                            view! { <span class="muted">{i18n.tr(Text::HistoryLatest)}</span> }.into_any()
                        } else {
                            view! {
                                <label class="history-pick">
                                    <input type="radio" name="history-pick" data-testid="history-pick"
                                        prop:checked=move || picked.get() == Some(at)
                                        on:change=move |_| picked.set(Some(at)) />
                                    " "{i18n.tr(Text::HistoryPick)}
                                </label>
                            }.into_any()
                        }}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let diff = move || {
        let list = runs.records.get();
        let latest = list.last()?;
        let earlier = picked.get().and_then(|at| {
            list.iter()
                .find(|r| r.at_ms == at && r.at_ms != latest.at_ms)
        })?;
        Some(view! {
            <ChangesView changes=readiness::compare(earlier, latest)
                title=Text::HistoryDiffTitle none=Text::HistoryDiffNone testid="history-diff" />
        })
    };
    view! {
        <section class="card precheck-history" data-testid="history" aria-labelledby="history-title">
            <h2 class="card-title" id="history-title">{i18n.tr(Text::HistoryTitle)}</h2>
            {move || runs.not_saved.get().then(|| view! { <p class="hint" data-testid="history-not-saved">{i18n.t(Text::HistoryNotSaved)}</p> })}
            {move || if runs.records.with(Vec::is_empty) {
                view! { <p class="muted" data-testid="history-empty">{i18n.t(Text::HistoryEmpty)}</p> }.into_any()
            } else {
                view! {
                    <p class="hint">{i18n.t(Text::HistoryHint)}</p>
                    <div class="grid-scroll" tabindex="0">
                        <table class="grid">
                            <thead><tr>
                                <th scope="col">{i18n.t(Text::HistoryColAt)}</th>
                                <th scope="col">{i18n.t(Text::ColVerdict)}</th>
                                <th scope="col">{i18n.t(Text::HistoryColBlocking)}</th>
                                <th scope="col">{i18n.t(Text::HistoryColWarnings)}</th>
                                <th scope="col">{i18n.t(Text::HistoryColLag)}</th>
                                <th scope="col">{i18n.t(Text::HistoryColCompare)}</th>
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            {diff}
        </section>
    }
}
