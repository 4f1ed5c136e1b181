//! While recording (`--record-from`), answers every `/api` and `/gfc` request from the real OCP
//! (`http::record`) instead of the stubs, faults and simulation inside it.

use crate::http::ctx::lang_of;
use crate::http::envelope::Meta;
use crate::http::state::AppState;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;

pub async fn record(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let Some(recorder) = state.recorder() else {
        return next.run(req).await;
    };
    let (parts, body) = req.into_parts();
    let lang = lang_of(&parts);
    match recorder.proxy(Request::from_parts(parts, body)).await {
        Ok(reply) => reply,
        // OCP unreachable or silent: OCP's own error envelope, in the operator's language.
        Err(refusal) => Meta::new(&state).refuse(&refusal, lang),
    }
}
