//! `Launch`: sends a launch at most once per confirmation, whatever the operator does (double
//! clicks, Enter held down, a slow reply), and remembers how it ended. A launch whose reply was
//! lost ends as `Unknown` and cannot be sent again from this page: the operator checks the task
//! list first.

use console_core::wire::TaskInstance;
use console_core::ApiFailure;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;

#[derive(Debug, Clone, PartialEq)]
pub enum LaunchState {
    Idle,
    Sending,
    Launched(Vec<TaskInstance>),
    /// OCP answered with an error: nothing was started.
    Refused(ApiFailure),
    /// No usable reply: the launch may or may not have started.
    Unknown(ApiFailure),
}

#[derive(Clone, Copy)]
pub struct Launch {
    pub state: RwSignal<LaunchState>,
    /// Set synchronously on the first click, before any re-render could disable the button.
    in_flight: StoredValue<bool>,
}

impl Default for Launch {
    fn default() -> Self {
        Self::new()
    }
}

impl Launch {
    pub fn new() -> Launch {
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
        Fut: Future<Output = Result<Vec<TaskInstance>, ApiFailure>> + 'static,
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
                Ok(tasks) => LaunchState::Launched(tasks),
                Err(f) if f.outcome_unknown() => LaunchState::Unknown(f),
                Err(f) => LaunchState::Refused(f),
            });
        });
    }

    pub fn is_sending(&self) -> bool {
        matches!(self.state.get(), LaunchState::Sending)
    }
}
