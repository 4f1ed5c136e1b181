//! The GFC sessions launched from this browser, on the section's first page, each linking back
//! to its operations: an operator who navigated away mid-launch finds it again here. Which
//! sessions are kept, and how storage is read, is `console_core::gfc::recent`'s; this reads and
//! writes `localStorage` (a preference of this browser, not a credential) and lists them.

use crate::api::use_api;
use crate::components::when::When;
use crate::hooks::ticker::use_ticker;
use crate::i18n::use_i18n;
use crate::storage;
use console_core::gfc::recent::{self as gfc_recent, RecentSession};
use console_core::i18n::Text;
use console_core::time::{Instant, Offset};
use leptos::prelude::*;
use leptos_router::components::A;

/// The list kept for `api_base`; empty when storage is off, empty or unreadable.
pub fn load(api_base: &str) -> Vec<RecentSession> {
    let stored = storage::local().get(&gfc_recent::storage_key(api_base));
    gfc_recent::read(stored.as_deref())
}

/// Puts a launch first in the list kept for `api_base`. A storage that refuses (full,
/// disabled) costs only the list: the launch itself has already happened.
pub fn remember(api_base: &str, launched: RecentSession) {
    let list = gfc_recent::remember(load(api_base), launched);
    storage::local().set(
        &gfc_recent::storage_key(api_base),
        &gfc_recent::write(&list),
    );
}

#[component]
pub fn RecentSessions() -> impl IntoView {
    let i18n = use_i18n();
    let base = use_api().base();
    let list = RwSignal::new(load(&base));
    let now = use_ticker();
    let forget = move |_| {
        storage::local().remove(&gfc_recent::storage_key(&base));
        list.set(Vec::new());
    };
    move || {
        let sessions = list.get();
        (!sessions.is_empty()).then(|| view! {
            <section class="recent" data-testid="gfc-recent" aria-labelledby="gfc-recent-title">
                <h2 id="gfc-recent-title">{i18n.t(Text::GfcRecentTitle)}</h2>
                <p class="hint">{i18n.t(Text::GfcRecentHint)}</p>
                <div class="grid-scroll" tabindex="0">
                <table class="grid">
                    <thead><tr>
                        <th scope="col">{i18n.t(Text::ColLaunched)}</th>
                        <th scope="col">{i18n.t(Text::ColDirection)}</th>
                        <th scope="col">{i18n.t(Text::ColComponents)}</th>
                        <th scope="col">{i18n.t(Text::ColSession)}</th>
                        <th scope="col">{i18n.t(Text::ColActions)}</th>
                    </tr></thead>
                    <tbody>{sessions.into_iter().map(|s| {
                        let href = s.operations_href();
                        let launched = s.launched_ms.map(|ms| Instant::from_epoch_ms(ms).to_iso());
                        let components = s.components.iter()
                            .map(|c| if c.name.is_empty() { c.id.to_string() } else { format!("{} ({})", c.name, c.id) })
                            .collect::<Vec<_>>().join(", ");
                        let direction = s.direction;
                        view! {
                            <tr data-testid="gfc-recent-row">
                                <td>{match launched {
                                    Some(raw) => view! { <When raw=Some(raw) now assumed=Offset::UTC age=true /> }.into_any(),
                                    None => "—".into_any(),
                                }}</td>
                                <td>{move || direction.word(i18n.lang.get())}</td>
                                <td>{components}</td>
                                <td><code>{s.session_id.clone()}</code></td>
                                <td><A href=href attr:data-testid="gfc-recent-open">{i18n.t(Text::GfcRecentOpen)}</A></td>
                            </tr>
                        }
                    }).collect_view()}</tbody>
                </table>
                </div>
                <button class="btn btn-quiet" type="button" data-testid="gfc-recent-forget" on:click=forget.clone()>{i18n.t(Text::GfcRecentForget)}</button>
            </section>
        })
    }
}
