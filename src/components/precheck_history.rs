//! The precheck results this browser keeps per standby: newest first, each with its time,
//! verdict, codes and the lag then; choosing an earlier run shows what changed up to the latest.
//! Which results are kept, how storage is read and how two runs compare is
//! `console_core::precheck::readiness`'s; this reads and writes `localStorage` and lists them. A storage
//! that is off, full or holds garbage costs only the history, never the page.

use crate::api::Api;
use crate::components::verdict::{verdict_word, ChangesView};
use crate::components::when::When;
use crate::i18n::use_i18n;
use console_core::i18n::Text;
use console_core::precheck::verdict::Summary;
use console_core::present;
use console_core::precheck::readiness::{self, Histories, Record};
use console_core::time::{human, Instant, Offset};
use leptos::prelude::*;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// A tenant precheck that arrived at `at_ms` (this browser's clock) as it is kept: with the lag
/// its `syncScn` implies at OCP's time then. The history, the board and the launch record all
/// keep it this way.
pub fn tenant_record(api: &Api, s: &Summary, at_ms: i64) -> Record {
    let lag = s
        .sync_scn
        .and_then(|v| console_core::time::scn::lag_secs(v, api.server_ms(at_ms as f64)));
    Record::from_summary(s, at_ms, lag)
}

/// Every standby's kept runs at the OCP `api_base` (the readiness board reads them all).
pub fn read_all(api_base: &str) -> Histories {
    let stored =
        storage().and_then(|s| s.get_item(&readiness::storage_key(api_base)).ok().flatten());
    Histories::read(stored.as_deref())
}

/// One standby's kept runs (oldest first) on a page, and whether the last one could be stored.
#[derive(Clone, Copy)]
pub struct KeptRuns {
    api_base: StoredValue<String>,
    standby: StoredValue<String>,
    pub records: RwSignal<Vec<Record>>,
    pub not_saved: RwSignal<bool>,
}

/// Keeps a result of `standby` at `api_base`: read again first, so another tab's (or page's)
/// runs are not overwritten. The histories as stored, or `None` if storage refused.
pub fn keep_one(api_base: &str, standby: &str, r: Record) -> Option<Histories> {
    let mut all = read_all(api_base);
    all.push(standby, r);
    let saved = storage().is_some_and(|s| {
        s.set_item(&readiness::storage_key(api_base), &all.to_json())
            .is_ok()
    });
    saved.then_some(all)
}

impl KeptRuns {
    /// Reads what this browser kept for `standby` ([`readiness::tenant_key`] or
    /// [`readiness::cluster_key`]) at the OCP `api_base`.
    pub fn new(api_base: String, standby: String) -> KeptRuns {
        let records = read_all(&api_base).of(&standby).to_vec();
        KeptRuns {
            api_base: StoredValue::new(api_base),
            standby: StoredValue::new(standby),
            records: RwSignal::new(records),
            not_saved: RwSignal::new(false),
        }
    }

    /// Keeps a result; if storage refuses, the run is still listed for as long as the page is
    /// open.
    pub fn keep(&self, r: Record) {
        let base = self.api_base.get_value();
        let standby = self.standby.get_value();
        let kept = keep_one(&base, &standby, r.clone());
        self.not_saved.set(kept.is_none());
        match kept {
            Some(all) => self.records.set(all.of(&standby).to_vec()),
            None => {
                let mut here = Histories::default();
                for old in self.records.get_untracked() {
                    here.push(&standby, old);
                }
                here.push(&standby, r);
                self.records.set(here.of(&standby).to_vec());
            }
        }
    }
}

#[component]
pub fn PrecheckHistory(runs: KeptRuns, #[prop(into)] now: Signal<i64>) -> impl IntoView {
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
