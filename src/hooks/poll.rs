//! Follows a running task: one GET a second while it runs, never two in flight, paused while
//! the tab is hidden, backing off up to 30 s on errors (keeping what is shown), and stopping
//! when the task ends. `wake` restarts it after an intervention.

use crate::api::Api;
use crate::config::ocp_zone;
use crate::graph::model::TaskModel;
use console_core::time::parse_ms;
use console_core::ApiFailure;
use leptos::prelude::*;
use leptos::task::spawn_local;

const PERIOD_MS: u32 = 1000;
const MAX_BACKOFF_MS: u32 = 30_000;

#[derive(Clone, Copy)]
pub struct Poll {
    /// When the last poll succeeded (ms since the epoch).
    pub last_ok: RwSignal<Option<i64>>,
    /// The last error, while polling has not recovered.
    pub error: RwSignal<Option<ApiFailure>>,
    pub active: RwSignal<bool>,
    /// Server clock minus local clock, in ms, from the last reply's timestamp.
    pub offset_ms: RwSignal<i64>,
    alive: StoredValue<bool>,
    running: StoredValue<bool>,
}

fn hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .map(|d| d.hidden())
        .unwrap_or(false)
}

async fn sleep(ms: u32) {
    gloo_timers::future::TimeoutFuture::new(ms).await;
}

impl Default for Poll {
    fn default() -> Self {
        Self::new()
    }
}

impl Poll {
    pub fn new() -> Poll {
        let poll = Poll {
            last_ok: RwSignal::new(None),
            error: RwSignal::new(None),
            active: RwSignal::new(false),
            offset_ms: RwSignal::new(0),
            alive: StoredValue::new(true),
            running: StoredValue::new(false),
        };
        let alive = poll.alive;
        on_cleanup(move || {
            let _ = alive.try_set_value(false);
        });
        poll
    }

    fn alive(&self) -> bool {
        self.alive.try_get_value().unwrap_or(false)
    }

    /// Starts the loop unless it is already running.
    pub fn wake(&self, api: Api, id: i64, model: TaskModel) {
        if self.running.try_get_value().unwrap_or(true) {
            return;
        }
        self.running.set_value(true);
        self.active.set(true);
        let this = *self;
        spawn_local(async move {
            let mut backoff = PERIOD_MS;
            while this.alive() {
                if hidden() {
                    sleep(500).await;
                    continue;
                }
                match api.poll_task(id).await {
                    Ok((task, server_time)) => {
                        if !this.alive() {
                            break;
                        }
                        let zone = ocp_zone();
                        if let Some(t) = server_time.as_deref().and_then(|t| parse_ms(t, zone)) {
                            this.offset_ms.try_set(t - js_sys::Date::now() as i64);
                        }
                        model.apply(&task);
                        this.last_ok.try_set(Some(js_sys::Date::now() as i64));
                        this.error.try_set(None);
                        backoff = PERIOD_MS;
                        let running = model
                            .header
                            .with_untracked(|h| h.as_ref().is_some_and(|h| h.is_running()));
                        if !running {
                            break;
                        }
                        sleep(PERIOD_MS).await;
                    }
                    Err(f) => {
                        if !this.alive() {
                            break;
                        }
                        // A 401 opens the sign-in dialog; polling resumes once signed in again.
                        let fatal = f.status().is_some_and(|s| s == 404 || s == 403);
                        this.error.try_set(Some(f));
                        if fatal {
                            break;
                        }
                        sleep(backoff).await;
                        backoff = (backoff * 2).min(MAX_BACKOFF_MS);
                    }
                }
            }
            this.running.try_set_value(false);
            this.active.try_set(false);
        });
    }
}
