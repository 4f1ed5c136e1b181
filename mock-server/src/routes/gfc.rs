//! GFC endpoints under `/gfc/failover/` (docs/gfc-api.md), with the seed's names. Replies use
//! the same envelope as the OCP mock, so one client handles both.

use crate::ctx::{Body, Ctx};
use crate::state::AppState;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use console_core::gfc::{parse_ids, validate, LaunchBody, Operations, PrecheckBody, SessionRef};
use std::collections::HashMap;

/// `sessionIdStr` as the original sends it (`bc4b…230,`: a trailing comma).
fn session_param(q: &HashMap<String, String>) -> String {
    q.get("sessionIdStr")
        .map(|s| s.trim().trim_end_matches(',').trim().to_string())
        .unwrap_or_default()
}

fn unknown_session(ctx: &Ctx, id: &str) -> Response {
    ctx.meta.error(
        StatusCode::NOT_FOUND,
        40401,
        &format!("No GFC session {id}."),
    )
}

pub async fn check_types(ctx: Ctx, State(state): State<AppState>) -> Response {
    ctx.ok(&state.estate().gfc.check_types)
}

pub async fn search(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let raw = q.get("componentIdsStr").cloned().unwrap_or_default();
    let (ids, junk) = parse_ids(&raw);
    if ids.is_empty() && junk.is_empty() {
        return ctx.bad_request(
            "Name at least one component id in componentIdsStr.",
            "请在 componentIdsStr 中至少指定一个组件 ID。",
        );
    }
    let estate = state.estate();
    let mut result = console_core::gfc::SearchResult::default();
    for id in ids {
        match estate.gfc.components.iter().find(|c| c.c.id == id) {
            Some(c) => result.components.push(c.c.clone()),
            None => result.not_found.push(id.to_string()),
        }
    }
    result.not_found.extend(junk);
    ctx.ok(&result)
}

pub async fn precheck(
    ctx: Ctx,
    State(state): State<AppState>,
    Body(body): Body<PrecheckBody>,
) -> Response {
    let Some(body) = body else {
        return ctx.bad_request(
            "The precheck needs a body with componentIDs.",
            "预检查需要包含 componentIDs 的请求体。",
        );
    };
    let mut estate = state.estate();
    let known = estate.gfc.known_ids();
    // Only what a precheck needs: which components, which direction.
    let problems: Vec<String> = validate(&body.launch, &known, i64::MIN)
        .into_iter()
        .filter(|i| matches!(i.field, "componentIDs" | "isfailover"))
        .map(|i| i.message)
        .collect();
    if !problems.is_empty() {
        let msg = problems.join(" ");
        return ctx.bad_request(&msg, &msg);
    }
    let checks: Vec<String> = body
        .check_types
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    if let Some(bad) = checks
        .iter()
        .find(|c| !estate.gfc.check_types.iter().any(|t| &t.id == *c))
    {
        let msg = format!("Unknown check type {bad}.");
        return ctx.bad_request(&msg, &msg);
    }
    let (ids, _) = parse_ids(&body.launch.component_ids);
    let now = estate.clock.now_ms();
    let session = estate.gfc.start_precheck(&ids, &checks, now);
    ctx.ok(&SessionRef {
        session_id: session,
    })
}

pub async fn precheck_status(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let session = session_param(&q);
    let estate = state.estate();
    match estate.gfc.precheck_status(&session, estate.clock.now_ms()) {
        Some(Ok(status)) => ctx.ok(&status),
        // The original's behaviour: nothing in the cache yet is an unhandled error.
        Some(Err(())) => ctx.meta.error(
            StatusCode::INTERNAL_SERVER_ERROR,
            0,
            "Unhandled exception, type=NullPointerException, message=precheck status not found in redis",
        ),
        None => unknown_session(&ctx, &session),
    }
}

pub async fn launch(
    ctx: Ctx,
    State(state): State<AppState>,
    Body(body): Body<LaunchBody>,
) -> Response {
    if let Err(r) = ctx.require_operator() {
        return r;
    }
    let Some(body) = body else {
        return ctx.bad_request("The launch needs a body.", "发起切换需要请求体。");
    };
    let mut estate = state.estate();
    let known = estate.gfc.known_ids();
    let now_wall = estate.clock.instant(estate.clock.now_ms()).epoch_ms;
    let problems = validate(&body, &known, now_wall);
    if !problems.is_empty() {
        let msg = problems
            .iter()
            .map(|i| format!("{}: {}", i.field, i.message))
            .collect::<Vec<_>>()
            .join(" ");
        return ctx.bad_request(&msg, &msg);
    }
    let (ids, _) = parse_ids(&body.component_ids);
    let clock = estate.clock.clone();
    let session = estate.gfc.launch(body, &ids, &clock);
    ctx.ok(&SessionRef {
        session_id: session,
    })
}

pub async fn operations(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let session = session_param(&q);
    let filter: Vec<i64> = parse_ids(q.get("componentIdsStr").map(String::as_str).unwrap_or("")).0;
    let estate = state.estate();
    let Some((mark, done, ops)) = estate.gfc.operations(&session) else {
        return unknown_session(&ctx, &session);
    };
    if let Some(m) = q
        .get("failoverbackMark")
        .filter(|m| !m.is_empty() && **m != mark)
    {
        let msg = format!("Session {session} is a {mark}, not a {m}.");
        return ctx.bad_request(&msg, &msg);
    }
    let operations = ops
        .into_iter()
        .filter(|o| filter.is_empty() || filter.contains(&o.component_id))
        .collect();
    ctx.ok(&Operations {
        session_id: session,
        failoverback_mark: mark,
        done,
        operations,
    })
}

pub async fn report(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let session = session_param(&q);
    let estate = state.estate();
    match estate.gfc.report(&session, &estate.clock) {
        Some(r) => ctx.ok(&r),
        None => unknown_session(&ctx, &session),
    }
}
