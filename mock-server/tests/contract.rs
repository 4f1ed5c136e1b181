//! The OpenAPI contract (docs/openapi.json): served at /__admin/openapi.json, naming every route
//! the router serves (and no other), matched by every seed sample and by the mock's own replies,
//! and enforced on request bodies with OCP's 400 naming the JSON pointer.

mod common;

use common::{Mock, ADMIN};
use mock_server::http::contract::Contract;
use mock_server::Config;
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn contract() -> Contract {
    Contract::load().unwrap_or_else(|e| panic!("{e}"))
}

/// Every `$ref` in `v`, with the JSON pointer it sits at.
fn refs(v: &Value, at: String, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                if k == "$ref" {
                    if let Some(r) = x.as_str() {
                        out.push((at.clone(), r.to_string()));
                    }
                } else {
                    refs(x, format!("{at}/{k}"), out);
                }
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                refs(x, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

#[tokio::test]
async fn openapi_json_is_served_and_is_an_openapi_3_1_document() {
    let s = Mock::start().await;
    let r = s
        .client
        .get(s.url("/__admin/openapi.json"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(
        r.headers()["content-type"].to_str().unwrap(),
        "application/json"
    );
    let served: Value = r.json().await.unwrap();
    let file: Value = serde_json::from_str(
        &std::fs::read_to_string(crate_dir().join("../docs/openapi.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(served, file, "the served contract is the repository's");

    assert!(
        served["openapi"].as_str().unwrap().starts_with("3.1."),
        "{}",
        served["openapi"]
    );
    assert!(served["info"]["title"].is_string() && served["info"]["version"].is_string());
    // Every reference resolves inside the document (the validator fetches nothing remote).
    let mut all = Vec::new();
    refs(&served, String::new(), &mut all);
    assert!(all.len() > 100, "{} references", all.len());
    for (at, r) in &all {
        let target = r.strip_prefix('#').and_then(|p| served.pointer(p));
        assert!(target.is_some(), "{at}: $ref {r} resolves to nothing");
    }
    // Each component schema is a valid JSON Schema 2020-12 document (OpenAPI 3.1's dialect).
    let schemas = served["components"]["schemas"].as_object().unwrap();
    for (name, schema) in schemas {
        assert!(
            jsonschema::meta::is_valid(schema),
            "components/schemas/{name} is not valid JSON Schema"
        );
    }
    // Every operation has an id, responses with JSON schemas, and (for /api and /gfc) OCP's
    // error envelope as its default.
    let mut ids = BTreeSet::new();
    for (path, item) in served["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let id = op["operationId"].as_str().unwrap_or_default();
            assert!(
                ids.insert(id.to_string()),
                "{method} {path}: operationId {id:?} repeated or missing"
            );
            assert!(
                op["responses"].as_object().is_some_and(|r| !r.is_empty()),
                "{method} {path}"
            );
            if !path.starts_with("/__admin") {
                assert_eq!(
                    op["responses"]["default"]["$ref"],
                    json!("#/components/responses/Error"),
                    "{method} {path}"
                );
            }
        }
    }
}

/// `(METHOD, /full/template)` of every `.route(…)` in the router sources: the API and GFC
/// routes in routes/mod.rs, the admin routes in routes/admin.rs. Each path is written whole, as
/// a string literal.
fn router_routes() -> BTreeSet<(String, String)> {
    let routes = crate_dir().join("src/http/routes");
    let mut out = BTreeSet::new();
    for file in ["mod.rs", "admin.rs"] {
        let src = std::fs::read_to_string(routes.join(file)).unwrap();
        read_routes(&src, &mut out);
    }
    out
}

fn read_routes(src: &str, out: &mut BTreeSet<(String, String)>) {
    for chunk in src.split(".route(").skip(1) {
        // The chunk runs to the next `.route(`; the route's own text ends at the next call that
        // is not a method of it, or at the end of the function.
        let chunk = [
            ".method_not_allowed_fallback(",
            ".fallback(",
            ".nest(",
            ".layer(",
            "\n}",
        ]
        .iter()
        .fold(chunk, |c, end| c.split(end).next().unwrap_or(c));
        let path = chunk.trim_start();
        assert!(
            path.starts_with('"'),
            "a route's path is a string literal: .route({chunk}"
        );
        let len = path[1..].find('"').unwrap();
        let (path, rest) = (&path[1..1 + len], &path[1 + len..]);
        assert!(
            path.starts_with("/api/") || path.starts_with("/gfc/") || path.starts_with("/__admin/"),
            "a route's path is written whole: {path}"
        );
        let mut methods = 0;
        for m in ["get", "post", "put", "delete", "patch"] {
            let called = rest.match_indices(&format!("{m}(")).any(|(i, _)| {
                i == 0
                    || !rest.as_bytes()[i - 1].is_ascii_alphanumeric()
                        && rest.as_bytes()[i - 1] != b'_'
            });
            if called {
                out.insert((m.to_uppercase(), path.to_string()));
                methods += 1;
            }
        }
        assert!(methods > 0, "no method read for {path}");
    }
}

#[test]
fn every_route_the_router_serves_has_a_contract_entry_and_back() {
    let served = router_routes();
    assert!(served.len() > 40, "the route reader found only {served:?}");
    let contracted: BTreeSet<(String, String)> = contract().operations().into_iter().collect();
    let missing: Vec<_> = served.difference(&contracted).collect();
    let extra: Vec<_> = contracted.difference(&served).collect();
    assert!(
        missing.is_empty(),
        "served without a contract entry (add them to docs/openapi.json): {missing:?}"
    );
    assert!(
        extra.is_empty(),
        "in the contract but not served: {extra:?}"
    );
}

#[tokio::test]
async fn every_contract_operation_reaches_its_handler() {
    // Guards the source reader above: each operation, with sample ids, is answered by a
    // handler, never by the fallbacks' "No API at" or "does not accept this method".
    let s = Mock::start().await;
    for (method, template) in contract().operations() {
        let path = template
            .replace("{id}", "3000012")
            .replace("{tenantId}", "2000031")
            .replace("{taskInstanceId}", "1")
            .replace("{subtaskInstanceId}", "1");
        let req = match method.as_str() {
            "GET" => s.client.get(s.url(&path)),
            "POST" => s.client.post(s.url(&path)),
            "DELETE" => s.client.delete(s.url(&path)),
            other => panic!("{other} {template}: a method the mock does not use"),
        };
        let r = req
            .basic_auth("viewer", Some("viewer"))
            .send()
            .await
            .unwrap();
        let status = r.status();
        let text = r.text().await.unwrap();
        assert!(
            status != StatusCode::METHOD_NOT_ALLOWED && !text.contains("No API at"),
            "{method} {path}: {status} {text}"
        );
    }
}

/// Seed replies in the crate's fixtures, each with the operation it answers.
const FIXTURE_SEEDS: &[(&str, &str, &str)] = &[
    (
        "batch-failover-precheck.en.json",
        "POST",
        "/api/v2/ob/clusters/{id}/tenants/failoverPreCheck",
    ),
    (
        "cluster-failover.json",
        "POST",
        "/api/v2/ob/clusters/{id}/failover",
    ),
    (
        "tenant-failover-precheck.zh.json",
        "POST",
        "/api/v2/ob/clusters/{id}/tenants/{tenantId}/failoverPreCheck",
    ),
    (
        "tenant-failover.json",
        "POST",
        "/api/v2/ob/clusters/{id}/tenants/{tenantId}/failover",
    ),
];

/// OCP documentation pages with reply samples (the folder `OCP_SEEDS_DIR` names, when set):
/// each reply sample in them, with the operation named by the page's first request path line.
/// The samples this project was built from are in `fixtures/seeds/` already; this reads more
/// pages when someone has them (a newer OCP's docs, say) without copying them in.
fn shared_seed_samples() -> Vec<(String, String, String, Value)> {
    let dir = std::env::var_os("OCP_SEEDS_DIR")
        .map(std::path::PathBuf::from)
        .filter(|d| d.is_dir());
    let Some(dir) = dir else { return Vec::new() };
    let mut out = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let Some((method, template)) = request_line(&text) else {
            continue;
        };
        for sample in envelopes(&text) {
            out.push((file_name(&f), method.clone(), template.clone(), sample));
        }
    }
    out
}

fn file_name(p: &Path) -> String {
    p.file_name().unwrap().to_string_lossy().into_owned()
}

/// `POST /api/v2/ob/clusters/{id:[\\d]+}/failover` → ("POST", "/api/v2/ob/clusters/{id}/failover").
fn request_line(text: &str) -> Option<(String, String)> {
    let line = text.lines().find(|l| {
        let l = l.trim().trim_start_matches('`');
        l.starts_with("POST /api") || l.starts_with("GET /api")
    })?;
    let l = line.trim().trim_matches('`');
    let (method, path) = l.split_once(' ')?;
    let mut template = String::new();
    let mut rest = path.trim();
    while let Some(open) = rest.find('{') {
        let close = rest[open..].find('}')? + open;
        let name = rest[open + 1..close].split(':').next()?;
        template.push_str(&rest[..open]);
        template.push_str(&format!("{{{name}}}"));
        rest = &rest[close + 1..];
        // `{id:[\\d]+}`: the regex's own braces close later.
        if let Some(stripped) = rest.strip_prefix('}') {
            rest = stripped;
        }
    }
    template.push_str(rest);
    Some((method.to_string(), template))
}

/// Every JSON object in `text` that is an OCP envelope (has `successful`).
fn envelopes(text: &str) -> Vec<Value> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(at) = text[i..].find('{') {
        let start = i + at;
        let mut it = serde_json::Deserializer::from_str(&text[start..]).into_iter::<Value>();
        match it.next() {
            Some(Ok(v)) if v.get("successful").is_some() => {
                out.push(v);
                i = start + it.byte_offset();
            }
            _ => i = start + 1,
        }
    }
    out
}

#[test]
fn every_seed_sample_matches_the_contract() {
    let c = contract();
    let dir = crate_dir().join("fixtures/seeds");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| file_name(&e.path()))
        .collect();
    names.sort();
    let mapped: Vec<String> = FIXTURE_SEEDS
        .iter()
        .map(|(n, _, _)| n.to_string())
        .collect();
    assert_eq!(
        names,
        {
            let mut m = mapped.clone();
            m.sort();
            m
        },
        "map every fixture seed to its operation"
    );
    let mut checked = 0;
    let mut bad = Vec::new();
    for (name, method, template) in FIXTURE_SEEDS {
        let v: Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join(name)).unwrap()).unwrap();
        for m in c.check_reply(method, Some(template), 200, &v, true) {
            bad.push(format!("{name}: {} {}", m.pointer, m.expected));
        }
        checked += 1;
    }
    for (name, method, template, v) in shared_seed_samples() {
        for m in c.check_reply(&method, Some(&template), 200, &v, true) {
            bad.push(format!(
                "{name} ({method} {template}): {} {}",
                m.pointer, m.expected
            ));
        }
        checked += 1;
    }
    assert!(bad.is_empty(), "{bad:#?}");
    assert!(checked >= FIXTURE_SEEDS.len());
    eprintln!("{checked} seed samples match the contract");
}

#[test]
fn the_seed_documents_are_read_as_written() {
    assert_eq!(
        request_line("### 请求路径\n\n`POST /api/v2/ob/clusters/{id:[\\\\d]+}/failover`\n"),
        Some(("POST".into(), "/api/v2/ob/clusters/{id}/failover".into()))
    );
    assert_eq!(
        request_line("Request path\nPOST /api/v2/ob/clusters/{id}/tenants/failoverPreCheck\n"),
        Some((
            "POST".into(),
            "/api/v2/ob/clusters/{id}/tenants/failoverPreCheck".into()
        ))
    );
    let text =
        "x {userName: 1} ```json\n{\"data\": {\"a\": {}}, \"successful\": true}\n``` {\"b\": 2}";
    assert_eq!(
        envelopes(text),
        vec![json!({"data": {"a": {}}, "successful": true})]
    );
}

#[test]
fn ocps_tolerated_variants_pass_and_a_wrong_reply_is_caught_with_its_pointer() {
    let c = contract();
    let env = |data: Value| {
        json!({"data": data, "duration": 3, "server": "x", "status": 200, "successful": true,
                                     "timestamp": "2024-07-23T17:42:34.069+08:00", "traceId": "2692bd8d54b25810"})
    };
    let detail = "/api/v2/tasks/instances/{taskInstanceId}";
    // Longs as numbers or strings, creator as a name or an object.
    for (id, creator) in [
        (json!(12), json!("admin")),
        (
            json!("1721726455929000000"),
            json!({"id": 1, "name": "admin"}),
        ),
    ] {
        let ok = env(json!({"id": id, "creator": creator, "status": "RUNNING",
                            "subtasks": [{"id": "13025788", "status": "PENDING", "upstreams": [1, "2"], "downstreams": []}]}));
        assert!(
            c.check_reply("GET", Some(detail), 200, &ok, true)
                .is_empty(),
            "{ok}"
        );
    }
    let wrong = env(json!({"id": "12x", "creator": 5, "status": "DONE",
                           "subtasks": [{"id": 1, "status": "PENDING", "upstreams": "1"}]}));
    let found: BTreeSet<String> = c
        .check_reply("GET", Some(detail), 200, &wrong, true)
        .into_iter()
        .map(|m| m.pointer)
        .collect();
    let want: BTreeSet<String> = [
        "/data/id",
        "/data/creator",
        "/data/status",
        "/data/subtasks/0/upstreams",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    assert_eq!(found, want);
    // An error reply is OCP's error envelope; a code may be a string; a missing message is not.
    let err = |error: Value| {
        json!({"duration": 1, "error": error, "server": "x", "status": 404, "successful": false,
                                    "timestamp": "2024-07-23T17:42:34.069+08:00", "traceId": "2692bd8d54b25810"})
    };
    assert!(c
        .check_reply(
            "GET",
            Some(detail),
            404,
            &err(json!({"code": "NOT_FOUND", "message": "no"})),
            true
        )
        .is_empty());
    let m = c.check_reply("GET", Some(detail), 404, &err(json!({"code": 20000})), true);
    assert_eq!(m.len(), 1, "{m:?}");
    assert_eq!(m[0].pointer, "/error");
    assert!(
        m[0].expected.contains("\"message\" is a required property"),
        "{}",
        m[0].expected
    );
    // A no-data reply must not carry data; a fallback's reply must still be an envelope.
    let skip = "/api/v2/tasks/instances/{taskInstanceId}/subtasks/{subtaskInstanceId}/skip";
    assert!(!c
        .check_reply("POST", Some(skip), 200, &env(json!({})), true)
        .is_empty());
    assert!(!c
        .check_reply("GET", None, 404, &json!({"error": "nope"}), true)
        .is_empty());
}

async fn post_raw(
    s: &Mock,
    user: Option<(&str, &str)>,
    path: &str,
    body: &str,
    lang: &str,
) -> (StatusCode, Value) {
    let mut req = s
        .client
        .post(s.url(path))
        .header("Accept-Language", lang)
        .header("Content-Type", "application/json")
        .body(body.to_string());
    if let Some((u, p)) = user {
        req = req.basic_auth(u, Some(p));
    }
    let r = req.send().await.unwrap();
    (r.status(), r.json().await.unwrap())
}

#[tokio::test]
async fn a_body_that_breaks_the_contract_gets_ocps_400_naming_the_pointer() {
    let s = Mock::start().await;
    let failover = "/api/v2/ob/clusters/3000012/tenants/2000031/failover";
    let batch = "/api/v2/ob/clusters/3000012/tenants/failover";
    let gfc = "/gfc/failover/doFailoverback";
    let cases = [
        // a wrong body type
        (
            failover,
            r#"{"serviceName": 5}"#,
            "/serviceName",
            "5 is not of type \"string\"",
        ),
        (
            failover,
            r#"["SERVICE_B"]"#,
            "the body itself",
            "is not of type \"object\"",
        ),
        // a missing required field
        (
            batch,
            r#"{"failoverTenantItemList": [{"serviceName": "S"}]}"#,
            "/failoverTenantItemList/0",
            "\"tenantId\" is a required property",
        ),
        (
            batch,
            "{}",
            "the body itself",
            "\"failoverTenantItemList\" is a required property",
        ),
        (batch, "", "the body itself", "a JSON body"),
        // a Long that is neither a number nor digits
        (
            batch,
            r#"{"failoverTenantItemList": [{"tenantId": "x"}]}"#,
            "/failoverTenantItemList/0/tenantId",
            "does not match \"^[1-9][0-9]{0,17}$\"",
        ),
        // an unknown enum value
        (
            gfc,
            r#"{"componentIDs": "7922", "isfailover": 2}"#,
            "/isfailover",
            "2 is not one of 0 or 1",
        ),
    ];
    for (path, body, at, expected) in cases {
        let (st, v) = post_raw(&s, Some(ADMIN), path, body, "en-US").await;
        assert_eq!(st, StatusCode::BAD_REQUEST, "{path} {body}: {v}");
        assert_eq!(v["status"], json!(400));
        assert_eq!(v["successful"], json!(false));
        assert_eq!(
            v["error"]["code"],
            json!(0),
            "OCP's validation failure code"
        );
        let msg = v["error"]["message"].as_str().unwrap();
        assert!(
            msg.starts_with(&format!("Invalid request body at {at}: expected ")),
            "{body}: {msg}"
        );
        assert!(msg.contains(expected), "{body}: {msg}");
    }
    // In Chinese too, with the same pointer.
    let (_, v) = post_raw(&s, Some(ADMIN), failover, r#"{"serviceName": 5}"#, "zh-CN").await;
    assert!(
        v["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("请求体在 /serviceName 处无效"),
        "{v}"
    );
    // Nothing was launched by any of them (the list holds only the finished earlier drills).
    let (_, tasks) = s.get("/api/v2/tasks/instances?status=RUNNING").await;
    assert_eq!(tasks["data"]["contents"], json!([]));
    // Credentials come first (401, not 400), as from OCP; malformed JSON keeps its own message.
    let (st, _) = post_raw(&s, None, failover, r#"{"serviceName": 5}"#, "en-US").await;
    assert_eq!(st, StatusCode::UNAUTHORIZED);
    let (st, v) = post_raw(&s, Some(ADMIN), failover, r#"{"serviceName":"#, "en-US").await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    assert!(
        v["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("Malformed JSON request"),
        "{v}"
    );
    // A body the contract accepts reaches the handler.
    let (st, v) = post_raw(
        &s,
        Some(ADMIN),
        failover,
        r#"{"serviceName": "SERVICE_B"}"#,
        "en-US",
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{v}");
    assert_eq!(v["data"]["status"], json!("RUNNING"));
}

#[tokio::test]
async fn replay_stubs_answer_before_the_contract_check() {
    let s = Mock::start().await;
    let path = "/api/v2/ob/clusters/3000012/tenants/2000031/failover";
    s.admin(
        "/__admin/stubs",
        json!({"request": {"method": "POST", "path": path},
                                     "response": {"status": 200, "body": {"recorded": true}}}),
    )
    .await;
    let (st, v) = post_raw(&s, Some(ADMIN), path, r#"{"serviceName": 5}"#, "en-US").await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(v, json!({"recorded": true}));
}

fn drift_file(tag: &str) -> PathBuf {
    let f = std::env::temp_dir().join(format!("mock-contract-{tag}-{}.jsonl", std::process::id()));
    let _ = std::fs::remove_file(&f);
    f
}

fn read_lines(f: &Path) -> Vec<Value> {
    std::fs::read_to_string(f)
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[tokio::test]
async fn check_replies_finds_no_drift_in_a_session_over_every_area() {
    let file = drift_file("session");
    let s = Mock::with(Config {
        check_replies: Some(file.clone()),
        ..Config::for_tests()
    })
    .await;
    let c = "/api/v2/ob/clusters/3000012";
    for path in [
        "/api/v2/ob/clusters",
        c,
        &format!("{c}/tenants"),
        &format!("{c}/tenants/2000031"),
        "/api/v2/iam/current/user",
        "/gfc/failover/getCheckTypes",
        "/gfc/failover/searchByComponentIds?componentIdsStr=7922,99",
        "/api/v2/nothing",
        "/api/v2/ob/clusters/abc",
        "/api/v2/tasks/instances/424242",
    ] {
        s.get_as(Some(ADMIN), path).await;
    }
    for path in [
        format!("{c}/tenants/2000031/failoverPreCheck"),
        format!("{c}/tenants/failoverPreCheck"),
        format!("{c}/failoverPreCheck"),
        "/api/v2/ob/clusters/6/switchoverPreCheck".into(),
        "/api/v2/ob/clusters/3000009/tenants/2000021/switchoverPreCheck".into(),
    ] {
        s.post("admin", &path, None).await;
    }
    let primary = "/api/v2/ob/clusters/3000009/tenants/2000021/switchoverPreCheck";
    let (st, v) = s
        .post("admin", primary, Some(json!({"standbyTenantId": 2000031})))
        .await;
    assert_eq!(st, StatusCode::OK, "{v}");
    let (st, task) = s
        .post(
            "admin",
            &format!("{c}/tenants/2000031/failover"),
            Some(json!({"serviceName": "S"})),
        )
        .await;
    assert_eq!(st, StatusCode::OK);
    let id = task["data"]["id"].as_i64().unwrap();
    let sub = task["data"]["subtasks"][0]["id"].as_i64().unwrap();
    s.get(&format!("/api/v2/tasks/instances/{id}")).await;
    s.get("/api/v2/tasks/instances").await;
    s.get(&format!("/api/v2/tasks/instances/{id}/subtasks/{sub}/log"))
        .await;
    s.post(
        "admin",
        &format!("/api/v2/tasks/instances/{id}/retry"),
        None,
    )
    .await;
    s.post(
        "viewer",
        &format!("/api/v2/tasks/instances/{id}/rollback"),
        None,
    )
    .await;
    s.post(
        "admin",
        "/api/v2/ob/clusters/3000012/tenants/2000031/failover",
        Some(json!({"serviceName": 5})),
    )
    .await;
    let launch = json!({"userName": "u", "componentIDs": "7922", "estFailbackTime": "2099-03-15 01:48 am", "isfailover": 1,
                        "reason": "r", "woInfo": "{\"7922\":\"CHG1\"}"});
    let (st, v) = s
        .post(
            "admin",
            "/gfc/failover/doPreFailBackCheck",
            Some(launch.clone()),
        )
        .await;
    assert_eq!(st, StatusCode::OK, "{v}");
    let sid = v["data"]["sessionId"].as_str().unwrap().to_string();
    s.get(&format!(
        "/gfc/failover/getPreCheckStatus?sessionIdStr={sid},"
    ))
    .await;
    let (st, v) = s
        .post("admin", "/gfc/failover/doFailoverback", Some(launch))
        .await;
    assert_eq!(st, StatusCode::OK, "{v}");
    let lid = v["data"]["sessionId"].as_str().unwrap().to_string();
    s.get(&format!(
        "/gfc/failover/getFOBOperations?sessionIdStr={lid},&failoverbackMark=failover"
    ))
    .await;
    s.get(&format!("/gfc/failover/report?sessionIdStr={lid},"))
        .await;
    for path in [
        "/__admin/journal",
        "/__admin/faults",
        "/__admin/stubs",
        "/__admin/clock",
        "/__admin/task-faults",
        "/__admin/openapi.json",
    ] {
        s.get_as(None, path).await;
    }
    s.admin("/__admin/clock", json!({"advanceSeconds": 30}))
        .await;
    let r = s
        .client
        .post(s.url("/__admin/faults"))
        .json(&json!({"status": 200}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    let lines = read_lines(&file);
    assert!(
        lines.is_empty(),
        "the mock's replies drifted from the contract: {lines:#?}"
    );
    std::fs::remove_file(&file).ok();
}

#[tokio::test]
async fn check_replies_skips_stubs_and_injected_faults() {
    let file = drift_file("excluded");
    let s = Mock::with(Config {
        check_replies: Some(file.clone()),
        ..Config::for_tests()
    })
    .await;
    s.admin("/__admin/stubs", json!({"request": {"method": "GET", "path": "/api/v2/ob/clusters/3000012"},
                                     "response": {"status": 200, "body": {"data": {"id": "not a long"}}}}))
        .await;
    s.admin(
        "/__admin/faults",
        json!({"path": "/api/v2/iam", "kind": "malformed"}),
    )
    .await;
    s.admin(
        "/__admin/faults",
        json!({"path": "/gfc/failover/getCheckTypes", "kind": "truncated"}),
    )
    .await;
    s.get_as(Some(ADMIN), "/api/v2/ob/clusters/3000012").await;
    s.get_as(Some(ADMIN), "/api/v2/iam/current/user").await;
    s.get_as(Some(ADMIN), "/gfc/failover/getCheckTypes").await;
    assert!(read_lines(&file).is_empty(), "{:#?}", read_lines(&file));
    std::fs::remove_file(&file).ok();
}
