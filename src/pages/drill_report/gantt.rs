//! The step timeline (an ARIA table of rows laid out as grids: a 2,000-row HTML table took half
//! a second of layout; these rows skip rendering while off screen): one row per step, grouped by the graph's layer, a bar from its first
//! start to its last end on one axis from the launch, the wait before it as a thin line, the
//! actual critical path marked, retries/skips/cancels/rollbacks named on their step. Every row
//! is drawn (a printout needs them all); Up/Down/Home/End move between steps. Positions are
//! `console_core::drill::timeline`'s.

use crate::i18n::use_i18n;
use console_core::drill::timeline::{Bar, Timeline};
use console_core::drill::words;
use console_core::i18n::{fill, text, Lang, Text};
use console_core::present::subtask_status;
use console_core::time::human;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Gridlines at most.
const TICKS: usize = 8;
/// Rows beyond which off-screen rows are not rendered until scrolled near.
const BIG: usize = 200;

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
    // The layers in order, each with its bars (indices into `t.bars`).
    let mut layers: Vec<(usize, Vec<usize>)> = Vec::new();
    for (i, b) in t.bars.iter().enumerate() {
        match layers.last_mut() {
            Some((l, bars)) if *l == b.layer => bars.push(i),
            _ => layers.push((b.layer, vec![i])),
        }
    }
    // A long timeline's rows skip rendering while off screen (2,000 rows of layout were half a
    // second); a short one is drawn whole, so a screenshot or find-in-page sees every row.
    let gantt_class = if t.bars.len() > BIG {
        "gantt gantt-big"
    } else {
        "gantt"
    };
    let t = std::sync::Arc::new(t);
    let no_graph = t.no_graph;
    // Drawn once per language with plain text in every cell: 2,000 rows of per-cell reactive
    // text cost more than the rows themselves, and only the language ever changes them.
    let body = {
        let t = t.clone();
        move || {
            let lang = i18n.lang.get();
            layers
                .iter()
                .map(|(layer, bars)| {
                    view! {
                        <div role="rowgroup">
                            {(!no_graph).then(|| view! {
                                <div role="row" class="gantt-layer"><span role="rowheader" aria-colspan="5">{i18n.f(Text::ReportLayer, &[&(layer + 1).to_string()])}</span></div>
                            })}
                            {bars.iter().map(|&i| gantt_row(&t.bars[i], &t, lang)).collect_view()}
                        </div>
                    }
                })
                .collect_view()
        }
    };
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
        let Ok(rows) = table.query_selector_all(".gantt-row") else {
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
        <div class=gantt_class role="table" data-testid="gantt" aria-labelledby="report-timeline-title" on:keydown=on_key>
            <div role="rowgroup" class="gantt-head">
                <div role="row" class="gantt-r">
                    <span role="columnheader">{i18n.tr(Text::ReportColStep)}</span>
                    <span role="columnheader">{i18n.tr(Text::ReportColState)}</span>
                    <span role="columnheader" class="num">{i18n.tr(Text::ReportColStart)}</span>
                    <span role="columnheader" class="num">{i18n.tr(Text::ReportColTook)}</span>
                    <span role="columnheader" class="gantt-axis"><span class="gantt-ticks">{ticks_head}</span></span>
                </div>
            </div>
            {body}
        </div>
        </div>
    }
}

/// One step's row, its words in `lang`.
fn gantt_row(b: &Bar, t: &Timeline, lang: Lang) -> impl IntoView {
    let look = subtask_status(b.status.as_ref());
    let mut state = text(lang, look.text).to_string();
    if let Some(m) = b.mark {
        state.push_str(&format!(" · {}", words::mark(m, lang)));
    }
    if b.critical {
        state.push_str(&format!(" · {}", text(lang, Text::ReportCritical)));
    }
    let start = match b.start_ms {
        Some(s) => format!("+{}", human::duration(s - t.origin_ms, lang)),
        None => text(lang, Text::ReportNotStarted).to_string(),
    };
    let took = b
        .duration_ms()
        .map(|d| human::duration(d, lang))
        .unwrap_or_else(|| "—".to_string());
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
    let waited = match (b.ready_ms, b.start_ms, wait) {
        (Some(r), Some(s), Some(w)) => {
            let left = t.pct(r);
            Some((
                pct(left),
                pct(t.pct(s) - left),
                fill(lang, Text::ReportWaited, &[&human::duration(w, lang)]),
            ))
        }
        _ => None,
    };
    // As few dynamic parts as a row can have (one class string, four texts, the bar's two
    // positions): 2,000 rows of them are most of the report's time.
    let row_class = format!(
        "gantt-r gantt-row{}{}",
        if b.critical { " critical" } else { "" },
        if b.mark.is_some() { " marked" } else { "" }
    );
    let (bar_left, bar_width, bar_class) = match bar {
        Some((l, w)) => (
            l,
            w,
            format!(
                "gantt-bar node-{}{}",
                look.class,
                if b.critical { " critical" } else { "" }
            ),
        ),
        None => (String::new(), String::new(), "gantt-bar none".to_string()),
    };
    let state = format!("{} {state}", look.icon);
    view! {
        <div role="row" class=row_class tabindex="-1">
            <span role="rowheader" class="gantt-name">{b.name.clone()}</span>
            <span role="cell" class=format!("node-{} status-text", look.class)>{state}</span>
            <span role="cell" class="num">{start}</span>
            <span role="cell" class="num">{took}</span>
            <span role="cell" class="gantt-axis gantt-track">
                {waited.map(|(l, w, title)| view! { <span class="gantt-wait" style:left=l style:width=w title=title></span> })}
                <span class=bar_class style:left=bar_left style:width=bar_width></span>
            </span>
        </div>
    }
}
