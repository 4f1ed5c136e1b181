//! One clock for the page: the current time, updated every second. Only what reads it (running
//! steps' elapsed time, "last updated") re-renders.

use leptos::prelude::*;

pub fn use_ticker() -> RwSignal<i64> {
    let now = RwSignal::new(js_sys::Date::now() as i64);
    let handle = set_interval_with_handle(
        move || {
            now.try_set(js_sys::Date::now() as i64);
        },
        std::time::Duration::from_secs(1),
    );
    if let Ok(h) = handle {
        on_cleanup(move || h.clear());
    }
    now
}
