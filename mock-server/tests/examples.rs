//! The contract's examples (docs/openapi.json) name what the demo estate holds, with
//! `mock-server/schemathesis.scenario.json`'s tasks: Schemathesis's examples phase sends them
//! first, and each must reach the operation's logic, not a 404. Sent here in the contract's
//! order, as the examples phase does, each must be answered 2xx.

mod common;

use common::Mock;
use mock_server::Config;
use reqwest::Method;
use serde_json::{json, Value};
use std::path::PathBuf;

const CONTRACT: &str = include_str!("../../docs/openapi.json");

/// The controls whose examples change what later requests get (a seeded 503, a stub): sent
/// last, as Schemathesis tests them in a run of their own.
const LAST: [&str; 4] = ["addFault", "addStub", "removeStub", "gfcMode"];

/// One operation's example request: method, path with its parameters, query, body.
struct Example {
    id: String,
    method: Method,
    path: String,
    query: Vec<(String, String)>,
    body: Option<Value>,
}

fn text(v: &Value) -> String {
    v.as_str().map_or_else(|| v.to_string(), str::to_string)
}

/// Every operation with an example, in the contract's order; `None` for one whose required
/// parameter has none.
fn examples(doc: &Value) -> Vec<Result<Example, String>> {
    let mut out = Vec::new();
    for (template, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let Ok(method) = method.to_uppercase().parse::<Method>() else {
                continue;
            };
            let id = op["operationId"].as_str().unwrap().to_string();
            let params = op["parameters"].as_array().cloned().unwrap_or_default();
            let body = op["requestBody"]["content"]["application/json"]["example"].clone();
            let has_any = !body.is_null() || params.iter().any(|p| !p["example"].is_null());
            if !has_any {
                continue;
            }
            let mut path = template.clone();
            let mut query = Vec::new();
            let mut missing = None;
            for p in &params {
                let name = p["name"].as_str().unwrap();
                match (&p["example"], p["in"].as_str()) {
                    (Value::Null, _) if p["required"] == json!(true) => missing = Some(name),
                    (Value::Null, _) => {}
                    (v, Some("path")) => path = path.replace(&format!("{{{name}}}"), &text(v)),
                    (v, _) => query.push((name.to_string(), text(v))),
                }
            }
            out.push(match missing {
                Some(name) => Err(format!("{id}: no example for the required {name}")),
                None => Ok(Example {
                    id,
                    method,
                    path,
                    query,
                    body: (!body.is_null()).then_some(body),
                }),
            });
        }
    }
    out
}

#[tokio::test]
async fn every_example_is_answered_2xx_by_the_schemathesis_mock() {
    let doc: Value = serde_json::from_str(CONTRACT).unwrap();
    let scenario = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("schemathesis.scenario.json");
    let m = Mock::with(Config {
        scenario: Some(scenario),
        ..Config::for_tests()
    })
    .await;
    // As cargo xtask schemathesis does: the scenario's failing steps have failed.
    m.admin("/__admin/clock", json!({"advanceSeconds": 5}))
        .await;
    let (mut first, mut last): (Vec<_>, Vec<_>) = examples(&doc)
        .into_iter()
        .map(|e| e.unwrap_or_else(|m| panic!("{m}")))
        .partition(|e| !LAST.contains(&e.id.as_str()));
    first.append(&mut last);
    assert!(
        first.len() >= 30,
        "{} operations have examples",
        first.len()
    );
    for e in first {
        let mut req = m
            .client
            .request(e.method.clone(), m.url(&e.path))
            .query(&e.query)
            .basic_auth("admin", Some("admin"));
        if let Some(b) = &e.body {
            req = req.json(b);
        }
        let r = req.send().await.unwrap();
        let status = r.status();
        let text = r.text().await.unwrap();
        assert!(
            status.is_success(),
            "{} {} {:?}: {status} {text}",
            e.id,
            e.path,
            e.query
        );
    }
}
