//! Replay stubs over real HTTP: loading stub files, the admin API, matching (before auth and
//! faults), replies sent byte for byte, the journal's stub ids, and reset.

mod common;

use common::Mock;
use mock_server::http::stubs::{load_dir, parse_file};
use mock_server::Config;
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::path::PathBuf;

/// A fresh folder holding `files` (name, text).
fn folder(files: &[(&str, &str)]) -> PathBuf {
    static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("mock-stubs-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    dir
}

async fn with_stubs(dir: PathBuf) -> Mock {
    Mock::with(Config {
        stubs: Some(dir),
        ..Config::for_tests()
    })
    .await
}

fn stub(method: &str, path: &str, body: Value) -> Value {
    json!({"request": {"method": method, "path": path}, "response": {"status": 200, "body": body}})
}

impl Mock {
    async fn add_stub(&self, stub: Value) -> String {
        let r = self
            .client
            .post(self.url("/__admin/stubs"))
            .json(&stub)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::CREATED);
        let v: Value = r.json().await.unwrap();
        v["id"].as_str().unwrap().to_string()
    }

    async fn stubs(&self) -> Vec<Value> {
        let r = self
            .client
            .get(self.url("/__admin/stubs"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        r.json().await.unwrap()
    }

    async fn journal(&self) -> Vec<Value> {
        let r = self.client.get(self.url("/__admin/journal")).send().await;
        let v: Value = r.unwrap().json().await.unwrap();
        v["entries"].as_array().cloned().unwrap_or_default()
    }

    /// A request without credentials: (status, content type, body bytes).
    async fn raw(&self, method: &str, path: &str) -> (StatusCode, Option<String>, Vec<u8>) {
        let m = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let r = self.client.request(m, self.url(path)).send().await.unwrap();
        let ct = r
            .headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_string());
        (r.status(), ct, r.bytes().await.unwrap().to_vec())
    }

    async fn json_of(&self, method: &str, path: &str) -> (StatusCode, Value) {
        let (status, _, body) = self.raw(method, path).await;
        (status, serde_json::from_slice(&body).unwrap_or(Value::Null))
    }
}

const ONE: &str = r#"{"request": {"method": "GET", "path": "/api/v2/ob/clusters"},
  "response": {"body": {"data": {"contents": []}, "successful": true, "from": "a.json"}}}"#;
const TWO: &str = r#"[
  {"request": {"method": "get", "path": "/api/v2/ob/clusters"},
   "response": {"status": 200, "body": {"from": "b.json 0"}}},
  {"request": {"method": "POST", "path": "/gfc/failover/doFailoverback"},
   "response": {"status": 500, "body": "<html>Bad gateway</html>", "headers": {"Content-Type": "text/html"}}}
]"#;

#[tokio::test]
async fn a_folder_loads_in_file_name_order_and_the_last_loaded_wins() {
    let dir = folder(&[
        ("b.json", TWO),
        ("a.json", ONE),
        ("notes.txt", "not a stub"),
    ]);
    let m = with_stubs(dir.clone()).await;
    let list = m.stubs().await;
    let ids: Vec<_> = list.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["s3", "s2", "s1"], "match order, last loaded first");
    let sources: Vec<_> = list.iter().map(|s| s["source"].as_str().unwrap()).collect();
    let a = dir.join("a.json").display().to_string();
    let b = dir.join("b.json").display().to_string();
    assert_eq!(sources, [b.as_str(), b.as_str(), a.as_str()]);
    assert_eq!(
        list[1]["request"]["method"], "GET",
        "method kept upper case"
    );

    // b.json's first stub was loaded after a.json's: it wins.
    let (status, body) = m.json_of("GET", "/api/v2/ob/clusters").await;
    assert_eq!(
        (status, body),
        (StatusCode::OK, json!({"from": "b.json 0"}))
    );
    let (status, ct, body) = m.raw("POST", "/gfc/failover/doFailoverback").await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(ct.as_deref(), Some("text/html"));
    assert_eq!(body, b"<html>Bad gateway</html>");

    // Without b.json's stub, a.json's answers.
    let r = m.client.delete(m.url("/__admin/stubs/s2")).send().await;
    assert_eq!(r.unwrap().status(), StatusCode::OK);
    let (_, body) = m.json_of("GET", "/api/v2/ob/clusters").await;
    assert_eq!(body["from"], "a.json");
}

#[tokio::test]
async fn a_bad_stub_file_stops_the_server_naming_the_file_and_the_pointer() {
    let dir = folder(&[
        ("a.json", ONE),
        (
            "b.json",
            r#"{"request": {"method": "GET", "path": "api/v2/ob/clusters"}, "response": {}}"#,
        ),
    ]);
    let err = match mock_server::AppState::new(Config {
        stubs: Some(dir.clone()),
        ..Config::for_tests()
    }) {
        Ok(_) => panic!("a bad stub file was accepted"),
        Err(e) => e,
    };
    let file = dir.join("b.json").display().to_string();
    assert_eq!(
        err,
        format!("{file}: /request/path: expected a string starting with \"/\", got \"api/v2/ob/clusters\"")
    );

    // The binary: a clear message and a non-zero exit, before it listens.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_mock-server"))
        .args(["--port", "0", "--stubs"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "error: {file}: /request/path: expected a string starting with \"/\""
        )),
        "{stderr}"
    );
    assert!(!String::from_utf8_lossy(&out.stdout).contains("listening"));
}

#[test]
fn the_loader_names_the_pointer_and_what_was_expected() {
    let cases: &[(&str, &str)] = &[
        (
            r#"{"request": {"path": "/api/x"}, "response": {}}"#,
            "/request: missing field `method`",
        ),
        (
            r#"{"request": {"method": "GET"}, "response": {}}"#,
            "/request: missing field `path`",
        ),
        (
            r#"{"request": {"method": "GET", "path": "/api/x"}}"#,
            "(top level): missing field `response`",
        ),
        (
            r#"{"request": {"method": "G T", "path": "/api/x"}, "response": {}}"#,
            "/request/method: expected an HTTP method such as \"GET\" or \"POST\", got \"G T\"",
        ),
        (
            r#"{"request": {"method": "GET", "path": "/index.html"}, "response": {}}"#,
            "/request/path: expected a path under /api/ or /gfc/",
        ),
        (
            r#"{"request": {"method": "GET", "path": "/__admin/stubs"}, "response": {}}"#,
            "/request/path: expected a path under /api/ or /gfc/",
        ),
        (
            r#"{"request": {"method": "GET", "path": "/api/x?page=1"}, "response": {}}"#,
            "/request/path: expected a path without \"?\"",
        ),
        (
            r#"{"request": {"method": "GET", "path": "/api/x", "query": {"page": 1}}, "response": {}}"#,
            "/request/query/page: invalid type: integer `1`, expected a string",
        ),
        (
            r#"{"request": {"method": "GET", "path": "/api/x"}, "response": {"status": 42}}"#,
            "/response/status: expected an HTTP status from 200 to 599, got 42",
        ),
        (
            r#"{"request": {"method": "GET", "path": "/api/x"}, "response": {"status": "200"}}"#,
            "/response/status: invalid type: string \"200\", expected u16",
        ),
        (
            r#"{"request": {"method": "GET", "path": "/api/x"}, "response": {"headers": {"X": 1}}}"#,
            "/response/headers/X: invalid type: integer `1`, expected a string",
        ),
        (
            r#"{"request": {"method": "GET", "path": "/api/x"}, "response": {"headers": {"X": "a\nb"}}}"#,
            "/response/headers/X: expected a header value",
        ),
        (
            r#"{"request": {"method": "GET", "path": "/api/x"}, "response": {"stauts": 200}}"#,
            "/response/stauts: unknown field `stauts`, expected one of `status`, `headers`, `body`",
        ),
        (
            r#"{"request": {"method": "DELETE", "path": "/api/x"}, "response": {"status": 204, "body": ""}}"#,
            "/response/body: expected no body: a 204 reply has none",
        ),
        (
            r#"[{"request": {"method": "GET", "path": "/api/x"}, "response": {}}, {"request": {"method": "GET", "path": "/api/x"}, "response": []}]"#,
            "/1/response: expected an object, got an array",
        ),
        (r#"[1]"#, "/0: expected a stub object"),
        (
            r#"5"#,
            "(top level): expected a stub object or an array of them, got a number",
        ),
        (
            r#"{"request": "#,
            "not valid JSON: EOF while parsing a value at line 1 column 12",
        ),
    ];
    for (text, expected) in cases {
        let err = parse_file(text).expect_err(text).to_string();
        assert!(
            err.starts_with(expected),
            "{text}\n  gave {err}\n  not {expected}"
        );
    }

    // A good file of each shape; defaults filled in.
    let one = parse_file(&format!("\u{feff}{ONE}")).unwrap();
    assert_eq!(one.len(), 1);
    assert_eq!(one[0].response.status, 200);
    assert!(one[0].response.headers.is_empty());
    assert_eq!(parse_file(TWO).unwrap().len(), 2);
    let empty = parse_file(
        r#"{"request": {"method": "delete", "path": "/api/x"}, "response": {"status": 204}}"#,
    )
    .unwrap();
    assert_eq!(empty[0].response.body, None);
    assert_eq!(empty[0].request.method, "DELETE");

    // load_dir prefixes the file's path.
    let dir = folder(&[("a.json", ONE), ("z.json", "[1]")]);
    let err = load_dir(&dir).unwrap_err();
    let file = dir.join("z.json").display().to_string();
    assert!(
        err.starts_with(&format!("{file}: /0: expected a stub object")),
        "{err}"
    );
    let missing = load_dir(&dir.join("nowhere")).unwrap_err();
    assert!(
        missing.starts_with("cannot read the stubs folder"),
        "{missing}"
    );
    let good = folder(&[("b.json", TWO), ("a.json", ONE)]);
    let loaded = load_dir(&good).unwrap();
    let sources: Vec<_> = loaded
        .iter()
        .map(|(f, _)| f.rsplit('/').next().unwrap())
        .collect();
    assert_eq!(sources, ["a.json", "b.json", "b.json"]);
}

#[tokio::test]
async fn the_admin_api_adds_lists_and_removes_stubs() {
    let m = Mock::start().await;
    assert_eq!(m.stubs().await, Vec::<Value>::new());
    let s1 = m
        .add_stub(stub("GET", "/api/v2/ob/clusters", json!({"n": 1})))
        .await;
    let s2 = m
        .add_stub(stub("GET", "/api/v2/ob/clusters/1", json!({"n": 2})))
        .await;
    assert_ne!(s1, s2);
    let list = m.stubs().await;
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["id"], json!(s2), "latest first: the match order");
    assert_eq!(list[1]["id"], json!(s1));
    assert_eq!(list[0]["source"], "api");
    assert_eq!(
        list[1]["request"],
        json!({"method": "GET", "path": "/api/v2/ob/clusters"})
    );
    assert_eq!(
        list[1]["response"],
        json!({"status": 200, "body": {"n": 1}})
    );

    // A bad body: 400 naming the pointer and what was expected (the contract's Stub).
    let r = m
        .client
        .post(m.url("/__admin/stubs"))
        .json(&json!({"request": {"method": "GET", "path": "/"}, "response": {}}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["pointer"], "/request/path");
    let e = v["error"].as_str().unwrap();
    assert!(
        e.contains(r#"/request/path: expected "/" does not match "^/(api|gfc)/[^?#]*$""#),
        "{e}"
    );
    for bad in [
        "[]",
        "{",
        r#"{"request": {"method": "GET", "path": "/api/x"}}"#,
    ] {
        let r = m
            .client
            .post(m.url("/__admin/stubs"))
            .body(bad)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{bad}");
    }
    assert_eq!(m.stubs().await.len(), 2, "refused stubs are not added");

    let del = |path: String| {
        let c = m.client.clone();
        let url = m.url(&path);
        async move { c.delete(url).send().await.unwrap().status() }
    };
    assert_eq!(del(format!("/__admin/stubs/{s1}")).await, StatusCode::OK);
    assert_eq!(
        del(format!("/__admin/stubs/{s1}")).await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        del("/__admin/stubs/s999".into()).await,
        StatusCode::NOT_FOUND
    );
    let list = m.stubs().await;
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["id"], json!(s2));
    let (status, _) = m.json_of("GET", "/api/v2/ob/clusters").await;
    assert_eq!(
        status,
        StatusCode::UNAUTHORIZED,
        "the removed stub no longer answers"
    );

    m.add_stub(stub("GET", "/api/v2/ob/clusters", json!({})))
        .await;
    assert_eq!(del("/__admin/stubs".into()).await, StatusCode::OK);
    assert_eq!(m.stubs().await, Vec::<Value>::new());
    let (status, _) = m.json_of("GET", "/api/v2/ob/clusters/1").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_stub_answers_before_auth_faults_and_the_simulation() {
    let m = Mock::start().await;
    let path = "/api/v2/ob/clusters";
    let (status, _) = m.json_of("GET", path).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "no credentials, no stub");
    m.admin("/__admin/faults", json!({"path": path, "status": 503}))
        .await;

    m.add_stub(stub("GET", path, json!({"stubbed": true})))
        .await;
    let (status, body) = m.json_of("GET", path).await;
    assert_eq!((status, body), (StatusCode::OK, json!({"stubbed": true})));
    let (status, _) = m.get(path).await;
    assert_eq!(status, StatusCode::OK, "with credentials too");

    // Only the stubbed method and exact path; the rest still meets the fault.
    let (status, _) = m.json_of("POST", path).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    let (status, _) = m.json_of("GET", "/api/v2/ob/clusters/").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);

    // Method case-insensitively; the latest added wins.
    m.add_stub(stub("get", path, json!({"second": true}))).await;
    let (_, body) = m.json_of("GET", path).await;
    assert_eq!(body, json!({"second": true}));
}

#[tokio::test]
async fn every_query_key_of_a_stub_must_match() {
    let m = Mock::start().await;
    let path = "/api/v2/tasks/instances";
    m.add_stub(json!({
        "request": {"method": "GET", "path": path, "query": {"status": "RUNNING,FAILED", "name": "a b"}},
        "response": {"body": {"matched": true}}
    }))
    .await;
    let hit = |q: &str| format!("{path}?{q}");
    for q in [
        "status=RUNNING%2CFAILED&name=a%20b",
        "name=a+b&status=RUNNING,FAILED&page=2",
    ] {
        let (status, body) = m.json_of("GET", &hit(q)).await;
        assert_eq!(
            (status, body),
            (StatusCode::OK, json!({"matched": true})),
            "{q}"
        );
    }
    for q in [
        "status=RUNNING,FAILED",
        "status=RUNNING&name=a%20b",
        "",
        "Status=RUNNING,FAILED&name=a%20b",
    ] {
        let (status, _) = m.json_of("GET", &hit(q)).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{q} must not match");
    }
}

#[tokio::test]
async fn bodies_are_sent_as_recorded() {
    let m = Mock::start().await;
    let path = "/api/v2/ob/clusters/3000012/tenants/2000031/failoverPreCheck";
    let raw = "\u{feff}{\"data\": {}, \"successful\": true}";
    m.add_stub(json!({
        "request": {"method": "POST", "path": path},
        "response": {"status": 200, "headers": {"Content-Type": "application/json;charset=UTF-8", "X-Trace": "t1", "Content-Length": "99999"}, "body": raw}
    }))
    .await;
    let r = m.client.post(m.url(path)).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(
        r.headers()["content-type"],
        "application/json;charset=UTF-8"
    );
    assert_eq!(r.headers()["x-trace"], "t1");
    assert_eq!(
        r.bytes().await.unwrap(),
        raw.as_bytes(),
        "the string, BOM and spacing kept"
    );

    // A string without a content type is text; a JSON value is JSON.
    m.add_stub(stub(
        "GET",
        "/api/v2/iam/current/user",
        json!("<html>Sign in</html>"),
    ))
    .await;
    let (status, ct, body) = m.raw("GET", "/api/v2/iam/current/user").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(ct.as_deref(), Some("text/plain; charset=utf-8"));
    assert_eq!(body, b"<html>Sign in</html>");
    m.add_stub(stub(
        "GET",
        "/api/v2/ob/clusters",
        json!({"b": [1, null], "a": "x"}),
    ))
    .await;
    let (_, ct, body) = m.raw("GET", "/api/v2/ob/clusters").await;
    assert_eq!(ct.as_deref(), Some("application/json"));
    assert_eq!(body, br#"{"a":"x","b":[1,null]}"#);
    m.add_stub(stub("GET", "/api/v2/ob/clusters/1", Value::Null))
        .await;
    let (_, _, body) = m.raw("GET", "/api/v2/ob/clusters/1").await;
    assert_eq!(body, b"null", "an explicit null is a body");
}

#[tokio::test]
async fn a_stub_without_body_answers_empty() {
    let m = Mock::start().await;
    let path = "/api/v2/tasks/instances/1/subtasks/2/skip";
    m.add_stub(json!({"request": {"method": "POST", "path": path}, "response": {"status": 204}}))
        .await;
    let (status, ct, body) = m.raw("POST", path).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(ct, None);
    assert!(body.is_empty());

    // Status defaults to 200.
    m.add_stub(json!({"request": {"method": "GET", "path": "/gfc/failover/getCheckTypes"}, "response": {}}))
        .await;
    let (status, ct, body) = m.raw("GET", "/gfc/failover/getCheckTypes").await;
    assert_eq!((status, ct, body), (StatusCode::OK, None, vec![]));
}

#[tokio::test]
async fn the_journal_names_the_stub_that_answered() {
    let m = Mock::start().await;
    let id = m
        .add_stub(stub("GET", "/api/v2/ob/clusters", json!({})))
        .await;
    m.json_of("GET", "/api/v2/ob/clusters").await;
    m.get("/api/v2/ob/clusters/3000009").await;
    let journal = m.journal().await;
    assert_eq!(journal.len(), 2, "{journal:?}");
    assert_eq!(journal[0]["path"], "/api/v2/ob/clusters");
    assert_eq!(journal[0]["status"], 200);
    assert_eq!(journal[0]["stub"], json!(id));
    assert_eq!(journal[1]["path"], "/api/v2/ob/clusters/3000009");
    assert!(journal[1].get("stub").is_none(), "{:?}", journal[1]);
}

#[tokio::test]
async fn reset_drops_the_apis_stubs_and_restores_the_loaded_ones() {
    let dir = folder(&[("a.json", ONE)]);
    let m = with_stubs(dir).await;
    let added = m
        .add_stub(stub(
            "GET",
            "/api/v2/ob/clusters/3000009",
            json!({"added": true}),
        ))
        .await;
    assert_eq!(added, "s2", "ids continue after the loaded ones");
    m.client
        .delete(m.url("/__admin/stubs/s1"))
        .send()
        .await
        .unwrap();
    assert_eq!(m.stubs().await.len(), 1);

    m.admin("/__admin/reset", json!({})).await;
    let list = m.stubs().await;
    let ids: Vec<_> = list.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["s1"]);
    let (status, body) = m.json_of("GET", "/api/v2/ob/clusters").await;
    assert_eq!(
        (status, body["from"].clone()),
        (StatusCode::OK, json!("a.json"))
    );
    let (status, _) = m.json_of("GET", "/api/v2/ob/clusters/3000009").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "the API's stub is gone");

    // Ids are never reused.
    let next = m
        .add_stub(stub("GET", "/api/v2/ob/clusters/1", json!({})))
        .await;
    assert_eq!(next, "s3");
}
