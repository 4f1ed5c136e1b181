//! One cluster: its role, region(s) and status, and its tenants (paged) with role, status, the standby's
//! replication lag and the service name clients use.

use crate::api::use_api;
use crate::components::breadcrumbs::Breadcrumbs;
use crate::components::failure_view::FailureView;
use crate::components::pager::Pager;
use crate::components::role_badge::RoleBadge;
use crate::components::unreadable::{text_or_unreadable, SkippedRows, StateWord, Unreadable};
use crate::hooks::cluster::use_cluster;
use crate::hooks::load::use_load;
use crate::hooks::title::use_title;
use crate::i18n::use_i18n;
use console_core::i18n::Text;
use console_core::present;
use console_core::present::crumbs::{trail, Place};
use console_core::task::list::ListFilter;
use console_core::time::human;
use console_core::time::scn;
use console_core::wire::{ClusterType, Tenant, TenantRole};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

const PAGE_SIZE: u32 = 10;

#[component]
pub fn ClusterPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let raw_id = move || params.read().get("id").unwrap_or_default();
    let id = Memo::new(move |_| raw_id().parse::<i64>().ok());
    view! {
        {move || match id.get() {
            Some(id) => view! { <ClusterView id /> }.into_any(),
            None => view! {
                <section class="page"><p class="form-error" role="alert">{move || i18n.f(Text::InvalidId, &[&raw_id()])}</p></section>
            }.into_any(),
        }}
    }
}

#[component]
fn ClusterView(id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let (cluster, name) = use_cluster(id);
    let page = RwSignal::new(1u32);
    let tenants = use_load(
        move || page.get(),
        move |p| {
            let api = api.clone();
            async move { api.list_tenants(id, p, PAGE_SIZE).await }
        },
    );
    let title = move || name.get();
    use_title(title);
    let role = move || cluster.data.get().and_then(|c| c.cluster_type);
    let is_standby = move || role() == Some(ClusterType::Standby);
    // Said only when OCP's zones name a region; an unknown region is left unsaid.
    let regions = move || {
        cluster
            .data
            .with(|c| c.as_ref().map(|c| c.region_names()).unwrap_or_default())
    };
    let body = move || {
        match tenants.data.get() {
        None if tenants.loading.get() => Some(
            view! { <p class="loading" aria-busy="true">{i18n.tr(Text::Loading)}</p> }
                .into_any(),
        ),
        None => None,
        Some(d) if d.contents.is_empty() && d.unreadable.is_empty() => Some(
            view! { <p class="empty" data-testid="tenants-empty">{i18n.tr(Text::TenantsEmpty)}</p> }
                .into_any(),
        ),
        Some(d) => {
            let skipped = d.unreadable.under("/contents").count();
            Some(
                view! { <SkippedRows count=skipped /><TenantTable tenants=d.contents /> }
                    .into_any(),
            )
        }
    }
    };
    view! {
        <section class="page">
            <Breadcrumbs trail=move |lang| {
                let name = cluster.data.with(|c| c.as_ref().and_then(|c| c.name.clone()));
                trail(&Place::Cluster { id, name: name.as_deref() }, lang)
            } />
            <h1>
                {title}
                " "
                {move || role().map(|r| view! { <RoleBadge look=present::cluster_role(&r) wire=r.as_wire().to_string() /> })}
            </h1>
            {move || {
                let r = regions();
                (!r.is_empty()).then(|| view! {
                    <p class="muted" data-testid="cluster-regions">{i18n.tr(Text::ColRegion)}": "{r.join(", ")}</p>
                })
            }}
            <FailureView failure=cluster.error on_retry=Callback::new(move |_| cluster.reload()) busy=cluster.loading />
            <nav class="actions" aria-label=i18n.tr(Text::AriaClusterActions)>
                {move || is_standby().then(|| view! {
                    <A href=format!("/clusters/{id}/batch-failover") attr:class="btn">{i18n.t(Text::ActBatchFailover)}</A>
                    <A href=format!("/clusters/{id}/dr/failover") attr:class="btn">{i18n.t(Text::ActClusterFailover)}</A>
                    <A href=format!("/clusters/{id}/dr/switchover") attr:class="btn">{i18n.t(Text::ActClusterSwitchover)}</A>
                })}
                <A href=ListFilter::of(Some(id), None).href() attr:class="btn btn-quiet">{i18n.tr(Text::ActClusterTasks)}</A>
            </nav>
            <h2>{i18n.tr(Text::ColTenants)}</h2>
            <FailureView failure=tenants.error on_retry=Callback::new(move |_| tenants.reload()) busy=tenants.loading />
            {body}
            <Pager info=Signal::derive(move || tenants.data.get().and_then(|d| d.page)) page />
        </section>
    }
}

#[component]
fn TenantTable(tenants: Vec<Tenant>) -> impl IntoView {
    let i18n = use_i18n();
    // Lag at OCP's time (the tenant list's reply told it), not this browser's.
    let now_ms = crate::api::use_api().server_ms(js_sys::Date::now());
    let rows = tenants
        .into_iter()
        .map(|t| {
            let role = t
                .tenant_role
                .as_ref()
                .map(|r| (present::tenant_role(r), r.as_wire().to_string()));
            let is_standby = t.tenant_role == Some(TenantRole::Standby);
            let base = match (t.cluster_id, t.id) {
                (Some(c), Some(id)) => Some(format!("/clusters/{c}/tenants/{id}")),
                _ => None,
            };
            let lag = t.sync_scn.and_then(|s| scn::lag_secs(s, now_ms));
            let (status_class, status_cell) = match &t.status {
                Some(st) => {
                    let look = present::tenant_status(st);
                    (
                        format!("status status-{}", look.class),
                        view! { <StateWord look wire=st.as_wire().to_string() /> }.into_any(),
                    )
                }
                None => (
                    "status".to_string(),
                    text_or_unreadable(None, t.unreadable.get("/status")),
                ),
            };
            let scn_raw = t.unreadable.get("/syncScn").map(console_core::wire::lenient::raw_text);
            let sync = move || {
                if !is_standby {
                    return ().into_any();
                }
                match (lag, scn_raw.clone()) {
                    (Some(l), _) => i18n
                        .f(Text::LagSeconds, &[&human::duration(l * 1000, i18n.lang.get())])
                        .into_any(),
                    (None, Some(raw)) => view! { <Unreadable raw /> }.into_any(),
                    (None, None) => i18n.t(Text::LagUnknown).into_any(),
                }
            };
            let name = text_or_unreadable(t.name.clone(), t.unreadable.get("/name"));
            view! {
                <tr data-testid="tenant-row">
                    <td>{name}</td>
                    <td>{role.map(|(look, wire)| view! { <RoleBadge look wire /> })}</td>
                    <td><span class=status_class>{status_cell}</span></td>
                    <td>{sync}</td>
                    <td><code>{t.service_name.clone()}</code></td>
                    <td class="row-actions">
                        {t.id.map(|tid| view! {
                            <A href=ListFilter::of(t.cluster_id.map(|c| c.0), Some(tid.0)).href()>{i18n.tr(Text::NavTasks)}</A>
                            " "
                        })}
                        {base.filter(|_| is_standby).map(|b| view! {
                            <A href=format!("{b}/failover")>{i18n.tr(Text::ActFailover)}</A>
                            " "
                            <A href=format!("{b}/switchover")>{i18n.tr(Text::ActSwitchover)}</A>
                        })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="grid-scroll" tabindex="0">
        <table class="grid">
            <thead>
                <tr>
                    <th scope="col">{i18n.tr(Text::ColName)}</th>
                    <th scope="col">{i18n.tr(Text::ColRole)}</th>
                    <th scope="col">{i18n.tr(Text::ColStatus)}</th>
                    <th scope="col">{i18n.tr(Text::ColSync)}</th>
                    <th scope="col">{i18n.tr(Text::ColService)}</th>
                    <th scope="col">{i18n.tr(Text::ColActions)}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        </div>
    }
}
