//! Recent tasks, filtered by cluster, tenant and status through the query string (the page an
//! operator is sent to when a launch's outcome is unknown).

use crate::api::tasks::TaskFilter;
use crate::api::use_api;
use crate::components::failure_view::FailureView;
use crate::components::pager::Pager;
use crate::hooks::load::use_load;
use crate::i18n::use_i18n;
use console_core::i18n::Text;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn TasksPage() -> impl IntoView {
    let i18n = use_i18n();
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
            <FailureView failure=tasks.error on_retry=Callback::new(move |_| tasks.reload()) busy=tasks.loading />
            {move || tasks.data.get().map(|d| {
                if d.contents.is_empty() {
                    return view! { <p class="empty">{i18n.t(Text::TasksEmpty)}</p> }.into_any();
                }
                view! {
                    <table class="grid">
                        <thead><tr>
                            <th scope="col">{i18n.t(Text::ColTask)}</th>
                            <th scope="col">{i18n.t(Text::ColStatus)}</th>
                            <th scope="col">{i18n.t(Text::ColProgress)}</th>
                            <th scope="col">{i18n.t(Text::ColStarted)}</th>
                            <th scope="col">{i18n.t(Text::ColCreator)}</th>
                        </tr></thead>
                        <tbody>
                            {d.contents.into_iter().map(|t| {
                                let id = t.id.map(|l| l.0).unwrap_or_default();
                                let (done, total) = t.progress();
                                let status = t.status.as_ref().map(|s| s.as_wire().to_string()).unwrap_or_default();
                                view! {
                                    <tr data-testid="task-row">
                                        <td><A href=format!("/tasks/{id}")>{format!("#{id} {}", t.name.clone().unwrap_or_default())}</A></td>
                                        <td><span class=format!("status status-{}", status.to_ascii_lowercase())>{status.clone()}</span></td>
                                        <td>{format!("{done}/{total}")}</td>
                                        <td>{t.start_time.clone()}</td>
                                        <td>{t.creator.as_ref().and_then(|c| c.name()).map(str::to_string)}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            })}
            <Pager info=Signal::derive(move || tasks.data.get().and_then(|d| d.page)) page />
        </section>
    }
}
