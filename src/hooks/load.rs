//! `use_load`: fetch data for a view and keep what was shown when a reload fails, so an error
//! never blanks the page. Out-of-order replies are dropped (only the latest request counts).
//! After a transient failure (network, timeout, 5xx, garbled reply) it tries again by itself,
//! backing off from 2 s to 30 s, so the page recovers once the backend does.

use console_core::time::poll::Backoff;
use console_core::ApiFailure;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;

pub struct Load<T: Send + Sync + 'static> {
    pub data: RwSignal<Option<T>>,
    pub error: RwSignal<Option<ApiFailure>>,
    pub loading: RwSignal<bool>,
    /// When the value in `data` arrived (ms since the epoch, the browser's clock): a precheck's
    /// verdict says when it was obtained.
    pub loaded_at: RwSignal<Option<i64>>,
    trigger: RwSignal<u32>,
}

impl<T: Send + Sync + 'static> Clone for Load<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Load<T> {}

impl<T: Send + Sync + 'static> Load<T> {
    /// Fetch again with the same key.
    pub fn reload(&self) {
        self.trigger.update(|n| *n = n.wrapping_add(1));
    }
}

/// What one fetch hands back to the shared machinery: on success, a step that stores the value
/// (run only if the reply is still the latest).
type Commit = Box<dyn FnOnce()>;
type Fetch = std::pin::Pin<Box<dyn Future<Output = Result<Commit, ApiFailure>>>>;

/// Runs `fetch(key())` now and whenever `key` changes or `reload` is called.
pub fn use_load<T, K, Fut>(
    key: impl Fn() -> K + 'static,
    fetch: impl Fn(K) -> Fut + 'static,
) -> Load<T>
where
    T: Send + Sync + 'static,
    K: 'static,
    Fut: Future<Output = Result<T, ApiFailure>> + 'static,
{
    let data = RwSignal::new(None);
    let loaded_at = RwSignal::new(None);
    // Only this adapter is built per `T`; the retry and ordering rules below exist once in the
    // bundle (they were copied into every page's code when the whole hook was generic).
    let start = move || -> Fetch {
        let fut = fetch(key());
        Box::pin(async move {
            let v = fut.await?;
            Ok(Box::new(move || {
                loaded_at.try_set(Some(js_sys::Date::now() as i64));
                data.try_set(Some(v));
            }) as Commit)
        })
    };
    let (error, loading, trigger) = run(Box::new(start));
    Load {
        data,
        error,
        loading,
        loaded_at,
        trigger,
    }
}

#[allow(clippy::type_complexity)]
fn run(
    start: Box<dyn Fn() -> Fetch>,
) -> (RwSignal<Option<ApiFailure>>, RwSignal<bool>, RwSignal<u32>) {
    let error = RwSignal::new(None);
    let loading = RwSignal::new(true);
    let trigger = RwSignal::new(0u32);
    let generation = StoredValue::new(0u64);
    let failures = StoredValue::new(0u32);
    Effect::new(move |_| {
        trigger.track();
        let this = generation.get_value().wrapping_add(1);
        generation.set_value(this);
        loading.set(true);
        let fut = start();
        spawn_local(async move {
            let result = fut.await;
            // The owner may be gone (the page was left); then the signals are disposed.
            if generation.try_get_value() != Some(this) {
                return;
            }
            let retry_in = match result {
                Ok(commit) => {
                    commit();
                    error.try_set(None);
                    let _ = failures.try_set_value(0);
                    None
                }
                Err(e) => {
                    let transient = e.is_transient();
                    error.try_set(Some(e));
                    let n = failures.try_get_value().unwrap_or(0).saturating_add(1);
                    let _ = failures.try_set_value(n);
                    transient.then(|| Backoff::PAGE_DATA.delay(n))
                }
            };
            loading.try_set(false);
            if let Some(ms) = retry_in {
                gloo_timers::future::TimeoutFuture::new(ms).await;
                // Only if nothing newer started meanwhile and the view still exists.
                if generation.try_get_value() == Some(this) {
                    trigger.try_update(|n| *n = n.wrapping_add(1));
                }
            }
        });
    });
    (error, loading, trigger)
}
