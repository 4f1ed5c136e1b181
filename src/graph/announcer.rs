//! `<Announcer>`: tells screen readers what changed on a task, politely, once per change of
//! state (a step's or the task's), never per poll. What is said is
//! `console_core::graph::speech::changes`'; this keeps the statuses heard last to compare with.
//! Its own file so the task page does not carry the bookkeeping.

use crate::hooks::task_model::TaskModel;
use crate::i18n::use_i18n;
use console_core::graph::speech;
use console_core::wire::{SubtaskStatus, TaskStatus};
use leptos::prelude::*;

/// What was heard last: on which structure version, every step's status, the task's.
type Heard = (u64, Vec<Option<SubtaskStatus>>, Option<TaskStatus>);

#[component]
pub(crate) fn Announcer(model: TaskModel) -> impl IntoView {
    let i18n = use_i18n();
    let announce = RwSignal::new(String::new());
    let heard = StoredValue::new(None::<Heard>);
    // Each run compares the statuses with those of the run before, on the same structure.
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
    view! {
        <p class="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">{move || announce.get()}</p>
    }
}
