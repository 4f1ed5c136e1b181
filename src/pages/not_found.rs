use crate::i18n::use_i18n;
use console_core::i18n::Text;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    let path = use_location().pathname;
    view! {
        <section class="page">
            <h1>{i18n.tr(Text::NotFoundTitle)}</h1>
            <p>{move || i18n.f(Text::NotFoundBody, &[&path.get()])}</p>
            <A href="/clusters">{i18n.tr(Text::BackToClusters)}</A>
        </section>
    }
}
