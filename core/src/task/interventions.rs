//! What the task page derives from a task: which interventions OCP allows, what each would do to
//! the graph (shown before confirming), and when a running step is past its timeout.

use crate::graph::dag::Graph;
use crate::wire::{SubtaskStatus, TaskOperation, TaskStatus};

/// An intervention on a task or one of its subtasks (node index into the graph).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intervention {
    RetryTask,
    RollbackTask,
    RetrySubtask(usize),
    SkipSubtask(usize),
    CancelSubtask(usize),
}

/// What the operator must type before an intervention is sent, for those that end the failover
/// attempt (a rollback): the task's name, as on the page (its id when OCP sent no name). The
/// others are confirmed by the preview alone. The typed text is checked like a launch's, by
/// [`crate::precheck::verdict::confirmation_ready`].
pub fn typed_confirmation(a: Intervention, task_name: &str, task_id: i64) -> Option<String> {
    match a {
        Intervention::RollbackTask => Some(match task_name.trim() {
            "" => task_id.to_string(),
            name => name.to_string(),
        }),
        _ => None,
    }
}

/// What an intervention does to one step, as previewed on the graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Impact {
    /// Runs again (or for the first time, once its upstreams are done).
    Rerun,
    /// Marked successful without running.
    Skip,
    /// Undone; the number is its place in the undo order (1 first).
    Undo(usize),
    /// Stopped and marked failed.
    Stop,
}

/// Task-level interventions OCP offers (docs/ocp-api.md §6, OE's operation table).
pub fn task_interventions(
    status: Option<&TaskStatus>,
    op: Option<&TaskOperation>,
) -> Vec<Intervention> {
    match (status, op) {
        (Some(TaskStatus::Failed), Some(TaskOperation::Rollback)) => {
            vec![Intervention::RollbackTask]
        }
        (Some(TaskStatus::Failed), _) => vec![Intervention::RetryTask, Intervention::RollbackTask],
        _ => Vec::new(),
    }
}

/// Subtask-level interventions: retry and skip a FAILED step (no retry during a rollback),
/// cancel a RUNNING one.
pub fn subtask_interventions(
    node: usize,
    status: Option<&SubtaskStatus>,
    task_op: Option<&TaskOperation>,
) -> Vec<Intervention> {
    match status {
        Some(SubtaskStatus::Failed) if task_op == Some(&TaskOperation::Rollback) => {
            vec![Intervention::SkipSubtask(node)]
        }
        Some(SubtaskStatus::Failed) => vec![
            Intervention::RetrySubtask(node),
            Intervention::SkipSubtask(node),
        ],
        Some(SubtaskStatus::Running) => vec![Intervention::CancelSubtask(node)],
        _ => Vec::new(),
    }
}

fn descendants(g: &Graph, from: usize, out: &mut [bool]) {
    let mut stack = vec![from];
    while let Some(v) = stack.pop() {
        for w in g.downstream_of(v) {
            if !out[w] {
                out[w] = true;
                stack.push(w);
            }
        }
    }
}

/// Per node, what the intervention would do to it (`None`: untouched).
pub fn impact(
    g: &Graph,
    statuses: &[Option<SubtaskStatus>],
    what: Intervention,
) -> Vec<Option<Impact>> {
    let n = g.ids.len();
    let mut out = vec![None; n];
    let done = |i: usize| statuses.get(i).cloned().flatten() == Some(SubtaskStatus::Successful);
    let rerun_from = |starts: &[usize], out: &mut Vec<Option<Impact>>| {
        let mut reach = vec![false; n];
        for &s in starts {
            reach[s] = true;
            descendants(g, s, &mut reach);
        }
        for i in 0..n {
            if reach[i] && !done(i) && out[i].is_none() {
                out[i] = Some(Impact::Rerun);
            }
        }
    };
    match what {
        Intervention::RetryTask => {
            let failed: Vec<usize> = (0..n)
                .filter(|i| statuses.get(*i).cloned().flatten() == Some(SubtaskStatus::Failed))
                .collect();
            rerun_from(&failed, &mut out);
        }
        Intervention::RetrySubtask(v) => rerun_from(&[v], &mut out),
        Intervention::SkipSubtask(v) => {
            if v < n {
                out[v] = Some(Impact::Skip);
                let followers: Vec<usize> = g.downstream_of(v).collect();
                rerun_from(&followers, &mut out);
            }
        }
        Intervention::CancelSubtask(v) => {
            if v < n {
                out[v] = Some(Impact::Stop);
            }
        }
        Intervention::RollbackTask => {
            // Deepest first: a step is undone after everything downstream of it.
            let mut touched: Vec<usize> = (0..n)
                .filter(|i| {
                    !matches!(
                        statuses.get(*i).cloned().flatten(),
                        Some(SubtaskStatus::Pending) | Some(SubtaskStatus::Ready) | None
                    )
                })
                .collect();
            crate::order::sort_by_key(&mut touched, |i| std::cmp::Reverse(g.layer[*i]));
            for (k, i) in touched.into_iter().enumerate() {
                out[i] = Some(Impact::Undo(k + 1));
            }
        }
    }
    out
}

/// A RUNNING step past its `timeout` (seconds).
pub fn overdue(
    status: Option<&SubtaskStatus>,
    start_ms: Option<i64>,
    timeout_s: Option<i64>,
    now_ms: i64,
) -> bool {
    matches!(
        status,
        Some(SubtaskStatus::Running) | Some(SubtaskStatus::Canceling)
    ) && matches!((start_ms, timeout_s), (Some(s), Some(t)) if t > 0 && now_ms - s > t * 1000)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::dag::build;
    use SubtaskStatus::*;

    use crate::graph::dag::testing::sub;

    #[test]
    fn offered_interventions_follow_ocp() {
        assert_eq!(
            task_interventions(Some(&TaskStatus::Failed), Some(&TaskOperation::Execute)),
            vec![Intervention::RetryTask, Intervention::RollbackTask]
        );
        assert!(task_interventions(Some(&TaskStatus::Running), None).is_empty());
        assert!(task_interventions(Some(&TaskStatus::Successful), None).is_empty());
        assert_eq!(
            subtask_interventions(3, Some(&Running), None),
            vec![Intervention::CancelSubtask(3)]
        );
        assert_eq!(
            subtask_interventions(3, Some(&Failed), Some(&TaskOperation::Rollback)),
            vec![Intervention::SkipSubtask(3)]
        );
        assert!(subtask_interventions(3, Some(&Pending), None).is_empty());
    }

    #[test]
    fn impact_previews() {
        // 1 -> 2 -> 4, 1 -> 3 -> 4; 2 failed, 3 succeeded.
        let g = build(&[sub(1, &[]), sub(2, &[1]), sub(3, &[1]), sub(4, &[2, 3])]).unwrap();
        let st = vec![
            Some(Successful),
            Some(Failed),
            Some(Successful),
            Some(Pending),
        ];
        let retry = impact(&g, &st, Intervention::RetrySubtask(1));
        assert_eq!(
            retry,
            vec![None, Some(Impact::Rerun), None, Some(Impact::Rerun)]
        );
        assert_eq!(impact(&g, &st, Intervention::RetryTask), retry);
        let skip = impact(&g, &st, Intervention::SkipSubtask(1));
        assert_eq!(
            skip,
            vec![None, Some(Impact::Skip), None, Some(Impact::Rerun)]
        );
        let undo = impact(&g, &st, Intervention::RollbackTask);
        assert_eq!(undo[3], None, "pending steps are not undone");
        assert_eq!(undo[0], Some(Impact::Undo(3)), "the root is undone last");
        assert!(matches!(undo[1], Some(Impact::Undo(1 | 2))));
        assert_eq!(
            impact(&g, &st, Intervention::CancelSubtask(2))[2],
            Some(Impact::Stop)
        );
    }

    #[test]
    fn overdue_only_while_running() {
        assert!(overdue(Some(&Running), Some(0), Some(30), 31_000));
        assert!(!overdue(Some(&Running), Some(0), Some(30), 29_000));
        assert!(!overdue(Some(&Successful), Some(0), Some(30), 99_000));
        assert!(!overdue(Some(&Running), None, Some(30), 99_000));
    }
}

#[cfg(test)]
mod scale_tests {
    use super::*;
    use crate::wire::SubtaskStatus;

    /// A retry at the top of a 10,000-step task reaches every step below it, and the walk uses
    /// adjacency lists (it used to rescan every edge per node: 65–121 ms). The budget of 5 ms
    /// is checked in release by the bench; here a debug build only must not regress by orders.
    #[test]
    fn impact_preview_on_ten_thousand_steps_is_a_linear_walk() {
        let task = crate::task::synthetic::task(1, 10_000, 8);
        let g = crate::graph::dag::build(task.subtasks()).unwrap();
        let mut statuses: Vec<Option<SubtaskStatus>> = vec![Some(SubtaskStatus::Pending); 10_000];
        let root = g.layers[0][0];
        statuses[root] = Some(SubtaskStatus::Failed);
        let start = std::time::Instant::now();
        let out = impact(&g, &statuses, Intervention::RetrySubtask(root));
        let took = start.elapsed();
        let reached = out.iter().filter(|x| x.is_some()).count();
        assert!(
            reached > 1_000,
            "a retry at the top reaches the steps below ({reached})"
        );
        eprintln!("impact preview, 10,000 steps: {took:?}");
        assert!(took.as_millis() < 250, "impact preview took {took:?}");
    }
}

#[cfg(test)]
mod typed_tests {
    use super::*;
    use crate::precheck::verdict::confirmation_ready;

    #[test]
    fn a_rollback_is_confirmed_by_typing_the_task_name_the_rest_by_the_preview() {
        let name = typed_confirmation(Intervention::RollbackTask, " Switchover tenant ", 7);
        assert_eq!(name.as_deref(), Some("Switchover tenant"));
        let expected = name.unwrap_or_default();
        assert!(!confirmation_ready("", &expected, &[]));
        assert!(!confirmation_ready("switchover tenant", &expected, &[]));
        assert!(confirmation_ready(" Switchover tenant", &expected, &[]));
        assert_eq!(
            typed_confirmation(Intervention::RollbackTask, "", 171603).as_deref(),
            Some("171603")
        );
        for a in [
            Intervention::RetryTask,
            Intervention::RetrySubtask(0),
            Intervention::SkipSubtask(0),
            Intervention::CancelSubtask(0),
        ] {
            assert_eq!(typed_confirmation(a, "x", 1), None, "{a:?}");
        }
    }
}
