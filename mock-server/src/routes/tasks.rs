//! Task reads (ocp-api.md §4): the paged list and the task detail (`WrappedTaskInstance`).

use super::PageReq;
use crate::ctx::Ctx;
use crate::engine::{Refused, TaskRec};
use crate::estate::Estate;
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use console_core::wire::{ClusterRef, Creator, TaskInstance};
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
            unreadable: Default::default(),
        });
    }
    if let Some(tid) = rec.tenant_id {
        if let Some(tn) = estate.tenants.iter().find(|x| x.id == tid) {
            t.tenant = Some(console_core::wire::task::TenantRef {
                id: Some(tn.id.into()),
                name: Some(tn.name.clone()),
                ..Default::default()
            });
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

/// Runs an engine operation on task `id` at the current simulated time.
fn with_task<T>(
    ctx: &Ctx,
    state: &AppState,
    id: &str,
    op: impl FnOnce(&mut TaskRec, i64) -> Result<T, Refused>,
) -> Result<T, Response> {
    let id = ctx.id(id, "taskInstanceId")?;
    let mut estate = state.estate();
    let now = estate.clock.now_ms();
    let rec = estate.tasks.get_mut(&id).ok_or_else(|| {
        ctx.meta.error(
            StatusCode::NOT_FOUND,
            20000,
            &format!("The {id} task does not exist."),
        )
    })?;
    let out = op(rec, now).map_err(|(status, code, msg)| ctx.meta.error(status, code, &msg))?;
    // Let what the operation made READY start right away.
    estate.tick();
    Ok(out)
}

fn task_reply(ctx: &Ctx, state: &AppState, id: &str) -> Response {
    let Ok(id) = id.parse::<i64>() else {
        return ctx.ok_no_data();
    };
    let estate = state.estate();
    match estate.tasks.get(&id) {
        Some(rec) => ctx.ok(&wrapped(&estate, rec)),
        None => ctx.ok_no_data(),
    }
}

pub async fn retry(ctx: Ctx, State(state): State<AppState>, Path(id): Path<String>) -> Response {
    if let Err(r) = ctx.require_operator() {
        return r;
    }
    match with_task(&ctx, &state, &id, |t, now| t.retry(now)) {
        Ok(()) => task_reply(&ctx, &state, &id),
        Err(r) => r,
    }
}

/// OCP Express answers a rollback without data (ocp-api.md §4 note); the mock does the same.
pub async fn rollback(ctx: Ctx, State(state): State<AppState>, Path(id): Path<String>) -> Response {
    if let Err(r) = ctx.require_operator() {
        return r;
    }
    match with_task(&ctx, &state, &id, |t, now| t.rollback(now)) {
        Ok(()) => ctx.ok_no_data(),
        Err(r) => r,
    }
}

/// The subtask operations (T5-T7): operator only, numeric ids, OCP's state rules.
fn subtask_op<T>(
    ctx: &Ctx,
    state: &AppState,
    id: &str,
    sid: &str,
    op: impl FnOnce(&mut TaskRec, i64, i64) -> Result<T, Refused>,
) -> Result<T, Response> {
    ctx.require_operator()?;
    let sid = ctx.id(sid, "subtaskInstanceId")?;
    with_task(ctx, state, id, |t, now| op(t, sid, now))
}

pub async fn retry_subtask(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, sid)): Path<(String, String)>,
) -> Response {
    match subtask_op(&ctx, &state, &id, &sid, TaskRec::retry_subtask) {
        Ok(sub) => ctx.ok(&sub),
        Err(r) => r,
    }
}

pub async fn skip_subtask(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, sid)): Path<(String, String)>,
) -> Response {
    match subtask_op(&ctx, &state, &id, &sid, TaskRec::skip_subtask) {
        Ok(()) => ctx.ok_no_data(),
        Err(r) => r,
    }
}

pub async fn cancel_subtask(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, sid)): Path<(String, String)>,
) -> Response {
    match subtask_op(&ctx, &state, &id, &sid, TaskRec::cancel_subtask) {
        Ok(()) => ctx.ok_no_data(),
        Err(r) => r,
    }
}

pub async fn subtask_log(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, sid)): Path<(String, String)>,
) -> Response {
    let (id, sid) = match (
        ctx.id(&id, "taskInstanceId"),
        ctx.id(&sid, "subtaskInstanceId"),
    ) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(r), _) | (_, Err(r)) => return r,
    };
    let estate = state.estate();
    let Some(rec) = estate.tasks.get(&id) else {
        return ctx.meta.error(
            StatusCode::NOT_FOUND,
            20000,
            &format!("The {id} task does not exist."),
        );
    };
    match rec.log(sid, estate.clock.now_ms(), &estate.clock) {
        Ok(log) => ctx.ok(&console_core::wire::SubtaskLog {
            log: Some(log),
            unreadable: Default::default(),
        }),
        Err((status, code, msg)) => ctx.meta.error(status, code, &msg),
    }
}
