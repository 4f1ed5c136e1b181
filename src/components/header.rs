//! The top bar: product name, navigation, who is signed in and with what role, language, sign
//! out, and the colour scheme (as the system, light or dark: `crate::theme`). Under 768 px (style/main.css) everything but the product name folds behind a Menu
//! button: a disclosure (aria-expanded, aria-controls) that Escape closes, returning focus to
//! it, and that closes itself when the route changes. Above that width the button is hidden and
//! the menu always shown, whatever the signal says.

use crate::i18n::use_i18n;
use crate::session::use_session;
use console_core::i18n::Text;
use console_core::theme::Theme;
use leptos::html::Button;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

const MENU_ID: &str = "topbar-menu";

#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let user = move || session.current.get().map(|s| s.user).unwrap_or_default();
    let open = RwSignal::new(false);
    let chosen = crate::theme::saved();
    let toggle_ref = NodeRef::<Button>::new();
    let location = use_location();
    // A link followed from the open menu lands on a page with the menu folded again.
    Effect::new(move |prev: Option<String>| {
        let path = location.pathname.get();
        if prev.is_some_and(|p| p != path) {
            open.set(false);
        }
        path
    });
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            ev.prevent_default();
            open.set(false);
            if let Some(b) = toggle_ref.get_untracked() {
                let _ = b.focus();
            }
        }
    };
    view! {
        <header class="topbar" class:menu-open=move || open.get() on:keydown=on_keydown>
            <A href="/clusters" attr:class="brand">{i18n.tr(Text::AppTitle)}</A>
            <button class="btn btn-quiet menu-toggle" type="button" node_ref=toggle_ref
                data-testid="menu-toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls=MENU_ID
                on:click=move |_| open.update(|o| *o = !*o)>
                <span aria-hidden="true">"☰ "</span>{i18n.tr(Text::MenuButton)}
            </button>
            <div class="topbar-menu" id=MENU_ID data-testid="topbar-menu">
                <nav class="topnav">
                    <A href="/readiness">{i18n.tr(Text::NavReadiness)}</A>
                    <A href="/clusters">{i18n.tr(Text::NavClusters)}</A>
                    <A href="/tasks">{i18n.tr(Text::NavTasks)}</A>
                    <A href="/drills">{i18n.tr(Text::NavDrills)}</A>
                    <A href="/recovery">{i18n.tr(Text::NavRecovery)}</A>
                    <A href="/components">{i18n.tr(Text::NavGfc)}</A>
                </nav>
                <div class="topbar-right">
                    <span class="who" data-testid="signed-in-as">{move || i18n.f(Text::SignedInAs, &[&user()])}</span>
                    // What this account may do, always in view: a viewer learns it before any form.
                    {move || session.current.get().is_some().then(|| view! {
                        <span class="badge" data-testid="user-role">{move || if session.can_operate() { i18n.t(Text::RoleOperator) } else { i18n.t(Text::RoleReadOnly) }}</span>
                    })}
                    <button class="btn btn-quiet" lang=move || i18n.lang.get().other().code() on:click=move |_| i18n.toggle()>{i18n.tr(Text::SwitchLanguage)}</button>
                    <label class="theme-pick">
                        {i18n.tr(Text::ThemeLabel)}" "
                        <select data-testid="theme"
                            on:change=move |ev| crate::theme::choose(Theme::parse(&event_target_value(&ev)))>
                            <option value="system" selected=chosen == Theme::System>{i18n.tr(Text::ThemeSystem)}</option>
                            <option value="light" selected=chosen == Theme::Light>{i18n.tr(Text::ThemeLight)}</option>
                            <option value="dark" selected=chosen == Theme::Dark>{i18n.tr(Text::ThemeDark)}</option>
                        </select>
                    </label>
                    <button class="btn btn-quiet" data-testid="sign-out" on:click=move |_| session.sign_out()>{i18n.tr(Text::NavSignOut)}</button>
                </div>
            </div>
        </header>
    }
}
