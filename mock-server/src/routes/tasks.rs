//! Task reads (ocp-api.md §4): the paged list and the task detail (`WrappedTaskInstance`).

use super::PageReq;
use crate::ctx::Ctx;
use crate::estate::{Estate, TaskRec};
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use console_core::wire::{ClusterRef, Creator, TaskInstance};
use serde_json::json;
use std::collections::HashMap;

/// The detail view OCP returns: `creator` an object, `cluster` and `tenant` filled in.
fn wrapped(estate: &Estate, rec: &TaskRec) -> TaskInstance {
    let mut t = rec.task.clone();
    if let Some(Creator::Name(name)) = t.creator.take() {
        t.creator = Some(Creator::Object {
            id: None,
            name: Some(name),
        });
    }
    if let Ok(c) = estate.cluster(rec.cluster_id) {
        t.cluster = Some(ClusterRef {
            id: Some(c.id.into()),
            name: Some(c.name.clone()),
            ob_cluster_id: Some(c.ob_cluster_id.into()),
            cluster_type: Some(c.cluster_type.clone()),
        });
    }
    if let Some(tid) = rec.tenant_id {
        if let Some(tn) = estate.tenants.iter().find(|x| x.id == tid) {
            t.tenant = Some(json!({ "id": tn.id, "name": tn.name }));
        }
    }
    t
}

pub async fn detail(ctx: Ctx, State(state): State<AppState>, Path(id): Path<String>) -> Response {
    let id = match ctx.id(&id, "taskInstanceId") {
        Ok(v) => v,
        Err(r) => return r,
    };
    let estate = state.estate();
    match estate.tasks.get(&id) {
        Some(rec) => ctx.ok(&wrapped(&estate, rec)),
        None => ctx.meta.error(
            StatusCode::NOT_FOUND,
            20000,
            &format!("The {id} task does not exist."),
        ),
    }
}

pub async fn list(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let page = match PageReq::parse(&q) {
        Ok(p) => p,
        Err(e) => return ctx.bad_request(&e, &e),
    };
    let statuses: Option<Vec<String>> = q.get("status").filter(|s| !s.trim().is_empty()).map(|s| {
        s.split(',')
            .map(|x| x.trim().to_ascii_uppercase())
            .collect()
    });
    let cluster = q.get("clusterId").and_then(|v| v.parse::<i64>().ok());
    let tenant = q.get("tenantId").and_then(|v| v.parse::<i64>().ok());
    let estate = state.estate();
    // Newest first, as OCP's task list shows them.
    let all: Vec<TaskInstance> = estate
        .tasks
        .values()
        .rev()
        .filter(|r| {
            let status = r.task.status.as_ref().map(|s| s.as_wire().to_string());
            statuses
                .as_ref()
                .is_none_or(|ss| status.as_ref().is_some_and(|s| ss.contains(s)))
                && cluster.is_none_or(|c| r.cluster_id == c)
                && tenant.is_none_or(|t| r.tenant_id == Some(t))
        })
        .map(|r| wrapped(&estate, r))
        .collect();
    ctx.ok(&page.slice(&all))
}
