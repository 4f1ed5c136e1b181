//! The ledger's table: one row per drill, newest first, only the rows near the screen drawn
//! (`components::windowed`). How each value reads is `console_core::drill::words`.

use crate::components::windowed::{aria_row, Drawn, WindowedTable};
use crate::i18n::use_i18n;
use console_core::drill::ledger::Drill;
use console_core::drill::words;
use console_core::i18n::Text;
use console_core::time::{human, Instant, Offset};
use leptos::prelude::*;

#[component]
pub(crate) fn DrillTable(
    rows: Signal<Vec<Drill>>,
    now: Signal<i64>,
    zone: Offset,
) -> impl IntoView {
    let i18n = use_i18n();
    let head = move || {
        view! {
            <th scope="col">{i18n.f(Text::DrillColLaunchedIn, &[&human::zone_label(zone)])}</th>
            <th scope="col">{i18n.t(Text::DrillColKind)}</th>
            <th scope="col">{i18n.t(Text::DrillColTarget)}</th>
            <th scope="col">{i18n.t(Text::ColCreator)}</th>
            <th scope="col">{i18n.t(Text::DrillColResult)}</th>
            <th scope="col">{i18n.t(Text::DrillColRto)}</th>
            <th scope="col">{i18n.t(Text::DrillColRpo)}</th>
            <th scope="col">{i18n.t(Text::DrillColObjective)}</th>
            <th scope="col">{i18n.t(Text::ReportLink)}</th>
        }
    };
    let row = move |d: Drawn<Drill>| view! { <DrillRow index=d.index d=d.item now zone /> };
    let label = Signal::derive(move || i18n.t(Text::DrillsTable).to_string());
    view! {
        <WindowedTable rows head columns=9 key=|i: usize, d: &Drill| (i, d.id) class="drills-grid" row_px=44 label row />
    }
}

#[component]
fn DrillRow(index: usize, d: Drill, now: Signal<i64>, zone: Offset) -> impl IntoView {
    let i18n = use_i18n();
    let id = d.id;
    let launched = d.launched_ms;
    let when = move || {
        let lang = i18n.lang.get();
        launched.map(|ms| {
            let t = Instant::from_epoch_ms(ms);
            let n = Instant::from_epoch_ms(now.get());
            format!(
                "{} · {}",
                human::when(t, n, zone, lang),
                human::age(t, n, lang)
            )
        })
    };
    let kind = d.kind;
    let outcome = d.outcome;
    let objective = d.objective;
    let (rpo, rpo_check) = (d.rpo, d.rpo_check);
    let rto = d.rto_ms;
    let over_rpo = matches!(
        rpo_check,
        Some(console_core::precheck::objectives::RpoCheck::Exceeded { .. })
    );
    view! {
        <tr data-testid="drill-row" data-task=id.to_string() aria-rowindex=aria_row(index)>
            <td>{when}</td>
            <td>{move || words::kind(kind, i18n.lang.get())}</td>
            <td>
                <a href=format!("/tasks/{id}") data-testid="drill-target">{d.target.clone()}</a>
                {(d.tenant.is_some()).then(|| view! { <div class="muted">{d.cluster.clone()}</div> })}
            </td>
            <td>{d.creator.clone().unwrap_or_else(|| "—".to_string())}</td>
            <td>
                <span class=format!("node-{} status-text", words::outcome_class(outcome)) data-testid="drill-result">
                    {move || words::outcome(outcome, i18n.lang.get())}
                </span>
                {d.intervened.then(|| view! { " " <span class="badge" data-testid="drill-intervened">{i18n.tr(Text::DrillIntervenedBadge)}</span> })}
            </td>
            <td data-testid="drill-rto">{move || rto.map(|ms| human::duration(ms, i18n.lang.get())).unwrap_or_else(|| "—".to_string())}</td>
            <td data-testid="drill-rpo" class:objective-missed=over_rpo>{move || words::rpo(rpo, rpo_check, i18n.lang.get())}</td>
            <td data-testid="drill-objective" class=format!("objective-{}", words::objective_class(objective))>
                {move || words::objective(objective, i18n.lang.get())}
            </td>
            <td><a href=format!("/tasks/{id}/report") data-testid="drill-report-link">{i18n.tr(Text::ReportLink)}</a></td>
        </tr>
    }
}
