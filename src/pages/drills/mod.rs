//! The drill ledger (`/drills`): every failover and switchover in OCP's task list (so every
//! operator sees the same history), filtered through its URL, counted, exported as CSV or
//! JSON, and summed up per standby. Rows from `hooks::drills`; rules in `console_core::drill`.
//! - `filters`: the filter controls;
//! - `table`: the windowed table of drills;
//! - `summary`: per standby, the last drill, its age and the RTO trend.

mod filters;
mod summary;
mod table;

use crate::api::use_api;
use crate::components::download::save_text;
use crate::components::failure_view::FailureView;
use crate::components::when::{local_offset, local_zone_now};
use crate::config::{ocp_zone, DrillConfig};
use crate::hooks::drills::use_drills;
use crate::hooks::ticker::use_ticker;
use crate::hooks::title::use_title;
use crate::hooks::url_view::use_url_view;
use crate::i18n::use_i18n;
use console_core::drill::export;
use console_core::drill::filter::LedgerFilter;
use console_core::drill::ledger::{Drill, ObjectiveVerdict, Outcome};
use console_core::drill::summary::summarize;
use console_core::i18n::Text;
use console_core::listing::grouped;
use console_core::task::list::Ignored;
use console_core::time::Instant;
use filters::LedgerFilters;
use leptos::prelude::*;
use summary::DrillSummary;
use table::DrillTable;

fn read_filter(get: &dyn Fn(&str) -> Option<String>) -> (LedgerFilter, Vec<Ignored>) {
    LedgerFilter::from_query(get)
}

/// Sorted, without repeats, blanks left out.
fn distinct(names: impl Iterator<Item = String>) -> Vec<String> {
    let mut v: Vec<String> = names.filter(|n| !n.trim().is_empty()).collect();
    v.sort();
    v.dedup();
    v
}

#[component]
pub fn DrillsPage() -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.t(Text::DrillsTitle).to_string());
    let api = use_api();
    let config = use_context::<DrillConfig>().unwrap_or_default();
    let drills = use_drills();
    let (view, set_view) = use_url_view(read_filter, |(f, _): &(LedgerFilter, Vec<Ignored>)| {
        f.href()
    });
    let filter = Memo::new(move |_| view.get().0);
    let set_filter = Callback::new(move |f: LedgerFilter| set_view((f, Vec::new())));
    let zone = local_zone_now();
    let shown = Memo::new(move |_| {
        let f = filter.get();
        drills.rows.with(|rows| {
            rows.as_ref().map(|rows| {
                rows.iter()
                    .filter(|d| f.keep(d, &local_offset))
                    .cloned()
                    .collect::<Vec<Drill>>()
            })
        })
    });
    let clusters = Signal::derive(move || {
        drills
            .rows
            .with(|r| distinct(r.iter().flatten().map(|d| d.cluster.clone())))
    });
    let tenants = Signal::derive(move || {
        drills
            .rows
            .with(|r| distinct(r.iter().flatten().filter_map(|d| d.tenant.clone())))
    });
    let ticker = use_ticker();
    let api_now = api.clone();
    let now = Signal::derive(move || api_now.server_ms(ticker.get() as f64) as i64);
    // Ages are in days: judged at the minute the rows changed, not every second.
    let summary = Memo::new(move |_| {
        let now = api.server_ms(js_sys::Date::now()) as i64;
        shown.with(|s| {
            summarize(
                s.as_deref().unwrap_or_default(),
                now,
                i64::from(config.max_age_days),
            )
        })
    });
    let count_line = move || {
        shown.with(|s| {
            s.as_ref().map(|rows| {
                let ok = rows
                    .iter()
                    .filter(|d| d.outcome == Outcome::Succeeded)
                    .count();
                let bad = rows
                    .iter()
                    .filter(|d| matches!(d.outcome, Outcome::Failed | Outcome::RolledBack))
                    .count();
                let over = rows
                    .iter()
                    .filter(|d| matches!(d.objective, ObjectiveVerdict::Missed { .. }))
                    .count();
                i18n.f(
                    Text::DrillsCount,
                    &[
                        &grouped(rows.len()),
                        &grouped(ok),
                        &grouped(bad),
                        &grouped(over),
                    ],
                )
            })
        })
    };
    let save = move |json: bool| {
        let rows = shown.get_untracked().unwrap_or_default();
        let now = Instant::from_epoch_ms(js_sys::Date::now() as i64);
        if json {
            let q = filter.get_untracked().to_query();
            let text = export::json(&rows, &q, now.epoch_ms, ocp_zone());
            save_text(
                &text,
                &export::file_name(now, local_offset(now), "json"),
                "application/json",
            );
        } else {
            let text = export::csv(&rows, i18n.lang.get_untracked(), ocp_zone());
            save_text(
                &text,
                &export::file_name(now, local_offset(now), "csv"),
                "text/csv;charset=utf-8",
            );
        }
    };
    let ignored = move || {
        view.with(|(_, bad)| {
            bad.iter()
                .map(|b| view! { <p class="form-error" data-testid="filter-ignored">{i18n.f(Text::FilterIgnored, &[b.param, &b.value])}</p> })
                .collect_view()
        })
    };
    let reading = move || {
        (drills.loading.get()).then(|| {
            let n = drills.rows.with(|r| r.as_ref().map_or(0, Vec::len));
            view! { <p class="loading" aria-busy="true" data-testid="drills-loading">{i18n.f(Text::DrillsReading, &[&grouped(n)])}</p> }
        })
    };
    let shown_state = Memo::new(move |_| shown.with(|s| s.as_ref().map(Vec::is_empty)));
    let rows = Signal::derive(move || shown.get().unwrap_or_default());
    let empty = move || shown.with(|s| s.as_ref().is_none_or(Vec::is_empty));
    view! {
        <section class="page">
            <h1>{i18n.tr(Text::DrillsTitle)}</h1>
            <p class="hint">{i18n.tr(Text::DrillsIntro)}</p>
            {ignored}
            <LedgerFilters filter=filter clusters tenants on_change=set_filter />
            <div class="toolbar">
                <button class="btn" on:click=move |_| drills.reload()>{i18n.tr(Text::Refresh)}</button>
                <button class="btn" data-testid="drills-csv" on:click=move |_| save(false) disabled=empty>{i18n.tr(Text::DownloadCsv)}</button>
                <button class="btn" data-testid="drills-json" on:click=move |_| save(true) disabled=empty>{i18n.tr(Text::DrillDownloadJson)}</button>
                {move || (filter.get() != LedgerFilter::default()).then(|| view! {
                    <a href="/drills" data-testid="drills-clear">{i18n.t(Text::DrillClearFilters)}</a>
                })}
            </div>
            {reading}
            <FailureView failure=drills.error on_retry=Callback::new(move |_| drills.reload()) busy=drills.loading />
            {move || shown_state.get().map(|empty| {
                if empty {
                    return view! { <p class="empty" data-testid="drills-empty">{i18n.t(Text::DrillsEmpty)}</p> }.into_any();
                }
                view! {
                    <p class="hint" data-testid="drills-count" aria-live="polite">{count_line}</p>
                    <DrillTable rows now zone />
                    <DrillSummary rows=summary max_age_days=config.max_age_days now zone />
                }.into_any()
            })}
        </section>
    }
}
