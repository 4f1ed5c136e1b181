//! The mock over real HTTP: auth, OCP's wire format, bad input, and every seed endpoint
//! answering with its seed sample.

mod common;

use common::{Mock, ADMIN, VIEWER};
use mock_server::Config;
use reqwest::StatusCode;
use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{json, Value};
use std::fmt;

async fn server() -> Mock {
    Mock::start().await
}

/// True when every object in the JSON text lists its keys in alphabetical order, as OCP does.
fn keys_sorted(text: &str) -> bool {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = bool;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("json")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<bool, A::Error> {
            let mut prev: Option<String> = None;
            let mut ok = true;
            while let Some(k) = m.next_key::<String>()? {
                ok &= prev.as_ref().is_none_or(|p| p < &k);
                ok &= m.next_value::<Sorted>()?.0;
                prev = Some(k);
            }
            Ok(ok)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<bool, A::Error> {
            let mut ok = true;
            while let Some(v) = s.next_element::<Sorted>()? {
                ok &= v.0;
            }
            Ok(ok)
        }
        fn visit_str<E>(self, _: &str) -> Result<bool, E> {
            Ok(true)
        }
        fn visit_i64<E>(self, _: i64) -> Result<bool, E> {
            Ok(true)
        }
        fn visit_u64<E>(self, _: u64) -> Result<bool, E> {
            Ok(true)
        }
        fn visit_f64<E>(self, _: f64) -> Result<bool, E> {
            Ok(true)
        }
        fn visit_bool<E>(self, _: bool) -> Result<bool, E> {
            Ok(true)
        }
        fn visit_unit<E>(self) -> Result<bool, E> {
            Ok(true)
        }
    }
    struct Sorted(bool);
    impl<'de> serde::Deserialize<'de> for Sorted {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_any(V).map(Sorted)
        }
    }
    let _ = IgnoredAny;
    serde_json::from_str::<Sorted>(text)
        .map(|s| s.0)
        .unwrap_or(false)
}

/// Checks the envelope invariants and returns it parsed.
fn envelope(status: StatusCode, text: &str) -> Value {
    let v: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"));
    assert!(keys_sorted(text), "keys not in alphabetical order: {text}");
    assert_eq!(v["status"], json!(status.as_u16()), "{text}");
    assert_eq!(v["successful"], json!(status.is_success()), "{text}");
    let trace = v["traceId"].as_str().unwrap();
    assert!(
        trace.len() == 16 && trace.chars().all(|c| c.is_ascii_hexdigit()),
        "{trace}"
    );
    let ts = v["timestamp"].as_str().unwrap();
    // 2024-07-23T17:42:33.754+08:00
    assert_eq!(ts.len(), 29, "{ts}");
    assert_eq!(&ts[19..20], ".");
    assert_eq!(&ts[23..], "+08:00");
    assert!(!text.contains("null"), "nulls must be omitted: {text}");
    if status.is_success() {
        assert!(v.get("error").is_none());
    } else {
        assert!(v["error"]["code"].is_i64(), "{text}");
        assert!(v["error"]["message"].is_string(), "{text}");
    }
    v
}

fn seed(name: &str) -> Value {
    let path = format!("{}/fixtures/seeds/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[tokio::test]
async fn missing_or_wrong_credentials_get_401() {
    let s = server().await;
    let (st, text) = s.get_as(None, "/api/v2/ob/clusters").await;
    assert_eq!(st, StatusCode::UNAUTHORIZED);
    let v = envelope(st, &text);
    assert_eq!(v["error"]["code"], json!(0));
    let (st, text) = s
        .get_as(Some(("admin", "wrong")), "/api/v2/ob/clusters")
        .await;
    assert_eq!(st, StatusCode::UNAUTHORIZED);
    assert_eq!(
        envelope(st, &text)["error"]["message"],
        json!("Bad credentials")
    );
}

#[tokio::test]
async fn viewer_reads_but_gets_403_on_writes() {
    let s = server().await;
    let (st, _) = s.get_as(Some(VIEWER), "/api/v2/ob/clusters").await;
    assert_eq!(st, StatusCode::OK);
    let (st, text) = s
        .post_as(VIEWER, "/api/v2/ob/clusters/6/failover", None, "en-US")
        .await;
    assert_eq!(st, StatusCode::FORBIDDEN);
    assert_eq!(envelope(st, &text)["error"]["code"], json!(30014));
    // Nothing was launched (the list holds only earlier drills, none on cluster 6).
    let (_, text) = s
        .get_as(Some(ADMIN), "/api/v2/tasks/instances?clusterId=6")
        .await;
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["data"]["contents"], json!([]));
}

#[tokio::test]
async fn unknown_api_path_is_a_json_404_never_html() {
    let s = server().await;
    for path in ["/api/v2/nope", "/api/v3/ob/clusters", "/api"] {
        let resp = s.client.get(s.url(path)).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::NOT_FOUND, "{path}");
        assert_eq!(resp.headers()["content-type"], "application/json");
        let text = resp.text().await.unwrap();
        envelope(StatusCode::NOT_FOUND, &text);
    }
}

#[tokio::test]
async fn malformed_json_and_wrong_types_get_400_naming_the_problem() {
    let s = server().await;
    let path = "/api/v2/ob/clusters/3000012/tenants/2000031/failover";
    let (st, text) = s
        .post_as(ADMIN, path, Some("{\"serviceName\":".into()), "en-US")
        .await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    let msg = envelope(st, &text)["error"]["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(msg.starts_with("Malformed JSON request"), "{msg}");

    let (st, text) = s
        .post_as(ADMIN, path, Some("{\"serviceName\":5}".into()), "en-US")
        .await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    let msg = envelope(st, &text)["error"]["message"]
        .as_str()
        .unwrap()
        .to_string();
    // The contract (docs/openapi.json) names the pointer and the expectation.
    assert!(
        msg.contains("Invalid request body at /serviceName: expected 5 is not of type \"string\""),
        "{msg}"
    );

    let batch = "/api/v2/ob/clusters/3000012/tenants/failover";
    let (st, text) = s
        .post_as(
            ADMIN,
            batch,
            Some(r#"{"failoverTenantItemList":[{"tenantId":"x"}]}"#.into()),
            "en-US",
        )
        .await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    assert!(
        text.contains("/failoverTenantItemList/0/tenantId") && text.contains("does not match"),
        "{text}"
    );

    let (st, text) = s
        .get_as(Some(ADMIN), "/api/v2/ob/clusters/abc/tenants")
        .await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    assert!(text.contains("\\\"abc\\\" is not a number"), "{text}");
}

#[tokio::test]
async fn body_over_one_mib_gets_413() {
    let s = server().await;
    let big = format!("{{\"serviceName\":\"{}\"}}", "x".repeat(1024 * 1024 + 10));
    let (st, text) = s
        .post_as(
            ADMIN,
            "/api/v2/ob/clusters/3000012/tenants/2000031/failover",
            Some(big),
            "en-US",
        )
        .await;
    assert_eq!(st, StatusCode::PAYLOAD_TOO_LARGE);
    envelope(st, &text);
}

#[tokio::test]
async fn seed_001_tenant_failover_precheck_in_chinese() {
    let s = server().await;
    let (st, text) = s
        .post_as(
            ADMIN,
            "/api/v2/ob/clusters/3000010/tenants/2000025/failoverPreCheck",
            None,
            "zh-CN",
        )
        .await;
    assert_eq!(st, StatusCode::OK);
    let v = envelope(st, &text);
    assert_eq!(v["data"], seed("tenant-failover-precheck.zh.json")["data"]);
    assert_eq!(v["server"], json!("3af57a8e6b"));
}

#[tokio::test]
async fn seed_004_batch_failover_precheck_in_english() {
    let s = server().await;
    let (st, text) = s
        .post_as(
            ADMIN,
            "/api/v2/ob/clusters/3000010/tenants/failoverPreCheck",
            None,
            "en-US",
        )
        .await;
    assert_eq!(st, StatusCode::OK);
    let v = envelope(st, &text);
    assert_eq!(v["data"], seed("batch-failover-precheck.en.json")["data"]);
}

/// The seed's task with the launch's own start time.
fn seed_task_at(name: &str, start: &Value) -> Value {
    let mut data = seed(name)["data"].clone();
    data["startTime"] = start.clone();
    data
}

#[tokio::test]
async fn seed_002_tenant_failover_then_a_distinct_second_task() {
    let s = server().await;
    // The seed's standby is blocked (its primary answers); the mock says so on launch, too.
    let (st, text) = s
        .post_as(
            ADMIN,
            "/api/v2/ob/clusters/3000010/tenants/2000025/failover",
            Some("{}".into()),
            "en-US",
        )
        .await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    assert!(text.contains("OBE26107"), "{text}");
    // A passing standby launches; the first task reproduces seed 002 but for its target.
    let (st, text) = s
        .post_as(
            ADMIN,
            "/api/v2/ob/clusters/3000012/tenants/2000031/failover",
            Some(r#"{"serviceName":"SERVICE_B"}"#.into()),
            "en-US",
        )
        .await;
    assert_eq!(st, StatusCode::OK, "{text}");
    let v = envelope(st, &text);
    let mut expected = seed_task_at("tenant-failover.json", &v["data"]["startTime"]);
    expected["clusterId"] = json!(3000012);
    expected["tenantId"] = json!(2000031);
    assert_eq!(v["data"], expected);
    // A second launch gets new ids, and both are readable.
    let (_, text) = s
        .post_as(
            ADMIN,
            "/api/v2/ob/clusters/3000012/tenants/2000034/failover",
            None,
            "en-US",
        )
        .await;
    let second: Value = serde_json::from_str(&text).unwrap();
    assert_ne!(second["data"]["id"], v["data"]["id"]);
    let (st, text) = s
        .get_as(
            Some(ADMIN),
            &format!("/api/v2/tasks/instances/{}", v["data"]["id"]),
        )
        .await;
    assert_eq!(st, StatusCode::OK);
    let detail = envelope(st, &text);
    assert_eq!(detail["data"]["creator"], json!({"name": "admin"}));
    assert_eq!(
        detail["data"]["tenant"],
        json!({"id": 2000031, "name": "sales_dr"})
    );
}

#[tokio::test]
async fn seed_003_cluster_failover() {
    let s = server().await;
    let (st, text) = s
        .post_as(
            ADMIN,
            "/api/v2/ob/clusters/6/failoverPreCheck",
            None,
            "en-US",
        )
        .await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(
        envelope(st, &text)["data"],
        json!({"result": {"messages": [], "valid": true}})
    );
    let (st, text) = s
        .post_as(ADMIN, "/api/v2/ob/clusters/6/failover", None, "en-US")
        .await;
    assert_eq!(st, StatusCode::OK, "{text}");
    let v = envelope(st, &text);
    assert_eq!(
        v["data"],
        seed_task_at("cluster-failover.json", &v["data"]["startTime"])
    );
}

#[tokio::test]
async fn clusters_and_tenants_are_paged() {
    let s = server().await;
    let (st, text) = s
        .get_as(Some(ADMIN), "/api/v2/ob/clusters?page=1&size=3")
        .await;
    assert_eq!(st, StatusCode::OK);
    let v = envelope(st, &text);
    assert_eq!(v["data"]["contents"].as_array().unwrap().len(), 3);
    assert_eq!(
        v["data"]["page"],
        json!({"number": 1, "size": 3, "totalElements": 8, "totalPages": 3})
    );
    let (_, text) = s
        .get_as(Some(ADMIN), "/api/v2/ob/clusters/3000009/tenants?page=2")
        .await;
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["data"]["page"]["number"], json!(2));
    assert_eq!(v["data"]["page"]["totalElements"], json!(19));
    let (st, text) = s
        .get_as(Some(ADMIN), "/api/v2/ob/clusters/3000012/tenants")
        .await;
    assert_eq!(st, StatusCode::OK);
    let v = envelope(st, &text);
    let first = &v["data"]["contents"][0];
    assert_eq!(first["tenantRole"], json!("STANDBY"));
    // An OB 4.x SCN is above 2^53, so OCP's mapper writes it as a string.
    assert!(first["syncScn"].is_string(), "{first}");
    let (st, text) = s
        .get_as(Some(ADMIN), "/api/v2/ob/clusters/99/tenants")
        .await;
    assert_eq!(st, StatusCode::NOT_FOUND);
    assert_eq!(envelope(st, &text)["error"]["code"], json!(10002));
}

#[tokio::test]
async fn clusters_name_their_regions_in_their_zones() {
    let s = server().await;
    let (st, text) = s.get_as(Some(ADMIN), "/api/v2/ob/clusters/3000013").await;
    let v = envelope(st, &text);
    let c = &v["data"];
    assert_eq!(c["name"], json!("OB424_C"));
    assert_eq!(c["type"], json!("STANDBY"));
    assert_eq!(c["primaryCluster"]["id"], json!(3000009));
    assert_eq!(c["regionCount"], json!(1));
    assert_eq!(
        c["zones"],
        json!([{"name": "zone1", "regionName": "cn-shanghai"},
               {"name": "zone2", "regionName": "cn-shanghai"},
               {"name": "zone3", "regionName": "cn-shanghai"}])
    );
    // The demo estate spans two regions; the console reads them through the core wire type.
    let (st, text) = s.get_as(Some(ADMIN), "/api/v2/ob/clusters?size=100").await;
    let v = envelope(st, &text);
    let clusters: Vec<console_core::wire::Cluster> =
        serde_json::from_value(v["data"]["contents"].clone()).unwrap();
    let mut regions: Vec<String> = clusters.iter().flat_map(|c| c.region_names()).collect();
    regions.sort();
    regions.dedup();
    assert_eq!(regions, vec!["cn-hangzhou", "cn-shanghai"]);
    // OB424_P's two standby clusters in the other region, and one beside it.
    let (_, text) = s.get_as(Some(ADMIN), "/api/v2/ob/clusters/3000009").await;
    let p: Value = serde_json::from_str(&text).unwrap();
    let standbys: Vec<&Value> = p["data"]["standbyClusters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| &c["name"])
        .collect();
    assert_eq!(standbys, vec!["OB424_A", "OB424_B", "OB424_C"]);
}

#[tokio::test]
async fn a_second_standby_of_sales_20_s_behind_passes_its_failover_precheck_with_a_warning() {
    let s = server().await;
    let (st, text) = s
        .get_as(Some(ADMIN), "/api/v2/ob/clusters/3000013/tenants")
        .await;
    let v = envelope(st, &text);
    let t = &v["data"]["contents"][0];
    assert_eq!(t["name"], json!("sales_dr2"));
    assert_eq!(t["primaryTenantName"], json!("sales"));
    let (st, text) = s
        .post_as(
            ADMIN,
            "/api/v2/ob/clusters/3000013/tenants/2000035/failoverPreCheck",
            None,
            "en-US",
        )
        .await;
    let v = envelope(st, &text);
    assert_eq!(v["data"]["valid"], json!(true), "{v}");
    let codes: Vec<&Value> = v["data"]["checkResults"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| &c["errorCode"])
        .collect();
    assert_eq!(codes, vec!["OBE26120"], "{v}");
}

#[tokio::test]
async fn injected_fault_answers_with_an_ocp_error_until_cleared() {
    let s = server().await;
    let resp = s
        .client
        .post(s.url("/__admin/faults"))
        .json(&json!({"path": "/api/v2/ob/clusters", "status": 500, "message": "boom", "times": 1}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let (st, text) = s.get_as(Some(ADMIN), "/api/v2/ob/clusters").await;
    assert_eq!(st, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(envelope(st, &text)["error"]["message"], json!("boom"));
    let (st, _) = s.get_as(Some(ADMIN), "/api/v2/ob/clusters").await;
    assert_eq!(
        st,
        StatusCode::OK,
        "a fault with times=1 disarms after one hit"
    );
    let journal: Value = s
        .client
        .get(s.url("/__admin/journal"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let statuses: Vec<&Value> = journal["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["status"])
        .collect();
    assert_eq!(statuses, vec![&json!(500), &json!(200)]);
    let bad = s
        .client
        .post(s.url("/__admin/faults"))
        .json(&json!({"status": 200}))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn spa_deep_links_get_index_html() {
    let dir = std::env::temp_dir().join(format!("mock-dist-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("index.html"),
        "<!doctype html><title>console</title>",
    )
    .unwrap();
    let mut config = Config::for_tests();
    config.dist = Some(dir.clone());
    let s = Mock::with(config).await;
    let resp = s
        .client
        .get(s.url("/clusters/3000010"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert!(resp
        .text()
        .await
        .unwrap()
        .contains("<title>console</title>"));
    let resp = s.client.get(s.url("/api/v2/unknown")).send().await.unwrap();
    assert_eq!(resp.headers()["content-type"], "application/json");
    std::fs::remove_dir_all(dir).ok();
}

#[tokio::test]
async fn precompressed_assets_are_served_when_accepted() {
    let dir = std::env::temp_dir().join(format!("mock-dist-br-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), "<!doctype html>").unwrap();
    let asset = "console-0123456789abcdef_bg.wasm";
    std::fs::write(dir.join(asset), b"plain").unwrap();
    std::fs::write(dir.join(format!("{asset}.br")), b"brotli").unwrap();
    std::fs::write(dir.join(format!("{asset}.gz")), b"gzip").unwrap();
    let mut config = Config::for_tests();
    config.dist = Some(dir.clone());
    let s = Mock::with(config).await;
    for (accept, encoding, body) in [
        ("br, gzip", Some("br"), "brotli"),
        ("gzip", Some("gzip"), "gzip"),
        ("identity", None, "plain"),
    ] {
        let resp = s
            .client
            .get(s.url(&format!("/{asset}")))
            .header("Accept-Encoding", accept)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        assert_eq!(
            resp.headers()
                .get("content-encoding")
                .map(|v| v.to_str().unwrap()),
            encoding,
            "{accept}"
        );
        assert_eq!(resp.text().await.unwrap(), body);
    }
    std::fs::remove_dir_all(dir).ok();
}

#[tokio::test]
async fn wrong_role_and_unknown_ids() {
    let s = server().await;
    let (st, text) = s
        .post_as(
            ADMIN,
            "/api/v2/ob/clusters/3000009/tenants/2000020/failoverPreCheck",
            None,
            "en-US",
        )
        .await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    assert!(
        text.contains("is a PRIMARY tenant; failover needs a STANDBY tenant"),
        "{text}"
    );
    let (st, _) = s
        .post_as(
            ADMIN,
            "/api/v2/ob/clusters/3000010/tenants/999/failoverPreCheck",
            None,
            "en-US",
        )
        .await;
    assert_eq!(st, StatusCode::NOT_FOUND);
    let (st, text) = s
        .get_as(Some(ADMIN), "/api/v2/tasks/instances/424242")
        .await;
    assert_eq!(st, StatusCode::NOT_FOUND);
    assert_eq!(envelope(st, &text)["error"]["code"], json!(20000));
}

#[tokio::test]
async fn broken_replies_on_demand() {
    let s = server().await;
    let arm = |body: Value| {
        let c = s.client.clone();
        let url = s.url("/__admin/faults");
        async move {
            let r = c.post(url).json(&body).send().await.unwrap();
            assert_eq!(r.status(), StatusCode::OK, "{}", r.text().await.unwrap());
        }
    };
    let clusters = "/api/v2/ob/clusters";
    arm(json!({"path": clusters, "kind": "malformed", "times": 1})).await;
    let (st, text) = s.get_as(Some(ADMIN), clusters).await;
    assert_eq!(st, StatusCode::OK);
    assert!(serde_json::from_str::<Value>(&text).is_err(), "{text}");

    arm(json!({"path": clusters, "kind": "truncated", "times": 1})).await;
    let (_, full) = s.get_as(Some(ADMIN), clusters).await;
    assert!(
        serde_json::from_str::<Value>(&full).is_err(),
        "a truncated body is not JSON"
    );
    let (_, whole) = s.get_as(Some(ADMIN), clusters).await;
    assert!(full.len() < whole.len() && whole.starts_with(&full[..20]));

    arm(json!({"path": clusters, "kind": "reset", "times": 1})).await;
    let resp = s
        .client
        .get(s.url(clusters))
        .basic_auth("admin", Some("admin"))
        .send()
        .await;
    let failed = match resp {
        Err(_) => true,
        Ok(r) => r.text().await.is_err(),
    };
    assert!(failed, "a reset connection is an error for the client");

    arm(json!({"path": clusters, "kind": "hang", "times": 1})).await;
    let hung = s
        .client
        .get(s.url(clusters))
        .basic_auth("admin", Some("admin"))
        .timeout(std::time::Duration::from_millis(500))
        .send()
        .await;
    assert!(hung.unwrap_err().is_timeout());
    let (st, _) = s.get_as(Some(ADMIN), clusters).await;
    assert_eq!(st, StatusCode::OK, "every fault above was for one request");

    let bad = s
        .client
        .post(s.url("/__admin/faults"))
        .json(&json!({"status": 500, "kind": "reset"}))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
}
