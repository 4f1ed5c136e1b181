//! An estate at scale over real HTTP: the `large-estate` scenario's 200 clusters and 2,000
//! tenants, OCP's estate-wide tenant list (`GET /api/v2/ob/tenants`: paging, `name`,
//! `clusterName`, `status`), and the rate limit's 429 with `Retry-After`.

mod common;

use common::Mock;
use mock_server::Config;
use serde_json::Value;
use std::path::PathBuf;

async fn large() -> Mock {
    Mock::with(Config {
        scenario: Some(PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/scenarios/large-estate.json"
        ))),
        ..Config::for_tests()
    })
    .await
}

fn page(body: &Value) -> (usize, i64, i64) {
    let d = &body["data"];
    (
        d["contents"].as_array().map_or(0, Vec::len),
        d["page"]["totalElements"].as_i64().unwrap_or(-1),
        d["page"]["totalPages"].as_i64().unwrap_or(-1),
    )
}

#[tokio::test]
async fn the_large_estate_lists_every_tenant_in_one_page_of_2000_or_in_pages() {
    let m = large().await;
    let (status, body) = m.get("/api/v2/ob/clusters?size=2000").await;
    assert!(status.is_success());
    assert_eq!(page(&body), (200, 200, 1));
    let (status, body) = m.get("/api/v2/ob/tenants?size=2000").await;
    assert!(status.is_success(), "{body}");
    assert_eq!(page(&body), (2_000, 2_000, 1));
    let standbys = body["data"]["contents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["tenantRole"] == "STANDBY")
        .count();
    assert_eq!(standbys, 1_000);
    // Pages of 700: three, the last one short, no tenant twice.
    let mut ids = std::collections::BTreeSet::new();
    for p in 1..=3 {
        let (_, body) = m
            .get(&format!("/api/v2/ob/tenants?size=700&page={p}"))
            .await;
        let (n, total, pages) = page(&body);
        assert_eq!((total, pages), (2_000, 3));
        assert_eq!(n, if p < 3 { 700 } else { 600 });
        for t in body["data"]["contents"].as_array().unwrap() {
            assert!(ids.insert(t["id"].as_i64().unwrap()));
        }
    }
    assert_eq!(ids.len(), 2_000);
}

#[tokio::test]
async fn the_estate_wide_list_filters_by_name_cluster_name_and_status() {
    let m = large().await;
    let (_, body) = m.get("/api/v2/ob/tenants?name=C017_T0&size=100").await;
    let names: Vec<&str> = body["data"]["contents"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| t["name"].as_str())
        .collect();
    assert_eq!(names.len(), 18, "{names:?}");
    assert!(names.iter().all(|n| n.starts_with("c017_t0")));
    let (_, body) = m
        .get("/api/v2/ob/tenants?clusterName=c042_dr&size=100")
        .await;
    assert_eq!(page(&body).1, 10);
    let (_, body) = m
        .get("/api/v2/ob/tenants?status=NORMAL,CREATING&size=1")
        .await;
    assert_eq!(page(&body).1, 2_000);
    let (_, body) = m.get("/api/v2/ob/tenants?status=DELETING").await;
    assert_eq!(page(&body).1, 0);
    let (status, _) = m.get("/api/v2/ob/tenants?size=2001").await;
    assert_eq!(status.as_u16(), 400);
}

#[tokio::test]
async fn over_the_rate_limit_the_mock_answers_429_with_retry_after() {
    let m = Mock::with(Config {
        rate_limit: Some(3),
        ..Config::for_tests()
    })
    .await;
    let client = reqwest::Client::new();
    let mut statuses = Vec::new();
    let mut retry_after = None;
    for _ in 0..5 {
        let r = client
            .get(m.url("/api/v2/ob/clusters"))
            .basic_auth("admin", Some("admin"))
            .send()
            .await
            .unwrap();
        statuses.push(r.status().as_u16());
        if r.status().as_u16() == 429 {
            retry_after = r
                .headers()
                .get("retry-after")
                .and_then(|v| v.to_str().ok())
                .map(str::to_string);
            let body: Value = r.json().await.unwrap();
            assert_eq!(body["successful"], false);
        }
    }
    // A new second may start mid-loop: at least three pass and at least one is refused.
    assert!(
        statuses.iter().filter(|s| **s == 200).count() >= 3,
        "{statuses:?}"
    );
    assert!(statuses.contains(&429), "{statuses:?}");
    assert_eq!(retry_after.as_deref(), Some("1"));
}
