//! Failover Console, the browser SPA. `main.rs` only starts it; everything lives here so the
//! browser tests (tests/web.rs) can mount components.

pub mod api;
pub mod app;
pub mod components;
pub mod config;
pub mod crash;
pub mod graph;
pub mod hooks;
pub mod i18n;
pub mod lazy;
pub mod pages;
pub mod routes;
pub mod session;
pub(crate) mod storage;
pub(crate) mod theme;

use leptos::prelude::*;

/// Installs the panic screen, reads config.json, mounts the app on `<body>`.
pub fn start() {
    crash::install_panic_hook();
    theme::apply(theme::saved());
    // The reactive executor starts with the mount, so this first task uses wasm-bindgen's directly.
    wasm_bindgen_futures::spawn_local(async {
        let (config, error) = config::load().await;
        leptos::mount::mount_to_body(move || {
            view! { <app::App config=config.clone() config_error=error.clone() /> }
        });
    });
}
