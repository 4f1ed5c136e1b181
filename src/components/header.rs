//! The top bar: product name, navigation, who is signed in, language, sign out.

use crate::i18n::use_i18n;
use crate::session::use_session;
use console_core::i18n::Text;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let user = move || session.current.get().map(|s| s.user).unwrap_or_default();
    view! {
        <header class="topbar">
            <A href="/clusters" attr:class="brand">{move || i18n.t(Text::AppTitle)}</A>
            <nav class="topnav">
                <A href="/clusters">{move || i18n.t(Text::NavClusters)}</A>
                <A href="/tasks">{move || i18n.t(Text::NavTasks)}</A>
                <A href="/components">{move || i18n.t(Text::NavGfc)}</A>
            </nav>
            <div class="topbar-right">
                <span class="who" data-testid="signed-in-as">{move || i18n.f(Text::SignedInAs, &[&user()])}</span>
                // What this account may do, always in view: a viewer learns it before any form.
                {move || session.current.get().is_some().then(|| view! {
                    <span class="badge" data-testid="user-role">{move || if session.can_operate() { i18n.t(Text::RoleOperator) } else { i18n.t(Text::RoleReadOnly) }}</span>
                })}
                <button class="btn btn-quiet" lang=move || i18n.lang.get().other().code() on:click=move |_| i18n.toggle()>{move || i18n.t(Text::SwitchLanguage)}</button>
                <button class="btn btn-quiet" on:click=move |_| session.sign_out()>{move || i18n.t(Text::NavSignOut)}</button>
            </div>
        </header>
    }
}
