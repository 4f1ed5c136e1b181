//! Reads of the estate: `GET /api/v2/ob/clusters[/{id}[/tenants[/{tenantId}]]]`, and every
//! tenant at once, `GET /api/v2/ob/tenants` (OCP's estate-wide list: paged, filtered by `name`,
//! `clusterName` and `status`; docs/ocp-api.md §8).

use super::PageReq;
use crate::http::ctx::{path_id, Ctx};
use crate::http::state::AppState;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use std::collections::HashMap;

pub(crate) async fn list(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    ctx.answer(|| {
        let page = PageReq::parse(&q)?;
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
        Ok(ctx.ok(&page.slice(&all)))
    })
}

pub(crate) async fn detail(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Response {
    ctx.answer(|| {
        let id = path_id(&id, "id")?;
        let estate = state.estate();
        Ok(ctx.ok(&estate.cluster_json(estate.cluster(id)?)))
    })
}

pub(crate) async fn tenants(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    ctx.answer(|| {
        let id = path_id(&id, "id")?;
        let page = PageReq::parse(&q)?;
        let estate = state.estate();
        estate.cluster(id)?;
        let now = estate.clock.scn_now();
        let all: Vec<_> = estate
            .tenants
            .iter()
            .filter(|t| t.cluster_id == id)
            .map(|t| estate.tenant_json(t, now))
            .collect();
        Ok(ctx.ok(&page.slice(&all)))
    })
}

pub(crate) async fn tenant(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, tenant_id)): Path<(String, String)>,
) -> Response {
    ctx.answer(|| {
        let id = path_id(&id, "id")?;
        let tenant_id = path_id(&tenant_id, "tenantId")?;
        let estate = state.estate();
        let now = estate.clock.scn_now();
        Ok(ctx.ok(&estate.tenant_json(estate.tenant(id, tenant_id)?, now)))
    })
}

/// `GET /api/v2/ob/tenants`: every tenant, in the estate's order (each cluster's in turn), paged
/// as OCP pages. `name` and `clusterName` match a part of the name in any case; `status` one
/// status or several separated by commas.
pub(crate) async fn all_tenants(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    ctx.answer(|| {
        let page = PageReq::parse(&q)?;
        let estate = state.estate();
        let now = estate.clock.scn_now();
        let wanted = |key: &str| {
            q.get(key)
                .map(|s| s.trim().to_lowercase())
                .filter(|s| !s.is_empty())
        };
        let (name, cluster_name) = (wanted("name"), wanted("clusterName"));
        let statuses: Option<Vec<String>> =
            wanted("status").map(|s| s.split(',').map(|x| x.trim().to_uppercase()).collect());
        let cluster_names: HashMap<i64, String> = estate
            .clusters
            .iter()
            .map(|c| (c.id, c.name.to_lowercase()))
            .collect();
        let all: Vec<_> = estate
            .tenants
            .iter()
            .filter(|t| {
                name.as_ref()
                    .is_none_or(|n| t.name.to_lowercase().contains(n))
            })
            .filter(|t| {
                cluster_name.as_ref().is_none_or(|n| {
                    cluster_names
                        .get(&t.cluster_id)
                        .is_some_and(|c| c.contains(n))
                })
            })
            .filter(|t| {
                statuses
                    .as_ref()
                    .is_none_or(|s| s.iter().any(|x| *x == t.status.to_string()))
            })
            .map(|t| estate.tenant_json(t, now))
            .collect();
        Ok(ctx.ok(&page.slice(&all)))
    })
}
