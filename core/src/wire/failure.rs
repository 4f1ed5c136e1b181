//! How a reply (or the lack of one) becomes something the console can tell the operator.
//! The SPA's transport only supplies an HTTP status and a body; every decision about what that
//! means lives here, where native tests check it.

use crate::{Envelope, ErrorCode};
use serde::de::DeserializeOwned;

/// Why a request did not produce the data the page asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiFailure {
    /// No reply at all: the server is unreachable, the connection was reset, CORS refused.
    Network { detail: String },
    /// No reply within the configured timeout. For a write, the outcome is unknown.
    Timeout { after_ms: u32 },
    /// The server answered with an error status or `successful: false`.
    Http {
        status: u16,
        code: Option<ErrorCode>,
        message: Option<String>,
        trace_id: Option<String>,
    },
    /// The server answered 2xx, but the body is not what OCP sends (truncated JSON, wrong shape).
    Malformed { status: u16, detail: String },
    /// The body is not JSON at all: a proxy's HTML error page, a login redirect, plain text.
    NotJson {
        status: u16,
        content_type: Option<String>,
        /// The first line of readable text (an HTML page's title), for the operator.
        first_line: String,
    },
}

impl ApiFailure {
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiFailure::Http { status, .. }
            | ApiFailure::Malformed { status, .. }
            | ApiFailure::NotJson { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// 401: the credentials are missing, wrong or expired; the console returns to sign-in.
    pub fn is_unauthorized(&self) -> bool {
        self.status() == Some(401)
    }

    /// 403: signed in, but the role does not permit this.
    pub fn is_forbidden(&self) -> bool {
        self.status() == Some(403)
    }

    /// Whether a *read* may be retried: transport failures, timeouts, 5xx, 429 and garbled bodies.
    /// Writes are never retried, whatever this says.
    pub fn is_transient(&self) -> bool {
        match self {
            ApiFailure::Network { .. } | ApiFailure::Timeout { .. } => true,
            ApiFailure::Malformed { .. } => true,
            ApiFailure::Http { status, .. } => *status >= 500 || *status == 429 || *status == 408,
            ApiFailure::NotJson { status, .. } => {
                (200..300).contains(status) || *status >= 500 || *status == 429 || *status == 408
            }
        }
    }

    /// For a write: true when the request may have reached the server and taken effect.
    pub fn outcome_unknown(&self) -> bool {
        match self {
            ApiFailure::Network { .. } | ApiFailure::Timeout { .. } => true,
            ApiFailure::Malformed { .. } => true,
            // A gateway error means the upstream may or may not have acted.
            ApiFailure::Http { status, .. } => matches!(status, 502 | 504),
            // A page in place of OCP's answer: at 2xx or from a gateway, OCP may have acted.
            ApiFailure::NotJson { status, .. } => {
                (200..300).contains(status) || matches!(status, 502 | 504)
            }
        }
    }

    pub fn code(&self) -> Option<&ErrorCode> {
        match self {
            ApiFailure::Http { code, .. } => code.as_ref().filter(|c| c.is_meaningful()),
            _ => None,
        }
    }

    pub fn trace_id(&self) -> Option<&str> {
        match self {
            ApiFailure::Http { trace_id, .. } => trace_id.as_deref(),
            _ => None,
        }
    }

    /// The server's own message (it may be English or Chinese, as OCP sends it).
    pub fn server_message(&self) -> Option<&str> {
        match self {
            ApiFailure::Http { message, .. } => message.as_deref().filter(|m| !m.trim().is_empty()),
            _ => None,
        }
    }
}

/// Longest excerpt of an unparseable body kept for the operator.
const EXCERPT: usize = 200;

fn excerpt(body: &str) -> String {
    let trimmed = body.trim();
    if trimmed.chars().count() <= EXCERPT {
        trimmed.to_string()
    } else {
        let cut: String = trimmed.chars().take(EXCERPT).collect();
        format!("{cut}…")
    }
}

/// The first line a person would read in a non-JSON body: an HTML page's `<title>`, else its
/// first non-empty line of text with tags removed; at most 120 characters.
pub fn first_line(body: &str) -> String {
    let lower = body.to_ascii_lowercase();
    let title = lower.find("<title").and_then(|start| {
        let open_end = start + lower[start..].find('>')? + 1;
        let close = open_end + lower[open_end..].find("</title")?;
        Some(body.get(open_end..close)?.trim().to_string())
    });
    let line = title.filter(|t| !t.is_empty()).unwrap_or_else(|| {
        let mut text = String::with_capacity(body.len().min(4096));
        let mut in_tag = false;
        for c in body.chars().take(20_000) {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => {
                    in_tag = false;
                    text.push('\n');
                }
                _ if !in_tag => text.push(c),
                _ => {}
            }
        }
        text.lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or_default()
            .to_string()
    });
    let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() > 120 {
        format!("{}…", line.chars().take(120).collect::<String>())
    } else {
        line
    }
}

/// Whether a body that failed to parse was meant to be JSON (then it is garbled, e.g.
/// truncated) or is some other kind of document (then it is a page in OCP's place).
fn meant_as_json(content_type: Option<&str>, body: &str) -> bool {
    let declared_json = content_type.is_some_and(|c| c.to_ascii_lowercase().contains("json"));
    let looks_json = matches!(body.trim_start().chars().next(), Some('{' | '['));
    looks_json || (declared_json && !body.trim_start().starts_with('<'))
}

/// Decodes an OCP reply into its envelope, or says precisely why it cannot.
///
/// `content_type`: the reply's `Content-Type`, to name what came instead of JSON.
/// `require_data`: the call returns data (a list, a task), so a success without `data` is
/// malformed; otherwise an empty body (HTTP 204) is a success without data.
pub fn decode<T: DeserializeOwned>(
    status: u16,
    content_type: Option<&str>,
    body: &str,
    require_data: bool,
) -> Result<Envelope<T>, ApiFailure> {
    // Only reading `data` as `T` is built per type; the rest exists once in the bundle.
    let Some(value) = reply_value(status, content_type, body, require_data)? else {
        return Ok(Envelope::empty());
    };
    let malformed = |detail| ApiFailure::Malformed { status, detail };
    let (head, data) = Envelope::split(value).map_err(malformed)?;
    let data = match data {
        None => None,
        Some(d) => {
            Some(serde_json::from_value::<T>(d).map_err(|e| malformed(format!("data: {e}")))?)
        }
    };
    let head = check_envelope(status, head, data.is_some(), require_data)?;
    Ok(head.with_data(data))
}

/// An envelope's fields as JSON, but its `data` already read as `T` (see
/// [`crate::task::reader`], which reads a task's polls this way).
pub(crate) struct OnePass<T> {
    pub(crate) head: serde_json::Map<String, serde_json::Value>,
    pub(crate) data: Option<T>,
}

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for OnePass<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Fields<T>(std::marker::PhantomData<T>);
        impl<'de, T: serde::Deserialize<'de>> serde::de::Visitor<'de> for Fields<T> {
            type Value = OnePass<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an OCP envelope")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<OnePass<T>, A::Error> {
                let mut head = serde_json::Map::new();
                let mut data = None;
                // A repeated key: the last one counts, as when parsed into a `Value`.
                while let Some(key) = map.next_key::<String>()? {
                    if key == "data" {
                        data = map.next_value::<Option<T>>()?;
                    } else {
                        let v = map.next_value::<serde_json::Value>()?;
                        head.insert(key, v);
                    }
                }
                Ok(OnePass { head, data })
            }
        }
        d.deserialize_map(Fields(std::marker::PhantomData))
    }
}

/// The JSON of a 2xx reply (`None`: an empty success without data), or the failure it is.
fn reply_value(
    status: u16,
    content_type: Option<&str>,
    body: &str,
    require_data: bool,
) -> Result<Option<serde_json::Value>, ApiFailure> {
    let ok_status = (200..300).contains(&status);
    // A UTF-8 byte-order mark some proxies and Windows tools add is not part of the JSON.
    let body = body.strip_prefix('\u{feff}').unwrap_or(body);
    if body.trim().is_empty() {
        return match (ok_status, require_data) {
            (true, false) => Ok(None),
            (true, true) => Err(ApiFailure::Malformed {
                status,
                detail: "empty body".to_string(),
            }),
            (false, _) => Err(ApiFailure::Http {
                status,
                code: None,
                message: None,
                trace_id: None,
            }),
        };
    }
    let value: serde_json::Value = match serde_json::from_str(body) {
        Ok(v) => v,
        Err(e) if meant_as_json(content_type, body) => {
            return Err(if ok_status {
                ApiFailure::Malformed {
                    status,
                    detail: e.to_string(),
                }
            } else {
                ApiFailure::Http {
                    status,
                    code: None,
                    message: Some(excerpt(body)),
                    trace_id: None,
                }
            })
        }
        Err(_) => {
            return Err(ApiFailure::NotJson {
                status,
                content_type: content_type
                    .map(|c| c.trim().to_string())
                    .filter(|c| !c.is_empty()),
                first_line: first_line(body),
            })
        }
    };
    if !ok_status {
        // Error replies: take what the envelope offers, but never fail on its shape.
        let env = Envelope::split(value).ok().map(|(head, _)| head);
        let (code, message, trace_id) = match env {
            Some(e) => {
                let err = e.error.unwrap_or_default();
                (err.code, err.message.or(err.debug_message), e.trace_id)
            }
            None => (None, None, None),
        };
        return Err(ApiFailure::Http {
            status,
            code,
            message,
            trace_id,
        });
    }
    Ok(Some(value))
}

/// A 2xx envelope that still reports a failure, or lacks the data the call needs.
pub(crate) fn check_envelope(
    status: u16,
    env: Envelope<()>,
    has_data: bool,
    require_data: bool,
) -> Result<Envelope<()>, ApiFailure> {
    if env.successful == Some(false) || env.error.is_some() {
        let err = env.error.unwrap_or_default();
        return Err(ApiFailure::Http {
            // Trust the envelope's status only when it is one (the fuzzer sent `"status": 0`).
            status: env
                .status
                .filter(|s| (100..600).contains(s))
                .unwrap_or(status),
            code: err.code,
            message: err.message.or(err.debug_message),
            trace_id: env.trace_id,
        });
    }
    if require_data && !has_data {
        return Err(ApiFailure::Malformed {
            status,
            detail: "the reply has no data".to_string(),
        });
    }
    Ok(env)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::Cluster;
    use crate::Paged;

    #[test]
    fn error_envelope_keeps_code_message_and_trace() {
        let body = r#"{"duration":4,"error":{"code":20003,"message":"not supported"},"server":"s","status":400,"successful":false,"timestamp":"t","traceId":"7e77b2ba9ee2fa66"}"#;
        let f = decode::<serde_json::Value>(400, None, body, true).unwrap_err();
        assert_eq!(
            f,
            ApiFailure::Http {
                status: 400,
                code: Some(ErrorCode::Int(20003)),
                message: Some("not supported".into()),
                trace_id: Some("7e77b2ba9ee2fa66".into())
            }
        );
        assert!(!f.is_transient());
    }

    #[test]
    fn html_error_page_names_status_type_and_first_line() {
        let page = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";
        let f = decode::<serde_json::Value>(502, Some("text/html"), page, true).unwrap_err();
        assert_eq!(
            f,
            ApiFailure::NotJson {
                status: 502,
                content_type: Some("text/html".into()),
                first_line: "502 Bad Gateway".into()
            }
        );
        assert!(f.is_transient());
        assert!(f.outcome_unknown());
        // A login page answering 200 is not OCP's data either.
        let login =
            "<!doctype html><html><body>\n  <h2>Sign in to  SSO</h2><form></form></body></html>";
        let f = decode::<serde_json::Value>(200, Some("text/html; charset=utf-8"), login, true)
            .unwrap_err();
        assert!(
            matches!(f, ApiFailure::NotJson { status: 200, ref first_line, .. } if first_line == "Sign in to SSO")
        );
        let f = decode::<serde_json::Value>(
            503,
            Some("text/plain"),
            "upstream connect error\nreset",
            true,
        )
        .unwrap_err();
        assert!(
            matches!(f, ApiFailure::NotJson { ref first_line, .. } if first_line == "upstream connect error")
        );
    }

    #[test]
    fn bom_and_empty_writes() {
        let body = "\u{feff}{\"data\":{\"id\":1},\"successful\":true}";
        assert!(decode::<serde_json::Value>(200, Some("application/json"), body, true).is_ok());
        let env = decode::<serde_json::Value>(204, None, "", false).unwrap();
        assert!(env.data.is_none());
        assert!(decode::<serde_json::Value>(200, None, "  ", false).is_ok());
        assert!(decode::<serde_json::Value>(204, None, "", true).is_err());
    }

    #[test]
    fn odd_envelope_fields_do_not_cost_the_reply() {
        let body = r#"{"data":{"id":1},"duration":"4ms","timestamp":1732341137079,"status":"200","successful":true,"traceId":7}"#;
        let env = decode::<serde_json::Value>(200, None, body, true).unwrap();
        assert_eq!(env.timestamp.as_deref(), Some("1732341137079"));
        assert_eq!(env.duration, None);
        assert_eq!(env.status, Some(200));
    }

    #[test]
    fn truncated_success_is_malformed_not_a_panic() {
        let f = decode::<Paged<Cluster>>(200, None, r#"{"data":{"contents":[{"id":1,"na"#, true)
            .unwrap_err();
        assert!(matches!(f, ApiFailure::Malformed { status: 200, .. }));
        let f = decode::<Paged<Cluster>>(200, None, "", true).unwrap_err();
        assert_eq!(
            f,
            ApiFailure::Malformed {
                status: 200,
                detail: "empty body".into()
            }
        );
    }

    #[test]
    fn no_data_reply_is_fine_when_none_is_expected() {
        let body = r#"{"duration":55,"server":"a83ad33525","status":200,"successful":true,"timestamp":"2021-08-25T15:10:13.176+08:00","traceId":"0bc49000675d41af"}"#;
        let env = decode::<serde_json::Value>(200, None, body, false).unwrap();
        assert!(env.data.is_none());
        assert!(decode::<serde_json::Value>(200, None, body, true).is_err());
    }

    #[test]
    fn string_error_codes_are_accepted() {
        let body = r#"{"error":{"code":"COM10001","message":"x"},"status":500,"successful":false}"#;
        let f = decode::<serde_json::Value>(500, None, body, true).unwrap_err();
        assert_eq!(f.code(), Some(&ErrorCode::Text("COM10001".into())));
    }

    #[test]
    fn zero_code_is_not_shown() {
        let body =
            r#"{"error":{"code":0,"message":"Bad credentials"},"status":401,"successful":false}"#;
        let f = decode::<serde_json::Value>(401, None, body, true).unwrap_err();
        assert!(f.is_unauthorized());
        assert_eq!(f.code(), None);
    }

    #[test]
    fn successful_false_with_200_is_an_error() {
        let body = r#"{"error":{"code":10010,"message":"boom"},"status":200,"successful":false}"#;
        assert!(matches!(
            decode::<serde_json::Value>(200, None, body, true),
            Err(ApiFailure::Http { .. })
        ));
    }
}
