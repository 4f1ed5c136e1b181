//! The URL map and one handler module per API area: admin, clusters, dr, tasks, iam, gfc.
//! Imports the rest of `crate::http` and `crate::sim`; nothing but `app()` imports it.
//!
//! `/api` and `/gfc` requests pass, outermost first, the journal, the recorder (which, while
//! recording, hands them to the real OCP), replay stubs (which answer before auth and faults),
//! faults, the reply check (only with `--check-replies`), the clock tick, the body limit, the
//! request check against the contract, then the handlers; `/__admin` the reply check and the
//! tick.

pub mod admin;
pub mod clusters;
pub mod dr;
pub mod gfc;
pub mod iam;
pub mod tasks;

use crate::http::envelope::refuse_bare;
use crate::http::middleware::contract::{replies, requests};
use crate::http::middleware::{
    faults::faults, journal::journal, record::record, spa, stubs::stubs, tick::tick,
};
use crate::http::state::AppState;
use crate::sim::refusal::Refusal;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{StatusCode, Uri};
use axum::middleware::from_fn_with_state;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use console_core::{Long, PageInfo, Paged};
use std::collections::HashMap;

/// Largest request body accepted; beyond it the reply is 413.
pub const BODY_LIMIT: usize = 1024 * 1024;

pub fn router(state: AppState) -> Router {
    let c = "/v2/ob/clusters/{id}";
    let api = Router::new()
        .route("/v2/ob/clusters", get(clusters::list))
        .route(c, get(clusters::detail))
        .route(&format!("{c}/tenants"), get(clusters::tenants))
        .route(&format!("{c}/tenants/{{tenantId}}"), get(clusters::tenant))
        .route(
            &format!("{c}/tenants/failoverPreCheck"),
            post(dr::batch_failover_precheck),
        )
        .route(&format!("{c}/tenants/failover"), post(dr::batch_failover))
        .route(
            &format!("{c}/tenants/{{tenantId}}/failoverPreCheck"),
            post(dr::tenant_failover_precheck),
        )
        .route(
            &format!("{c}/tenants/{{tenantId}}/failover"),
            post(dr::tenant_failover),
        )
        .route(
            &format!("{c}/tenants/{{tenantId}}/switchoverPreCheck"),
            post(dr::tenant_switchover_precheck),
        )
        .route(
            &format!("{c}/tenants/{{tenantId}}/switchover"),
            post(dr::tenant_switchover),
        )
        .route(
            &format!("{c}/failoverPreCheck"),
            post(dr::cluster_failover_precheck),
        )
        .route(
            &format!("{c}/switchoverPreCheck"),
            post(dr::cluster_switchover_precheck),
        )
        .route(&format!("{c}/failover"), post(dr::cluster_failover))
        .route(&format!("{c}/switchover"), post(dr::cluster_switchover))
        .route("/v2/tasks/instances", get(tasks::list))
        .route("/v2/tasks/instances/{taskInstanceId}", get(tasks::detail))
        .route(
            "/v2/tasks/instances/{taskInstanceId}/retry",
            post(tasks::retry),
        )
        .route(
            "/v2/tasks/instances/{taskInstanceId}/rollback",
            post(tasks::rollback),
        )
        .route(
            "/v2/tasks/instances/{taskInstanceId}/subtasks/{subtaskInstanceId}/retry",
            post(tasks::retry_subtask),
        )
        .route(
            "/v2/tasks/instances/{taskInstanceId}/subtasks/{subtaskInstanceId}/skip",
            post(tasks::skip_subtask),
        )
        .route(
            "/v2/tasks/instances/{taskInstanceId}/subtasks/{subtaskInstanceId}/cancel",
            post(tasks::cancel_subtask),
        )
        .route(
            "/v2/tasks/instances/{taskInstanceId}/subtasks/{subtaskInstanceId}/log",
            get(tasks::subtask_log),
        )
        .route("/v2/iam/current/user", get(iam::current_user))
        .fallback(api_not_found)
        .method_not_allowed_fallback(api_method_not_allowed)
        .layer(from_fn_with_state(state.clone(), requests))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(from_fn_with_state(state.clone(), tick))
        .layer(from_fn_with_state(state.clone(), replies))
        .layer(from_fn_with_state(state.clone(), faults))
        .layer(from_fn_with_state(state.clone(), stubs))
        .layer(from_fn_with_state(state.clone(), record))
        .layer(from_fn_with_state(state.clone(), journal));

    let g = "/failover";
    let gfc = Router::new()
        .route(&format!("{g}/getCheckTypes"), get(gfc::check_types))
        .route(&format!("{g}/searchByComponentIds"), get(gfc::search))
        .route(&format!("{g}/doPreFailBackCheck"), post(gfc::precheck))
        .route(&format!("{g}/getPreCheckStatus"), get(gfc::precheck_status))
        .route(&format!("{g}/doFailoverback"), post(gfc::launch))
        .route(&format!("{g}/getFOBOperations"), get(gfc::operations))
        .route(&format!("{g}/report"), get(gfc::report))
        .fallback(api_not_found)
        .method_not_allowed_fallback(api_method_not_allowed)
        .layer(from_fn_with_state(state.clone(), requests))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(from_fn_with_state(state.clone(), tick))
        .layer(from_fn_with_state(state.clone(), replies))
        .layer(from_fn_with_state(state.clone(), faults))
        .layer(from_fn_with_state(state.clone(), stubs))
        .layer(from_fn_with_state(state.clone(), record))
        .layer(from_fn_with_state(state.clone(), journal));

    let admin = admin::router()
        .layer(from_fn_with_state(state.clone(), tick))
        .layer(from_fn_with_state(state.clone(), replies));

    Router::new()
        .nest("/api", api)
        .nest("/gfc", gfc)
        .nest("/__admin", admin)
        .merge(spa::router(state.config().dist.as_deref()))
        .layer(tower_http::cors::CorsLayer::very_permissive())
        .with_state(state)
}

async fn api_not_found(State(state): State<AppState>, uri: Uri) -> Response {
    refuse_bare(
        &state,
        &Refusal::same(
            StatusCode::NOT_FOUND.as_u16(),
            0,
            format!("No API at {}.", uri.path()),
        ),
    )
}

async fn api_method_not_allowed(State(state): State<AppState>, uri: Uri) -> Response {
    refuse_bare(
        &state,
        &Refusal::same(
            StatusCode::METHOD_NOT_ALLOWED.as_u16(),
            0,
            format!("{} does not accept this method.", uri.path()),
        ),
    )
}

/// OCP paging: `page` 1-based (default 1), `size` default 10, at most 2000.
pub struct PageReq {
    pub page: usize,
    pub size: usize,
}

impl PageReq {
    /// Reads `page` and `size`, or refuses with 400 naming the problem.
    pub fn parse(q: &HashMap<String, String>) -> Result<PageReq, Refusal> {
        PageReq::read(q).map_err(|e| Refusal::bad(e.clone(), e))
    }

    fn read(q: &HashMap<String, String>) -> Result<PageReq, String> {
        let num = |key: &str, default: usize| -> Result<usize, String> {
            match q.get(key).map(|s| s.trim()) {
                None | Some("") => Ok(default),
                Some(v) => v
                    .parse::<usize>()
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

    pub fn slice<T: Clone>(&self, all: &[T]) -> Paged<T> {
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
