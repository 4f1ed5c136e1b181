//! Disaster-recovery endpoints (ocp-api.md §7): prechecks computed from the estate, and launches
//! that create tasks. Launches need the operator role and re-check the precondition, as OCP does.

use super::now_ns;
use crate::ctx::{Body, Ctx};
use crate::estate::Refusal;
use crate::state::AppState;
use crate::templates::TaskKind;
use axum::extract::{Path, State};
use axum::response::Response;
use console_core::wire::{BatchFailoverBody, FailoverBody, SwitchoverBody, TaskInstance};
use console_core::Paged;

/// Parses `{id}` and `{tenantId}` or answers 400.
fn ids(ctx: &Ctx, id: &str, tenant: &str) -> Result<(i64, i64), Response> {
    Ok((ctx.id(id, "id")?, ctx.id(tenant, "tenantId")?))
}

macro_rules! tryr {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(r) => return r,
        }
    };
}

async fn precheck_delay(state: &AppState) {
    let d = state.config().precheck_delay;
    if !d.is_zero() {
        tokio::time::sleep(d).await;
    }
}

pub async fn tenant_failover_precheck(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, tenant)): Path<(String, String)>,
) -> Response {
    let (id, tenant) = tryr!(ids(&ctx, &id, &tenant));
    precheck_delay(&state).await;
    let result = state
        .estate()
        .tenant_failover_precheck(id, tenant, ctx.lang, now_ns());
    match result {
        Ok(r) => ctx.ok(&r),
        Err(r) => ctx.refuse(&r),
    }
}

pub async fn batch_failover_precheck(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Response {
    let id = tryr!(ctx.id(&id, "id"));
    precheck_delay(&state).await;
    let result = state
        .estate()
        .batch_failover_precheck(id, ctx.lang, now_ns());
    match result {
        Ok(contents) => ctx.ok(&Paged {
            contents,
            page: None,
            unreadable: Default::default(),
        }),
        Err(r) => ctx.refuse(&r),
    }
}

pub async fn tenant_failover(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, tenant)): Path<(String, String)>,
    Body(body): Body<FailoverBody>,
) -> Response {
    tryr!(ctx.require_operator());
    let (id, tenant) = tryr!(ids(&ctx, &id, &tenant));
    let service = body
        .and_then(|b| b.service_name)
        .filter(|s| !s.trim().is_empty());
    let mut estate = state.estate();
    let launched = estate
        .require_failover_allowed(id, tenant, ctx.lang, now_ns())
        .and_then(|_| {
            estate.launch(
                state.templates(),
                TaskKind::TenantFailover,
                id,
                Some(tenant),
                service,
                &ctx.user,
            )
        });
    match launched {
        Ok(task) => ctx.ok(&task),
        Err(r) => ctx.refuse(&r),
    }
}

pub async fn batch_failover(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Body(body): Body<BatchFailoverBody>,
) -> Response {
    tryr!(ctx.require_operator());
    let id = tryr!(ctx.id(&id, "id"));
    let Some(body) = body.filter(|b| !b.failover_tenant_item_list.is_empty()) else {
        return ctx.bad_request(
            "The input parameter failoverTenantItemList is empty or invalid. Please check and try again.",
            "输入参数 failoverTenantItemList 为空或无效，请检查后重试。",
        );
    };
    let mut estate = state.estate();
    // All or nothing: every tenant is checked before any task is created.
    for item in &body.failover_tenant_item_list {
        if let Err(r) = estate.require_failover_allowed(id, item.tenant_id.0, ctx.lang, now_ns()) {
            return ctx.refuse(&r);
        }
    }
    let mut tasks: Vec<TaskInstance> = Vec::new();
    for item in &body.failover_tenant_item_list {
        match estate.launch(
            state.templates(),
            TaskKind::TenantFailover,
            id,
            Some(item.tenant_id.0),
            item.service_name.clone(),
            &ctx.user,
        ) {
            Ok(t) => tasks.push(t),
            Err(r) => return ctx.refuse(&r),
        }
    }
    ctx.ok(&Paged {
        contents: tasks,
        page: None,
        unreadable: Default::default(),
    })
}

pub async fn tenant_switchover_precheck(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, tenant)): Path<(String, String)>,
    Body(body): Body<SwitchoverBody>,
) -> Response {
    let (id, tenant) = tryr!(ids(&ctx, &id, &tenant));
    precheck_delay(&state).await;
    let standby = body.and_then(|b| b.standby_tenant_id).map(|l| l.0);
    let result = state
        .estate()
        .tenant_switchover_precheck(id, tenant, standby, ctx.lang, now_ns());
    match result {
        Ok(r) => ctx.ok(&r),
        Err(r) => ctx.refuse(&r),
    }
}

pub async fn tenant_switchover(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, tenant)): Path<(String, String)>,
    Body(body): Body<SwitchoverBody>,
) -> Response {
    tryr!(ctx.require_operator());
    let (id, tenant) = tryr!(ids(&ctx, &id, &tenant));
    let standby = body.and_then(|b| b.standby_tenant_id).map(|l| l.0);
    let mut estate = state.estate();
    let checked = estate
        .tenant_switchover_precheck(id, tenant, standby, ctx.lang, now_ns())
        .and_then(|pre| {
            if pre.valid == Some(true) {
                let s = pre
                    .standby_check_results
                    .as_ref()
                    .and_then(|r| r.as_slice().first())
                    .and_then(|s| s.tenant_id)
                    .map(|l| l.0);
                Ok(s)
            } else {
                Err(Refusal {
                    status: axum::http::StatusCode::BAD_REQUEST,
                    code: 10001,
                    en: "The switchover precheck fails; run it to see why.".into(),
                    zh: "主备切换预检查未通过，请先运行预检查查看原因。".into(),
                })
            }
        });
    let standby_id = tryr!(checked.map_err(|r| ctx.refuse(&r)));
    match estate.launch(
        state.templates(),
        TaskKind::TenantSwitchover,
        id,
        standby_id,
        None,
        &ctx.user,
    ) {
        Ok(task) => ctx.ok(&task),
        Err(r) => ctx.refuse(&r),
    }
}

async fn cluster_precheck(ctx: Ctx, state: AppState, id: String, switchover: bool) -> Response {
    let id = tryr!(ctx.id(&id, "id"));
    precheck_delay(&state).await;
    let result = state.estate().cluster_precheck(id, switchover, ctx.lang);
    match result {
        Ok(r) => ctx.ok(&r),
        Err(r) => ctx.refuse(&r),
    }
}

pub async fn cluster_failover_precheck(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Response {
    cluster_precheck(ctx, state, id, false).await
}

pub async fn cluster_switchover_precheck(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Response {
    cluster_precheck(ctx, state, id, true).await
}

async fn cluster_launch(ctx: Ctx, state: AppState, id: String, switchover: bool) -> Response {
    tryr!(ctx.require_operator());
    let id = tryr!(ctx.id(&id, "id"));
    let mut estate = state.estate();
    let pre = tryr!(estate
        .cluster_precheck(id, switchover, ctx.lang)
        .map_err(|r| ctx.refuse(&r)));
    if let Some(result) = pre.result.filter(|r| r.valid != Some(true)) {
        let msg = result.messages.unwrap_or_default().join("; ");
        return ctx.bad_request(&msg, &msg);
    }
    let kind = if switchover {
        TaskKind::ClusterSwitchover
    } else {
        TaskKind::ClusterFailover
    };
    match estate.launch(state.templates(), kind, id, None, None, &ctx.user) {
        Ok(task) => ctx.ok(&task),
        Err(r) => ctx.refuse(&r),
    }
}

pub async fn cluster_failover(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Response {
    cluster_launch(ctx, state, id, false).await
}

pub async fn cluster_switchover(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Response {
    cluster_launch(ctx, state, id, true).await
}
