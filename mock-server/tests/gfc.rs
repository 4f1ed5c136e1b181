//! The mock GFC over real HTTP: checks appear over simulated time (and the legacy 500 window),
//! validation answers 400 naming the field, operations move components, reports.

mod common;

use common::Mock;
use reqwest::StatusCode;
use serde_json::{json, Value};

fn launch_body() -> Value {
    json!({"userName": "senwan", "componentIDs": "7922,7923", "dcName": "", "estFailbackTime": "2099-03-15 01:48 am",
           "isDcFailOut": false, "isMaintain": 0, "isMct": 0, "isPoolHealthCheck": 1, "isSVTA": 1, "isfailover": 1,
           "planId": -1, "planType": 1, "reason": "DFW network work", "woInfo": "{\"7922\":\"CHG0042\"}"})
}

#[tokio::test]
async fn check_types_and_search() {
    let s = Mock::paused().await;
    let (st, v) = s.get("/gfc/failover/getCheckTypes").await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(v["data"].as_array().unwrap().len(), 11);
    let (_, v) = s
        .get("/gfc/failover/searchByComponentIds?componentIdsStr=7922%3B7923%0A99999%20abc")
        .await;
    assert_eq!(v["data"]["components"].as_array().unwrap().len(), 2);
    assert_eq!(v["data"]["notFound"], json!(["99999", "abc"]));
    assert_eq!(v["data"]["components"][0]["state"], json!("AUTO"));
}

#[tokio::test]
async fn precheck_fills_in_over_time_and_the_legacy_window_answers_500() {
    let s = Mock::paused().await;
    let (st, v) = s
        .post(
            "viewer",
            "/gfc/failover/doPreFailBackCheck",
            Some(json!({"componentIDs": "7924,7925", "isfailover": 1})),
        )
        .await;
    assert_eq!(st, StatusCode::OK, "{v}");
    let sid = v["data"]["sessionId"].as_str().unwrap().to_string();
    let (st, v) = s
        .get(&format!(
            "/gfc/failover/getPreCheckStatus?sessionIdStr={sid},"
        ))
        .await;
    assert_eq!(st, StatusCode::OK, "not started yet is a normal state");
    assert_eq!(v["data"]["done"], json!(false));
    assert!(v["data"]["results"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["status"] == json!("PENDING")));
    assert_eq!(v["data"]["results"].as_array().unwrap().len(), 22);
    s.admin("/__admin/clock", json!({"advanceSeconds": 30}))
        .await;
    let (_, v) = s
        .get(&format!(
            "/gfc/failover/getPreCheckStatus?sessionIdStr={sid}"
        ))
        .await;
    assert_eq!(v["data"]["done"], json!(true));
    let res = v["data"]["results"].as_array().unwrap();
    let find = |c: i64, t: &str| {
        res.iter()
            .find(|r| r["componentId"] == json!(c) && r["checkType"] == json!(t))
            .unwrap()
            .clone()
    };
    assert_eq!(find(7924, "PEAK_TIME")["status"], json!("WARN"));
    assert_eq!(find(7925, "VIP")["status"], json!("FAIL"));
    assert!(find(7925, "VIP")["message"]
        .as_str()
        .unwrap()
        .contains("VIP"));

    s.admin("/__admin/gfc/mode", json!({"legacy500": true}))
        .await;
    let (_, v) = s
        .post(
            "admin",
            "/gfc/failover/doPreFailBackCheck",
            Some(json!({"componentIDs": "7922", "isfailover": 1, "checkTypes": "VIP"})),
        )
        .await;
    let sid = v["data"]["sessionId"].as_str().unwrap().to_string();
    let (st, _) = s
        .get(&format!(
            "/gfc/failover/getPreCheckStatus?sessionIdStr={sid}"
        ))
        .await;
    assert_eq!(st, StatusCode::INTERNAL_SERVER_ERROR);
    s.admin("/__admin/clock", json!({"advanceSeconds": 5}))
        .await;
    let (st, v) = s
        .get(&format!(
            "/gfc/failover/getPreCheckStatus?sessionIdStr={sid}"
        ))
        .await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(
        v["data"]["results"].as_array().unwrap().len(),
        1,
        "only the re-run check"
    );
}

#[tokio::test]
async fn launch_validation_names_the_problem() {
    let s = Mock::paused().await;
    let cases = [
        ("reason", json!(""), "reason"),
        (
            "componentIDs",
            json!("7922,424242"),
            "Unknown components: 424242",
        ),
        ("estFailbackTime", json!("someday"), "estFailbackTime"),
        (
            "estFailbackTime",
            json!("2001-01-01 01:00 am"),
            "must be in the future",
        ),
        // The contract's enum answers first, naming the pointer.
        (
            "isfailover",
            json!(2),
            "/isfailover: expected 2 is not one of 0 or 1",
        ),
        ("woInfo", json!("{oops"), "woInfo is not a JSON object"),
    ];
    for (field, value, expect) in cases {
        let mut b = launch_body();
        b[field] = value;
        let (st, v) = s
            .post("admin", "/gfc/failover/doFailoverback", Some(b))
            .await;
        assert_eq!(st, StatusCode::BAD_REQUEST, "{field}");
        assert!(
            v["error"]["message"].as_str().unwrap().contains(expect),
            "{field}: {v}"
        );
    }
    let (st, v) = s
        .post(
            "admin",
            "/gfc/failover/doFailoverback",
            Some(json!({"reason": 5})),
        )
        .await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    assert!(v["error"]["message"]
        .as_str()
        .unwrap()
        .contains("Invalid request body at "));
    let (st, v) = s
        .post(
            "viewer",
            "/gfc/failover/doFailoverback",
            Some(launch_body()),
        )
        .await;
    assert_eq!(st, StatusCode::FORBIDDEN);
    assert_eq!(v["error"]["code"], json!(30014));
}

#[tokio::test]
async fn operations_move_components_and_the_report_says_so() {
    let s = Mock::paused().await;
    s.admin(
        "/__admin/gfc/components/7923",
        json!({"failOperation": true}),
    )
    .await;
    let (st, v) = s
        .post("admin", "/gfc/failover/doFailoverback", Some(launch_body()))
        .await;
    assert_eq!(st, StatusCode::OK, "{v}");
    let sid = v["data"]["sessionId"].as_str().unwrap().to_string();
    let ops = format!("/gfc/failover/getFOBOperations?sessionIdStr={sid},&componentIdsStr=7922,7923&failoverbackMark=failover&firstVisit=true");
    let (_, v) = s.get(&ops).await;
    assert_eq!(v["data"]["operations"][0]["state"], json!("IN_PROGRESS"));
    assert_eq!(v["data"]["operations"][1]["state"], json!("QUEUED"));
    s.admin("/__admin/clock", json!({"advanceSeconds": 10}))
        .await;
    let (_, v) = s.get(&ops).await;
    assert_eq!(v["data"]["done"], json!(true));
    assert_eq!(v["data"]["operations"][0]["state"], json!("DONE"));
    assert_eq!(v["data"]["operations"][0]["stateAfter"], json!("MANU"));
    assert_eq!(v["data"]["operations"][0]["ticket"], json!("CHG0042"));
    assert_eq!(v["data"]["operations"][1]["state"], json!("FAILED"));
    let (_, v) = s
        .get("/gfc/failover/searchByComponentIds?componentIdsStr=7922,7923")
        .await;
    assert_eq!(v["data"]["components"][0]["state"], json!("MANU"));
    assert_eq!(
        v["data"]["components"][1]["state"],
        json!("PRIM"),
        "a failed move leaves the state"
    );
    let (_, v) = s
        .get(&format!("/gfc/failover/report?sessionIdStr={sid}"))
        .await;
    assert_eq!(v["data"]["reason"], json!("DFW network work"));
    assert!(v["data"]["endTime"].is_string());
    let (st, _) = s.get("/gfc/failover/report?sessionIdStr=nope").await;
    assert_eq!(st, StatusCode::NOT_FOUND);
}

/// The demo GFC's week-old precheck and failback answer by their fixed ids (the contract's
/// examples name them), finished, and leave the components as the demo has them.
#[tokio::test]
async fn the_demo_holds_a_finished_precheck_and_failback_from_a_week_ago() {
    let s = Mock::paused().await;
    let (st, v) = s
        .get("/gfc/failover/getPreCheckStatus?sessionIdStr=5f0c1a9e7d3b4e21a8c6f2d9e0b7a4c3000000")
        .await;
    assert_eq!(st, StatusCode::OK, "{v}");
    assert_eq!(v["data"]["done"], json!(true));
    assert_eq!(v["data"]["results"].as_array().unwrap().len(), 2 * 11);
    let failback = "9b2e7c4a1f6d3e8b0a5c2f7e4d1b9a6c000000";
    let (st, v) = s
        .get(&format!(
            "/gfc/failover/getFOBOperations?sessionIdStr={failback}&failoverbackMark=failback"
        ))
        .await;
    assert_eq!(st, StatusCode::OK, "{v}");
    assert_eq!(v["data"]["done"], json!(true));
    assert_eq!(v["data"]["operations"][1]["componentId"], json!(7924));
    assert_eq!(v["data"]["operations"][1]["state"], json!("DONE"));
    let (_, v) = s
        .get(&format!("/gfc/failover/report?sessionIdStr={failback}"))
        .await;
    assert_eq!(v["data"]["failoverbackMark"], json!("failback"));
    assert!(v["data"]["endTime"].is_string(), "{v}");
    let (_, v) = s
        .get("/gfc/failover/searchByComponentIds?componentIdsStr=7922,7924")
        .await;
    assert_eq!(v["data"]["components"][0]["state"], json!("AUTO"));
    assert_eq!(v["data"]["components"][1]["state"], json!("AUTO"));
    // A session a request starts still counts from one.
    let (_, v) = s
        .post(
            "admin",
            "/gfc/failover/doPreFailBackCheck",
            Some(json!({"componentIDs": "7922", "isfailover": 1})),
        )
        .await;
    assert!(v["data"]["sessionId"].as_str().unwrap().ends_with("000001"));
}
