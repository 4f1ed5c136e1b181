//! The rate-limit middleware: a request over the limit gets 429, OCP's error envelope and a
//! `Retry-After` in seconds; the rest pass untouched.

use crate::http::envelope::refuse_bare;
use crate::http::state::AppState;
use crate::sim::refusal::Refusal;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use console_core::wire::codes;
use std::time::Instant;

pub(crate) async fn rate_limit(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    let verdict = state.rate_limit().map(|mut r| r.admit(Instant::now()));
    match verdict {
        Some(Err(secs)) => {
            let mut reply = refuse_bare(
                &state,
                &Refusal::same(
                    StatusCode::TOO_MANY_REQUESTS.as_u16(),
                    codes::NONE,
                    format!("Too many requests: try again in {secs} s."),
                ),
            );
            if let Ok(v) = HeaderValue::from_str(&secs.to_string()) {
                reply.headers_mut().insert(header::RETRY_AFTER, v);
            }
            reply
        }
        _ => next.run(req).await,
    }
}
