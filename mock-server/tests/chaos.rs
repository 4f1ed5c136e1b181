//! Seeded chaos over real HTTP: a fault's `probability` and latency range drawn from its seed
//! (the same seed fails the same requests, in two separate mocks), `dribble` replies arriving in
//! pieces over `durationMs`, and fault bodies refused with specific errors.

mod common;

use common::Mock;
use serde_json::{json, Value};
use std::time::{Duration, Instant};

const PATH: &str = "/api/v2/ob/clusters";

/// Sends `n` GETs one after another; the indices answered 503.
async fn failed_indices(m: &Mock, n: usize) -> Vec<usize> {
    let mut out = Vec::new();
    for i in 0..n {
        let (status, _) = m.get_as(Some(("admin", "admin")), PATH).await;
        if status == 503 {
            out.push(i);
        }
    }
    out
}

async fn armed(fault: Value) -> Mock {
    let m = Mock::start().await;
    m.admin("/__admin/faults", fault).await;
    m
}

#[tokio::test]
async fn the_same_seed_fails_the_same_requests_in_two_mocks_and_another_seed_differs() {
    let fault = |seed: u64| json!({"path": PATH, "status": 503, "probability": 0.3, "seed": seed});
    let (a, b, c) = tokio::join!(armed(fault(7)), armed(fault(7)), armed(fault(8)));
    let fa = failed_indices(&a, 100).await;
    let fb = failed_indices(&b, 100).await;
    let fc = failed_indices(&c, 100).await;
    assert_eq!(fa, fb);
    assert_ne!(fa, fc);
    // About three in ten: far from none and from all.
    for f in [&fa, &fc] {
        assert!((15..=45).contains(&f.len()), "{} of 100 failed", f.len());
    }
    // Requests the fault does not match draw nothing: interleaving them changes nothing.
    let d = armed(fault(7)).await;
    let mut fd = Vec::new();
    for i in 0..100 {
        d.get_as(Some(("admin", "admin")), "/api/v2/tasks/instances")
            .await;
        let (status, _) = d.get_as(Some(("admin", "admin")), PATH).await;
        if status == 503 {
            fd.push(i);
        }
    }
    assert_eq!(fd, fa);
}

#[tokio::test]
async fn times_counts_hits_and_an_unseeded_fault_shows_the_seed_it_drew_with() {
    let m = armed(json!({"path": PATH, "status": 503, "probability": 0.5, "times": 3})).await;
    let (_, faults) = m.get("/__admin/faults").await;
    let seed = faults[0]["seed"]
        .as_u64()
        .expect("a seed was picked and shown");
    let failed = failed_indices(&m, 60).await;
    assert_eq!(failed.len(), 3, "{failed:?}");
    // The shown seed replays the run exactly.
    let again =
        armed(json!({"path": PATH, "status": 503, "probability": 0.5, "times": 3, "seed": seed}))
            .await;
    assert_eq!(failed_indices(&again, 60).await, failed);
}

#[tokio::test]
async fn a_latency_range_is_drawn_within_its_bounds_with_the_seed() {
    let m = armed(json!({"path": PATH, "latencyMs": [100, 400], "seed": 3})).await;
    let mut took = Vec::new();
    for _ in 0..8 {
        let t = Instant::now();
        let (status, _) = m.get_as(Some(("admin", "admin")), PATH).await;
        assert!(status.is_success());
        took.push(t.elapsed().as_millis() as u64);
    }
    assert!(took.iter().all(|&ms| (100..=550).contains(&ms)), "{took:?}");
    let spread = took.iter().max().unwrap() - took.iter().min().unwrap();
    assert!(spread >= 50, "every delay alike: {took:?}");
}

#[tokio::test]
async fn dribble_sends_the_real_reply_in_pieces_over_its_duration() {
    let m = Mock::start().await;
    let (_, whole) = m.get(PATH).await;
    m.admin(
        "/__admin/faults",
        json!({"path": PATH, "kind": "dribble", "durationMs": 900}),
    )
    .await;
    let start = Instant::now();
    let mut resp = m
        .client
        .get(m.url(PATH))
        .basic_auth("admin", Some("admin"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let headers_at = start.elapsed();
    let mut pieces = Vec::new();
    let mut body = Vec::new();
    while let Some(chunk) = resp.chunk().await.unwrap() {
        pieces.push(start.elapsed());
        body.extend_from_slice(&chunk);
    }
    let total = start.elapsed();
    assert!(headers_at < Duration::from_millis(300), "{headers_at:?}");
    assert!(pieces.len() >= 4, "{} pieces at {pieces:?}", pieces.len());
    assert!(
        total >= Duration::from_millis(850) && total < Duration::from_millis(2500),
        "{total:?}"
    );
    // Spread out: the first piece comes early, the last near the end.
    assert!(pieces[0] < Duration::from_millis(300), "{pieces:?}");
    assert!(*pieces.last().unwrap() >= Duration::from_millis(850));
    let got: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(got["data"], whole["data"]);
}

#[tokio::test]
async fn bad_fault_bodies_are_refused_with_what_was_expected() {
    // The contract (docs/openapi.json's FaultRequest) refuses them before the parser, naming
    // the place (a JSON pointer) and the rule.
    let m = Mock::start().await;
    for (body, says) in [
        (
            json!({"status": 503, "probability": 1.5}),
            "/probability: expected 1.5 is greater than the maximum of 1",
        ),
        (
            json!({"status": 503, "probability": -0.1}),
            "less than the minimum of 0",
        ),
        (json!({"latencyMs": [1, "2"]}), "/latencyMs"),
        (
            json!({"kind": "dribble", "status": 503}),
            r#"{\"required\":[\"status\",\"kind\"]} is not allowed"#,
        ),
        (
            json!({"status": 503, "durationMs": 100}),
            r#"\"kind\" is a required property"#,
        ),
        (json!({"kind": "drizzle"}), r#"\"drizzle\" is not one of"#),
        (json!({"status": 503, "times": null}), "/times"),
    ] {
        let r = m
            .client
            .post(m.url("/__admin/faults"))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 400, "{body}");
        let text = r.text().await.unwrap();
        assert!(text.contains(says), "{body}: {text}");
    }
    let (_, faults) = m.get("/__admin/faults").await;
    assert_eq!(faults, json!([]));
}

/// A number beyond i64 is read as a float, and -2^63-1 rounds to -2^63: the contract's bounds
/// on a fault's `code` and a tenant's `lagSecs` refuse it (and any other out-of-range value, a
/// synthetic task's size and width too) with 400 before it could be stored.
#[tokio::test]
async fn numbers_out_of_range_in_admin_bodies_are_refused() {
    let m = Mock::start().await;
    for (path, body) in [
        (
            "/__admin/faults",
            r#"{"kind": "dribble", "code": -9223372036854775809}"#,
        ),
        (
            "/__admin/faults",
            r#"{"kind": "dribble", "code": -9223372036854775808}"#,
        ),
        ("/__admin/faults", r#"{"status": 503, "code": 100000}"#),
        ("/__admin/faults", r#"{"status": 503, "code": -1}"#),
        ("/__admin/faults", r#"{"status": 503, "times": 4294967296}"#),
        (
            "/__admin/faults",
            r#"{"status": 503, "seed": 9223372036854775808}"#,
        ),
        ("/__admin/faults", r#"{"latencyMs": 3600001}"#),
        (
            "/__admin/tenants/2000031",
            r#"{"lagSecs": -9223372036854775809}"#,
        ),
        (
            "/__admin/tenants/2000031",
            r#"{"lagSecs": 9223372036854775807}"#,
        ),
        ("/__admin/tenants/2000031", r#"{"lagSecs": -1}"#),
        (
            "/__admin/task-faults",
            r#"{"subtaskName": "x", "kind": "fail", "times": 4294967296}"#,
        ),
        ("/__admin/tasks/synthetic", r#"{"subtasks": 0}"#),
        ("/__admin/tasks/synthetic", r#"{"subtasks": 20001}"#),
        ("/__admin/tasks/synthetic", r#"{"subtasks": 9, "width": 0}"#),
        (
            "/__admin/tasks/synthetic",
            r#"{"subtasks": 9, "width": 501}"#,
        ),
    ] {
        let r = m
            .client
            .post(m.url(path))
            .header("Content-Type", "application/json")
            .body(body)
            .send()
            .await
            .unwrap();
        let status = r.status();
        let text = r.text().await.unwrap();
        assert_eq!(status, 400, "{path} {body}: {text}");
        assert!(text.contains("invalid body at /"), "{path} {body}: {text}");
    }
    let (_, faults) = m.get("/__admin/faults").await;
    assert_eq!(faults, json!([]));
    // The codes the suites arm faults with stay valid.
    for code in [0, 10001, 10010, 20003, 30014, 99999] {
        m.admin(
            "/__admin/faults",
            json!({"status": 503, "code": code, "path": "/x"}),
        )
        .await;
    }
    m.admin("/__admin/tenants/2000031", json!({"lagSecs": 31_536_000}))
        .await;
    // The synthetic task's bounds are what the engine takes: a width is never clamped.
    let task = m
        .admin(
            "/__admin/tasks/synthetic",
            json!({"subtasks": 1000, "width": 500}),
        )
        .await;
    assert_eq!(task["subtasks"], json!(1000));
}
