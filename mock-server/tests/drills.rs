//! Earlier drills over real HTTP, as the console's drill ledger reads them: the demo's year of
//! them (operators, slow runs, a retried, a rolled-back and a failed one, times that hold
//! together), a scenario's drills at scale (as many as asked, the same for a seed), and a
//! scenario's keys served over the console's config.json.

mod common;

use common::Mock;
use console_core::time::{parse_ms, Offset};
use mock_server::Config;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

const DAY_MS: i64 = 86_400_000;

fn ms(v: &Value) -> i64 {
    let zone = Offset::parse("+08:00").unwrap();
    parse_ms(v.as_str().unwrap_or_else(|| panic!("a time: {v}")), zone).unwrap()
}

/// Every task of the list, newest first, and the reply's time (OCP's clock).
async fn all_tasks(m: &Mock) -> (Vec<Value>, i64) {
    let (status, body) = m.get("/api/v2/tasks/instances?size=2000").await;
    assert!(status.is_success(), "{body}");
    let list = body["data"]["contents"].as_array().unwrap().clone();
    assert_eq!(body["data"]["page"]["totalElements"], json!(list.len()));
    (list, ms(&body["timestamp"]))
}

fn took(t: &Value) -> i64 {
    ms(&t["finishTime"]) - ms(&t["startTime"])
}

/// What a drill is, without its times (which follow the mock's start): for comparing runs.
fn shape(t: &Value) -> Value {
    let steps: Vec<Value> = t["subtasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| json!([s["id"], s["status"], s["operation"], s["runTime"]]))
        .collect();
    json!([
        t["id"],
        t["name"],
        t["status"],
        t["operation"],
        t["creator"],
        t["clusterId"],
        t["tenantId"],
        took(t),
        steps
    ])
}

/// A finished task's times hold together: start ≤ finish, every step that ran inside, and
/// (but under a rollback) each step started once its upstreams finished.
fn check_times(t: &Value) {
    let (start, end) = (ms(&t["startTime"]), ms(&t["finishTime"]));
    assert!(start <= end, "{}", t["id"]);
    let subs = t["subtasks"].as_array().unwrap();
    for s in subs.iter().filter(|s| s.get("startTime").is_some()) {
        let (a, b) = (ms(&s["startTime"]), ms(&s["finishTime"]));
        assert!(
            start <= a && a <= b && b <= end,
            "{} {}",
            t["id"],
            s["name"]
        );
        if t["operation"] == "ROLLBACK" {
            continue;
        }
        for u in s["upstreams"].as_array().unwrap() {
            let up = subs.iter().find(|x| x["id"] == *u).unwrap();
            assert!(ms(&up["finishTime"]) <= a, "{} {}", t["id"], s["name"]);
        }
    }
}

fn with(list: &[Value], status: &str, operation: &str) -> Vec<Value> {
    let keep = |t: &&Value| t["status"] == status && t["operation"] == operation;
    list.iter().filter(keep).cloned().collect()
}

#[tokio::test]
async fn the_demo_has_a_year_of_drills_by_several_operators_with_every_outcome() {
    let m = Mock::paused().await;
    let (list, now) = all_tasks(&m).await;
    assert_eq!(list.len(), 76);
    // Newest first by id and by start alike.
    for pair in list.windows(2) {
        assert!(pair[0]["id"].as_i64() > pair[1]["id"].as_i64());
        assert!(ms(&pair[0]["startTime"]) >= ms(&pair[1]["startTime"]));
    }
    let oldest = ms(&list[list.len() - 1]["startTime"]);
    let newest = ms(&list[0]["startTime"]);
    assert!(now - oldest >= 334 * DAY_MS, "spans 11 months or more");
    assert!(now - oldest <= 366 * DAY_MS, "and no more than a year");
    assert!(now - newest >= DAY_MS, "none today");
    let creators: BTreeSet<&str> = list
        .iter()
        .filter_map(|t| t["creator"]["name"].as_str())
        .collect();
    assert_eq!(creators.len(), 4, "{creators:?}");

    let mut details = Vec::new();
    for t in &list {
        let (_, d) = m.get(&format!("/api/v2/tasks/instances/{}", t["id"])).await;
        check_times(&d["data"]);
        details.push(d["data"].clone());
    }
    // Exactly one of each odd outcome; the rest succeeded as launched.
    let retried = with(&details, "SUCCESSFUL", "RETRY");
    let rolled = with(&details, "SUCCESSFUL", "ROLLBACK");
    let failed = with(&details, "FAILED", "EXECUTE");
    let usual = with(&details, "SUCCESSFUL", "EXECUTE");
    assert_eq!(
        (retried.len(), rolled.len(), failed.len(), usual.len()),
        (1, 1, 1, 73)
    );

    // The retry: the failed run and the one after it, in the step and in its log.
    let (t, steps) = (&retried[0], retried[0]["subtasks"].as_array().unwrap());
    let step = steps
        .iter()
        .find(|s| s["operation"] == "RETRY")
        .expect("a retried step");
    assert_eq!(
        (step["runTime"].clone(), step["status"].clone()),
        (json!(2), json!("SUCCESSFUL"))
    );
    let (_, log) = m
        .get(&format!(
            "/api/v2/tasks/instances/{}/subtasks/{}/log",
            t["id"], step["id"]
        ))
        .await;
    let log = log["data"]["log"].as_str().unwrap();
    assert!(
        log.contains("{EXECUTE}")
            && log.contains("ERROR Subtask failed")
            && log.contains("{RETRY}"),
        "{log}"
    );
    // The rollback undid what ran; the failed drill stopped at its failed step.
    let undone = rolled[0]["subtasks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["operation"] == "ROLLBACK");
    assert!(undone.clone().count() >= 1 && undone.clone().all(|s| s["status"] == "PENDING"));
    let stopped = failed[0]["subtasks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["status"] == "FAILED");
    assert_eq!(stopped.count(), 1);

    // Some usual runs were much slower than their kind's median: over an RTO of 1.5 times it.
    let mut by_name: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    for t in &usual {
        by_name
            .entry(t["name"].as_str().unwrap().into())
            .or_default()
            .push(took(t));
    }
    let slow: usize = by_name
        .values_mut()
        .map(|v| {
            v.sort();
            let median = v[v.len() / 2];
            v.iter().filter(|d| **d * 2 > median * 3).count()
        })
        .sum();
    assert_eq!(slow, 5);
}

/// A scenario file in a folder of its own; the estate is two pairs of clusters.
fn scenario_file(tag: &str, drills: Value, console: Option<Value>) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("mock-drills-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut s = json!({
        "estate": {
            "clusters": [
                {"id": 1, "name": "p"}, {"id": 2, "name": "p_dr", "primary": 1},
                {"id": 3, "name": "q"}, {"id": 4, "name": "q_dr", "primary": 3}
            ],
            "tenants": [
                {"id": 10, "name": "a", "cluster": 1}, {"id": 20, "name": "a_dr", "cluster": 2, "primary": 10},
                {"id": 30, "name": "b", "cluster": 3}, {"id": 40, "name": "b_dr", "cluster": 4, "primary": 30}
            ]
        },
        "drills": drills
    });
    if let Some(c) = console {
        s["console"] = c;
    }
    let file = dir.join("s.json");
    std::fs::write(&file, s.to_string()).unwrap();
    file
}

async fn mock_of(scenario: PathBuf, dist: Option<PathBuf>) -> Mock {
    Mock::with(Config {
        scenario: Some(scenario),
        dist,
        ..Config::for_tests()
    })
    .await
}

#[tokio::test]
async fn a_scenario_makes_the_drills_it_asks_for_the_same_ones_for_a_seed() {
    let file = scenario_file("seed7", json!({"count": 300, "months": 6, "seed": 7}), None);
    let (a, now) = all_tasks(&mock_of(file.clone(), None).await).await;
    assert_eq!(a.len(), 300);
    assert!(a
        .iter()
        .all(|t| t["status"] != "RUNNING" && t.get("finishTime").is_some()));
    let oldest = ms(&a[a.len() - 1]["startTime"]);
    assert!(
        (175 * DAY_MS..=185 * DAY_MS).contains(&(now - oldest)),
        "six months"
    );
    // Over every standby: both tenants and both standby clusters, every kind.
    let subjects: BTreeSet<String> = a
        .iter()
        .map(|t| format!("{} {} {}", t["name"], t["clusterId"], t["tenantId"]))
        .collect();
    assert!(subjects.len() >= 8, "{subjects:?}");
    let outcomes: BTreeSet<(String, String)> = a
        .iter()
        .map(|t| (t["status"].to_string(), t["operation"].to_string()))
        .collect();
    assert_eq!(
        outcomes.len(),
        4,
        "usual, retried, rolled back and failed: {outcomes:?}"
    );
    // The same seed, the same drills; another seed, others.
    let (b, _) = all_tasks(&mock_of(file, None).await).await;
    assert_eq!(
        a.iter().map(shape).collect::<Vec<_>>(),
        b.iter().map(shape).collect::<Vec<_>>()
    );
    let other = scenario_file("seed8", json!({"count": 300, "months": 6, "seed": 8}), None);
    let (c, _) = all_tasks(&mock_of(other, None).await).await;
    assert_ne!(
        a.iter().map(shape).collect::<Vec<_>>(),
        c.iter().map(shape).collect::<Vec<_>>()
    );
}

#[tokio::test]
async fn the_ready_drill_history_has_1000_drills_and_a_reset_brings_the_same_back() {
    let ready = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scenarios/drill-history.json"
    ));
    let m = mock_of(ready, None).await;
    let (list, _) = all_tasks(&m).await;
    assert_eq!(list.len(), 1000);
    let (_, launch) = m
        .post("admin", "/api/v2/ob/clusters/6100002/switchover", None)
        .await;
    assert!(
        launch["data"]["id"].as_i64() > list[0]["id"].as_i64(),
        "a launch is listed first"
    );
    m.admin("/__admin/reset", json!({})).await;
    let (again, _) = all_tasks(&m).await;
    assert_eq!(
        list.iter().map(shape).collect::<Vec<_>>(),
        again.iter().map(shape).collect::<Vec<_>>()
    );
}

#[tokio::test]
async fn a_scenarios_console_keys_are_served_over_the_built_config_json() {
    let dist = std::env::temp_dir().join(format!("mock-drills-dist-{}", std::process::id()));
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(
        dist.join("index.html"),
        "<!doctype html><title>console</title>",
    )
    .unwrap();
    let built =
        r#"{"apiBaseUrl": "", "readAttempts": 3, "objectives": [{"match": "old", "rtoSecs": 1}]}"#;
    std::fs::write(dist.join("config.json"), built).unwrap();
    let objectives = json!([{"match": "a*", "rpoSecs": 10, "rtoSecs": 20}]);
    let console = json!({"objectives": objectives, "readinessIntervalMin": 2});
    let file = scenario_file("console", json!({"count": 1}), Some(console));

    let m = mock_of(file, Some(dist.clone())).await;
    let r = m.client.get(m.url("/config.json")).send().await.unwrap();
    assert_eq!(r.headers()["cache-control"], "no-cache");
    let served: Value = r.json().await.unwrap();
    assert_eq!(
        served,
        json!({"apiBaseUrl": "", "readAttempts": 3, "objectives": objectives, "readinessIntervalMin": 2})
    );
    // Without a scenario's keys, the built file as it is.
    let plain = scenario_file("plain", json!({"count": 1}), None);
    let m = mock_of(plain, Some(dist)).await;
    let (_, text) = m.get_as(None, "/config.json").await;
    assert_eq!(text, built);
}
