//! The ledger's summary: each standby drilled, its last drill and that drill's age (flagged past
//! `drillMaxAgeDays`), and its RTO trend as a small chart with the objective line, the same
//! figures as a table for a screen reader or a printout. Rules in `console_core::drill::summary`.

use crate::i18n::use_i18n;
use console_core::drill::summary::{chart, StandbySummary};
use console_core::drill::words;
use console_core::i18n::Text;
use console_core::time::{human, Instant, Offset};
use leptos::prelude::*;

const W: f64 = 160.0;
const H: f64 = 36.0;

#[component]
pub(crate) fn DrillSummary(
    rows: Memo<Vec<StandbySummary>>,
    max_age_days: u32,
    now: Signal<i64>,
    zone: Offset,
) -> impl IntoView {
    let i18n = use_i18n();
    let body = move || {
        rows.get()
            .into_iter()
            .map(|s| view! { <SummaryRow s now zone max_age_days /> })
            .collect_view()
    };
    view! {
        <section class="drill-summary">
            <h2 id="drill-summary-title">{i18n.tr(Text::DrillSummaryTitle)}</h2>
            <p class="hint">{move || i18n.f(Text::DrillSummaryHint, &[&max_age_days.to_string()])}</p>
            <div class="grid-scroll" tabindex="0" role="region" aria-labelledby="drill-summary-title">
                <table class="grid summary-grid" data-testid="drill-summary">
                    <thead><tr>
                        <th scope="col">{i18n.tr(Text::DrillColTarget)}</th>
                        <th scope="col">{i18n.tr(Text::DrillSummaryCount)}</th>
                        <th scope="col">{i18n.tr(Text::DrillSummaryLast)}</th>
                        <th scope="col">{i18n.tr(Text::DrillColResult)}</th>
                        <th scope="col">{i18n.tr(Text::DrillTrend)}</th>
                    </tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn SummaryRow(
    s: StandbySummary,
    now: Signal<i64>,
    zone: Offset,
    max_age_days: u32,
) -> impl IntoView {
    let i18n = use_i18n();
    let target = s.target().to_string();
    let last_ms = s.last_ms;
    let age = s.age_days;
    let stale = s.stale;
    let last = move || {
        let lang = i18n.lang.get();
        let when = last_ms
            .map(|ms| {
                human::when(
                    Instant::from_epoch_ms(ms),
                    Instant::from_epoch_ms(now.get()),
                    zone,
                    lang,
                )
            })
            .unwrap_or_default();
        let age = match age {
            Some(0) => i18n.t(Text::DrillAgeToday).to_string(),
            Some(1) => i18n.t(Text::DrillAgeOneDay).to_string(),
            Some(a) => i18n.f(Text::DrillAgeDays, &[&a.to_string()]),
            None => i18n.t(Text::DrillAgeUnknown).to_string(),
        };
        format!("{when} · {age}")
    };
    let outcome = s.last_outcome;
    let c = chart(&s, W, H);
    let points = c
        .points
        .iter()
        .map(|(x, y)| format!("{x:.1},{y:.1}"))
        .collect::<Vec<_>>()
        .join(" ");
    let dots = c
        .points
        .iter()
        .zip(&s.trend)
        .map(|((x, y), p)| {
            view! { <circle cx=format!("{x:.1}") cy=format!("{y:.1}") r="2.5" class:missed=p.missed /> }
        })
        .collect_view();
    let objective_line = c.objective_y.map(|y| {
        view! { <line class="objective-line" x1="0" x2=W.to_string() y1=format!("{y:.1}") y2=format!("{y:.1}") /> }
    });
    let objective_secs = s.rto_objective_secs;
    let label = {
        let target = target.clone();
        move || i18n.f(Text::DrillTrendLabel, &[&target])
    };
    let trend = s.trend.clone();
    let has_trend = !trend.is_empty();
    let table = move || {
        let lang = i18n.lang.get();
        trend
            .iter()
            .map(|p| {
                let t = Instant::from_epoch_ms(p.launched_ms);
                view! {
                    <tr class:objective-missed=p.missed>
                        <td>{human::when(t, Instant::from_epoch_ms(now.get_untracked()), zone, lang)}</td>
                        <td>{human::duration(p.rto_ms, lang)}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <tr data-testid="summary-row" class:stale=stale>
            <td>
                <span data-testid="summary-target">{target.clone()}</span>
                {s.tenant.is_some().then(|| view! { <div class="muted">{s.cluster.clone()}</div> })}
            </td>
            <td>{s.drills}</td>
            <td data-testid="summary-last">
                <a href=format!("/tasks/{}/report", s.last_id)>{last}</a>
                {stale.then(|| view! {
                    " " <span class="badge badge-warn" data-testid="summary-stale">"⚠ "{move || i18n.f(Text::DrillStale, &[&max_age_days.to_string()])}</span>
                })}
            </td>
            <td><span class=format!("node-{} status-text", words::outcome_class(outcome))>{move || words::outcome(outcome, i18n.lang.get())}</span></td>
            <td class="trend-cell">
                {if has_trend {
                    view! {
                        <svg class="trend" viewBox=format!("-4 -4 {} {}", W + 8.0, H + 8.0) width=(W + 8.0).to_string() height=(H + 8.0).to_string()
                            role="img" aria-label=label data-testid="summary-trend">
                            {objective_line}
                            <polyline points=points fill="none" />
                            {dots}
                        </svg>
                        {objective_secs.map(|o| view! {
                            <span class="muted">{move || i18n.f(Text::DrillObjectiveLine, &[&human::duration(o * 1000, i18n.lang.get())])}</span>
                        })}
                        <details>
                            <summary>{i18n.tr(Text::DrillTrendTable)}</summary>
                            <table class="grid">
                                <thead><tr><th scope="col">{i18n.tr(Text::DrillColLaunched)}</th><th scope="col">{i18n.tr(Text::DrillColRto)}</th></tr></thead>
                                <tbody>{table}</tbody>
                            </table>
                        </details>
                    }.into_any()
                } else {
                    view! { <span class="muted">{i18n.tr(Text::DrillNoTrend)}</span> }.into_any()
                }}
            </td>
        </tr>
    }
}
