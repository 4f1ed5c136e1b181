//! Told before trying: a read-only account cannot launch.

use crate::i18n::use_i18n;
use crate::session::use_session;
use console_core::i18n::Text;
use leptos::prelude::*;

#[component]
pub fn ViewerNotice() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    move || {
        (!session.can_operate()).then(|| {
            let user = session.current.get().map(|s| s.user).unwrap_or_default();
            view! { <p class="notice" role="note" data-testid="viewer-notice">{i18n.f(Text::ViewerNotice, &[&user])}</p> }
        })
    }
}
