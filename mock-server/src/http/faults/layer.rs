//! The faults middleware: applies the armed faults (`http::faults`) to matching `/api` and
//! `/gfc` requests: delays them, answers with an error, or breaks the reply.

use crate::http::ctx::full_path;
use crate::http::envelope::refuse_bare;
use crate::http::faults::{Breakage, DEFAULT_DRIBBLE_MS};
use crate::http::state::AppState;
use crate::sim::refusal::Refusal;
use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::IntoResponse;
use axum::response::Response;
use console_core::wire::codes;
use std::time::Duration;

/// Applies the first armed fault that matches the request.
pub(crate) async fn faults(State(state): State<AppState>, req: Request, next: Next) -> Response {
    // Usually none is armed: then a request costs one lock, not a copy of its path.
    let none_armed = state.faults().is_empty();
    if none_armed {
        return next.run(req).await;
    }
    let hit = {
        let mut faults = state.faults();
        let path = full_path(&req);
        let method = req.method().as_str();
        // Every matching fault draws in turn until one hits: with probabilities, a fault that
        // lets this request pass leaves it to the next.
        let mut hit = None;
        for i in 0..faults.len() {
            if !faults[i].matches(method, &path) {
                continue;
            }
            let Some(drawn) = faults[i].draw() else {
                continue;
            };
            let f = faults[i].clone();
            if let Some(times) = faults[i].times.as_mut() {
                *times = times.saturating_sub(1);
                if *times == 0 {
                    faults.remove(i);
                }
            }
            hit = Some((f, drawn));
            break;
        }
        hit
    };
    let Some((fault, drawn)) = hit else {
        return next.run(req).await;
    };
    if drawn.latency_ms > 0 {
        tokio::time::sleep(Duration::from_millis(drawn.latency_ms)).await;
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
        Some(Breakage::Dribble) => {
            let resp = next.run(req).await;
            let total = fault.duration_ms.unwrap_or(DEFAULT_DRIBBLE_MS);
            return dribble(resp, Duration::from_millis(total)).await;
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
                fault.code.unwrap_or(codes::UNEXPECTED),
                fault
                    .message
                    .as_deref()
                    .unwrap_or("Injected fault: the mock server was told to fail this request."),
            ),
        ),
        None => next.run(req).await,
    }
}

/// How many pieces a dribbled reply is cut into (fewer when it has fewer bytes).
const DRIBBLE_CHUNKS: usize = 8;

/// `resp` with its body sent in up to [`DRIBBLE_CHUNKS`] pieces: the first at once, the rest
/// evenly spaced so the last arrives `total` later. Headers go out first, as from a slow server.
async fn dribble(resp: Response, total: Duration) -> Response {
    use futures_util::StreamExt;
    let (mut parts, body) = resp.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX)
        .await
        .unwrap_or_default();
    let n = DRIBBLE_CHUNKS.min(bytes.len()).max(1);
    let size = bytes.len().div_ceil(n).max(1);
    let pieces: Vec<axum::body::Bytes> = (0..bytes.len())
        .step_by(size)
        .map(|at| bytes.slice(at..(at + size).min(bytes.len())))
        .collect();
    let gap = total / (pieces.len().saturating_sub(1).max(1) as u32);
    let stream = futures_util::stream::iter(pieces.into_iter().enumerate()).then(
        move |(i, piece)| async move {
            if i > 0 {
                tokio::time::sleep(gap).await;
            }
            Ok::<_, std::io::Error>(piece)
        },
    );
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, axum::body::Body::from_stream(stream))
}
