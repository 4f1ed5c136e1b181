//! Recording (`--record-from URL --stubs DIR`) over real HTTP: mock A plays the real OCP, mock B
//! records from it, mock C replays B's folder; C must answer what A answers, and the folder
//! must hold no credential.

mod common;

use base64::Engine;
use common::{Mock, ADMIN};
use mock_server::{Config, Recording};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

fn fresh_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("mock-record-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

async fn recording(from: &str, dir: &Path) -> Mock {
    Mock::with(Config {
        record: Some(Recording {
            upstream: from.to_string(),
            dir: dir.to_path_buf(),
        }),
        ..Config::for_tests()
    })
    .await
}

/// The folder's files, by name, with their text.
fn files(dir: &Path) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    out.sort();
    out
}

/// What a page shows of a reply: its `data` (or `error`), without the envelope's per-reply
/// fields (time, trace id, duration) and the SCNs, which follow the wall clock in any OCP.
fn shown(v: &Value) -> Value {
    fn without_scn(v: &Value) -> Value {
        match v {
            Value::Object(m) => Value::Object(
                m.iter()
                    .filter(|(k, _)| k.as_str() != "syncScn")
                    .map(|(k, v)| (k.clone(), without_scn(v)))
                    .collect(),
            ),
            Value::Array(a) => Value::Array(a.iter().map(without_scn).collect()),
            other => other.clone(),
        }
    }
    without_scn(&json!({"successful": v["successful"], "data": v["data"], "error": v["error"]}))
}

const C: i64 = 3000012;
const T: i64 = 2000031;

#[tokio::test]
async fn a_recording_replays_what_ocp_answered_and_holds_no_credentials() {
    let a = Mock::paused().await; // its answers stay the same between recording and comparing
                                  // A reply that sets a cookie: the recorder must pass it on and never write it.
    a.admin(
        "/__admin/stubs",
        json!({"request": {"method": "GET", "path": "/gfc/failover/getCheckTypes"},
               "response": {"status": 200,
                            "headers": {"Set-Cookie": "SESSION=cookie-secret-42; HttpOnly"},
                            "body": {"data": ["PING"], "successful": true}}}),
    )
    .await;
    let dir = fresh_dir("e2e");
    let b = recording(&a.base, &dir).await;
    assert!(dir.is_dir(), "the folder is created");

    let reads = [
        "/api/v2/iam/current/user".to_string(),
        "/api/v2/ob/clusters?page=1&size=100".to_string(),
        format!("/api/v2/ob/clusters/{C}"),
        format!("/api/v2/ob/clusters/{C}/tenants?page=1&size=100"),
        format!("/api/v2/ob/clusters/{C}/tenants/{T}"),
        format!("/api/v2/tasks/instances?page=1&size=20&clusterId={C}"),
        "/api/v2/tasks/instances?page=1&size=20".to_string(),
        "/gfc/failover/getCheckTypes".to_string(),
    ];
    let mut through_b = Vec::new();
    for path in &reads {
        let (status, body) = b.get(path).await;
        assert_eq!(status, StatusCode::OK, "{path}: {body}");
        through_b.push(body);
    }
    // The proxied replies are A's.
    for (path, got) in reads.iter().zip(&through_b) {
        let (_, from_a) = a.get(path).await;
        assert_eq!(shown(got), shown(&from_a), "{path}");
    }
    // A precheck (POST) and a launch, then the task it made, polled twice: the last poll is kept.
    let precheck = format!("/api/v2/ob/clusters/{C}/tenants/{T}/failoverPreCheck");
    let (s, pre) = b.post("admin", &precheck, None).await;
    assert_eq!(s, StatusCode::OK, "{pre}");
    let (s, launched) = b
        .post(
            "admin",
            &format!("/api/v2/ob/clusters/{C}/tenants/{T}/failover"),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{launched}");
    let task = launched["data"]["id"].as_i64().expect("a task id");
    let task_path = format!("/api/v2/tasks/instances/{task}");
    let (_, first_poll) = b.get(&task_path).await;
    a.advance(30.0).await;
    let (_, last_poll) = b.get(&task_path).await;
    assert_ne!(
        shown(&first_poll),
        shown(&last_poll),
        "the task moved on in A"
    );

    // Passed on but not written: a 401 (wrong password) and a cookie sent by the browser.
    let secret = "Unique-Pa55word-7";
    let (s, _) = b.get_as(Some(("admin", secret)), &task_path).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let cookie_reply = b
        .client
        .get(b.url("/gfc/failover/getCheckTypes"))
        .basic_auth(ADMIN.0, Some(ADMIN.1))
        .header("Cookie", "JSESSIONID=browser-cookie-99")
        .send()
        .await
        .unwrap();
    assert!(
        cookie_reply
            .headers()
            .get("set-cookie")
            .is_some_and(|v| v.to_str().unwrap().contains("cookie-secret-42")),
        "the live reply keeps OCP's Set-Cookie"
    );

    let written = files(&dir);
    let names: Vec<&str> = written.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "0001-GET-api-v2-iam-current-user.json",
            "0002-GET-api-v2-ob-clusters.json",
            "0003-GET-api-v2-ob-clusters-3000012.json",
            "0004-GET-api-v2-ob-clusters-3000012-tenants.json",
            "0005-GET-api-v2-ob-clusters-3000012-tenants-2000031.json",
            "0006-GET-api-v2-tasks-instances.json",
            "0007-GET-gfc-failover-getCheckTypes.json",
            "0008-POST-api-v2-ob-clusters-3000012-tenants-2000031-failoverPreCheck.json",
            "0009-POST-api-v2-ob-clusters-3000012-tenants-2000031-failover.json",
            &format!("0010-GET-api-v2-tasks-instances-{task}.json"),
        ]
    );
    let b64 = |s: &str| base64::engine::general_purpose::STANDARD.encode(s);
    let forbidden = [
        secret.to_string(),
        b64(&format!("admin:{secret}")),
        b64("admin:admin"),
        "Basic ".to_string(),
        "cookie-secret-42".to_string(),
        "browser-cookie-99".to_string(),
    ];
    for (name, text) in &written {
        for f in &forbidden {
            assert!(!text.contains(f.as_str()), "{name} holds {f:?}");
        }
        let lower = text.to_ascii_lowercase();
        for h in [
            "authorization",
            "cookie",
            "connection",
            "content-length",
            "date",
        ] {
            assert!(
                !lower.contains(&format!("\"{h}\"")),
                "{name} has header {h}"
            );
        }
    }

    // C replays the folder: no credentials needed, the same pages.
    let c = Mock::with(Config {
        stubs: Some(dir.clone()),
        ..Config::for_tests()
    })
    .await;
    for (path, recorded) in reads.iter().zip(&through_b) {
        let (status, text) = c.get_as(None, path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        let replayed: Value = serde_json::from_str(&text).unwrap();
        // What B passed on (A's answer then), envelope and trace id included: the stub answered.
        assert_eq!(replayed, *recorded, "{path}");
    }
    // Both task lists come back as their own query got them (the exact query is matched last).
    let all = c
        .get_as(None, "/api/v2/tasks/instances?page=1&size=20")
        .await
        .1;
    let one = c
        .get_as(
            None,
            &format!("/api/v2/tasks/instances?page=1&size=20&clusterId={C}"),
        )
        .await
        .1;
    assert_eq!(serde_json::from_str::<Value>(&all).unwrap(), through_b[6]);
    assert_eq!(serde_json::from_str::<Value>(&one).unwrap(), through_b[5]);
    let (_, replayed_pre) = c.post("admin", &precheck, None).await;
    assert_eq!(replayed_pre, pre);
    let (_, replayed_task) = c.get(&task_path).await;
    assert_eq!(replayed_task, last_poll, "the last poll is what replays");
    let (_, from_a) = a.get(&task_path).await;
    assert_eq!(shown(&replayed_task), shown(&from_a));

    // Recording again into the folder replaces replies and numbers on.
    drop(b);
    let b2 = recording(&a.base, &dir).await;
    b2.get(&task_path).await;
    b2.get("/api/v2/ob/clusters/3000013").await;
    let again = files(&dir);
    assert_eq!(
        again.len(),
        11,
        "{:?}",
        again.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    assert_eq!(again[10].0, "0011-GET-api-v2-ob-clusters-3000013.json");
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn an_unreachable_ocp_is_a_502_envelope_and_nothing_is_written() {
    // A port that was free a moment ago: nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let dir = fresh_dir("down");
    let b = recording(&format!("http://127.0.0.1:{port}"), &dir).await;
    let (status, text) = b.get_as(Some(ADMIN), "/api/v2/ob/clusters").await;
    assert_eq!(status, StatusCode::BAD_GATEWAY, "{text}");
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["successful"], json!(false));
    assert_eq!(v["status"], json!(502));
    let msg = v["error"]["message"].as_str().unwrap();
    assert!(
        msg.starts_with(&format!("Cannot reach OCP at http://127.0.0.1:{port} (")),
        "{msg}"
    );
    assert!(msg.ends_with("nothing was recorded."), "{msg}");
    assert!(files(&dir).is_empty());
    // The console's own files and the test controls are never proxied.
    let r = b
        .client
        .get(b.url("/__admin/journal"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn record_from_without_stubs_refuses_to_start() {
    let bin = env!("CARGO_BIN_EXE_mock-server");
    let out = std::process::Command::new(bin)
        .args(["--port", "0", "--record-from", "http://127.0.0.1:9"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--record-from needs --stubs DIR"), "{err}");
    let out = std::process::Command::new(bin)
        .args([
            "--port",
            "0",
            "--stubs",
            "x",
            "--record-from",
            "http://u:pw@ocp",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("must not hold credentials"), "{err}");
    assert!(!err.contains("pw@"), "{err}");
}
