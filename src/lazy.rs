//! Pages downloaded on demand. The sign-in form needs only the shell (router, header, session,
//! API client, i18n); every page's code lives in a wasm chunk of its own, fetched the first time
//! it is shown (`cargo xtask build` splits the module, see docs/bundle.md).
//!
//! A chunk that cannot be fetched never panics (a panic aborts the whole wasm): the split points
//! are `fallible`, the page says which chunk failed and offers Retry, and the header and
//! everything around the page stay. Once the first page after sign-in is painted, every chunk is
//! fetched in the background ([`prefetch_all`]) so a later outage does not strand the operator; a
//! failed prefetch is silent and the page's own load tries again on navigation.
//!
//! Without the `split` feature (`trunk serve`, the browser unit tests) the same functions call
//! the page directly: there is no chunk and nothing can fail.

use crate::i18n::use_i18n;
use console_core::i18n::Text;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use std::future::Future;
use std::pin::Pin;
use wasm_bindgen::JsCast;

/// A chunk failed to download or instantiate (the browser console has the cause).
#[derive(Debug, Clone, Copy)]
pub struct ChunkFailed;

impl From<SplitLoaderError> for ChunkFailed {
    fn from(_: SplitLoaderError) -> Self {
        ChunkFailed
    }
}

type Load = Pin<Box<dyn Future<Output = Result<AnyView, ChunkFailed>>>>;
type Preload = Pin<Box<dyn Future<Output = Result<(), ChunkFailed>>>>;

/// One split point per page: `$name` names it (and the page in the failure message), `$chunk`
/// the chunk its code goes to. Pages that are used together share a chunk: fewer, larger
/// files (the splitter also makes a shared chunk for every set of chunks that share code).
macro_rules! split_pages {
    ($($variant:ident => $name:ident in $chunk:ident, $page:path;)*) => {
        /// A page whose code is downloaded on demand.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Page { $($variant,)* }

        impl Page {
            pub const ALL: &'static [Page] = &[$(Page::$variant,)*];

            /// The chunk that holds this page's code.
            pub fn chunk(self) -> &'static str {
                match self { $(Page::$variant => stringify!($chunk),)* }
            }

            fn load(self) -> Load {
                match self { $(Page::$variant => Box::pin($name::$name()),)* }
            }

            fn preload(self) -> Preload {
                match self { $(Page::$variant => Box::pin(async { Ok($name::preload().await?) }),)* }
            }
        }

        $(
            mod $name {
                use super::ChunkFailed;
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

// Chunks by what an operator opens together; the shell first (every page needs it), then the
// landing page.
split_pages! {
    Shell => shell in shell, crate::app::Shell;
    Clusters => clusters in clusters, crate::pages::clusters::ClustersPage;
    Cluster => cluster in clusters, crate::pages::cluster::ClusterPage;
    Readiness => readiness in readiness, crate::pages::readiness::ReadinessPage;
    BatchFailover => batch_failover in dr, crate::pages::batch_failover::BatchFailoverPage;
    ClusterDr => cluster_dr in dr, crate::pages::cluster_dr::ClusterDrPage;
    TenantDr => tenant_dr in dr, crate::pages::tenant_dr::TenantDrPage;
    Tasks => tasks in tasks, crate::pages::tasks::TasksPage;
    Task => task in tasks, crate::pages::task::TaskPage;
    Gfc => gfc in gfc, crate::pages::gfc::GfcPage;
    GfcOperations => gfc_operations in gfc, crate::pages::gfc::GfcOperationsPage;
    GfcReport => gfc_report in gfc, crate::pages::gfc::GfcReportPage;
}

/// Shows `page` once its chunk is here; a failed download shows what failed and Retry.
///
/// No `<Suspense>`: a page's own resources must not find a suspense boundary here (they would
/// replace the page with this "Loading…" instead of the page's own loading state).
#[component]
pub fn Lazy(page: Page) -> impl IntoView {
    let i18n = use_i18n();
    let attempt = RwSignal::new(0u32);
    let waiting = RwSignal::new(true);
    view! {
        {move || waiting.get().then(|| view! {
            <p class="loading" aria-busy="true" data-testid="chunk-loading">{move || i18n.t(Text::Loading)}</p>
        })}
        {move || {
            attempt.track();
            // The split loader's future is not Send; the SPA is single-threaded.
            let load = leptos::__reexports::send_wrapper::SendWrapper::new(page.load());
            Suspend::new(async move {
                let view = match load.await {
                    Ok(view) => view,
                    Err(ChunkFailed) => view! { <ChunkError page attempt waiting /> }.into_any(),
                };
                waiting.set(false);
                view
            })
        }}
    }
}

#[component]
fn ChunkError(page: Page, attempt: RwSignal<u32>, waiting: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page failure" role="alert" data-testid="chunk-failed">
            <h1>{move || i18n.t(Text::ChunkFailedTitle)}</h1>
            <p>{move || i18n.f(Text::ChunkFailedBody, &[page.chunk()])}</p>
            <button type="button" class="btn btn-primary" data-testid="chunk-retry"
                on:click=move |_| {
                    waiting.set(true);
                    attempt.update(|n| *n += 1);
                }>
                {move || i18n.t(Text::Retry)}
            </button>
        </section>
    }
}

/// Fetches every page's chunk, one after the other, once the browser is idle (after the page
/// in front of the operator is painted). Failures are ignored: the page's own load tries again
/// when the operator navigates there.
pub fn prefetch_all() {
    let start = || {
        leptos::task::spawn_local(async {
            for page in Page::ALL {
                let _ = page.preload().await;
            }
        })
    };
    let idle = web_sys::window().and_then(|w| {
        let cb = wasm_bindgen::closure::Closure::once_into_js(start);
        w.request_idle_callback(cb.unchecked_ref()).ok()
    });
    // Browsers without requestIdleCallback: a moment after the first paint.
    if idle.is_none() {
        set_timeout(start, std::time::Duration::from_millis(500));
    }
}
