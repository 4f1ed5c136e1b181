//! Recent tasks, filtered through the query string (the page an operator is sent to when a
//! launch's outcome is unknown): cluster, tenant, status and kind by OCP; creator and a range
//! of days by this browser among the tasks loaded (OCP's list has no such filters; the page
//! says so), with a search box and a sort, all in the URL. Only the rows near the screen are
//! drawn; the rows shown download as CSV. Rules in `console_core::task::{list, shown}`.

use crate::api::use_api;
use crate::components::download::save_text;
use crate::components::failure_view::FailureView;
use crate::components::pager::Pager;
use crate::components::task_filters::TaskFilters;
use crate::components::when::{local_offset, local_zone_now, When};
use crate::components::windowed::{aria_row, Drawn, WindowedTable};
use crate::config::ocp_zone;
use crate::hooks::load::use_load;
use crate::hooks::ticker::use_ticker;
use crate::hooks::title::use_title;
use crate::i18n::use_i18n;
use console_core::i18n::Text;
use console_core::listing::{grouped, SortKey};
use console_core::name::name_or_id;
use console_core::present;
use console_core::task::list::{self as task_list, ListFilter, LOADED};
use console_core::task::shown::{arrange, task_counts, TaskSort};
use console_core::time::{human, parse_ms, Instant};
use console_core::wire::{TaskInstance, TaskStatus};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_query_map};

#[component]
pub fn TasksPage() -> impl IntoView {
    let i18n = use_i18n();
    use_title(move || i18n.t(Text::TasksTitle).to_string());
    let api = use_api();
    let api_now = api.clone();
    let api_sort = api.clone();
    let query = use_query_map();
    let read = Memo::new(move |_| {
        let q = query.read();
        ListFilter::from_query(|k| q.get(k))
    });
    let filter = Memo::new(move |_| read.get().0);
    // What OCP filters; creator and days are applied below to what it sent.
    let server = Memo::new(move |_| filter.get().at_ocp());
    let page = RwSignal::new(1u32);
    let navigate = use_navigate();
    // The filter lives in the URL, so a filtered list is a link that survives a reload.
    let set_filter = Callback::new(move |f: ListFilter| {
        page.set(1);
        navigate(&f.href(), Default::default());
    });
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
        move || (server.get(), page.get()),
        move |(f, p)| {
            let api = api.clone();
            async move { api.list_tasks(&f, p, LOADED).await }
        },
    );
    // The rows on screen: what OCP sent, through the browser's filters. The CSV is these.
    let shown = Memo::new(move |_| {
        let f = filter.get();
        tasks.data.with(|d| {
            d.as_ref().map(|list| {
                let mut rows = list
                    .contents
                    .iter()
                    .filter(|t| f.keep(t, ocp_zone(), &local_offset))
                    .cloned()
                    .collect::<Vec<TaskInstance>>();
                // Running tasks are timed up to now at sorting, not re-sorted every second.
                let now = api_sort.server_ms(js_sys::Date::now()) as i64;
                arrange(&mut rows, f.sort, ocp_zone(), now);
                rows
            })
        })
    });
    let count_line = move || {
        shown.with(|s| {
            s.as_ref().map(|rows| {
                let c = task_counts(rows);
                i18n.f(
                    Text::TasksCount,
                    &[&grouped(c.tasks), &grouped(c.running), &grouped(c.failed)],
                )
            })
        })
    };
    let creators = Signal::derive(move || {
        let mut seen: Vec<String> = tasks.data.with(|d| {
            d.as_ref()
                .map(|list| {
                    list.contents
                        .iter()
                        .filter_map(|t| t.creator.as_ref().and_then(|c| c.label()))
                        .collect()
                })
                .unwrap_or_default()
        });
        seen.sort();
        seen.dedup();
        seen
    });
    let described = move || {
        let f = filter.get();
        let lang = i18n.lang.get();
        let (cluster_name, tenant_name) = names.get();
        let cluster = f.cluster_id.map(|c| name_or_id(cluster_name.as_deref(), c));
        let tenant = f.tenant_id.map(|t| name_or_id(tenant_name.as_deref(), t));
        let status = (!f.statuses.is_empty()).then(|| {
            f.statuses
                .iter()
                .map(|s| {
                    let st = TaskStatus::from_wire(s);
                    let unknown = st.is_unknown().then_some(s.as_str());
                    present::words(lang, present::task_status(Some(&st)), unknown)
                })
                .collect::<Vec<_>>()
                .join(" / ")
        });
        present::task_filter(
            lang,
            cluster.as_deref(),
            tenant.as_deref(),
            status.as_deref(),
        )
    };
    // Honest about the browser's part: how many were loaded, how many of them match, and
    // whether OCP holds more than were loaded.
    let scope = move || {
        let loaded = tasks.data.with(|d| {
            d.as_ref().map(|l| {
                (
                    l.contents.len(),
                    l.page.as_ref().and_then(|p| p.total_elements),
                )
            })
        })?;
        let (count, total) = loaded;
        let matched = shown.with(|s| s.as_ref().map_or(0, Vec::len));
        let mut lines = Vec::new();
        if filter.with(ListFilter::in_browser) {
            lines.push(i18n.f(
                Text::TasksBrowserFiltered,
                &[&count.to_string(), &matched.to_string()],
            ));
        }
        if let Some(t) = total.filter(|t| t.0 > count as i64) {
            lines.push(i18n.f(
                Text::TasksMoreThanLoaded,
                &[&t.0.to_string(), &count.to_string()],
            ));
        }
        (!lines.is_empty())
            .then(|| view! { <p class="hint" data-testid="tasks-scope">{lines.join(" ")}</p> })
    };
    let ignored = move || {
        read.with(|(_, bad)| {
            bad.iter()
                .map(|b| view! { <p class="form-error" data-testid="filter-ignored">{i18n.f(Text::FilterIgnored, &[b.param, &b.value])}</p> })
                .collect_view()
        })
    };
    let download = move |_| {
        let rows = shown.get_untracked().unwrap_or_default();
        let text = task_list::csv(&rows, i18n.lang.get_untracked(), ocp_zone());
        let now = Instant::from_epoch_ms(js_sys::Date::now() as i64);
        let name = task_list::csv_file_name(now, local_offset(now));
        save_text(&text, &name, "text/csv;charset=utf-8");
    };
    let ticker = use_ticker();
    // Ages and durations follow OCP's clock, as the latest reply told it.
    let now = Signal::derive(move || api_now.server_ms(ticker.get() as f64) as i64);
    let zone = local_zone_now();
    // Only emptiness picks the branch below, so the table is built once, not on every change.
    let shown_state = Memo::new(move |_| shown.with(|s| s.as_ref().map(Vec::is_empty)));
    let rows = Signal::derive(move || shown.get().unwrap_or_default());
    view! {
        <section class="page">
            <h1>{i18n.tr(Text::TasksTitle)}</h1>
            {move || filter.with(ListFilter::any).then(|| view! {
                <p class="muted">
                    {described().map(|d| view! { <span data-testid="tasks-filter">{d}</span>" · " })}
                    <a href="/tasks" data-testid="clear-filter">{i18n.t(Text::ClearFilter)}</a>
                </p>
            })}
            {ignored}
            <TaskFilters filter creators on_change=set_filter />
            <div class="list-tools">
                <label>
                    {i18n.tr(Text::ReadinessSearch)}" "
                    <input type="search" data-testid="tasks-search"
                        placeholder=move || i18n.t(Text::TasksSearchHint)
                        prop:value=move || filter.get().query
                        on:change=move |ev| set_filter.run(ListFilter { query: event_target_value(&ev).trim().to_string(), ..filter.get_untracked() }) />
                </label>
                <label>
                    {i18n.tr(Text::SortBy)}" "
                    <select data-testid="tasks-sort" prop:value=move || filter.get().sort.as_str()
                        on:change=move |ev| set_filter.run(ListFilter { sort: TaskSort::parse(&event_target_value(&ev)), ..filter.get_untracked() })>
                        <option value="newest">{i18n.tr(Text::SortNewest)}</option>
                        <option value="failed">{i18n.tr(Text::SortFailedFirst)}</option>
                        <option value="longest">{i18n.tr(Text::SortLongest)}</option>
                    </select>
                </label>
            </div>
            <div class="toolbar">
                <button class="btn" on:click=move |_| tasks.reload()>{i18n.tr(Text::Refresh)}</button>
                <button class="btn" data-testid="download-csv" on:click=download
                    disabled=move || shown.with(|s| s.as_ref().is_none_or(Vec::is_empty))>
                    {i18n.tr(Text::DownloadCsv)}
                </button>
            </div>
            {scope}
            <FailureView failure=tasks.error on_retry=Callback::new(move |_| tasks.reload()) busy=tasks.loading />
            {move || (tasks.data.with(Option::is_none) && tasks.loading.get()).then(|| view! {
                <p class="loading" aria-busy="true" data-testid="tasks-loading">{i18n.t(Text::Loading)}</p>
            })}
            {move || shown_state.get().map(|empty| {
                if empty {
                    return view! { <p class="empty" data-testid="tasks-empty">{i18n.t(Text::TasksEmpty)}</p> }.into_any();
                }
                view! {
                    <p class="hint" data-testid="tasks-count" aria-live="polite">{count_line}</p>
                    <TaskTable rows now zone />
                }.into_any()
            })}
            <Pager info=Signal::derive(move || tasks.data.with(|d| d.as_ref().and_then(|d| d.page.clone()))) page />
        </section>
    }
}

/// What identifies a drawn row: its place, its task and what a poll can change.
fn row_key(
    index: usize,
    t: &TaskInstance,
) -> (usize, Option<i64>, String, (usize, usize), Option<String>) {
    (
        index,
        t.id.map(|l| l.0),
        t.status
            .as_ref()
            .map(|s| s.as_wire().to_string())
            .unwrap_or_default(),
        t.progress(),
        t.finish_time.clone(),
    )
}

#[component]
fn TaskTable(
    rows: Signal<Vec<TaskInstance>>,
    now: Signal<i64>,
    zone: console_core::time::Offset,
) -> impl IntoView {
    let i18n = use_i18n();
    let head = move || {
        view! {
            <th scope="col">{i18n.t(Text::ColTask)}</th>
            <th scope="col">{i18n.t(Text::ColStatus)}</th>
            <th scope="col">{i18n.t(Text::ColProgress)}</th>
            <th scope="col">{i18n.f(Text::ColStartedIn, &[&human::zone_label(zone)])}</th>
            <th scope="col">{i18n.t(Text::ColDuration)}</th>
            <th scope="col">{i18n.t(Text::ColCreator)}</th>
        }
    };
    let row = move |d: Drawn<TaskInstance>| view! { <TaskRow index=d.index t=d.item now zone /> };
    let label = Signal::derive(move || i18n.t(Text::TasksTitle).to_string());
    view! { <WindowedTable rows head columns=6 key=row_key class="tasks-grid" row_px=44 label row /> }
}

#[component]
fn TaskRow(
    index: usize,
    t: TaskInstance,
    now: Signal<i64>,
    zone: console_core::time::Offset,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = t.id.map(|l| l.0).unwrap_or_default();
    let (done, total) = t.progress();
    let (icon, slug, _) = present::task_status(t.status.as_ref()).parts();
    let unknown = match &t.status {
        Some(TaskStatus::Unknown(raw)) => Some(raw.clone()),
        _ => None,
    };
    let status_of = t.status.clone();
    let status = move || {
        present::words(
            i18n.lang.get(),
            present::task_status(status_of.as_ref()),
            unknown.as_deref(),
        )
    };
    let ocp = ocp_zone();
    let start = t.start_time.as_deref().and_then(|s| parse_ms(s, ocp));
    let end = t.finish_time.as_deref().and_then(|s| parse_ms(s, ocp));
    // A running task's duration grows with the ticker.
    let duration = move || {
        start.map(|s| human::duration(end.unwrap_or_else(|| now.get()) - s, i18n.lang.get()))
    };
    view! {
        <tr data-testid="task-row" aria-rowindex=aria_row(index)>
            <td><a href=format!("/tasks/{id}")>{format!("#{id} {}", t.name.clone().unwrap_or_default())}</a></td>
            <td><span class=format!("node-{slug} status-text")>{icon}" "{status}</span></td>
            <td>{format!("{done}/{total}")}</td>
            <td><When raw=t.start_time.clone() now header_zone=zone age=true /></td>
            <td>{duration}</td>
            <td>{t.creator.as_ref().and_then(|c| c.label())}</td>
        </tr>
    }
}
