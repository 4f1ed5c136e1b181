//! Test and demo control, outside `/api/v2` and without auth (the mock binds to loopback):
//! reset state, arm and clear faults, read and clear the request journal.

use crate::faults::Fault;
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::json;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/reset", post(reset))
        .route(
            "/faults",
            get(list_faults).post(add_fault).delete(clear_faults),
        )
        .route("/journal", get(journal).delete(clear_journal))
}

async fn reset(State(state): State<AppState>) -> Response {
    state.reset();
    Json(json!({ "reset": true })).into_response()
}

async fn list_faults(State(state): State<AppState>) -> Response {
    Json(state.faults().clone()).into_response()
}

async fn add_fault(State(state): State<AppState>, body: axum::body::Bytes) -> Response {
    let fault: Fault = match serde_json::from_slice(&body) {
        Ok(f) => f,
        Err(e) => {
            return (
                StatusCode::BAD_REQUEST,
                Json(json!({ "error": format!("not a fault: {e}") })),
            )
                .into_response()
        }
    };
    if let Err(e) = fault.validate() {
        return (StatusCode::BAD_REQUEST, Json(json!({ "error": e }))).into_response();
    }
    let mut faults = state.faults();
    faults.push(fault);
    Json(faults.clone()).into_response()
}

async fn clear_faults(State(state): State<AppState>) -> Response {
    state.faults().clear();
    Json(json!([])).into_response()
}

async fn journal(State(state): State<AppState>) -> Response {
    Json(state.journal().clone()).into_response()
}

async fn clear_journal(State(state): State<AppState>) -> Response {
    state.journal().clear();
    Json(json!([])).into_response()
}
