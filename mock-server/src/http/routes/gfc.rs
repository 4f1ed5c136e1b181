//! GFC endpoints under `/gfc/failover/` (docs/gfc-api.md), with the seed's names. Replies use
//! the same envelope as the OCP mock, so one client handles both.

use crate::http::ctx::{Body, Ctx};
use crate::http::state::AppState;
use crate::sim::refusal::Refusal;
use axum::extract::{Query, State};
use axum::response::Response;
use console_core::gfc::{parse_ids, LaunchBody, PrecheckBody, SessionRef};
use std::collections::HashMap;

/// `sessionIdStr` as the original sends it (`bc4b…230,`: a trailing comma).
fn session_param(q: &HashMap<String, String>) -> String {
    q.get("sessionIdStr")
        .map(|s| s.trim().trim_end_matches(',').trim().to_string())
        .unwrap_or_default()
}

pub(crate) async fn check_types(ctx: Ctx, State(state): State<AppState>) -> Response {
    ctx.ok(&state.estate().gfc.check_types)
}

pub(crate) async fn search(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    ctx.answer(|| {
        let raw = q.get("componentIdsStr").cloned().unwrap_or_default();
        // The contract's pattern: a search names something (a letter or a digit), not only
        // separators.
        if !raw.bytes().any(|b| b.is_ascii_alphanumeric()) {
            return Err(Refusal::bad(
                "Name at least one component id in componentIdsStr.",
                "请在 componentIdsStr 中至少指定一个组件 ID。",
            ));
        }
        Ok(ctx.ok(&state.estate().gfc.search(&raw)?))
    })
}

pub(crate) async fn precheck(
    ctx: Ctx,
    State(state): State<AppState>,
    Body(body): Body<PrecheckBody>,
) -> Response {
    ctx.answer(|| {
        let body = body.ok_or_else(|| {
            Refusal::bad(
                "The precheck needs a body with componentIDs.",
                "预检查需要包含 componentIDs 的请求体。",
            )
        })?;
        let mut estate = state.estate();
        let now = estate.clock.now_ms();
        let session_id = estate.gfc.request_precheck(&body, now)?;
        Ok(ctx.ok(&SessionRef { session_id }))
    })
}

pub(crate) async fn precheck_status(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    ctx.answer(|| {
        let estate = state.estate();
        let status = estate
            .gfc
            .precheck_status(&session_param(&q), estate.clock.now_ms())?;
        Ok(ctx.ok(&status))
    })
}

pub(crate) async fn launch(
    ctx: Ctx,
    State(state): State<AppState>,
    Body(body): Body<LaunchBody>,
) -> Response {
    ctx.answer(|| {
        ctx.require_operator()?;
        let body =
            body.ok_or_else(|| Refusal::bad("The launch needs a body.", "发起切换需要请求体。"))?;
        let mut estate = state.estate();
        let clock = estate.clock.clone();
        let session_id = estate.gfc.request_launch(body, &clock)?;
        Ok(ctx.ok(&SessionRef { session_id }))
    })
}

pub(crate) async fn operations(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    ctx.answer(|| {
        let filter = parse_ids(q.get("componentIdsStr").map(String::as_str).unwrap_or("")).0;
        let mark = q.get("failoverbackMark").map(String::as_str);
        if let Some(m) = mark.filter(|m| !matches!(*m, "failover" | "failback")) {
            return Err(Refusal::bad(
                format!("failoverbackMark \"{m}\" is neither failover nor failback."),
                format!("failoverbackMark \"{m}\" 既不是 failover 也不是 failback。"),
            ));
        }
        let ops = state
            .estate()
            .gfc
            .operations(&session_param(&q), mark, &filter)?;
        Ok(ctx.ok(&ops))
    })
}

pub(crate) async fn report(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    ctx.answer(|| {
        let estate = state.estate();
        Ok(ctx.ok(&estate.gfc.report(&session_param(&q), &estate.clock)?))
    })
}
