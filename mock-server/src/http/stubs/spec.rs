//! Stub files and the admin API's stub objects: what a stub is (`StubSpec`) and how one is read,
//! with errors naming the JSON pointer and what was expected.

use axum::http::{HeaderName, HeaderValue, Method};
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

/// One recorded exchange, as written in a stub file or posted to `/__admin/stubs`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StubSpec {
    pub request: RequestPattern,
    pub response: RecordedReply,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestPattern {
    /// Required; compared case-insensitively, kept upper case.
    #[serde(deserialize_with = "method")]
    pub method: String,
    /// Required; compared exactly with the path as sent (percent-encoded), under /api/ or /gfc/.
    #[serde(deserialize_with = "api_path")]
    pub(crate) path: String,
    /// Each key must be in the request's query with exactly this (decoded) value; the request
    /// may carry other keys too.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(crate) query: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordedReply {
    /// Default 200.
    #[serde(default = "ok", deserialize_with = "status")]
    pub status: u16,
    /// Default none. Content-Length, Transfer-Encoding, Connection, Keep-Alive and
    /// Content-Encoding are ignored: the mock sends the body plain and computes those itself.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub headers: BTreeMap<HeaderKey, HeaderText>,
    /// A string is sent as is (raw text); any other JSON value (`null` included) is sent
    /// serialized; absent: an empty body.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub body: Option<Value>,
}

/// A header name, checked when read.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct HeaderKey(pub(crate) String);

/// A header value, checked when read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct HeaderText(pub(crate) String);

fn ok() -> u16 {
    200
}

fn method<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let s = String::deserialize(d)?;
    if s.is_empty() || Method::from_bytes(s.as_bytes()).is_err() {
        return Err(D::Error::custom(format!(
            "expected an HTTP method such as \"GET\" or \"POST\", got {s:?}"
        )));
    }
    Ok(s.to_ascii_uppercase())
}

fn api_path<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let s = String::deserialize(d)?;
    if !s.starts_with('/') {
        return Err(D::Error::custom(format!(
            "expected a string starting with \"/\", got {s:?}"
        )));
    }
    if !(s.starts_with("/api/") || s.starts_with("/gfc/")) {
        return Err(D::Error::custom(format!(
            "expected a path under /api/ or /gfc/ (the console's files and /__admin are never \
             stubbed), got {s:?}"
        )));
    }
    if s.contains(['?', '#']) {
        return Err(D::Error::custom(format!(
            "expected a path without \"?\" or \"#\" (put the query in request.query), got {s:?}"
        )));
    }
    Ok(s)
}

fn status<'de, D: Deserializer<'de>>(d: D) -> Result<u16, D::Error> {
    let n = u16::deserialize(d)?;
    if !(200..=599).contains(&n) {
        return Err(D::Error::custom(format!(
            "expected an HTTP status from 200 to 599, got {n}"
        )));
    }
    Ok(n)
}

/// `"body": null` is a body (`null`), unlike an absent body.
fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Value>, D::Error> {
    Value::deserialize(d).map(Some)
}

impl<'de> Deserialize<'de> for HeaderKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        HeaderName::from_bytes(s.as_bytes())
            .map(|_| HeaderKey(s.clone()))
            .map_err(|_| D::Error::custom(format!("expected a header name, got {s:?}")))
    }
}

impl<'de> Deserialize<'de> for HeaderText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        HeaderValue::from_str(&s)
            .map(|_| HeaderText(s.clone()))
            .map_err(|_| {
                D::Error::custom(format!(
                    "expected a header value (visible ASCII, one line), got {s:?}"
                ))
            })
    }
}

/// Why a stub was refused: where (a JSON pointer; `None` when the text is not JSON at all) and
/// what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StubError {
    pub(crate) pointer: Option<String>,
    pub(crate) message: String,
}

impl StubError {
    fn at(pointer: &str, message: impl Into<String>) -> StubError {
        StubError {
            pointer: Some(pointer.to_string()),
            message: message.into(),
        }
    }

    /// The same error inside item `index` of an array.
    fn in_item(mut self, index: usize) -> StubError {
        self.pointer = Some(format!("/{index}{}", self.pointer.unwrap_or_default()));
        self
    }
}

impl fmt::Display for StubError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.pointer.as_deref() {
            None => write!(f, "{}", self.message),
            Some("") => write!(f, "(top level): {}", self.message),
            Some(p) => write!(f, "{p}: {}", self.message),
        }
    }
}

fn pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for seg in path.iter() {
        out.push('/');
        match seg {
            Segment::Seq { index } => out.push_str(&index.to_string()),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                out.push_str(&key.replace('~', "~0").replace('/', "~1"))
            }
            Segment::Unknown => out.push('?'),
        }
    }
    out
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Reads one stub object.
pub(crate) fn parse_stub(value: Value) -> Result<StubSpec, StubError> {
    if !value.is_object() {
        return Err(StubError::at(
            "",
            format!(
                "expected a stub object {{\"request\": …, \"response\": …}}, got {}",
                kind(&value)
            ),
        ));
    }
    // Serde would also read a struct from an array, by position: refuse that form.
    for part in ["request", "response"] {
        if let Some(v) = value.get(part).filter(|v| !v.is_object()) {
            return Err(StubError::at(
                &format!("/{part}"),
                format!("expected an object, got {}", kind(v)),
            ));
        }
    }
    let spec: StubSpec = serde_path_to_error::deserialize(value).map_err(|e| StubError {
        pointer: Some(pointer(e.path())),
        message: e.into_inner().to_string(),
    })?;
    if matches!(spec.response.status, 204 | 304) && spec.response.body.is_some() {
        return Err(StubError::at(
            "/response/body",
            format!(
                "expected no body: a {} reply has none",
                spec.response.status
            ),
        ));
    }
    Ok(spec)
}

/// Reads a stub file's text: one stub object or an array of them (a leading BOM is ignored).
pub fn parse_file(text: &str) -> Result<Vec<StubSpec>, StubError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| StubError {
        pointer: None,
        message: format!("not valid JSON: {e}"),
    })?;
    match value {
        Value::Array(items) => items
            .into_iter()
            .enumerate()
            .map(|(i, v)| parse_stub(v).map_err(|e| e.in_item(i)))
            .collect(),
        Value::Object(_) => parse_stub(value).map(|s| vec![s]),
        other => Err(StubError::at(
            "",
            format!(
                "expected a stub object or an array of them, got {}",
                kind(&other)
            ),
        )),
    }
}

/// Every `*.json` in `dir`, in file-name order, each stub with the file it came from.
/// The error reads `DIR/FILE: POINTER: what was expected`.
pub fn load_dir(dir: &Path) -> Result<Vec<(String, StubSpec)>, String> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read the stubs folder {}: {e}", dir.display()))?;
    let mut files: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    let mut out = Vec::new();
    for file in files {
        let name = file.display().to_string();
        let text =
            std::fs::read_to_string(&file).map_err(|e| format!("{name}: cannot read: {e}"))?;
        let specs = parse_file(&text).map_err(|e| format!("{name}: {e}"))?;
        out.extend(specs.into_iter().map(|s| (name.clone(), s)));
    }
    Ok(out)
}
