//! Faults armed through the admin API and applied to matching `/api` and `/gfc` requests: added
//! latency, an error status with an OCP error body, malformed JSON, a truncated body, a reset
//! connection, or a hang until the client gives up. A fault may be limited to a number of hits.

use crate::journal::full_path;
use crate::state::AppState;
use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::IntoResponse;
use axum::response::Response;
use serde::{Deserialize, Serialize};
use std::time::Duration;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Fault {
    /// Path prefix the fault applies to, e.g. `/api/v2/ob/clusters`; `*` or absent: every path.
    #[serde(default)]
    pub path: Option<String>,
    /// HTTP method, e.g. `POST`; absent: any.
    #[serde(default)]
    pub method: Option<String>,
    /// Delay before the request is handled (or the error returned).
    #[serde(default)]
    pub latency_ms: Option<u64>,
    /// Answer with this status and an OCP error body instead of handling the request.
    #[serde(default)]
    pub status: Option<u16>,
    #[serde(default)]
    pub code: Option<i64>,
    #[serde(default)]
    pub message: Option<String>,
    /// How many requests it hits before it disarms itself; absent: until cleared.
    #[serde(default)]
    pub times: Option<u32>,
    /// What goes wrong besides latency and status (default: the status, if any).
    #[serde(default)]
    pub kind: Option<Breakage>,
}

/// A broken reply, beyond an error status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Breakage {
    /// HTTP 200 with a body that is not JSON.
    Malformed,
    /// The real reply, cut in half (a consistent Content-Length; the JSON ends mid-way).
    Truncated,
    /// The request is handled (a write takes effect), then the connection drops mid-reply.
    Reset,
    /// The request is handled, then no reply for an hour: the client's timeout must act.
    Hang,
}

impl Fault {
    fn matches(&self, method: &str, path: &str) -> bool {
        let path_ok = match self.path.as_deref() {
            None | Some("*") | Some("") => true,
            Some(prefix) => path.starts_with(prefix),
        };
        let method_ok = self
            .method
            .as_deref()
            .is_none_or(|m| m.eq_ignore_ascii_case(method));
        path_ok && method_ok
    }

    pub fn validate(&self) -> Result<(), String> {
        if let Some(s) = self.status {
            if StatusCode::from_u16(s).is_err() || s < 400 {
                return Err(format!("status {s} is not an HTTP error status (400-599)"));
            }
        }
        if self.status.is_none() && self.latency_ms.is_none() && self.kind.is_none() {
            return Err("a fault needs a status, a latencyMs or a kind".into());
        }
        if self.status.is_some() && self.kind.is_some() {
            return Err("give a status or a kind, not both".into());
        }
        Ok(())
    }
}

/// Applies the first armed fault that matches the request.
pub async fn apply(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let hit = {
        let mut faults = state.faults();
        let method = req.method().as_str().to_string();
        let path = full_path(&req);
        let idx = faults.iter().position(|f| f.matches(&method, &path));
        idx.map(|i| {
            let f = faults[i].clone();
            if let Some(times) = faults[i].times.as_mut() {
                *times = times.saturating_sub(1);
                if *times == 0 {
                    faults.remove(i);
                }
            }
            f
        })
    };
    let Some(fault) = hit else {
        return next.run(req).await;
    };
    if let Some(ms) = fault.latency_ms {
        tokio::time::sleep(Duration::from_millis(ms)).await;
    }
    match fault.kind {
        Some(Breakage::Malformed) => {
            return (
                StatusCode::OK,
                [(header::CONTENT_TYPE, "application/json")],
                "{\"data\": {\"contents\": [ <html>502 Bad Gateway</html>",
            )
                .into_response()
        }
        Some(Breakage::Truncated) => {
            let resp = next.run(req).await;
            let (parts, body) = resp.into_parts();
            let bytes = axum::body::to_bytes(body, usize::MAX)
                .await
                .unwrap_or_default();
            let cut = bytes.slice(..bytes.len() / 2);
            let mut parts = parts;
            parts.headers.remove(header::CONTENT_LENGTH);
            return Response::from_parts(parts, axum::body::Body::from(cut));
        }
        Some(Breakage::Reset) => {
            let _handled = next.run(req).await;
            // The first bytes go out before the drop: a reply lost mid-way. (A connection
            // closed before any byte makes Chromium resend the request on a new one, writes
            // included; that is the browser's behaviour, not the console's.)
            use futures_util::StreamExt;
            let first = futures_util::stream::iter([Ok::<_, std::io::Error>(
                axum::body::Bytes::from_static(b"{\"data\":"),
            )]);
            let drop = futures_util::stream::once(async {
                tokio::time::sleep(Duration::from_millis(200)).await;
                Err(std::io::Error::new(
                    std::io::ErrorKind::ConnectionReset,
                    "injected reset",
                ))
            });
            let stream = first.chain(drop);
            return (
                StatusCode::OK,
                [(header::CONTENT_TYPE, "application/json")],
                axum::body::Body::from_stream(stream),
            )
                .into_response();
        }
        Some(Breakage::Hang) => {
            let handled = next.run(req).await;
            tokio::time::sleep(Duration::from_secs(3600)).await;
            return handled;
        }
        None => {}
    }
    match fault.status.and_then(|s| StatusCode::from_u16(s).ok()) {
        Some(status) => crate::reply::bare_error(
            &state,
            status,
            fault.code.unwrap_or(10010),
            fault
                .message
                .as_deref()
                .unwrap_or("Injected fault: the mock server was told to fail this request."),
        ),
        None => next.run(req).await,
    }
}
