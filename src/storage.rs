//! The browser's storage, one door for the console: `localStorage` for what this browser keeps
//! (the language, precheck runs, launch records, GFC sessions), `sessionStorage` for this tab's
//! sign-in. Storage may be off (a policy, private mode), refuse access or be full: every call
//! here swallows that, so a missing store costs only what it would have kept, never the page.

/// One of the browser's stores, or none when the browser will not give it.
pub(crate) struct Store(Option<web_sys::Storage>);

/// `localStorage`: kept in this browser, shared by its tabs.
pub(crate) fn local() -> Store {
    Store(web_sys::window().and_then(|w| w.local_storage().ok().flatten()))
}

/// `sessionStorage`: this tab's, gone when it closes.
pub(crate) fn session() -> Store {
    Store(web_sys::window().and_then(|w| w.session_storage().ok().flatten()))
}

impl Store {
    /// The value under `key`; `None` when there is none or the store cannot be read.
    pub(crate) fn get(&self, key: &str) -> Option<String> {
        self.0.as_ref()?.get_item(key).ok().flatten()
    }

    /// Stores `value` under `key`; whether it was kept (not when the store is off or full).
    pub(crate) fn set(&self, key: &str, value: &str) -> bool {
        self.0
            .as_ref()
            .is_some_and(|s| s.set_item(key, value).is_ok())
    }

    pub(crate) fn remove(&self, key: &str) {
        if let Some(s) = &self.0 {
            let _ = s.remove_item(key);
        }
    }
}
