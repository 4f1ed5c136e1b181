//! The readiness board: every standby tenant and standby cluster with its primary, its lag and
//! the RPO it implies, the last failover precheck this browser kept and its age, and the
//! recommended target of each primary. Built for an estate of any size: the estate is read
//! through OCP's estate-wide tenant list (`hooks::estate`), "Precheck all" sends one batch per
//! standby cluster several at a time and slows down when OCP pushes back
//! (`hooks::precheck_pass`), and the table draws only the rows near the screen (`table`).
//! While the page is open (and the tab shown) it prechecks again every `readinessIntervalMin`
//! minutes. The search, sort and filter live in the URL. Rows, sorting, the filter, the pass
//! and when a re-check is due are `console_core::precheck`'s; this page wires signals to them.

mod status;
mod table;

use crate::api::use_api;
use crate::components::failure_view::FailureView;
use crate::components::unreadable::SkippedRows;
use crate::config::{BoardConfig, Objectives};
use crate::hooks::estate::use_estate;
use crate::hooks::kept_runs::read_all;
use crate::hooks::precheck_pass::use_precheck_pass;
use crate::hooks::ticker::use_ticker;
use crate::hooks::title::use_title;
use crate::hooks::url_view::use_url_view;
use crate::i18n::use_i18n;
use console_core::i18n::Text;
use console_core::precheck::board::{
    counts, grouped, next_recheck_in_ms, recheck_due, rows_with, shown, BoardView, Kind, Sort,
};
use console_core::precheck::pass::{plan, Pass};
use console_core::precheck::readiness::Histories;
use console_core::time::human;
use leptos::prelude::*;
use std::collections::BTreeMap;
use table::BoardTable;

fn hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .map(|d| d.hidden())
        .unwrap_or(false)
}

#[component]
pub fn ReadinessPage() -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.t(Text::ReadinessTitle).to_string());
    let api = use_api();
    let config = use_context::<BoardConfig>().unwrap_or_default();
    let objectives = use_context::<Objectives>().unwrap_or_default();
    let interval = config.interval_min;
    let base = StoredValue::new(api.base());

    let estate = use_estate(api.clone(), config.max_parallel_requests);
    let histories = RwSignal::new(read_all(&base.get_value()));
    // A precheck run on a tenant or cluster page in another tab shows here too.
    let listener = window_event_listener(leptos::ev::storage, move |_| {
        if let Some(b) = base.try_get_value() {
            histories.try_set(read_all(&b));
        }
    });
    on_cleanup(move || listener.remove());

    // What the operator chose to see lives in the URL.
    let (view_of, set_view) = use_url_view(|get| BoardView::from_query(get), BoardView::href);
    let pass = use_precheck_pass(api.clone(), histories);
    let now = use_ticker();

    let all_rows = Memo::new(move |_| {
        estate.standbys.with(|list| match list {
            Some(list) => histories.with(|h: &Histories| rows_with(list, h, &objectives.0)),
            None => Vec::new(),
        })
    });
    let list = Memo::new(move |_| {
        let v = view_of.get();
        all_rows.with(|r| shown(r, v.sort, v.not_ready_only, &v.query))
    });

    // Starts a pass over every standby, least recently checked first, after reading the lists
    // again so new standbys are included next time and lags are fresh.
    let last_start = StoredValue::new(js_sys::Date::now() as i64);
    let start_all = move || {
        if pass.pass.with_untracked(Pass::busy) {
            return;
        }
        last_start.set_value(js_sys::Date::now() as i64);
        estate.reload();
        let (requests, names) = estate.standbys.with_untracked(|list| {
            let list = list.as_deref().unwrap_or_default();
            let names: BTreeMap<String, String> = list
                .iter()
                .filter(|s| matches!(s.kind, Kind::Cluster))
                .map(|s| (s.key.clone(), s.name.clone()))
                .collect();
            let requests =
                histories.with_untracked(|h| plan(list, |k| h.latest(k).map(|r| r.at_ms)));
            (requests, names)
        });
        pass.start(requests, config.precheck_concurrency, names);
    };
    let loaded = move || estate.complete.get();
    Effect::new(move |_| {
        let t = now.get();
        let busy = pass.pass.with_untracked(Pass::busy);
        if estate.complete.get_untracked()
            && recheck_due(last_start.get_value(), t, interval, hidden(), busy)
        {
            start_all();
        }
    });

    let busy = move || pass.pass.with(Pass::busy);
    // Counts down with the ticker; gone while a pass is going (its status speaks then) and
    // while the standbys are not loaded (the re-check above waits for them too).
    let next_recheck = move || {
        let left = next_recheck_in_ms(last_start.get_value(), now.get(), interval, busy());
        left.filter(|_| loaded()).map(|ms| {
            i18n.f(
                Text::ReadinessNextRecheck,
                &[&human::duration(ms, i18n.lang.get())],
            )
        })
    };
    let count_line = move || {
        let c = all_rows.with(|r| counts(r));
        let total = all_rows.with(Vec::len);
        let shown_n = list.with(Vec::len);
        let mut text = i18n.f(
            Text::ReadinessCount,
            &[
                &grouped(c.standbys),
                &grouped(c.not_ready),
                &grouped(c.lag_unknown),
            ],
        );
        if shown_n != total {
            text.push_str(" · ");
            text.push_str(&i18n.f(Text::ReadinessShown, &[&grouped(shown_n), &grouped(total)]));
        }
        text
    };

    let set_sort = move |s: Sort| {
        set_view(BoardView {
            sort: s,
            ..view_of.get_untracked()
        })
    };
    let set_not_ready = move |on: bool| {
        set_view(BoardView {
            not_ready_only: on,
            ..view_of.get_untracked()
        })
    };
    let set_query = move |q: String| {
        set_view(BoardView {
            query: q,
            ..view_of.get_untracked()
        })
    };

    // Only emptiness picks the branch below, so the table is built once, not on every change.
    let nothing_shown = Memo::new(move |_| list.with(Vec::is_empty));
    let body = move || {
        if estate.standbys.with(Option::is_none) {
            return estate.loading.get().then(|| {
                view! { <p class="loading" aria-busy="true">{i18n.tr(Text::Loading)}</p> }
                    .into_any()
            });
        }
        Some(
            view! {
                <SkippedRows count=estate.skipped.get() />
                <p class="hint" data-testid="board-count" aria-live="polite">{count_line}</p>
                {move || {
                    if nothing_shown.get() {
                        let empty = all_rows.with(Vec::is_empty);
                        let text = if empty && loaded() {
                            Text::ReadinessEmpty
                        } else if empty {
                            Text::Loading
                        } else {
                            Text::ReadinessAllReady
                        };
                        view! { <p class="empty" data-testid="readiness-empty">{i18n.t(text)}</p> }.into_any()
                    } else {
                        view! { <BoardTable rows=list pass=pass.pass failed=pass.failed now /> }.into_any()
                    }
                }}
            }
            .into_any(),
        )
    };

    view! {
        <section class="page readiness">
            <h1>{i18n.tr(Text::ReadinessTitle)}</h1>
            <p class="hint">{i18n.tr(Text::ReadinessIntro)}</p>
            <p class="hint" data-testid="recheck-every">
                {move || i18n.f(Text::ReadinessRecheckEvery, &[&interval.to_string()])}" "
                <span data-testid="next-recheck">{next_recheck}</span>
            </p>
            <p class="hint">{i18n.tr(Text::ReadinessRpoMeaning)}</p>
            <div class="toolbar">
                <button class="btn" data-testid="precheck-all" disabled=move || busy() || !loaded()
                    on:click=move |_| start_all()>
                    {i18n.tr(Text::ReadinessPrecheckAll)}
                </button>
                <a class="btn" href="/recovery" data-testid="plan-recovery">{i18n.tr(Text::ReadinessPlanRecovery)}</a>
                {move || (busy() && !status::stopping(pass.pass)).then(|| view! {
                    <button class="btn btn-quiet" data-testid="cancel-queue" on:click=move |_| pass.cancel()>
                        {i18n.tr(Text::ReadinessCancel)}
                    </button>
                })}
                <label>
                    {i18n.tr(Text::ReadinessSearch)}" "
                    <input type="search" data-testid="board-search"
                        placeholder=move || i18n.t(Text::ReadinessSearchHint)
                        prop:value=move || view_of.get().query
                        on:change=move |ev| set_query(event_target_value(&ev)) />
                </label>
                <label>
                    {i18n.tr(Text::ReadinessSort)}" "
                    <select data-testid="sort" prop:value=move || view_of.get().sort.as_str()
                        on:change=move |ev| set_sort(Sort::parse(&event_target_value(&ev)))>
                        <option value="lag">{i18n.tr(Text::ReadinessSortLag)}</option>
                        <option value="age">{i18n.tr(Text::ReadinessSortAge)}</option>
                    </select>
                </label>
                <label>
                    <input type="checkbox" data-testid="not-ready-only" prop:checked=move || view_of.get().not_ready_only
                        on:change=move |ev| set_not_ready(event_target_checked(&ev)) />
                    " "{i18n.tr(Text::ReadinessNotReadyOnly)}
                </label>
            </div>
            <p class="queue-status" role="status" data-testid="queue-status">
                {move || status::line(i18n, pass.pass, now.get())}
            </p>
            <FailureView failure=estate.error on_retry=Callback::new(move |_| estate.reload()) busy=estate.loading />
            {body}
        </section>
    }
}
