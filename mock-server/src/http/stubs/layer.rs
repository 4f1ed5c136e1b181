//! The stubs middleware: answers `/api` and `/gfc` requests that a replay stub (`http::stubs`)
//! matches, before authentication, faults and the simulation.

use crate::http::ctx::full_path;
use crate::http::state::AppState;
use axum::extract::{OriginalUri, Query, Request, State};
use axum::http::Uri;
use axum::middleware::Next;
use axum::response::Response;

/// Answers with the first stub in match order that fits the request; otherwise passes it on.
pub(crate) async fn stubs(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if state.stubs().is_empty() {
        return next.run(req).await;
    }
    let path = full_path(&req);
    let uri: &Uri = req
        .extensions()
        .get::<OriginalUri>()
        .map(|u| &u.0)
        .unwrap_or(req.uri());
    let query = Query::<Vec<(String, String)>>::try_from_uri(uri)
        .map(|q| q.0)
        .unwrap_or_default();
    match state.stubs().find(req.method().as_str(), &path, &query) {
        Some(stub) => stub.reply(),
        None => next.run(req).await,
    }
}
