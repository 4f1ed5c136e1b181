//! The board's table: only the rows near the screen are drawn (`components::windowed`). Rows
//! are keyed by what they show, so scrolling reuses the rows already drawn and a verdict that
//! arrives redraws only its row.

use crate::components::windowed::{aria_row, Drawn, WindowedTable};
use crate::i18n::use_i18n;
use console_core::i18n::{describe_failure, Text};
use console_core::precheck::board::{Kind, Row};
use console_core::precheck::objectives::RpoCheck;
use console_core::precheck::pass::Pass;
use console_core::precheck::verdict::Verdict;
use console_core::present;
use console_core::time::{human, Instant};
use console_core::ApiFailure;
use leptos::prelude::*;
use std::collections::BTreeMap;

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
    let head = move || {
        view! {
            <th scope="col">{i18n.tr(Text::ReadinessColStandby)}</th>
            <th scope="col">{i18n.tr(Text::ReadinessColCluster)}</th>
            <th scope="col">{i18n.tr(Text::ReadinessColRole)}</th>
            <th scope="col">{i18n.tr(Text::ReadinessColPrimary)}</th>
            <th scope="col">{i18n.tr(Text::ReadinessColLag)}</th>
            <th scope="col">{i18n.tr(Text::ReadinessColLast)}</th>
            <th scope="col">{i18n.tr(Text::ReadinessColBlocking)}</th>
        }
    };
    let row = move |d: Drawn<Row>| view! { <BoardRow index=d.index row=d.item pass failed now /> };
    let label = Signal::derive(move || i18n.t(Text::ReadinessTitle).to_string());
    view! {
        <WindowedTable rows head columns=7 key=row_key class="readiness-grid" row_px=56 label row />
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
    let row_index = aria_row(index);
    let row_rpo = row.rpo();
    let Row {
        standby,
        last,
        lag_secs,
        recommended,
        ..
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
        Some(href) => view! { <a href=href>{name}</a> }.into_any(),
        None => view! { <span>{name}</span> }.into_any(),
    };
    let role = match standby.kind {
        Kind::Cluster => Text::ReadinessKindCluster,
        _ => Text::ReadinessKindTenant,
    };
    let primary = standby.primary_name.clone();
    // Reactive, so a change of language rewords it.
    let rpo = move || {
        row_rpo.map(|check| {
        let d = |s: i64| human::duration(s * 1000, i18n.lang.get());
        let (text, bad) = match check {
            RpoCheck::Met { rpo_secs } => (i18n.f(Text::ObjectiveRpoMet, &[&d(rpo_secs)]), false),
            RpoCheck::Exceeded { rpo_secs, lag_secs } => (
                i18n.f(Text::ObjectiveRpoExceeded, &[&d(rpo_secs), &d(lag_secs)]),
                true,
            ),
            RpoCheck::Unknown { rpo_secs } => (i18n.f(Text::ObjectiveRpoUnknown, &[&d(rpo_secs)]), true),
        };
        view! { <br /><small class:form-error=bad class:muted=!bad data-testid="rpo-objective">{text}</small> }
    })
    };
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
            <td data-label=i18n.tr(Text::ReadinessColLag)>{lag}{rpo}</td>
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
