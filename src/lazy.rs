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

/// One split point per page: `$name` names the chunk (and the page in the failure message).
macro_rules! split_pages {
    ($($variant:ident => $name:ident, $page:path;)*) => {
        /// A page whose code is downloaded on demand.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Page { $($variant,)* }

        impl Page {
            pub const ALL: &'static [Page] = &[$(Page::$variant,)*];

            pub fn name(self) -> &'static str {
                match self { $(Page::$variant => stringify!($name),)* }
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
                #[leptos::wasm_split::wasm_split($name, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload))]
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

split_pages! {
    Readiness => readiness, crate::pages::readiness::ReadinessPage;
    Clusters => clusters, crate::pages::clusters::ClustersPage;
    Cluster => cluster, crate::pages::cluster::ClusterPage;
    BatchFailover => batch_failover, crate::pages::batch_failover::BatchFailoverPage;
    ClusterDr => cluster_dr, crate::pages::cluster_dr::ClusterDrPage;
    TenantDr => tenant_dr, crate::pages::tenant_dr::TenantDrPage;
    Tasks => tasks, crate::pages::tasks::TasksPage;
    Task => task, crate::pages::task::TaskPage;
    Gfc => gfc, crate::pages::gfc::GfcPage;
    GfcOperations => gfc_operations, crate::pages::gfc::GfcOperationsPage;
    GfcReport => gfc_report, crate::pages::gfc::GfcReportPage;
}

/// Shows `page` once its chunk is here; a failed download shows what failed and Retry.
#[component]
pub fn Lazy(page: Page) -> impl IntoView {
    let i18n = use_i18n();
    let attempt = RwSignal::new(0u32);
    let loading =
        move || view! { <p class="loading" aria-busy="true">{move || i18n.t(Text::Loading)}</p> };
    view! {
        <Suspense fallback=loading>
            {move || {
                attempt.track();
                // The split loader's future is not Send; the SPA is single-threaded.
                let load = leptos::__reexports::send_wrapper::SendWrapper::new(page.load());
                Suspend::new(async move {
                    match load.await {
                        Ok(view) => view,
                        Err(ChunkFailed) => view! { <ChunkError page attempt /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn ChunkError(page: Page, attempt: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page failure" role="alert" data-testid="chunk-failed">
            <h1>{move || i18n.t(Text::ChunkFailedTitle)}</h1>
            <p>{move || i18n.f(Text::ChunkFailedBody, &[page.name()])}</p>
            <button type="button" class="btn btn-primary" data-testid="chunk-retry"
                on:click=move |_| attempt.update(|n| *n += 1)>
                {move || i18n.t(Text::Retry)}
            </button>
        </section>
    }
}

/// Fetches every page's chunk, one after the other, when the browser is idle. Failures are
/// ignored: the page's own load retries when the operator navigates there.
pub fn prefetch_all() {
    let start = || {
        leptos::task::spawn_local(async {
            for page in Page::ALL {
                let _ = page.preload().await;
            }
        })
    };
    // After the first paint: a zero-delay timeout lets the browser paint the page first.
    set_timeout(start, std::time::Duration::from_millis(0));
}
