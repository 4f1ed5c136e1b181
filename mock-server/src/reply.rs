//! Writes OCP envelopes exactly as OCP does: keys sorted, nulls omitted, `status` equal to the
//! HTTP status, an OCP-style timestamp and a 16-hex trace id.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use console_core::json::sorted;
use console_core::time::Offset;
use serde::Serialize;
use serde_json::{json, Map, Value};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

/// The demo OCP's server zone: UTC+8, OCP's default and what the seed samples carry.
pub const SERVER_ZONE: Offset = Offset::UTC8;

/// OCP's timestamp format: ISO-8601, milliseconds, offset (`2024-07-23T17:42:33.754+08:00`),
/// in the demo OCP's zone.
pub fn ocp_time(t: console_core::time::Instant) -> String {
    t.to_ocp(SERVER_ZONE)
}

pub fn now_ocp() -> String {
    ocp_time(console_core::time::Instant::now())
}

static TRACE: AtomicU64 = AtomicU64::new(0);

/// 16 hex characters, distinct per reply.
pub fn trace_id() -> String {
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
pub struct Meta {
    pub started: Instant,
    pub server: String,
    /// The server's time: the simulated clock, so timestamps agree with task times.
    pub timestamp: String,
}

impl Meta {
    pub fn new(state: &crate::state::AppState) -> Meta {
        Meta {
            started: Instant::now(),
            server: state.server().to_string(),
            timestamp: state.server_time(),
        }
    }
}

impl Meta {
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
    pub fn ok<T: Serialize>(&self, data: &T) -> Response {
        let mut m = self.base(StatusCode::OK);
        match serde_json::to_value(data) {
            Ok(v) => {
                m.insert("data".into(), v);
                body(StatusCode::OK, Value::Object(m))
            }
            Err(e) => self.error(
                StatusCode::INTERNAL_SERVER_ERROR,
                10010,
                &format!("mock could not serialize its reply: {e}"),
            ),
        }
    }

    /// `NoDataResponse`: no `data` key at all.
    pub fn ok_no_data(&self) -> Response {
        body(StatusCode::OK, Value::Object(self.base(StatusCode::OK)))
    }

    /// `ErrorResponse`: `{successful:false, status, error:{code, message}}` with that HTTP status.
    pub fn error(&self, status: StatusCode, code: i64, message: &str) -> Response {
        let mut m = self.base(status);
        m.insert("error".into(), json!({ "code": code, "message": message }));
        body(status, Value::Object(m))
    }
}

pub fn body(status: StatusCode, v: Value) -> Response {
    let text = serde_json::to_string(&sorted(v)).unwrap_or_else(|_| "{}".to_string());
    let mut resp = (status, text).into_response();
    resp.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    resp
}

/// An error envelope for places without a request context (fallbacks, rejections).
pub fn bare_error(
    state: &crate::state::AppState,
    status: StatusCode,
    code: i64,
    message: &str,
) -> Response {
    Meta::new(state).error(status, code, message)
}
