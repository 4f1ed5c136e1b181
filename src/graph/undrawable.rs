//! A task whose steps cannot form a graph (the page says which field made it impossible): its
//! steps listed as OCP sent them, the failed ones first (`console_core::task::undrawable`),
//! each with its state, times and the same actions as on the graph, through the page's one
//! intervention flow (a step is its place in OCP's list, as on the graph).

use crate::hooks::task_model::TaskModel;
use crate::i18n::use_i18n;
use console_core::i18n::Text;
use console_core::present;
use console_core::task::interventions::{subtask_interventions, Intervention};
use console_core::task::undrawable::order;
use leptos::prelude::*;

#[component]
pub(crate) fn UndrawableSteps(
    model: TaskModel,
    on_intervene: Callback<Intervention>,
    #[prop(into)] can_operate: Signal<bool>,
    #[prop(into)] sending: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let rows = move || {
        let steps = model.undrawable.get()?;
        let task_op = model
            .header
            .with(|h| h.as_ref().and_then(|h| h.operation.clone()));
        Some(
            order(&steps)
                .into_iter()
                .filter_map(|i| {
                    let s = steps.get(i)?.clone();
                    let (icon, slug, _) = present::subtask_status(s.status.as_ref()).parts();
                    let words = super::status_words(i18n, s.status.as_ref());
                    let id = s.id.map(|l| format!("#{}", l.0)).unwrap_or_else(|| "—".into());
                    // A step without an id cannot be acted on.
                    let actions = if s.id.is_some() {
                        subtask_interventions(i, s.status.as_ref(), task_op.as_ref())
                    } else {
                        Vec::new()
                    };
                    Some(view! {
                        <tr data-testid="undrawable-step" data-status=slug>
                            <td class="num">{i + 1}</td>
                            <th scope="row">{s.name.clone().unwrap_or_default()}" "<small class="muted">{id}</small></th>
                            <td><span class=format!("node-{slug} status-text")>{icon}" "{words}</span></td>
                            <td><time>{s.start_time.clone()}</time></td>
                            <td><time>{s.finish_time.clone()}</time></td>
                            <td class="row-actions">
                                {actions.into_iter().map(|a| view! {
                                    <button class="btn btn-small" data-testid=super::action_testid(a)
                                        disabled=move || !can_operate.get() || sending.get()
                                        on:click=move |_| on_intervene.run(a)>{super::action_words(i18n, a)}</button>
                                }).collect_view()}
                            </td>
                        </tr>
                    })
                })
                .collect_view(),
        )
    };
    view! {
        <section class="undrawable" data-testid="undrawable-steps">
            <h2>{i18n.tr(Text::UndrawableTitle)}</h2>
            <p class="hint">{i18n.tr(Text::UndrawableHint)}</p>
            <div class="grid-scroll" tabindex="0">
                <table class="grid">
                    <thead><tr>
                        <th scope="col" class="num">"#"</th>
                        <th scope="col">{i18n.tr(Text::ColStep)}</th>
                        <th scope="col">{i18n.tr(Text::ColStatus)}</th>
                        <th scope="col">{i18n.tr(Text::ColStarted)}</th>
                        <th scope="col">{i18n.tr(Text::FieldFinished)}</th>
                        <th scope="col">{i18n.tr(Text::ColActions)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}
