//! Last line of defence: a panic must never leave a blank page. The hook writes a plain
//! recovery screen straight into the DOM (the wasm instance cannot be trusted after a panic),
//! with a link that reloads the console. Session credentials survive in sessionStorage.

use console_core::i18n::{text, Text};

pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&message.clone().into());
        show(&message);
    }));
}

/// Replaces the page with the recovery screen. Uses only `textContent`, never HTML.
pub fn show(detail: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let Some(body) = document.body() else { return };
    let lang = crate::i18n::chosen();
    let href = window.location().href().unwrap_or_else(|_| "/".into());
    let build = || -> Option<web_sys::Element> {
        let root = document.create_element("div").ok()?;
        root.set_id("crash");
        root.set_attribute("role", "alert").ok()?;
        let h1 = document.create_element("h1").ok()?;
        h1.set_text_content(Some(text(lang, Text::CrashTitle)));
        let p = document.create_element("p").ok()?;
        p.set_text_content(Some(text(lang, Text::CrashBody)));
        let a = document.create_element("a").ok()?;
        a.set_attribute("href", &href).ok()?;
        a.set_attribute("class", "btn btn-primary").ok()?;
        a.set_text_content(Some(text(lang, Text::CrashReload)));
        let pre = document.create_element("pre").ok()?;
        pre.set_text_content(Some(detail));
        for child in [&h1, &p, &a, &pre] {
            root.append_child(child).ok()?;
        }
        Some(root)
    };
    if let Some(root) = build() {
        body.set_text_content(None);
        let _ = body.append_child(&root);
    }
}
