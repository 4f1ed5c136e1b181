//! The launch of a DR page: the launch button (offered when the page is ready, the operator may
//! operate and no precheck is running), the confirmation (`confirm_dialog`: the name typed,
//! each warning accepted, a reason; an unknown outcome points to the task list), and what a
//! launch that started leads to: its task opened, or a batch's tasks listed. The flow behind
//! it is `hooks::dr_launch`'s.

use crate::components::confirm_dialog::ConfirmDialog;
use crate::hooks::dr_launch::DrSteps;
use crate::hooks::launch::{Confirmed, LaunchState};
use crate::i18n::use_i18n;
use crate::session::use_session;
use console_core::i18n::Text;
use leptos::prelude::*;
use leptos_router::components::A;

/// What a launch that started leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AfterLaunch {
    /// The task it created opens (one standby).
    OpenTask,
    /// The tasks it created are listed, each linked, and the confirmation closes (a batch).
    ListTasks,
}

/// The confirmation's words, read when it opens.
#[derive(Debug, Clone, Default)]
pub(crate) struct Confirmation {
    pub(crate) title: String,
    /// The name to type.
    pub(crate) expected: String,
    /// Each accepted by its own checkbox.
    pub(crate) warnings: Vec<String>,
    /// The current service name, when a new one may be given.
    pub(crate) service_name: Option<String>,
}

#[component]
pub(crate) fn LaunchBar(
    steps: DrSteps,
    /// The button's words.
    #[prop(into)]
    label: Signal<String>,
    /// What the page needs before a launch is offered (a passing verdict, a selection).
    #[prop(into)]
    ready: Signal<bool>,
    /// Whether to say, before the button, that the precheck must pass first.
    #[prop(optional, into)]
    blocked: Signal<bool>,
    /// Said after the button.
    #[prop(optional, into)]
    note: Option<ViewFn>,
    confirmation: Callback<(), Confirmation>,
    #[prop(into)] consequence: Signal<String>,
    /// Where to look when the outcome is unknown.
    #[prop(into)]
    tasks_href: String,
    after: AfterLaunch,
    on_confirm: Callback<Confirmed>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let DrSteps { launch, dialog, .. } = steps;
    let listed = after == AfterLaunch::ListTasks;
    if !listed {
        launch.open_task_when_launched();
    }
    let launched = Memo::new(move |_| matches!(launch.state.get(), LaunchState::Launched(_)));
    let list = move || match launch.state.get() {
        LaunchState::Launched(tasks) => Some(view! {
            <div class="launched" role="status" data-testid="launched">
                <p>{i18n.f(Text::BatchLaunched, &[&tasks.len().to_string()])}</p>
                <ul>{tasks.into_iter().map(|t| {
                    let id = t.id.map(|l| l.0).unwrap_or_default();
                    let label = format!("{} #{id} ({})", t.name.unwrap_or_default(), t.tenant_id.map(|l| l.to_string()).unwrap_or_default());
                    view! { <li><A href=format!("/tasks/{id}")>{label}</A></li> }
                }).collect_view()}</ul>
            </div>
        }),
        _ => None,
    };
    view! {
        <div class="launch-bar">
            {move || blocked.get().then(|| view! { <p class="hint">{i18n.t(Text::LaunchBlockedHint)}</p> })}
            <button class="btn btn-danger" data-testid="launch"
                disabled=move || !(ready.get() && session.can_operate() && !steps.checking.get())
                on:click=move |_| dialog.set(true)>
                {move || label.get()}
            </button>
            {note.map(|n| move || n.run())}
        </div>
        {listed.then_some(list)}
        {move || (dialog.get() && !(listed && launched.get())).then(|| {
            let c = confirmation.run(());
            view! {
                <ConfirmDialog
                    title=c.title
                    consequence
                    expected=c.expected
                    warnings=c.warnings
                    service_name=c.service_name
                    tasks_href=tasks_href.clone()
                    launch
                    ask_reason=true
                    on_confirm
                    on_cancel=Callback::new(move |_| dialog.set(false))
                />
            }
        })}
    }
}
