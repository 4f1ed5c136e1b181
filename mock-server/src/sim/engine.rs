//! The task engine: OCP's state machine (docs/ocp-api.md §6) in simulated time. Subtasks go
//! PENDING → READY (all upstreams SUCCESSFUL) → RUNNING → SUCCESSFUL or FAILED; rollback runs
//! in reverse (READY once all downstreams are PENDING, ends PENDING). Faults armed through the
//! admin API make a named subtask fail or hang past its timeout on its next run.

use crate::sim::clock::{Clock, SERVER_ZONE};
use crate::sim::refusal::{Refusal, BAD_REQUEST, NOT_FOUND};
use crate::sim::schedule::Schedule;
use crate::sim::templates::TaskKind;
use console_core::wire::codes;
use console_core::wire::{
    SubtaskInstance, SubtaskOperation as Op, SubtaskStatus as St, TaskInstance, TaskOperation,
    TaskStatus,
};
use console_core::Long;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// What an armed fault does to the next run of the subtask it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum FaultKind {
    /// The run ends FAILED.
    Fail,
    /// The run never ends by itself; at its `timeout` the engine cancels it (FAILED, op CANCEL).
    Hang,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct TaskFault {
    pub(crate) subtask_name: String,
    pub(crate) kind: FaultKind,
    /// How many runs it affects; default 1.
    #[serde(default = "one")]
    pub(crate) times: u32,
    /// What the failed run's log says (default: "injected fault in <name>").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) message: Option<String>,
}

/// How long after its timeout a hung subtask is canceled.
pub(crate) const TIMEOUT_SWEEP_MS: i64 = 60_000;

fn one() -> u32 {
    1
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Success,
    Fail,
    Hang,
    Cancel,
}

#[derive(Debug, Clone)]
struct Run {
    op: Op,
    start_ms: i64,
    end_ms: i64,
    outcome: Outcome,
    /// The failure message of a failed run.
    note: Option<String>,
}

/// A task, what it was launched against, and its runs.
#[derive(Debug, Clone)]
pub(crate) struct TaskRec {
    pub(crate) task: TaskInstance,
    pub(crate) kind: TaskKind,
    pub(crate) cluster_id: i64,
    pub(crate) tenant_id: Option<i64>,
    pub(crate) service_name: Option<String>,
    /// Simulated time up to which the task has been advanced.
    cursor_ms: i64,
    runs: HashMap<i64, Vec<Run>>,
    /// Steps whose undo run failed in the current rollback: they stay FAILED for an operator to
    /// skip (OCP re-runs nothing by itself), never made READY again by `promote`.
    rollback_failed: HashSet<i64>,
    /// The estate change of a finished launch has been applied.
    pub(crate) effect_applied: bool,
    /// Its steps' run time in percent of the usual (100); earlier drills set it for slow runs.
    pub(crate) pace_pct: i64,
    /// Where each step is, what waits on it, the running steps by end and what changed: a
    /// pass costs what it touches. Statuses change only through this file's methods.
    schedule: Schedule,
}

/// OCP's refusal of an operation the task or subtask's state does not allow (English only).
fn state_invalid(what: &str, id: i64, state: &str) -> Refusal {
    Refusal::same(
        BAD_REQUEST,
        codes::TASK_STATE_INVALID,
        format!("This operation is not supported for the {id} {what} in the {state} state."),
    )
}

/// Simulated run time of a subtask: 2 to 6 s, fixed per subtask so runs are repeatable.
fn duration_ms(s: &SubtaskInstance) -> i64 {
    let series = s.series_id.map(|l| l.0).unwrap_or(0);
    let name = s.name.as_deref().map(str::len).unwrap_or(0) as i64;
    2000 + (series * 7919 + name * 31).rem_euclid(4000)
}

/// OCP's TASK_STATE_INVALID for an operation the subtask's current state does not allow.
fn subtask_state_invalid(s: &SubtaskInstance, sid: i64) -> Refusal {
    let st = s.status.as_ref().map(|x| x.as_wire()).unwrap_or_default();
    state_invalid("subtask", sid, st)
}

fn id_of(s: &SubtaskInstance) -> i64 {
    s.id.map(|l| l.0).unwrap_or_default()
}

impl TaskRec {
    pub(crate) fn new(
        task: TaskInstance,
        kind: TaskKind,
        cluster_id: i64,
        tenant_id: Option<i64>,
        service_name: Option<String>,
        now_ms: i64,
    ) -> TaskRec {
        let schedule = Schedule::new(task.subtasks.as_deref().unwrap_or(&[]));
        TaskRec {
            task,
            kind,
            cluster_id,
            tenant_id,
            service_name,
            cursor_ms: now_ms,
            runs: HashMap::new(),
            rollback_failed: HashSet::new(),
            effect_applied: false,
            pace_pct: 100,
            schedule,
        }
    }

    pub(crate) fn id(&self) -> i64 {
        self.task.id.map(|l| l.0).unwrap_or_default()
    }

    fn subs(&self) -> &[SubtaskInstance] {
        self.task.subtasks.as_deref().unwrap_or(&[])
    }

    fn subs_mut(&mut self) -> &mut Vec<SubtaskInstance> {
        self.task.subtasks.get_or_insert_with(Vec::new)
    }

    fn rolling_back(&self) -> bool {
        self.task.operation == Some(TaskOperation::Rollback)
    }

    /// PENDING → READY when every upstream succeeded; under rollback, a subtask to undo becomes
    /// READY once every downstream is back to PENDING. Looks at the steps a change since the
    /// last pass can have made ready ([`Schedule`]), or at every step when the schedule is stale.
    fn promote(&mut self) {
        let rollback = self.rolling_back();
        let full = self.schedule.stale();
        let candidates: Vec<usize> = if full {
            (0..self.subs().len()).collect()
        } else {
            self.schedule.take_candidates()
        };
        let subs = self.subs();
        let schedule = &self.schedule;
        // Read before any is set READY, though setting one cannot change another's rule.
        let all = |ids: &Option<Vec<Long>>, want: St| {
            ids.iter().flatten().all(|i| {
                schedule
                    .position(i.0)
                    .and_then(|p| subs.get(p))
                    .and_then(|s| s.status.as_ref())
                    == Some(&want)
            })
        };
        let ready: Vec<usize> = candidates
            .into_iter()
            .filter(|&p| {
                let Some(s) = subs.get(p) else {
                    return false;
                };
                if rollback {
                    s.operation == Some(Op::Rollback)
                        && matches!(s.status, Some(St::Successful) | Some(St::Failed))
                        && !self.rollback_failed.contains(&id_of(s))
                        && all(&s.downstreams, St::Pending)
                } else {
                    s.status == Some(St::Pending) && all(&s.upstreams, St::Successful)
                }
            })
            .collect();
        let subs = self.subs_mut();
        for &p in &ready {
            if let Some(s) = subs.get_mut(p) {
                s.status = Some(St::Ready);
            }
        }
        if full {
            // An operation may have set steps READY itself, or changed a run's end.
            let subs = self.subs();
            let ready = subs
                .iter()
                .enumerate()
                .filter(|(_, s)| s.status == Some(St::Ready))
                .map(|(p, _)| p)
                .collect();
            let running = subs
                .iter()
                .filter(|s| matches!(s.status, Some(St::Running) | Some(St::Canceling)))
                .filter_map(|s| {
                    let id = id_of(s);
                    self.runs
                        .get(&id)
                        .and_then(|r| r.last())
                        .map(|r| (r.end_ms, id))
                });
            let running: Vec<(i64, i64)> = running.collect();
            self.schedule.reset(ready, running.into_iter());
        } else {
            self.schedule.became_ready(ready);
        }
    }

    /// READY → RUNNING at `at` (skips complete at once), in array order.
    fn start_ready(&mut self, at: i64, clock: &Clock, faults: &mut Vec<TaskFault>) -> bool {
        let mut started = false;
        let executor = self.task.executor.clone();
        let pace = self.pace_pct;
        let mut new_runs = Vec::new();
        let ready = self.schedule.take_ready();
        let subs = self.task.subtasks.get_or_insert_with(Vec::new);
        for p in ready {
            let Some(s) = subs.get_mut(p) else {
                continue;
            };
            if s.status != Some(St::Ready) {
                continue;
            }
            started = true;
            let op = s.operation.clone().unwrap_or(Op::Execute);
            // A skip completes at once: SKIP as successful, ROLLBACK_SKIP back to pending.
            if matches!(op, Op::Skip | Op::RollbackSkip) {
                if op == Op::Skip {
                    s.status = Some(St::Successful);
                    s.finish_time = Some(clock.ocp_time(at));
                } else {
                    s.status = Some(St::Pending);
                }
                let run = Run {
                    op,
                    start_ms: at,
                    end_ms: at,
                    outcome: Outcome::Success,
                    note: None,
                };
                new_runs.push((p, id_of(s), run));
                continue;
            }
            let name = s.name.clone().unwrap_or_default();
            let fault = faults
                .iter_mut()
                .find(|f| f.subtask_name == name && f.times > 0)
                .map(|f| {
                    f.times -= 1;
                    (f.kind, f.message.clone())
                });
            faults.retain(|f| f.times > 0);
            let note = fault.as_ref().and_then(|f| f.1.clone());
            let (outcome, end_ms) = match fault.map(|f| f.0) {
                // OCP's timeout worker notices an overrun on its next sweep, not at the instant.
                Some(FaultKind::Hang) => (
                    Outcome::Hang,
                    at + s.timeout.map(|t| t.0).unwrap_or(1800) * 1000 + TIMEOUT_SWEEP_MS,
                ),
                Some(FaultKind::Fail) => (Outcome::Fail, at + duration_ms(s) * pace / 200),
                None => (Outcome::Success, at + duration_ms(s) * pace / 100),
            };
            s.status = Some(St::Running);
            if s.start_time.is_none() {
                s.start_time = Some(clock.ocp_time(at));
            }
            s.executor = executor.clone();
            new_runs.push((
                p,
                id_of(s),
                Run {
                    op,
                    start_ms: at,
                    end_ms,
                    outcome,
                    note,
                },
            ));
        }
        for (p, id, run) in new_runs {
            self.schedule.changed(p);
            if run.op != Op::Skip && run.op != Op::RollbackSkip {
                self.schedule.run_started(id, run.end_ms);
            }
            self.runs.entry(id).or_default().push(run);
        }
        started
    }

    /// The running subtask that ends first, and when.
    fn next_end(&self) -> Option<(i64, i64)> {
        self.schedule.next_end()
    }

    fn finish(&mut self, id: i64, at: i64, clock: &Clock) {
        let Some(run) = self.runs.get(&id).and_then(|r| r.last()).cloned() else {
            return;
        };
        self.schedule.run_ended(id, run.end_ms);
        let Some(p) = self.schedule.position(id) else {
            return;
        };
        self.schedule.changed(p);
        let Some(s) = self.subs_mut().get_mut(p) else {
            return;
        };
        s.finish_time = Some(clock.ocp_time(at));
        match run.outcome {
            Outcome::Success => {
                s.status = Some(if run.op == Op::Rollback {
                    St::Pending
                } else {
                    St::Successful
                });
            }
            Outcome::Fail => {
                s.status = Some(St::Failed);
                if run.op == Op::Rollback {
                    self.rollback_failed.insert(id);
                }
            }
            Outcome::Hang | Outcome::Cancel => {
                s.status = Some(St::Failed);
                s.operation = Some(Op::Cancel);
            }
        }
    }

    /// Runs the task forward to simulated `now_ms`.
    pub(crate) fn advance(&mut self, now_ms: i64, clock: &Clock, faults: &mut Vec<TaskFault>) {
        // Each pass handles one completion; the bound only guards against a logic error.
        for _ in 0..100_000 {
            self.promote();
            if self.start_ready(self.cursor_ms, clock, faults) {
                continue;
            }
            match self.next_end() {
                Some((id, end)) if end <= now_ms => {
                    self.cursor_ms = self.cursor_ms.max(end);
                    self.finish(id, end, clock);
                }
                _ => break,
            }
        }
        self.cursor_ms = self.cursor_ms.max(now_ms);
        self.update_status(clock);
    }

    /// Task status as OCP computes it (RunningTaskWorker.updateState).
    fn update_status(&mut self, clock: &Clock) {
        let subs = self.subs();
        let any = |st: St| subs.iter().any(|s| s.status.as_ref() == Some(&st));
        let active = any(St::Running) || any(St::Canceling) || any(St::Ready);
        let status = if active {
            TaskStatus::Running
        } else if any(St::Failed) {
            TaskStatus::Failed
        } else if subs.iter().all(|s| s.status == Some(St::Successful))
            || (self.rolling_back() && subs.iter().all(|s| s.status == Some(St::Pending)))
        {
            TaskStatus::Successful
        } else {
            TaskStatus::Running
        };
        if status == TaskStatus::Running {
            self.task.finish_time = None;
        } else if self.task.status != Some(status.clone()) || self.task.finish_time.is_none() {
            self.task.finish_time = Some(clock.ocp_time(self.cursor_ms));
        }
        self.task.status = Some(status);
    }

    /// True once the launch's own work finished (not a rollback).
    pub(crate) fn succeeded_forward(&self) -> bool {
        self.task.status == Some(TaskStatus::Successful) && !self.rolling_back()
    }

    fn subtask_mut(&mut self, sid: i64) -> Result<&mut SubtaskInstance, Refusal> {
        let task = self.id();
        // Whatever an operation changes, the next pass looks at every step.
        self.schedule.mark_stale();
        let p = self.schedule.position(sid);
        p.and_then(|p| self.subs_mut().get_mut(p)).ok_or_else(|| Refusal::same(
            NOT_FOUND,
            codes::NOT_FOUND,
            format!("No records of the subtask type found based on the taskId={task}, subtaskId={sid} parameter. Please check and try again."),
        ))
    }

    /// T3: retry a FAILED task (not a rollback): every FAILED subtask runs again.
    pub(crate) fn retry(&mut self, now_ms: i64) -> Result<(), Refusal> {
        let status = self.task.status.clone().unwrap_or(TaskStatus::Running);
        if status != TaskStatus::Failed || self.rolling_back() {
            return Err(state_invalid("task", self.id(), status.as_wire()));
        }
        self.cursor_ms = now_ms;
        self.schedule.mark_stale();
        self.task.operation = Some(TaskOperation::Retry);
        self.task.status = Some(TaskStatus::Running);
        for s in self
            .subs_mut()
            .iter_mut()
            .filter(|s| s.status == Some(St::Failed))
        {
            s.status = Some(St::Ready);
            s.operation = Some(Op::Retry);
            s.run_time = Some(Long(s.run_time.map(|r| r.0).unwrap_or(1) + 1));
        }
        Ok(())
    }

    /// T4: roll back a FAILED task, undoing its steps in reverse order.
    pub(crate) fn rollback(&mut self, now_ms: i64) -> Result<(), Refusal> {
        let status = self.task.status.clone().unwrap_or(TaskStatus::Running);
        if status != TaskStatus::Failed {
            return Err(state_invalid("task", self.id(), status.as_wire()));
        }
        let prohibited: Vec<String> = self
            .subs()
            .iter()
            .filter(|s| {
                !matches!(s.status, Some(St::Pending) | Some(St::Ready))
                    && s.prohibit_rollback == Some(true)
            })
            .map(|s| s.name.clone().unwrap_or_default())
            .collect();
        if !prohibited.is_empty() {
            return Err(Refusal::same(
                BAD_REQUEST,
                codes::TASK_PROHIBIT_ROLLBACK,
                format!(
                    "Task {} can not rollback. These steps cannot be undone: {}.",
                    self.id(),
                    prohibited.join(", ")
                ),
            ));
        }
        self.cursor_ms = now_ms;
        self.schedule.mark_stale();
        self.rollback_failed.clear();
        self.task.operation = Some(TaskOperation::Rollback);
        self.task.status = Some(TaskStatus::Running);
        for s in self
            .subs_mut()
            .iter_mut()
            .filter(|s| s.status != Some(St::Pending))
        {
            if s.status == Some(St::Ready) {
                s.status = Some(St::Pending);
            } else {
                s.operation = Some(Op::Rollback);
            }
        }
        Ok(())
    }

    /// T5: retry one FAILED subtask.
    pub(crate) fn retry_subtask(
        &mut self,
        sid: i64,
        now_ms: i64,
    ) -> Result<SubtaskInstance, Refusal> {
        let rolling_back = self.rolling_back();
        let s = self.subtask_mut(sid)?;
        if s.status != Some(St::Failed) || rolling_back {
            return Err(subtask_state_invalid(s, sid));
        }
        s.status = Some(St::Ready);
        s.operation = Some(Op::Retry);
        s.run_time = Some(Long(s.run_time.map(|r| r.0).unwrap_or(1) + 1));
        let out = s.clone();
        self.cursor_ms = now_ms;
        self.task.status = Some(TaskStatus::Running);
        if self.task.operation != Some(TaskOperation::Rollback) {
            self.task.operation = Some(TaskOperation::Retry);
        }
        Ok(out)
    }

    /// T6: skip a FAILED subtask (it is set successful; under rollback it is set pending).
    pub(crate) fn skip_subtask(&mut self, sid: i64, now_ms: i64) -> Result<(), Refusal> {
        let rolling_back = self.rolling_back();
        let s = self.subtask_mut(sid)?;
        if s.status != Some(St::Failed) {
            return Err(subtask_state_invalid(s, sid));
        }
        s.status = Some(St::Ready);
        s.operation = Some(if rolling_back {
            Op::RollbackSkip
        } else {
            Op::Skip
        });
        self.cursor_ms = now_ms;
        self.task.status = Some(TaskStatus::Running);
        Ok(())
    }

    /// T7: cancel a RUNNING subtask: CANCELING now, FAILED (op CANCEL) half a second later.
    pub(crate) fn cancel_subtask(&mut self, sid: i64, now_ms: i64) -> Result<(), Refusal> {
        let s = self.subtask_mut(sid)?;
        if s.status != Some(St::Running) {
            return Err(subtask_state_invalid(s, sid));
        }
        s.status = Some(St::Canceling);
        if let Some(run) = self.runs.get_mut(&sid).and_then(|r| r.last_mut()) {
            run.end_ms = now_ms + 500;
            run.outcome = Outcome::Cancel;
        }
        Ok(())
    }

    /// T8: the subtask's log up to simulated `now_ms`; it grows while the subtask runs.
    pub(crate) fn log(&self, sid: i64, now_ms: i64, clock: &Clock) -> Result<String, Refusal> {
        let s = self.subs().iter().find(|s| id_of(s) == sid).ok_or_else(|| Refusal::same(
            NOT_FOUND,
            codes::NOT_FOUND,
            format!("No records of the subtask type found based on the subtaskId={sid} parameter. Please check and try again."),
        ))?;
        let name = s.name.clone().unwrap_or_default();
        let mut out = String::new();
        for run in self.runs.get(&sid).into_iter().flatten() {
            // Log lines carry local time of the demo OCP (UTC+8), as OCP's logs do.
            let stamp = |ms: i64| clock.instant(ms).to_local(SERVER_ZONE);
            out.push_str(&format!(
                "############{{{}}}{{{}}}############\n",
                run.op.as_wire(),
                clock.ocp_time(run.start_ms)
            ));
            out.push_str(&format!(
                "{} INFO  Run subtask, id={sid}, name={name}, operation={}\n",
                stamp(run.start_ms),
                run.op.as_wire()
            ));
            let until = now_ms.min(run.end_ms);
            let mut t = run.start_ms + 1000;
            let mut step = 1;
            while t <= until && t < run.end_ms {
                out.push_str(&format!(
                    "{} INFO  [{name}] step {step}: working\n",
                    stamp(t)
                ));
                t += 1000;
                step += 1;
            }
            if now_ms >= run.end_ms {
                let line = match (run.outcome, run.op.clone()) {
                    (Outcome::Success, Op::Skip | Op::RollbackSkip) => {
                        "INFO  Subtask skipped by operator".to_string()
                    }
                    (Outcome::Success, _) => "INFO  Subtask finished successfully".to_string(),
                    (Outcome::Fail, _) => format!(
                        "ERROR Subtask failed: {}",
                        run.note
                            .clone()
                            .unwrap_or_else(|| format!("injected fault in {name}"))
                    ),
                    (Outcome::Hang, _) => format!(
                        "ERROR Subtask exceeded its timeout of {} s and was canceled",
                        s.timeout.map(|t| t.0).unwrap_or_default()
                    ),
                    (Outcome::Cancel, _) => "WARN  Subtask canceled by operator".to_string(),
                };
                out.push_str(&format!("{} {line}\n", stamp(run.end_ms)));
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    //! The state machine driven natively, the way the routes drive it: an operation at the
    //! current simulated time, then `advance` to that time (the estate's settle), and time moved
    //! on only by the test. Assertions are on what a user polling the task would see: statuses,
    //! operations, run counts, timestamps and logs.

    use super::*;
    use crate::sim::templates::Templates;

    /// A subtask of a hand-built task; `task` fills in downstreams and the launch statuses.
    fn step(id: i64, name: &str, ups: &[i64]) -> SubtaskInstance {
        SubtaskInstance {
            id: Some(Long(id)),
            name: Some(name.to_string()),
            description: Some(name.to_string()),
            upstreams: Some(ups.iter().copied().map(Long).collect()),
            downstreams: Some(Vec::new()),
            operation: Some(Op::Execute),
            run_time: Some(Long(1)),
            series_id: Some(Long(id)),
            timeout: Some(Long(600)),
            prohibit_rollback: Some(false),
            ..Default::default()
        }
    }

    fn prohibited(mut s: SubtaskInstance) -> SubtaskInstance {
        s.prohibit_rollback = Some(true);
        s
    }

    /// A task as a launch returns it: RUNNING/EXECUTE, roots READY, the rest PENDING,
    /// downstreams mirroring upstreams. The array keeps the caller's (non-topological) order.
    fn task(mut subs: Vec<SubtaskInstance>) -> TaskInstance {
        let edges: Vec<(i64, i64)> = subs
            .iter()
            .flat_map(|s| {
                let to = id_of(s);
                s.upstreams.iter().flatten().map(move |u| (u.0, to))
            })
            .collect();
        for (from, to) in edges {
            if let Some(s) = subs.iter_mut().find(|s| id_of(s) == from) {
                s.downstreams.get_or_insert_with(Vec::new).push(Long(to));
            }
        }
        for s in &mut subs {
            let root = s.upstreams.as_ref().is_none_or(|u| u.is_empty());
            s.status = Some(if root { St::Ready } else { St::Pending });
        }
        TaskInstance {
            id: Some(Long(7001)),
            name: Some("Test task".into()),
            status: Some(TaskStatus::Running),
            operation: Some(TaskOperation::Execute),
            executor: Some("10.0.0.1".into()),
            subtasks: Some(subs),
            ..Default::default()
        }
    }

    /// prepare → switch → verify, listed out of order with ids out of order.
    fn chain() -> TaskInstance {
        task(vec![
            step(20, "verify", &[10]),
            step(30, "prepare", &[]),
            step(10, "switch", &[30]),
        ])
    }

    /// prepare → (sync-logs ‖ stop-writes) → switch: two parallel branches and a join.
    fn diamond() -> TaskInstance {
        task(vec![
            step(1, "switch", &[2, 3]),
            step(2, "sync-logs", &[4]),
            step(4, "prepare", &[]),
            step(3, "stop-writes", &[4]),
        ])
    }

    /// One status change seen by a poller: when, which subtask, its new status.
    type Seen = (i64, String, St);

    /// A task, its clock and the armed faults. Only `at`/`by` move simulated time.
    struct Sim {
        rec: TaskRec,
        clock: Clock,
        faults: Vec<TaskFault>,
        now: i64,
    }

    impl Sim {
        fn new(t: TaskInstance) -> Sim {
            let mut clock = Clock::new(1.0);
            clock.set_paused(true);
            Sim {
                rec: TaskRec::new(t, TaskKind::Synthetic, 1, None, None, 0),
                clock,
                faults: Vec::new(),
                now: 0,
            }
        }

        fn arm(&mut self, name: &str, kind: FaultKind, times: u32, message: Option<&str>) {
            self.faults.push(TaskFault {
                subtask_name: name.into(),
                kind,
                times,
                message: message.map(str::to_string),
            });
        }

        /// Moves simulated time to `ms` and runs the task up to it.
        fn at(&mut self, ms: i64) {
            self.now = ms;
            self.rec.advance(ms, &self.clock, &mut self.faults);
        }

        fn by(&mut self, ms: i64) {
            self.at(self.now + ms);
        }

        fn sub(&self, name: &str) -> &SubtaskInstance {
            self.rec
                .subs()
                .iter()
                .find(|s| s.name.as_deref() == Some(name))
                .unwrap_or_else(|| panic!("no subtask {name}"))
        }

        fn sid(&self, name: &str) -> i64 {
            id_of(self.sub(name))
        }

        fn st(&self, name: &str) -> St {
            self.sub(name).status.clone().expect("subtask status")
        }

        fn op(&self, name: &str) -> Op {
            self.sub(name).operation.clone().expect("subtask operation")
        }

        fn runs(&self, name: &str) -> i64 {
            self.sub(name).run_time.map(|l| l.0).unwrap_or_default()
        }

        fn task_st(&self) -> TaskStatus {
            self.rec.task.status.clone().expect("task status")
        }

        fn task_op(&self) -> TaskOperation {
            self.rec.task.operation.clone().expect("task operation")
        }

        fn dur(&self, name: &str) -> i64 {
            duration_ms(self.sub(name))
        }

        fn time(&self, ms: i64) -> Option<String> {
            Some(self.clock.ocp_time(ms))
        }

        fn log(&self, name: &str) -> String {
            self.rec
                .log(self.sid(name), self.now, &self.clock)
                .expect("log")
        }

        fn snapshot(&self) -> Vec<(String, Option<St>)> {
            self.rec
                .subs()
                .iter()
                .map(|s| (s.name.clone().unwrap_or_default(), s.status.clone()))
                .collect()
        }

        /// Polls every `step_ms` up to `until_ms`, as the console does, and returns each status
        /// change seen, in order.
        fn watch(&mut self, until_ms: i64, step_ms: i64) -> Vec<Seen> {
            let mut before = self.snapshot();
            let mut seen = Vec::new();
            while self.now < until_ms {
                self.at((self.now + step_ms).min(until_ms));
                let after = self.snapshot();
                for ((name, old), (_, new)) in before.iter().zip(&after) {
                    if old != new {
                        seen.push((self.now, name.clone(), new.clone().expect("status")));
                    }
                }
                before = after;
            }
            seen
        }
    }

    /// The subtasks, in the order they were seen entering `status`.
    fn entered(seen: &[Seen], status: St) -> Vec<&str> {
        seen.iter()
            .filter(|(_, _, s)| *s == status)
            .map(|(_, n, _)| n.as_str())
            .collect()
    }

    /// When `name` was first seen in `status`.
    fn when(seen: &[Seen], name: &str, status: St) -> i64 {
        seen.iter()
            .find(|(_, n, s)| n == name && *s == status)
            .map(|(t, _, _)| *t)
            .unwrap_or_else(|| panic!("{name} never seen {status:?}: {seen:?}"))
    }

    fn assert_refused(r: Result<impl std::fmt::Debug, Refusal>, code: i64, state: &str) {
        let Refusal {
            status,
            code: c,
            en: msg,
            ..
        } = r.expect_err("the engine should refuse");
        assert_eq!(status, BAD_REQUEST, "{msg}");
        assert_eq!(c, code, "{msg}");
        assert!(
            msg.contains(&format!("in the {state} state")),
            "message names the state {state}: {msg}"
        );
    }

    #[test]
    fn steps_run_in_dependency_order_and_the_task_ends_successful() {
        let mut sim = Sim::new(chain());
        let (da, db, dc) = (sim.dur("prepare"), sim.dur("switch"), sim.dur("verify"));
        assert_eq!(sim.st("prepare"), St::Ready, "a root is READY at launch");
        assert_eq!(sim.st("switch"), St::Pending);

        let seen = sim.watch(60_000, 100);
        assert_eq!(
            entered(&seen, St::Running),
            ["prepare", "switch", "verify"],
            "{seen:?}"
        );
        assert_eq!(
            entered(&seen, St::Successful),
            ["prepare", "switch", "verify"]
        );
        // Each step starts only once its upstream succeeded.
        assert!(when(&seen, "switch", St::Running) >= when(&seen, "prepare", St::Successful));
        assert!(when(&seen, "verify", St::Running) >= when(&seen, "switch", St::Successful));
        // ... and at that very instant, in simulated time.
        assert_eq!(sim.sub("prepare").start_time, sim.time(0));
        assert_eq!(sim.sub("switch").start_time, sim.sub("prepare").finish_time);
        assert_eq!(sim.sub("verify").start_time, sim.sub("switch").finish_time);
        assert_eq!(sim.sub("verify").finish_time, sim.time(da + db + dc));

        assert_eq!(sim.task_st(), TaskStatus::Successful);
        assert_eq!(sim.task_op(), TaskOperation::Execute);
        // The task's finish time is when the engine noticed, as OCP's status worker sets it:
        // here the poll that saw the last step end.
        assert_eq!(
            sim.rec.task.finish_time,
            sim.time(when(&seen, "verify", St::Successful))
        );
        assert_eq!(sim.rec.task.progress(), (3, 3));
        assert!(sim.rec.succeeded_forward());
        for name in ["prepare", "switch", "verify"] {
            assert_eq!(sim.op(name), Op::Execute);
            assert_eq!(sim.runs(name), 1);
            assert_eq!(sim.sub(name).executor.as_deref(), Some("10.0.0.1"));
        }
    }

    #[test]
    fn a_slow_run_takes_its_pace_times_the_usual_time() {
        let mut sim = Sim::new(chain());
        sim.rec.pace_pct = 250;
        let slow = |d: i64| d * 250 / 100;
        let first = slow(sim.dur("prepare"));
        let total = first + slow(sim.dur("switch")) + slow(sim.dur("verify"));
        sim.at(total - 1);
        assert_eq!(sim.task_st(), TaskStatus::Running);
        sim.at(total);
        assert_eq!(sim.task_st(), TaskStatus::Successful);
        assert_eq!(sim.sub("switch").start_time, sim.time(first));
        assert_eq!(sim.sub("verify").finish_time, sim.time(total));
    }

    #[test]
    fn the_task_is_running_without_a_finish_time_until_its_last_step_ends() {
        let mut sim = Sim::new(chain());
        let total = sim.dur("prepare") + sim.dur("switch") + sim.dur("verify");
        sim.at(0);
        assert_eq!(sim.task_st(), TaskStatus::Running);
        assert_eq!(sim.st("prepare"), St::Running);
        sim.at(total - 1);
        assert_eq!(sim.task_st(), TaskStatus::Running);
        assert_eq!(sim.rec.task.finish_time, None);
        assert_eq!(sim.st("verify"), St::Running);
        assert_eq!(sim.rec.task.progress(), (2, 3));
        sim.at(total);
        assert_eq!(sim.task_st(), TaskStatus::Successful);
        assert_eq!(sim.rec.task.finish_time, sim.time(total));
    }

    #[test]
    fn parallel_branches_run_side_by_side_and_the_join_waits_for_both() {
        let mut sim = Sim::new(diamond());
        let da = sim.dur("prepare");
        let (db, dc) = (sim.dur("sync-logs"), sim.dur("stop-writes"));
        assert_ne!(db, dc, "the branches should take different times");
        let (short, long) = if db < dc {
            ("sync-logs", "stop-writes")
        } else {
            ("stop-writes", "sync-logs")
        };

        sim.at(da + 1);
        assert_eq!(sim.st("sync-logs"), St::Running);
        assert_eq!(sim.st("stop-writes"), St::Running);
        assert_eq!(sim.st("switch"), St::Pending);
        assert_eq!(sim.sub("sync-logs").start_time, sim.time(da));
        assert_eq!(sim.sub("stop-writes").start_time, sim.time(da));

        // One branch done, the other still running: the join keeps waiting.
        sim.at(da + db.min(dc));
        assert_eq!(sim.st(short), St::Successful);
        assert_eq!(sim.st(long), St::Running);
        assert_eq!(sim.st("switch"), St::Pending);
        assert_eq!(sim.task_st(), TaskStatus::Running);

        let seen = sim.watch(60_000, 100);
        assert!(when(&seen, "switch", St::Running) >= when(&seen, long, St::Successful));
        assert_eq!(sim.sub("switch").start_time, sim.time(da + db.max(dc)));
        assert_eq!(sim.task_st(), TaskStatus::Successful);
        assert_eq!(sim.rec.task.progress(), (4, 4));
    }

    #[test]
    fn a_step_armed_to_fail_fails_the_task_and_later_steps_stay_pending() {
        let mut sim = Sim::new(chain());
        sim.arm("switch", FaultKind::Fail, 1, Some("disk full"));
        let (da, db) = (sim.dur("prepare"), sim.dur("switch"));

        let seen = sim.watch(60_000, 100);
        assert_eq!(sim.st("prepare"), St::Successful);
        assert_eq!(sim.st("switch"), St::Failed);
        assert_eq!(sim.op("switch"), Op::Execute);
        assert_eq!(sim.st("verify"), St::Pending);
        assert!(!entered(&seen, St::Running).contains(&"verify"), "{seen:?}");
        assert_eq!(sim.task_st(), TaskStatus::Failed);
        assert_eq!(sim.task_op(), TaskOperation::Execute);
        // A failing run ends halfway through its usual time.
        assert_eq!(sim.sub("switch").finish_time, sim.time(da + db / 2));
        assert_eq!(
            sim.rec.task.finish_time,
            sim.time(when(&seen, "switch", St::Failed))
        );
        assert_eq!(sim.rec.task.progress(), (1, 3));
        assert!(!sim.rec.succeeded_forward());
        assert!(sim.faults.is_empty(), "a one-shot fault is used up");
        assert!(
            sim.log("switch")
                .trim_end()
                .ends_with("ERROR Subtask failed: disk full"),
            "{}",
            sim.log("switch")
        );

        // A failed task stays as it is however long one waits.
        let before = sim.rec.task.clone();
        sim.by(3_600_000);
        assert_eq!(sim.rec.task, before);
    }

    #[test]
    fn a_fault_without_a_message_names_the_step_and_touches_only_that_step() {
        let mut sim = Sim::new(chain());
        sim.arm("verify", FaultKind::Fail, 1, None);
        sim.at(60_000);
        assert_eq!(sim.st("prepare"), St::Successful);
        assert_eq!(sim.st("switch"), St::Successful);
        assert_eq!(sim.st("verify"), St::Failed);
        assert!(sim
            .log("verify")
            .contains("ERROR Subtask failed: injected fault in verify"));
    }

    #[test]
    fn a_failed_branch_keeps_the_task_running_until_its_sibling_ends() {
        let mut sim = Sim::new(diamond());
        sim.arm("sync-logs", FaultKind::Fail, 1, None);
        let da = sim.dur("prepare");
        let (fail_at, dc) = (sim.dur("sync-logs") / 2, sim.dur("stop-writes"));
        assert!(fail_at < dc, "the failure should come first");

        sim.at(da + fail_at);
        assert_eq!(sim.st("sync-logs"), St::Failed);
        assert_eq!(sim.st("stop-writes"), St::Running);
        assert_eq!(sim.task_st(), TaskStatus::Running);
        assert_eq!(sim.rec.task.finish_time, None);

        sim.at(da + dc);
        assert_eq!(sim.st("stop-writes"), St::Successful);
        assert_eq!(sim.st("switch"), St::Pending, "the join never starts");
        assert_eq!(sim.task_st(), TaskStatus::Failed);
        assert_eq!(sim.rec.task.finish_time, sim.time(da + dc));
    }

    #[test]
    fn task_retry_reruns_the_failed_step_and_continues() {
        let mut sim = Sim::new(chain());
        sim.arm("switch", FaultKind::Fail, 1, None);
        sim.at(60_000);
        assert_eq!(sim.task_st(), TaskStatus::Failed);
        let prepare_done = sim.sub("prepare").finish_time.clone();

        let t = 70_000;
        sim.rec.retry(t).expect("retry a FAILED task");
        assert_eq!(sim.task_st(), TaskStatus::Running);
        assert_eq!(sim.task_op(), TaskOperation::Retry);
        assert_eq!(sim.st("switch"), St::Ready);
        assert_eq!(sim.op("switch"), Op::Retry);
        assert_eq!(sim.runs("switch"), 2);

        sim.at(t);
        assert_eq!(sim.st("switch"), St::Running);
        assert_eq!(sim.rec.task.finish_time, None);
        let db = sim.dur("switch");
        let seen = sim.watch(t + 60_000, 100);
        assert_eq!(entered(&seen, St::Running), ["verify"]);
        assert_eq!(sim.sub("switch").finish_time, sim.time(t + db));
        assert_eq!(sim.sub("verify").start_time, sim.time(t + db));
        assert_eq!(sim.task_st(), TaskStatus::Successful);
        assert_eq!(sim.task_op(), TaskOperation::Retry);
        // Successful steps are left alone.
        assert_eq!(sim.runs("prepare"), 1);
        assert_eq!(sim.op("prepare"), Op::Execute);
        assert_eq!(sim.sub("prepare").finish_time, prepare_done);
        assert_eq!(sim.runs("verify"), 1);
        let log = sim.log("switch");
        assert_eq!(log.matches("############{EXECUTE}").count(), 1, "{log}");
        assert_eq!(log.matches("############{RETRY}").count(), 1, "{log}");
        assert!(log
            .trim_end()
            .ends_with("INFO  Subtask finished successfully"));
    }

    #[test]
    fn a_fault_armed_for_two_runs_fails_the_first_retry_too() {
        let mut sim = Sim::new(chain());
        sim.arm("switch", FaultKind::Fail, 2, None);
        sim.at(60_000);
        assert_eq!(sim.st("switch"), St::Failed);
        assert_eq!(sim.faults.len(), 1);
        assert_eq!(sim.faults[0].times, 1);

        sim.rec.retry(60_000).expect("first retry");
        sim.at(120_000);
        assert_eq!(sim.st("switch"), St::Failed);
        assert_eq!(sim.op("switch"), Op::Retry);
        assert_eq!(sim.task_st(), TaskStatus::Failed);
        assert!(sim.faults.is_empty());

        sim.rec.retry(120_000).expect("second retry");
        sim.at(180_000);
        assert_eq!(sim.runs("switch"), 3);
        assert_eq!(sim.task_st(), TaskStatus::Successful);
    }

    #[test]
    fn subtask_retry_returns_the_updated_step_and_the_task_continues() {
        let mut sim = Sim::new(chain());
        sim.arm("switch", FaultKind::Fail, 1, None);
        sim.at(60_000);
        let sid = sim.sid("switch");

        let out = sim.rec.retry_subtask(sid, 65_000).expect("retry the step");
        assert_eq!(out.id, Some(Long(sid)));
        assert_eq!(out.status, Some(St::Ready));
        assert_eq!(out.operation, Some(Op::Retry));
        assert_eq!(out.run_time, Some(Long(2)));
        assert_eq!(sim.task_st(), TaskStatus::Running);
        assert_eq!(sim.task_op(), TaskOperation::Retry);

        sim.at(65_000);
        assert_eq!(sim.rec.task.finish_time, None);
        assert_eq!(sim.st("switch"), St::Running);
        assert_eq!(sim.st("verify"), St::Pending);
        let seen = sim.watch(125_000, 100);
        assert_eq!(entered(&seen, St::Successful), ["switch", "verify"]);
        assert_eq!(sim.task_st(), TaskStatus::Successful);
        assert_eq!(sim.runs("prepare"), 1);
    }

    #[test]
    fn subtask_skip_sets_the_step_successful_and_the_join_runs() {
        let mut sim = Sim::new(diamond());
        sim.arm("sync-logs", FaultKind::Fail, 1, None);
        sim.at(60_000);
        assert_eq!(sim.task_st(), TaskStatus::Failed);
        assert_eq!(sim.st("stop-writes"), St::Successful);
        assert_eq!(sim.st("switch"), St::Pending);

        let t = 61_000;
        sim.rec
            .skip_subtask(sim.sid("sync-logs"), t)
            .expect("skip a FAILED step");
        assert_eq!(sim.st("sync-logs"), St::Ready);
        assert_eq!(sim.op("sync-logs"), Op::Skip);
        assert_eq!(sim.task_st(), TaskStatus::Running);

        // A skip completes at once, without a run of its own.
        sim.at(t);
        assert_eq!(sim.st("sync-logs"), St::Successful);
        assert_eq!(sim.op("sync-logs"), Op::Skip);
        assert_eq!(sim.sub("sync-logs").finish_time, sim.time(t));
        assert_eq!(sim.runs("sync-logs"), 1);
        assert_eq!(sim.st("switch"), St::Running);
        assert_eq!(sim.sub("switch").start_time, sim.time(t));
        assert!(sim
            .log("sync-logs")
            .trim_end()
            .ends_with("INFO  Subtask skipped by operator"));

        sim.by(60_000);
        assert_eq!(sim.task_st(), TaskStatus::Successful);
        assert_eq!(sim.task_op(), TaskOperation::Execute);
        assert_eq!(sim.rec.task.progress(), (4, 4));
    }

    #[test]
    fn skip_retry_and_cancel_are_refused_in_the_wrong_state() {
        let mut sim = Sim::new(chain());
        sim.arm("switch", FaultKind::Fail, 1, None);
        sim.at(1_000);
        let (prepare, switch, verify) = (sim.sid("prepare"), sim.sid("switch"), sim.sid("verify"));
        let before = sim.rec.task.clone();

        // prepare RUNNING, switch and verify PENDING, the task RUNNING.
        assert_refused(sim.rec.skip_subtask(prepare, 1_000), 20003, "RUNNING");
        assert_refused(sim.rec.retry_subtask(prepare, 1_000), 20003, "RUNNING");
        assert_refused(sim.rec.skip_subtask(switch, 1_000), 20003, "PENDING");
        assert_refused(sim.rec.retry_subtask(verify, 1_000), 20003, "PENDING");
        assert_refused(sim.rec.cancel_subtask(verify, 1_000), 20003, "PENDING");
        assert_refused(sim.rec.retry(1_000), 20003, "RUNNING");
        assert_refused(sim.rec.rollback(1_000), 20003, "RUNNING");
        let Refusal { status, code, .. } =
            sim.rec.skip_subtask(999, 1_000).expect_err("unknown step");
        assert_eq!((status, code), (NOT_FOUND, 10002));
        let Refusal { status, code, .. } = sim.rec.log(999, 1_000, &sim.clock).expect_err("no log");
        assert_eq!((status, code), (NOT_FOUND, 10002));
        assert_eq!(sim.rec.task, before, "a refusal changes nothing");

        // prepare SUCCESSFUL, switch FAILED, the task FAILED.
        sim.at(60_000);
        let before = sim.rec.task.clone();
        assert_refused(sim.rec.skip_subtask(prepare, 60_000), 20003, "SUCCESSFUL");
        assert_refused(sim.rec.retry_subtask(prepare, 60_000), 20003, "SUCCESSFUL");
        assert_refused(sim.rec.cancel_subtask(prepare, 60_000), 20003, "SUCCESSFUL");
        assert_refused(sim.rec.cancel_subtask(switch, 60_000), 20003, "FAILED");
        assert_eq!(sim.rec.task, before, "a refusal changes nothing");

        // The task SUCCESSFUL: neither retried nor rolled back.
        sim.rec.skip_subtask(switch, 60_000).expect("skip");
        sim.at(120_000);
        assert_eq!(sim.task_st(), TaskStatus::Successful);
        let before = sim.rec.task.clone();
        assert_refused(sim.rec.retry(120_000), 20003, "SUCCESSFUL");
        assert_refused(sim.rec.rollback(120_000), 20003, "SUCCESSFUL");
        assert_refused(sim.rec.skip_subtask(switch, 120_000), 20003, "SUCCESSFUL");
        assert_eq!(sim.rec.task, before, "a refusal changes nothing");
    }

    #[test]
    fn cancel_of_a_running_step_ends_it_failed_half_a_second_later() {
        let mut sim = Sim::new(chain());
        sim.at(1_000);
        assert_eq!(sim.st("prepare"), St::Running);
        let sid = sim.sid("prepare");

        sim.rec
            .cancel_subtask(sid, 1_000)
            .expect("cancel a RUNNING step");
        assert_eq!(sim.st("prepare"), St::Canceling);
        sim.at(1_000);
        assert_eq!(sim.st("prepare"), St::Canceling);
        assert_eq!(sim.task_st(), TaskStatus::Running);
        assert_refused(sim.rec.cancel_subtask(sid, 1_000), 20003, "CANCELING");
        sim.at(1_499);
        assert_eq!(sim.st("prepare"), St::Canceling);

        sim.at(1_500);
        assert_eq!(sim.st("prepare"), St::Failed);
        assert_eq!(sim.op("prepare"), Op::Cancel);
        assert_eq!(sim.sub("prepare").finish_time, sim.time(1_500));
        assert_eq!(sim.st("switch"), St::Pending);
        assert_eq!(sim.task_st(), TaskStatus::Failed);
        assert_eq!(sim.rec.task.finish_time, sim.time(1_500));
        assert!(sim
            .log("prepare")
            .trim_end()
            .ends_with("WARN  Subtask canceled by operator"));

        // A canceled step is retried like a failed one.
        sim.rec.retry(2_000).expect("retry after a cancel");
        assert_eq!(sim.op("prepare"), Op::Retry);
        sim.at(60_000);
        assert_eq!(sim.task_st(), TaskStatus::Successful);
        assert_eq!(sim.runs("prepare"), 2);
    }

    #[test]
    fn a_hanging_step_is_canceled_by_the_timeout_sweep() {
        let mut t = chain();
        for s in t.subtasks.iter_mut().flatten() {
            s.timeout = Some(Long(30));
        }
        let mut sim = Sim::new(t);
        sim.arm("prepare", FaultKind::Hang, 1, None);
        let swept = 30_000 + TIMEOUT_SWEEP_MS;

        sim.at(swept - 1);
        assert_eq!(sim.st("prepare"), St::Running);
        assert_eq!(sim.task_st(), TaskStatus::Running);
        let log = sim.log("prepare");
        assert!(log.contains("[prepare] step 1: working"), "{log}");
        assert!(!log.contains("timeout"), "{log}");

        sim.at(swept);
        assert_eq!(sim.st("prepare"), St::Failed);
        assert_eq!(sim.op("prepare"), Op::Cancel);
        assert_eq!(sim.sub("prepare").finish_time, sim.time(swept));
        assert_eq!(sim.st("switch"), St::Pending);
        assert_eq!(sim.task_st(), TaskStatus::Failed);
        assert!(sim
            .log("prepare")
            .contains("ERROR Subtask exceeded its timeout of 30 s and was canceled"));
    }

    #[test]
    fn a_hanging_step_can_be_canceled_before_its_timeout() {
        let mut sim = Sim::new(chain());
        sim.arm("prepare", FaultKind::Hang, 1, None);
        sim.at(10_000);
        assert_eq!(sim.st("prepare"), St::Running);
        sim.rec
            .cancel_subtask(sim.sid("prepare"), 10_000)
            .expect("cancel");
        sim.at(10_500);
        assert_eq!(sim.st("prepare"), St::Failed);
        assert_eq!(sim.op("prepare"), Op::Cancel);
        assert_eq!(sim.task_st(), TaskStatus::Failed);
        assert!(sim.log("prepare").contains("canceled by operator"));
    }

    #[test]
    fn a_running_log_grows_and_ends_with_the_outcome() {
        let mut sim = Sim::new(chain());
        let da = sim.dur("prepare");
        sim.at(1_500);
        let log = sim.log("prepare");
        assert!(log.starts_with("############{EXECUTE}{"), "{log}");
        assert!(log.contains("name=prepare, operation=EXECUTE"), "{log}");
        assert_eq!(log.matches("working").count(), 1, "{log}");
        assert!(!log.contains("finished"), "{log}");
        sim.at(da);
        let log = sim.log("prepare");
        assert_eq!(log.matches("working").count() as i64, (da - 1) / 1000);
        assert!(log
            .trim_end()
            .ends_with("INFO  Subtask finished successfully"));
        assert_eq!(sim.log("verify"), "", "a step that never ran has no log");
    }

    #[test]
    fn rollback_undoes_finished_steps_in_reverse_order() {
        let mut sim = Sim::new(task(vec![
            step(5, "d", &[6]),
            step(8, "a", &[]),
            step(6, "c", &[7]),
            step(7, "b", &[8]),
        ]));
        sim.arm("c", FaultKind::Fail, 1, None);
        sim.at(60_000);
        assert_eq!(sim.task_st(), TaskStatus::Failed);
        assert_eq!(sim.st("c"), St::Failed);

        sim.rec.rollback(61_000).expect("roll back a FAILED task");
        assert_eq!(sim.task_st(), TaskStatus::Running);
        assert_eq!(sim.task_op(), TaskOperation::Rollback);
        for name in ["a", "b", "c"] {
            assert_eq!(sim.op(name), Op::Rollback, "{name}");
        }
        assert_eq!(
            sim.op("d"),
            Op::Execute,
            "a step that never ran is not undone"
        );
        assert_eq!(sim.st("d"), St::Pending);

        // The failed step is undone first; the others wait for their downstreams.
        sim.at(61_000);
        assert_eq!(sim.st("c"), St::Running);
        assert_eq!(sim.st("b"), St::Successful);
        assert_eq!(sim.st("a"), St::Successful);
        let seen = sim.watch(180_000, 100);
        assert_eq!(entered(&seen, St::Running), ["b", "a"], "{seen:?}");
        assert_eq!(entered(&seen, St::Pending), ["c", "b", "a"]);
        assert!(when(&seen, "b", St::Running) >= when(&seen, "c", St::Pending));
        assert!(when(&seen, "a", St::Running) >= when(&seen, "b", St::Pending));
        for name in ["a", "b", "c", "d"] {
            assert_eq!(sim.st(name), St::Pending, "{name}");
        }
        // A fully rolled-back task ends SUCCESSFUL with operation ROLLBACK.
        assert_eq!(sim.task_st(), TaskStatus::Successful);
        assert_eq!(sim.task_op(), TaskOperation::Rollback);
        assert!(sim.rec.task.finish_time.is_some());
        assert!(
            !sim.rec.succeeded_forward(),
            "a rollback is not a launch's success"
        );
        assert_eq!(sim.rec.task.progress(), (0, 4));
        assert!(sim.log("a").contains("############{ROLLBACK}"));
        assert_eq!(sim.log("d"), "");
    }

    #[test]
    fn rollback_of_a_join_undoes_both_branches_before_their_root() {
        let mut sim = Sim::new(diamond());
        sim.arm("switch", FaultKind::Fail, 1, None);
        sim.at(60_000);
        assert_eq!(sim.task_st(), TaskStatus::Failed);

        sim.rec.rollback(60_000).expect("rollback");
        sim.at(60_000);
        assert_eq!(sim.st("switch"), St::Running);
        assert_eq!(sim.st("sync-logs"), St::Successful);
        let seen = sim.watch(180_000, 100);
        let started = entered(&seen, St::Running);
        assert_eq!(started.len(), 3, "{seen:?}");
        assert_eq!(started[2], "prepare", "{seen:?}");
        let branches = when(&seen, "sync-logs", St::Running);
        assert_eq!(when(&seen, "stop-writes", St::Running), branches);
        assert!(branches >= when(&seen, "switch", St::Pending));
        assert!(when(&seen, "prepare", St::Running) >= when(&seen, "sync-logs", St::Pending));
        assert!(when(&seen, "prepare", St::Running) >= when(&seen, "stop-writes", St::Pending));
        assert_eq!(sim.task_st(), TaskStatus::Successful);
        assert_eq!(sim.task_op(), TaskOperation::Rollback);
    }

    #[test]
    fn rollback_is_refused_when_a_finished_step_prohibits_it() {
        let mut sim = Sim::new(task(vec![
            step(2, "switch", &[1]),
            prohibited(step(1, "promote", &[])),
            step(3, "verify", &[2]),
        ]));
        sim.arm("switch", FaultKind::Fail, 1, None);
        sim.at(60_000);
        assert_eq!(sim.task_st(), TaskStatus::Failed);
        let before = sim.rec.task.clone();

        let Refusal {
            status,
            code,
            en: msg,
            ..
        } = sim.rec.rollback(60_000).expect_err("refused");
        assert_eq!((status, code), (BAD_REQUEST, 20004));
        assert!(msg.contains("Task 7001 can not rollback"), "{msg}");
        assert!(msg.contains("promote"), "names the step: {msg}");
        assert!(!msg.contains("switch"), "{msg}");
        assert_eq!(sim.rec.task, before, "a refusal changes nothing");
        sim.at(120_000);
        assert_eq!(sim.task_st(), TaskStatus::Failed);

        // The task can still be retried.
        sim.rec.retry(120_000).expect("retry");
        sim.at(180_000);
        assert_eq!(sim.task_st(), TaskStatus::Successful);
    }

    #[test]
    fn a_failed_step_that_prohibits_rollback_refuses_it_too() {
        let mut sim = Sim::new(task(vec![
            step(1, "prepare", &[]),
            prohibited(step(2, "switch", &[1])),
        ]));
        sim.arm("switch", FaultKind::Fail, 1, None);
        sim.at(60_000);
        let Refusal { code, en: msg, .. } = sim.rec.rollback(60_000).expect_err("refused");
        assert_eq!(code, 20004);
        assert!(msg.contains("switch"), "{msg}");
    }

    #[test]
    fn a_step_that_prohibits_rollback_but_never_ran_does_not_block_it() {
        let mut sim = Sim::new(task(vec![
            step(1, "prepare", &[]),
            step(2, "switch", &[1]),
            prohibited(step(3, "verify", &[2])),
        ]));
        sim.arm("switch", FaultKind::Fail, 1, None);
        sim.at(60_000);
        assert_eq!(sim.st("verify"), St::Pending);

        sim.rec.rollback(60_000).expect("verify never ran");
        sim.at(180_000);
        assert_eq!(sim.task_st(), TaskStatus::Successful);
        assert_eq!(sim.task_op(), TaskOperation::Rollback);
        assert_eq!(sim.op("verify"), Op::Execute);
        assert_eq!(sim.log("verify"), "");
    }

    #[test]
    fn retry_is_not_allowed_during_a_rollback_but_skip_is() {
        let mut sim = Sim::new(chain());
        sim.arm("verify", FaultKind::Fail, 1, None);
        sim.at(60_000);
        assert_eq!(sim.task_st(), TaskStatus::Failed);
        // The next run of `switch` is its rollback: it hangs and is swept.
        sim.arm("switch", FaultKind::Hang, 1, None);

        sim.rec.rollback(60_000).expect("rollback");
        sim.at(60_000);
        assert_eq!(sim.task_st(), TaskStatus::Running);
        assert_refused(sim.rec.retry(60_000), 20003, "RUNNING");

        let t = 60_000 + sim.dur("verify") + 600_000 + TIMEOUT_SWEEP_MS;
        sim.at(t);
        assert_eq!(sim.st("verify"), St::Pending, "undone");
        assert_eq!(sim.st("switch"), St::Failed);
        assert_eq!(sim.op("switch"), Op::Cancel);
        assert_eq!(sim.st("prepare"), St::Successful, "waits for switch");
        assert_eq!(sim.task_st(), TaskStatus::Failed);
        assert_eq!(sim.task_op(), TaskOperation::Rollback);

        let before = sim.rec.task.clone();
        assert_refused(sim.rec.retry(t), 20003, "FAILED");
        assert_refused(sim.rec.retry_subtask(sim.sid("switch"), t), 20003, "FAILED");
        assert_eq!(sim.rec.task, before, "a refusal changes nothing");

        // Skipping under rollback sets the step back to PENDING, and the rollback goes on.
        sim.rec
            .skip_subtask(sim.sid("switch"), t)
            .expect("skip under rollback");
        assert_eq!(sim.op("switch"), Op::RollbackSkip);
        sim.at(t);
        assert_eq!(sim.st("switch"), St::Pending);
        assert_eq!(sim.st("prepare"), St::Running);
        assert_eq!(sim.op("prepare"), Op::Rollback);
        sim.by(60_000);
        assert_eq!(sim.task_st(), TaskStatus::Successful);
        assert_eq!(sim.task_op(), TaskOperation::Rollback);
        assert!(sim.log("switch").contains("skipped by operator"));
    }

    /// OCP: a run that throws ends FAILED, and only EXECUTE/RETRY runs are retried
    /// automatically (FailedSubtaskWorker); a failed ROLLBACK run stays FAILED, so the task
    /// ends FAILED under ROLLBACK and the operator may skip the step.
    #[test]
    fn a_step_whose_rollback_fails_fails_the_rollback() {
        let mut sim = Sim::new(chain());
        sim.arm("verify", FaultKind::Fail, 1, None);
        sim.at(60_000);
        // The next run of `switch` is its rollback, and it fails.
        sim.arm("switch", FaultKind::Fail, 1, Some("cannot undo"));
        sim.rec.rollback(60_000).expect("rollback");
        let seen = sim.watch(180_000, 100);

        assert_eq!(sim.st("verify"), St::Pending);
        assert_eq!(sim.st("switch"), St::Failed, "{seen:?}");
        assert_eq!(sim.op("switch"), Op::Rollback);
        assert_eq!(
            sim.st("prepare"),
            St::Successful,
            "not undone past a failure"
        );
        assert_eq!(sim.task_st(), TaskStatus::Failed);
        assert_eq!(sim.task_op(), TaskOperation::Rollback);
        let log = sim.log("switch");
        assert_eq!(log.matches("############{ROLLBACK}").count(), 1, "{log}");
        assert!(log.trim_end().ends_with("cannot undo"), "{log}");
    }

    #[test]
    fn the_clock_moves_only_when_told() {
        // Running at 1000x, a getter still reads the same instant until the clock is synced.
        let mut clock = Clock::new(1000.0);
        let t0 = clock.now_ms();
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert_eq!(clock.now_ms(), t0, "now_ms is a plain read");
        assert_eq!(clock.ocp_time(5), clock.ocp_time(5));
        clock.sync();
        assert!(
            clock.now_ms() >= t0 + 10_000,
            "sync catches up with real time"
        );

        // Paused, only `advance` moves it, by exactly what it is told.
        clock.set_paused(true);
        let t1 = clock.now_ms();
        std::thread::sleep(std::time::Duration::from_millis(20));
        clock.sync();
        assert_eq!(clock.now_ms(), t1);
        clock.advance(2.5);
        assert_eq!(clock.now_ms(), t1 + 2_500);
        clock.advance(-1.0);
        assert_eq!(clock.now_ms(), t1 + 2_500, "never backwards");
        assert!(clock.paused());

        // Speed 0 stands still even when not paused.
        let mut stopped = Clock::new(0.0);
        std::thread::sleep(std::time::Duration::from_millis(5));
        stopped.sync();
        assert_eq!(stopped.now_ms(), 0);
    }

    #[test]
    fn a_task_moves_only_when_advanced() {
        let mut sim = Sim::new(chain());
        let da = sim.dur("prepare");
        sim.at(0);
        let before = sim.rec.task.clone();
        // Reading a log at a later time, or the task itself, runs nothing.
        let _ = sim.rec.log(sim.sid("prepare"), 1_000_000, &sim.clock);
        let _ = sim.rec.succeeded_forward();
        assert_eq!(sim.rec.task, before);
        assert_eq!(sim.st("prepare"), St::Running);

        // Advancing to the same instant twice changes nothing; nor does an earlier one.
        sim.at(da - 1);
        let mid = sim.rec.task.clone();
        sim.at(da - 1);
        assert_eq!(sim.rec.task, mid);
        sim.rec.advance(0, &sim.clock, &mut sim.faults);
        assert_eq!(sim.rec.task, mid);
        assert_eq!(sim.st("prepare"), St::Running);

        sim.at(da);
        assert_eq!(sim.st("prepare"), St::Successful);
    }

    #[test]
    fn every_template_runs_to_successful_each_step_after_its_upstreams() {
        let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let templates = Templates::load(&fixtures).expect("templates");
        for kind in TaskKind::ALL {
            let clock = Clock::new(0.0);
            let t = templates
                .instantiate(kind, 1, "admin", clock.ocp_time(0))
                .expect("template");
            let mut sim = Sim::new(t);
            sim.at(3_600_000);
            assert_eq!(sim.task_st(), TaskStatus::Successful, "{kind:?}");
            let subs = sim.rec.subs().to_vec();
            for s in &subs {
                assert_eq!(s.status, Some(St::Successful), "{kind:?} {:?}", s.name);
                let runs = &sim.rec.runs[&id_of(s)];
                assert_eq!(runs.len(), 1);
                let last_upstream = s
                    .upstreams
                    .iter()
                    .flatten()
                    .map(|u| sim.rec.runs[&u.0][0].end_ms)
                    .max()
                    .unwrap_or(0);
                assert_eq!(runs[0].start_ms, last_upstream, "{kind:?} {:?}", s.name);
            }
        }
    }

    /// The engine before its schedule: every pass looked at every step. A stale schedule is
    /// exactly that (all statuses read, every READY step started in array order, the running
    /// ones read from their statuses), so this is the reference the incremental passes match.
    fn advance_scanning_every_step(
        rec: &mut TaskRec,
        now_ms: i64,
        clock: &Clock,
        faults: &mut Vec<TaskFault>,
    ) {
        for _ in 0..100_000 {
            rec.schedule.mark_stale();
            rec.promote();
            if rec.start_ready(rec.cursor_ms, clock, faults) {
                continue;
            }
            match rec.next_end() {
                Some((id, end)) if end <= now_ms => {
                    rec.cursor_ms = rec.cursor_ms.max(end);
                    rec.finish(id, end, clock);
                }
                _ => break,
            }
        }
        rec.cursor_ms = rec.cursor_ms.max(now_ms);
        rec.update_status(clock);
    }

    /// A fixed linear congruential generator: the same cases on every machine.
    struct Lcg(u64);

    impl Lcg {
        fn below(&mut self, n: u64) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (self.0 >> 33) % n.max(1)
        }
    }

    /// A random task of up to 30 steps: each waits on up to three earlier ones, ids and the
    /// array shuffled, run times from few values (so ends tie), some names shared (so faults
    /// pick by array order), some steps that prohibit rollback.
    fn random_task(r: &mut Lcg) -> TaskInstance {
        let n = 1 + r.below(30) as usize;
        let mut ids: Vec<i64> = (0..n as i64).map(|k| 500 + k).collect();
        for k in (1..n).rev() {
            ids.swap(k, r.below(k as u64 + 1) as usize);
        }
        let mut subs: Vec<SubtaskInstance> = (0..n)
            .map(|k| {
                let ups: Vec<i64> = (0..r.below(4))
                    .filter(|_| k > 0)
                    .map(|_| ids[r.below(k as u64) as usize])
                    .collect();
                let mut s = step(ids[k], &format!("s{}", r.below(n as u64 + 3)), &ups);
                s.series_id = Some(Long(r.below(3) as i64));
                s.prohibit_rollback = Some(r.below(10) == 0);
                s
            })
            .collect();
        for k in (1..n).rev() {
            subs.swap(k, r.below(k as u64 + 1) as usize);
        }
        task(subs)
    }

    /// Everything a poller or a later operation can tell apart.
    fn state(rec: &TaskRec, faults: &[TaskFault]) -> String {
        let runs: std::collections::BTreeMap<_, _> = rec
            .runs
            .iter()
            .map(|(id, r)| (*id, format!("{r:?}")))
            .collect();
        format!(
            "{:?}\n{runs:?}\n{:?}\n{:?}\n{faults:?}",
            rec.task, rec.rollback_failed, rec.cursor_ms
        )
    }

    #[test]
    fn the_schedule_runs_random_tasks_exactly_as_scanning_every_step_did() {
        let mut r = Lcg(29);
        let clock = {
            let mut c = Clock::new(1.0);
            c.set_paused(true);
            c
        };
        for case in 0..400 {
            let t = random_task(&mut r);
            let sids: Vec<i64> = t.subtasks.iter().flatten().map(id_of).collect();
            let mut new = TaskRec::new(t, TaskKind::Synthetic, 1, None, None, 0);
            let mut old = new.clone();
            let mut faults: Vec<TaskFault> = (0..r.below(4))
                .map(|_| TaskFault {
                    subtask_name: format!("s{}", r.below(sids.len() as u64 + 3)),
                    kind: if r.below(3) == 0 {
                        FaultKind::Hang
                    } else {
                        FaultKind::Fail
                    },
                    times: 1 + r.below(2) as u32,
                    message: None,
                })
                .collect();
            let mut old_faults = faults.clone();
            let mut now = 0;
            for action in 0..60 {
                let sid = sids[r.below(sids.len() as u64) as usize];
                // An operation at `now`, then the task run to `now`, as Estate::operate does.
                let (a, b) = match r.below(8) {
                    0 => (
                        format!("{:?}", new.retry(now)),
                        format!("{:?}", old.retry(now)),
                    ),
                    1 => (
                        format!("{:?}", new.rollback(now)),
                        format!("{:?}", old.rollback(now)),
                    ),
                    2 => (
                        format!("{:?}", new.retry_subtask(sid, now)),
                        format!("{:?}", old.retry_subtask(sid, now)),
                    ),
                    3 => (
                        format!("{:?}", new.skip_subtask(sid, now)),
                        format!("{:?}", old.skip_subtask(sid, now)),
                    ),
                    4 => (
                        format!("{:?}", new.cancel_subtask(sid, now)),
                        format!("{:?}", old.cancel_subtask(sid, now)),
                    ),
                    _ => {
                        now += r.below(9_000) as i64;
                        (String::new(), String::new())
                    }
                };
                assert_eq!(a, b, "case {case}, action {action}");
                new.advance(now, &clock, &mut faults);
                advance_scanning_every_step(&mut old, now, &clock, &mut old_faults);
                assert_eq!(
                    state(&new, &faults),
                    state(&old, &old_faults),
                    "case {case}, action {action}"
                );
            }
        }
    }

    #[test]
    fn a_task_of_20000_steps_runs_to_its_end_in_linear_time() {
        let t = console_core::task::synthetic::task(900_000_000, 20_000, 20);
        let mut sim = Sim::new(t);
        let started = std::time::Instant::now();
        // Polled every 10 simulated seconds, as a console would, then to a day.
        while sim.now < 600_000 {
            sim.by(10_000);
        }
        sim.at(86_400_000);
        let took = started.elapsed();
        assert_eq!(sim.task_st(), TaskStatus::Successful);
        // The engine that re-scanned every step per finished step took about 10 minutes for
        // this in the debug mock; a pass per step costs what the step touches now.
        assert!(took.as_secs() < 20, "{took:?}");
        for s in sim.rec.subs() {
            let runs = &sim.rec.runs[&id_of(s)];
            let last_upstream = s
                .upstreams
                .iter()
                .flatten()
                .map(|u| sim.rec.runs[&u.0][0].end_ms)
                .max()
                .unwrap_or(0);
            assert_eq!(runs[0].start_ms, last_upstream, "{:?}", s.name);
        }
    }
}
