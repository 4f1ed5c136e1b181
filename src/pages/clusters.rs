//! All clusters OCP manages: name, role, status, region(s), tenant count, version.

use crate::api::use_api;
use crate::components::failure_view::FailureView;
use crate::components::pager::Pager;
use crate::components::role_badge::RoleBadge;
use crate::components::unreadable::{text_or_unreadable, SkippedRows, StateWord};
use crate::hooks::load::use_load;
use crate::hooks::title::use_title;
use crate::i18n::use_i18n;
use console_core::i18n::Text;
use console_core::name::name_or_id;
use console_core::present;
use console_core::wire::Cluster;
use leptos::prelude::*;
use leptos_router::components::A;

const PAGE_SIZE: u32 = 20;

#[component]
pub fn ClustersPage() -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.t(Text::ClustersTitle).to_string());
    let api = use_api();
    let page = RwSignal::new(1u32);
    let load = use_load(
        move || page.get(),
        move |p| {
            let api = api.clone();
            async move { api.list_clusters(p, PAGE_SIZE).await }
        },
    );
    let retry = Callback::new(move |_| load.reload());
    let body = move || match load.data.get() {
        None if load.loading.get() => Some(
            view! { <p class="loading" aria-busy="true">{i18n.tr(Text::Loading)}</p> }.into_any(),
        ),
        None => None,
        Some(d) if d.contents.is_empty() && d.unreadable.is_empty() => {
            Some(view! { <p class="empty">{i18n.tr(Text::ClustersEmpty)}</p> }.into_any())
        }
        Some(d) => {
            let skipped = d.unreadable.under("/contents").count();
            Some(
                view! { <SkippedRows count=skipped /><ClusterTable clusters=d.contents /> }
                    .into_any(),
            )
        }
    };
    view! {
        <section class="page">
            <h1>{i18n.tr(Text::ClustersTitle)}</h1>
            <div class="toolbar">
                <button class="btn" data-testid="refresh" disabled=move || load.loading.get() on:click=move |_| load.reload()>
                    {i18n.tr(Text::Refresh)}
                </button>
            </div>
            <FailureView failure=load.error on_retry=retry busy=load.loading />
            {body}
            <Pager info=Signal::derive(move || load.data.get().and_then(|d| d.page)) page />
        </section>
    }
}

#[component]
fn ClusterTable(clusters: Vec<Cluster>) -> impl IntoView {
    let i18n = use_i18n();
    let rows = clusters
        .into_iter()
        .map(|c| {
            let id = c.id.map(|i| i.0);
            let name = name_or_id(c.name.as_deref(), id.unwrap_or_default());
            let role = c.cluster_type.as_ref().map(|t| (present::cluster_role(t), t.as_wire().to_string()));
            let primary = c.primary_cluster.as_ref().and_then(|p| p.name.clone());
            let (status_class, status_cell) = match &c.status {
                Some(s) => {
                    let look = present::cluster_status(s);
                    (format!("status status-{}", look.class), view! { <StateWord look wire=s.as_wire().to_string() /> }.into_any())
                }
                None => ("status".to_string(), text_or_unreadable(None, c.unreadable.get("/status"))),
            };
            let versions = text_or_unreadable(c.ob_version.clone(), c.unreadable.get("/obVersion"));
            // Regions only as OCP's zones name them: none readable shows nothing, never a guess.
            let regions = c.region_names();
            let regions = text_or_unreadable((!regions.is_empty()).then(|| regions.join(", ")), c.unreadable.get("/zones"));
            let tenants = text_or_unreadable(c.tenant_count.map(|n| n.to_string()), c.unreadable.get("/tenantCount"));
            view! {
                <tr data-testid="cluster-row">
                    <td>
                        {match id {
                            Some(id) => view! { <A href=format!("/clusters/{id}")>{name}</A> }.into_any(),
                            None => view! { <span>{name}</span> }.into_any(),
                        }}
                    </td>
                    <td>
                        {role.map(|(look, wire)| view! { <RoleBadge look wire /> })}
                        {primary.map(|p| view! { <span class="muted">" "{move || i18n.f(Text::StandbyOf, &[&p])}</span> })}
                    </td>
                    <td><span class=status_class>{status_cell}</span></td>
                    <td data-testid="cluster-regions">{regions}</td>
                    <td class="num">{tenants}</td>
                    <td>{versions}</td>
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
                    <th scope="col">{i18n.tr(Text::ColRegion)}</th>
                    <th scope="col" class="num">{i18n.tr(Text::ColTenants)}</th>
                    <th scope="col">{i18n.tr(Text::ColVersion)}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        </div>
    }
}
