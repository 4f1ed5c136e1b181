//! Previous / next for OCP's 1-based paged lists.

use crate::i18n::use_i18n;
use console_core::i18n::Text;
use console_core::PageInfo;
use leptos::prelude::*;

#[component]
pub fn Pager(#[prop(into)] info: Signal<Option<PageInfo>>, page: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let total = move || info.get().and_then(|p| p.pages()).unwrap_or(1);
    view! {
        <Show when=move || { total() > 1 }>
            <nav class="pager" aria-label=i18n.tr(Text::AriaPages)>
                <button class="btn" disabled=move || page.get() <= 1 on:click=move |_| page.update(|p| *p = p.saturating_sub(1).max(1))>
                    {i18n.tr(Text::PrevPage)}
                </button>
                <span>{move || i18n.f(Text::PageOf, &[&page.get().to_string(), &total().to_string()])}</span>
                <button class="btn" disabled=move || page.get() >= total() on:click=move |_| page.update(|p| *p += 1)>
                    {i18n.tr(Text::NextPage)}
                </button>
            </nav>
        </Show>
    }
}
