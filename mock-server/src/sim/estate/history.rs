//! The demo's earlier drills: a year of finished runs of every launch kind in the task list, so
//! the console's time estimates have history from the first launch and its drill ledger has a
//! believable past. Per kind: 7 recent runs, one every other day, and 12 older ones, one every
//! 30 days from 20 days back (so the history spans 350 days), run by four operators. Most ran
//! at about the usual pace; a few were much slower, one failed at a step and was retried to
//! success, one failed and was rolled back, one failed and was left failed (see [`odd`]).
//! Each is run through the same engine as a launch ([`Drill`]), so a normal run's steps take
//! what a new launch's take.

use super::drill::{Drill, Ending};
use super::Estate;
use crate::sim::templates::{TaskKind, Templates};

/// Recent runs per kind, one every other day before now.
pub(super) const RECENT_RUNS: i64 = 7;
/// Older runs per kind, one every [`MONTH_DAYS`] days from [`OLDER_FROM_DAYS`] days back.
pub(super) const OLDER_RUNS: i64 = 12;
const OLDER_FROM_DAYS: i64 = 20;
const MONTH_DAYS: i64 = 30;
/// History ids sit below every launch id (the lowest, a cluster failover's, is 171,603), so the
/// list (newest id first) shows them last; they count up with the drills' start times.
pub(super) const FIRST_ID: i64 = 100_001;
const DAY_MS: i64 = 86_400_000;
const HOUR_MS: i64 = 3_600_000;
const MINUTE_MS: i64 = 60_000;

/// Who ran the drills, in turn (so the task list's creator filter has a choice).
pub(super) const CREATORS: [&str; 4] = ["admin", "ops_chen", "ops_li", "dba_wang"];

/// Standby tenants drilled, in turn, as (their cluster, the tenant, their primary's cluster):
/// audit_dr, hr_dr, billing_dr and sales_dr2. Not sales_dr: tests count its tasks.
const TENANTS: [(i64, i64, i64); 4] = [
    (3000012, 2000033, 3000009),
    (3000012, 2000034, 3000009),
    (3000012, 2000032, 3000009),
    (3000013, 2000035, 3000009),
];
/// The standby cluster drilled: the 3.x one no test launches on, so no test's list of a
/// cluster's tasks changes (cluster 6's is expected empty before a launch).
const CLUSTER: i64 = 8;

/// How an older run went when not as usual, by kind and months back: (pace in percent,
/// ending). Slow ones run at 2 to 2.6 times the usual pace, so they miss an RTO objective of
/// 1.5 times the usual time. The tenant failovers stay mostly normal: the console's time
/// estimates (medians of the newest 20 successful runs) learn from them, and the e2e tests
/// compare those estimates with a normal run.
fn odd(kind: TaskKind, months_back: i64) -> Option<(i64, Ending)> {
    use TaskKind::*;
    let failed = |step: &str| step.to_string();
    Some(match (kind, months_back) {
        (TenantFailover, 2) => (240, Ending::Succeeded),
        (TenantFailover, 7) => (210, Ending::Succeeded),
        (ClusterFailover, 4) => (260, Ending::Succeeded),
        (TenantSwitchover, 1) => (200, Ending::Succeeded),
        (ClusterSwitchover, 9) => (230, Ending::Succeeded),
        (ClusterFailover, 3) => (
            100,
            Ending::Retried {
                step: failed("Failover to Primary"),
                after_ms: 6 * MINUTE_MS,
            },
        ),
        (TenantSwitchover, 5) => (
            100,
            Ending::RolledBack {
                step: failed("Wait standby log sync"),
                after_ms: 4 * MINUTE_MS,
            },
        ),
        (ClusterSwitchover, 8) => (
            100,
            Ending::LeftFailed {
                step: failed("Prepare switchover"),
            },
        ),
        _ => return None,
    })
}

/// What a tenant or cluster drill of `kind` is launched against, for its `n`-th run: (the
/// task's cluster, its tenant), as a launch records them (a tenant switchover is launched from
/// the primary's cluster).
fn subject(kind: TaskKind, n: usize) -> (i64, Option<i64>) {
    let (cluster, tenant, primary_cluster) = TENANTS[n % TENANTS.len()];
    match kind {
        TaskKind::TenantFailover => (cluster, Some(tenant)),
        TaskKind::TenantSwitchover => (primary_cluster, Some(tenant)),
        _ => (CLUSTER, None),
    }
}

/// The demo's drills, oldest first, ids counting up from [`FIRST_ID`].
pub(super) fn plan(now: i64) -> Vec<Drill> {
    let mut out = Vec::new();
    for (k, kind) in TaskKind::ALL.into_iter().enumerate() {
        let k = k as i64;
        for run in 0..RECENT_RUNS + OLDER_RUNS {
            let (days_back, months_back) = if run < OLDER_RUNS {
                let m = OLDER_RUNS - 1 - run;
                (OLDER_FROM_DAYS + m * MONTH_DAYS, Some(m))
            } else {
                ((RECENT_RUNS + OLDER_RUNS - run) * 2, None)
            };
            // Usual runs vary a little (92 to 108 %), as real ones do.
            let jitter = 92 + (run * 7 + k * 3) % 17;
            let (pace_pct, ending) = months_back
                .and_then(|m| odd(kind, m))
                .unwrap_or((jitter, Ending::Succeeded));
            let (cluster, tenant) = subject(kind, run as usize);
            out.push(Drill {
                id: 0,
                kind,
                cluster,
                tenant,
                creator: CREATORS[(run + k) as usize % CREATORS.len()],
                start_ms: now - days_back * DAY_MS + k * HOUR_MS,
                pace_pct,
                ending,
            });
        }
    }
    out.sort_by_key(|d| d.start_ms);
    for (i, d) in out.iter_mut().enumerate() {
        d.id = FIRST_ID + i as i64;
    }
    out
}

impl Estate {
    /// Adds the demo's drills, finished, before now.
    pub(crate) fn with_history(mut self, templates: &Templates) -> Estate {
        for drill in plan(self.clock.now_ms()) {
            if let Some(rec) = drill.run(templates, &self.clock) {
                self.tasks.insert(drill.id, rec);
            }
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::estate::drill::checks::check_times;
    use console_core::wire::{TaskOperation, TaskStatus};
    use std::path::Path;

    #[test]
    fn a_year_of_runs_of_every_kind_most_as_usual_a_few_slow_or_failed() {
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let templates = Templates::load(&fixtures).expect("templates");
        let e = Estate::demo(1.0).with_history(&templates);
        assert_eq!(e.tasks.len() as i64, (RECENT_RUNS + OLDER_RUNS) * 4);
        let mut outcomes = Vec::new();
        for rec in e.tasks.values() {
            check_times(&rec.task);
            outcomes.push((rec.task.status.clone(), rec.task.operation.clone()));
        }
        let count = |s: TaskStatus, o: TaskOperation| {
            outcomes
                .iter()
                .filter(|x| **x == (Some(s.clone()), Some(o.clone())))
                .count()
        };
        assert_eq!(count(TaskStatus::Successful, TaskOperation::Retry), 1);
        assert_eq!(count(TaskStatus::Successful, TaskOperation::Rollback), 1);
        assert_eq!(count(TaskStatus::Failed, TaskOperation::Execute), 1);
        assert_eq!(count(TaskStatus::Successful, TaskOperation::Execute), 73);
    }
}
