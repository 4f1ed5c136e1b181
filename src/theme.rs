//! The colour scheme: the operator's choice (header) kept in the browser and written on
//! `<html data-theme>`, which style/main.css reads; without one the operating system decides.
//! Applied before the first paint, so a pinned scheme does not flash the other one.

use crate::storage;
use console_core::theme::Theme;

const KEY: &str = "failover-console.theme";

pub(crate) fn saved() -> Theme {
    storage::local()
        .get(KEY)
        .map(|s| Theme::parse(&s))
        .unwrap_or_default()
}

pub(crate) fn apply(theme: Theme) {
    let Some(html) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = match theme.attribute() {
        Some(value) => html.set_attribute("data-theme", value),
        None => html.remove_attribute("data-theme"),
    };
}

/// The operator's choice, kept and shown at once.
pub(crate) fn choose(theme: Theme) {
    match theme {
        Theme::System => storage::local().remove(KEY),
        pinned => {
            storage::local().set(KEY, pinned.as_str());
        }
    }
    apply(theme);
}
