//! Shown instead of the console until someone signs in. The URL is left alone, so a deep link
//! opens where it pointed once the operator is in.

use crate::components::sign_in_form::SignInForm;
use crate::hooks::dialog::use_dialog;
use crate::i18n::use_i18n;
use crate::session::use_session;
use console_core::i18n::Text;
use leptos::prelude::*;

#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <main class="sign-in-page">
            <div class="card">
                <h1>{i18n.tr(Text::SignInTitle)}</h1>
                <p class="hint">{i18n.tr(Text::SignInHint)}</p>
                <SignInForm />
                <button class="btn btn-quiet" lang=move || i18n.lang.get().other().code() on:click=move |_| i18n.toggle()>{i18n.tr(Text::SwitchLanguage)}</button>
            </div>
        </main>
    }
}

/// Opens over the current page when OCP says the session ended, so nothing on the page is lost.
#[component]
pub fn SessionExpiredDialog() -> impl IntoView {
    let session = use_session();
    view! {
        <Show when=move || session.expired.get()>
            <ExpiredDialog />
        </Show>
    }
}

/// A dialog at the keyboard (`hooks::dialog`) that only signing in closes.
#[component]
fn ExpiredDialog() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let root = NodeRef::new();
    let on_keydown = use_dialog(root, Signal::stored(false), Callback::new(|_| {}));
    view! {
        <div class="overlay" node_ref=root on:keydown=on_keydown>
            <div class="dialog card" role="dialog" aria-modal="true" aria-labelledby="expired-title">
                <h2 id="expired-title">{i18n.tr(Text::SignInTitle)}</h2>
                <p class="hint">{i18n.tr(Text::SessionEnded)}</p>
                <SignInForm preset_user=session.current.get_untracked().map(|s| s.user).unwrap_or_default() />
            </div>
        </div>
    }
}
