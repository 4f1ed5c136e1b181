//! The request journal over real HTTP: a bounded ring that reports its drops, statuses written
//! to the right entry after it wraps, clearing, and the `--journal-size` flag at start-up.

mod common;

use common::{Mock, ADMIN};
use mock_server::Config;
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::num::NonZeroUsize;

async fn small(size: usize) -> Mock {
    Mock::with(Config {
        journal_size: NonZeroUsize::new(size).unwrap(),
        ..Config::for_tests()
    })
    .await
}

impl Mock {
    async fn journal(&self) -> Value {
        let r = self.client.get(self.url("/__admin/journal")).send().await;
        r.unwrap().json().await.unwrap()
    }
}

fn paths(journal: &Value) -> Vec<String> {
    journal["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["path"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn the_journal_keeps_the_latest_requests_and_counts_the_dropped() {
    let m = small(3).await;
    for id in 1..=5 {
        m.get(&format!("/api/v2/tasks/instances/{id}")).await;
    }
    let j = m.journal().await;
    assert_eq!(j["capacity"], 3);
    assert_eq!(j["dropped"], 2);
    assert_eq!(
        paths(&j),
        [3, 4, 5].map(|id| format!("/api/v2/tasks/instances/{id}"))
    );
    let e = &j["entries"];
    // Each status on its own entry (no task exists: OCP's 404), seqs in arrival order.
    for (i, seq) in [2, 3, 4].into_iter().enumerate() {
        assert_eq!(e[i]["seq"], seq, "{e}");
        assert_eq!(e[i]["status"], 404, "{e}");
        assert_eq!(e[i]["method"], "GET");
    }
}

#[tokio::test]
async fn the_default_journal_holds_ten_thousand() {
    let m = Mock::start().await;
    let j = m.journal().await;
    assert_eq!(j, json!({"capacity": 10000, "dropped": 0, "entries": []}));
}

#[tokio::test]
async fn a_request_answered_after_its_entry_was_dropped_marks_no_other_entry() {
    let m = small(2).await;
    m.admin(
        "/__admin/faults",
        json!({"path": "/api/v2/ob/clusters/6", "latencyMs": 400, "times": 1}),
    )
    .await;
    let slow = {
        let (client, url) = (m.client.clone(), m.url("/api/v2/ob/clusters/6"));
        tokio::spawn(async move {
            let r = client.get(url).basic_auth(ADMIN.0, Some(ADMIN.1)).send();
            r.await.unwrap().status()
        })
    };
    // Wait until the slow request is recorded, then push it out of the ring.
    for _ in 0..100 {
        if paths(&m.journal().await).contains(&"/api/v2/ob/clusters/6".to_string()) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    m.get("/api/v2/ob/clusters").await;
    m.get("/api/v2/iam/current/user").await;
    assert_eq!(slow.await.unwrap(), StatusCode::OK);
    let j = m.journal().await;
    assert_eq!(
        paths(&j),
        ["/api/v2/ob/clusters", "/api/v2/iam/current/user"]
    );
    assert_eq!(j["dropped"], 1);
    assert_eq!(j["entries"][0]["status"], 200);
    assert_eq!(j["entries"][1]["status"], 200);
}

#[tokio::test]
async fn clearing_empties_the_journal_and_its_drop_count() {
    let m = small(1).await;
    m.get("/api/v2/ob/clusters").await;
    m.get("/api/v2/ob/clusters").await;
    assert_eq!(m.journal().await["dropped"], 1);
    let r = m.client.delete(m.url("/__admin/journal")).send().await;
    let cleared: Value = r.unwrap().json().await.unwrap();
    assert_eq!(cleared, json!({"capacity": 1, "dropped": 0, "entries": []}));
    m.get("/api/v2/ob/clusters/6").await;
    m.get("/api/v2/ob/clusters/7").await;
    m.admin("/__admin/reset", json!({})).await;
    assert_eq!(
        m.journal().await,
        json!({"capacity": 1, "dropped": 0, "entries": []})
    );
}

#[test]
fn a_bad_journal_size_stops_the_server_before_it_listens() {
    for (value, says) in [
        ("0", "the journal must keep at least 1 entry"),
        ("-3", "\"-3\" is not a whole number of entries"),
        ("lots", "\"lots\" is not a whole number of entries"),
        ("1000001", "more than the 1000000 the journal may keep"),
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_mock-server"))
            .args(["--port", "0", &format!("--journal-size={value}")])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "--journal-size {value}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("--journal-size") && stderr.contains(says),
            "--journal-size {value}: {stderr}"
        );
        assert!(!String::from_utf8_lossy(&out.stdout).contains("listening"));
    }
}
