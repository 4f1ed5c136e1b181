use super::*;
use crate::drill::timeline::Mark;
use serde_json::json;

fn task(v: serde_json::Value) -> TaskInstance {
    serde_json::from_value(v).expect("task")
}

/// A failover that failed at its promotion, was retried and then succeeded in 2 m 30 s.
fn retried() -> TaskInstance {
    task(json!({
        "id": 100020, "name": "Failover tenant", "status": "SUCCESSFUL", "operation": "RETRY",
        "createTime": "2026-03-01T10:00:00Z", "finishTime": "2026-03-01T10:02:30Z",
        "creator": {"name": "ops_chen"},
        "cluster": {"id": 8, "name": "dr_cluster"}, "tenant": {"id": 31, "name": "sales_dr"},
        "subtasks": [
            {"id": 1, "name": "Check", "status": "SUCCESSFUL", "upstreams": [], "downstreams": [2],
             "startTime": "2026-03-01T10:00:00Z", "finishTime": "2026-03-01T10:00:10Z"},
            {"id": 2, "name": "Failover to primary tenant", "status": "SUCCESSFUL", "operation": "RETRY",
             "runTime": 2, "upstreams": [1], "downstreams": [],
             "startTime": "2026-03-01T10:00:10Z", "finishTime": "2026-03-01T10:02:30Z"}
        ]
    }))
}

#[test]
fn the_report_of_a_retried_drill_names_the_retry_and_the_missed_objective() {
    let objs = [Objective {
        pattern: "sales_dr".into(),
        rpo_secs: None,
        rto_secs: Some(120),
    }];
    let r = Report::of(
        &retried(),
        Offset::UTC,
        0,
        &objs,
        &LaunchRecords::default(),
        None,
    )
    .expect("report");
    assert_eq!(r.drill.rto_ms, Some(150_000));
    assert!(r.missed());
    assert!(r.findings.contains(&Finding::Intervention {
        step: "Failover to primary tenant".into(),
        mark: Mark::Retried { runs: 2 }
    }));
    assert_eq!(
        r.findings[0],
        Finding::RtoMissed {
            rto_secs: 120,
            by_ms: 30_000
        }
    );
    let md = r.markdown(Lang::En, Offset::UTC, Offset::UTC, 0);
    assert!(md.starts_with("# Drill report: sales_dr\n"), "{md}");
    assert!(
        md.contains("| Launch to Failover to primary tenant | 2 m 30 s |"),
        "{md}"
    );
    assert!(md.contains("retried (2 runs)"), "{md}");
    assert!(md.contains("Not launched from this browser"), "{md}");
    let zh = r.markdown(Lang::Zh, Offset::UTC, Offset::UTC, 0);
    assert!(zh.contains("演练报告：sales_dr"), "{zh}");
    let v: serde_json::Value = serde_json::from_str(&r.json(Offset::UTC, 0)).expect("json");
    assert_eq!(v["drill"]["rtoObjective"]["verdict"], "missed");
    assert_eq!(v["timeline"]["steps"][1]["mark"], "retried (2 runs)");
    assert_eq!(v["timeline"]["steps"][1]["critical"], true);
    assert_eq!(v["launchRecord"], serde_json::Value::Null);
}

#[test]
fn a_step_much_slower_than_its_history_is_a_finding() {
    let history = History::learn("Failover tenant", [&retried()], Offset::UTC);
    let mut slow = retried();
    slow.operation = None;
    for s in slow.subtasks.iter_mut().flatten() {
        s.operation = None;
        s.run_time = None;
        if s.name.as_deref() == Some("Check") {
            // 10 s usually; 60 s here (and the next step moves on accordingly, still 2 m 20 s).
            s.finish_time = Some("2026-03-01T10:01:00Z".into());
        }
    }
    let r = Report::of(
        &slow,
        Offset::UTC,
        0,
        &[],
        &LaunchRecords::default(),
        Some(&history),
    )
    .expect("report");
    assert_eq!(r.history_runs, 1);
    assert!(r.findings.contains(&Finding::Slower {
        step: "Check".into(),
        took_ms: 60_000,
        median_ms: 10_000
    }));
    // The promotion step now started before its upstream ended: no wait, not negative.
    assert!(!r
        .findings
        .iter()
        .any(|f| matches!(f, Finding::LongWait { .. })));
}
