//! Tenant failover or switchover: run the precheck, read the verdict and every finding, see what
//! changed since the previous run, and launch from the result on screen. The flow is
//! `hooks::dr_launch`'s; this page gives the tenant's calls, words and facts.

use crate::api::{use_api, Api};
use crate::components::breadcrumbs::Breadcrumbs;
use crate::components::failure_view::FailureView;
use crate::components::launch_bar::{AfterLaunch, Confirmation, LaunchBar};
use crate::components::precheck_card::PrecheckCard;
use crate::components::role_badge::RoleBadge;
use crate::components::unreadable::Unreadable;
use crate::components::verdict::finding_text;
use crate::components::viewer_notice::ViewerNotice;
use crate::hooks::dr_launch::use_dr_launch;
use crate::hooks::load::use_load;
use crate::hooks::ticker::use_ticker;
use crate::hooks::title::use_title;
use crate::i18n::use_i18n;
use crate::pages::not_found::NotFound;
use console_core::i18n::Text;
use console_core::name::first_name_or_id;
use console_core::precheck::readiness;
use console_core::precheck::verdict::{summarize, summarize_switchover, Action, Summary, Verdict};
use console_core::present;
use console_core::present::crumbs::{trail, Place};
use console_core::task::list::ListFilter;
use console_core::time::human;
use console_core::time::scn;
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

    let flow = use_dr_launch(move |api: Api| {
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
    });
    let precheck = flow.precheck;
    // Every result is also kept in this browser, per standby, with the lag at that time.
    let kept = flow.keep_runs(readiness::tenant_key(cluster, tenant), Summary::clone);

    let name = move || {
        detail.data.with(|t| {
            precheck.data.with(|s| {
                first_name_or_id(
                    [
                        t.as_ref().and_then(|t| t.name.as_deref()),
                        s.as_ref().map(|s| s.name.as_str()),
                    ],
                    tenant,
                )
            })
        })
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
    let passes = move || {
        precheck
            .data
            .get()
            .is_some_and(|s| s.verdict == Verdict::Pass)
    };

    // The record keeps the precheck on screen, as the history keeps it.
    let on_confirm = flow.on_confirm(
        move || {
            precheck
                .data
                .get_untracked()
                .map(|s| vec![(None, s)])
                .unwrap_or_default()
        },
        move |api, c| {
            let primary = primary_id();
            async move {
                let task = match action {
                    Action::Failover => api.tenant_failover(cluster, tenant, c.service).await?,
                    Action::Switchover => api.tenant_switchover(cluster, tenant, primary).await?,
                };
                Ok(vec![task])
            }
        },
    );

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
    let confirmation = Callback::new(move |_: ()| {
        let s = precheck.data.get_untracked();
        let warnings = s
            .iter()
            .flat_map(|s| s.warnings.iter())
            .map(|w| {
                format!("{} {}", w.code, finding_text(i18n, w))
                    .trim()
                    .to_string()
            })
            .collect();
        let service_name = match action {
            Action::Failover => Some(s.and_then(|s| s.primary_service_name).unwrap_or_default()),
            Action::Switchover => None,
        };
        Confirmation {
            title: title(),
            expected: name(),
            warnings,
            service_name,
        }
    });
    let facts = move || {
        precheck.data.get().map(|s| {
            let scn_text = s.sync_scn.map(|v| v.to_string());
            let scn_raw = s.sync_scn_raw.clone();
            let service = s.primary_service_name.clone();
            view! {
                <dl class="facts">
                    {scn_text.map(|v| view! { <dt>{i18n.t(Text::FieldSyncScn)}</dt><dd><code>{v}</code></dd> })}
                    {scn_raw.map(|raw| view! { <dt>{i18n.t(Text::FieldSyncScn)}</dt><dd><Unreadable raw /></dd> })}
                    {lag().map(|l| view! { <dt>{i18n.t(Text::FieldStandbyLag)}</dt><dd>{i18n.f(Text::LagSeconds, &[&human::duration(l * 1000, i18n.lang.get())])}</dd> })}
                    {service.map(|v| view! { <dt>{i18n.t(Text::FieldPrimaryService)}</dt><dd><code>{v}</code></dd> })}
                </dl>
            }
        })
    };

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
            <PrecheckCard steps=flow.steps summary=Signal::derive(move || precheck.data.get()) action runs=kept now facts compare=true />
            <LaunchBar
                steps=flow.steps
                label=Signal::derive(move || match action {
                    Action::Failover => i18n.t(Text::LaunchFailover),
                    Action::Switchover => i18n.t(Text::LaunchSwitchover),
                }.to_string())
                ready=Signal::derive(passes)
                blocked=Signal::derive(move || precheck.data.get().is_some() && !passes())
                confirmation
                consequence
                tasks_href=ListFilter::of(Some(cluster), Some(tenant)).href()
                after=AfterLaunch::OpenTask
                on_confirm
            />
        </section>
    }
}
