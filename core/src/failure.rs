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
    /// The server answered 2xx, but the body is not what OCP sends (truncated, not JSON, wrong shape).
    Malformed { status: u16, detail: String },
}

impl ApiFailure {
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiFailure::Http { status, .. } | ApiFailure::Malformed { status, .. } => Some(*status),
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
        }
    }

    /// For a write: true when the request may have reached the server and taken effect.
    pub fn outcome_unknown(&self) -> bool {
        match self {
            ApiFailure::Network { .. } | ApiFailure::Timeout { .. } => true,
            ApiFailure::Malformed { .. } => true,
            // A gateway error means the upstream may or may not have acted.
            ApiFailure::Http { status, .. } => matches!(status, 502 | 504),
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

/// Decodes an OCP reply into its envelope, or says precisely why it cannot.
///
/// `require_data`: the call returns data (a list, a task), so a success without `data` is malformed.
pub fn decode<T: DeserializeOwned>(
    status: u16,
    body: &str,
    require_data: bool,
) -> Result<Envelope<T>, ApiFailure> {
    let ok_status = (200..300).contains(&status);
    if !ok_status {
        // Error replies: take what the envelope offers, but never fail on its shape.
        let env: Option<Envelope<serde_json::Value>> = serde_json::from_str(body).ok();
        let (code, message, trace_id) = match env {
            Some(e) => {
                let err = e.error.unwrap_or_default();
                let message = err.message.or(err.debug_message);
                (err.code, message, e.trace_id)
            }
            None => {
                let text = excerpt(body);
                (None, (!text.is_empty()).then_some(text), None)
            }
        };
        return Err(ApiFailure::Http {
            status,
            code,
            message,
            trace_id,
        });
    }
    let env: Envelope<T> = serde_json::from_str(body).map_err(|e| ApiFailure::Malformed {
        status,
        detail: if body.trim().is_empty() {
            "empty body".to_string()
        } else {
            e.to_string()
        },
    })?;
    if env.successful == Some(false) || env.error.is_some() {
        let err = env.error.clone().unwrap_or_default();
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
    if require_data && env.data.is_none() {
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
        let f = decode::<serde_json::Value>(400, body, true).unwrap_err();
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
    fn html_error_page_is_an_http_failure_with_an_excerpt() {
        let f = decode::<serde_json::Value>(502, "<html>Bad Gateway</html>", true).unwrap_err();
        assert_eq!(f.status(), Some(502));
        assert_eq!(f.server_message(), Some("<html>Bad Gateway</html>"));
        assert!(f.is_transient());
        assert!(f.outcome_unknown());
    }

    #[test]
    fn truncated_success_is_malformed_not_a_panic() {
        let f =
            decode::<Paged<Cluster>>(200, r#"{"data":{"contents":[{"id":1,"na"#, true).unwrap_err();
        assert!(matches!(f, ApiFailure::Malformed { status: 200, .. }));
        let f = decode::<Paged<Cluster>>(200, "", true).unwrap_err();
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
        let env = decode::<serde_json::Value>(200, body, false).unwrap();
        assert!(env.data.is_none());
        assert!(decode::<serde_json::Value>(200, body, true).is_err());
    }

    #[test]
    fn string_error_codes_are_accepted() {
        let body = r#"{"error":{"code":"COM10001","message":"x"},"status":500,"successful":false}"#;
        let f = decode::<serde_json::Value>(500, body, true).unwrap_err();
        assert_eq!(f.code(), Some(&ErrorCode::Text("COM10001".into())));
    }

    #[test]
    fn zero_code_is_not_shown() {
        let body =
            r#"{"error":{"code":0,"message":"Bad credentials"},"status":401,"successful":false}"#;
        let f = decode::<serde_json::Value>(401, body, true).unwrap_err();
        assert!(f.is_unauthorized());
        assert_eq!(f.code(), None);
    }

    #[test]
    fn successful_false_with_200_is_an_error() {
        let body = r#"{"error":{"code":10010,"message":"boom"},"status":200,"successful":false}"#;
        assert!(matches!(
            decode::<serde_json::Value>(200, body, true),
            Err(ApiFailure::Http { .. })
        ));
    }
}
