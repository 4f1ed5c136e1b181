use super::*;
use crate::drill::filter::{LedgerFilter, ObjectiveFilter};
use crate::precheck::readiness::{Kept, Record};
use crate::task::launch_record::LaunchRecord;
use crate::task::list::Day;
use crate::time::Instant;
use serde_json::json;

const UTC: Offset = Offset::UTC;

fn task(v: serde_json::Value) -> TaskInstance {
    serde_json::from_value(v).expect("task")
}

fn failover(id: i64, status: &str, op: &str, start: &str, finish: Option<&str>) -> TaskInstance {
    task(json!({
        "id": id, "name": "Failover tenant", "status": status, "operation": op,
        "createTime": start, "startTime": start, "finishTime": finish,
        "creator": {"name": "ops_chen"},
        "cluster": {"id": 8, "name": "dr_cluster"}, "tenant": {"id": 31, "name": "sales_dr"},
        "subtasks": [
            {"id": 1, "name": "Failover to primary tenant", "status": "SUCCESSFUL", "operation": "EXECUTE",
             "startTime": start, "finishTime": finish, "upstreams": [], "downstreams": []}
        ]
    }))
}

fn objective(p: &str, rpo: Option<i64>, rto: Option<i64>) -> Objective {
    Objective {
        pattern: p.into(),
        rpo_secs: rpo,
        rto_secs: rto,
    }
}

#[test]
fn a_successful_failover_is_measured_and_judged_against_its_tenants_objective() {
    let t = failover(
        7,
        "SUCCESSFUL",
        "EXECUTE",
        "2026-03-01T10:00:00Z",
        Some("2026-03-01T10:02:05Z"),
    );
    let objs = [
        objective("nothing", None, Some(1)),
        objective("sales_*", Some(30), Some(120)),
    ];
    let d = drill_of(&t, UTC, &objs, &LaunchRecords::default()).expect("a drill");
    assert_eq!(d.kind, DrillKind::TenantFailover);
    assert_eq!(d.target, "sales_dr");
    assert_eq!(d.cluster, "dr_cluster");
    assert_eq!(d.creator.as_deref(), Some("ops_chen"));
    assert_eq!(d.outcome, Outcome::Succeeded);
    assert_eq!(d.rto_ms, Some(125_000));
    assert_eq!(
        d.objective,
        ObjectiveVerdict::Missed {
            rto_secs: 120,
            by_ms: 5_000
        }
    );
    assert_eq!(d.rpo, RpoAtLaunch::NotRecorded);
    assert_eq!(d.rpo_check, None);
    assert!(!d.intervened);
}

#[test]
fn a_rolled_back_or_failed_drill_is_never_measured_or_met() {
    let objs = [objective("*", None, Some(600))];
    let rolled = failover(
        8,
        "SUCCESSFUL",
        "ROLLBACK",
        "2026-03-01T10:00:00Z",
        Some("2026-03-01T10:01:00Z"),
    );
    let d = drill_of(&rolled, UTC, &objs, &LaunchRecords::default()).expect("drill");
    assert_eq!(d.outcome, Outcome::RolledBack);
    assert!(d.intervened);
    assert_eq!(d.rto_ms, None);
    assert_eq!(d.objective, ObjectiveVerdict::NotMeasured { rto_secs: 600 });
    let failed = failover(9, "FAILED", "EXECUTE", "2026-03-01T10:00:00Z", None);
    let d = drill_of(&failed, UTC, &objs, &LaunchRecords::default()).expect("drill");
    assert_eq!(d.outcome, Outcome::Failed);
    assert_eq!(d.objective, ObjectiveVerdict::NotMeasured { rto_secs: 600 });
    // No objective: nothing is claimed.
    let d = drill_of(&failed, UTC, &[], &LaunchRecords::default()).expect("drill");
    assert_eq!(d.objective, ObjectiveVerdict::NoObjective);
}

#[test]
fn the_rpo_at_launch_comes_from_this_browsers_launch_record() {
    let t = failover(
        10,
        "SUCCESSFUL",
        "EXECUTE",
        "2026-03-01T10:00:00Z",
        Some("2026-03-01T10:00:30Z"),
    );
    let mut records = LaunchRecords::default();
    records.push(LaunchRecord {
        task_id: 10,
        at_ms: 1,
        operator: "admin".into(),
        reason: None,
        precheck: Some(Record {
            at_ms: 0,
            verdict: Kept::Pass,
            blocking: vec![],
            warnings: vec![],
            lag_secs: Some(45),
        }),
    });
    let objs = [objective("dr_cluster", Some(30), None)];
    let d = drill_of(&t, UTC, &objs, &records).expect("drill");
    assert_eq!(d.rpo, RpoAtLaunch::Recorded(Some(45)));
    assert_eq!(
        d.rpo_check,
        Some(RpoCheck::Exceeded {
            rpo_secs: 30,
            lag_secs: 45
        })
    );
}

#[test]
fn other_tasks_are_not_drills_but_any_named_failover_is() {
    let mut t = failover(11, "SUCCESSFUL", "EXECUTE", "2026-03-01T10:00:00Z", None);
    t.name = Some("Upgrade cluster".into());
    assert!(drill_of(&t, UTC, &[], &LaunchRecords::default()).is_none());
    assert_eq!(
        row_of(&t, UTC, &[], &LaunchRecords::default()).map(|d| d.kind),
        Some(DrillKind::Other)
    );
    t.name = Some("Switchover ob tenant".into());
    assert_eq!(
        drill_of(&t, UTC, &[], &LaunchRecords::default()).map(|d| d.kind),
        Some(DrillKind::Other)
    );
    t.name = Some("Switchover OB cluster".into());
    assert_eq!(
        drill_of(&t, UTC, &[], &LaunchRecords::default()).map(|d| d.kind),
        Some(DrillKind::ClusterSwitchover)
    );
}

#[test]
fn a_retried_step_marks_the_drill_as_intervened() {
    let t = task(json!({
        "id": 12, "name": "Failover OB cluster", "status": "SUCCESSFUL", "operation": "RETRY",
        "clusterId": 8,
        "subtasks": [{"id": 1, "name": "x", "status": "SUCCESSFUL", "operation": "RETRY", "runTime": 2}]
    }));
    let d = drill_of(&t, UTC, &[], &LaunchRecords::default()).expect("drill");
    assert!(d.intervened);
    // A nameless cluster reads as its id; a cluster failover's target is the cluster.
    assert_eq!(d.cluster, "#8");
    assert_eq!(d.target, "#8");
    assert_eq!(d.tenant, None);
}

#[test]
fn the_filter_round_trips_through_the_url_and_names_what_it_ignored() {
    let f = LedgerFilter {
        cluster: Some("dr cluster".into()),
        tenant: None,
        kind: Some(DrillKind::ClusterFailover),
        outcome: Some(Outcome::RolledBack),
        objective: Some(ObjectiveFilter::Missed),
        from: Day::parse("2026-01-01"),
        to: Day::parse("2026-02-28"),
    };
    let q = f.to_query();
    assert_eq!(
        q,
        "cluster=dr%20cluster&kind=cluster-failover&result=rolled-back&objective=missed&from=2026-01-01&to=2026-02-28"
    );
    let pairs: Vec<(String, String)> = q
        .split('&')
        .map(|kv| {
            let (k, v) = kv.split_once('=').expect("pair");
            (k.to_string(), crate::url::decode(v))
        })
        .collect();
    let get = |k: &str| pairs.iter().find(|(p, _)| p == k).map(|(_, v)| v.clone());
    assert_eq!(LedgerFilter::from_query(get), (f.clone(), vec![]));
    assert_eq!(LedgerFilter::default().href(), "/drills");
    let (g, ignored) = LedgerFilter::from_query(|k| match k {
        "kind" => Some("upgrade".into()),
        "from" => Some("2026-02-30".into()),
        _ => None,
    });
    assert_eq!(g, LedgerFilter::default());
    assert_eq!(
        ignored.iter().map(|i| i.param).collect::<Vec<_>>(),
        ["kind", "from"]
    );
}

#[test]
fn the_filter_keeps_by_every_field_and_day_range() {
    let objs = [objective("*", None, Some(60))];
    let t = failover(
        13,
        "SUCCESSFUL",
        "EXECUTE",
        "2026-03-01T10:00:00Z",
        Some("2026-03-01T10:00:30Z"),
    );
    let d = drill_of(&t, UTC, &objs, &LaunchRecords::default()).expect("drill");
    let zone = |_: Instant| Offset::UTC;
    let keep = |f: LedgerFilter| f.keep(&d, &zone);
    assert!(keep(LedgerFilter::default()));
    assert!(keep(LedgerFilter {
        tenant: Some("sales_dr".into()),
        objective: Some(ObjectiveFilter::Met),
        from: Day::parse("2026-03-01"),
        to: Day::parse("2026-03-01"),
        ..Default::default()
    }));
    assert!(!keep(LedgerFilter {
        objective: Some(ObjectiveFilter::Missed),
        ..Default::default()
    }));
    assert!(!keep(LedgerFilter {
        from: Day::parse("2026-03-02"),
        ..Default::default()
    }));
    assert!(!keep(LedgerFilter {
        cluster: Some("dr".into()),
        ..Default::default()
    }));
}
