//! Username and password, checked against OCP before they are kept. Used by the sign-in page
//! and by the dialog that opens over a page when the session ends mid-work.

use crate::api::use_api;
use crate::i18n::use_i18n;
use crate::session::{basic_header, use_session, Signed};
use console_core::i18n::{describe_failure, Text};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn SignInForm(#[prop(optional, into)] preset_user: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let api = use_api();
    let user = RwSignal::new(preset_user.unwrap_or_default());
    let password = RwSignal::new(String::new());
    let user_error = RwSignal::new(None::<Text>);
    let password_error = RwSignal::new(None::<Text>);
    let form_error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let u = user.get_untracked().trim().to_string();
        let p = password.get_untracked();
        user_error.set(u.is_empty().then_some(Text::UsernameRequired));
        password_error.set(p.is_empty().then_some(Text::PasswordRequired));
        if u.is_empty() || p.is_empty() {
            return;
        }
        busy.set(true);
        form_error.set(None);
        let auth = basic_header(&u, &p);
        let api = api.clone();
        spawn_local(async move {
            match api.current_user(&auth).await {
                Ok(me) => {
                    password.set(String::new());
                    session.sign_in(Signed {
                        user: me.username.unwrap_or(u),
                        authorization: auth,
                        roles: me.roles,
                    });
                }
                Err(f) if f.is_unauthorized() => {
                    form_error.set(Some(i18n.t(Text::BadCredentials).to_string()))
                }
                Err(f) => form_error.set(Some(describe_failure(i18n.lang.get_untracked(), &f))),
            }
            busy.set(false);
        });
    };

    let field_error = move |e: RwSignal<Option<Text>>, id: &'static str| {
        move || {
            e.get()
                .map(|t| view! { <p class="field-error" id=id>{i18n.t(t)}</p> })
        }
    };

    view! {
        <form class="sign-in" on:submit=submit novalidate>
            <label for="username">{i18n.tr(Text::Username)}</label>
            <input id="username" name="username" autocomplete="username"
                prop:value=move || user.get()
                on:input=move |ev| user.set(event_target_value(&ev))
                aria-invalid=move || user_error.get().is_some().to_string()
                aria-describedby="username-error" />
            {field_error(user_error, "username-error")}
            <label for="password">{i18n.tr(Text::Password)}</label>
            <input id="password" name="password" type="password" autocomplete="current-password"
                prop:value=move || password.get()
                on:input=move |ev| password.set(event_target_value(&ev))
                aria-invalid=move || password_error.get().is_some().to_string()
                aria-describedby="password-error" />
            {field_error(password_error, "password-error")}
            {move || form_error.get().map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
            <button type="submit" class="btn btn-primary" disabled=move || busy.get()>
                {move || if busy.get() { i18n.t(Text::SigningIn) } else { i18n.t(Text::SignInButton) }}
            </button>
        </form>
    }
}
