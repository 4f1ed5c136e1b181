//! The danger confirmation for a launch: the consequence in words, the name typed to unlock,
//! each warning accepted explicitly, an optional new service name, an optional reason (kept in
//! this browser with the task: `hooks::launch_record`), and the outcome. One confirmation
//! sends one request (see `hooks::launch`). [`TypeToConfirm`] is the typed-name field, also
//! used by the task page's rollback; the rule is `precheck::verdict::confirmation_ready`.
//! At the keyboard it behaves as every dialog does (`hooks::dialog`).

use crate::components::failure_view::FailureView;
use crate::hooks::dialog::use_dialog;
use crate::hooks::launch::{Launch, LaunchState};
use crate::i18n::use_i18n;
use console_core::i18n::Text;
use console_core::precheck::verdict::confirmation_ready;
use leptos::prelude::*;
use leptos_router::components::A;

// What `on_confirm` is given; its home is `hooks::launch`, beside the send it starts.
pub use crate::hooks::launch::Confirmed;

#[component]
pub fn ConfirmDialog<T: Send + Sync + Clone + 'static>(
    #[prop(into)] title: String,
    #[prop(into)] consequence: Signal<String>,
    /// The name to type (tenant or cluster).
    #[prop(into)]
    expected: String,
    /// Warnings the operator accepts by going ahead, one checkbox each.
    #[prop(optional)]
    warnings: Vec<String>,
    /// When set, a new service name may be given; the value is the current one, for the hint.
    #[prop(default = None)]
    service_name: Option<String>,
    /// Whether to ask for a reason (DR launches keep it in their launch record).
    #[prop(optional)]
    ask_reason: bool,
    /// Where to look when the outcome is unknown.
    #[prop(into)]
    tasks_href: String,
    launch: Launch<T>,
    /// Called when the operator confirms.
    on_confirm: Callback<Confirmed>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let typed = RwSignal::new(String::new());
    let new_service = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let accepted: Vec<RwSignal<bool>> = warnings.iter().map(|_| RwSignal::new(false)).collect();
    let accepted_for_ready = accepted.clone();
    let expected_for_ready = expected.clone();
    let ready = Memo::new(move |_| {
        let acc: Vec<bool> = accepted_for_ready.iter().map(|a| a.get()).collect();
        confirmation_ready(&typed.get(), &expected_for_ready, &acc)
    });
    let finished = move || {
        matches!(
            launch.state.get(),
            LaunchState::Unknown(_) | LaunchState::Launched(_)
        )
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !ready.get_untracked() || !launch.can_send() {
            return;
        }
        let s = new_service.get_untracked().trim().to_string();
        on_confirm.run(Confirmed {
            service: (!s.is_empty()).then_some(s),
            reason: reason.get_untracked(),
        });
    };
    let failure = Signal::derive(move || match launch.state.get() {
        LaunchState::Refused(f) => Some(f),
        _ => None,
    });
    let root = NodeRef::new();
    let on_keydown = use_dialog(
        root,
        Signal::derive(move || !launch.is_sending()),
        on_cancel,
    );
    view! {
        <div class="overlay" node_ref=root on:keydown=on_keydown>
            <div class="dialog card danger" role="dialog" aria-modal="true" aria-labelledby="confirm-title" data-testid="confirm-dialog">
            <form class="dialog-form" on:submit=submit>
                <h2 id="confirm-title">{move || i18n.f(Text::ConfirmTitle, &[&title])}</h2>
                <p class="consequence" data-testid="consequence">{move || consequence.get()}</p>
                {(!warnings.is_empty()).then(|| view! {
                    <fieldset class="accept-warnings">
                        <legend>{i18n.tr(Text::WarningsToAccept)}</legend>
                        {warnings.iter().zip(accepted.iter()).map(|(w, a)| {
                            let a = *a;
                            let w = w.clone();
                            view! {
                                <label class="check">
                                    <input type="checkbox" prop:checked=move || a.get() on:change=move |ev| a.set(event_target_checked(&ev)) />
                                    {move || i18n.f(Text::AcceptWarning, &[&w])}
                                </label>
                            }
                        }).collect_view()}
                    </fieldset>
                })}
                {service_name.map(|current| view! {
                    <label for="service-name">{i18n.tr(Text::NewServiceName)}</label>
                    <input id="service-name" autocomplete="off" prop:value=move || new_service.get()
                        on:input=move |ev| new_service.set(event_target_value(&ev)) />
                    <p class="hint">{move || i18n.f(Text::NewServiceNameHint, &[&current])}</p>
                })}
                {ask_reason.then(|| view! {
                    <label for="launch-reason">{i18n.tr(Text::ReasonLabel)}</label>
                    <textarea id="launch-reason" rows="2" maxlength=console_core::task::launch_record::REASON_MAX_CHARS
                        aria-describedby="launch-reason-hint" prop:value=move || reason.get()
                        on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                    <p class="hint" id="launch-reason-hint">{i18n.tr(Text::ReasonHint)}</p>
                })}
                <TypeToConfirm expected=expected.clone() typed />
                <FailureView failure />
                {move || matches!(launch.state.get(), LaunchState::Refused(ref f) if f.is_forbidden())
                    .then(|| view! { <p class="notice">{i18n.t(Text::NeedsOperator)}</p> })}
                {
                    let tasks_href = tasks_href.clone();
                    move || match launch.state.get() {
                        LaunchState::Unknown(_) => Some(view! {
                            <div class="unknown-outcome" role="alert" data-testid="outcome-unknown">
                                <p>{i18n.t(Text::OutcomeUnknown)}</p>
                                <A href=tasks_href.clone()>{i18n.t(Text::CheckTaskList)}</A>
                            </div>
                        }),
                        _ => None,
                    }
                }
                <div class="dialog-actions">
                    <button type="button" class="btn" on:click=move |_| on_cancel.run(())>{i18n.tr(Text::Cancel)}</button>
                    <button type="submit" class="btn btn-danger" data-testid="confirm-launch"
                        disabled=move || !ready.get() || launch.is_sending() || finished()>
                        {move || if launch.is_sending() { i18n.t(Text::Launching) } else { i18n.t(Text::ConfirmLaunch) }}
                    </button>
                </div>
            </form>
            </div>
        </div>
    }
}

/// "Type NAME to confirm" and its field, which takes the focus when its dialog opens. Whether
/// what was typed unlocks the action is `console_core::precheck::verdict::confirmation_ready`'s to say.
#[component]
pub fn TypeToConfirm(
    #[prop(into)] expected: String,
    typed: RwSignal<String>,
    #[prop(optional, into)] id: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = id.unwrap_or_else(|| "confirm-name".to_string());
    view! {
        <label for=id.clone()>{move || i18n.f(Text::TypeToConfirm, &[&expected])}</label>
        <input id=id type="text" autocomplete="off" spellcheck="false" data-autofocus="" prop:value=move || typed.get()
            on:input=move |ev| typed.set(event_target_value(&ev)) />
    }
}
