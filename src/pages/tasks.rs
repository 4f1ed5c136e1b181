//! Recent tasks, filtered by cluster, tenant and status through the query string (the page an
//! operator is sent to when a launch's outcome is unknown).

use crate::api::tasks::TaskFilter;
use crate::api::use_api;
use crate::components::failure_view::FailureView;
use crate::components::pager::Pager;
use crate::config::ocp_zone;
use crate::hooks::load::use_load;
use crate::hooks::title::use_title;
use crate::i18n::use_i18n;
use console_core::i18n::Text;
use console_core::task_view::format_duration;
use console_core::time::parse_ms;
use leptos::prelude::*;
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
    let tasks = use_load(
        move || (filter.get(), page.get()),
        move |(f, p)| {
            let api = api.clone();
            async move { api.list_tasks(&f, p, 20).await }
        },
    );
    let described = move || {
        let f = filter.get();
        let mut parts = Vec::new();
        if let Some(c) = f.cluster_id {
            parts.push(format!("clusterId={c}"));
        }
        if let Some(t) = f.tenant_id {
            parts.push(format!("tenantId={t}"));
        }
        if let Some(s) = f.status {
            parts.push(format!("status={s}"));
        }
        (!parts.is_empty()).then(|| i18n.f(Text::TasksFilteredBy, &[&parts.join(", ")]))
    };
    view! {
        <section class="page">
            <h1>{move || i18n.t(Text::TasksTitle)}</h1>
            {move || described().map(|d| view! { <p class="muted" data-testid="tasks-filter">{d}</p> })}
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
            {move || tasks.data.get().map(|d| {
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
                            <th scope="col">{i18n.t(Text::ColStarted)}</th>
                            <th scope="col">{i18n.t(Text::ColDuration)}</th>
                            <th scope="col">{i18n.t(Text::ColCreator)}</th>
                        </tr></thead>
                        <tbody>
                            {d.contents.into_iter().map(|t| {
                                let id = t.id.map(|l| l.0).unwrap_or_default();
                                let (done, total) = t.progress();
                                let status = t.status.as_ref().map(|s| s.as_wire().to_string()).unwrap_or_default();
                                let zone = ocp_zone();
                                let start = t.start_time.as_deref().and_then(|s| parse_ms(s, zone));
                                let end = t.finish_time.as_deref().and_then(|s| parse_ms(s, zone)).unwrap_or(js_sys::Date::now() as i64);
                                let duration = start.map(|s| format_duration(end - s));
                                view! {
                                    <tr data-testid="task-row">
                                        <td><A href=format!("/tasks/{id}")>{format!("#{id} {}", t.name.clone().unwrap_or_default())}</A></td>
                                        <td><span class=format!("status status-{}", status.to_ascii_lowercase())>{status.clone()}</span></td>
                                        <td>{format!("{done}/{total}")}</td>
                                        <td>{t.start_time.clone()}</td>
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
            <Pager info=Signal::derive(move || tasks.data.get().and_then(|d| d.page)) page />
        </section>
    }
}
