use super::*;
use serde_json::json;

fn task(v: serde_json::Value) -> TaskInstance {
    serde_json::from_value(v).expect("task")
}

/// Launch at 10:00:00; a (0–10 s) → b (12–40 s, retried) and a → c (10–20 s); d after b and c
/// (70–80 s: waited 30 s after b).
fn diamond() -> TaskInstance {
    task(json!({
        "id": 1, "name": "Failover tenant", "status": "SUCCESSFUL", "operation": "RETRY",
        "createTime": "2026-03-01T10:00:00Z", "finishTime": "2026-03-01T10:01:21Z",
        "subtasks": [
            {"id": 40, "name": "d", "status": "SUCCESSFUL", "upstreams": [20, 30], "downstreams": [],
             "startTime": "2026-03-01T10:01:10Z", "finishTime": "2026-03-01T10:01:20Z"},
            {"id": 10, "name": "a", "status": "SUCCESSFUL", "upstreams": [], "downstreams": [20, 30],
             "startTime": "2026-03-01T10:00:00Z", "finishTime": "2026-03-01T10:00:10Z"},
            {"id": 20, "name": "b", "status": "SUCCESSFUL", "operation": "RETRY", "runTime": 2,
             "upstreams": [10], "downstreams": [40],
             "startTime": "2026-03-01T10:00:12Z", "finishTime": "2026-03-01T10:00:40Z"},
            {"id": 30, "name": "c", "status": "SUCCESSFUL", "upstreams": [10], "downstreams": [40],
             "startTime": "2026-03-01T10:00:10Z", "finishTime": "2026-03-01T10:00:20Z"}
        ]
    }))
}

#[test]
fn bars_by_layer_with_waits_marks_and_the_chain_that_set_the_end() {
    let t = Timeline::of(&diamond(), Offset::UTC, 0);
    let names: Vec<&str> = t.bars.iter().map(|b| b.name.as_str()).collect();
    // Layer by layer; within a layer by start.
    assert_eq!(names, ["a", "c", "b", "d"]);
    assert_eq!(t.layers, 3);
    assert_eq!(t.end_ms - t.origin_ms, 81_000);
    let by = |n: &str| t.bars.iter().find(|b| b.name == n).expect("bar");
    assert_eq!(by("b").wait_ms(), Some(2_000));
    assert_eq!(by("d").wait_ms(), Some(30_000));
    assert_eq!(by("a").wait_ms(), Some(0));
    assert_eq!(by("b").mark, Some(Mark::Retried { runs: 2 }));
    assert_eq!(by("b").duration_ms(), Some(28_000));
    // d ended last; b (not c) ended last among its upstreams; then a.
    let critical: Vec<&str> = t
        .bars
        .iter()
        .filter(|b| b.critical)
        .map(|b| b.name.as_str())
        .collect();
    assert_eq!(critical, ["a", "b", "d"]);
    assert!(!t.no_graph);
}

#[test]
fn the_axis_in_percent_and_round_ticks() {
    let t = Timeline::of(&diamond(), Offset::UTC, 0);
    assert_eq!(t.pct(t.origin_ms), 0.0);
    assert_eq!(t.pct(t.end_ms), 100.0);
    assert_eq!(t.pct(t.end_ms + 5), 100.0);
    let ticks = t.ticks(10);
    // 81 s in at most 10 ticks: every 10 s, 0 to 80.
    assert_eq!(ticks.len(), 9);
    assert_eq!(ticks[1].1, 10_000);
    assert!(ticks.iter().all(|(p, _)| (0.0..=100.0).contains(p)));
}

#[test]
fn a_running_task_runs_to_now_and_unstarted_steps_have_no_bar() {
    let mut v = diamond();
    v.finish_time = None;
    for s in v.subtasks.iter_mut().flatten() {
        if s.name.as_deref() == Some("d") {
            s.start_time = None;
            s.finish_time = None;
            s.status = Some(SubtaskStatus::Pending);
        }
    }
    let now = Timeline::of(&diamond(), Offset::UTC, 0).origin_ms + 100_000;
    let t = Timeline::of(&v, Offset::UTC, now);
    // The last known time is b's end (40 s), not now: a paused task's axis stays its own.
    assert_eq!(t.end_ms - t.origin_ms, 40_000);
    let d = t.bars.iter().find(|b| b.name == "d").expect("d");
    assert_eq!((d.start_ms, d.duration_ms()), (None, None));
    assert_eq!(t.bars.last().map(|b| b.name.as_str()), Some("d"));
}

#[test]
fn unreadable_upstreams_keep_the_bars_without_layers_or_waits() {
    let t = task(json!({
        "id": 2, "name": "x", "createTime": "2026-03-01T10:00:00Z",
        "subtasks": [
            {"id": 1, "name": "a", "status": "SUCCESSFUL", "upstreams": [99],
             "startTime": "2026-03-01T10:00:00Z", "finishTime": "2026-03-01T10:00:05Z"}
        ]
    }));
    let t = Timeline::of(&t, Offset::UTC, 0);
    assert!(t.no_graph);
    assert_eq!(t.bars.len(), 1);
    assert_eq!(t.bars[0].wait_ms(), None);
    assert_eq!(t.bars[0].duration_ms(), Some(5_000));
}

#[test]
fn two_thousand_steps_lay_out_quickly() {
    let task = crate::task::synthetic::task(1, 2_000, 8);
    let start = std::time::Instant::now();
    let t = Timeline::of(&task, Offset::UTC, 0);
    assert_eq!(t.bars.len(), 2_000);
    assert!(start.elapsed().as_millis() < 2_000);
}
