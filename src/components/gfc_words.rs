//! How GFC values read on screen, the same on the component page, its operations and its
//! report: a component's state in words, a check's and an operation's status as icon, colour
//! class (`node-…`, the task graph's palette) and word.

use console_core::gfc::{CheckStatus, ComponentState, OperationState};
use console_core::i18n::Text;

pub fn state_text(s: &ComponentState) -> Text {
    match s {
        ComponentState::Invalid => Text::GfcStateInva,
        ComponentState::Manual => Text::GfcStateManu,
        ComponentState::Auto => Text::GfcStateAuto,
        ComponentState::Primary => Text::GfcStatePrim,
        ComponentState::StickyAuto => Text::GfcStateManp,
        ComponentState::Partly => Text::GfcStatePartly,
        ComponentState::Unknown(_) => Text::StUnknown,
    }
}

pub fn check_look(s: &CheckStatus) -> (&'static str, &'static str, Text) {
    match s {
        CheckStatus::Pending => ("○", "pending", Text::StPending),
        CheckStatus::Running => ("▶", "running", Text::StRunning),
        CheckStatus::Pass => ("✔", "successful", Text::GfcPass),
        CheckStatus::Warn => ("⚠", "warn", Text::GfcWarn),
        CheckStatus::Fail => ("✖", "failed", Text::GfcFail),
        CheckStatus::Unknown(_) => ("?", "unknown", Text::StUnknown),
    }
}

pub fn op_look(s: &OperationState) -> (&'static str, &'static str, Text) {
    match s {
        OperationState::Queued => ("○", "pending", Text::GfcQueued),
        OperationState::InProgress => ("▶", "running", Text::StRunning),
        OperationState::Done => ("✔", "successful", Text::GfcDone),
        OperationState::Failed => ("✖", "failed", Text::StFailed),
        OperationState::Unknown(_) => ("?", "unknown", Text::StUnknown),
    }
}
