//! Alerts while a task is watched (its page open): which state the task is in as far as an
//! operator must know (failed, a failed step waiting on an operator, ended), which changes of
//! state alert, and what the tab title, favicon and notification say. The SPA only applies it.
//!
//! The rule: the tab's title and favicon always show the state (they are what is on screen,
//! also for a task opened already failed); a notification fires once per change *into* an
//! alerting state seen while watching. The first state seen when the page opens is a baseline,
//! never an alert: the operator opening a failed task sees it already. A return to normal (a
//! retried step running again) restores the title and favicon and alerts nothing.

use crate::i18n::{fill, text, Lang, Text};
use crate::wire::{SubtaskStatus, TaskStatus};

/// The task as an alert sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Watch {
    /// Running with nothing failed, or not known yet.
    Normal,
    /// A step failed while other branches still run: it waits on an operator (retry, skip or
    /// roll back) once they finish, and the task cannot succeed without one.
    WaitsOnOperator,
    /// OCP says the task failed: nothing runs, a failed step waits on an operator.
    Failed,
    /// Finished successfully.
    Succeeded,
}

/// The state from OCP's task status and its steps' statuses.
pub fn watch<'a>(
    task: Option<&TaskStatus>,
    steps: impl IntoIterator<Item = Option<&'a SubtaskStatus>>,
) -> Watch {
    match task {
        Some(TaskStatus::Failed) => Watch::Failed,
        Some(TaskStatus::Successful) => Watch::Succeeded,
        _ if steps.into_iter().any(|s| s == Some(&SubtaskStatus::Failed)) => Watch::WaitsOnOperator,
        _ => Watch::Normal,
    }
}

/// Remembers the last state seen and says when a new one alerts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Watcher {
    last: Option<Watch>,
}

impl Watcher {
    /// Takes the state of one reply; returns the state to alert about, if this is a change into
    /// an alerting state. The first state seen is the baseline; a repeat alerts nothing.
    pub fn observe(&mut self, now: Watch) -> Option<Watch> {
        let before = self.last.replace(now);
        match before {
            Some(b) if b != now && now != Watch::Normal => Some(now),
            _ => None,
        }
    }
}

impl Watch {
    fn word(self) -> Option<Text> {
        match self {
            Watch::Normal => None,
            Watch::WaitsOnOperator => Some(Text::AlertWaits),
            Watch::Failed => Some(Text::AlertFailed),
            Watch::Succeeded => Some(Text::AlertSucceeded),
        }
    }

    /// What the tab title says before the page's own title ("✖ Failed · Task #7 · …"):
    /// the page title alone when normal.
    pub fn title(self, page: &str, lang: Lang) -> String {
        match self.word() {
            Some(w) => format!("{} · {page}", text(lang, w)),
            None => page.to_string(),
        }
    }

    /// The favicon for this state (an SVG document), `None` for the console's own.
    pub fn favicon_svg(self) -> Option<&'static str> {
        // The console's arrows on a colour that says the state, with its mark in the corner.
        match self {
            Watch::Normal => None,
            Watch::Failed => Some(concat!(
                r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">"##,
                r##"<rect width="32" height="32" rx="6" fill="#b3261e"/>"##,
                r##"<path d="M9 9l14 14M23 9L9 23" stroke="#fff" stroke-width="4" stroke-linecap="round"/></svg>"##
            )),
            Watch::WaitsOnOperator => Some(concat!(
                r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">"##,
                r##"<rect width="32" height="32" rx="6" fill="#b25e00"/>"##,
                r##"<path d="M16 7v11" stroke="#fff" stroke-width="4" stroke-linecap="round"/>"##,
                r##"<circle cx="16" cy="24" r="2.5" fill="#fff"/></svg>"##
            )),
            Watch::Succeeded => Some(concat!(
                r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">"##,
                r##"<rect width="32" height="32" rx="6" fill="#1e7b34"/>"##,
                r##"<path d="M8 17l6 6 10-13" stroke="#fff" stroke-width="4" fill="none" stroke-linecap="round" stroke-linejoin="round"/></svg>"##
            )),
        }
    }

    /// The notification's title and body. `task` names the task ("Task #7 · Failover tenant");
    /// `step` is the failed step's name when one is known.
    pub fn notification(self, task: &str, step: Option<&str>, lang: Lang) -> (String, String) {
        let title = self.title(task, lang);
        let body = match (self, step) {
            (Watch::Failed, Some(s)) => fill(lang, Text::AlertBodyFailedStep, &[s, task]),
            (Watch::Failed, None) => fill(lang, Text::AlertBodyFailed, &[task]),
            (Watch::WaitsOnOperator, Some(s)) => fill(lang, Text::AlertBodyWaits, &[s, task]),
            (Watch::WaitsOnOperator, None) => fill(lang, Text::AlertBodyFailed, &[task]),
            (Watch::Succeeded, _) => fill(lang, Text::AlertBodySucceeded, &[task]),
            (Watch::Normal, _) => String::new(),
        };
        (title, body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use SubtaskStatus as S;

    #[test]
    fn the_state_follows_the_task_then_its_steps() {
        let running = Some(&TaskStatus::Running);
        let (ok, failed) = (Some(&S::Successful), Some(&S::Failed));
        assert_eq!(watch(running, [ok, Some(&S::Running)]), Watch::Normal);
        assert_eq!(
            watch(running, [failed, Some(&S::Running)]),
            Watch::WaitsOnOperator
        );
        assert_eq!(watch(Some(&TaskStatus::Failed), [failed]), Watch::Failed);
        assert_eq!(watch(Some(&TaskStatus::Successful), [ok]), Watch::Succeeded);
        // Not known yet, or a status this console does not know: nothing to alert.
        assert_eq!(watch(None, []), Watch::Normal);
        let odd = TaskStatus::Unknown("PAUSED".into());
        assert_eq!(watch(Some(&odd), [ok]), Watch::Normal);
    }

    #[test]
    fn alerts_once_per_change_into_an_alerting_state() {
        let mut w = Watcher::default();
        assert_eq!(w.observe(Watch::Normal), None);
        assert_eq!(w.observe(Watch::Normal), None);
        assert_eq!(
            w.observe(Watch::WaitsOnOperator),
            Some(Watch::WaitsOnOperator)
        );
        // Every later poll in the same state: nothing.
        assert_eq!(w.observe(Watch::WaitsOnOperator), None);
        assert_eq!(w.observe(Watch::Failed), Some(Watch::Failed));
        assert_eq!(w.observe(Watch::Failed), None);
        // Retried: back to normal, silently; failing again alerts again.
        assert_eq!(w.observe(Watch::Normal), None);
        assert_eq!(w.observe(Watch::Failed), Some(Watch::Failed));
        assert_eq!(w.observe(Watch::Succeeded), Some(Watch::Succeeded));
        assert_eq!(w.observe(Watch::Succeeded), None);
    }

    #[test]
    fn a_task_already_failed_when_opened_does_not_alert() {
        for first in [Watch::Failed, Watch::Succeeded, Watch::WaitsOnOperator] {
            let mut w = Watcher::default();
            assert_eq!(w.observe(first), None, "{first:?}");
            assert_eq!(w.observe(first), None, "{first:?}");
        }
    }

    #[test]
    fn words_in_both_languages() {
        let page = "Task #7 · Failover tenant";
        assert_eq!(Watch::Normal.title(page, Lang::En), page);
        assert_eq!(
            Watch::Failed.title(page, Lang::En),
            "✖ Failed · Task #7 · Failover tenant"
        );
        assert_eq!(
            Watch::Failed.title(page, Lang::Zh),
            "✖ 失败 · Task #7 · Failover tenant"
        );
        let (title, body) = Watch::Failed.notification(page, Some("Failover to Primary"), Lang::En);
        assert_eq!(title, "✖ Failed · Task #7 · Failover tenant");
        assert_eq!(
            body,
            "Step “Failover to Primary” failed in Task #7 · Failover tenant. Retry, skip or roll back on the task page."
        );
        let (_, body) = Watch::WaitsOnOperator.notification(page, Some("Check"), Lang::Zh);
        assert!(
            body.contains("“Check”") && body.contains("等待操作员"),
            "{body}"
        );
        let (_, body) = Watch::Succeeded.notification(page, None, Lang::En);
        assert_eq!(body, "Task #7 · Failover tenant finished successfully.");
    }

    #[test]
    fn each_alerting_state_has_its_own_favicon() {
        let icons: Vec<_> = [Watch::Failed, Watch::WaitsOnOperator, Watch::Succeeded]
            .iter()
            .map(|w| w.favicon_svg().unwrap())
            .collect();
        assert!(icons
            .iter()
            .all(|i| i.starts_with("<svg") && i.ends_with("</svg>")));
        assert!(icons[0] != icons[1] && icons[1] != icons[2] && icons[0] != icons[2]);
        assert_eq!(Watch::Normal.favicon_svg(), None);
    }
}
