//! The drill ledger's rows: every failover and switchover in OCP's task list, one [`Drill`]
//! each, read from the list item alone (no detail request per row), and the ledger's filters as
//! its URL holds them.
//!
//! The measured recovery time is the task page's (`task::eta::rto_of_task`: launch to the end,
//! and to the promotion step when the item carries its steps); the RPO at launch is what this
//! browser's launch record kept, else "not recorded" (OCP keeps no lag history); the objective
//! is the first `config.json` objective matching the tenant or cluster. Its filters are in
//! `filter`.

use crate::precheck::objectives::{find, Objective, RpoCheck, RtoCheck};
use crate::task::eta::rto_of_task;
use crate::task::launch_record::LaunchRecords;
use crate::task::list::KINDS;
use crate::time::{parse_ms, Offset};
use crate::wire::{SubtaskOperation, TaskInstance, TaskOperation, TaskStatus};

/// What a drill did, from its task name (OCP's names for the four launches the console makes;
/// another name with "failover" or "switchover" in it is `Other`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DrillKind {
    TenantFailover,
    TenantSwitchover,
    ClusterFailover,
    ClusterSwitchover,
    Other,
}

impl DrillKind {
    pub const ALL: [DrillKind; 5] = [
        DrillKind::TenantFailover,
        DrillKind::TenantSwitchover,
        DrillKind::ClusterFailover,
        DrillKind::ClusterSwitchover,
        DrillKind::Other,
    ];

    /// The kind of a task named `name`; `None` when it is not a failover or switchover.
    pub fn of(name: &str) -> Option<DrillKind> {
        let known = [
            DrillKind::TenantFailover,
            DrillKind::TenantSwitchover,
            DrillKind::ClusterFailover,
            DrillKind::ClusterSwitchover,
        ];
        if let Some(i) = KINDS.iter().position(|(n, _)| *n == name.trim()) {
            return Some(known[i]);
        }
        let n = name.to_ascii_lowercase();
        (n.contains("failover") || n.contains("switchover")).then_some(DrillKind::Other)
    }

    /// The word in the URL and the exports.
    pub fn as_str(self) -> &'static str {
        match self {
            DrillKind::TenantFailover => "tenant-failover",
            DrillKind::TenantSwitchover => "tenant-switchover",
            DrillKind::ClusterFailover => "cluster-failover",
            DrillKind::ClusterSwitchover => "cluster-switchover",
            DrillKind::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<DrillKind> {
        DrillKind::ALL.into_iter().find(|k| k.as_str() == s.trim())
    }
}

/// How a drill ended. A rollback that completed reads `SUCCESSFUL` with operation `ROLLBACK`
/// at OCP: here it is `RolledBack`, never a success.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Outcome {
    Succeeded,
    Failed,
    RolledBack,
    Running,
    /// A status the console does not know, or none.
    Unknown,
}

impl Outcome {
    pub const ALL: [Outcome; 5] = [
        Outcome::Succeeded,
        Outcome::Failed,
        Outcome::RolledBack,
        Outcome::Running,
        Outcome::Unknown,
    ];

    pub fn of(t: &TaskInstance) -> Outcome {
        match (&t.status, &t.operation) {
            (Some(TaskStatus::Successful), Some(TaskOperation::Rollback)) => Outcome::RolledBack,
            (Some(TaskStatus::Successful), _) => Outcome::Succeeded,
            (Some(TaskStatus::Failed), _) => Outcome::Failed,
            (Some(TaskStatus::Running), _) => Outcome::Running,
            _ => Outcome::Unknown,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Succeeded => "succeeded",
            Outcome::Failed => "failed",
            Outcome::RolledBack => "rolled-back",
            Outcome::Running => "running",
            Outcome::Unknown => "unknown",
        }
    }

    pub fn parse(s: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.as_str() == s.trim())
    }
}

/// The RPO a drill accepted: the standby's lag on the precheck this browser kept at launch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RpoAtLaunch {
    /// Kept, with the lag then (`None`: the lag was unknown then).
    Recorded(Option<i64>),
    /// Launched elsewhere, or before this browser kept launches.
    NotRecorded,
}

/// A drill against its RTO objective.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjectiveVerdict {
    Met {
        rto_secs: i64,
    },
    Missed {
        rto_secs: i64,
        by_ms: i64,
    },
    /// An objective applies but the drill has no measured time (failed, rolled back, running,
    /// or its times unreadable): never a pass.
    NotMeasured {
        rto_secs: i64,
    },
    /// No RTO objective applies.
    NoObjective,
}

/// One ledger row.
#[derive(Debug, Clone, PartialEq)]
pub struct Drill {
    pub id: i64,
    pub task_name: String,
    pub kind: DrillKind,
    /// What was promoted: the tenant's name, else the cluster's (`#id` when nameless).
    pub target: String,
    pub tenant: Option<String>,
    pub cluster: String,
    pub launched_ms: Option<i64>,
    pub creator: Option<String>,
    pub outcome: Outcome,
    /// Someone stepped in: the task or one of its steps was retried, skipped or canceled.
    pub intervened: bool,
    /// Launch to the task's end, for a drill that recovered.
    pub rto_ms: Option<i64>,
    pub rpo: RpoAtLaunch,
    /// The RPO objective against the lag at launch, when both are known.
    pub rpo_check: Option<RpoCheck>,
    pub objective: ObjectiveVerdict,
    pub rpo_objective_secs: Option<i64>,
}

/// The key that groups a standby's drills (the summary): what was promoted, on which cluster.
impl Drill {
    pub fn standby_key(&self) -> (String, String) {
        (
            self.cluster.clone(),
            self.tenant.clone().unwrap_or_default(),
        )
    }
}

/// The ledger row of `t`, or `None` when `t` is not a failover or switchover or has no id.
pub fn drill_of(
    t: &TaskInstance,
    ocp: Offset,
    objectives: &[Objective],
    records: &LaunchRecords,
) -> Option<Drill> {
    DrillKind::of(t.name.as_deref()?)?;
    row_of(t, ocp, objectives, records)
}

/// [`drill_of`] for any task with an id (a report can be made of any task; what is not a
/// failover or switchover is `Other`).
pub fn row_of(
    t: &TaskInstance,
    ocp: Offset,
    objectives: &[Objective],
    records: &LaunchRecords,
) -> Option<Drill> {
    let kind = t
        .name
        .as_deref()
        .and_then(DrillKind::of)
        .unwrap_or(DrillKind::Other);
    let id = t.id?.0;
    let tenant_name = t.tenant.as_ref().and_then(|x| x.name.clone());
    let tenant = match (tenant_name, t.tenant_id()) {
        (Some(n), _) if !n.trim().is_empty() => Some(n),
        (_, Some(tid)) => Some(format!("#{}", tid.0)),
        _ => None,
    };
    let cluster = match (
        t.cluster.as_ref().and_then(|c| c.name.clone()),
        t.cluster_id(),
    ) {
        (Some(n), _) if !n.trim().is_empty() => n,
        (_, Some(cid)) => format!("#{}", cid.0),
        _ => String::new(),
    };
    let target = tenant.clone().unwrap_or_else(|| cluster.clone());
    let launched_ms = [t.create_time.as_deref(), t.start_time.as_deref()]
        .into_iter()
        .flatten()
        .find_map(|s| parse_ms(s, ocp));
    let outcome = Outcome::of(t);
    let intervened = matches!(
        t.operation,
        Some(TaskOperation::Retry | TaskOperation::Rollback)
    ) || t.subtasks().iter().any(|s| {
        matches!(
            s.operation,
            Some(SubtaskOperation::Retry | SubtaskOperation::Skip | SubtaskOperation::Cancel)
        ) || s.run_time.is_some_and(|r| r.0 > 1)
    });
    let rto_ms = rto_of_task(t, ocp).and_then(|r| r.to_end_ms);
    let names: Vec<&str> = [tenant.as_deref(), Some(cluster.as_str())]
        .into_iter()
        .flatten()
        .collect();
    let objective = find(objectives, &names);
    let rto_secs = objective.and_then(|o| o.rto_secs);
    let verdict = match (rto_secs, rto_ms) {
        (None, _) => ObjectiveVerdict::NoObjective,
        (Some(s), Some(ms)) => match RtoCheck::of(s, ms) {
            RtoCheck::Met { rto_secs } => ObjectiveVerdict::Met { rto_secs },
            RtoCheck::Missed { rto_secs, by_ms } => ObjectiveVerdict::Missed { rto_secs, by_ms },
        },
        (Some(s), None) => ObjectiveVerdict::NotMeasured { rto_secs: s },
    };
    let rpo = match records.of_task(id) {
        Some(r) => RpoAtLaunch::Recorded(r.precheck.as_ref().and_then(|p| p.lag_secs)),
        None => RpoAtLaunch::NotRecorded,
    };
    let rpo_objective_secs = objective.and_then(|o| o.rpo_secs);
    let rpo_check = match (rpo_objective_secs, rpo) {
        (Some(o), RpoAtLaunch::Recorded(lag)) => Some(RpoCheck::of(o, lag)),
        _ => None,
    };
    Some(Drill {
        id,
        task_name: t.name.clone().unwrap_or_default(),
        kind,
        target,
        tenant,
        cluster,
        launched_ms,
        creator: t.creator.as_ref().and_then(|c| c.label()),
        outcome,
        intervened,
        rto_ms,
        rpo,
        rpo_check,
        objective: verdict,
        rpo_objective_secs,
    })
}

/// The ledger's rows, newest launch first (an unreadable launch time last), ties by id.
pub fn arrange(rows: &mut [Drill]) {
    rows.sort_by(|a, b| {
        b.launched_ms
            .unwrap_or(i64::MIN)
            .cmp(&a.launched_ms.unwrap_or(i64::MIN))
            .then(b.id.cmp(&a.id))
    });
}

#[cfg(test)]
#[path = "ledger_tests.rs"]
mod tests;
