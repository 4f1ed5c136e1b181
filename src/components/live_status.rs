//! What a poller is doing, in words, where the operator reads it: "Loading…" until the first
//! reply, the live words only after a good one, "reconnecting" while a failure is retried, and
//! after a failure that will not heal (`console_core::time::poll::failure_outcome`), that updates
//! stopped for good, with a Reload button; never "reconnecting" then. The phase is the core's
//! (`Poller::phase`); this only renders it.

use crate::hooks::poll::Poll;
use crate::i18n::use_i18n;
use console_core::i18n::Text;
use console_core::time::poll::Phase;
use leptos::prelude::*;

#[component]
pub fn LiveStatus(
    poll: Poll,
    /// The page's clock, for "last updated N s ago".
    #[prop(into)]
    now_ms: Signal<i64>,
    /// What it says once a good reply said there is nothing more to follow.
    finished: Text,
    /// What it says while it follows (default: "Live: updating every second").
    #[prop(optional)]
    live: Option<Text>,
    /// What it says before it was ever started (nothing by default).
    #[prop(optional)]
    idle: Option<Text>,
) -> impl IntoView {
    let i18n = use_i18n();
    let live = live.unwrap_or(Text::LiveUpdating);
    let ago = move || {
        poll.last_ok
            .get()
            .map(|t| ((now_ms.get() - t) / 1000).max(0))
    };
    view! {
        <div class="live" data-testid="live">
            {move || match poll.phase.get() {
                None => idle.map(|t| view! { <span class="muted">{i18n.t(t)}</span> }.into_any()),
                Some(Phase::Loading) => Some(view! { <span class="loading" data-testid="poll-loading">{i18n.t(Text::Loading)}</span> }.into_any()),
                Some(Phase::Live) => Some(view! { <span class="live-dot">{i18n.t(live)}</span> }.into_any()),
                // "Not yet" has its own words on the page that expects it.
                Some(Phase::Waiting) => None,
                Some(Phase::Retrying) => Some(match ago() {
                    Some(ago) => view! { <span class="stale" data-testid="reconnecting">{i18n.f(Text::Reconnecting, &[&ago.to_string()])}</span> }.into_any(),
                    None => view! { <span class="stale" data-testid="reconnecting">{i18n.t(Text::Connecting)}</span> }.into_any(),
                }),
                Some(Phase::Finished) => Some(view! { <span class="muted" data-testid="not-polling">{i18n.t(finished)}</span> }.into_any()),
                Some(Phase::GaveUp) => Some(view! {
                    <span class="stopped" data-testid="poll-stopped">{i18n.t(Text::PollGaveUp)}</span>
                    " "
                    <button type="button" class="btn btn-small" data-testid="poll-reload" on:click=move |_| poll.wake()>{i18n.t(Text::Reload)}</button>
                }.into_any()),
            }}
        </div>
    }
}
