//! `Launch`: sends a launch at most once per confirmation, whatever the operator does (double
//! clicks, Enter held down, a slow reply), and remembers how it ended. A launch whose reply was
//! lost ends as `Unknown` and cannot be sent again from this page: the operator checks the task
//! list first.

use console_core::wire::TaskInstance;
use console_core::ApiFailure;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;

/// What the operator confirmed with: the new service name (trimmed, if any) and the reason as
/// typed (the launch record cleans it).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Confirmed {
    pub service: Option<String>,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum LaunchState<T = Vec<TaskInstance>> {
    Idle,
    Sending,
    Launched(T),
    /// OCP answered with an error: nothing was started.
    Refused(ApiFailure),
    /// No usable reply: the launch may or may not have started.
    Unknown(ApiFailure),
}

/// Sends one write per confirmation; `T` is what a success returns (the launched tasks by
/// default, nothing for task interventions).
pub struct Launch<T: Send + Sync + 'static = Vec<TaskInstance>> {
    pub state: RwSignal<LaunchState<T>>,
    /// Set synchronously on the first click, before any re-render could disable the button.
    in_flight: StoredValue<bool>,
}

impl<T: Send + Sync + 'static> Clone for Launch<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Launch<T> {}

impl<T: Send + Sync + Clone + 'static> Default for Launch<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: Send + Sync + Clone + 'static> Launch<T> {
    pub fn new() -> Launch<T> {
        Launch {
            state: RwSignal::new(LaunchState::Idle),
            in_flight: StoredValue::new(false),
        }
    }

    /// Whether a new confirmation may send: not while one is in flight, not after a launch
    /// started or might have.
    pub fn can_send(&self) -> bool {
        !self.in_flight.get_value()
            && !matches!(
                self.state.get_untracked(),
                LaunchState::Launched(_) | LaunchState::Unknown(_)
            )
    }

    /// Sends the request `send` builds, if allowed. `send` is only called when it is.
    pub fn fire<Fut>(&self, send: impl FnOnce() -> Fut)
    where
        Fut: Future<Output = Result<T, ApiFailure>> + 'static,
    {
        if !self.can_send() {
            return;
        }
        self.in_flight.set_value(true);
        self.state.set(LaunchState::Sending);
        let fut = send();
        let this = *self;
        spawn_local(async move {
            let result = fut.await;
            this.in_flight.try_set_value(false);
            this.state.try_set(match result {
                Ok(v) => LaunchState::Launched(v),
                Err(f) if f.outcome_unknown() => LaunchState::Unknown(f),
                Err(f) => LaunchState::Refused(f),
            });
        });
    }

    /// Opens the task a successful launch created (the first, for a batch).
    pub fn open_task_when_launched(self)
    where
        T: IntoIterator<Item = TaskInstance>,
        LaunchState<T>: Clone,
    {
        let navigate = leptos_router::hooks::use_navigate();
        Effect::new(move |_| {
            if let LaunchState::Launched(tasks) = self.state.get() {
                if let Some(id) = tasks.into_iter().next().and_then(|t| t.id) {
                    navigate(&format!("/tasks/{id}"), Default::default());
                }
            }
        });
    }

    pub fn is_sending(&self) -> bool {
        matches!(self.state.get(), LaunchState::Sending)
    }
}
