//! The console's language. All text comes from `console_core::i18n`; this module only holds
//! the reactive choice, remembers it for the browser (localStorage: it is a preference, not a
//! secret) and keeps `<html lang>` in step so screen readers and fonts follow it.

use crate::storage;
use console_core::i18n::{fill, text, Lang, Text};
use leptos::prelude::*;

const KEY: &str = "failover-console.lang";

#[derive(Clone, Copy)]
pub struct I18n {
    pub lang: RwSignal<Lang>,
}

impl I18n {
    pub fn detect() -> I18n {
        let lang = chosen();
        set_html_lang(lang);
        I18n {
            lang: RwSignal::new(lang),
        }
    }

    /// Reactive: re-renders when the language changes.
    pub fn t(&self, t: Text) -> &'static str {
        text(self.lang.get(), t)
    }

    /// The text `t` as a view that follows the language. Every call returns the same closure
    /// type, so Leptos builds the code that renders and updates it once for all of the
    /// console's static texts, not once per place that shows one (a `move || i18n.t(..)` at
    /// each place was a type, and a copy of that code, of its own: see docs/bundle.md).
    pub fn tr(&self, t: Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        let this = *self;
        move || this.t(t)
    }

    pub fn f(&self, t: Text, args: &[&str]) -> String {
        fill(self.lang.get(), t, args)
    }

    pub fn toggle(&self) {
        let next = self.lang.get_untracked().other();
        storage::local().set(KEY, next.code());
        set_html_lang(next);
        self.lang.set(next);
    }
}

/// The operator's language: the saved choice, else the browser's, else English. Also read by
/// the crash screen, which cannot use the reactive `I18n`.
pub fn chosen() -> Lang {
    let saved = storage::local().get(KEY);
    let browser = web_sys::window().and_then(|w| w.navigator().language());
    saved
        .or(browser)
        .map(|c| Lang::from_code(&c))
        .unwrap_or_default()
}

fn set_html_lang(lang: Lang) {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let Some(root) = root {
        let _ = root.set_attribute(
            "lang",
            match lang {
                Lang::En => "en",
                Lang::Zh => "zh-CN",
            },
        );
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}
