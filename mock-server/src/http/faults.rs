//! Faults armed through the admin API (`middleware::faults` applies them to matching `/api` and
//! `/gfc` requests): added latency, an error status with an OCP error body, malformed JSON, a
//! truncated body, a reset connection, or a hang until the client gives up. A fault may be
//! limited to a number of hits.

use axum::http::StatusCode;
use serde::{Deserialize, Serialize};

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
    pub fn matches(&self, method: &str, path: &str) -> bool {
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
