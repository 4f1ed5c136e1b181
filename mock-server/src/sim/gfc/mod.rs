//! The mock GFC (component failover/failback center): demo components, asynchronous prechecks
//! whose results appear over (simulated) time, operations that move components between data
//! centers, and reports. docs/gfc-api.md is the contract. Holds the state and its clock-driven
//! progress (here), `requests` (what the endpoints ask, checked as GFC checks them) and `seed`
//! (the demo components). May import `sim::clock`, `sim::refusal` and console-core's `gfc`.

mod requests;
mod seed;

use crate::sim::clock::Clock;
use crate::sim::refusal::{Refusal, INTERNAL_ERROR, NOT_FOUND};
use console_core::gfc::{
    CheckResult, CheckStatus, CheckType, Component, ComponentState, Direction, LaunchBody,
    Operation, OperationState, Operations, PreCheckStatus, Report,
};
use console_core::wire::codes;
use requests::invalid;
use std::collections::HashMap;

#[derive(Debug, Clone)]
pub(crate) struct GfcComponent {
    pub(crate) c: Component,
    /// Check id → forced outcome; checks not listed pass.
    pub(crate) outcomes: HashMap<String, CheckStatus>,
    /// The failover/failback operation of this component fails.
    pub(crate) fail_operation: bool,
}

#[derive(Debug, Clone)]
struct PendingCheck {
    component: i64,
    check: String,
    start_ms: i64,
    end_ms: i64,
    outcome: CheckStatus,
    message: String,
}

#[derive(Debug, Clone)]
struct OpRec {
    op: Operation,
    start_ms: i64,
    end_ms: i64,
    fail: bool,
    applied: bool,
}

#[derive(Debug, Clone)]
struct OpSession {
    mark: String,
    body: LaunchBody,
    created_ms: i64,
    ops: Vec<OpRec>,
}

#[derive(Debug, Clone)]
pub(crate) struct Gfc {
    pub(crate) components: Vec<GfcComponent>,
    pub(crate) check_types: Vec<CheckType>,
    /// The original's bug, kept as an option: the status call answers 500 until the worker
    /// has written the first result.
    pub(crate) legacy_500: bool,
    prechecks: HashMap<String, Vec<PendingCheck>>,
    sessions: HashMap<String, OpSession>,
    counter: u64,
}

/// Time before the worker writes anything (the original's Kafka hop).
pub(crate) const QUEUE_DELAY_MS: i64 = 1500;

fn unknown_session(id: &str) -> Refusal {
    Refusal::same(NOT_FOUND, 40401, format!("No GFC session {id}."))
}

/// The message a check gives for an outcome.
fn message(check: &CheckType, status: &CheckStatus, c: &Component) -> String {
    match status {
        CheckStatus::Pass => format!("{}: passed for {}.", check.name, c.name),
        CheckStatus::Warn => match check.id.as_str() {
            "PEAK_TIME" => format!(
                "{} is at peak load (1,240 active meetings); moving it now affects them.",
                c.name
            ),
            "REPEAT_FAILOVER" => {
                format!("{} was already failed over in the last 24 hours.", c.name)
            }
            _ => format!("{}: needs attention for {}.", check.name, c.name),
        },
        _ => match check.id.as_str() {
            "VIP" => format!(
                "The VIP of {} does not answer from {}.",
                c.name, c.peer_data_center
            ),
            "CHANGE_WINDOW" => format!("No approved change window covers {} now.", c.name),
            "SHAREPLEX_DELAY" => format!("Shareplex replication of {} is 340 s behind.", c.name),
            _ => format!("{}: failed for {}.", check.name, c.name),
        },
    }
}

impl Gfc {
    pub(crate) fn known_ids(&self) -> Vec<i64> {
        self.components.iter().map(|c| c.c.id).collect()
    }

    fn new_session(&mut self) -> String {
        self.counter += 1;
        use std::hash::{BuildHasher, Hasher};
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u64(self.counter);
        let a = h.finish();
        h.write_u64(a);
        format!("{:016x}{:016x}{:06}", a, h.finish(), self.counter)
    }

    /// Enqueues a precheck of `ids` × `checks` (all checks when empty).
    pub(crate) fn start_precheck(&mut self, ids: &[i64], checks: &[String], now_ms: i64) -> String {
        let session = self.new_session();
        let mut list = Vec::new();
        let mut at = now_ms + QUEUE_DELAY_MS;
        for id in ids {
            let Some(c) = self.components.iter().find(|c| c.c.id == *id) else {
                continue;
            };
            for t in self
                .check_types
                .iter()
                .filter(|t| checks.is_empty() || checks.contains(&t.id))
            {
                // Each check takes 0.3 to 1.1 s, fixed per (component, check).
                let dur = 300 + ((id * 31 + t.id.len() as i64 * 97) % 800);
                let outcome = c.outcomes.get(&t.id).cloned().unwrap_or(CheckStatus::Pass);
                list.push(PendingCheck {
                    component: *id,
                    check: t.id.clone(),
                    start_ms: at,
                    end_ms: at + dur,
                    message: message(t, &outcome, &c.c),
                    outcome,
                });
                at += dur / 3;
            }
        }
        self.prechecks.insert(session.clone(), list);
        session
    }

    /// The session's results so far. In legacy mode, nothing written yet is the original's
    /// unhandled error (500).
    pub(crate) fn precheck_status(
        &self,
        session: &str,
        now_ms: i64,
    ) -> Result<PreCheckStatus, Refusal> {
        let list = self
            .prechecks
            .get(session)
            .ok_or_else(|| unknown_session(session))?;
        let written = list.iter().any(|p| now_ms >= p.start_ms);
        if self.legacy_500 && !written {
            return Err(Refusal::same(
                INTERNAL_ERROR,
                codes::NONE,
                "Unhandled exception, type=NullPointerException, message=precheck status not found in redis",
            ));
        }
        let results: Vec<CheckResult> = list
            .iter()
            .map(|p| CheckResult {
                component_id: p.component,
                check_type: p.check.clone(),
                status: if now_ms < p.start_ms {
                    CheckStatus::Pending
                } else if now_ms < p.end_ms {
                    CheckStatus::Running
                } else {
                    p.outcome.clone()
                },
                message: if now_ms >= p.end_ms {
                    p.message.clone()
                } else {
                    String::new()
                },
            })
            .collect();
        let done = list.iter().all(|p| now_ms >= p.end_ms);
        Ok(PreCheckStatus {
            session_id: session.to_string(),
            done,
            results,
        })
    }

    /// Starts the operations of a validated launch at simulated `now`.
    pub(crate) fn launch(&mut self, body: LaunchBody, ids: &[i64], now: i64) -> String {
        let session = self.new_session();
        let direction = Direction::from_flag(body.is_failover).unwrap_or(Direction::Failback);
        let failover = direction == Direction::Failover;
        let tickets: HashMap<String, String> =
            serde_json::from_str::<HashMap<String, serde_json::Value>>(&body.wo_info)
                .map(|m| {
                    m.into_iter()
                        .map(|(k, v)| {
                            (
                                k,
                                v.as_str()
                                    .map(str::to_string)
                                    .unwrap_or_else(|| v.to_string()),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default();
        let ops = ids
            .iter()
            .enumerate()
            .filter_map(|(i, id)| {
                let c = self.components.iter().find(|c| c.c.id == *id)?;
                let (from, to) = if failover {
                    (c.c.data_center.clone(), c.c.peer_data_center.clone())
                } else {
                    (c.c.peer_data_center.clone(), c.c.data_center.clone())
                };
                let start_ms = now + i as i64 * 2000;
                Some(OpRec {
                    op: Operation {
                        component_id: *id,
                        component_name: c.c.name.clone(),
                        from_dc: from,
                        to_dc: to,
                        state: OperationState::Queued,
                        state_before: c.c.state.clone(),
                        state_after: None,
                        start_time: None,
                        end_time: None,
                        message: String::new(),
                        ticket: tickets.get(&id.to_string()).cloned().unwrap_or_default(),
                    },
                    start_ms,
                    end_ms: start_ms + 4000,
                    fail: c.fail_operation,
                    applied: false,
                })
            })
            .collect();
        let mark = direction.mark().to_string();
        self.sessions.insert(
            session.clone(),
            OpSession {
                mark,
                body,
                created_ms: now,
                ops,
            },
        );
        session
    }

    /// Moves operations forward to `now`, changing component states as they finish.
    pub(crate) fn tick(&mut self, clock: &Clock) {
        let now = clock.now_ms();
        let mut changes = Vec::new();
        for s in self.sessions.values_mut() {
            let failover = Direction::from_mark(&s.mark) == Some(Direction::Failover);
            for o in &mut s.ops {
                if now >= o.start_ms && o.op.start_time.is_none() {
                    o.op.start_time = Some(clock.ocp_time(o.start_ms));
                    o.op.state = OperationState::InProgress;
                    o.op.message = format!(
                        "Moving {} from {} to {}.",
                        o.op.component_name, o.op.from_dc, o.op.to_dc
                    );
                }
                if now >= o.end_ms && !o.applied {
                    o.applied = true;
                    o.op.end_time = Some(clock.ocp_time(o.end_ms));
                    if o.fail {
                        o.op.state = OperationState::Failed;
                        o.op.message = format!(
                            "{} did not come up in {}; it stays in {}.",
                            o.op.component_name, o.op.to_dc, o.op.from_dc
                        );
                        o.op.state_after = Some(o.op.state_before.clone());
                    } else {
                        let after = if failover {
                            ComponentState::Manual
                        } else {
                            ComponentState::Auto
                        };
                        o.op.state = OperationState::Done;
                        o.op.message =
                            format!("{} now serves from {}.", o.op.component_name, o.op.to_dc);
                        o.op.state_after = Some(after.clone());
                        changes.push((o.op.component_id, after));
                    }
                }
            }
        }
        for (id, state) in changes {
            if let Some(c) = self.components.iter_mut().find(|c| c.c.id == id) {
                c.c.state = state;
            }
        }
    }

    /// `getFOBOperations`: the session's operations, only those of `components` when any are
    /// named; `mark`, when given, must be the session's direction.
    pub(crate) fn operations(
        &self,
        session: &str,
        mark: Option<&str>,
        components: &[i64],
    ) -> Result<Operations, Refusal> {
        let s = self
            .sessions
            .get(session)
            .ok_or_else(|| unknown_session(session))?;
        if let Some(m) = mark.filter(|m| !m.is_empty() && *m != s.mark) {
            return Err(invalid(format!(
                "Session {session} is a {}, not a {m}.",
                s.mark
            )));
        }
        Ok(Operations {
            session_id: session.to_string(),
            failoverback_mark: s.mark.clone(),
            done: s.ops.iter().all(|o| o.applied),
            operations: s
                .ops
                .iter()
                .map(|o| o.op.clone())
                .filter(|o| components.is_empty() || components.contains(&o.component_id))
                .collect(),
        })
    }

    pub(crate) fn report(&self, session: &str, clock: &Clock) -> Result<Report, Refusal> {
        let s = self
            .sessions
            .get(session)
            .ok_or_else(|| unknown_session(session))?;
        let end = s.ops.iter().filter(|o| o.applied).map(|o| o.end_ms).max();
        let done = s.ops.iter().all(|o| o.applied);
        Ok(Report {
            session_id: session.to_string(),
            user_name: s.body.user_name.clone(),
            failoverback_mark: s.mark.clone(),
            reason: s.body.reason.clone(),
            est_failback_time: s.body.est_failback_time.clone(),
            start_time: Some(clock.ocp_time(s.created_ms)),
            end_time: if done {
                end.map(|e| clock.ocp_time(e))
            } else {
                None
            },
            operations: s.ops.iter().map(|o| o.op.clone()).collect(),
        })
    }
}
