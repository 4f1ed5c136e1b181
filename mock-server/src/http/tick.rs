//! The tick middleware, the only place simulated time follows real time. Once per request, right
//! before its handler (so after any latency an armed fault adds), the clock catches up with real
//! time and every task and the GFC run up to it; the handler then reads and changes a world that
//! stands still. Requests a stub or an injected error answers never reach it, as they never
//! reached the simulation before either.

use crate::http::state::AppState;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;

pub(crate) async fn tick(State(state): State<AppState>, req: Request, next: Next) -> Response {
    state.estate().tick();
    next.run(req).await
}
