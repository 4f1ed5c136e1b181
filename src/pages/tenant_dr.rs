//! Tenant failover or switchover: run the precheck, read the verdict and every finding, see what
//! changed since the previous run, and launch from the result on screen.

use crate::api::use_api;
use crate::components::breadcrumbs::Breadcrumbs;
use crate::components::confirm_dialog::{ConfirmDialog, Confirmed};
use crate::components::failure_view::FailureView;
use crate::components::launch_record;
use crate::components::precheck_history::{tenant_record, KeptRuns, PrecheckHistory};
use crate::components::role_badge::RoleBadge;
use crate::components::unreadable::Unreadable;
use crate::components::verdict::finding_text;
use crate::components::verdict::{ChangesView, VerdictPanel};
use crate::components::viewer_notice::ViewerNotice;
use crate::components::when::CheckedAt;
use crate::hooks::launch::Launch;
use crate::hooks::load::use_load;
use crate::hooks::ticker::use_ticker;
use crate::hooks::title::use_title;
use crate::i18n::use_i18n;
use crate::pages::not_found::NotFound;
use crate::session::use_session;
use console_core::present::crumbs::{trail, Place};
use console_core::i18n::Text;
use console_core::precheck::verdict::{changes, summarize, summarize_switchover, Action, Summary, Verdict};
use console_core::present;
use console_core::precheck::readiness;
use console_core::time::scn;
use console_core::time::human;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn TenantDrPage() -> impl IntoView {
    let params = use_params_map();
    let parsed = Memo::new(move |_| {
        let p = params.read();
        Some((
            p.get("id")?.parse::<i64>().ok()?,
            p.get("tid")?.parse::<i64>().ok()?,
            Action::from_segment(&p.get("action")?)?,
        ))
    });
    move || match parsed.get() {
        Some((cluster, tenant, action)) => view! { <TenantDr cluster tenant action /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    }
}

#[component]
fn TenantDr(cluster: i64, tenant: i64, action: Action) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let api = use_api();

    let api_t = api.clone();
    let detail = use_load(
        move || (),
        move |_| {
            let api = api_t.clone();
            async move { api.get_tenant(cluster, tenant).await }
        },
    );
    let primary_id = move || {
        detail
            .data
            .get()
            .and_then(|t| t.primary_tenant_id)
            .map(|l| l.0)
    };

    // Each run appends to the history; the last two give "what changed".
    let history = RwSignal::new(Vec::<Summary>::new());
    let api_p = api.clone();
    let precheck = use_load(
        move || (),
        move |_| {
            let api = api_p.clone();
            let primary = detail
                .data
                .get_untracked()
                .and_then(|t| t.primary_tenant_id)
                .map(|l| l.0);
            async move {
                let summary = match action {
                    Action::Failover => {
                        summarize(&api.tenant_failover_precheck(cluster, tenant).await?)
                    }
                    Action::Switchover => summarize_switchover(
                        &api.tenant_switchover_precheck(cluster, tenant, primary)
                            .await?,
                    ),
                };
                Ok(summary)
            }
        },
    );
    // Every result is also kept in this browser, per standby, with the lag at that time.
    let kept = KeptRuns::new(api.base(), readiness::tenant_key(cluster, tenant));
    let api_k = api.clone();
    Effect::new(move |_| {
        if let Some(s) = precheck.data.get() {
            let at = precheck
                .loaded_at
                .get_untracked()
                .unwrap_or_else(|| js_sys::Date::now() as i64);
            kept.keep(tenant_record(&api_k, &s, at));
            history.update(|h| h.push(s));
        }
    });

    let name = move || {
        detail
            .data
            .get()
            .and_then(|t| t.name)
            .or_else(|| {
                precheck
                    .data
                    .get()
                    .map(|s| s.name)
                    .filter(|n| !n.is_empty())
            })
            .unwrap_or_else(|| format!("#{tenant}"))
    };
    let title = move || match action {
        Action::Failover => i18n.f(Text::TenantFailoverTitle, &[&name()]),
        Action::Switchover => i18n.f(Text::TenantSwitchoverTitle, &[&name()]),
    };
    use_title(title);
    let primary_name = move || {
        detail
            .data
            .get()
            .and_then(|t| t.primary_tenant_name)
            .unwrap_or_default()
    };
    // Stored so `lag` stays `Copy` (several views call it).
    let api_g = StoredValue::new(api.clone());
    let lag =
        move || {
            precheck.data.get().and_then(|s| s.sync_scn).and_then(|v| {
                scn::lag_secs(v, api_g.with_value(|a| a.server_ms(js_sys::Date::now())))
            })
        };

    let now = use_ticker();
    let launch: Launch = Launch::new();
    let dialog = RwSignal::new(false);
    let passes = move || {
        precheck
            .data
            .get()
            .is_some_and(|s| s.verdict == Verdict::Pass)
    };
    let can_launch = move || passes() && session.can_operate() && !precheck.loading.get();

    // On success, open the task it created.
    launch.open_task_when_launched();

    let api_l = api.clone();
    let on_confirm = Callback::new(move |c: Confirmed| {
        let api = api_l.clone();
        let primary = primary_id();
        // The record keeps the precheck on screen, as the history keeps it.
        let on_screen = precheck.data.get_untracked().map(|s| {
            let at = precheck
                .loaded_at
                .get_untracked()
                .unwrap_or_else(|| js_sys::Date::now() as i64);
            (None, tenant_record(&api, &s, at))
        });
        let draft = launch_record::draft(session, &c.reason, on_screen.into_iter().collect());
        launch.fire(move || async move {
            let task = match action {
                Action::Failover => api.tenant_failover(cluster, tenant, c.service).await?,
                Action::Switchover => api.tenant_switchover(cluster, tenant, primary).await?,
            };
            let tasks = vec![task];
            launch_record::keep(&api.base(), &draft, &tasks);
            Ok(tasks)
        });
    });

    let consequence = Signal::derive(move || {
        let base = match action {
            Action::Failover => {
                i18n.f(Text::ConsequenceTenantFailover, &[&name(), &primary_name()])
            }
            Action::Switchover => i18n.f(
                Text::ConsequenceTenantSwitchover,
                &[&name(), &primary_name()],
            ),
        };
        match (action, lag()) {
            (Action::Failover, Some(l)) => {
                let lag = human::duration(l * 1000, i18n.lang.get());
                format!("{base} {}", i18n.f(Text::LagAtPrecheck, &[&lag]))
            }
            _ => base,
        }
    });

    view! {
        <section class="page">
            <Breadcrumbs trail=move |lang| {
                let (cluster_name, tenant_name) = detail.data.with(|t| t.as_ref().map(|t| (t.cluster_name.clone(), t.name.clone())).unwrap_or_default());
                trail(&Place::TenantDr {
                    cluster,
                    cluster_name: cluster_name.as_deref(),
                    tenant,
                    tenant_name: tenant_name.as_deref(),
                    action,
                }, lang)
            } />
            <h1>{title} " " {move || detail.data.get().and_then(|t| t.tenant_role).map(|r| view! { <RoleBadge look=present::tenant_role(&r) wire=r.as_wire().to_string() /> })}</h1>
            <ViewerNotice />
            <p class="muted">
                {move || detail.data.get().map(|t| format!(
                    "{} · {} {}",
                    t.cluster_name.unwrap_or_default(),
                    i18n.t(Text::FieldPrimaryTenant),
                    t.primary_tenant_name.unwrap_or_default()
                ))}
            </p>
            <FailureView failure=detail.error on_retry=Callback::new(move |_| detail.reload()) busy=detail.loading />
            <div class="precheck card" aria-busy=move || precheck.loading.get().to_string()>
                <h2 class="card-title">{i18n.tr(Text::PrecheckTitle)}</h2>
                {move || precheck.loading.get().then(|| view! { <p class="loading" data-testid="precheck-running">{i18n.t(Text::RunningPrecheck)}</p> })}
                {move || precheck.data.get().map(|s| {
                    let scn_text = s.sync_scn.map(|v| v.to_string());
                    let scn_raw = s.sync_scn_raw.clone();
                    let service = s.primary_service_name.clone();
                    view! {
                        <VerdictPanel summary=s action />
                        <CheckedAt at=precheck.loaded_at now />
                        <dl class="facts">
                            {scn_text.map(|v| view! { <dt>{i18n.t(Text::FieldSyncScn)}</dt><dd><code>{v}</code></dd> })}
                            {scn_raw.map(|raw| view! { <dt>{i18n.t(Text::FieldSyncScn)}</dt><dd><Unreadable raw /></dd> })}
                            {lag().map(|l| view! { <dt>{i18n.t(Text::FieldStandbyLag)}</dt><dd>{i18n.f(Text::LagSeconds, &[&human::duration(l * 1000, i18n.lang.get())])}</dd> })}
                            {service.map(|v| view! { <dt>{i18n.t(Text::FieldPrimaryService)}</dt><dd><code>{v}</code></dd> })}
                        </dl>
                    }
                })}
                {move || {
                    let h = history.get();
                    (h.len() >= 2).then(|| view! { <ChangesView changes=changes(&h[h.len() - 2], &h[h.len() - 1]) /> })
                }}
                <FailureView failure=precheck.error />
                <button class="btn" data-testid="rerun" disabled=move || precheck.loading.get() on:click=move |_| precheck.reload()>
                    {i18n.tr(Text::RunPrecheck)}
                </button>
            </div>
            <PrecheckHistory runs=kept now />
            <div class="launch-bar">
                {move || (precheck.data.get().is_some() && !passes()).then(|| view! { <p class="hint">{i18n.t(Text::LaunchBlockedHint)}</p> })}
                <button class="btn btn-danger" data-testid="launch" disabled=move || !can_launch() on:click=move |_| dialog.set(true)>
                    {move || match action {
                        Action::Failover => i18n.t(Text::LaunchFailover),
                        Action::Switchover => i18n.t(Text::LaunchSwitchover),
                    }}
                </button>
            </div>
            {move || dialog.get().then(|| {
                let s = precheck.data.get_untracked();
                let warnings: Vec<String> = s.iter().flat_map(|s| s.warnings.iter()).map(|w| format!("{} {}", w.code, finding_text(i18n, w)).trim().to_string()).collect();
                let service = match action {
                    Action::Failover => Some(s.and_then(|s| s.primary_service_name).unwrap_or_default()),
                    Action::Switchover => None,
                };
                let expected = detail.data.get_untracked().and_then(|t| t.name).unwrap_or_else(name);
                view! {
                    <ConfirmDialog
                        title=title()
                        consequence
                        expected
                        warnings
                        service_name=service
                        tasks_href=format!("/tasks?clusterId={cluster}&tenantId={tenant}")
                        launch
                        ask_reason=true
                        on_confirm
                        on_cancel=Callback::new(move |_| dialog.set(false))
                    />
                }
            })}
        </section>
    }
}
