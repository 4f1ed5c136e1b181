//! The application shell: contexts (language, session, API client), the router, and the
//! layout. Until someone signs in, the sign-in page stands in for every route.

use crate::api::Api;
use crate::config::{BoardConfig, DrillConfig, Objectives, RuntimeConfig};
use crate::i18n::I18n;
use crate::pages::sign_in::SignInPage;
use crate::routes::Page;
use crate::session::Session;
use console_core::i18n::Text;
use leptos::prelude::*;
use leptos_router::components::Router;

#[component]
pub fn App(config: RuntimeConfig, config_error: Option<String>) -> impl IntoView {
    let i18n = I18n::detect();
    provide_context(i18n);
    let session = Session::restore();
    provide_context(session);
    let api = Api::new(&config, session, i18n.lang);
    provide_context(api.clone());
    provide_context(BoardConfig::from(&config));
    provide_context(Objectives(std::sync::Arc::new(config.objectives.clone())));
    provide_context(DrillConfig::from(&config));

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
            crate::lazy::prefetch(
                || Page::ALL.iter().map(|p| p.preload()).collect(),
                api.clone(),
            );
        }
    });
    view! {
        <Router>
            {config_error.map(|e| view! {
                <div class="banner banner-warn" role="alert">{move || i18n.f(Text::ConfigFailed, &[&e])}</div>
            })}
            <Show when=signed_in fallback=|| view! { <SignInPage /> }>
                {Page::Shell.view()}
            </Show>
        </Router>
    }
}
