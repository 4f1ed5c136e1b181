//! Failover Console entry point: install the panic screen, read config.json, mount the app.

mod api;
mod app;
mod components;
mod config;
mod crash;
mod hooks;
mod i18n;
mod pages;
mod session;

use leptos::prelude::*;

fn main() {
    crash::install_panic_hook();
    // The reactive executor starts with the mount, so this first task uses wasm-bindgen's directly.
    wasm_bindgen_futures::spawn_local(async {
        let (config, error) = config::load().await;
        leptos::mount::mount_to_body(
            move || view! { <app::App config=config.clone() config_error=error.clone() /> },
        );
    });
}
