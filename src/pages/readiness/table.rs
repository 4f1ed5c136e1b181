//! The board's table, drawing only the rows near the screen (`console_core::window`): a spacer
//! row above and below keeps the scrollbar true, and `aria-rowcount`/`aria-rowindex` tell a
//! screen reader where each drawn row sits in the whole list. Rows are keyed by what they show,
//! so scrolling reuses the rows already drawn and a verdict that arrives redraws only its row.

use crate::i18n::use_i18n;
use console_core::i18n::{describe_failure, Text};
use console_core::precheck::board::{Kind, Row};
use console_core::precheck::pass::Pass;
use console_core::precheck::verdict::Verdict;
use console_core::present;
use console_core::time::{human, Instant};
use console_core::window::window;
use console_core::ApiFailure;
use leptos::html::Div;
use leptos::prelude::*;
use leptos_router::components::A;
use std::collections::BTreeMap;
use wasm_bindgen::JsCast;

/// Row height assumed until the first row is measured (px).
const ROW_PX: u32 = 56;

/// What identifies a drawn row: its standby and everything it shows that can change.
fn row_key(index: usize, r: &Row) -> (usize, String, Option<i64>, Option<i64>, bool) {
    (
        index,
        r.standby.key.clone(),
        r.last.as_ref().map(|l| l.at_ms),
        r.lag_secs,
        r.recommended,
    )
}

#[component]
pub(super) fn BoardTable(
    rows: Memo<Vec<Row>>,
    pass: RwSignal<Pass>,
    failed: RwSignal<BTreeMap<String, ApiFailure>>,
    now: RwSignal<i64>,
) -> impl IntoView {
    let i18n = use_i18n();
    let scroller = NodeRef::<Div>::new();
    let scroll_px = RwSignal::new(0.0);
    let view_px = RwSignal::new(0.0);
    let row_px = RwSignal::new(ROW_PX);
    // Runs from a frame callback: the table may be gone by then, so nothing here may panic.
    let measure = move || {
        if let Some(el) = scroller.try_get_untracked().flatten() {
            view_px.try_set(f64::from(el.client_height()));
            scroll_px.try_set(f64::from(el.scroll_top()));
            // The first drawn data row says how tall rows are here (screen width, language).
            if let Ok(Some(row)) = el.query_selector("tbody tr[data-testid=readiness-row]") {
                if let Some(h) = row
                    .dyn_ref::<web_sys::HtmlElement>()
                    .map(|r| r.offset_height())
                    .filter(|h| *h > 0)
                {
                    row_px.try_set(h as u32);
                }
            }
        }
    };
    Effect::new(move |_| {
        rows.track();
        request_animation_frame(measure);
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    let win = Memo::new(move |_| {
        window(
            rows.with(Vec::len),
            row_px.get(),
            scroll_px.get(),
            view_px.get(),
        )
    });
    let drawn = move || {
        let w = win.get();
        rows.with(|r| {
            r[w.start..w.end]
                .iter()
                .enumerate()
                .map(|(i, row)| (w.start + i, row.clone()))
                .collect::<Vec<_>>()
        })
    };
    let total = move || rows.with(Vec::len);
    view! {
        <div class="grid-scroll board-scroll" tabindex="0" node_ref=scroller
            on:scroll=move |_| {
                if let Some(el) = scroller.get_untracked() {
                    scroll_px.set(f64::from(el.scroll_top()));
                }
            }>
            <table class="grid readiness-grid" aria-rowcount=move || (total() + 1).to_string()>
                <thead><tr aria-rowindex="1">
                    <th scope="col">{i18n.tr(Text::ReadinessColStandby)}</th>
                    <th scope="col">{i18n.tr(Text::ReadinessColCluster)}</th>
                    <th scope="col">{i18n.tr(Text::ReadinessColRole)}</th>
                    <th scope="col">{i18n.tr(Text::ReadinessColPrimary)}</th>
                    <th scope="col">{i18n.tr(Text::ReadinessColLag)}</th>
                    <th scope="col">{i18n.tr(Text::ReadinessColLast)}</th>
                    <th scope="col">{i18n.tr(Text::ReadinessColBlocking)}</th>
                </tr></thead>
                <tbody>
                    <tr class="spacer" aria-hidden="true" style:height=move || format!("{}px", win.get().before_px)>
                        <td colspan="7"></td>
                    </tr>
                    <For each=drawn key=|(i, r)| row_key(*i, r) let:item>
                        <BoardRow index=item.0 row=item.1 pass failed now />
                    </For>
                    <tr class="spacer" aria-hidden="true" style:height=move || format!("{}px", win.get().after_px)>
                        <td colspan="7"></td>
                    </tr>
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn BoardRow(
    index: usize,
    row: Row,
    pass: RwSignal<Pass>,
    failed: RwSignal<BTreeMap<String, ApiFailure>>,
    now: RwSignal<i64>,
) -> impl IntoView {
    let i18n = use_i18n();
    let ready = row.ready();
    let row_index = (index + 2).to_string();
    let Row {
        standby,
        last,
        lag_secs,
        recommended,
    } = row;
    let key = standby.key.clone();
    if let Kind::TenantsUnloaded(f) = &standby.kind {
        let f = f.clone();
        return view! {
            <tr data-testid="readiness-row" data-key=key data-ready="false" aria-rowindex=row_index>
                <th scope="row">{standby.name.clone()}</th>
                <td data-label=i18n.tr(Text::ReadinessColCluster)>{standby.cluster_name.clone()}</td>
                <td colspan="5" class="form-error" data-testid="row-problem">
                    {move || i18n.f(Text::ReadinessUnloaded, &[&describe_failure(i18n.lang.get(), &f)])}
                </td>
            </tr>
        }
        .into_any();
    }
    let name = standby.name.clone();
    let link = match standby.href() {
        Some(href) => view! { <A href>{name}</A> }.into_any(),
        None => view! { <span>{name}</span> }.into_any(),
    };
    let role = match standby.kind {
        Kind::Cluster => Text::ReadinessKindCluster,
        _ => Text::ReadinessKindTenant,
    };
    let primary = standby.primary_name.clone();
    let lag = move || match lag_secs {
        Some(l) => {
            let d = human::duration(l * 1000, i18n.lang.get());
            view! {
                <span data-testid="lag">{i18n.f(Text::LagSeconds, &[&d])}</span>
                <br /><small class="muted" data-testid="rpo">{i18n.f(Text::ReadinessRpo, &[&d])}</small>
            }
            .into_any()
        }
        None => view! {
            <span data-testid="lag">{i18n.t(Text::ReadinessLagUnknown)}</span>
            <br /><small class="muted" data-testid="rpo">{i18n.t(Text::ReadinessRpoUnknown)}</small>
        }
        .into_any(),
    };
    let k_q = key.clone();
    let in_flight = move || pass.with(|p| p.is_running(&k_q));
    let k_w = key.clone();
    let waiting = move || pass.with(|p| p.is_waiting(&k_w));
    let blocking = last
        .as_ref()
        .map(|r| r.blocking.join(", "))
        .filter(|c| !c.is_empty())
        .unwrap_or_else(|| "—".into());
    let verdict = move || {
        match &last {
        Some(r) => {
            let v = r.verdict();
            let (icon, look, _) = present::verdict(v).parts();
            let word = match v {
                Verdict::Pass => i18n.t(Text::VerdictPassFailover),
                other => i18n.t(present::verdict(other).text),
            };
            let age = human::age(
                Instant::from_epoch_ms(r.at_ms),
                Instant::from_epoch_ms(now.get()),
                i18n.lang.get(),
            );
            let exact = Instant::from_epoch_ms(r.at_ms).to_iso();
            view! {
                <span class=format!("verdict-chip {look}") data-testid="verdict">{icon}" "{word}</span>
                " · "<time datetime=exact.clone() title=exact data-testid="age">{age}</time>
            }
            .into_any()
        }
        None => view! { <span class="muted" data-testid="verdict">{i18n.t(Text::ReadinessNever)}</span> }.into_any(),
    }
    };
    let k_f = key.clone();
    let failure = move || {
        failed.with(|f| f.get(&k_f).cloned()).map(|f| {
            view! { <br /><small class="form-error" data-testid="row-problem">{i18n.f(Text::ReadinessCheckFailed, &[&describe_failure(i18n.lang.get(), &f)])}</small> }
        })
    };
    view! {
        <tr data-testid="readiness-row" data-key=key data-ready=ready.to_string() data-recommended=recommended.to_string()
            class:recommended=recommended aria-rowindex=row_index>
            <th scope="row">
                {link}
                {recommended.then(|| view! { " "<span class="badge badge-recommended" data-testid="recommended">{i18n.tr(Text::ReadinessRecommended)}</span> })}
            </th>
            <td data-label=i18n.tr(Text::ReadinessColCluster)>{standby.cluster_name.clone()}</td>
            <td data-label=i18n.tr(Text::ReadinessColRole)>{i18n.tr(role)}</td>
            <td data-label=i18n.tr(Text::ReadinessColPrimary)>{move || primary.clone().unwrap_or_else(|| i18n.t(Text::ReadinessPrimaryUnknown).to_string())}</td>
            <td data-label=i18n.tr(Text::ReadinessColLag)>{lag}</td>
            <td data-label=i18n.tr(Text::ReadinessColLast)>
                {verdict}
                {move || in_flight().then(|| view! { <br /><small class="loading" data-testid="row-running">{i18n.t(Text::ReadinessInFlight)}</small> })}
                {move || waiting().then(|| view! { <br /><small class="muted" data-testid="row-waiting">{i18n.t(Text::ReadinessWaiting)}</small> })}
                {failure}
            </td>
            <td data-label=i18n.tr(Text::ReadinessColBlocking)><code data-testid="blocking">{blocking}</code></td>
        </tr>
    }
    .into_any()
}
