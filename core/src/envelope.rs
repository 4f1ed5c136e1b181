//! OCP's response envelope (ocp-api.md §2-3). Every field is optional on the way in, so a
//! half-broken backend yields a clear error instead of a parse failure; `None` is omitted on the
//! way out, as OCP's mapper does (`NON_ABSENT`).

use crate::Long;
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Envelope<T> {
    /// Absent on no-data replies (cancel subtask, rollback).
    #[serde(default = "none", skip_serializing_if = "Option::is_none")]
    pub data: Option<T>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<Long>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<ApiError>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub successful: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trace_id: Option<String>,
}

// `#[serde(default)]` on a generic field would require `T: Default`.
fn none<T>() -> Option<T> {
    None
}

/// `error` of a failed reply. `code` is an int in OCP (0 when no code applies); other backends
/// send strings, so both are accepted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct ApiError {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<ErrorCode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub debug_message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stack_trace: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_errors: Option<Vec<serde_json::Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<serde_json::Value>,
}

/// An error code as OCP (int) or other services (string) send it; written back unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ErrorCode {
    Int(i64),
    Text(String),
}

impl ErrorCode {
    /// OCP uses 0 for "no specific code"; the console does not show it.
    pub fn is_meaningful(&self) -> bool {
        match self {
            ErrorCode::Int(n) => *n != 0,
            ErrorCode::Text(s) => !s.trim().is_empty() && s.trim() != "0",
        }
    }

    pub fn as_int(&self) -> Option<i64> {
        match self {
            ErrorCode::Int(n) => Some(*n),
            ErrorCode::Text(s) => s.trim().parse().ok(),
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorCode::Int(n) => n.fmt(f),
            ErrorCode::Text(s) => f.write_str(s),
        }
    }
}

/// `data` of a paged list (`contents` + `page`) or an iterable one (`contents` only).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Paged<T> {
    #[serde(default = "Vec::new")]
    pub contents: Vec<T>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<PageInfo>,
}

/// `page.number` is 1-based in OCP.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct PageInfo {
    #[serde(default)]
    pub number: Long,
    #[serde(default)]
    pub size: Long,
    #[serde(default)]
    pub total_elements: Long,
    #[serde(default)]
    pub total_pages: Long,
}
