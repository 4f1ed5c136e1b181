//! The recording middleware: while recording (`--record-from`), answers every `/api` and `/gfc`
//! request from the real OCP (`http::record`) instead of the stubs, faults and simulation inside
//! it.

use crate::http::ctx::{full_path, lang_of};
use crate::http::envelope::Meta;
use crate::http::state::AppState;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;

pub(crate) async fn record(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let Some(recorder) = state.recorder() else {
        return next.run(req).await;
    };
    let what = format!("{} {}", req.method(), full_path(&req));
    let (parts, body) = req.into_parts();
    let lang = lang_of(&parts);
    match recorder.proxy(Request::from_parts(parts, body)).await {
        Ok(reply) => reply,
        // OCP unreachable or silent: OCP's own error envelope, in the operator's language, and
        // a line for whoever started the recording.
        Err(refusal) => {
            eprintln!("not recorded: {what}: {}", refusal.en);
            Meta::new(&state).refuse(&refusal, lang)
        }
    }
}
