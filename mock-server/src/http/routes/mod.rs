//! The URL map and one handler module per API area: admin, clusters, dr, tasks, iam, gfc.
//! May import the rest of `crate::http` and `crate::sim`; nothing but `app()` imports it.
//!
//! Every path is written out whole, as the contract (docs/openapi.json), the journal and a
//! browser show it, so a search for a path finds its route.

pub(crate) mod admin;
pub(crate) mod clusters;
pub(crate) mod dr;
pub(crate) mod gfc;
pub(crate) mod iam;
pub(crate) mod tasks;

use crate::http::contract::layer::{admin_requests, replies, requests};
use crate::http::envelope::refuse_bare;
use crate::http::faults::layer::faults;
use crate::http::journal::layer::journal;
use crate::http::rate_limit::layer::rate_limit;
use crate::http::record::layer::record;
use crate::http::spa;
use crate::http::state::AppState;
use crate::http::stubs::layer::stubs;
use crate::http::tick::tick;
use crate::sim::refusal::Refusal;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{StatusCode, Uri};
use axum::middleware::from_fn_with_state;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use console_core::wire::codes;
use console_core::{Long, PageInfo, Paged};
use std::collections::HashMap;
use tower::ServiceBuilder;

/// Largest request body accepted; beyond it the reply is 413.
const BODY_LIMIT: usize = 1024 * 1024;

pub(crate) fn router(state: AppState) -> Router {
    let ocp = Router::new()
        .route("/api/v2/ob/clusters", get(clusters::list))
        .route("/api/v2/ob/tenants", get(clusters::all_tenants))
        .route("/api/v2/ob/clusters/{id}", get(clusters::detail))
        .route("/api/v2/ob/clusters/{id}/tenants", get(clusters::tenants))
        .route(
            "/api/v2/ob/clusters/{id}/tenants/{tenantId}",
            get(clusters::tenant),
        )
        .route(
            "/api/v2/ob/clusters/{id}/tenants/failoverPreCheck",
            post(dr::batch_failover_precheck),
        )
        .route(
            "/api/v2/ob/clusters/{id}/tenants/failover",
            post(dr::batch_failover),
        )
        .route(
            "/api/v2/ob/clusters/{id}/tenants/{tenantId}/failoverPreCheck",
            post(dr::tenant_failover_precheck),
        )
        .route(
            "/api/v2/ob/clusters/{id}/tenants/{tenantId}/failover",
            post(dr::tenant_failover),
        )
        .route(
            "/api/v2/ob/clusters/{id}/tenants/{tenantId}/switchoverPreCheck",
            post(dr::tenant_switchover_precheck),
        )
        .route(
            "/api/v2/ob/clusters/{id}/tenants/{tenantId}/switchover",
            post(dr::tenant_switchover),
        )
        .route(
            "/api/v2/ob/clusters/{id}/failoverPreCheck",
            post(dr::cluster_failover_precheck),
        )
        .route(
            "/api/v2/ob/clusters/{id}/switchoverPreCheck",
            post(dr::cluster_switchover_precheck),
        )
        .route(
            "/api/v2/ob/clusters/{id}/failover",
            post(dr::cluster_failover),
        )
        .route(
            "/api/v2/ob/clusters/{id}/switchover",
            post(dr::cluster_switchover),
        )
        .route("/api/v2/tasks/instances", get(tasks::list))
        .route(
            "/api/v2/tasks/instances/{taskInstanceId}",
            get(tasks::detail),
        )
        .route(
            "/api/v2/tasks/instances/{taskInstanceId}/retry",
            post(tasks::retry),
        )
        .route(
            "/api/v2/tasks/instances/{taskInstanceId}/rollback",
            post(tasks::rollback),
        )
        .route(
            "/api/v2/tasks/instances/{taskInstanceId}/subtasks/{subtaskInstanceId}/retry",
            post(tasks::retry_subtask),
        )
        .route(
            "/api/v2/tasks/instances/{taskInstanceId}/subtasks/{subtaskInstanceId}/skip",
            post(tasks::skip_subtask),
        )
        .route(
            "/api/v2/tasks/instances/{taskInstanceId}/subtasks/{subtaskInstanceId}/cancel",
            post(tasks::cancel_subtask),
        )
        .route(
            "/api/v2/tasks/instances/{taskInstanceId}/subtasks/{subtaskInstanceId}/log",
            get(tasks::subtask_log),
        )
        .route("/api/v2/iam/current/user", get(iam::current_user))
        .route("/gfc/failover/getCheckTypes", get(gfc::check_types))
        .route("/gfc/failover/searchByComponentIds", get(gfc::search))
        .route("/gfc/failover/doPreFailBackCheck", post(gfc::precheck))
        .route("/gfc/failover/getPreCheckStatus", get(gfc::precheck_status))
        .route("/gfc/failover/doFailoverback", post(gfc::launch))
        .route("/gfc/failover/getFOBOperations", get(gfc::operations))
        .route("/gfc/failover/report", get(gfc::report))
        .method_not_allowed_fallback(api_method_not_allowed)
        // Any other path under /api or /gfc gets OCP's 404 envelope, past the same layers (a
        // replay stub may answer it); the rest of the site is the console's.
        .nest("/api", Router::new().fallback(api_not_found))
        .nest("/gfc", Router::new().fallback(api_not_found));

    Router::new()
        .merge(ocp_layers(ocp, &state))
        .merge(
            admin::router().layer(
                ServiceBuilder::new()
                    .layer(from_fn_with_state(state.clone(), replies))
                    .layer(from_fn_with_state(state.clone(), tick))
                    .layer(from_fn_with_state(state.clone(), admin_requests)),
            ),
        )
        .merge(spa::router(
            state.config().dist.as_deref(),
            state.console_config(),
        ))
        .layer(tower_http::cors::CorsLayer::very_permissive())
        .with_state(state)
}

/// The layers every `/api` and `/gfc` request passes, outermost first: the journal, the
/// recorder (which, while recording, hands the request to the real OCP and nothing inside
/// runs), replay stubs (which answer before auth and faults), faults, the reply check (only
/// with `--check-replies`), the clock tick (where simulated time follows real time), the body
/// limit, and the request check against the contract right before the handlers. `/__admin`
/// gets the reply check, the tick and its own request check (`admin_requests`).
fn ocp_layers(routes: Router<AppState>, state: &AppState) -> Router<AppState> {
    routes.layer(
        ServiceBuilder::new()
            .layer(from_fn_with_state(state.clone(), journal))
            .layer(from_fn_with_state(state.clone(), rate_limit))
            .layer(from_fn_with_state(state.clone(), record))
            .layer(from_fn_with_state(state.clone(), stubs))
            .layer(from_fn_with_state(state.clone(), faults))
            .layer(from_fn_with_state(state.clone(), replies))
            .layer(from_fn_with_state(state.clone(), tick))
            .layer(DefaultBodyLimit::max(BODY_LIMIT))
            .layer(from_fn_with_state(state.clone(), requests)),
    )
}

/// 404 for a path under `/api` or `/gfc` that no route serves. Nested under its area, it sees
/// the path without the area's prefix (`/v2/…`, `/failover/…`).
async fn api_not_found(State(state): State<AppState>, uri: Uri) -> Response {
    refuse_bare(
        &state,
        &Refusal::same(
            StatusCode::NOT_FOUND.as_u16(),
            codes::NONE,
            format!("No API at {}.", uri.path()),
        ),
    )
}

/// 405 for a route of `/api` or `/gfc` asked with a method it does not serve. Names the path
/// below the area, as the 404 does.
async fn api_method_not_allowed(State(state): State<AppState>, uri: Uri) -> Response {
    let path = uri.path();
    let below = ["/api", "/gfc"]
        .iter()
        .find_map(|area| path.strip_prefix(area))
        .unwrap_or(path);
    refuse_bare(
        &state,
        &Refusal::same(
            StatusCode::METHOD_NOT_ALLOWED.as_u16(),
            codes::NONE,
            format!("{below} does not accept this method."),
        ),
    )
}

/// An optional integer query parameter: absent, or an int64 written in digits (an optional
/// leading minus); a blank or anything else is refused, naming the parameter, as the contract's
/// `integer` schema says.
pub(crate) fn query_int(q: &HashMap<String, String>, key: &str) -> Result<Option<i64>, String> {
    match q.get(key) {
        None => Ok(None),
        Some(v) => {
            let digits = v.strip_prefix('-').unwrap_or(v);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!("{key} \"{v}\" is not an integer"));
            }
            v.parse::<i64>()
                .map(Some)
                .map_err(|_| format!("{key} \"{v}\" is beyond a 64-bit integer"))
        }
    }
}

/// An optional id in the query: absent, or an int64 of at least 1 (the contract's `Id`);
/// anything else is refused with OCP's 400 (ILLEGAL_ARGUMENT).
pub(crate) fn query_id(q: &HashMap<String, String>, key: &str) -> Result<Option<i64>, Refusal> {
    match query_int(q, key) {
        Ok(Some(v)) if v < 1 => {
            let e = format!("{key} {v} is not an id (ids start at 1)");
            Err(Refusal::bad(e.clone(), e))
        }
        Ok(v) => Ok(v),
        Err(e) => Err(Refusal::bad(e.clone(), e)),
    }
}

/// OCP paging: `page` 1-based (default 1), `size` default 10, at most 2000.
pub(crate) struct PageReq {
    page: usize,
    size: usize,
}

impl PageReq {
    /// Reads `page` and `size`, or refuses with 400 naming the problem.
    pub(crate) fn parse(q: &HashMap<String, String>) -> Result<PageReq, Refusal> {
        PageReq::read(q).map_err(|e| Refusal::bad(e.clone(), e))
    }

    fn read(q: &HashMap<String, String>) -> Result<PageReq, String> {
        // As the contract says: absent, or a whole number of at most i64::MAX (no blank, no
        // spaces, no sign); the bounds are checked below.
        let num = |key: &str, default: usize| -> Result<usize, String> {
            match query_int(q, key)? {
                None => Ok(default),
                Some(v) => usize::try_from(v)
                    .map_err(|_| format!("{key} \"{v}\" is not a positive integer")),
            }
        };
        let page = num("page", 1)?;
        let size = num("size", 10)?;
        if page == 0 {
            return Err("page starts at 1".into());
        }
        if size == 0 || size > 2000 {
            return Err(format!("size {size} is outside 1..2000"));
        }
        Ok(PageReq { page, size })
    }

    pub(crate) fn slice<T: Clone>(&self, all: &[T]) -> Paged<T> {
        let total = all.len();
        let start = (self.page - 1).saturating_mul(self.size).min(total);
        let end = start.saturating_add(self.size).min(total);
        Paged {
            contents: all[start..end].to_vec(),
            page: Some(PageInfo {
                number: Some(Long(self.page as i64)),
                size: Some(Long(self.size as i64)),
                total_elements: Some(Long(total as i64)),
                total_pages: Some(Long(total.div_ceil(self.size) as i64)),
                unreadable: Default::default(),
            }),
            unreadable: Default::default(),
        }
    }
}
