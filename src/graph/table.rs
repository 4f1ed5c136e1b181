//! The same subtasks as a table, in execution order: for keyboard and screen-reader users and
//! for copying. Rows bind to the same per-node signals as the graph. The page mounts it only
//! while shown; a long task's rows arrive in chunks, one per animation frame, so the first
//! rows show at once and the page never freezes while the rest are added (all of them are,
//! without asking).

use super::status_words;
use crate::components::unreadable::StateWord;
use crate::components::when::{local_zone_now, When};
use crate::hooks::task_model::TaskModel;
use crate::hooks::timing::Timing;
use crate::i18n::use_i18n;
use console_core::i18n::Text;
use console_core::present;
use console_core::task::eta::step_eta_words;
use console_core::task::interventions::overdue;
use console_core::time::human;
use leptos::prelude::*;

/// Rows in the first paint of the table, then rows added per animation frame.
const FIRST_ROWS: usize = 200;
const CHUNK_ROWS: usize = 400;

#[component]
pub fn SubtaskTable(
    model: TaskModel,
    selected: RwSignal<Option<usize>>,
    #[prop(into)] now_ms: Signal<i64>,
    /// The time left, for each waiting step's own ETA.
    timing: Timing,
) -> impl IntoView {
    let i18n = use_i18n();
    // The header names the zone once; a cell names its own only when it differs (summer time).
    let zone = local_zone_now();
    let is_selected = Selector::new(move || selected.get());
    // Rows rendered so far, in execution order, tagged with the structure they index.
    let limit = RwSignal::new(FIRST_ROWS);
    // A new structure starts again from the first chunk.
    Effect::new(move |prev: Option<()>| {
        model.version.track();
        if prev.is_some() {
            limit.set(FIRST_ROWS);
        }
    });
    let order = Memo::new(move |_| {
        model.version.track();
        model
            .structure
            .with_untracked(|s| s.as_ref().map(|s| s.order.clone()))
            .unwrap_or_default()
    });
    // One more chunk per frame until every row is there.
    Effect::new(move |_| {
        let (shown, total) = (limit.get(), order.with(Vec::len));
        if shown < total {
            request_animation_frame(move || {
                let _ = limit.try_update(|l| *l = (*l + CHUNK_ROWS).min(total));
            });
        }
    });
    let each = move || {
        let version = model.version.get_untracked();
        let n = limit.get();
        order.with(|o| o.iter().take(n).map(|i| (version, *i)).collect::<Vec<_>>())
    };
    let row = move |(version, i): (u64, usize)| {
        let s = model
            .structure
            .get_untracked()
            .filter(|_| model.version.get_untracked() == version)?;
        let info = s.info.get(i)?.clone();
        let state = *s.nodes.get(i)?;
        let layer = s.graph.layer[i] + 1;
        let selector = is_selected.clone();
        let status = move || {
            let (icon, words) = state.with(|n| {
                (
                    present::subtask_status(n.status.as_ref()).parts().0,
                    status_words(i18n, n.status.as_ref()),
                )
            });
            format!("{icon} {words}")
        };
        let elapsed = move || {
            let n = state.get();
            let start = n.start_ms()?;
            let running = present::subtask_status(n.status.as_ref()).is_active();
            let end = if running {
                now_ms.get()
            } else {
                n.finish_ms()?
            };
            Some(human::duration(end - start, i18n.lang.get()))
        };
        let late = move || {
            let n = state.get();
            let running = present::subtask_status(n.status.as_ref()).is_active();
            (running
                && overdue(
                    n.status.as_ref(),
                    n.start_ms(),
                    info.timeout_s,
                    now_ms.get(),
                ))
            .then(|| i18n.t(Text::Overdue))
        };
        // One memo per row: its text changes only when this step's own figures do.
        let eta_name = info.name.clone();
        let eta = Memo::new(move |_| {
            let status = state.with(|n| n.status.clone());
            timing.step_eta(i, &eta_name, status.as_ref())
        });
        Some(view! {
            <tr data-testid="subtask-row" class:selected=move || selector.selected(&Some(i))>
                <td class="num">{layer}</td>
                <td><button class="linklike" on:click=move |_| selected.set(Some(i))>{info.name.clone()}</button></td>
                <td data-testid="subtask-status">{status}</td>
                <td>{move || state.with(|n| n.operation.as_ref().map(|o| view! { <StateWord look=present::subtask_operation(o) wire=o.as_wire().to_string() /> }))}</td>
                <td class="num">{move || state.with(|n| n.run_time)}</td>
                <td><When raw=Signal::derive(move || state.with(|n| n.start.clone())) now=now_ms header_zone=zone /></td>
                <td>{elapsed}" "<span class="late">{late}</span></td>
                <td data-testid="subtask-eta">{move || step_eta_words(eta.get(), i18n.lang.get())}</td>
                <td class="num">{move || info.timeout_s.map(|t| human::duration(t.saturating_mul(1000), i18n.lang.get()))}</td>
                <td>{info.prohibit_rollback.then(|| i18n.t(Text::LegendNoRollback))}</td>
            </tr>
        })
    };
    view! {
        <table class="grid" data-testid="subtasks">
            <thead><tr>
                <th scope="col">"#"</th>
                <th scope="col">{i18n.tr(Text::ColSubtask)}</th>
                <th scope="col">{i18n.tr(Text::ColStatus)}</th>
                <th scope="col">{i18n.tr(Text::ColOperation)}</th>
                <th scope="col" class="num">{i18n.tr(Text::ColRuns)}</th>
                <th scope="col">{move || i18n.f(Text::ColStartedIn, &[&human::zone_label(zone)])}</th>
                <th scope="col">{i18n.tr(Text::ColElapsed)}</th>
                <th scope="col">{i18n.tr(Text::ColEta)}</th>
                <th scope="col" class="num">{i18n.tr(Text::ColTimeout)}</th>
                <th scope="col">{i18n.tr(Text::ColRollback)}</th>
            </tr></thead>
            <tbody><For each=each key=|r| *r children=row /></tbody>
        </table>
    }
}
