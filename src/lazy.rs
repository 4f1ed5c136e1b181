//! Code downloaded on demand: the machinery behind the split points that `routes.rs` declares.
//! The sign-in form needs only the main module (sign-in, config, session, API client, i18n);
//! the signed-in shell and every page live in wasm chunks fetched the first time they are shown
//! (`cargo xtask build` splits the module, see docs/bundle.md).
//!
//! A chunk that cannot be fetched never panics (a panic aborts the whole wasm): the split points
//! are `fallible`; a failed download is tried again like a read of the API (`readAttempts`, with
//! the same backoff: a file of the console's own is safe to fetch twice), then the page says which
//! chunk failed and offers Retry, and the header and everything around the page stay. Once the
//! first page after sign-in has its code and the API has been quiet a moment (its first data
//! is in), every chunk is fetched in the background ([`prefetch`]), one at a time, each started
//! only when no API request is waiting for its reply (one already downloading is not stopped),
//! so a later outage does not strand the operator and a slow link carries the first page's code
//! and data before code the operator may never need (measured: background chunks downloading
//! beside the board's chunk and its first request cost it 300 to 500 ms on a 10 Mbit/s link);
//! a failed prefetch is silent and the page's own load tries again on navigation.
//!
//! Without the `split` feature (`trunk serve`, the browser unit tests) the same functions call
//! the page directly: there is no chunk and nothing can fail.

use crate::api::{backoff_ms, Api};
use crate::i18n::use_i18n;
use console_core::i18n::Text;
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// A chunk failed to download or instantiate (the browser console has the cause).
#[derive(Debug, Clone, Copy)]
pub struct ChunkFailed;

impl From<SplitLoaderError> for ChunkFailed {
    fn from(_: SplitLoaderError) -> Self {
        ChunkFailed
    }
}

pub type Load = Pin<Box<dyn Future<Output = Result<AnyView, ChunkFailed>>>>;
pub type Preload = Pin<Box<dyn Future<Output = Result<(), ChunkFailed>>>>;

/// Declares split points: for each, a `Page` variant, the function that builds the page (its
/// code goes to the wasm chunk `$chunk`) and a preload. `$name` must be unique. Pages that are
/// used together share a chunk: fewer, larger files (the splitter also makes a shared chunk for
/// every set of chunks that share code).
macro_rules! split_points {
    ($($variant:ident => $name:ident in $chunk:ident, $page:path;)*) => {
        /// A page (or the shell) whose code is downloaded on demand.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Page { $($variant,)* }

        impl Page {
            pub const ALL: &'static [Page] = &[$(Page::$variant,)*];

            /// The chunk that holds this page's code.
            pub fn chunk(self) -> &'static str {
                match self { $(Page::$variant => stringify!($chunk),)* }
            }

            pub fn load(self) -> $crate::lazy::Load {
                match self { $(Page::$variant => Box::pin($name::$name()),)* }
            }

            pub fn preload(self) -> $crate::lazy::Preload {
                match self { $(Page::$variant => Box::pin(async { Ok($name::preload().await?) }),)* }
            }

            /// The page, shown once its chunk is here.
            pub fn view(self) -> impl leptos::prelude::IntoView {
                leptos::prelude::view! { <$crate::lazy::Lazy chunk=self.chunk() load=move || self.load() /> }
            }
        }

        $(
            mod $name {
                use $crate::lazy::ChunkFailed;
                use leptos::prelude::*;

                #[cfg(feature = "split")]
                #[leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload))]
                pub fn $name() -> Result<AnyView, ChunkFailed> {
                    Ok(untrack(|| $page().into_any()))
                }

                #[cfg(not(feature = "split"))]
                pub async fn $name() -> Result<AnyView, ChunkFailed> {
                    Ok(untrack(|| $page().into_any()))
                }

                #[cfg(not(feature = "split"))]
                pub async fn preload() -> Result<(), leptos::wasm_split::SplitLoaderError> {
                    Ok(())
                }
            }
        )*
    };
}
pub(crate) use split_points;

/// Shows what `load` builds once its chunk (named `chunk`) is here; a download that fails
/// every attempt shows what failed and Retry.
///
/// No `<Suspense>`: a page's own resources must not find a suspense boundary here (they would
/// replace the page with this "Loading…" instead of the page's own loading state).
#[component]
pub fn Lazy(chunk: &'static str, load: impl Fn() -> Load + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let attempts = use_context::<Api>().map_or(1, |api| api.read_attempts());
    let load: Arc<dyn Fn() -> Load + Send + Sync> = Arc::new(load);
    let attempt = RwSignal::new(0u32);
    let waiting = RwSignal::new(true);
    view! {
        {move || waiting.get().then(|| view! {
            <p class="loading" aria-busy="true" data-testid="chunk-loading">{i18n.tr(Text::Loading)}</p>
        })}
        {move || {
            attempt.track();
            // The split loader's future is not Send; the SPA is single-threaded.
            let load = send_wrapper::SendWrapper::new(load_trying(load.clone(), attempts));
            Suspend::new(async move {
                let view = match load.await {
                    Ok(view) => {
                        SHOWN.with(|shown| shown.set(shown.get() + 1));
                        view
                    }
                    Err(ChunkFailed) => view! { <ChunkError chunk attempt waiting /> }.into_any(),
                };
                waiting.set(false);
                view
            })
        }}
    }
}

/// `load`, tried up to `attempts` times with the API client's backoff between tries. Every
/// failure is tried again: the split loader says only that a chunk did not arrive, and a file of
/// the console's own is safe to fetch twice (at worst, one that is gone costs 1.5 s).
fn load_trying(load: Arc<dyn Fn() -> Load + Send + Sync>, attempts: u32) -> Load {
    Box::pin(async move {
        let mut attempt = 1;
        loop {
            match load().await {
                Err(ChunkFailed) if attempt < attempts => {
                    TimeoutFuture::new(backoff_ms(attempt)).await;
                    attempt += 1;
                }
                done => return done,
            }
        }
    })
}

#[component]
fn ChunkError(
    chunk: &'static str,
    attempt: RwSignal<u32>,
    waiting: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        // Hidden while a retry runs (the view stays until the next load ends): one retry at a
        // time, and the message shown again means that retry failed too.
        <section class="page failure" role="alert" data-testid="chunk-failed" hidden=move || waiting.get()>
            <h1>{i18n.tr(Text::ChunkFailedTitle)}</h1>
            <p>{move || i18n.f(Text::ChunkFailedBody, &[chunk])}</p>
            <button type="button" class="btn btn-primary" data-testid="chunk-retry"
                on:click=move |_| {
                    if waiting.get_untracked() {
                        return;
                    }
                    waiting.set(true);
                    attempt.update(|n| *n += 1);
                }>
                {i18n.tr(Text::Retry)}
            </button>
        </section>
    }
}

thread_local! {
    /// Split points shown so far. The shell is always the first (every page is inside it), so
    /// a second means the operator's first page has its code: until then every download is
    /// that page's, which background chunks must not slow down.
    static SHOWN: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Runs every preload in `all`, one after the other, once the first page after sign-in has its
/// code and `api` has had no request waiting for [`QUIET_BEFORE_MS`] (its first data is in),
/// each later one only when `api` has no request waiting for its reply: on a slow link the
/// page's code and data must not share the link with code the operator may never open.
/// Failures are ignored: a page's own load tries again when the operator navigates there.
pub fn prefetch(all: fn() -> Vec<Preload>, api: Api) {
    let start = move || {
        leptos::task::spawn_local(async move {
            let mut quiet_ms = 0;
            while quiet_ms < QUIET_BEFORE_MS {
                TimeoutFuture::new(QUIET_CHECK_MS).await;
                let shown = SHOWN.with(|s| s.get()) >= 2;
                quiet_ms = if shown && !api.busy() {
                    quiet_ms + QUIET_CHECK_MS
                } else {
                    0
                };
            }
            for preload in all() {
                while api.busy() {
                    TimeoutFuture::new(QUIET_CHECK_MS).await;
                }
                let _ = preload.await;
            }
        })
    };
    let idle = web_sys::window().and_then(|w| {
        let cb = wasm_bindgen::closure::Closure::once_into_js(start.clone());
        w.request_idle_callback(cb.unchecked_ref()).ok()
    });
    // Browsers without requestIdleCallback: a moment after the first paint.
    if idle.is_none() {
        set_timeout(start, std::time::Duration::from_millis(500));
    }
}

/// How often a waiting prefetch looks again whether the API is quiet.
const QUIET_CHECK_MS: u32 = 200;

/// How long the API must be quiet after the first page's code arrived before the background
/// starts: long enough for the page to have sent its first requests, and for a list read page
/// after page (the board's estate) to have sent the next.
const QUIET_BEFORE_MS: u32 = 600;
