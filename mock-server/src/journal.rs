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
    pub status: u16,
}

/// Records every `/api` request with the status it was answered with.
pub async fn record(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let method = req.method().to_string();
    let path = full_path(&req);
    let query = req.uri().query().map(str::to_string);
    let time = crate::reply::now_ocp();
    let resp = next.run(req).await;
    state.journal().push(JournalEntry {
        method,
        path,
        query,
        time,
        status: resp.status().as_u16(),
    });
    resp
}

/// The path as the client sent it: handlers under `nest("/api")` see it without the prefix.
pub fn full_path(req: &Request) -> String {
    req.extensions()
        .get::<OriginalUri>()
        .map(|u| u.path().to_string())
        .unwrap_or_else(|| req.uri().path().to_string())
}
