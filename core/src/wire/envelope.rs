//! OCP's response envelope (docs/ocp-api.md §2-3). Every field is optional on the way in, so a
//! half-broken backend yields a clear error instead of a parse failure; `None` is omitted on the
//! way out, as OCP's mapper does (`NON_ABSENT`).

use crate::wire::lenient::{self, Read, Unreadable};
use crate::Long;
use serde::de::{self, DeserializeOwned, Deserializer};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Envelope<T> {
    /// Absent on no-data replies (cancel subtask, rollback).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<T>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration: Option<Long>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<ApiError>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub server: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub successful: Option<bool>,
    /// The server's clock; OCP writes an ISO time, other stacks epoch milliseconds (read as text).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trace_id: Option<String>,
}

impl<T> Envelope<T> {
    /// A success with no body at all (HTTP 204, or an empty 200 answering a write).
    pub fn empty() -> Self {
        Envelope {
            data: None,
            duration: None,
            error: None,
            server: None,
            status: None,
            successful: None,
            timestamp: None,
            trace_id: None,
        }
    }
}

impl<T> Envelope<T> {
    /// The same envelope around other data.
    pub fn with_data<U>(self, data: Option<U>) -> Envelope<U> {
        Envelope {
            data,
            duration: self.duration,
            error: self.error,
            server: self.server,
            status: self.status,
            successful: self.successful,
            timestamp: self.timestamp,
            trace_id: self.trace_id,
        }
    }
}

impl Envelope<()> {
    /// Reads everything but `data`, which comes back still as JSON (`None` when absent or
    /// null). Not generic, so the bundle holds it once rather than once per reply type.
    pub fn split(v: Value) -> Result<(Envelope<()>, Option<Value>), String> {
        let Value::Object(mut map) = v else {
            return Err(format!(
                "expected an OCP envelope (a JSON object), found {}",
                crate::wire::lenient::raw_text(&v)
            ));
        };
        let mut bad = Unreadable::default();
        let data = match map.remove("data") {
            None | Some(Value::Null) => None,
            Some(d) => Some(d),
        };
        let head = Envelope {
            data: None,
            duration: lenient::field(&map, "duration", &mut bad),
            error: lenient::field(&map, "error", &mut bad),
            server: lenient::field(&map, "server", &mut bad),
            status: lenient::field(&map, "status", &mut bad),
            successful: lenient::field(&map, "successful", &mut bad),
            timestamp: lenient::field(&map, "timestamp", &mut bad),
            trace_id: lenient::field(&map, "traceId", &mut bad),
        };
        Ok((head, data))
    }
}

impl<T: DeserializeOwned> Envelope<T> {
    /// Reads an envelope field by field: an odd `timestamp` or `duration` never costs the
    /// reply. Only `data` must have the shape the caller asked for; the error says why not.
    pub fn from_value(v: Value) -> Result<Self, String> {
        let (head, data) = Envelope::split(v)?;
        let data = match data {
            None => None,
            Some(d) => Some(serde_json::from_value::<T>(d).map_err(|e| format!("data: {e}"))?),
        };
        Ok(head.with_data(data))
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Envelope<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Envelope::from_value(Value::deserialize(d)?).map_err(de::Error::custom)
    }
}

ocp_struct! {
    /// `error` of a failed reply. `code` is an int in OCP (0 when no code applies); other
    /// backends send strings, so both are accepted.
    pub struct ApiError {
        code: ErrorCode = "code",
        debug_message: String = "debugMessage",
        message: String = "message",
        stack_trace: Vec<String> = "stackTrace",
        sub_errors: Vec<Value> = "subErrors",
        target: Value = "target",
    }
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

impl Read for ErrorCode {
    fn read(v: &Value, at: &str, bad: &mut Unreadable) -> Option<Self> {
        match v {
            Value::Number(n) => Some(
                n.as_i64()
                    .map_or_else(|| ErrorCode::Text(n.to_string()), ErrorCode::Int),
            ),
            Value::String(s) => Some(ErrorCode::Text(s.clone())),
            Value::Null => None,
            other => {
                bad.push(at.to_string(), other.clone());
                None
            }
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

/// `data` of a paged list (`contents` + `page`) or an iterable one (`contents` only). `null` or
/// absent `contents` is an empty list; an item that cannot be read is left out and kept in
/// `unreadable` (`/contents/3`), so one odd row never costs the page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Paged<T> {
    pub contents: Vec<T>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<PageInfo>,
    #[serde(skip)]
    pub unreadable: Unreadable,
}

impl<T> Paged<T> {
    pub fn new(contents: Vec<T>, page: Option<PageInfo>) -> Self {
        Paged {
            contents,
            page,
            unreadable: Unreadable::default(),
        }
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Paged<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = Value::deserialize(d)?;
        let Value::Object(mut map) = v else {
            return Err(de::Error::custom(format!(
                "expected a list object with `contents`, found {}",
                crate::wire::lenient::raw_text(&v)
            )));
        };
        let mut bad = Unreadable::default();
        let mut contents = Vec::new();
        match map.remove("contents") {
            None | Some(Value::Null) => {}
            Some(Value::Array(items)) => {
                contents.reserve(items.len());
                for (i, item) in items.into_iter().enumerate() {
                    if item.is_null() {
                        bad.push(format!("/contents/{i}"), Value::Null);
                        continue;
                    }
                    let keep = item.clone();
                    match serde_json::from_value::<T>(item) {
                        Ok(t) => contents.push(t),
                        Err(_) => bad.push(format!("/contents/{i}"), keep),
                    }
                }
            }
            Some(other) => bad.push("/contents".into(), other),
        }
        let page = lenient::field(&map, "page", &mut bad);
        Ok(Paged {
            contents,
            page,
            unreadable: bad,
        })
    }
}

ocp_struct! {
    /// `page.number` is 1-based in OCP. Any field may be missing or unreadable.
    pub struct PageInfo {
        number: Long = "number",
        size: Long = "size",
        total_elements: Long = "totalElements",
        total_pages: Long = "totalPages",
    }
}

impl PageInfo {
    /// How many pages there are, from `totalPages` or else `totalElements` and `size`.
    pub fn pages(&self) -> Option<u32> {
        let n = self.total_pages.map(|p| p.0).or_else(|| {
            let (t, s) = (self.total_elements?.0, self.size?.0);
            (s > 0).then(|| (t + s - 1) / s)
        })?;
        u32::try_from(n.max(1)).ok()
    }
}
