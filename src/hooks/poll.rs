//! `use_poll`: follows something that changes on the server. The pacing (interval, backoff on
//! failures up to a cap, when to stop, what a hidden tab does) is `console_core::time::poll`'s; this
//! hook is the browser's part: never two requests in flight, nothing sent while the tab is
//! hidden, what was shown kept through failures, and no request after the page is gone.
//! `wake` starts it, and starts it again after it stopped (after an intervention on a task, a
//! new precheck run).

use console_core::time::poll::{Backoff, Outcome, Phase, Poller, Step};
use console_core::ApiFailure;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

#[derive(Clone, Copy)]
pub struct Poll {
    /// When the last good reply came (ms since the epoch).
    pub last_ok: RwSignal<Option<i64>>,
    /// The last failure, until a good reply comes.
    pub error: RwSignal<Option<ApiFailure>>,
    /// The last reply was the backend's "not yet" ([`Outcome::NotReady`]).
    pub not_ready: RwSignal<bool>,
    /// Whether the poller runs (woken, not stopped).
    pub active: RwSignal<bool>,
    /// Where it stands, for the page to say (`None`: never woken). See
    /// `console_core::time::poll::Phase`: loading until the first reply, live only after a good one,
    /// given up for good after a failure that will not heal.
    pub phase: RwSignal<Option<Phase>>,
    alive: StoredValue<bool>,
    running: StoredValue<bool>,
    start: StoredValue<Rc<dyn Fn()>, LocalStorage>,
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

/// A poller paced by `policy` that sends `fetch()`. A good reply goes to `on_reply`, which
/// applies it and says whether there is more to follow (`Continue`) or not (`Finished`); a
/// failure goes to `on_failure`, which says whether to retry (`Failed`), wait for a backend
/// that is starting (`NotReady`) or give up (`Fatal`). It starts on [`Poll::wake`].
pub fn use_poll<T, Fut>(
    policy: Backoff,
    fetch: impl Fn() -> Fut + 'static,
    on_reply: impl Fn(T) -> Outcome + 'static,
    on_failure: impl Fn(&ApiFailure, &Poller) -> Outcome + 'static,
) -> Poll
where
    T: 'static,
    Fut: Future<Output = Result<T, ApiFailure>> + 'static,
{
    // Only this adapter is built per `T`; the loop below exists once in the bundle (it was
    // copied into every poller's code when the whole hook was generic).
    let on_reply = Rc::new(on_reply);
    let fetch: Rc<FetchFn> = Rc::new(move || -> Fetched {
        let fut = fetch();
        let on_reply = on_reply.clone();
        Box::pin(async move {
            let v = fut.await?;
            Ok(Box::new(move || on_reply(v)) as Apply)
        })
    });
    run(policy, fetch, Rc::new(on_failure))
}

/// Applies a good reply and says what comes next (run only while the page is alive).
type Apply = Box<dyn FnOnce() -> Outcome>;
type Fetched = Pin<Box<dyn Future<Output = Result<Apply, ApiFailure>>>>;
type FetchFn = dyn Fn() -> Fetched;
type OnFailure = dyn Fn(&ApiFailure, &Poller) -> Outcome;

fn run(policy: Backoff, fetch: Rc<FetchFn>, on_failure: Rc<OnFailure>) -> Poll {
    let alive = StoredValue::new(true);
    on_cleanup(move || {
        let _ = alive.try_set_value(false);
    });
    let last_ok = RwSignal::new(None);
    let error = RwSignal::new(None);
    let not_ready = RwSignal::new(false);
    let active = RwSignal::new(false);
    let phase = RwSignal::new(None);
    let running = StoredValue::new(false);
    let start: Rc<dyn Fn()> = Rc::new(move || {
        let fetch = fetch.clone();
        let on_failure = on_failure.clone();
        spawn_local(async move {
            let is_alive = || alive.try_get_value().unwrap_or(false);
            let mut poller = Poller::new(policy, js_sys::Date::now());
            while is_alive() {
                match poller.before_poll(hidden()) {
                    Step::Stop => break,
                    Step::Wait(ms) => {
                        sleep(ms).await;
                        continue;
                    }
                    Step::Poll => {}
                }
                let reply = fetch().await;
                if !is_alive() {
                    break;
                }
                let outcome = match reply {
                    Ok(apply) => {
                        let outcome = apply();
                        last_ok.try_set(Some(js_sys::Date::now() as i64));
                        error.try_set(None);
                        not_ready.try_set(false);
                        outcome
                    }
                    Err(f) => {
                        let outcome = on_failure(&f, &poller);
                        if outcome == Outcome::NotReady {
                            not_ready.try_set(true);
                        } else {
                            not_ready.try_set(false);
                            error.try_set(Some(f));
                        }
                        outcome
                    }
                };
                let step = poller.after(outcome);
                phase.try_set(Some(poller.phase()));
                match step {
                    Step::Stop => break,
                    Step::Wait(ms) => sleep(ms).await,
                    Step::Poll => {}
                }
            }
            running.try_set_value(false);
            active.try_set(false);
        });
    });
    Poll {
        last_ok,
        error,
        not_ready,
        active,
        phase,
        alive,
        running,
        start: StoredValue::new_local(start),
    }
}

impl Poll {
    /// Starts polling unless it already runs (one loop, one request in flight at a time).
    pub fn wake(&self) {
        if !self.alive.try_get_value().unwrap_or(false)
            || self.running.try_get_value().unwrap_or(true)
        {
            return;
        }
        self.running.set_value(true);
        self.active.set(true);
        self.phase.set(Some(Phase::Loading));
        if let Some(start) = self.start.try_get_value() {
            start();
        }
    }
}
