//! Task endpoints (docs/ocp-api.md §4): the paged list, the task detail (`WrappedTaskInstance`), the
//! operations (retry, rollback, subtask retry/skip/cancel; operator only) and subtask logs.

use super::{query_id, PageReq};
use crate::http::ctx::{path_id, Ctx};
use crate::http::state::AppState;
use crate::sim::engine::TaskRec;
use crate::sim::refusal::Refusal;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use console_core::wire::TaskInstance;
use console_core::Paged;
use std::collections::HashMap;

/// T2, what the console polls: rendered once per change of the task (`http::task_replies`).
pub(crate) async fn detail(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Response {
    ctx.answer(|| {
        let id = path_id(&id, "taskInstanceId")?;
        let estate = state.estate();
        let data = state.task_replies().data(&estate, id)?;
        drop(estate);
        Ok(ctx.ok_rendered(&data))
    })
}

pub(crate) async fn list(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    ctx.answer(|| {
        let page = PageReq::parse(&q)?;
        let statuses: Option<Vec<String>> =
            q.get("status").filter(|s| !s.trim().is_empty()).map(|s| {
                s.split(',')
                    .map(|x| x.trim().to_ascii_uppercase())
                    .collect()
            });
        let cluster = query_id(&q, "clusterId")?;
        let tenant = query_id(&q, "tenantId")?;
        // OCP's `name` is a fuzzy match: a case-insensitive substring here.
        let name = q
            .get("name")
            .map(|n| n.trim().to_lowercase())
            .filter(|n| !n.is_empty());
        let estate = state.estate();
        // Newest first, as OCP's task list shows them; only the page asked for is rendered (a
        // scenario may hold thousands of drills).
        let all: Vec<&TaskRec> = estate
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
                    && name.as_ref().is_none_or(|n| {
                        r.task
                            .name
                            .as_ref()
                            .is_some_and(|tn| tn.to_lowercase().contains(n))
                    })
            })
            .collect();
        let paged = page.slice(&all);
        Ok(ctx.ok(&Paged {
            contents: paged
                .contents
                .into_iter()
                .map(|r| estate.task_view(r))
                .collect::<Vec<TaskInstance>>(),
            page: paged.page,
            unreadable: paged.unreadable,
        }))
    })
}

/// T3: retry a FAILED task; answers the task as it now runs.
pub(crate) async fn retry(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Response {
    ctx.answer(|| {
        ctx.require_operator()?;
        let id = path_id(&id, "taskInstanceId")?;
        let mut estate = state.estate();
        estate.operate(id, |t, now| t.retry(now))?;
        Ok(ctx.ok(&estate.task_json(id)?))
    })
}

/// T4. OCP Express answers a rollback without data (docs/ocp-api.md §4 note); the mock does the same.
pub(crate) async fn rollback(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Response {
    ctx.answer(|| {
        ctx.require_operator()?;
        let id = path_id(&id, "taskInstanceId")?;
        state.estate().operate(id, |t, now| t.rollback(now))?;
        Ok(ctx.ok_no_data())
    })
}

/// The subtask operations (T5-T7): operator only, numeric ids, OCP's state rules.
fn subtask_op<T>(
    ctx: &Ctx,
    state: &AppState,
    id: &str,
    sid: &str,
    op: impl FnOnce(&mut TaskRec, i64, i64) -> Result<T, Refusal>,
) -> Result<T, Refusal> {
    ctx.require_operator()?;
    let sid = path_id(sid, "subtaskInstanceId")?;
    let id = path_id(id, "taskInstanceId")?;
    state.estate().operate(id, |t, now| op(t, sid, now))
}

pub(crate) async fn retry_subtask(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, sid)): Path<(String, String)>,
) -> Response {
    ctx.answer(|| {
        let sub = subtask_op(&ctx, &state, &id, &sid, TaskRec::retry_subtask)?;
        Ok(ctx.ok(&sub))
    })
}

pub(crate) async fn skip_subtask(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, sid)): Path<(String, String)>,
) -> Response {
    ctx.answer(|| {
        subtask_op(&ctx, &state, &id, &sid, TaskRec::skip_subtask)?;
        Ok(ctx.ok_no_data())
    })
}

pub(crate) async fn cancel_subtask(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, sid)): Path<(String, String)>,
) -> Response {
    ctx.answer(|| {
        subtask_op(&ctx, &state, &id, &sid, TaskRec::cancel_subtask)?;
        Ok(ctx.ok_no_data())
    })
}

pub(crate) async fn subtask_log(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, sid)): Path<(String, String)>,
) -> Response {
    ctx.answer(|| {
        let id = path_id(&id, "taskInstanceId")?;
        let sid = path_id(&sid, "subtaskInstanceId")?;
        let log = state.estate().subtask_log(id, sid)?;
        Ok(ctx.ok(&console_core::wire::SubtaskLog {
            log: Some(log),
            unreadable: Default::default(),
        }))
    })
}
