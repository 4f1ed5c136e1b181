//! Reads of the demo estate: `GET /api/v2/ob/clusters[/{id}[/tenants[/{tenantId}]]]`.

use super::{now_ns, PageReq};
use crate::ctx::Ctx;
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use std::collections::HashMap;

pub async fn list(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let page = match PageReq::parse(&q) {
        Ok(p) => p,
        Err(e) => return ctx.bad_request(&e, &e),
    };
    let estate = state.estate();
    let name = q.get("name").map(|s| s.to_lowercase());
    let all: Vec<_> = estate
        .clusters
        .iter()
        .filter(|c| {
            name.as_ref()
                .is_none_or(|n| c.name.to_lowercase().contains(n))
        })
        .map(|c| estate.cluster_json(c))
        .collect();
    ctx.ok(&page.slice(&all))
}

pub async fn detail(ctx: Ctx, State(state): State<AppState>, Path(id): Path<String>) -> Response {
    let id = match ctx.id(&id, "id") {
        Ok(v) => v,
        Err(r) => return r,
    };
    let estate = state.estate();
    match estate.cluster(id) {
        Ok(c) => ctx.ok(&estate.cluster_json(c)),
        Err(r) => ctx.refuse(&r),
    }
}

pub async fn tenants(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let id = match ctx.id(&id, "id") {
        Ok(v) => v,
        Err(r) => return r,
    };
    let page = match PageReq::parse(&q) {
        Ok(p) => p,
        Err(e) => return ctx.bad_request(&e, &e),
    };
    let estate = state.estate();
    if let Err(r) = estate.cluster(id) {
        return ctx.refuse(&r);
    }
    let now = now_ns();
    let all: Vec<_> = estate
        .tenants
        .iter()
        .filter(|t| t.cluster_id == id)
        .map(|t| estate.tenant_json(t, now))
        .collect();
    ctx.ok(&page.slice(&all))
}

pub async fn tenant(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, tenant_id)): Path<(String, String)>,
) -> Response {
    let (id, tenant_id) = match (ctx.id(&id, "id"), ctx.id(&tenant_id, "tenantId")) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(r), _) | (_, Err(r)) => return r,
    };
    let estate = state.estate();
    match estate.tenant(id, tenant_id) {
        Ok(t) => ctx.ok(&estate.tenant_json(t, now_ns())),
        Err(r) => ctx.refuse(&r),
    }
}
