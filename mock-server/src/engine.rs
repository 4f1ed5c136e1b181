//! The task engine: OCP's state machine (ocp-api.md §6) in simulated time. Subtasks go
//! PENDING → READY (all upstreams SUCCESSFUL) → RUNNING → SUCCESSFUL or FAILED; rollback runs
//! in reverse (READY once all downstreams are PENDING, ends PENDING). Faults armed through the
//! admin API make a named subtask fail or hang past its timeout on its next run.

use crate::clock::Clock;
use crate::templates::TaskKind;
use axum::http::StatusCode;
use console_core::wire::{
    SubtaskInstance, SubtaskOperation as Op, SubtaskStatus as St, TaskInstance, TaskOperation,
    TaskStatus,
};
use console_core::Long;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// What an armed fault does to the next run of the subtask it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FaultKind {
    /// The run ends FAILED.
    Fail,
    /// The run never ends by itself; at its `timeout` the engine cancels it (FAILED, op CANCEL).
    Hang,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TaskFault {
    pub subtask_name: String,
    pub kind: FaultKind,
    /// How many runs it affects; default 1.
    #[serde(default = "one")]
    pub times: u32,
    /// What the failed run's log says (default: "injected fault in <name>").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// How long after its timeout a hung subtask is canceled.
pub const TIMEOUT_SWEEP_MS: i64 = 60_000;

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
pub struct TaskRec {
    pub task: TaskInstance,
    pub kind: TaskKind,
    pub cluster_id: i64,
    pub tenant_id: Option<i64>,
    pub service_name: Option<String>,
    /// Simulated time up to which the task has been advanced.
    cursor_ms: i64,
    runs: HashMap<i64, Vec<Run>>,
    /// The estate change of a finished launch has been applied.
    pub effect_applied: bool,
}

/// An engine refusal: HTTP status, OCP code, message.
pub type Refused = (StatusCode, i64, String);

fn state_invalid(what: &str, id: i64, state: &str) -> Refused {
    (
        StatusCode::BAD_REQUEST,
        20003,
        format!("This operation is not supported for the {id} {what} in the {state} state."),
    )
}

/// Simulated run time of a subtask: 2 to 6 s, fixed per subtask so runs are repeatable.
fn duration_ms(s: &SubtaskInstance) -> i64 {
    let series = s.series_id.map(|l| l.0).unwrap_or(0);
    let name = s.name.as_deref().map(str::len).unwrap_or(0) as i64;
    2000 + (series * 7919 + name * 31).rem_euclid(4000)
}

fn id_of(s: &SubtaskInstance) -> i64 {
    s.id.map(|l| l.0).unwrap_or_default()
}

impl TaskRec {
    pub fn new(
        task: TaskInstance,
        kind: TaskKind,
        cluster_id: i64,
        tenant_id: Option<i64>,
        service_name: Option<String>,
        now_ms: i64,
    ) -> TaskRec {
        TaskRec {
            task,
            kind,
            cluster_id,
            tenant_id,
            service_name,
            cursor_ms: now_ms,
            runs: HashMap::new(),
            effect_applied: false,
        }
    }

    pub fn id(&self) -> i64 {
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
    /// READY once every downstream is back to PENDING.
    fn promote(&mut self) {
        let rollback = self.rolling_back();
        let statuses: HashMap<i64, Option<St>> = self
            .subs()
            .iter()
            .map(|s| (id_of(s), s.status.clone()))
            .collect();
        let all = |ids: &Option<Vec<Long>>, want: St| {
            ids.iter()
                .flatten()
                .all(|i| statuses.get(&i.0).cloned().flatten() == Some(want.clone()))
        };
        for s in self.subs_mut() {
            let ready = if rollback {
                s.operation == Some(Op::Rollback)
                    && matches!(s.status, Some(St::Successful) | Some(St::Failed))
                    && all(&s.downstreams, St::Pending)
            } else {
                s.status == Some(St::Pending) && all(&s.upstreams, St::Successful)
            };
            if ready {
                s.status = Some(St::Ready);
            }
        }
    }

    /// READY → RUNNING at `at` (skips complete at once).
    fn start_ready(&mut self, at: i64, clock: &Clock, faults: &mut Vec<TaskFault>) -> bool {
        let mut started = false;
        let executor = self.task.executor.clone();
        let mut new_runs = Vec::new();
        for s in self.subs_mut() {
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
                new_runs.push((id_of(s), run));
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
                Some(FaultKind::Fail) => (Outcome::Fail, at + duration_ms(s) / 2),
                None => (Outcome::Success, at + duration_ms(s)),
            };
            s.status = Some(St::Running);
            if s.start_time.is_none() {
                s.start_time = Some(clock.ocp_time(at));
            }
            s.executor = executor.clone();
            new_runs.push((
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
        for (id, run) in new_runs {
            self.runs.entry(id).or_default().push(run);
        }
        started
    }

    /// The running subtask that ends first, and when.
    fn next_end(&self) -> Option<(i64, i64)> {
        self.subs()
            .iter()
            .filter(|s| matches!(s.status, Some(St::Running) | Some(St::Canceling)))
            .filter_map(|s| {
                let id = id_of(s);
                self.runs
                    .get(&id)
                    .and_then(|r| r.last())
                    .map(|r| (r.end_ms, id))
            })
            .min()
            .map(|(end, id)| (id, end))
    }

    fn finish(&mut self, id: i64, at: i64, clock: &Clock) {
        let Some(run) = self.runs.get(&id).and_then(|r| r.last()).cloned() else {
            return;
        };
        let Some(s) = self.subs_mut().iter_mut().find(|s| id_of(s) == id) else {
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
            Outcome::Fail => s.status = Some(St::Failed),
            Outcome::Hang | Outcome::Cancel => {
                s.status = Some(St::Failed);
                s.operation = Some(Op::Cancel);
            }
        }
    }

    /// Runs the task forward to simulated `now_ms`.
    pub fn advance(&mut self, now_ms: i64, clock: &Clock, faults: &mut Vec<TaskFault>) {
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
    pub fn succeeded_forward(&self) -> bool {
        self.task.status == Some(TaskStatus::Successful) && !self.rolling_back()
    }

    fn subtask_mut(&mut self, sid: i64) -> Result<&mut SubtaskInstance, Refused> {
        let task = self.id();
        self.subs_mut().iter_mut().find(|s| id_of(s) == sid).ok_or((
            StatusCode::NOT_FOUND,
            10002,
            format!("No records of the subtask type found based on the taskId={task}, subtaskId={sid} parameter. Please check and try again."),
        ))
    }

    /// T3: retry a FAILED task (not a rollback): every FAILED subtask runs again.
    pub fn retry(&mut self, now_ms: i64) -> Result<(), Refused> {
        let status = self.task.status.clone().unwrap_or(TaskStatus::Running);
        if status != TaskStatus::Failed || self.rolling_back() {
            return Err(state_invalid("task", self.id(), status.as_wire()));
        }
        self.cursor_ms = now_ms;
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
    pub fn rollback(&mut self, now_ms: i64) -> Result<(), Refused> {
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
            return Err((
                StatusCode::BAD_REQUEST,
                20004,
                format!(
                    "Task {} can not rollback. These steps cannot be undone: {}.",
                    self.id(),
                    prohibited.join(", ")
                ),
            ));
        }
        self.cursor_ms = now_ms;
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
    pub fn retry_subtask(&mut self, sid: i64, now_ms: i64) -> Result<SubtaskInstance, Refused> {
        let rolling_back = self.rolling_back();
        let s = self.subtask_mut(sid)?;
        if s.status != Some(St::Failed) || rolling_back {
            let st = s
                .status
                .as_ref()
                .map(|x| x.as_wire().to_string())
                .unwrap_or_default();
            return Err(state_invalid("subtask", sid, &st));
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
    pub fn skip_subtask(&mut self, sid: i64, now_ms: i64) -> Result<(), Refused> {
        let rolling_back = self.rolling_back();
        let s = self.subtask_mut(sid)?;
        if s.status != Some(St::Failed) {
            let st = s
                .status
                .as_ref()
                .map(|x| x.as_wire().to_string())
                .unwrap_or_default();
            return Err(state_invalid("subtask", sid, &st));
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
    pub fn cancel_subtask(&mut self, sid: i64, now_ms: i64) -> Result<(), Refused> {
        let s = self.subtask_mut(sid)?;
        if s.status != Some(St::Running) {
            let st = s
                .status
                .as_ref()
                .map(|x| x.as_wire().to_string())
                .unwrap_or_default();
            return Err(state_invalid("subtask", sid, &st));
        }
        s.status = Some(St::Canceling);
        if let Some(run) = self.runs.get_mut(&sid).and_then(|r| r.last_mut()) {
            run.end_ms = now_ms + 500;
            run.outcome = Outcome::Cancel;
        }
        Ok(())
    }

    /// T8: the subtask's log up to simulated `now_ms`; it grows while the subtask runs.
    pub fn log(&self, sid: i64, now_ms: i64, clock: &Clock) -> Result<String, Refused> {
        let s = self.subs().iter().find(|s| id_of(s) == sid).ok_or((
            StatusCode::NOT_FOUND,
            10002,
            format!("No records of the subtask type found based on the subtaskId={sid} parameter. Please check and try again."),
        ))?;
        let name = s.name.clone().unwrap_or_default();
        let mut out = String::new();
        for run in self.runs.get(&sid).into_iter().flatten() {
            // Log lines carry local time of the demo OCP (UTC+8), as OCP's logs do.
            let stamp = |ms: i64| clock.instant(ms).to_local(crate::reply::SERVER_ZONE);
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
