//! Recent tasks, filtered by cluster, tenant and status through the query string (the page an
//! operator is sent to when a launch's outcome is unknown).

use crate::api::tasks::TaskFilter;
use crate::api::use_api;
use crate::components::failure_view::FailureView;
use crate::components::pager::Pager;
use crate::components::when::{local_zone_now, When};
use crate::config::ocp_zone;
use crate::hooks::load::use_load;
use crate::hooks::ticker::use_ticker;
use crate::hooks::title::use_title;
use crate::i18n::use_i18n;
use console_core::i18n::Text;
use console_core::present;
use console_core::time::{human, parse_ms};
use console_core::wire::TaskStatus;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

#[component]
pub fn TasksPage() -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.t(Text::TasksTitle).to_string());
    let api = use_api();
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        let q = query.read();
        TaskFilter {
            cluster_id: q.get("clusterId").and_then(|v| v.parse().ok()),
            tenant_id: q.get("tenantId").and_then(|v| v.parse().ok()),
            status: q.get("status"),
            name: None,
        }
    });
    let page = RwSignal::new(1u32);
    let navigate = use_navigate();
    // The status filter lives in the URL, so a filtered list is a link that survives a reload.
    let set_status = move |status: String| {
        let f = filter.get_untracked();
        let mut q = Vec::new();
        if let Some(c) = f.cluster_id {
            q.push(format!("clusterId={c}"));
        }
        if let Some(t) = f.tenant_id {
            q.push(format!("tenantId={t}"));
        }
        if !status.is_empty() {
            q.push(format!("status={status}"));
        }
        page.set(1);
        let url = if q.is_empty() {
            "/tasks".to_string()
        } else {
            format!("/tasks?{}", q.join("&"))
        };
        navigate(&url, Default::default());
    };
    // The filter line names the tenant and cluster: the tenant carries its cluster's name, so
    // one read; `#id` until it arrives or when it cannot be read (the list works regardless).
    let who = Memo::new(move |_| {
        let f = filter.get();
        (f.cluster_id, f.tenant_id)
    });
    let names = RwSignal::new((None::<String>, None::<String>));
    let api_n = api.clone();
    Effect::new(move |_| {
        let key = who.get();
        names.set((None, None));
        let api = api_n.clone();
        spawn_local(async move {
            let got = match key {
                (Some(c), Some(t)) => api
                    .get_tenant(c, t)
                    .await
                    .ok()
                    .map(|t| (t.cluster_name, t.name)),
                (Some(c), None) => api.get_cluster(c).await.ok().map(|c| (c.name, None)),
                _ => None,
            };
            // Only if the filter is still the one asked about.
            if let (Some(n), Some(true)) = (got, who.try_get_untracked().map(|k| k == key)) {
                names.try_set(n);
            }
        });
    });
    let tasks = use_load(
        move || (filter.get(), page.get()),
        move |(f, p)| {
            let api = api.clone();
            async move {
                let (list, server_time) = api.list_tasks(&f, p, 20).await?;
                // Server clock minus local clock, so ages and durations follow OCP's time.
                let skew = server_time
                    .as_deref()
                    .and_then(|t| parse_ms(t, ocp_zone()))
                    .map_or(0, |t| t - js_sys::Date::now() as i64);
                Ok((list, skew))
            }
        },
    );
    let described = move || {
        let f = filter.get();
        let lang = i18n.lang.get();
        let (cluster_name, tenant_name) = names.get();
        let cluster = f
            .cluster_id
            .map(|c| cluster_name.unwrap_or(format!("#{c}")));
        let tenant = f.tenant_id.map(|t| tenant_name.unwrap_or(format!("#{t}")));
        let status = f.status.map(|s| {
            let st = TaskStatus::from_wire(&s);
            let unknown = st.is_unknown().then_some(s.as_str());
            present::words(lang, present::task_status(Some(&st)), unknown)
        });
        present::task_filter(
            lang,
            cluster.as_deref(),
            tenant.as_deref(),
            status.as_deref(),
        )
    };
    let ticker = use_ticker();
    let now = Signal::derive(move || {
        ticker.get() + tasks.data.with(|d| d.as_ref().map_or(0, |(_, skew)| *skew))
    });
    let zone = local_zone_now();
    view! {
        <section class="page">
            <h1>{move || i18n.t(Text::TasksTitle)}</h1>
            {move || described().map(|d| view! {
                <p class="muted"><span data-testid="tasks-filter">{d}</span>" · "
                    <a href="/tasks" data-testid="clear-filter">{i18n.t(Text::ClearFilter)}</a></p>
            })}
            <div class="toolbar">
                <label>{move || i18n.t(Text::FilterStatus)}" "
                    <select data-testid="filter-status" prop:value=move || filter.get().status.unwrap_or_default()
                        on:change=move |ev| set_status(event_target_value(&ev))>
                        <option value="">{move || i18n.t(Text::FilterAll)}</option>
                        <option value="RUNNING">{move || i18n.t(Text::StRunning)}</option>
                        <option value="FAILED">{move || i18n.t(Text::StFailed)}</option>
                        <option value="SUCCESSFUL">{move || i18n.t(Text::StSuccessful)}</option>
                    </select>
                </label>
                <button class="btn" on:click=move |_| tasks.reload()>{move || i18n.t(Text::Refresh)}</button>
            </div>
            <FailureView failure=tasks.error on_retry=Callback::new(move |_| tasks.reload()) busy=tasks.loading />
            {move || (tasks.data.with(Option::is_none) && tasks.loading.get()).then(|| view! {
                <p class="loading" aria-busy="true" data-testid="tasks-loading">{i18n.t(Text::Loading)}</p>
            })}
            {move || tasks.data.get().map(|(d, _)| {
                if d.contents.is_empty() {
                    return view! { <p class="empty" data-testid="tasks-empty">{i18n.t(Text::TasksEmpty)}</p> }.into_any();
                }
                view! {
                    <div class="grid-scroll" tabindex="0">
                    <table class="grid">
                        <thead><tr>
                            <th scope="col">{i18n.t(Text::ColTask)}</th>
                            <th scope="col">{i18n.t(Text::ColStatus)}</th>
                            <th scope="col">{i18n.t(Text::ColProgress)}</th>
                            <th scope="col">{i18n.f(Text::ColStartedIn, &[&human::zone_label(zone)])}</th>
                            <th scope="col">{i18n.t(Text::ColDuration)}</th>
                            <th scope="col">{i18n.t(Text::ColCreator)}</th>
                        </tr></thead>
                        <tbody>
                            {d.contents.into_iter().map(|t| {
                                let id = t.id.map(|l| l.0).unwrap_or_default();
                                let (done, total) = t.progress();
                                let (icon, slug, _) = present::task_status(t.status.as_ref()).parts();
                                let unknown = match &t.status {
                                    Some(TaskStatus::Unknown(raw)) => Some(raw.clone()),
                                    _ => None,
                                };
                                let status = move || present::words(i18n.lang.get(), present::task_status(t.status.as_ref()), unknown.as_deref());
                                let ocp = ocp_zone();
                                let start = t.start_time.as_deref().and_then(|s| parse_ms(s, ocp));
                                let end = t.finish_time.as_deref().and_then(|s| parse_ms(s, ocp));
                                // A running task's duration grows with the ticker.
                                let duration = move || start.map(|s| human::duration(end.unwrap_or_else(|| now.get()) - s, i18n.lang.get()));
                                view! {
                                    <tr data-testid="task-row">
                                        <td><A href=format!("/tasks/{id}")>{format!("#{id} {}", t.name.clone().unwrap_or_default())}</A></td>
                                        <td><span class=format!("node-{slug} status-text")>{icon}" "{status}</span></td>
                                        <td>{format!("{done}/{total}")}</td>
                                        <td><When raw=t.start_time.clone() now header_zone=zone age=true /></td>
                                        <td>{duration}</td>
                                        <td>{t.creator.as_ref().and_then(|c| c.label())}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                    </div>
                }.into_any()
            })}
            <Pager info=Signal::derive(move || tasks.data.get().and_then(|(d, _)| d.page)) page />
        </section>
    }
}
