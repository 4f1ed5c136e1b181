//! The envelope writer: OCP's envelopes exactly as OCP writes them (keys sorted, nulls omitted,
//! `status` equal to the HTTP status, an OCP-style timestamp and a 16-hex trace id). Every error
//! reply of the mock is written by one function, `Meta::refuse`, from a `sim::Refusal`.

use crate::http::json::sorted;
use crate::http::state::AppState;
use crate::sim::refusal::{Refusal, INTERNAL_ERROR};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use console_core::i18n::Lang;
use console_core::wire::codes;
use serde::Serialize;
use serde_json::{json, Map, Value};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

static TRACE: AtomicU64 = AtomicU64::new(0);

/// 16 hex characters, distinct per reply.
pub(crate) fn trace_id() -> String {
    use std::hash::{BuildHasher, Hasher};
    let n = TRACE.fetch_add(1, Ordering::Relaxed);
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(n);
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0),
    );
    format!("{:016x}", h.finish())
}

/// Per-request facts every envelope needs.
#[derive(Clone)]
pub(crate) struct Meta {
    pub(crate) started: Instant,
    pub(crate) server: String,
    /// The server's time: the simulated clock, so timestamps agree with task times.
    pub(crate) timestamp: String,
}

impl Meta {
    pub(crate) fn new(state: &AppState) -> Meta {
        Meta {
            started: Instant::now(),
            server: state.server().to_string(),
            timestamp: state.server_time(),
        }
    }

    fn base(&self, status: StatusCode) -> Map<String, Value> {
        let mut m = Map::new();
        m.insert(
            "duration".into(),
            json!(self.started.elapsed().as_millis() as u64),
        );
        m.insert("server".into(), json!(self.server));
        m.insert("status".into(), json!(status.as_u16()));
        m.insert("successful".into(), json!(status.is_success()));
        m.insert("timestamp".into(), json!(self.timestamp));
        m.insert("traceId".into(), json!(trace_id()));
        m
    }

    /// `SuccessResponse` with `data`.
    pub(crate) fn ok<T: Serialize>(&self, data: &T) -> Response {
        let mut m = self.base(StatusCode::OK);
        match serde_json::to_value(data) {
            Ok(v) => {
                m.insert("data".into(), v);
                body(StatusCode::OK, Value::Object(m))
            }
            Err(e) => self.refuse(
                &Refusal::same(
                    INTERNAL_ERROR,
                    codes::UNEXPECTED,
                    format!("mock could not serialize its reply: {e}"),
                ),
                Lang::En,
            ),
        }
    }

    /// `SuccessResponse` around `data`, JSON already written with sorted keys (a kept rendering,
    /// `http::task_replies`). The other fields are written as for [`Meta::ok`]; `data` sorts
    /// before all of them, so it goes first.
    pub(crate) fn ok_rendered(&self, data: &str) -> Response {
        let base = to_text(Value::Object(self.base(StatusCode::OK)));
        let rest = base.strip_prefix('{').unwrap_or(&base);
        let mut text = String::with_capacity(data.len() + base.len() + 9);
        text.push_str("{\"data\":");
        text.push_str(data);
        text.push(',');
        text.push_str(rest);
        json_body(StatusCode::OK, text)
    }

    /// `NoDataResponse`: no `data` key at all.
    pub(crate) fn ok_no_data(&self) -> Response {
        body(StatusCode::OK, Value::Object(self.base(StatusCode::OK)))
    }

    /// `ErrorResponse`: `{successful:false, status, error:{code, message}}` with the refusal's
    /// HTTP status and its message in `lang`. The only writer of OCP's error envelope.
    pub(crate) fn refuse(&self, r: &Refusal, lang: Lang) -> Response {
        let status = StatusCode::from_u16(r.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut m = self.base(status);
        m.insert(
            "error".into(),
            json!({ "code": r.code, "message": r.message(lang) }),
        );
        body(status, Value::Object(m))
    }
}

fn to_text(v: Value) -> String {
    serde_json::to_string(&sorted(v)).unwrap_or_else(|_| "{}".to_string())
}

fn body(status: StatusCode, v: Value) -> Response {
    json_body(status, to_text(v))
}

fn json_body(status: StatusCode, text: String) -> Response {
    let mut resp = (status, text).into_response();
    resp.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    resp
}

/// The error envelope for places without a request context (fallbacks, body rejections,
/// injected faults): their refusals carry one text, so the language does not matter.
pub(crate) fn refuse_bare(state: &AppState, r: &Refusal) -> Response {
    Meta::new(state).refuse(r, Lang::En)
}
