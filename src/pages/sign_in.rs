//! Shown instead of the console until someone signs in. The URL is left alone, so a deep link
//! opens where it pointed once the operator is in.

use crate::components::sign_in_form::SignInForm;
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
                <h1>{move || i18n.t(Text::SignInTitle)}</h1>
                <p class="hint">{move || i18n.t(Text::SignInHint)}</p>
                <SignInForm />
                <button class="btn btn-quiet" on:click=move |_| i18n.toggle()>{move || i18n.t(Text::SwitchLanguage)}</button>
            </div>
        </main>
    }
}

/// Opens over the current page when OCP says the session ended, so nothing on the page is lost.
#[component]
pub fn SessionExpiredDialog() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    view! {
        <Show when=move || session.expired.get()>
            <div class="overlay">
                <div class="dialog card" role="dialog" aria-modal="true" aria-labelledby="expired-title">
                    <h2 id="expired-title">{move || i18n.t(Text::SignInTitle)}</h2>
                    <p class="hint">{move || i18n.t(Text::SessionEnded)}</p>
                    <SignInForm preset_user=session.current.get_untracked().map(|s| s.user).unwrap_or_default() />
                </div>
            </div>
        </Show>
    }
}
