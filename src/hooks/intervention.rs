//! `use_intervention`: the task page's way out of a failed step or task (retry, skip, cancel,
//! rollback). An intervention is first previewed (its impact marked on the graph, its
//! consequence in words, a rollback confirmed by typing the task's name), then sent once per
//! confirmation (`hooks::launch`); after the send, or after one whose reply was lost (the
//! outcome unknown: the graph shows whether it took effect), the task is followed again. A
//! rollback OCP refuses because a step cannot be undone is told apart
//! (`TASK_PROHIBIT_ROLLBACK`). Its own file so the page only lays the flow out.

use crate::api::use_api;
use crate::hooks::launch::{Launch, LaunchState};
use crate::hooks::poll::Poll;
use crate::hooks::task_model::TaskModel;
use crate::i18n::use_i18n;
use console_core::i18n::Text;
use console_core::task::interventions::{impact, typed_confirmation, Impact, Intervention};
use console_core::wire::codes::TASK_PROHIBIT_ROLLBACK;
use console_core::ApiFailure;
use leptos::prelude::*;

/// One task's intervention flow, for its page to show.
#[derive(Clone, Copy)]
pub(crate) struct InterventionFlow {
    /// What the previewed intervention would do to each step (empty without one), for the graph.
    pub(crate) impacts: Signal<Vec<Option<Impact>>>,
    /// The previewed intervention's consequence, in words.
    pub(crate) text: Signal<String>,
    /// How its one send stands (`None` without a preview).
    pub(crate) state: Signal<Option<LaunchState<()>>>,
    /// A task's intervention previewed (shown in place of the task's buttons).
    pub(crate) task_preview: Memo<Option<Intervention>>,
    /// The step whose intervention is previewed (shown below that step's buttons).
    pub(crate) step_preview: Memo<Option<usize>>,
    /// The task's name, to type before a rollback can be sent.
    pub(crate) must_type: Memo<Option<String>>,
    /// Opens the preview of an intervention, with a fresh one-send guard.
    pub(crate) begin: Callback<Intervention>,
    /// Closes the preview unsent.
    pub(crate) cancel: Callback<()>,
    /// Sends the previewed intervention (once, whatever the operator does).
    pub(crate) confirm: Callback<()>,
}

impl InterventionFlow {
    /// A send is in flight.
    pub(crate) fn sending(&self) -> bool {
        matches!(self.state.get(), Some(LaunchState::Sending))
    }
}

/// Step `n`'s id and name: from the graph, or, when the steps cannot form one, from the list
/// OCP sent (`n` is the step's place in it either way).
fn step(model: TaskModel, n: usize) -> Option<(i64, String)> {
    if let Some(s) = model.structure.with(|s| {
        s.as_ref()
            .and_then(|s| s.info.get(n).map(|i| (i.id, i.name.clone())))
    }) {
        return Some(s);
    }
    model.undrawable.with(|u| {
        let s = u.as_ref()?.get(n)?;
        Some((s.id?.0, s.name.clone().unwrap_or_default()))
    })
}

/// Whether OCP refused a rollback because a step that ran cannot be undone.
pub(crate) fn is_rollback_refusal(f: &ApiFailure) -> bool {
    f.code().and_then(|c| c.as_int()) == Some(TASK_PROHIBIT_ROLLBACK)
}

/// Call in the task page's component (`id` is the task); `poll` follows the task, and is woken
/// after a send.
pub(crate) fn use_intervention(id: i64, model: TaskModel, poll: Poll) -> InterventionFlow {
    let i18n = use_i18n();
    let api = use_api();
    let preview = RwSignal::new(None::<Intervention>);
    let action: RwSignal<Option<Launch<()>>> = RwSignal::new(None);
    let impacts = Signal::derive(move || match preview.get() {
        Some(p) => model
            .structure
            .with(|s| s.as_ref().map(|s| impact(&s.graph, &model.statuses(), p)))
            .unwrap_or_default(),
        None => Vec::new(),
    });
    let text = Signal::derive(move || {
        let Some(p) = preview.get() else {
            return String::new();
        };
        let name = |n: usize| step(model, n).map(|(_, name)| name).unwrap_or_default();
        let count = impacts
            .with(|v| v.iter().filter(|x| x.is_some()).count())
            .to_string();
        // Without a graph the steps that would run again are not known: said, not guessed.
        let no_graph = model.graph_error.with(Option::is_some);
        match p {
            Intervention::RetrySubtask(n) if no_graph => {
                i18n.f(Text::PreviewRetryStepNoGraph, &[&name(n)])
            }
            Intervention::RetryTask => i18n.f(Text::PreviewRetryTask, &[&count]),
            Intervention::RollbackTask => i18n.f(Text::PreviewRollback, &[&count]),
            Intervention::RetrySubtask(n) => i18n.f(Text::PreviewRetryStep, &[&name(n), &count]),
            Intervention::SkipSubtask(n) => i18n.f(Text::PreviewSkipStep, &[&name(n)]),
            Intervention::CancelSubtask(n) => i18n.f(Text::PreviewCancelStep, &[&name(n)]),
        }
    });
    // Each intervention gets its own one-send guard, owned by the page: created under the
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
    let cancel = Callback::new(move |_: ()| {
        preview.set(None);
        action.set(None);
    });
    let confirm = Callback::new(move |_: ()| {
        let (Some(p), Some(launch)) = (preview.get_untracked(), action.get_untracked()) else {
            return;
        };
        let sub_id = |n: usize| untrack(|| step(model, n)).map(|(id, _)| id);
        let api = api.clone();
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
    let state = Signal::derive(move || action.get().map(|l| l.state.get()));
    // The preview opens where the operator is. Memos, so the polls that re-render the buttons
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
    // task's name (console_core::task::interventions::typed_confirmation).
    let must_type = Memo::new(move |_| {
        let p = preview.get()?;
        let name = model
            .header
            .with_untracked(|h| h.as_ref().map(|h| h.name.clone()))
            .unwrap_or_default();
        typed_confirmation(p, &name, id)
    });
    InterventionFlow {
        impacts,
        text,
        state,
        task_preview,
        step_preview,
        must_type,
        begin,
        cancel,
        confirm,
    }
}
