//! The browser tab's title follows the page ("Task #171603 · Failover OB cluster · Failover
//! Console"), so tabs and history tell a task from a precheck.

use crate::i18n::use_i18n;
use console_core::i18n::Text;
use leptos::prelude::*;

/// Keeps `document.title` at `what · Failover Console` while the calling page is mounted;
/// `what` is reactive (names arrive with data, the language may change).
pub fn use_title(what: impl Fn() -> String + 'static) {
    let i18n = use_i18n();
    Effect::new(move |_| {
        let page = what();
        let app = i18n.t(Text::AppTitle);
        let title = if page.trim().is_empty() {
            app.to_string()
        } else {
            format!("{page} · {app}")
        };
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&title);
        }
    });
}
