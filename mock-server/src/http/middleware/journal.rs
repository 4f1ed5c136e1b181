//! Records every `/api` and `/gfc` request in the journal (`http::journal`).

use super::full_path;
use crate::http::envelope::now_ocp;
use crate::http::journal::JournalEntry;
use crate::http::state::AppState;
use crate::http::stubs::StubHit;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;

static SEQ: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// Records every request on arrival (so one that never gets a reply is still counted), and its
/// status once answered.
pub async fn journal(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let seq = SEQ.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    state.journal().push(JournalEntry {
        method: req.method().to_string(),
        path: full_path(&req),
        query: req.uri().query().map(str::to_string),
        time: now_ocp(),
        status: None,
        seq,
        stub: None,
    });
    let resp = next.run(req).await;
    if let Some(e) = state.journal().iter_mut().find(|e| e.seq == seq) {
        e.status = Some(resp.status().as_u16());
        e.stub = resp.extensions().get::<StubHit>().map(|h| h.0.clone());
    }
    resp
}
