//! A task, live: header (status, progress, elapsed), the subtask graph or its table, the selected
//! step's details and log, and the interventions OCP allows, each previewed on the graph before
//! it is confirmed and sent once (the flow is `hooks::intervention`'s; this lays it out), and
//! what changed, told to screen readers (`graph::announcer`).

use crate::api::use_api;
use crate::components::confirm_dialog::TypeToConfirm;
use crate::components::failure_view::FailureView;
use crate::components::launch_record::LaunchRecordView;
use crate::components::live_status::LiveStatus;
use crate::components::task_timing::TaskTimingFacts;
use crate::components::unreadable::StateWord;
use crate::components::when::When;
use crate::graph::announcer::Announcer;
use crate::graph::details::StepDetails;
use crate::graph::legend::Legend;
use crate::graph::table::SubtaskTable;
use crate::graph::undrawable::UndrawableSteps;
use crate::graph::view::TaskGraph;
use crate::hooks::alerts::{use_task_alerts, NotifyButton};
use crate::hooks::dialog::use_dialog;
use crate::hooks::intervention::{is_rollback_refusal, use_intervention};
use crate::hooks::launch::LaunchState;
use crate::hooks::poll::use_poll;
use crate::hooks::task_model::TaskModel;
use crate::hooks::ticker::use_ticker;
use crate::hooks::timing::use_task_timing;
use crate::hooks::title::use_title;
use crate::i18n::use_i18n;
use crate::pages::not_found::NotFound;
use crate::session::use_session;
use console_core::i18n::Text;
use console_core::precheck::verdict::confirmation_ready;
use console_core::present;
use console_core::task::alert::Watch;
use console_core::task::interventions::{task_interventions, Intervention};
use console_core::task::reader::TaskReader;
use console_core::time::poll::{failure_outcome, Backoff, Outcome};
use console_core::time::{human, parse_ms};
use console_core::wire::TaskStatus;
use leptos::prelude::*;
use leptos_router::components::A;
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
    let session = use_session();
    let model = TaskModel::new();
    let api_p = api.clone();
    // This task's reader: a poll reads again only the steps whose reply text changed.
    let reader = std::rc::Rc::new(std::cell::RefCell::new(TaskReader::default()));
    let poll = use_poll(
        Backoff::TASK,
        move || {
            let api = api_p.clone();
            let reader = reader.clone();
            async move { api.poll_task(id, &reader).await }
        },
        move |task: console_core::wire::TaskInstance| {
            model.apply(&task);
            let running = model
                .header
                .with_untracked(|h| h.as_ref().is_some_and(|h| h.is_running()));
            if running {
                Outcome::Continue
            } else {
                Outcome::Finished
            }
        },
        // A 401 opens the sign-in dialog and is retried until signed in again; a 403 or 404
        // will not heal: the poller stops and the page says so.
        |f, _| failure_outcome(f),
    );
    let local_now = use_ticker();
    let selected = RwSignal::new(None::<usize>);
    let table_view = RwSignal::new(false);
    poll.wake();
    // Elapsed times and timeouts are judged by OCP's clock (as the latest reply told it).
    let api_now = api.clone();
    let now = Signal::derive(move || api_now.server_ms(local_now.get() as f64) as i64);

    let header = move || model.header.get();
    let timing = use_task_timing(model, now);
    let task_title = Signal::derive(move || {
        let task = i18n.f(Text::TaskTitle, &[&format!("#{id}")]);
        match model.header.with(|h| h.as_ref().map(|h| h.name.clone())) {
            Some(name) if !name.is_empty() => format!("{task} · {name}"),
            _ => task,
        }
    });
    // A failed, waiting or ended task marks the tab's title and favicon (and notifies, if
    // allowed), so an operator in another tab sees it.
    let alerts = use_task_alerts(model, id, task_title);
    use_title(move || {
        let watch = alerts.watch.get().unwrap_or(Watch::Normal);
        watch.title(&task_title.get(), i18n.lang.get())
    });
    // Surface the latest failure: when the task fails and nothing is selected, select the
    // failed step, so its log and the ways out are on screen.
    Effect::new(move |_| {
        let failed = model.header.with(|h| {
            h.as_ref()
                .is_some_and(|h| h.status == Some(TaskStatus::Failed))
        });
        if failed && selected.get_untracked().is_none() {
            let first_failed = model.first_failed();
            if first_failed.is_some() {
                selected.set(first_failed);
            }
        }
    });
    let flow = use_intervention(id, model, poll);
    let can_operate = Signal::derive(move || session.can_operate());

    let elapsed = move || {
        let h = header()?;
        let zone = crate::config::ocp_zone();
        let start = parse_ms(h.start.as_deref()?, zone)?;
        let end = match h.finish.as_deref().and_then(|t| parse_ms(t, zone)) {
            Some(f) => f,
            None => now.get(),
        };
        Some(human::duration(end - start, i18n.lang.get()))
    };
    // Times OCP wrote without an offset are read in the configured zone: say which.
    let assumed_zone = move || {
        let zone = crate::config::ocp_zone();
        let assumed = |t: &Option<String>| {
            t.as_deref()
                .and_then(|t| console_core::time::parse(t, zone).ok())
                .is_some_and(|p| p.assumed)
        };
        let h = header()?;
        // Read again when the structure changes, not on every poll (20,000 times to parse).
        model.structure.track();
        let in_steps = model
            .states
            .with_untracked(|v| v.iter().any(|n| assumed(&n.start) || assumed(&n.finish)));
        (assumed(&h.start) || assumed(&h.finish) || in_steps).then_some(zone)
    };

    // The preview opens where the operator is: a task's in place of the task's buttons, a
    // step's right below the step's buttons.
    let preview_view = move || {
        view! {
            <InterventionPreview
                text=flow.text
                state=flow.state
                expected=flow.must_type.get_untracked()
                on_cancel=flow.cancel
                on_confirm=flow.confirm
            />
        }
    };

    view! {
        <section class="page task-page">
            <crate::components::breadcrumbs::Breadcrumbs trail=move |lang| console_core::present::crumbs::trail(&console_core::present::crumbs::Place::Task { id }, lang) />
            <h1>
                {move || i18n.f(Text::TaskTitle, &[&format!("#{id}")])}" "
                {move || header().map(|h| h.name)}" "
                {move || header().map(|h| {
                    let (icon, slug, t) = present::task_status(h.status.as_ref()).parts();
                    view! { <span class=format!("task-status node-{slug}") data-testid="task-status">{icon}" "{i18n.t(t)}</span> }
                })}
            </h1>
            {move || header().map(|h| {
                let pct = (h.done * 100).checked_div(h.total).unwrap_or(0);
                let filter = console_core::task::list::ListFilter::of(h.cluster_id, h.tenant_id).href();
                view! {
                    <div class="task-facts">
                        <div class="progress" role="progressbar" aria-label=i18n.t(Text::ColProgress) aria-valuemin="0" aria-valuemax=h.total aria-valuenow=h.done>
                            <div class="progress-bar" style:width=format!("{pct}%")></div>
                        </div>
                        <span data-testid="task-progress">{i18n.f(Text::ProgressOf, &[&h.done.to_string(), &h.total.to_string()])}</span>
                        <span>{i18n.t(Text::ColElapsed)}": "<span data-testid="task-elapsed">{elapsed}</span></span>
                        <span>{i18n.t(Text::ColOperation)}": "<span data-testid="task-operation">{h.operation.map(|o| view! { <StateWord look=present::task_operation(&o) wire=o.as_wire().to_string() /> })}</span></span>
                        <span>{i18n.t(Text::ColCreator)}": "{h.creator}</span>
                        <span>{i18n.t(Text::ColStarted)}": "<span data-testid="task-started"><When raw=h.start now age=true /></span></span>
                        <A href=filter>{i18n.t(Text::RelatedTasks)}</A>
                        <A href=format!("/tasks/{id}/report") attr:data-testid="task-report-link">{i18n.t(Text::ReportLink)}</A>
                    </div>
                }
            })}
            <div class="task-facts task-timing"><TaskTimingFacts timing targets=Signal::derive(move || header().map(|h| (h.target_names, h.cluster_id, h.tenant_id)).unwrap_or_default()) /></div>
            <LaunchRecordView task_id=id now=local_now />
            // Why the buttons below are disabled for a viewer, before them.
            <crate::components::viewer_notice::ViewerNotice />
            {move || assumed_zone().map(|z| view! { <p class="hint" data-testid="assumed-zone">{i18n.f(Text::AssumedZone, &[&z.to_string()])}</p> })}
            <div class="task-watch">
                <LiveStatus poll now_ms=local_now finished=Text::NotPolling />
                <NotifyButton alerts />
            </div>
            <Announcer model />
            <FailureView failure=poll.error />
            {move || model.graph_error.get().map(|e| view! { <p class="form-error" role="alert" data-testid="graph-error">{i18n.f(Text::GraphInvalid, &[&format!("task {id}: {e}")])}</p> })}
            <div class="task-actions">
                {move || header().map(|h| task_interventions(h.status.as_ref(), h.operation.as_ref()).into_iter().map(|a| view! {
                    <button class="btn" data-testid=if a == Intervention::RetryTask { "act-retry-task" } else { "act-rollback" }
                        disabled=move || !can_operate.get() || flow.sending()
                        on:click=move |_| flow.begin.run(a)>
                        {match a { Intervention::RetryTask => i18n.t(Text::ActRetryTask), _ => i18n.t(Text::ActRollbackTask) }}
                    </button>
                }).collect_view())}
                {move || flow.task_preview.get().map(|_| preview_view())}
            </div>
            {move || model.undrawable.with(Option::is_some).then(|| view! {
                <UndrawableSteps model on_intervene=flow.begin can_operate sending=Signal::derive(move || flow.sending()) />
                {move || flow.step_preview.get().map(|_| preview_view())}
            })}
            <div class="view-switch" role="tablist" hidden=move || model.undrawable.with(Option::is_some)>
                <button role="tab" class="btn" aria-selected=move || (!table_view.get()).to_string() on:click=move |_| table_view.set(false)>{i18n.tr(Text::ViewGraph)}</button>
                <button role="tab" class="btn" data-testid="view-table" aria-selected=move || table_view.get().to_string() on:click=move |_| table_view.set(true)>{i18n.tr(Text::ViewTable)}</button>
            </div>
            <Legend />
            <div class="task-body" hidden=move || model.undrawable.with(Option::is_some)>
                <div class="task-main">
                    {move || if table_view.get() {
                        view! { <SubtaskTable model selected now_ms=now timing /> }.into_any()
                    } else {
                        view! { <TaskGraph model selected impact=flow.impacts now_ms=now /> }.into_any()
                    }}
                </div>
                <aside class="task-side">
                    {move || match selected.get() {
                        Some(node) => {
                            // Re-created when the structure is rebuilt, so it binds the new signals.
                            model.version.track();
                            view! {
                                <StepDetails model task_id=id node now_ms=now timing on_intervene=flow.begin can_operate>
                                    {move || flow.step_preview.get().filter(|n| *n == node).map(|_| preview_view())}
                                </StepDetails>
                            }.into_any()
                        }
                        None => view! { <p class="muted">{i18n.t(Text::SelectStep)}</p> }.into_any(),
                    }}
                </aside>
            </div>
        </section>
    }
}

/// An intervention before it is sent: what it will do (marked on the graph meanwhile), the
/// task's name to type for a rollback, and how the send ended when it did not. A dialog at the
/// keyboard (`hooks::dialog`), shown next to the buttons that opened it.
#[component]
fn InterventionPreview(
    #[prop(into)] text: Signal<String>,
    #[prop(into)] state: Signal<Option<LaunchState<()>>>,
    /// The name to type before it can be sent (a rollback), if any.
    expected: Option<String>,
    on_cancel: Callback<()>,
    on_confirm: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let typed = RwSignal::new(String::new());
    let sending = move || matches!(state.get(), Some(LaunchState::Sending));
    let expected_ready = expected.clone();
    let ready = move || {
        expected_ready
            .as_deref()
            .is_none_or(|e| confirmation_ready(&typed.get(), e, &[]))
    };
    let root = NodeRef::new();
    let on_keydown = use_dialog(
        root,
        Signal::derive(move || !matches!(state.get_untracked(), Some(LaunchState::Sending))),
        on_cancel,
    );
    view! {
        <div class="preview card" role="dialog" aria-labelledby="intervention-title" aria-describedby="intervention-text"
            data-testid="intervention" node_ref=root on:keydown=on_keydown>
            <h2 id="intervention-title" class="preview-title">{i18n.tr(Text::InterventionTitle)}</h2>
            <p class="consequence" id="intervention-text">{move || text.get()}</p>
            {expected.map(|e| view! { <div class="typed-confirm"><TypeToConfirm expected=e typed id="intervention-name" /></div> })}
            {move || match state.get() {
                Some(LaunchState::Refused(f)) => {
                    let rollback_refused = is_rollback_refusal(&f);
                    Some(view! {
                        <FailureView failure=Signal::stored(Some(f)) />
                        {rollback_refused.then(|| view! { <p class="notice" data-testid="rollback-refused">{i18n.t(Text::RollbackRefused)}</p> })}
                    }.into_any())
                }
                Some(LaunchState::Unknown(_)) => Some(view! { <p class="unknown-outcome" role="alert" data-testid="outcome-unknown">{i18n.t(Text::OutcomeUnknownTask)}</p> }.into_any()),
                _ => None,
            }}
            <div class="dialog-actions">
                <button type="button" class="btn" data-testid="cancel-intervention" disabled=sending on:click=move |_| on_cancel.run(())>{i18n.tr(Text::Cancel)}</button>
                <button type="button" class="btn btn-danger" data-testid="confirm-intervention"
                    disabled=move || !ready() || matches!(state.get(), Some(LaunchState::Sending) | Some(LaunchState::Unknown(_)) | Some(LaunchState::Refused(_)))
                    on:click=move |_| on_confirm.run(())>
                    {move || if sending() { i18n.t(Text::Launching) } else { i18n.t(Text::ConfirmAction) }}
                </button>
            </div>
        </div>
    }
}
