//! The request journal: what the server received, so tests can prove exactly one POST arrived.

use crate::state::AppState;
use axum::extract::{OriginalUri, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JournalEntry {
    pub method: String,
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    pub time: String,
    /// The status answered with; absent while the request is still being answered (a hang).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// Arrival order, to fill in the status later.
    pub seq: u64,
    /// The id of the replay stub that answered, if one did (e.g. `s3`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stub: Option<String>,
}

static SEQ: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// Records every request on arrival (so one that never gets a reply is still counted), and its
/// status once answered.
pub async fn record(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let seq = SEQ.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    state.journal().push(JournalEntry {
        method: req.method().to_string(),
        path: full_path(&req),
        query: req.uri().query().map(str::to_string),
        time: crate::reply::now_ocp(),
        status: None,
        seq,
        stub: None,
    });
    let resp = next.run(req).await;
    if let Some(e) = state.journal().iter_mut().find(|e| e.seq == seq) {
        e.status = Some(resp.status().as_u16());
        e.stub = resp
            .extensions()
            .get::<crate::stubs::StubHit>()
            .map(|h| h.0.clone());
    }
    resp
}

/// The path as the client sent it: handlers under `nest("/api")` see it without the prefix.
pub fn full_path(req: &Request) -> String {
    req.extensions()
        .get::<OriginalUri>()
        .map(|u| u.path().to_string())
        .unwrap_or_else(|| req.uri().path().to_string())
}
