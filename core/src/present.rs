//! How every state reads on screen: one table for OCP's task and subtask statuses, GFC's check,
//! operation and component states, and precheck verdicts. Each has an icon (colour is never the
//! only signal), a CSS class (the `node-…` palette) and a word in both languages ([`Text`]).
//! A value the console does not know gets the unknown look; pages show it verbatim beside the
//! "unrecognised" marker ([`words`]), never mapped to a known state.

use crate::gfc::{CheckStatus, ComponentState, OperationState};
use crate::i18n::{text, Lang, Text};
use crate::precheck::Verdict;
use crate::wire::{SubtaskStatus, TaskStatus};

/// Icon, CSS class and word of one state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Look {
    pub icon: &'static str,
    pub class: &'static str,
    pub text: Text,
}

impl Look {
    const fn new(icon: &'static str, class: &'static str, text: Text) -> Look {
        Look { icon, class, text }
    }

    /// `(icon, class, text)`, for destructuring in views.
    pub fn parts(self) -> (&'static str, &'static str, Text) {
        (self.icon, self.class, self.text)
    }

    /// A step or check that is under way (running or being canceled).
    pub fn is_active(self) -> bool {
        matches!(self.class, "running" | "canceling")
    }
}

const UNKNOWN: Look = Look::new("?", "unknown", Text::StUnknown);

pub fn subtask_status(s: Option<&SubtaskStatus>) -> Look {
    match s {
        Some(SubtaskStatus::Pending) => Look::new("○", "pending", Text::StPending),
        Some(SubtaskStatus::Ready) => Look::new("◔", "ready", Text::StReady),
        Some(SubtaskStatus::Running) => Look::new("▶", "running", Text::StRunning),
        Some(SubtaskStatus::Canceling) => Look::new("‖", "canceling", Text::StCanceling),
        Some(SubtaskStatus::Failed) => Look::new("✖", "failed", Text::StFailed),
        Some(SubtaskStatus::Successful) => Look::new("✔", "successful", Text::StSuccessful),
        Some(SubtaskStatus::Unknown(_)) | None => UNKNOWN,
    }
}

pub fn task_status(s: Option<&TaskStatus>) -> Look {
    match s {
        Some(TaskStatus::Running) => Look::new("▶", "running", Text::StRunning),
        Some(TaskStatus::Failed) => Look::new("✖", "failed", Text::StFailed),
        Some(TaskStatus::Successful) => Look::new("✔", "successful", Text::StSuccessful),
        Some(TaskStatus::Unknown(_)) | None => UNKNOWN,
    }
}

pub fn check_status(s: &CheckStatus) -> Look {
    match s {
        CheckStatus::Pending => Look::new("○", "pending", Text::StPending),
        CheckStatus::Running => Look::new("▶", "running", Text::StRunning),
        CheckStatus::Pass => Look::new("✔", "successful", Text::GfcPass),
        CheckStatus::Warn => Look::new("⚠", "warn", Text::GfcWarn),
        CheckStatus::Fail => Look::new("✖", "failed", Text::GfcFail),
        CheckStatus::Unknown(_) => UNKNOWN,
    }
}

pub fn operation_state(s: &OperationState) -> Look {
    match s {
        OperationState::Queued => Look::new("○", "pending", Text::GfcQueued),
        OperationState::InProgress => Look::new("▶", "running", Text::StRunning),
        OperationState::Done => Look::new("✔", "successful", Text::GfcDone),
        OperationState::Failed => Look::new("✖", "failed", Text::StFailed),
        OperationState::Unknown(_) => UNKNOWN,
    }
}

/// A component's failover state is a fact, not a progress: words only.
pub fn component_state(s: &ComponentState) -> Look {
    let text = match s {
        ComponentState::Invalid => Text::GfcStateInva,
        ComponentState::Manual => Text::GfcStateManu,
        ComponentState::Auto => Text::GfcStateAuto,
        ComponentState::Primary => Text::GfcStatePrim,
        ComponentState::StickyAuto => Text::GfcStateManp,
        ComponentState::Partly => Text::GfcStatePartly,
        ComponentState::Unknown(_) => return UNKNOWN,
    };
    Look::new("", "state", text)
}

pub fn verdict(v: Verdict) -> Look {
    match v {
        Verdict::Pass => Look::new("✔", "pass", Text::VerdictPassShort),
        Verdict::Blocked => Look::new("✖", "blocked", Text::VerdictBlocked),
        Verdict::NoVerdict => Look::new("?", "none", Text::VerdictNone),
    }
}

/// The words of a state; `unknown` is the raw value of one the console does not know, shown
/// as sent and marked.
pub fn words(lang: Lang, look: Look, unknown: Option<&str>) -> String {
    match unknown {
        Some(raw) => format!("{raw} ({})", text(lang, Text::Unrecognised)),
        None => text(lang, look.text).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_known_state_has_its_own_look_and_unknown_ones_are_never_known() {
        let subtask = [
            SubtaskStatus::Pending,
            SubtaskStatus::Ready,
            SubtaskStatus::Running,
            SubtaskStatus::Canceling,
            SubtaskStatus::Failed,
            SubtaskStatus::Successful,
        ];
        let looks: Vec<Look> = subtask.iter().map(|s| subtask_status(Some(s))).collect();
        for (i, a) in looks.iter().enumerate() {
            assert_ne!(*a, UNKNOWN);
            assert!(looks[i + 1..].iter().all(|b| b.class != a.class));
        }
        assert_eq!(
            subtask_status(Some(&SubtaskStatus::from_wire("QUEUED_V5"))),
            UNKNOWN
        );
        assert_eq!(task_status(Some(&TaskStatus::from_wire("5"))), UNKNOWN);
        assert_eq!(check_status(&CheckStatus::from_wire("MAYBE")), UNKNOWN);
        assert_eq!(operation_state(&OperationState::from_wire("x")), UNKNOWN);
        assert_eq!(component_state(&ComponentState::from_wire("x")), UNKNOWN);
        assert!(subtask_status(Some(&SubtaskStatus::Canceling)).is_active());
        assert!(!check_status(&CheckStatus::Pass).is_active());
    }

    #[test]
    fn unknown_values_read_verbatim_and_marked_in_both_languages() {
        assert_eq!(words(Lang::En, UNKNOWN, Some("5")), "5 (unrecognised)");
        assert_eq!(words(Lang::Zh, UNKNOWN, Some("5")), "5 (未识别)");
        assert_eq!(words(Lang::Zh, verdict(Verdict::NoVerdict), None), "无结论");
    }
}
