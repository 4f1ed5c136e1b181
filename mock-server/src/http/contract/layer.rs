//! The contract middleware: the contract (`http::contract`) at the door. `requests` answers a
//! JSON body that breaks it with OCP's 400 envelope naming the JSON pointer and the expectation,
//! as Prism does, before the handler reads it; `replies` (only with `--check-replies FILE`)
//! checks every reply the handlers write and appends each mismatch to that file. Both sit inside
//! `stubs` and `faults`, so recorded replies and injected breakage (deliberately off-contract)
//! are never checked.

use crate::http::contract::{report_line, Mismatch};
use crate::http::ctx::{authenticated, full_path, lang_of, read_body};
use crate::http::envelope::Meta;
use crate::http::state::AppState;
use crate::sim::refusal::Refusal;
use axum::body::Body;
use axum::extract::{MatchedPath, Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use console_core::wire::codes;
use serde_json::{json, Value};
use std::io::Write;
use std::sync::Mutex;

fn template(req: &Request) -> Option<String> {
    req.extensions()
        .get::<MatchedPath>()
        .map(|m| m.as_str().to_string())
}

/// Checks the body of an operation that takes one. Requests without valid credentials pass
/// unread (the handler answers 401 first), and so does JSON that does not parse (the handler's
/// "Malformed JSON request" names the syntax error).
pub(crate) async fn requests(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let contract = state.contract();
    // Most requests (every GET) stop here, having allocated nothing.
    let takes_body = req
        .extensions()
        .get::<MatchedPath>()
        .is_some_and(|t| contract.takes_body(req.method().as_str(), t.as_str()));
    if !takes_body {
        return next.run(req).await;
    }
    let method = req.method().as_str().to_string();
    let Some(template) = template(&req) else {
        return next.run(req).await;
    };
    let (parts, body) = req.into_parts();
    if !authenticated(&parts) {
        return next.run(Request::from_parts(parts, body)).await;
    }
    let lang = lang_of(&parts);
    let bytes = match read_body(Request::from_parts(parts.clone(), body), &state).await {
        Ok(b) => b,
        Err(refused) => return refused,
    };
    let parsed = if bytes.iter().all(u8::is_ascii_whitespace) {
        Some(None)
    } else {
        serde_json::from_slice::<Value>(&bytes).ok().map(Some)
    };
    if let Some(value) = parsed {
        if let Err(m) = contract.check_request(&method, &template, value.as_ref()) {
            return Meta::new(&state).refuse(&refusal(&m), lang);
        }
        if let Some(whole) = value.and_then(whole_numbers) {
            return next
                .run(Request::from_parts(parts, Body::from(whole)))
                .await;
        }
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

/// The same check for the `/__admin` controls, whose bodies are as strict as the contract says:
/// a body that breaks it is answered 400 with the controls' plain `{error, pointer}`, before the
/// handler's parser sees it. No credentials there (the mock binds to loopback).
pub(crate) async fn admin_requests(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    let contract = state.contract();
    let Some(template) = template(&req) else {
        return next.run(req).await;
    };
    let method = req.method().as_str().to_string();
    if !contract.takes_body(&method, &template) {
        return next.run(req).await;
    }
    let (parts, body) = req.into_parts();
    let bytes = match axum::body::to_bytes(body, ADMIN_BODY_LIMIT).await {
        Ok(b) => b,
        Err(e) => {
            let error = format!("the body could not be read: {e}");
            return (StatusCode::BAD_REQUEST, Json(json!({ "error": error }))).into_response();
        }
    };
    let value = if bytes.iter().all(u8::is_ascii_whitespace) {
        None
    } else {
        match serde_json::from_slice::<Value>(&bytes) {
            Ok(v) => Some(v),
            Err(e) => {
                let error = format!("not JSON: {e}");
                return (StatusCode::BAD_REQUEST, Json(json!({ "error": error }))).into_response();
            }
        }
    };
    if let Err(m) = contract.check_request(&method, &template, value.as_ref()) {
        let at = if m.pointer.is_empty() {
            "the body itself"
        } else {
            m.pointer.as_str()
        };
        let error = format!(
            "invalid body at {at}: expected {}. See GET /__admin/openapi.json.",
            m.expected
        );
        return (
            StatusCode::BAD_REQUEST,
            Json(json!({ "error": error, "pointer": m.pointer })),
        )
            .into_response();
    }
    let bytes = value.and_then(whole_numbers).unwrap_or(bytes.to_vec());
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

/// Largest `/__admin` body read (a stub's recorded reply can be large).
const ADMIN_BODY_LIMIT: usize = 16 * 1024 * 1024;

/// JSON Schema's `integer` takes `5.0` as well as `5`, and so does OCP's Jackson; serde does
/// not. The body rewritten with every whole-valued float inside the i64 range as an integer,
/// or `None` when it has none (the bytes go on unchanged).
fn whole_numbers(mut v: Value) -> Option<Vec<u8>> {
    const I64_SPAN: std::ops::Range<f64> = -9.223_372_036_854_776e18..9.223_372_036_854_776e18;
    fn fix(v: &mut Value) -> bool {
        let mut changed = false;
        match v {
            Value::Number(n) if n.is_f64() => {
                if let Some(f) = n
                    .as_f64()
                    .filter(|f| f.fract() == 0.0 && I64_SPAN.contains(f))
                {
                    *v = Value::from(f as i64);
                    changed = true;
                }
            }
            // Every item is visited (no short cut): each may need rewriting.
            Value::Array(a) => a.iter_mut().for_each(|x| changed |= fix(x)),
            Value::Object(o) => o.values_mut().for_each(|x| changed |= fix(x)),
            _ => {}
        }
        changed
    }
    if fix(&mut v) {
        serde_json::to_vec(&v).ok()
    } else {
        None
    }
}

/// OCP's validation failure: 400 with no specific code (docs/ocp-api.md §3.1).
fn refusal(m: &Mismatch) -> Refusal {
    let at = if m.pointer.is_empty() {
        "the body itself".to_string()
    } else {
        m.pointer.clone()
    };
    let at_zh = if m.pointer.is_empty() {
        "请求体本身".to_string()
    } else {
        m.pointer.clone()
    };
    Refusal::new(
        400,
        codes::NONE,
        format!(
            "Invalid request body at {at}: expected {}. See GET /__admin/openapi.json.",
            m.expected
        ),
        format!(
            "请求体在 {at_zh} 处无效：应为 {}。参见 GET /__admin/openapi.json。",
            m.expected
        ),
    )
}

/// One writer at a time, so lines of concurrent replies do not interleave.
static REPORT: Mutex<()> = Mutex::new(());

/// With `--check-replies FILE`: checks the reply against the operation's schema for its status
/// (`/api` and `/gfc` replies of no operation, the fallbacks, against OCP's error envelope) and
/// appends a JSON line per mismatch: method, path, status, pointer, expected.
pub(crate) async fn replies(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let Some(file) = state.config().check_replies.clone() else {
        return next.run(req).await;
    };
    let method = req.method().as_str().to_string();
    let path = full_path(&req);
    let template = template(&req);
    let resp = next.run(req).await;
    let (parts, body) = resp.into_parts();
    let bytes = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(b) => b,
        Err(e) => {
            let status = axum::http::StatusCode::INTERNAL_SERVER_ERROR;
            return (status, format!("reply could not be read: {e}")).into_response();
        }
    };
    let status = parts.status.as_u16();
    let envelope = !path.starts_with("/__admin");
    let mismatches = match serde_json::from_slice::<Value>(&bytes) {
        Ok(v) => state
            .contract()
            .check_reply(&method, template.as_deref(), status, &v, envelope),
        Err(e) => vec![Mismatch {
            pointer: String::new(),
            expected: format!("a JSON body ({e})"),
        }],
    };
    if !mismatches.is_empty() {
        let lines: String = mismatches
            .iter()
            .map(|m| report_line(&method, &path, status, m) + "\n")
            .collect();
        let _one = REPORT.lock().unwrap_or_else(|e| e.into_inner());
        let written = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&file)
            .and_then(|mut f| f.write_all(lines.as_bytes()));
        if let Err(e) = written {
            eprintln!("mock-server: cannot append to {}: {e}", file.display());
        }
    }
    Response::from_parts(parts, Body::from(bytes))
}
