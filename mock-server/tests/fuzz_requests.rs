//! Property test of the mock's request handling, in-process (tower `oneshot`): bad JSON, wrong
//! types, huge bodies, path junk, unknown ids, any method, any credentials. Always a well-formed
//! OCP error envelope or a success, never a panic, and no 5xx without an injected fault.

use axum::body::Body;
use axum::http::{Method, Request};
use mock_server::{app, AppState, Config};
use serde_json::Value;
use tower::ServiceExt;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

const PATHS: &[&str] = &[
    "/api/v2/ob/clusters",
    "/api/v2/ob/clusters/{c}",
    "/api/v2/ob/clusters/{c}/tenants",
    "/api/v2/ob/clusters/{c}/tenants/{t}",
    "/api/v2/ob/clusters/{c}/tenants/{t}/failoverPreCheck",
    "/api/v2/ob/clusters/{c}/tenants/failoverPreCheck",
    "/api/v2/ob/clusters/{c}/tenants/{t}/failover",
    "/api/v2/ob/clusters/{c}/tenants/failover",
    "/api/v2/ob/clusters/{c}/tenants/{t}/switchoverPreCheck",
    "/api/v2/ob/clusters/{c}/tenants/{t}/switchover",
    "/api/v2/ob/clusters/{c}/failoverPreCheck",
    "/api/v2/ob/clusters/{c}/switchover",
    "/api/v2/ob/clusters/{c}/failover",
    "/api/v2/tasks/instances",
    "/api/v2/tasks/instances/{k}",
    "/api/v2/tasks/instances/{k}/retry",
    "/api/v2/tasks/instances/{k}/rollback",
    "/api/v2/tasks/instances/{k}/subtasks/{s}/retry",
    "/api/v2/tasks/instances/{k}/subtasks/{s}/skip",
    "/api/v2/tasks/instances/{k}/subtasks/{s}/cancel",
    "/api/v2/tasks/instances/{k}/subtasks/{s}/log",
    "/api/v2/iam/current/user",
    "/api/v2/{junk}",
    "/api/{junk}/{junk}",
    "/gfc/failover/getCheckTypes",
    "/gfc/failover/searchByComponentIds",
    "/gfc/failover/doPreFailBackCheck",
    "/gfc/failover/getPreCheckStatus",
    "/gfc/failover/doFailoverback",
    "/gfc/failover/getFOBOperations",
    "/gfc/failover/report",
    "/gfc/{junk}",
];
const IDS: &[&str] = &[
    "6",
    "8",
    "3000012",
    "3000010",
    "2000031",
    "2000025",
    "171603",
    "202623",
    "0",
    "-1",
    "99999999999999999999",
    "abc",
    "%00",
    "..",
    "1e3",
    "%F0%9F%92%A5",
    "12022226",
];
const QUERIES: &[&str] = &[
    "",
    "?page=0",
    "?page=2&size=3",
    "?size=9999",
    "?page=x",
    "?status=RUNNING,FAILED",
    "?componentIdsStr=7922,abc;359",
    "?sessionIdStr=nope,",
    "?clusterId=zz&tenantId=",
    "?failoverbackMark=failover",
];
const BODIES: &[&str] = &[
    "", "{}", "null", "[]", "{\"serviceName\":\"S\"}", "{\"serviceName\":5}", "{\"failoverTenantItemList\":[{\"tenantId\":2000031}]}",
    "{\"failoverTenantItemList\":[{\"tenantId\":\"x\"}]}", "{\"failoverTenantItemList\":[]}", "{\"standbyTenantId\":2000033}",
    "{\"componentIDs\":\"7922,7923\",\"isfailover\":1,\"reason\":\"r\",\"estFailbackTime\":\"2099-01-01 01:00 am\"}",
    "{\"componentIDs\":\"7922\",\"isfailover\":7}", "{\"reason\":[1]}", "{\"woInfo\":\"{bad\"}", "{\"checkTypes\":\"NOPE\",\"componentIDs\":\"7922\"}",
    "{\"a\":", "\u{0}\u{1}\u{2}", "{\"serviceName\":\"\\ud800\"}",
];

fn request(rng: &mut Rng) -> Request<Body> {
    let mut path = rng.pick(PATHS).to_string();
    for slot in ["{c}", "{t}", "{k}", "{s}", "{junk}", "{junk}"] {
        path = path.replacen(slot, rng.pick(IDS), 1);
    }
    path.push_str(rng.pick(QUERIES));
    let method = [
        Method::GET,
        Method::POST,
        Method::POST,
        Method::PUT,
        Method::DELETE,
    ][rng.below(5)]
    .clone();
    let body = match rng.below(10) {
        0 => "x".repeat(1024 * 1024 + 1 + rng.below(1000)),
        1 => (0..rng.below(300))
            .map(|_| (rng.next() as u8 % 94 + 32) as char)
            .collect(),
        _ => rng.pick(BODIES).to_string(),
    };
    let auth = [
        "Basic YWRtaW46YWRtaW4=",
        "Basic dmlld2VyOnZpZXdlcg==",
        "Basic bm9wZQ==",
        "Bearer x",
        "",
    ][rng.below(5)];
    let mut b = Request::builder()
        .method(method)
        .uri(path)
        .header("content-type", "application/json");
    if !auth.is_empty() {
        b = b.header("authorization", auth);
    }
    if rng.below(3) == 0 {
        b = b.header("accept-language", "zh-CN");
    }
    b.body(Body::from(body))
        .unwrap_or_else(|_| Request::new(Body::empty()))
}

#[tokio::test]
async fn ten_thousand_hostile_requests_get_well_formed_answers() {
    let router = app(AppState::new(Config::for_tests()).unwrap());
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    let mut statuses = std::collections::BTreeMap::<u16, usize>::new();
    for _ in 0..10_000 {
        let req = request(&mut rng);
        let what = format!("{} {}", req.method(), req.uri());
        let resp = router.clone().oneshot(req).await.unwrap();
        let status = resp.status().as_u16();
        *statuses.entry(status).or_default() += 1;
        assert!(
            status < 500,
            "{what} answered {status} with no fault injected"
        );
        let bytes = axum::body::to_bytes(resp.into_body(), usize::MAX)
            .await
            .unwrap();
        let v: Value =
            serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{what}: not JSON ({e})"));
        assert_eq!(v["status"].as_u64(), Some(u64::from(status)), "{what}: {v}");
        assert_eq!(v["successful"].as_bool(), Some(status < 400), "{what}: {v}");
        assert_eq!(v["traceId"].as_str().map(str::len), Some(16), "{what}");
        if status >= 400 {
            assert!(v["error"]["code"].is_i64(), "{what}: {v}");
            assert!(
                !v["error"]["message"].as_str().unwrap_or("").is_empty(),
                "{what}: {v}"
            );
        }
    }
    // The generator reaches successes and each kind of refusal.
    for s in [200u16, 400, 401, 403, 404, 405, 413] {
        assert!(statuses.contains_key(&s), "no {s} among {statuses:?}");
    }
}
