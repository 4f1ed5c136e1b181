//! Disaster-recovery endpoints (docs/ocp-api.md §7): prechecks computed from the estate, and launches
//! that create tasks. Launches need the operator role and re-check the precondition, as OCP does.

use crate::http::ctx::{path_id, Body, Ctx};
use crate::http::state::AppState;
use crate::sim::refusal::Refusal;
use crate::sim::templates::TaskKind;
use axum::extract::{Path, State};
use axum::response::Response;
use console_core::wire::{BatchFailoverBody, FailoverBody, SwitchoverBody, TaskInstance};
use console_core::Paged;

/// Parses `{id}` and `{tenantId}`, or refuses with 400.
fn ids(id: &str, tenant: &str) -> Result<(i64, i64), Refusal> {
    Ok((path_id(id, "id")?, path_id(tenant, "tenantId")?))
}

/// Prechecks take a while on a real OCP; the console's loading states should be seen. The
/// answer comes from the world as ticked when the request arrived.
async fn precheck_delay(state: &AppState) {
    let d = state.config().precheck_delay;
    if !d.is_zero() {
        tokio::time::sleep(d).await;
    }
}

fn paged<T>(contents: Vec<T>) -> Paged<T> {
    Paged {
        contents,
        page: None,
        unreadable: Default::default(),
    }
}

pub(crate) async fn tenant_failover_precheck(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, tenant)): Path<(String, String)>,
) -> Response {
    let (id, tenant) = match ids(&id, &tenant) {
        Ok(v) => v,
        Err(r) => return ctx.refuse(&r),
    };
    precheck_delay(&state).await;
    ctx.answer(|| {
        let estate = state.estate();
        let result =
            estate.tenant_failover_precheck(id, tenant, ctx.lang, estate.clock.scn_now())?;
        Ok(ctx.ok(&result))
    })
}

pub(crate) async fn batch_failover_precheck(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Response {
    let id = match path_id(&id, "id") {
        Ok(v) => v,
        Err(r) => return ctx.refuse(&r),
    };
    precheck_delay(&state).await;
    ctx.answer(|| {
        let estate = state.estate();
        let contents = estate.batch_failover_precheck(id, ctx.lang, estate.clock.scn_now())?;
        Ok(ctx.ok(&paged(contents)))
    })
}

pub(crate) async fn tenant_failover(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, tenant)): Path<(String, String)>,
    Body(body): Body<FailoverBody>,
) -> Response {
    ctx.answer(|| {
        ctx.require_operator()?;
        let (id, tenant) = ids(&id, &tenant)?;
        let service = body
            .and_then(|b| b.service_name)
            .filter(|s| !s.trim().is_empty());
        let mut estate = state.estate();
        let scn = estate.clock.scn_now();
        estate.require_failover_allowed(id, tenant, ctx.lang, scn)?;
        let task = estate.launch(
            state.templates(),
            TaskKind::TenantFailover,
            id,
            Some(tenant),
            service,
            &ctx.user,
        )?;
        Ok(ctx.ok(&task))
    })
}

pub(crate) async fn batch_failover(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Body(body): Body<BatchFailoverBody>,
) -> Response {
    ctx.answer(|| {
        ctx.require_operator()?;
        let id = path_id(&id, "id")?;
        let Some(body) = body.filter(|b| !b.failover_tenant_item_list.is_empty()) else {
            return Err(Refusal::bad(
                "The input parameter failoverTenantItemList is empty or invalid. Please check and try again.",
                "输入参数 failoverTenantItemList 为空或无效，请检查后重试。",
            ));
        };
        let mut estate = state.estate();
        // All or nothing: every tenant is checked before any task is created.
        let scn = estate.clock.scn_now();
        for item in &body.failover_tenant_item_list {
            estate.require_failover_allowed(id, item.tenant_id.0, ctx.lang, scn)?;
        }
        let mut tasks: Vec<TaskInstance> = Vec::new();
        for item in &body.failover_tenant_item_list {
            tasks.push(estate.launch(
                state.templates(),
                TaskKind::TenantFailover,
                id,
                Some(item.tenant_id.0),
                item.service_name.clone(),
                &ctx.user,
            )?);
        }
        Ok(ctx.ok(&paged(tasks)))
    })
}

pub(crate) async fn tenant_switchover_precheck(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, tenant)): Path<(String, String)>,
    Body(body): Body<SwitchoverBody>,
) -> Response {
    let (id, tenant) = match ids(&id, &tenant) {
        Ok(v) => v,
        Err(r) => return ctx.refuse(&r),
    };
    precheck_delay(&state).await;
    let standby = body.and_then(|b| b.standby_tenant_id).map(|l| l.0);
    ctx.answer(|| {
        let estate = state.estate();
        let scn = estate.clock.scn_now();
        let result = estate.tenant_switchover_precheck(id, tenant, standby, ctx.lang, scn)?;
        Ok(ctx.ok(&result))
    })
}

pub(crate) async fn tenant_switchover(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, tenant)): Path<(String, String)>,
    Body(body): Body<SwitchoverBody>,
) -> Response {
    ctx.answer(|| {
        ctx.require_operator()?;
        let (id, tenant) = ids(&id, &tenant)?;
        let standby = body.and_then(|b| b.standby_tenant_id).map(|l| l.0);
        let mut estate = state.estate();
        let scn = estate.clock.scn_now();
        let standby_id = estate.require_switchover_allowed(id, tenant, standby, ctx.lang, scn)?;
        let task = estate.launch(
            state.templates(),
            TaskKind::TenantSwitchover,
            id,
            standby_id,
            None,
            &ctx.user,
        )?;
        Ok(ctx.ok(&task))
    })
}

async fn cluster_precheck(ctx: Ctx, state: AppState, id: String, switchover: bool) -> Response {
    let id = match path_id(&id, "id") {
        Ok(v) => v,
        Err(r) => return ctx.refuse(&r),
    };
    precheck_delay(&state).await;
    ctx.answer(|| {
        let result = state.estate().cluster_precheck(id, switchover, ctx.lang)?;
        Ok(ctx.ok(&result))
    })
}

pub(crate) async fn cluster_failover_precheck(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Response {
    cluster_precheck(ctx, state, id, false).await
}

pub(crate) async fn cluster_switchover_precheck(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Response {
    cluster_precheck(ctx, state, id, true).await
}

fn cluster_launch(ctx: Ctx, state: AppState, id: String, switchover: bool) -> Response {
    ctx.answer(|| {
        ctx.require_operator()?;
        let id = path_id(&id, "id")?;
        let mut estate = state.estate();
        estate.require_cluster_allowed(id, switchover, ctx.lang)?;
        let kind = if switchover {
            TaskKind::ClusterSwitchover
        } else {
            TaskKind::ClusterFailover
        };
        let task = estate.launch(state.templates(), kind, id, None, None, &ctx.user)?;
        Ok(ctx.ok(&task))
    })
}

pub(crate) async fn cluster_failover(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Response {
    cluster_launch(ctx, state, id, false)
}

pub(crate) async fn cluster_switchover(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Response {
    cluster_launch(ctx, state, id, true)
}
