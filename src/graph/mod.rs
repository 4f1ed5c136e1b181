//! The live task graph: its reactive model (`model`), the SVG view with pan and zoom (`view`),
//! the accessible table of the same subtasks (`table`), and the legend.

pub mod details;
pub mod legend;
pub mod model;
pub mod table;
pub mod view;

use console_core::i18n::Text;
use console_core::task_view::Impact;
use console_core::wire::SubtaskStatus;

/// Icon, CSS slug and words of a status: colour is never the only signal.
pub fn status_look(s: Option<&SubtaskStatus>) -> (&'static str, &'static str, Text) {
    match s {
        Some(SubtaskStatus::Pending) => ("○", "pending", Text::StPending),
        Some(SubtaskStatus::Ready) => ("◔", "ready", Text::StReady),
        Some(SubtaskStatus::Running) => ("▶", "running", Text::StRunning),
        Some(SubtaskStatus::Canceling) => ("‖", "canceling", Text::StCanceling),
        Some(SubtaskStatus::Failed) => ("✖", "failed", Text::StFailed),
        Some(SubtaskStatus::Successful) => ("✔", "successful", Text::StSuccessful),
        Some(SubtaskStatus::Unknown(_)) | None => ("?", "unknown", Text::StUnknown),
    }
}

/// A status in words; one this console does not know is shown as OCP sent it, marked
/// "unrecognised", never mapped to a known state.
pub fn status_words(i18n: crate::i18n::I18n, s: Option<&SubtaskStatus>) -> String {
    match s {
        Some(SubtaskStatus::Unknown(raw)) => {
            format!("{raw} ({})", i18n.t(Text::Unrecognised))
        }
        other => i18n.t(status_look(other).2).to_string(),
    }
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
