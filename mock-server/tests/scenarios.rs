//! Scenarios (`--scenario FILE`) over real HTTP: each ready one in `mock-server/scenarios/`
//! starts in the state it describes and a reset returns there; a bad file stops the real binary
//! naming the file, the line and what was expected.

mod common;

use common::Mock;
use mock_server::Config;
use serde_json::{json, Value};
use std::path::PathBuf;

fn ready(name: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios")).join(format!("{name}.json"))
}

async fn scenario(name: &str) -> Mock {
    Mock::with(Config {
        scenario: Some(ready(name)),
        ..Config::for_tests()
    })
    .await
}

/// `data.contents` of a paged read, every page in one (`size=100`).
async fn contents(m: &Mock, path: &str) -> Vec<Value> {
    let sep = if path.contains('?') { '&' } else { '?' };
    let (status, body) = m.get(&format!("{path}{sep}size=100")).await;
    assert!(status.is_success(), "{path}: {status} {body}");
    body["data"]["contents"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

fn named<'a>(list: &'a [Value], name: &str) -> &'a Value {
    list.iter()
        .find(|v| v["name"] == name)
        .unwrap_or_else(|| panic!("no {name} in {list:?}"))
}

/// Seconds a standby is behind, from its `syncScn` (nanoseconds) and the time now.
fn lag_secs(t: &Value) -> Option<i64> {
    let scn = t["syncScn"]
        .as_i64()
        .or_else(|| t["syncScn"].as_str()?.parse().ok())?;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as i64;
    Some((now - scn) / 1_000_000_000)
}

#[tokio::test]
async fn region_outage_primaries_are_unavailable_and_standbys_lag_differently() {
    let m = scenario("region-outage").await;
    let clusters = contents(&m, "/api/v2/ob/clusters").await;
    assert_eq!(clusters.len(), 4);
    assert_eq!(named(&clusters, "east_core")["status"], "UNAVAILABLE");
    assert_eq!(named(&clusters, "east_ledger")["status"], "UNAVAILABLE");
    assert_eq!(named(&clusters, "west_core_dr")["status"], "RUNNING");
    assert_eq!(named(&clusters, "west_core_dr")["type"], "STANDBY");
    // The dead primaries in one region, their standbys in the other.
    for (name, region) in [
        ("east_core", "cn-shanghai"),
        ("east_ledger", "cn-shanghai"),
        ("west_core_dr", "cn-chengdu"),
        ("west_ledger_dr", "cn-chengdu"),
    ] {
        let c = named(&clusters, name);
        assert_eq!(c["regionCount"], 1, "{c}");
        assert!(
            c["zones"]
                .as_array()
                .is_some_and(|z| !z.is_empty() && z.iter().all(|z| z["regionName"] == region)),
            "{c}"
        );
    }
    let primaries = contents(&m, "/api/v2/ob/clusters/4000001/tenants").await;
    assert!(primaries.iter().all(|t| t["status"] == "UNAVAILABLE"));
    let standbys = contents(&m, "/api/v2/ob/clusters/4000011/tenants").await;
    let lags: Vec<i64> = ["orders_dr", "payments_dr", "catalog_dr"]
        .iter()
        .map(|n| lag_secs(named(&standbys, n)).unwrap())
        .collect();
    assert!((3..=4).contains(&lags[0]), "{lags:?}");
    assert!((95..=96).contains(&lags[1]), "{lags:?}");
    assert!((1260..=1261).contains(&lags[2]), "{lags:?}");
    let ledger = contents(&m, "/api/v2/ob/clusters/4000012/tenants").await;
    assert!(named(&ledger, "ledger_dr").get("syncScn").is_none());
    // No primary answers, so a failover precheck does not block on a reachable primary,
    // while a switchover precheck refuses the unreachable primary.
    let (status, body) = m
        .post(
            "admin",
            "/api/v2/ob/clusters/4000011/tenants/4110001/failoverPreCheck",
            None,
        )
        .await;
    assert!(status.is_success(), "{body}");
    assert_eq!(body["data"]["valid"], true, "{body}");
    let (status, body) = m
        .post(
            "admin",
            "/api/v2/ob/clusters/4000011/switchoverPreCheck",
            None,
        )
        .await;
    assert!(status.is_success(), "{body}");
    assert_eq!(body["data"]["result"]["valid"], false, "{body}");
    assert!(body.to_string().contains("UNREACHABLE"), "{body}");
}

#[tokio::test]
async fn lagging_standby_is_minutes_behind_and_its_precheck_warns() {
    let m = scenario("lagging-standby").await;
    let standbys = contents(&m, "/api/v2/ob/clusters/5000002/tenants").await;
    assert_eq!(standbys.len(), 3);
    let lag = lag_secs(named(&standbys, "report_dr")).unwrap();
    assert!((540..=541).contains(&lag), "{lag}");
    assert!(lag_secs(named(&standbys, "trade_dr")).unwrap() <= 2);
    let (status, body) = m
        .post(
            "admin",
            "/api/v2/ob/clusters/5000002/tenants/5110003/failoverPreCheck",
            None,
        )
        .await;
    assert!(status.is_success(), "{body}");
    // The primary answers, so failover is refused, and the lag is reported beside it.
    assert_eq!(body["data"]["valid"], false, "{body}");
}

#[tokio::test]
async fn flaky_network_arms_seeded_faults_and_a_reset_rearms_them_from_the_start() {
    let m = scenario("flaky-network").await;
    let (_, faults) = m.get("/__admin/faults").await;
    assert_eq!(faults[0]["probability"], 0.1);
    assert_eq!(faults[0]["status"], 503);
    assert_eq!(faults[1]["latencyMs"], json!([50, 800]));
    let run = |m: &Mock| {
        let client = m.client.clone();
        let url = m.url("/api/v2/iam/current/user");
        async move {
            let mut failed = Vec::new();
            for i in 0..40 {
                let r = client
                    .get(&url)
                    .basic_auth("admin", Some("admin"))
                    .send()
                    .await
                    .unwrap();
                if r.status() == 503 {
                    failed.push(i);
                }
            }
            failed
        }
    };
    let first = run(&m).await;
    assert!((1..=12).contains(&first.len()), "{first:?}");
    // Tests reset between cases: the faults come back and draw the same sequence again.
    m.client
        .delete(m.url("/__admin/faults"))
        .send()
        .await
        .unwrap();
    m.admin("/__admin/reset", json!({})).await;
    let (_, faults) = m.get("/__admin/faults").await;
    assert_eq!(faults.as_array().map(Vec::len), Some(2));
    assert_eq!(run(&m).await, first);
}

#[tokio::test]
async fn big_task_starts_with_a_2000_step_failover_that_a_reset_brings_back() {
    let m = scenario("big-task").await;
    let tasks = contents(&m, "/api/v2/tasks/instances").await;
    assert_eq!(tasks.len(), 1, "{tasks:?}");
    let id = tasks[0]["id"].as_i64().unwrap();
    assert_eq!(
        tasks[0]["name"],
        "Failover of standby cluster OB424_B (2,000 steps)"
    );
    let (status, task) = m.get(&format!("/api/v2/tasks/instances/{id}")).await;
    assert!(status.is_success());
    assert_eq!(
        task["data"]["subtasks"].as_array().map(Vec::len),
        Some(2000)
    );
    assert_eq!(task["data"]["cluster"]["name"], "OB424_B");
    // The rest of the estate is the demo's.
    assert_eq!(contents(&m, "/api/v2/ob/clusters").await.len(), 8);
    m.admin("/__admin/reset", json!({})).await;
    let again = contents(&m, "/api/v2/tasks/instances").await;
    assert_eq!(again.len(), 1);
    assert_eq!(again[0]["name"], tasks[0]["name"]);
}

#[tokio::test]
async fn a_reset_returns_to_the_scenario_not_to_the_demo() {
    let m = scenario("lagging-standby").await;
    m.admin("/__admin/tenants/5110003", json!({"lagSecs": 0}))
        .await;
    m.admin("/__admin/faults", json!({"status": 500})).await;
    m.admin("/__admin/reset", json!({})).await;
    let standbys = contents(&m, "/api/v2/ob/clusters/5000002/tenants").await;
    assert!(lag_secs(named(&standbys, "report_dr")).unwrap() >= 540);
    let (_, faults) = m.get("/__admin/faults").await;
    assert_eq!(faults, json!([]));
    assert_eq!(contents(&m, "/api/v2/ob/clusters").await.len(), 2);
}

#[tokio::test]
async fn a_scenario_stub_answers_and_survives_a_reset() {
    let dir = std::env::temp_dir().join(format!("scenario-stub-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("stubbed.json");
    std::fs::write(
        &file,
        r#"{
  "speed": 0,
  "stubs": [
    { "request": { "method": "GET", "path": "/api/v2/ob/clusters/6" },
      "response": { "status": 200, "body": { "data": { "id": 6, "name": "from the scenario" }, "successful": true } } }
  ],
  "taskFaults": [ { "subtaskName": "Check cluster status", "kind": "fail" } ]
}"#,
    )
    .unwrap();
    let m = Mock::with(Config {
        scenario: Some(file.clone()),
        ..Config::for_tests()
    })
    .await;
    m.admin("/__admin/reset", json!({})).await;
    let (_, body) = m.get("/api/v2/ob/clusters/6").await;
    assert_eq!(body["data"]["name"], "from the scenario");
    let (_, clock) = m.get("/__admin/clock").await;
    assert_eq!(clock["speed"], 0.0);
    let (_, task_faults) = m.get("/__admin/task-faults").await;
    assert_eq!(task_faults[0]["subtaskName"], "Check cluster status");
    let (_, stubs) = m.get("/__admin/stubs").await;
    assert_eq!(stubs[0]["source"], file.display().to_string());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_bad_scenario_stops_the_binary_with_the_file_the_line_and_what_was_expected() {
    let dir = std::env::temp_dir().join(format!("scenario-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cases = [
        (
            "{\n  \"faults\": [\n    { \"status\": 503,\n      \"probability\": 1.5 }\n  ]\n}\n",
            "line 3",
            "probability 1.5 is outside 0 to 1",
        ),
        (
            "{\n  \"estate\": {\n    \"clusters\": [\n      { \"id\": 1, \"name\": \"p\", \"answer\": false }\n    ]\n  }\n}\n",
            "line 4",
            "unknown field `answer`, expected one of",
        ),
        (
            "{\n  \"faults\": [\n    { \"latencyMs\": [800, \"50\"] }\n  ]\n}\n",
            "line 3",
            "a range [min, max]",
        ),
        (
            "{\n  \"speed\": 1,\n  \"estate\": {\n    \"clusters\": [ { \"id\": 1, \"name\": \"p\" } ],\n    \"tenants\": [\n      { \"id\": 2, \"name\": \"t\", \"cluster\": 1 },\n      { \"id\": 3, \"name\": \"t_dr\", \"cluster\": 1, \"primary\": 9 }\n    ]\n  }\n}\n",
            "line 7",
            "primary: tenant 9 is not among the tenants",
        ),
        ("{\n  \"faults\": [\n", "line 3", "EOF while parsing"),
    ];
    for (i, (text, line, expected)) in cases.iter().enumerate() {
        let file = dir.join(format!("bad{i}.json"));
        std::fs::write(&file, text).unwrap();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_mock-server"))
            .args(["--port", "0", "--scenario"])
            .arg(&file)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "case {i}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(&file.display().to_string())
                && stderr.contains(line)
                && stderr.contains(expected),
            "case {i}: {stderr}"
        );
        assert!(!String::from_utf8_lossy(&out.stdout).contains("listening"));
    }
    let missing = dir.join("absent.json");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_mock-server"))
        .args(["--port", "0", "--scenario"])
        .arg(&missing)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("cannot read the scenario"), "{stderr}");
    std::fs::remove_dir_all(&dir).ok();
}
