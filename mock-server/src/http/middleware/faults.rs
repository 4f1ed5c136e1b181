//! Applies armed faults (`http::faults`) to matching `/api` and `/gfc` requests.

use super::full_path;
use crate::http::envelope::refuse_bare;
use crate::http::faults::Breakage;
use crate::http::state::AppState;
use crate::sim::refusal::Refusal;
use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::IntoResponse;
use axum::response::Response;
use std::time::Duration;

/// Applies the first armed fault that matches the request.
pub async fn faults(State(state): State<AppState>, req: Request, next: Next) -> Response {
    // Usually none is armed: then a request costs one lock, not a copy of its path.
    let none_armed = state.faults().is_empty();
    if none_armed {
        return next.run(req).await;
    }
    let hit = {
        let mut faults = state.faults();
        let path = full_path(&req);
        let idx = faults
            .iter()
            .position(|f| f.matches(req.method().as_str(), &path));
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
    match fault.status.filter(|s| StatusCode::from_u16(*s).is_ok()) {
        Some(status) => refuse_bare(
            &state,
            &Refusal::same(
                status,
                fault.code.unwrap_or(10010),
                fault
                    .message
                    .as_deref()
                    .unwrap_or("Injected fault: the mock server was told to fail this request."),
            ),
        ),
        None => next.run(req).await,
    }
}
