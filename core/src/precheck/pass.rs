//! One pass of failover prechecks over the readiness board, planned the way OCP allows at
//! scale: the standby tenants of a standby cluster in one batch request (D2), a single-tenant
//! precheck (D1) only where a cluster has one standby tenant or a batch reply left a tenant
//! out, and the standby cluster's own precheck (D7). Requests go least recently checked first,
//! several in flight as the [`Throttle`] allows; a push-back (429/503) puts the request back at
//! the front to be sent again after the pause, at most [`MAX_ATTEMPTS`] times. Canceling stops
//! new requests; those in flight finish and are kept.
//!
//! Pure: the page sends the requests and reports each outcome here.

use super::board::{Kind, Standby};
use super::throttle::Throttle;
use super::verdict::Summary;
use std::collections::VecDeque;

/// Sends of one request, push-backs included, before it counts as failed.
pub const MAX_ATTEMPTS: u32 = 3;
/// Prechecks in flight during a pass (`precheckConcurrency`), and its bound.
pub const DEFAULT_CONCURRENCY: u32 = 4;
pub const MAX_CONCURRENCY: u32 = 16;

/// One request of a pass, and the board rows (history keys) it answers for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// D2: every standby tenant of `cluster_id`, as (tenant id, key).
    Batch {
        cluster_id: i64,
        tenants: Vec<(i64, String)>,
    },
    /// D1: one standby tenant.
    Tenant {
        cluster_id: i64,
        tenant_id: i64,
        key: String,
    },
    /// D7: the standby cluster itself.
    Cluster { cluster_id: i64, key: String },
}

impl Request {
    /// The rows this request answers for.
    pub fn keys(&self) -> Vec<&str> {
        match self {
            Request::Batch { tenants, .. } => tenants.iter().map(|(_, k)| k.as_str()).collect(),
            Request::Tenant { key, .. } | Request::Cluster { key, .. } => vec![key.as_str()],
        }
    }

    /// Unique within a pass.
    pub fn id(&self) -> String {
        match self {
            Request::Batch { cluster_id, .. } => format!("batch:{cluster_id}"),
            Request::Tenant { key, .. } | Request::Cluster { key, .. } => key.clone(),
        }
    }
}

/// The requests of a pass over `standbys`, least recently checked first (`last_at` gives a
/// row's last precheck time; never checked counts as oldest). A batch is as old as its oldest
/// tenant. Ties keep the board's order.
pub fn plan(standbys: &[Standby], last_at: impl Fn(&str) -> Option<i64>) -> Vec<Request> {
    let mut out: Vec<Request> = Vec::new();
    let mut batches: Vec<(i64, Vec<(i64, String)>)> = Vec::new();
    for s in standbys {
        match s.kind {
            Kind::Tenant { tenant_id } => match batches.iter_mut().find(|b| b.0 == s.cluster_id) {
                Some(b) => b.1.push((tenant_id, s.key.clone())),
                None => batches.push((s.cluster_id, vec![(tenant_id, s.key.clone())])),
            },
            Kind::Cluster => out.push(Request::Cluster {
                cluster_id: s.cluster_id,
                key: s.key.clone(),
            }),
            Kind::TenantsUnloaded(_) => {}
        }
    }
    for (cluster_id, mut tenants) in batches {
        out.push(if tenants.len() == 1 {
            let (tenant_id, key) = tenants.remove(0);
            Request::Tenant {
                cluster_id,
                tenant_id,
                key,
            }
        } else {
            Request::Batch {
                cluster_id,
                tenants,
            }
        });
    }
    let age = |r: &Request| {
        r.keys()
            .iter()
            .map(|k| last_at(k).unwrap_or(i64::MIN))
            .min()
            .unwrap_or(i64::MIN)
    };
    let board_order = |r: &Request| {
        let first = r.keys().first().map(|k| k.to_string()).unwrap_or_default();
        standbys
            .iter()
            .position(|s| s.key == first)
            .unwrap_or(usize::MAX)
    };
    crate::order::sort_by_key(&mut out, |r| (age(r), board_order(r)));
    out
}

/// A batch reply's summaries by row key, and the (tenant id, key) pairs it left out.
pub type Matched = (Vec<(String, Summary)>, Vec<(i64, String)>);

/// A batch reply matched to its request: each tenant's summary by key, and the tenants it left
/// out (no item with their id, or one that could not be read), which get a single precheck.
pub fn match_batch(tenants: &[(i64, String)], summaries: &[Summary]) -> Matched {
    let mut found = Vec::new();
    let mut left_out = Vec::new();
    for (id, key) in tenants {
        match summaries
            .iter()
            .find(|s| s.tenant_id.map(|t| t.0) == Some(*id))
        {
            Some(s) => found.push((key.clone(), s.clone())),
            None => left_out.push((*id, key.clone())),
        }
    }
    (found, left_out)
}

/// How a request ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// A reply was read (whatever its verdict).
    Answered,
    /// OCP pushed back (429/503); `retry_after_ms` as it asked.
    PushedBack { retry_after_ms: Option<i64> },
    /// Any other failure: shown on its rows, not sent again this pass.
    Failed,
}

/// What the board says about the pass.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PassState {
    Idle,
    Running {
        /// Rows answered so far, and of how many.
        done: usize,
        total: usize,
        in_flight: usize,
        /// Requests allowed in flight now, and the configured ceiling.
        width: u32,
        ceiling: u32,
        /// Paused by a push-back until this time (ms since the epoch).
        paused_until: Option<i64>,
    },
    /// Canceled; the requests in flight are finishing.
    Stopping {
        in_flight: usize,
    },
    Finished {
        done: usize,
        total: usize,
        canceled: bool,
    },
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Pass {
    waiting: VecDeque<(Request, u32)>,
    running: Vec<(Request, u32)>,
    throttle: Option<Throttle>,
    done: usize,
    total: usize,
    canceled: bool,
    started: bool,
    sent: usize,
}

impl Pass {
    /// A pass over `plan`, at most `ceiling` requests in flight.
    pub fn new(plan: Vec<Request>, ceiling: u32) -> Pass {
        let total = plan.iter().map(|r| r.keys().len()).sum();
        Pass {
            waiting: plan.into_iter().map(|r| (r, 0)).collect(),
            running: Vec::new(),
            throttle: Some(Throttle::new(ceiling)),
            done: 0,
            total,
            canceled: false,
            started: true,
            sent: 0,
        }
    }

    /// The next request to send now, if the throttle allows one more in flight; it counts as
    /// in flight until [`Pass::finished`].
    pub fn start_next(&mut self, now_ms: i64) -> Option<Request> {
        if self.canceled {
            return None;
        }
        let throttle = self.throttle.as_ref()?;
        if !throttle.allows(self.running.len(), now_ms) {
            return None;
        }
        let (r, attempts) = self.waiting.pop_front()?;
        self.sent += 1;
        self.running.push((r.clone(), attempts + 1));
        Some(r)
    }

    /// Reports how the request `id` ended, with the follow-up single prechecks a batch reply
    /// made necessary (its left-out tenants), which go first in the line.
    pub fn finished(&mut self, id: &str, outcome: Outcome, follow_up: Vec<Request>, now_ms: i64) {
        let Some(at) = self.running.iter().position(|(r, _)| r.id() == id) else {
            return;
        };
        let (r, attempts) = self.running.remove(at);
        let throttle = self.throttle.get_or_insert_with(|| Throttle::new(1));
        match outcome {
            Outcome::PushedBack { retry_after_ms } if attempts < MAX_ATTEMPTS => {
                throttle.on_push_back(retry_after_ms, now_ms);
                self.waiting.push_front((r, attempts));
                return;
            }
            Outcome::PushedBack { retry_after_ms } => {
                throttle.on_push_back(retry_after_ms, now_ms);
            }
            Outcome::Answered | Outcome::Failed => throttle.on_reply(),
        }
        let covered = r.keys().len();
        let again: usize = follow_up.iter().map(|f| f.keys().len()).sum();
        self.done += covered.saturating_sub(again);
        for f in follow_up.into_iter().rev() {
            self.waiting.push_front((f, 0));
        }
    }

    /// Stops sending; requests in flight finish.
    pub fn cancel(&mut self) {
        if self.busy() {
            self.canceled = true;
            self.waiting.clear();
        }
    }

    /// Whether requests are waiting or in flight.
    pub fn busy(&self) -> bool {
        !self.running.is_empty() || (!self.canceled && !self.waiting.is_empty())
    }

    /// Requests sent so far (push-backs sent again count again).
    pub fn sent(&self) -> usize {
        self.sent
    }

    /// When to try [`Pass::start_next`] again while paused by a push-back.
    pub fn wake_at(&self, now_ms: i64) -> Option<i64> {
        self.throttle.as_ref()?.paused_until(now_ms)
    }

    /// Whether the row `key` is in a request in flight.
    pub fn is_running(&self, key: &str) -> bool {
        self.running.iter().any(|(r, _)| r.keys().contains(&key))
    }

    /// Whether the row `key` is waiting its turn.
    pub fn is_waiting(&self, key: &str) -> bool {
        !self.canceled && self.waiting.iter().any(|(r, _)| r.keys().contains(&key))
    }

    pub fn state(&self, now_ms: i64) -> PassState {
        if !self.started {
            return PassState::Idle;
        }
        if self.canceled && !self.running.is_empty() {
            return PassState::Stopping {
                in_flight: self.running.len(),
            };
        }
        if !self.busy() {
            return PassState::Finished {
                done: self.done,
                total: self.total,
                canceled: self.canceled,
            };
        }
        let (width, ceiling, paused_until) = match &self.throttle {
            Some(t) => (t.limit(), t.ceiling(), t.paused_until(now_ms)),
            None => (1, 1, None),
        };
        PassState::Running {
            done: self.done,
            total: self.total,
            in_flight: self.running.len(),
            width,
            ceiling,
            paused_until,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::precheck::verdict::{summarize, Verdict};
    use crate::wire::TenantPreCheck;
    use crate::Long;

    fn tenant(cluster: i64, id: i64) -> Standby {
        Standby {
            key: format!("tenant:{cluster}:{id}"),
            kind: Kind::Tenant { tenant_id: id },
            name: format!("t{id}"),
            cluster_id: cluster,
            cluster_name: format!("c{cluster}"),
            primary_key: None,
            primary_name: None,
            lag_secs: Some(1),
            seen_at_ms: 0,
            region: String::new(),
        }
    }

    fn cluster(id: i64) -> Standby {
        Standby {
            key: format!("cluster:{id}"),
            kind: Kind::Cluster,
            ..tenant(id, 0)
        }
    }

    #[test]
    fn one_batch_per_standby_cluster_a_single_where_it_has_one_tenant_and_the_cluster_itself() {
        let s = vec![
            cluster(1),
            tenant(1, 10),
            tenant(1, 11),
            tenant(1, 12),
            tenant(2, 20),
        ];
        let p = plan(&s, |_| None);
        assert_eq!(p.len(), 3);
        assert!(p.contains(&Request::Cluster {
            cluster_id: 1,
            key: "cluster:1".into()
        }));
        assert!(p
            .iter()
            .any(|r| matches!(r, Request::Batch { cluster_id: 1, tenants } if tenants.len() == 3)));
        assert!(p.iter().any(|r| matches!(
            r,
            Request::Tenant {
                cluster_id: 2,
                tenant_id: 20,
                ..
            }
        )));
    }

    #[test]
    fn least_recently_checked_first_a_batch_as_old_as_its_oldest_tenant() {
        let s = vec![
            tenant(1, 10),
            tenant(1, 11),
            tenant(2, 20),
            tenant(2, 21),
            cluster(3),
        ];
        let last = |k: &str| match k {
            "tenant:1:10" => Some(500),
            "tenant:1:11" => Some(100),
            "tenant:2:20" => Some(300),
            "tenant:2:21" => Some(400),
            _ => None,
        };
        let ids: Vec<String> = plan(&s, last).iter().map(Request::id).collect();
        assert_eq!(ids, ["cluster:3", "batch:1", "batch:2"]);
    }

    fn summary(id: i64, valid: bool) -> Summary {
        summarize(&TenantPreCheck {
            tenant_id: Some(Long(id)),
            valid: Some(valid),
            ..Default::default()
        })
    }

    #[test]
    fn a_batch_reply_is_matched_by_tenant_id_and_what_it_leaves_out_is_named() {
        let tenants = vec![
            (10, "a".to_string()),
            (11, "b".to_string()),
            (12, "c".to_string()),
        ];
        let mut unreadable = summarize(&TenantPreCheck::default());
        unreadable.verdict = Verdict::Blocked;
        let (found, left) = match_batch(
            &tenants,
            &[summary(11, true), unreadable, summary(99, true)],
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "b");
        assert_eq!(left, vec![(10, "a".to_string()), (12, "c".to_string())]);
    }

    fn reqs(n: i64) -> Vec<Request> {
        (0..n)
            .map(|i| Request::Cluster {
                cluster_id: i,
                key: format!("cluster:{i}"),
            })
            .collect()
    }

    #[test]
    fn keeps_the_configured_number_in_flight_and_finishes() {
        let mut p = Pass::new(reqs(6), 4);
        let started: Vec<Request> = std::iter::from_fn(|| p.start_next(0)).collect();
        assert_eq!(started.len(), 4);
        p.finished(&started[0].id(), Outcome::Answered, vec![], 0);
        assert!(p.start_next(0).is_some());
        assert!(p.start_next(0).is_none());
        for r in started.iter().skip(1) {
            p.finished(&r.id(), Outcome::Failed, vec![], 0);
        }
        let last = p.start_next(0).expect("the sixth");
        p.finished(&last.id(), Outcome::Answered, vec![], 0);
        p.finished("cluster:4", Outcome::Answered, vec![], 0);
        assert_eq!(
            p.state(0),
            PassState::Finished {
                done: 6,
                total: 6,
                canceled: false
            }
        );
        assert_eq!(p.sent(), 6);
    }

    #[test]
    fn a_push_back_halves_the_width_pauses_and_sends_the_same_request_again_first() {
        let mut p = Pass::new(reqs(8), 4);
        let started: Vec<Request> = std::iter::from_fn(|| p.start_next(0)).collect();
        p.finished(
            &started[0].id(),
            Outcome::PushedBack {
                retry_after_ms: Some(2_000),
            },
            vec![],
            0,
        );
        assert!(matches!(
            p.state(1_000),
            PassState::Running {
                width: 2,
                ceiling: 4,
                paused_until: Some(2_000),
                ..
            }
        ));
        assert_eq!(p.wake_at(1_000), Some(2_000));
        assert!(p.start_next(1_999).is_none(), "paused");
        // Three still in flight > width 2: nothing starts until two finish.
        assert!(p.start_next(2_000).is_none());
        p.finished(&started[1].id(), Outcome::Answered, vec![], 2_000);
        p.finished(&started[2].id(), Outcome::Answered, vec![], 2_000);
        let again = p.start_next(2_000).expect("one slot");
        assert_eq!(again, started[0], "the pushed-back request goes first");
    }

    #[test]
    fn a_request_pushed_back_too_often_fails_and_the_pass_ends() {
        let mut p = Pass::new(reqs(1), 1);
        for t in 0..MAX_ATTEMPTS as i64 {
            let r = p.start_next(t * 100_000).expect("sent again");
            p.finished(
                &r.id(),
                Outcome::PushedBack {
                    retry_after_ms: Some(0),
                },
                vec![],
                t * 100_000,
            );
        }
        assert!(!p.busy());
        assert_eq!(p.sent(), MAX_ATTEMPTS as usize);
    }

    #[test]
    fn left_out_tenants_are_checked_next_one_by_one() {
        let batch = Request::Batch {
            cluster_id: 1,
            tenants: vec![(10, "a".into()), (11, "b".into())],
        };
        let mut p = Pass::new(vec![batch.clone(), reqs(1).remove(0)], 1);
        let first = p.start_next(0).expect("batch");
        let single = Request::Tenant {
            cluster_id: 1,
            tenant_id: 11,
            key: "b".into(),
        };
        p.finished(&first.id(), Outcome::Answered, vec![single.clone()], 0);
        assert!(matches!(
            p.state(0),
            PassState::Running {
                done: 1,
                total: 3,
                ..
            }
        ));
        assert_eq!(p.start_next(0), Some(single));
    }

    #[test]
    fn cancel_sends_nothing_more_and_lets_the_ones_in_flight_finish() {
        let mut p = Pass::new(reqs(5), 2);
        let a = p.start_next(0).expect("a");
        let _b = p.start_next(0).expect("b");
        p.cancel();
        assert_eq!(p.state(0), PassState::Stopping { in_flight: 2 });
        assert!(p.start_next(0).is_none());
        assert!(!p.is_waiting("cluster:4"));
        p.finished(&a.id(), Outcome::Answered, vec![], 0);
        p.finished("cluster:1", Outcome::Answered, vec![], 0);
        assert!(matches!(
            p.state(0),
            PassState::Finished {
                done: 2,
                canceled: true,
                ..
            }
        ));
        assert_eq!(p.sent(), 2);
    }
}
