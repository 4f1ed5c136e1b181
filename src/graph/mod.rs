//! The live task graph: its reactive model (`model`), the SVG view with pan and zoom (`view`),
//! the accessible table of the same subtasks (`table`), and the legend.

pub mod details;
pub mod legend;
pub mod model;
pub mod table;
pub mod view;

use console_core::present;
use console_core::task_view::Impact;
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
