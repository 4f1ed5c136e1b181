//! The journal middleware: records every `/api` and `/gfc` request in the journal
//! (`http::journal`), and the status it was answered with.

use crate::http::ctx::full_path;
use crate::http::journal::JournalEntry;
use crate::http::state::AppState;
use crate::http::stubs::StubHit;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;

/// Records every request on arrival (so one that never gets a reply is still counted), and its
/// status once answered. The entry is built before the lock is taken, and the status update
/// is O(1), so the journal lock is held only for a push and a store.
pub(crate) async fn journal(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let entry = JournalEntry::arrived(
        req.method().clone(),
        full_path(&req),
        req.uri().query().map(str::to_string),
    );
    let seq = state.journal().record(entry);
    let resp = next.run(req).await;
    let stub = resp.extensions().get::<StubHit>().map(|h| h.0.clone());
    state.journal().answered(seq, resp.status().as_u16(), stub);
    resp
}
