//! The step timeline: one row per step, grouped by the graph's layer, a bar from its first
//! start to its last end on one axis from the launch, the wait before it as a thin line, the
//! actual critical path marked, retries/skips/cancels/rollbacks named on their step. Every row
//! is drawn (a printout needs them all); Up/Down/Home/End move between steps. Positions are
//! `console_core::drill::timeline`'s.

use crate::i18n::use_i18n;
use console_core::drill::timeline::{Bar, Timeline};
use console_core::drill::words;
use console_core::i18n::Text;
use console_core::present::subtask_status;
use console_core::time::human;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Gridlines at most.
const TICKS: usize = 8;

#[component]
pub(crate) fn Gantt(t: Timeline) -> impl IntoView {
    let i18n = use_i18n();
    let ticks = t.ticks(TICKS);
    let ticks_head = {
        let ticks = ticks.clone();
        move || {
            let lang = i18n.lang.get();
            ticks
                .iter()
                .map(|(pct, ms)| {
                    view! { <span class="gantt-tick" style:left=format!("{pct:.2}%")>{format!("+{}", human::duration(*ms, lang))}</span> }
                })
                .collect_view()
        }
    };
    // The layers in order, each with its bars.
    let mut layers: Vec<(usize, Vec<Bar>)> = Vec::new();
    for b in &t.bars {
        match layers.last_mut() {
            Some((l, bars)) if *l == b.layer => bars.push(b.clone()),
            _ => layers.push((b.layer, vec![b.clone()])),
        }
    }
    let t = std::sync::Arc::new(t);
    let body = layers
        .into_iter()
        .map(|(layer, bars)| {
            let t = t.clone();
            view! {
                <tbody>
                    {(!t.no_graph).then(|| view! {
                        <tr class="gantt-layer"><th colspan="5" scope="rowgroup">{move || i18n.f(Text::ReportLayer, &[&(layer + 1).to_string()])}</th></tr>
                    })}
                    {bars.into_iter().map(|b| view! { <GanttRow b t=t.clone() /> }).collect_view()}
                </tbody>
            }
        })
        .collect_view();
    let no_graph = t.no_graph;
    // Arrow keys move focus between rows (each row is one stop; Tab leaves the table).
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let key = ev.key();
        if !matches!(key.as_str(), "ArrowDown" | "ArrowUp" | "Home" | "End") {
            return;
        }
        let Some(table) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let Ok(rows) = table.query_selector_all("tr.gantt-row") else {
            return;
        };
        let n = rows.length();
        if n == 0 {
            return;
        }
        let active = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element());
        let at = (0..n).find(|&i| {
            rows.item(i)
                .zip(active.as_ref())
                .is_some_and(|(r, a)| r.is_same_node(Some(a)))
        });
        let to = match (key.as_str(), at) {
            ("Home", _) => 0,
            ("End", _) => n - 1,
            ("ArrowDown", Some(i)) => (i + 1).min(n - 1),
            ("ArrowUp", Some(i)) => i.saturating_sub(1),
            _ => 0,
        };
        if let Some(row) = rows
            .item(to)
            .and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok())
        {
            ev.prevent_default();
            let _ = row.focus();
        }
    };
    view! {
        <p class="hint">{i18n.tr(Text::ReportTimelineHint)}</p>
        {no_graph.then(|| view! { <p class="banner banner-warn" data-testid="report-no-graph">{i18n.tr(Text::ReportNoGraph)}</p> })}
        <div class="grid-scroll" tabindex="0" role="region" aria-labelledby="report-timeline-title">
        <table class="gantt" data-testid="gantt" aria-labelledby="report-timeline-title" on:keydown=on_key>
            <thead>
                <tr>
                    <th scope="col">{i18n.tr(Text::ReportColStep)}</th>
                    <th scope="col">{i18n.tr(Text::ReportColState)}</th>
                    <th scope="col" class="num">{i18n.tr(Text::ReportColStart)}</th>
                    <th scope="col" class="num">{i18n.tr(Text::ReportColTook)}</th>
                    <th scope="col" class="gantt-axis"><div class="gantt-ticks">{ticks_head}</div></th>
                </tr>
            </thead>
            {body}
        </table>
        </div>
    }
}

#[component]
fn GanttRow(b: Bar, t: std::sync::Arc<Timeline>) -> impl IntoView {
    let i18n = use_i18n();
    let look = subtask_status(b.status.as_ref());
    let mark = b.mark;
    let state = move || {
        let lang = i18n.lang.get();
        let mut s = i18n.t(look.text).to_string();
        if let Some(m) = mark {
            s.push_str(&format!(" · {}", words::mark(m, lang)));
        }
        s
    };
    let start = b.start_ms.map(|s| s - t.origin_ms);
    let took = b.duration_ms();
    let wait = b.wait_ms().filter(|w| *w > 0);
    // Positions go through the CSSOM (`style:`), which the console's CSP allows; a `style`
    // attribute would be refused.
    let pct = |v: f64| format!("{v:.3}%");
    let bar = match (
        b.start_ms,
        b.end_ms.or(Some(t.end_ms)).filter(|_| b.start_ms.is_some()),
    ) {
        (Some(s), Some(e)) => {
            let left = t.pct(s);
            Some((pct(left), pct((t.pct(e) - left).max(0.4))))
        }
        _ => None,
    };
    let wait_style = match (b.ready_ms, b.start_ms, wait) {
        (Some(r), Some(s), Some(_)) => {
            let left = t.pct(r);
            Some((pct(left), pct(t.pct(s) - left)))
        }
        _ => None,
    };
    let critical = b.critical;
    let crit_word = move || critical.then(|| format!(" · {}", i18n.t(Text::ReportCritical)));
    view! {
        <tr class="gantt-row" tabindex="-1" data-testid="gantt-row" data-step=b.id.map(|i| i.to_string()).unwrap_or_default()
            class:critical=critical class:marked=mark.is_some()>
            <th scope="row">{b.name.clone()}</th>
            <td><span class=format!("node-{} status-text", look.class)>{look.icon}" "{state}{crit_word}</span></td>
            <td class="num">{move || start.map(|s| format!("+{}", human::duration(s, i18n.lang.get()))).unwrap_or_else(|| i18n.t(Text::ReportNotStarted).to_string())}</td>
            <td class="num">{move || took.map(|d| human::duration(d, i18n.lang.get())).unwrap_or_else(|| "—".to_string())}</td>
            <td class="gantt-axis">
                <div class="gantt-track">
                    {wait_style.map(|(l, w)| view! { <span class="gantt-wait" style:left=l style:width=w title=move || wait.map(|w| i18n.f(Text::ReportWaited, &[&human::duration(w, i18n.lang.get())]))></span> })}
                    {bar.map(|(l, w)| view! { <span class=format!("gantt-bar node-{}", look.class) class:critical=critical style:left=l style:width=w data-testid="gantt-bar"></span> })}
                </div>
            </td>
        </tr>
    }
}
