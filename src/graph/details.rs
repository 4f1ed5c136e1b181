//! The selected step: what it is, how it ran, what may be done to it, and its log, followed
//! while it runs.

use super::status_words;
use crate::api::use_api;
use crate::components::unreadable::StateWord;
use crate::components::when::When;
use crate::hooks::task_model::TaskModel;
use crate::hooks::timing::Timing;
use crate::i18n::use_i18n;
use console_core::i18n::Text;
use console_core::present;
use console_core::task::eta::step_eta_words;
use console_core::task::interventions::{overdue, subtask_interventions, Intervention};
use console_core::time::human;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn StepDetails(
    model: TaskModel,
    task_id: i64,
    node: usize,
    #[prop(into)] now_ms: Signal<i64>,
    /// The time left, for this step's own ETA.
    timing: Timing,
    on_intervene: Callback<Intervention>,
    #[prop(into)] can_operate: Signal<bool>,
    /// Shown right below the step's intervention buttons: the preview of the one chosen.
    #[prop(optional)]
    children: Option<ChildrenFn>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let parts = model.structure.with_untracked(|s| {
        s.as_ref()
            .and_then(|s| Some((s.info.get(node)?.clone(), *s.nodes.get(node)?)))
    });
    let Some((info, state)) = parts else {
        return view! { <p class="muted">{i18n.tr(Text::SelectStep)}</p> }.into_any();
    };
    let running = move || state.with(|n| present::subtask_status(n.status.as_ref()).is_active());
    let status = move || {
        let (icon, slug, words) = state.with(|n| {
            let (icon, slug, _) = present::subtask_status(n.status.as_ref()).parts();
            (icon, slug, status_words(i18n, n.status.as_ref()))
        });
        view! { <span class=format!("node-{slug} status-text")>{icon}" "{words}</span> }
    };
    let elapsed = move || {
        let n = state.get();
        let start = n.start_ms()?;
        let end = if running() {
            now_ms.get()
        } else {
            n.finish_ms()?
        };
        Some(human::duration(end - start, i18n.lang.get()))
    };
    let is_overdue = move || {
        let n = state.get();
        running()
            && overdue(
                n.status.as_ref(),
                n.start_ms(),
                info.timeout_s,
                now_ms.get(),
            )
    };
    let task_op = move || {
        model
            .header
            .with(|h| h.as_ref().and_then(|h| h.operation.clone()))
    };
    let actions = move || {
        let st = state.with(|n| n.status.clone());
        subtask_interventions(node, st.as_ref(), task_op().as_ref())
    };

    // The log: fetched when the step's status changes, and every second while it runs.
    let log = RwSignal::new(None::<String>);
    let log_error = RwSignal::new(None::<String>);
    let in_flight = StoredValue::new(false);
    let sub_id = info.id;
    Effect::new(move |_| {
        state.with(|n| n.status.clone());
        if running() {
            now_ms.track();
        }
        if in_flight.get_value() {
            return;
        }
        in_flight.set_value(true);
        let api = api.clone();
        spawn_local(async move {
            let result = api.subtask_log(task_id, sub_id).await;
            let _ = in_flight.try_set_value(false);
            match result {
                Ok(text) => {
                    log.try_set(Some(text));
                    log_error.try_set(None);
                }
                Err(f) => {
                    log_error.try_set(Some(console_core::i18n::describe_failure(
                        i18n.lang.get_untracked(),
                        &f,
                    )));
                }
            }
        });
    });
    let timeout = info.timeout_s;
    let eta_name = info.name.clone();
    let eta = Memo::new(move |_| {
        let status = state.with(|n| n.status.clone());
        timing.step_eta(node, &eta_name, status.as_ref())
    });
    let eta_words = move || step_eta_words(eta.get(), i18n.lang.get());
    view! {
        <section class="step-details card" data-testid="step-details" tabindex="-1" aria-labelledby="step-details-name">
            <h2 id="step-details-name">{info.name.clone()}</h2>
            <dl class="facts">
                <dt>{i18n.tr(Text::ColStatus)}</dt><dd data-testid="step-status">{status}</dd>
                <dt>{i18n.tr(Text::ColOperation)}</dt><dd>{move || state.with(|n| n.operation.as_ref().map(|o| view! { <StateWord look=present::subtask_operation(o) wire=o.as_wire().to_string() /> }))}</dd>
                <dt>{i18n.tr(Text::ColRuns)}</dt><dd>{move || state.with(|n| n.run_time)}</dd>
                <dt>{i18n.tr(Text::ColStarted)}</dt><dd data-testid="step-started"><When raw=Signal::derive(move || state.with(|n| n.start.clone())) now=now_ms age=true /></dd>
                <dt>{i18n.tr(Text::FieldFinished)}</dt><dd data-testid="step-finished"><When raw=Signal::derive(move || state.with(|n| n.finish.clone())) now=now_ms age=true /></dd>
                <dt>{i18n.tr(Text::ColElapsed)}</dt>
                <dd>{elapsed}" "{move || is_overdue().then(|| view! { <span class="late" data-testid="overdue">"⚠ "{i18n.t(Text::Overdue)}</span> })}</dd>
                {move || eta_words().map(|w| view! { <dt>{i18n.t(Text::FieldStepEta)}</dt><dd data-testid="step-eta">{w}</dd> })}
                <dt>{i18n.tr(Text::ColTimeout)}</dt><dd>{move || timeout.map(|t| human::duration(t.saturating_mul(1000), i18n.lang.get()))}</dd>
                <dt>{i18n.tr(Text::FieldExecutor)}</dt><dd>{move || state.with(|n| n.executor.clone())}</dd>
                {info.prohibit_rollback.then(|| view! { <dt>"⊘"</dt><dd>{i18n.tr(Text::LegendNoRollback)}</dd> })}
            </dl>
            <div class="step-actions">
                {move || actions().into_iter().map(|a| view! {
                    <button class="btn" data-testid=super::action_testid(a)
                        disabled=move || !can_operate.get()
                        on:click=move |_| on_intervene.run(a)>{super::action_words(i18n, a)}</button>
                }).collect_view()}
            </div>
            {children.map(|c| c())}
            <h3>{i18n.tr(Text::LogTitle)}" "{move || running().then(|| view! { <span class="muted">{i18n.t(Text::LogFollowing)}</span> })}</h3>
            {move || log_error.get().map(|e| view! { <p class="form-error">{e}</p> })}
            <pre class="log" data-testid="step-log" tabindex="0">{move || log.get().filter(|l| !l.is_empty()).unwrap_or_else(|| i18n.t(Text::LogEmpty).to_string())}</pre>
        </section>
    }
    .into_any()
}
