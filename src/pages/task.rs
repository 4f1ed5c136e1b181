//! A task, live: header (status, progress, elapsed), the subtask graph or its table, the selected
//! step's details and log, and the interventions OCP allows, each previewed on the graph before
//! it is confirmed and sent once.

use crate::api::use_api;
use crate::components::confirm_dialog::TypeToConfirm;
use crate::components::failure_view::FailureView;
use crate::components::launch_record::LaunchRecordView;
use crate::components::live_status::LiveStatus;
use crate::components::task_timing::TaskTimingFacts;
use crate::components::unreadable::StateWord;
use crate::components::when::When;
use crate::graph::details::StepDetails;
use crate::graph::legend::Legend;
use crate::graph::model::TaskModel;
use crate::graph::table::SubtaskTable;
use crate::graph::view::TaskGraph;
use crate::hooks::alerts::{use_task_alerts, NotifyButton};
use crate::hooks::dialog::use_dialog;
use crate::hooks::launch::{Launch, LaunchState};
use crate::hooks::poll::use_poll;
use crate::hooks::ticker::use_ticker;
use crate::hooks::timing::use_task_timing;
use crate::hooks::title::use_title;
use crate::i18n::use_i18n;
use crate::pages::not_found::NotFound;
use crate::session::use_session;
use console_core::alert::Watch;
use console_core::i18n::Text;
use console_core::poll::{failure_outcome, Backoff, Outcome};
use console_core::precheck::confirmation_ready;
use console_core::present;
use console_core::speech;
use console_core::task_reader::TaskReader;
use console_core::task_view::{impact, task_interventions, typed_confirmation, Intervention};
use console_core::time::{human, parse_ms};
use console_core::wire::{SubtaskStatus, TaskStatus};
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
    let preview = RwSignal::new(None::<Intervention>);
    let action: RwSignal<Option<Launch<()>>> = RwSignal::new(None);
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
    // One polite announcement per change of state (a step's or the task's), never per poll:
    // each run compares the statuses with those of the run before, on the same structure.
    let announce = RwSignal::new(String::new());
    let heard = StoredValue::new(None::<(u64, Vec<Option<SubtaskStatus>>, Option<TaskStatus>)>);
    Effect::new(move |_| {
        let version = model.version.get();
        let task = model
            .header
            .with(|h| h.as_ref().and_then(|h| h.status.clone()));
        let now = model.statuses();
        let lang = i18n.lang.get_untracked();
        let said = heard.with_value(|before| {
            let (v, steps, task_before) = before.as_ref()?;
            if *v != version || steps.len() != now.len() {
                return None;
            }
            model.structure.with_untracked(|s| {
                let s = s.as_ref()?;
                let pairs = s
                    .info
                    .iter()
                    .zip(steps.iter().zip(&now))
                    .map(|(info, (a, b))| (info.name.as_str(), a.as_ref(), b.as_ref()));
                speech::changes(lang, pairs, (task_before.as_ref(), task.as_ref()))
            })
        });
        if let Some(text) = said {
            announce.set(text);
        }
        heard.set_value(Some((version, now, task)));
    });
    let impacts = Signal::derive(move || match preview.get() {
        Some(p) => model
            .structure
            .with(|s| s.as_ref().map(|s| impact(&s.graph, &model.statuses(), p)))
            .unwrap_or_default(),
        None => Vec::new(),
    });
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

    let preview_text = move || {
        let p = preview.get()?;
        let name = |n: usize| {
            model
                .structure
                .with(|s| {
                    s.as_ref()
                        .and_then(|s| s.info.get(n).map(|i| i.name.clone()))
                })
                .unwrap_or_default()
        };
        let count = impacts
            .with(|v| v.iter().filter(|x| x.is_some()).count())
            .to_string();
        Some(match p {
            Intervention::RetryTask => i18n.f(Text::PreviewRetryTask, &[&count]),
            Intervention::RollbackTask => i18n.f(Text::PreviewRollback, &[&count]),
            Intervention::RetrySubtask(n) => i18n.f(Text::PreviewRetryStep, &[&name(n), &count]),
            Intervention::SkipSubtask(n) => i18n.f(Text::PreviewSkipStep, &[&name(n)]),
            Intervention::CancelSubtask(n) => i18n.f(Text::PreviewCancelStep, &[&name(n)]),
        })
    };
    // Each intervention gets its own one-send guard, owned by this page: created under the
    // click's owner it would be disposed when the buttons re-render on the next poll.
    let page_owner = Owner::current();
    let begin = Callback::new(move |a: Intervention| {
        preview.set(Some(a));
        let launch = match &page_owner {
            Some(o) => o.with(Launch::new),
            None => Launch::new(),
        };
        action.set(Some(launch));
    });
    let cancel_preview = move |_: ()| {
        preview.set(None);
        action.set(None);
    };
    let api_c = api.clone();
    let confirm = Callback::new(move |_: ()| {
        let (Some(p), Some(launch)) = (preview.get_untracked(), action.get_untracked()) else {
            return;
        };
        let sub_id = |n: usize| {
            model
                .structure
                .with_untracked(|s| s.as_ref().and_then(|s| s.info.get(n).map(|i| i.id)))
        };
        let api = api_c.clone();
        let target = match p {
            Intervention::RetrySubtask(n)
            | Intervention::SkipSubtask(n)
            | Intervention::CancelSubtask(n) => sub_id(n),
            _ => None,
        };
        launch.fire(move || async move {
            match (p, target) {
                (Intervention::RetryTask, _) => api.retry_task(id).await,
                (Intervention::RollbackTask, _) => api.rollback_task(id).await,
                (Intervention::RetrySubtask(_), Some(s)) => api.retry_subtask(id, s).await,
                (Intervention::SkipSubtask(_), Some(s)) => api.skip_subtask(id, s).await,
                (Intervention::CancelSubtask(_), Some(s)) => api.cancel_subtask(id, s).await,
                _ => Ok(()),
            }
        });
    });
    // After a sent intervention, follow the task again and drop the preview. After one whose
    // reply was lost, follow it too: the graph shows whether it took effect.
    Effect::new(move |_| match action.get().map(|l| l.state.get()) {
        Some(LaunchState::Launched(_)) => {
            preview.set(None);
            poll.wake();
        }
        Some(LaunchState::Unknown(_)) => poll.wake(),
        _ => {}
    });
    let action_state = move || action.get().map(|l| l.state.get());
    let sending = move || matches!(action_state(), Some(LaunchState::Sending));
    // The preview opens where the operator is: a task's in place of the task's buttons, a
    // step's right below the step's buttons. Memos, so the polls that re-render those buttons
    // leave an open preview (and what was typed in it) alone.
    let task_preview = Memo::new(move |_| {
        preview
            .get()
            .filter(|p| matches!(p, Intervention::RetryTask | Intervention::RollbackTask))
    });
    let step_preview = Memo::new(move |_| match preview.get() {
        Some(
            Intervention::RetrySubtask(n)
            | Intervention::SkipSubtask(n)
            | Intervention::CancelSubtask(n),
        ) => Some(n),
        _ => None,
    });
    // A rollback ends the failover attempt: it is confirmed like a launch, by typing the
    // task's name (console_core::task_view::typed_confirmation).
    let must_type = Memo::new(move |_| {
        let p = preview.get()?;
        let name = model
            .header
            .with_untracked(|h| h.as_ref().map(|h| h.name.clone()))
            .unwrap_or_default();
        typed_confirmation(p, &name, id)
    });
    let preview_view = move || {
        view! {
            <InterventionPreview
                text=Signal::derive(move || preview_text().unwrap_or_default())
                state=Signal::derive(action_state)
                expected=must_type.get_untracked()
                on_cancel=Callback::new(move |_| cancel_preview(()))
                on_confirm=confirm
            />
        }
    };

    view! {
        <section class="page task-page">
            <crate::components::breadcrumbs::Breadcrumbs trail=move |lang| console_core::crumbs::trail(&console_core::crumbs::Place::Task { id }, lang) />
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
                let filter = match (h.cluster_id, h.tenant_id) {
                    (Some(c), Some(t)) => format!("/tasks?clusterId={c}&tenantId={t}"),
                    (Some(c), None) => format!("/tasks?clusterId={c}"),
                    _ => "/tasks".to_string(),
                };
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
                    </div>
                }
            })}
            <div class="task-facts task-timing"><TaskTimingFacts timing /></div>
            <LaunchRecordView task_id=id now=local_now />
            // Why the buttons below are disabled for a viewer, before them.
            <crate::components::viewer_notice::ViewerNotice />
            {move || assumed_zone().map(|z| view! { <p class="hint" data-testid="assumed-zone">{i18n.f(Text::AssumedZone, &[&z.to_string()])}</p> })}
            <div class="task-watch">
                <LiveStatus poll now_ms=local_now finished=Text::NotPolling />
                <NotifyButton alerts />
            </div>
            <p class="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">{move || announce.get()}</p>
            <FailureView failure=poll.error />
            {move || model.graph_error.get().map(|e| view! { <p class="form-error" role="alert" data-testid="graph-error">{i18n.f(Text::GraphInvalid, &[&format!("task {id}: {e}")])}</p> })}
            <div class="task-actions">
                {move || header().map(|h| task_interventions(h.status.as_ref(), h.operation.as_ref()).into_iter().map(|a| view! {
                    <button class="btn" data-testid=if a == Intervention::RetryTask { "act-retry-task" } else { "act-rollback" }
                        disabled=move || !can_operate.get() || sending()
                        on:click=move |_| begin.run(a)>
                        {match a { Intervention::RetryTask => i18n.t(Text::ActRetryTask), _ => i18n.t(Text::ActRollbackTask) }}
                    </button>
                }).collect_view())}
                {move || task_preview.get().map(|_| preview_view())}
            </div>
            <div class="view-switch" role="tablist">
                <button role="tab" class="btn" aria-selected=move || (!table_view.get()).to_string() on:click=move |_| table_view.set(false)>{i18n.tr(Text::ViewGraph)}</button>
                <button role="tab" class="btn" data-testid="view-table" aria-selected=move || table_view.get().to_string() on:click=move |_| table_view.set(true)>{i18n.tr(Text::ViewTable)}</button>
            </div>
            <Legend />
            <div class="task-body">
                <div class="task-main">
                    {move || if table_view.get() {
                        view! { <SubtaskTable model selected now_ms=now timing /> }.into_any()
                    } else {
                        view! { <TaskGraph model selected impact=impacts now_ms=now /> }.into_any()
                    }}
                </div>
                <aside class="task-side">
                    {move || match selected.get() {
                        Some(node) => {
                            // Re-created when the structure is rebuilt, so it binds the new signals.
                            model.version.track();
                            view! {
                                <StepDetails model task_id=id node now_ms=now timing on_intervene=begin can_operate>
                                    {move || step_preview.get().filter(|n| *n == node).map(|_| preview_view())}
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
                    let rollback_refused = f.code().and_then(|c| c.as_int()) == Some(20004);
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
