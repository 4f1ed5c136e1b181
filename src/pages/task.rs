//! One task: status, progress and its subtasks in execution order (layered from the edges).
//! The live graph comes with issue 4; until then the subtasks are a table.

use crate::api::use_api;
use crate::components::failure_view::FailureView;
use crate::hooks::load::use_load;
use crate::i18n::use_i18n;
use crate::pages::not_found::NotFound;
use console_core::graph;
use console_core::i18n::Text;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn TaskPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").and_then(|v| v.parse::<i64>().ok()));
    move || match id.get() {
        Some(id) => view! { <TaskView id /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    }
}

#[component]
fn TaskView(id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let task = use_load(
        move || (),
        move |_| {
            let api = api.clone();
            async move { api.get_task(id).await }
        },
    );
    view! {
        <section class="page">
            <h1>{move || i18n.f(Text::TaskTitle, &[&format!("#{id}")])}" "
                {move || task.data.get().and_then(|t| t.name)}
            </h1>
            <FailureView failure=task.error on_retry=Callback::new(move |_| task.reload()) busy=task.loading />
            {move || task.data.get().map(|t| {
                let (done, total) = t.progress();
                let status = t.status.as_ref().map(|s| s.as_wire().to_string()).unwrap_or_default();
                let subtasks = t.subtasks().to_vec();
                let table = match graph::build(&subtasks) {
                    Ok(g) => view! {
                        <table class="grid" data-testid="subtasks">
                            <thead><tr>
                                <th scope="col">"#"</th>
                                <th scope="col">{i18n.t(Text::ColSubtask)}</th>
                                <th scope="col">{i18n.t(Text::ColStatus)}</th>
                                <th scope="col" class="num">{i18n.t(Text::ColRuns)}</th>
                                <th scope="col">{i18n.t(Text::ColStarted)}</th>
                            </tr></thead>
                            <tbody>
                                {g.topo_order().into_iter().map(|i| {
                                    let s = &subtasks[i];
                                    let st = s.status.as_ref().map(|x| x.as_wire().to_string()).unwrap_or_default();
                                    view! {
                                        <tr data-testid="subtask-row">
                                            <td class="num">{g.layer[i] + 1}</td>
                                            <td>{s.name.clone()}</td>
                                            <td><span class=format!("status status-{}", st.to_ascii_lowercase())>{st.clone()}</span></td>
                                            <td class="num">{s.run_time.map(|r| r.to_string())}</td>
                                            <td>{s.start_time.clone()}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any(),
                    Err(e) => view! { <p class="form-error" role="alert">{i18n.f(Text::GraphInvalid, &[&e.to_string()])}</p> }.into_any(),
                };
                view! {
                    <dl class="facts">
                        <dt>{i18n.t(Text::ColStatus)}</dt>
                        <dd><span class=format!("status status-{}", status.to_ascii_lowercase()) data-testid="task-status">{status.clone()}</span></dd>
                        <dt>{i18n.t(Text::ColProgress)}</dt>
                        <dd data-testid="task-progress">{i18n.f(Text::ProgressOf, &[&done.to_string(), &total.to_string()])}</dd>
                        <dt>{i18n.t(Text::ColCreator)}</dt>
                        <dd>{t.creator.as_ref().and_then(|c| c.name()).map(str::to_string)}</dd>
                        <dt>{i18n.t(Text::ColStarted)}</dt>
                        <dd>{t.start_time.clone()}</dd>
                    </dl>
                    {table}
                }
            })}
            <button class="btn" on:click=move |_| task.reload() disabled=move || task.loading.get()>{move || i18n.t(Text::Refresh)}</button>
        </section>
    }
}
