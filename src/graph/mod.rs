//! The live task graph and what surrounds it on the task page (its reactive model is
//! `hooks::task_model`):
//! - `view`: `<TaskGraph>`, the SVG view, composed of
//!   - `camera`: pan and zoom (after `console_core::graph::viewport`) and culling, what is drawn,
//!   - `gestures`: drag, pinch and wheel,
//!   - `keys`: moving between steps at the keyboard, and panning and zooming there,
//!   - `minimap`: the overview of a graph too big to render whole,
//!   - `node`: one step drawn;
//! - `table`: the accessible table of the same subtasks; `details`: the selected step's panel;
//! - `legend`: what the marks mean; `announcer`: step and task changes, told to screen readers;
//! - `undrawable`: a task whose steps cannot form a graph, listed instead, with their actions.

pub(crate) mod announcer;
pub(crate) mod camera;
pub mod details;
pub(crate) mod gestures;
pub(crate) mod keys;
pub mod legend;
pub(crate) mod minimap;
pub(crate) mod node;
pub mod table;
pub(crate) mod undrawable;
pub mod view;

use console_core::present;
use console_core::task::interventions::{Impact, Intervention};
use console_core::wire::SubtaskStatus;
use leptos::prelude::Get;

/// A status in words; one this console does not know is shown as OCP sent it, marked
/// "unrecognised", never mapped to a known state.
pub fn status_words(i18n: crate::i18n::I18n, s: Option<&SubtaskStatus>) -> String {
    let unknown = match s {
        Some(SubtaskStatus::Unknown(raw)) => Some(raw.as_str()),
        _ => None,
    };
    present::words(i18n.lang.get(), present::subtask_status(s), unknown)
}

/// Badge and CSS slug of a previewed impact.
pub fn impact_look(i: Impact) -> (String, &'static str) {
    match i {
        Impact::Rerun => ("↻".into(), "rerun"),
        Impact::Skip => ("⤼".into(), "skip"),
        Impact::Undo(n) => (format!("↶{n}"), "undo"),
        Impact::Stop => ("■".into(), "stop"),
    }
}

/// An intervention's button, in words.
pub(crate) fn action_words(i18n: crate::i18n::I18n, a: Intervention) -> &'static str {
    use console_core::i18n::Text;
    match a {
        Intervention::RetrySubtask(_) => i18n.t(Text::ActRetryStep),
        Intervention::SkipSubtask(_) => i18n.t(Text::ActSkipStep),
        Intervention::CancelSubtask(_) => i18n.t(Text::ActCancelStep),
        Intervention::RetryTask => i18n.t(Text::ActRetryTask),
        Intervention::RollbackTask => i18n.t(Text::ActRollbackTask),
    }
}

/// A step intervention's button id (`act-retry`, `act-skip`, `act-cancel`).
pub(crate) fn action_testid(a: Intervention) -> &'static str {
    match a {
        Intervention::RetrySubtask(_) => "act-retry",
        Intervention::SkipSubtask(_) => "act-skip",
        Intervention::CancelSubtask(_) => "act-cancel",
        _ => "act-task",
    }
}
