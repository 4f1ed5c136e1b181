//! One finished drill: a launch template run through the same engine a live launch runs
//! through, at a pace, ending as planned: succeeded; failed at a step, then retried by an
//! operator to success; failed, then rolled back; or failed and left so. Failures come from
//! the engine's own task faults and the operator's moves are its own operations (subtask
//! retry, task rollback), so a drill's steps, runs, logs and times are what OCP would show.
//! The demo's history (`history`) and a scenario's drills (`drills`) are made of these.

use crate::sim::clock::Clock;
use crate::sim::engine::{FaultKind, TaskFault, TaskRec};
use crate::sim::templates::{TaskKind, Templates};
use console_core::wire::{SubtaskStatus, TaskInstance, TaskStatus};
use console_core::Long;
use std::collections::HashMap;

/// How a drill ends. A failed step's run ends FAILED with `message` in its log.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Ending {
    Succeeded,
    /// Failed at `step`; `after_ms` later an operator retried the step and the run succeeded.
    Retried {
        step: String,
        after_ms: i64,
    },
    /// Failed at `step`; `after_ms` later an operator rolled the task back.
    RolledBack {
        step: String,
        after_ms: i64,
    },
    /// Failed at `step` and left FAILED.
    LeftFailed {
        step: String,
    },
}

/// A drill to run: what, against what, by whom, when, how fast and how it ends.
#[derive(Debug, Clone)]
pub(super) struct Drill {
    pub(super) id: i64,
    pub(super) kind: TaskKind,
    pub(super) cluster: i64,
    pub(super) tenant: Option<i64>,
    pub(super) creator: &'static str,
    /// Simulated ms (negative: before the mock started).
    pub(super) start_ms: i64,
    /// Step times in percent of the usual (the engine's `pace_pct`).
    pub(super) pace_pct: i64,
    pub(super) ending: Ending,
}

/// The live mock's tick: OCP's task finish time is when its status worker noticed the end (the
/// engine sets it at the instant it is advanced to), so drills are stepped as a live mock is
/// polled rather than jumped to their end, which would end every drill at the jump.
const TICK_MS: i64 = 500;
/// How far a drill is stepped at most (a logic guard: every template ends within minutes).
const LIMIT_MS: i64 = 86_400_000;

/// What a failed step's log says, by ending.
fn message(ending: &Ending) -> Option<(&str, &'static str)> {
    match ending {
        Ending::Succeeded => None,
        Ending::Retried { step, .. } => Some((
            step,
            "connection to the OBServer was reset while the step ran; safe to retry",
        )),
        Ending::RolledBack { step, .. } => Some((
            step,
            "the standby did not catch up with the primary's log within the step's window",
        )),
        Ending::LeftFailed { step } => Some((
            step,
            "the cluster's configuration server refused the change: lease held by another task",
        )),
    }
}

impl Drill {
    /// The drill, run to its end. `None` when there is no template for its kind.
    pub(super) fn run(&self, templates: &Templates, clock: &Clock) -> Option<TaskRec> {
        let start = clock.ocp_time(self.start_ms);
        let mut task = templates.instantiate(self.kind, 0, self.creator, start)?;
        renumber(&mut task, self.id);
        task.create_time = task.start_time.clone();
        task.cluster_id = Some(Long(self.cluster));
        task.tenant_id = self.tenant.map(Long);
        let mut rec = TaskRec::new(
            task,
            self.kind,
            self.cluster,
            self.tenant,
            None,
            self.start_ms,
        );
        // A drill is over: its effect on the estate happened long ago.
        rec.effect_applied = true;
        rec.pace_pct = self.pace_pct;
        let mut faults: Vec<TaskFault> = message(&self.ending)
            .map(|(step, note)| TaskFault {
                subtask_name: step.to_string(),
                kind: FaultKind::Fail,
                times: 1,
                message: Some(note.to_string()),
            })
            .into_iter()
            .collect();
        let stopped = run_until_idle(&mut rec, self.start_ms, &mut faults, clock);
        let resumed = match &self.ending {
            Ending::Retried { step, after_ms } => {
                let at = stopped + after_ms;
                failed_step(&rec.task, step)
                    .and_then(|sid| rec.retry_subtask(sid, at).ok())
                    .map(|_| at)
            }
            // Refused only when a step that ran forbids it; the drill then stays failed.
            Ending::RolledBack { after_ms, .. } => {
                let at = stopped + after_ms;
                rec.rollback(at).ok().map(|_| at)
            }
            Ending::Succeeded | Ending::LeftFailed { .. } => None,
        };
        if let Some(at) = resumed {
            run_until_idle(&mut rec, at, &mut faults, clock);
        }
        Some(rec)
    }
}

/// Steps `rec` tick by tick from `from` until it stops running; returns that instant.
fn run_until_idle(rec: &mut TaskRec, from: i64, faults: &mut Vec<TaskFault>, clock: &Clock) -> i64 {
    let mut at = from;
    rec.advance(at, clock, faults);
    while rec.task.status == Some(TaskStatus::Running) && at < from + LIMIT_MS {
        at += TICK_MS;
        rec.advance(at, clock, faults);
    }
    at
}

/// The id of the FAILED step named `name`.
fn failed_step(task: &TaskInstance, name: &str) -> Option<i64> {
    task.subtasks()
        .iter()
        .find(|s| s.name.as_deref() == Some(name) && s.status == Some(SubtaskStatus::Failed))
        .and_then(|s| s.id)
        .map(|l| l.0)
}

/// Gives a drill's steps ids of their own, as OCP's are unique: the drill's id × 100 plus the
/// step's place in the template (no template has 100 steps). Launches keep the templates' ids
/// (all above 13,000,000 or ending in other last two digits), so the two never meet.
fn renumber(task: &mut TaskInstance, id: i64) {
    task.id = Some(Long(id));
    let Some(subs) = task.subtasks.as_mut() else {
        return;
    };
    let new_ids: HashMap<i64, i64> = subs
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.id.map(|old| (old.0, id * 100 + i as i64)))
        .collect();
    let map = |l: &mut Long| {
        if let Some(n) = new_ids.get(&l.0) {
            l.0 = *n;
        }
    };
    for s in subs.iter_mut() {
        if let Some(sid) = s.id.as_mut() {
            map(sid);
        }
        for list in [s.upstreams.as_mut(), s.downstreams.as_mut()]
            .into_iter()
            .flatten()
        {
            list.iter_mut().for_each(map);
        }
    }
}

/// The steps of `kind`'s template a rollback can undo from: the step and every step before it
/// allow a rollback (OCP refuses one once a step that ran forbids it).
pub(super) fn rollback_steps(templates: &Templates, kind: TaskKind) -> Vec<String> {
    let Some(t) = templates.get(kind) else {
        return Vec::new();
    };
    let subs = t.subtasks();
    let by_id: HashMap<i64, usize> = subs
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.id.map(|l| (l.0, i)))
        .collect();
    let undoable = |start: usize| {
        let mut stack = vec![start];
        let mut seen = vec![false; subs.len()];
        while let Some(i) = stack.pop() {
            if std::mem::replace(&mut seen[i], true) {
                continue;
            }
            if subs[i].prohibit_rollback == Some(true) {
                return false;
            }
            let ups = subs[i].upstreams.iter().flatten();
            stack.extend(ups.filter_map(|u| by_id.get(&u.0).copied()));
        }
        true
    };
    (0..subs.len())
        .filter(|&i| undoable(i))
        .filter_map(|i| subs[i].name.clone())
        .collect()
}

/// Every step name of `kind`'s template, in the template's order.
pub(super) fn step_names(templates: &Templates, kind: TaskKind) -> Vec<String> {
    templates
        .get(kind)
        .map(|t| t.subtasks().iter().filter_map(|s| s.name.clone()).collect())
        .unwrap_or_default()
}

/// What the drills' tests check of a finished drill (here, as history's tests use it too).
#[cfg(test)]
pub(super) mod checks {
    use super::TICK_MS;
    use console_core::time::{parse_ms, Offset};
    use console_core::wire::{TaskInstance, TaskOperation};

    pub(super) fn ms(t: &Option<String>) -> i64 {
        let zone = Offset::parse("+08:00").expect("zone");
        parse_ms(t.as_deref().expect("a time"), zone).expect("an OCP time")
    }

    /// A finished drill's times hold together: the task starts when it was created and ends
    /// once its last step did (within a tick); every step that ran lies inside the task's span;
    /// a step starts once its upstreams finished (not under a rollback, whose undo runs end
    /// upstream steps after their downstreams started).
    pub(in crate::sim::estate) fn check_times(t: &TaskInstance) {
        let (start, end) = (ms(&t.start_time), ms(&t.finish_time));
        assert_eq!(t.create_time, t.start_time);
        assert!(start <= end, "{t:?}");
        let ran: Vec<_> = t
            .subtasks()
            .iter()
            .filter(|s| s.start_time.is_some())
            .collect();
        let last = ran
            .iter()
            .map(|s| ms(&s.finish_time))
            .max()
            .expect("a step ran");
        assert!(
            end >= last && end - last <= TICK_MS,
            "task end {end}, last step {last}"
        );
        for s in &ran {
            assert!(start <= ms(&s.start_time) && ms(&s.start_time) <= ms(&s.finish_time));
            if t.operation == Some(TaskOperation::Rollback) {
                continue;
            }
            for u in s.upstreams.iter().flatten() {
                let up = t
                    .subtasks()
                    .iter()
                    .find(|x| x.id == Some(*u))
                    .expect("upstream");
                assert!(ms(&up.finish_time) <= ms(&s.start_time), "{:?}", s.name);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::checks::{check_times, ms};
    use super::*;
    use console_core::wire::{SubtaskOperation as Op, TaskOperation};
    use std::path::Path;

    fn templates() -> Templates {
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        Templates::load(&fixtures).expect("templates")
    }

    fn drill(kind: TaskKind, pace_pct: i64, ending: Ending) -> TaskRec {
        let clock = Clock::new(1.0);
        let d = Drill {
            id: 100_042,
            kind,
            cluster: 8,
            tenant: None,
            creator: "ops_li",
            start_ms: -30 * 86_400_000,
            pace_pct,
            ending,
        };
        let rec = d.run(&templates(), &clock).expect("a template");
        check_times(&rec.task);
        rec
    }

    fn step<'a>(rec: &'a TaskRec, name: &str) -> &'a console_core::wire::SubtaskInstance {
        let found = rec
            .task
            .subtasks()
            .iter()
            .find(|s| s.name.as_deref() == Some(name));
        found.expect("the step")
    }

    fn took(rec: &TaskRec) -> i64 {
        ms(&rec.task.finish_time) - ms(&rec.task.start_time)
    }

    #[test]
    fn a_usual_drill_succeeds_with_ids_of_its_own_and_a_slow_one_takes_its_pace() {
        let usual = drill(TaskKind::ClusterFailover, 100, Ending::Succeeded);
        assert_eq!(usual.id(), 100_042);
        assert_eq!(usual.task.status, Some(TaskStatus::Successful));
        assert_eq!(usual.task.operation, Some(TaskOperation::Execute));
        let ids: Vec<i64> = usual
            .task
            .subtasks()
            .iter()
            .filter_map(|s| s.id)
            .map(|l| l.0)
            .collect();
        assert_eq!(ids, (0..9).map(|i| 10_004_200 + i).collect::<Vec<_>>());
        let slow = drill(TaskKind::ClusterFailover, 250, Ending::Succeeded);
        let (a, b) = (took(&usual), took(&slow));
        assert!((b - a * 5 / 2).abs() <= 2 * TICK_MS, "{a} ms, then {b} ms");
    }

    #[test]
    fn a_failed_step_retried_by_an_operator_shows_both_runs() {
        let ending = Ending::Retried {
            step: "Failover to Primary".into(),
            after_ms: 300_000,
        };
        let rec = drill(TaskKind::ClusterFailover, 100, ending);
        assert_eq!(rec.task.status, Some(TaskStatus::Successful));
        assert_eq!(rec.task.operation, Some(TaskOperation::Retry));
        let s = step(&rec, "Failover to Primary");
        assert_eq!(s.operation, Some(Op::Retry));
        assert_eq!(s.run_time, Some(Long(2)));
        assert!(
            ms(&s.finish_time) - ms(&s.start_time) > 300_000,
            "the wait is in the step"
        );
        let log = rec
            .log(s.id.expect("id").0, i64::MAX / 2, &Clock::new(1.0))
            .expect("log");
        assert!(
            log.contains("{EXECUTE}") && log.contains("{RETRY}"),
            "{log}"
        );
        assert!(log.contains("ERROR Subtask failed: connection to the OBServer was reset"));
        assert!(
            took(&rec)
                > 300_000 + took(&drill(TaskKind::ClusterFailover, 100, Ending::Succeeded)) / 2
        );
    }

    #[test]
    fn a_failed_drill_rolled_back_undoes_what_ran_and_one_left_failed_stops_there() {
        let ending = Ending::RolledBack {
            step: "Wait standby log sync".into(),
            after_ms: 240_000,
        };
        let rec = drill(TaskKind::TenantSwitchover, 100, ending);
        assert_eq!(rec.task.status, Some(TaskStatus::Successful));
        assert_eq!(rec.task.operation, Some(TaskOperation::Rollback));
        for name in ["Check tenant switchover status", "Wait standby log sync"] {
            assert_eq!(step(&rec, name).operation, Some(Op::Rollback), "{name}");
            assert_eq!(
                step(&rec, name).status,
                Some(SubtaskStatus::Pending),
                "{name}"
            );
        }
        assert_eq!(
            step(&rec, "Switch primary tenant to standby").start_time,
            None
        );

        let ending = Ending::LeftFailed {
            step: "Prepare switchover".into(),
        };
        let rec = drill(TaskKind::ClusterSwitchover, 100, ending);
        assert_eq!(rec.task.status, Some(TaskStatus::Failed));
        assert_eq!(rec.task.operation, Some(TaskOperation::Execute));
        assert_eq!(
            step(&rec, "Prepare switchover").status,
            Some(SubtaskStatus::Failed)
        );
        assert_eq!(step(&rec, "Switchover primary to standby").start_time, None);
    }

    #[test]
    fn rollbacks_start_only_where_nothing_before_forbids_them() {
        let t = templates();
        let steps = |k| rollback_steps(&t, k);
        assert_eq!(
            steps(TaskKind::TenantFailover),
            ["Reset log restore source"]
        );
        assert_eq!(steps(TaskKind::ClusterFailover), ["Mc lock ob clusters"]);
        let mut cs = steps(TaskKind::ClusterSwitchover);
        cs.sort();
        assert_eq!(cs, ["Mc lock ob clusters", "Prepare switchover"]);
        let mut ts = steps(TaskKind::TenantSwitchover);
        ts.sort();
        assert_eq!(
            ts,
            ["Check tenant switchover status", "Wait standby log sync"]
        );
        // Each of them can be rolled back from.
        for kind in TaskKind::ALL {
            for s in steps(kind) {
                let ending = Ending::RolledBack {
                    step: s.clone(),
                    after_ms: 60_000,
                };
                let rec = drill(kind, 100, ending);
                assert_eq!(
                    rec.task.operation,
                    Some(TaskOperation::Rollback),
                    "{kind:?} {s}"
                );
                assert_eq!(
                    rec.task.status,
                    Some(TaskStatus::Successful),
                    "{kind:?} {s}"
                );
            }
        }
    }
}
