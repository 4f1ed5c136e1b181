//! The application shell: contexts (language, session, API client), the router, and the
//! layout. Until someone signs in, the sign-in page stands in for every route.

use crate::api::Api;
use crate::components::header::Header;
use crate::config::{ReadinessInterval, RuntimeConfig};
use crate::i18n::I18n;
use crate::lazy::{Lazy, Page};
use crate::pages::not_found::NotFound;
use crate::pages::sign_in::{SessionExpiredDialog, SignInPage};
use crate::session::Session;
use console_core::i18n::Text;
use leptos::prelude::*;
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::path;

#[component]
pub fn App(config: RuntimeConfig, config_error: Option<String>) -> impl IntoView {
    let i18n = I18n::detect();
    provide_context(i18n);
    let session = Session::restore();
    provide_context(session);
    provide_context(Api::new(&config, session, i18n.lang));
    provide_context(ReadinessInterval(config.readiness_interval_min));

    // Screen readers and fonts follow the chosen language.
    Effect::new(move |_| {
        let code = i18n.lang.get().code();
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = el.set_attribute("lang", code);
        }
    });

    let signed_in = move || session.current.with(|c| c.is_some());
    // Every page's chunk is fetched in the background once the operator is in (not before:
    // the sign-in form needs only the main module).
    let prefetched = StoredValue::new(false);
    Effect::new(move |_| {
        if signed_in() && !prefetched.get_value() {
            prefetched.set_value(true);
            crate::lazy::prefetch_all();
        }
    });
    view! {
        <Router>
            {config_error.map(|e| view! {
                <div class="banner banner-warn" role="alert">{move || i18n.f(Text::ConfigFailed, &[&e])}</div>
            })}
            <Show when=signed_in fallback=|| view! { <SignInPage /> }>
                <Lazy page=Page::Shell />
            </Show>
        </Router>
    }
}

/// The console once someone is signed in: header, routes, the session-expired dialog. Its own
/// chunk (src/lazy.rs), so the sign-in form does not wait for the router's matching, the
/// header and the dialogs.
#[component]
pub fn Shell() -> impl IntoView {
    view! {
        <Header />
        <main class="content">
            <ErrorBoundary fallback=|errors| view! { <RouteError errors /> }>
                <Routes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("/") view=|| view! { <Redirect path="/clusters" /> } />
                    <Route path=path!("/readiness") view=|| view! { <Lazy page=Page::Readiness /> } />
                    <Route path=path!("/clusters") view=|| view! { <Lazy page=Page::Clusters /> } />
                    <Route path=path!("/clusters/:id") view=|| view! { <Lazy page=Page::Cluster /> } />
                    <Route path=path!("/clusters/:id/batch-failover") view=|| view! { <Lazy page=Page::BatchFailover /> } />
                    <Route path=path!("/clusters/:id/dr/:action") view=|| view! { <Lazy page=Page::ClusterDr /> } />
                    <Route path=path!("/clusters/:id/tenants/:tid/:action") view=|| view! { <Lazy page=Page::TenantDr /> } />
                    <Route path=path!("/tasks") view=|| view! { <Lazy page=Page::Tasks /> } />
                    <Route path=path!("/components") view=|| view! { <Lazy page=Page::Gfc /> } />
                    <Route path=path!("/components/operations/:session") view=|| view! { <Lazy page=Page::GfcOperations /> } />
                    <Route path=path!("/components/report/:session") view=|| view! { <Lazy page=Page::GfcReport /> } />
                    <Route path=path!("/tasks/:id") view=|| view! { <Lazy page=Page::Task /> } />
                </Routes>
            </ErrorBoundary>
        </main>
        <SessionExpiredDialog />
    }
}

/// What an error boundary shows: the errors as text and a way back, never a blank page.
#[component]
fn RouteError(errors: ArcRwSignal<Errors>) -> impl IntoView {
    let i18n = use_context::<I18n>();
    let title = move || i18n.map(|i| i.t(Text::CrashTitle)).unwrap_or("Error");
    view! {
        <section class="page failure" role="alert">
            <h1>{title}</h1>
            <ul>
                {move || errors.with(|e| e.iter().map(|(_, e)| view! { <li>{e.to_string()}</li> }).collect_view())}
            </ul>
            <a href="/clusters" class="btn">{move || i18n.map(|i| i.t(Text::BackToClusters)).unwrap_or("Back")}</a>
        </section>
    }
}
