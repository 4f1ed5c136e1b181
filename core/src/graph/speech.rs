//! What the task graph says to a screen reader: each step's accessible name (its name, state
//! and duration) and the one sentence announced when states change. A poll that changes
//! nothing says nothing; a change is said once.

use crate::i18n::{fill, text, Lang, Text};
use crate::present::{subtask_status, task_status, words};
use crate::time::human;
use crate::wire::{SubtaskStatus, TaskStatus};

/// At most this many steps are named in one announcement; the rest are counted.
pub const MAX_NAMED: usize = 3;

/// A state's words as they read inside a sentence ("failed", not "Failed"); a value the
/// console does not know keeps OCP's spelling.
fn state_words(lang: Lang, s: Option<&SubtaskStatus>) -> String {
    match s {
        Some(SubtaskStatus::Unknown(raw)) => words(lang, subtask_status(s), Some(raw)),
        _ => text(lang, subtask_status(s).text).to_lowercase(),
    }
}

/// "Switch roles, failed, 1 m 20 s": a step's name, state and how long it ran (`None` for a
/// step that has not started).
pub fn step_name(
    lang: Lang,
    name: &str,
    status: Option<&SubtaskStatus>,
    duration_ms: Option<i64>,
) -> String {
    let state = state_words(lang, status);
    match duration_ms {
        Some(ms) => fill(
            lang,
            Text::StepAccessibleName,
            &[name, &state, &human::duration(ms, lang)],
        ),
        None => fill(lang, Text::StepAccessibleNameNoTime, &[name, &state]),
    }
}

/// The sentence announcing what changed between two polls, or `None` when nothing did.
/// `steps` pairs each step's name with its status before and after; `task` the task's.
pub fn changes<'a>(
    lang: Lang,
    steps: impl IntoIterator<
        Item = (
            &'a str,
            Option<&'a SubtaskStatus>,
            Option<&'a SubtaskStatus>,
        ),
    >,
    task: (Option<&TaskStatus>, Option<&TaskStatus>),
) -> Option<String> {
    let mut said: Vec<String> = Vec::new();
    let mut more = 0usize;
    for (name, before, after) in steps {
        if before == after {
            continue;
        }
        if said.len() < MAX_NAMED {
            said.push(fill(
                lang,
                Text::SayStep,
                &[name, &state_words(lang, after)],
            ));
        } else {
            more += 1;
        }
    }
    if more > 0 {
        said.push(fill(lang, Text::SayMore, &[&more.to_string()]));
    }
    if task.0 != task.1 {
        let look = task_status(task.1);
        let w = match task.1 {
            Some(TaskStatus::Unknown(raw)) => words(lang, look, Some(raw)),
            _ => text(lang, look.text).to_lowercase(),
        };
        said.push(fill(lang, Text::SayTask, &[&w]));
    }
    if said.is_empty() {
        return None;
    }
    let sep = match lang {
        Lang::En => ". ",
        Lang::Zh => "。",
    };
    let mut out = said.join(sep);
    out.push_str(match lang {
        Lang::En => ".",
        Lang::Zh => "。",
    });
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use SubtaskStatus::*;

    #[test]
    fn a_step_is_named_with_its_state_and_duration_in_both_languages() {
        assert_eq!(
            step_name(Lang::En, "Switch roles", Some(&Failed), Some(80_000)),
            "Switch roles, failed, 1 m 20 s"
        );
        assert_eq!(
            step_name(Lang::Zh, "切换角色", Some(&Failed), Some(80_000)),
            "切换角色，失败，1 分 20 秒"
        );
        assert_eq!(
            step_name(Lang::En, "Wait node", Some(&Pending), None),
            "Wait node, pending"
        );
        assert_eq!(
            step_name(Lang::En, "X", Some(&Unknown("PAUSED".into())), None),
            "X, PAUSED (unrecognised)"
        );
    }

    #[test]
    fn a_change_is_said_once_and_no_change_says_nothing() {
        let same = [("A", Some(&Running), Some(&Running))];
        assert_eq!(
            changes(
                Lang::En,
                same,
                (Some(&TaskStatus::Running), Some(&TaskStatus::Running))
            ),
            None
        );
        let failed = [
            ("Switch roles", Some(&Running), Some(&Failed)),
            ("Wait node", Some(&Pending), Some(&Pending)),
        ];
        assert_eq!(
            changes(
                Lang::En,
                failed,
                (Some(&TaskStatus::Running), Some(&TaskStatus::Failed))
            )
            .as_deref(),
            Some("Step Switch roles failed. Task failed.")
        );
        let done = [("A", Some(&Running), Some(&Successful))];
        assert_eq!(
            changes(
                Lang::Zh,
                done,
                (Some(&TaskStatus::Running), Some(&TaskStatus::Successful))
            )
            .as_deref(),
            Some("步骤 A：成功。任务成功。")
        );
    }

    #[test]
    fn many_changes_at_once_name_a_few_and_count_the_rest() {
        let names: Vec<String> = (0..10).map(|i| format!("S{i}")).collect();
        let steps: Vec<_> = names
            .iter()
            .map(|n| (n.as_str(), Some(&Pending), Some(&Running)))
            .collect();
        let said = changes(Lang::En, steps, (None, None)).unwrap();
        assert_eq!(
            said,
            "Step S0 running. Step S1 running. Step S2 running. And 7 more steps changed."
        );
    }
}
