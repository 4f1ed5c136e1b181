//! Test and demo control, outside `/api/v2` and without auth (the mock binds to loopback):
//! reset state, arm and clear faults, read and clear the request journal, install replay stubs,
//! and drive the simulation (its clock, task faults, demo tenants and GFC components). Its
//! replies are plain JSON, not OCP envelopes.

use crate::http::faults::Fault;
use crate::http::state::AppState;
use crate::http::stubs::{parse_stub, StubError};
use crate::sim::engine::TaskFault;
use crate::sim::estate::{
    Estate, DEFAULT_SYNTHETIC_WIDTH, MAX_SYNTHETIC_SUBTASKS, MAX_SYNTHETIC_WIDTH,
};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::{Json, Router};
use serde_json::json;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/__admin/openapi.json", get(openapi))
        .route("/__admin/reset", post(reset))
        .route(
            "/__admin/faults",
            get(list_faults).post(add_fault).delete(clear_faults),
        )
        .route("/__admin/journal", get(journal).delete(clear_journal))
        .route(
            "/__admin/stubs",
            get(list_stubs).post(add_stub).delete(clear_stubs),
        )
        .route("/__admin/stubs/{id}", delete(remove_stub))
        .route("/__admin/tenants/{id}", post(set_tenant))
        .route("/__admin/clock", get(clock).post(set_clock))
        .route("/__admin/tasks/synthetic", post(add_synthetic))
        .route("/__admin/gfc/mode", post(gfc_mode))
        .route("/__admin/gfc/components/{id}", post(gfc_component))
        .route(
            "/__admin/task-faults",
            get(list_task_faults)
                .post(add_task_fault)
                .delete(clear_task_faults),
        )
}

/// The contract (docs/openapi.json, embedded at build time) as JSON.
async fn openapi(State(state): State<AppState>) -> Response {
    Json(state.contract().doc()).into_response()
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
    faults.push(fault.arm());
    Json(faults.clone()).into_response()
}

async fn clear_faults(State(state): State<AppState>) -> Response {
    state.faults().clear();
    Json(json!([])).into_response()
}

async fn list_stubs(State(state): State<AppState>) -> Response {
    let list: Vec<_> = state.stubs().list().iter().map(|s| s.to_json()).collect();
    Json(list).into_response()
}

/// One stub object (a file's array form is refused: post them one at a time); 201 `{id}`.
async fn add_stub(State(state): State<AppState>, body: axum::body::Bytes) -> Response {
    let parsed = serde_json::from_slice::<serde_json::Value>(&body)
        .map_err(|e| StubError {
            pointer: None,
            message: format!("not valid JSON: {e}"),
        })
        .and_then(parse_stub);
    match parsed {
        Ok(spec) => {
            let id = state.stubs().add(spec);
            (StatusCode::CREATED, Json(json!({ "id": id }))).into_response()
        }
        Err(e) => (
            StatusCode::BAD_REQUEST,
            Json(json!({ "error": format!("not a stub: {e}"), "pointer": e.pointer })),
        )
            .into_response(),
    }
}

async fn clear_stubs(State(state): State<AppState>) -> Response {
    state.stubs().clear();
    Json(json!([])).into_response()
}

async fn remove_stub(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    if state.stubs().remove(&id) {
        Json(json!({ "deleted": id })).into_response()
    } else {
        (
            StatusCode::NOT_FOUND,
            Json(json!({ "error": format!("no stub {id}") })),
        )
            .into_response()
    }
}

/// `{capacity, dropped, entries}`, oldest entry first. Serialised under the lock: one pass
/// instead of copying up to `capacity` entries first.
async fn journal(State(state): State<AppState>) -> Response {
    Json(&*state.journal()).into_response()
}

/// Empties it (the drop count too) and answers the emptied journal.
async fn clear_journal(State(state): State<AppState>) -> Response {
    let mut journal = state.journal();
    journal.clear();
    Json(&*journal).into_response()
}

/// Changes a demo tenant so a precheck comes out differently: `{primaryReachable?, lagSecs?,
/// status?}` (`lagSecs: null` makes the sync position unknown).
#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct TenantPatch {
    primary_reachable: Option<bool>,
    /// For tests of untrusted text: any string, markup included.
    name: Option<String>,
    #[serde(default, with = "double_option")]
    lag_secs: Option<Option<i64>>,
    status: Option<console_core::wire::TenantStatus>,
}

/// How far behind a standby may be set, in seconds: up to a year. (Its sync position is the
/// clock less the lag in nanoseconds: a lag beyond i64 nanoseconds would overflow.)
const MAX_LAG: std::ops::RangeInclusive<i64> = 0..=31_536_000;

mod double_option {
    use serde::{Deserialize, Deserializer};
    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Option<i64>>, D::Error> {
        Option::<i64>::deserialize(d).map(Some)
    }
}

async fn set_tenant(
    State(state): State<AppState>,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> Response {
    let bad =
        |msg: String| (StatusCode::BAD_REQUEST, Json(json!({ "error": msg }))).into_response();
    let Ok(id) = id.parse::<i64>() else {
        return bad(format!("tenant id \"{id}\" is not a number"));
    };
    let patch: TenantPatch = match serde_json::from_slice(&body) {
        Ok(p) => p,
        Err(e) => return bad(format!("not a tenant patch: {e}")),
    };
    if let Some(l) = patch.lag_secs.flatten().filter(|l| !MAX_LAG.contains(l)) {
        return bad(format!(
            "lagSecs {l} is outside 0 to {} (a year)",
            MAX_LAG.end()
        ));
    }
    let mut estate = state.estate();
    let Some(t) = estate.tenants.iter_mut().find(|t| t.id == id) else {
        return (
            StatusCode::NOT_FOUND,
            Json(json!({ "error": format!("no tenant {id}") })),
        )
            .into_response();
    };
    if let Some(r) = patch.primary_reachable {
        t.primary_reachable = r;
    }
    if let Some(l) = patch.lag_secs {
        t.lag_secs = l;
    }
    if let Some(s) = patch.status {
        t.status = s;
    }
    if let Some(n) = patch.name {
        t.name = n;
    }
    Json(json!({ "id": t.id, "name": t.name, "primaryReachable": t.primary_reachable, "lagSecs": t.lag_secs, "status": t.status })).into_response()
}

fn clock_json(e: &Estate) -> serde_json::Value {
    json!({
        "nowMs": e.clock.now_ms(),
        "now": e.clock.ocp_time(e.clock.now_ms()),
        "paused": e.clock.paused(),
        "speed": e.clock.speed(),
    })
}

async fn clock(State(state): State<AppState>) -> Response {
    Json(clock_json(&state.estate())).into_response()
}

/// `{paused?, speed?, advanceSeconds?}`: pause or resume simulated time, change its speed, or
/// step it forward (tasks run everything that falls due in between, in order).
#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ClockChange {
    paused: Option<bool>,
    speed: Option<f64>,
    advance_seconds: Option<f64>,
}

async fn set_clock(State(state): State<AppState>, body: axum::body::Bytes) -> Response {
    let change: ClockChange = match serde_json::from_slice(&body) {
        Ok(c) => c,
        Err(e) => {
            return (
                StatusCode::BAD_REQUEST,
                Json(json!({ "error": format!("not a clock change: {e}") })),
            )
                .into_response()
        }
    };
    if change.speed.is_some_and(|s| !s.is_finite() || s < 0.0)
        || change
            .advance_seconds
            .is_some_and(|s| !s.is_finite() || s < 0.0)
    {
        return (
            StatusCode::BAD_REQUEST,
            Json(json!({ "error": "speed and advanceSeconds must be finite and not negative" })),
        )
            .into_response();
    }
    let mut estate = state.estate();
    estate.change_clock(change.paused, change.speed, change.advance_seconds);
    Json(clock_json(&estate)).into_response()
}

async fn list_task_faults(State(state): State<AppState>) -> Response {
    Json(state.estate().task_faults.clone()).into_response()
}

async fn add_task_fault(State(state): State<AppState>, body: axum::body::Bytes) -> Response {
    let fault: TaskFault = match serde_json::from_slice(&body) {
        Ok(f) => f,
        Err(e) => {
            return (
                StatusCode::BAD_REQUEST,
                Json(json!({ "error": format!("not a task fault: {e}") })),
            )
                .into_response()
        }
    };
    let mut estate = state.estate();
    estate.task_faults.push(fault);
    Json(estate.task_faults.clone()).into_response()
}

async fn clear_task_faults(State(state): State<AppState>) -> Response {
    state.estate().task_faults.clear();
    Json(json!([])).into_response()
}

/// `{subtasks, width?}`: a large generated task (up to 20,000 subtasks) for demos and tests.
#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct SyntheticTask {
    subtasks: usize,
    width: Option<usize>,
}

async fn add_synthetic(State(state): State<AppState>, body: axum::body::Bytes) -> Response {
    let req: SyntheticTask = match serde_json::from_slice(&body) {
        Ok(r) => r,
        Err(e) => {
            return (
                StatusCode::BAD_REQUEST,
                Json(json!({ "error": format!("not a synthetic task request: {e}") })),
            )
                .into_response()
        }
    };
    let width = req.width.unwrap_or(DEFAULT_SYNTHETIC_WIDTH);
    // A width is refused rather than clamped, so the contract's bounds are what the server does.
    let sizes = 1..=MAX_SYNTHETIC_SUBTASKS;
    if !sizes.contains(&req.subtasks) || !(1..=MAX_SYNTHETIC_WIDTH).contains(&width) {
        let error = "subtasks must be 1..20000 and width 1..500";
        return (StatusCode::BAD_REQUEST, Json(json!({ "error": error }))).into_response();
    }
    let task = state.estate().add_synthetic(req.subtasks, width, 3000009);
    Json(json!({ "id": task.id, "subtasks": req.subtasks })).into_response()
}

/// `{legacy500: bool}`: the original's bug on or off (500 from getPreCheckStatus until the
/// first result is written).
#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct GfcMode {
    legacy500: bool,
}

async fn gfc_mode(State(state): State<AppState>, body: axum::body::Bytes) -> Response {
    match serde_json::from_slice::<GfcMode>(&body) {
        Ok(m) => {
            state.estate().gfc.legacy_500 = m.legacy500;
            Json(json!({ "legacy500": m.legacy500 })).into_response()
        }
        Err(e) => (
            StatusCode::BAD_REQUEST,
            Json(json!({ "error": format!("not a GFC mode: {e}") })),
        )
            .into_response(),
    }
}

/// `{outcomes?: {CHECK_ID: "PASS"|"WARN"|"FAIL"}, failOperation?: bool}` for one component.
#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct GfcComponentPatch {
    #[serde(default)]
    outcomes: std::collections::HashMap<String, console_core::gfc::CheckStatus>,
    fail_operation: Option<bool>,
    /// For tests of untrusted text: any string, markup included.
    name: Option<String>,
}

async fn gfc_component(
    State(state): State<AppState>,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> Response {
    let patch: GfcComponentPatch = match serde_json::from_slice(&body) {
        Ok(p) => p,
        Err(e) => {
            return (
                StatusCode::BAD_REQUEST,
                Json(json!({ "error": format!("not a component patch: {e}") })),
            )
                .into_response()
        }
    };
    let mut estate = state.estate();
    let known_checks: Vec<String> = estate
        .gfc
        .check_types
        .iter()
        .map(|t| t.id.clone())
        .collect();
    if let Some(bad) = patch.outcomes.keys().find(|k| !known_checks.contains(k)) {
        return (
            StatusCode::BAD_REQUEST,
            Json(json!({ "error": format!("unknown check type {bad}") })),
        )
            .into_response();
    }
    let Some(c) = id
        .parse::<i64>()
        .ok()
        .and_then(|id| estate.gfc.components.iter_mut().find(|c| c.c.id == id))
    else {
        return (
            StatusCode::NOT_FOUND,
            Json(json!({ "error": format!("no component {id}") })),
        )
            .into_response();
    };
    c.outcomes.extend(patch.outcomes);
    if let Some(f) = patch.fail_operation {
        c.fail_operation = f;
    }
    if let Some(n) = patch.name {
        c.c.name = n;
    }
    Json(json!({ "id": c.c.id, "outcomes": c.outcomes, "failOperation": c.fail_operation }))
        .into_response()
}
