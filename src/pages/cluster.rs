//! One cluster: its role, region(s) and status, and its tenants, however many (every page read
//! at OCP's largest size, only the rows near the screen drawn) with role, status, the standby's
//! replication lag and the service name clients use; searched, sorted and counted, the search
//! and sort kept in the URL. The list's rules are `console_core::precheck::tenants`'.

use crate::api::use_api;
use crate::components::breadcrumbs::Breadcrumbs;
use crate::components::failure_view::FailureView;
use crate::components::role_badge::RoleBadge;
use crate::components::unreadable::{text_or_unreadable, SkippedRows, StateWord, Unreadable};
use crate::components::windowed::{aria_row, Drawn, WindowedTable};
use crate::config::BoardConfig;
use crate::hooks::cluster::use_cluster;
use crate::hooks::load::use_load;
use crate::hooks::title::use_title;
use crate::hooks::url_view::use_url_view;
use crate::i18n::use_i18n;
use console_core::i18n::Text;
use console_core::listing::{grouped, SortKey};
use console_core::precheck::tenants::{counts, listed, Listed, TenantSort, TenantView};
use console_core::present;
use console_core::present::crumbs::{trail, Place};
use console_core::task::list::ListFilter;
use console_core::time::human;
use console_core::url::with_query;
use console_core::wire::ClusterType;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

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
    let parallel = use_context::<BoardConfig>()
        .unwrap_or_default()
        .max_parallel_requests as usize;
    let api_t = api.clone();
    let tenants = use_load(
        move || (),
        move |_| {
            let api = api_t.clone();
            async move { api.all_tenants(id, parallel).await }
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

    // The search and sort live in the URL, so a view is a link that survives a reload.
    let (view_of, set_view) = use_url_view(
        |get| TenantView::from_query(get),
        move |v: &TenantView| with_query(&format!("/clusters/{id}"), &v.params()),
    );
    // Lag at OCP's time (the list's reply told it), not this browser's: read when the list
    // arrives, so sorting or searching does not move it.
    let api_now = api.clone();
    let read_at = Memo::new(move |_| {
        tenants.loaded_at.get();
        api_now.server_ms(js_sys::Date::now())
    });
    let rows = Memo::new(move |_| {
        let v = view_of.get();
        let now = read_at.get();
        tenants.data.with(|d| {
            d.as_ref()
                .map(|(all, _)| listed(all, &v, now))
                .unwrap_or_default()
        })
    });
    let count_line = move || {
        let now = read_at.get();
        let (c, total) = tenants.data.with(|d| {
            d.as_ref()
                .map(|(all, _)| (counts(all, now), all.len()))
                .unwrap_or_default()
        });
        let mut text = i18n.f(
            Text::TenantsCount,
            &[
                &grouped(c.tenants),
                &grouped(c.standbys),
                &grouped(c.lag_unknown),
            ],
        );
        let shown = rows.with(Vec::len);
        if shown != total {
            text.push_str(" · ");
            text.push_str(&i18n.f(Text::ReadinessShown, &[&grouped(shown), &grouped(total)]));
        }
        text
    };
    // Only emptiness picks the branch below, so the table is built once, not on every change.
    let nothing_shown = Memo::new(move |_| rows.with(Vec::is_empty));
    let body = move || {
        let (empty, skipped) = match tenants
            .data
            .with(|d| d.as_ref().map(|(all, s)| (all.is_empty(), *s)))
        {
            None if tenants.loading.get() => {
                return Some(
                    view! { <p class="loading" aria-busy="true">{i18n.tr(Text::Loading)}</p> }
                        .into_any(),
                )
            }
            None => return None,
            Some(d) => d,
        };
        if empty && skipped == 0 {
            return Some(
                view! { <p class="empty" data-testid="tenants-empty">{i18n.tr(Text::TenantsEmpty)}</p> }
                    .into_any(),
            );
        }
        Some(
            view! {
                <SkippedRows count=skipped />
                <p class="hint" data-testid="tenants-count" aria-live="polite">{count_line}</p>
                {move || if nothing_shown.get() {
                    view! { <p class="empty" data-testid="tenants-no-match">{i18n.t(Text::TenantsNoMatch)}</p> }.into_any()
                } else {
                    view! { <TenantTable rows /> }.into_any()
                }}
            }
            .into_any(),
        )
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
            <div class="list-tools">
                <label>
                    {i18n.tr(Text::ReadinessSearch)}" "
                    <input type="search" data-testid="tenants-search"
                        placeholder=move || i18n.t(Text::TenantsSearchHint)
                        prop:value=move || view_of.get().query
                        on:change=move |ev| set_view(TenantView { query: event_target_value(&ev), ..view_of.get_untracked() }) />
                </label>
                <label>
                    {i18n.tr(Text::SortBy)}" "
                    <select data-testid="tenants-sort" prop:value=move || view_of.get().sort.as_str()
                        on:change=move |ev| set_view(TenantView { sort: TenantSort::parse(&event_target_value(&ev)), ..view_of.get_untracked() })>
                        <option value="ocp">{i18n.tr(Text::SortOcp)}</option>
                        <option value="name">{i18n.tr(Text::SortName)}</option>
                        <option value="lag">{i18n.tr(Text::ReadinessSortLag)}</option>
                        <option value="status">{i18n.tr(Text::SortStatusFirst)}</option>
                    </select>
                </label>
            </div>
            <FailureView failure=tenants.error on_retry=Callback::new(move |_| tenants.reload()) busy=tenants.loading />
            {body}
        </section>
    }
}

/// What identifies a drawn row: its place in OCP's list and what it shows that can change.
fn row_key(index: usize, l: &Listed) -> (usize, usize, Option<i64>) {
    (index, l.at, l.lag_secs)
}

#[component]
fn TenantTable(rows: Memo<Vec<Listed>>) -> impl IntoView {
    let i18n = use_i18n();
    let head = move || {
        view! {
            <th scope="col">{i18n.tr(Text::ColName)}</th>
            <th scope="col">{i18n.tr(Text::ColRole)}</th>
            <th scope="col">{i18n.tr(Text::ColStatus)}</th>
            <th scope="col">{i18n.tr(Text::ColSync)}</th>
            <th scope="col">{i18n.tr(Text::ColService)}</th>
            <th scope="col">{i18n.tr(Text::ColActions)}</th>
        }
    };
    let row = move |d: Drawn<Listed>| view! { <TenantRow index=d.index listed=d.item /> };
    let label = Signal::derive(move || i18n.t(Text::ColTenants).to_string());
    view! { <WindowedTable rows head columns=6 key=row_key class="tenants-grid" row_px=44 label row /> }
}

#[component]
fn TenantRow(index: usize, listed: Listed) -> impl IntoView {
    let i18n = use_i18n();
    let is_standby = listed.is_standby();
    let Listed {
        tenant: t,
        lag_secs: lag,
        ..
    } = listed;
    let role = t
        .tenant_role
        .as_ref()
        .map(|r| (present::tenant_role(r), r.as_wire().to_string()));
    let base = match (t.cluster_id, t.id) {
        (Some(c), Some(id)) => Some(format!("/clusters/{c}/tenants/{id}")),
        _ => None,
    };
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
    let scn_raw = t
        .unreadable
        .get("/syncScn")
        .map(console_core::wire::lenient::raw_text);
    let sync = move || {
        if !is_standby {
            return ().into_any();
        }
        match (lag, scn_raw.clone()) {
            (Some(l), _) => i18n
                .f(
                    Text::LagSeconds,
                    &[&human::duration(l * 1000, i18n.lang.get())],
                )
                .into_any(),
            (None, Some(raw)) => view! { <Unreadable raw /> }.into_any(),
            (None, None) => i18n.t(Text::LagUnknown).into_any(),
        }
    };
    let name = text_or_unreadable(t.name.clone(), t.unreadable.get("/name"));
    view! {
        <tr data-testid="tenant-row" aria-rowindex=aria_row(index)>
            <td>{name}</td>
            <td>{role.map(|(look, wire)| view! { <RoleBadge look wire /> })}</td>
            <td><span class=status_class>{status_cell}</span></td>
            <td>{sync}</td>
            <td><code>{t.service_name.clone()}</code></td>
            <td class="row-actions">
                {t.id.map(|tid| view! {
                    <a href=ListFilter::of(t.cluster_id.map(|c| c.0), Some(tid.0)).href()>{i18n.tr(Text::NavTasks)}</a>
                    " "
                })}
                {base.filter(|_| is_standby).map(|b| view! {
                    <a href=format!("{b}/failover")>{i18n.tr(Text::ActFailover)}</a>
                    " "
                    <a href=format!("{b}/switchover")>{i18n.tr(Text::ActSwitchover)}</a>
                })}
            </td>
        </tr>
    }
}
