//! How a value OCP sent but the console could not read is shown: "—", with the raw value on
//! hover and to screen readers; and how a value it does not know is shown: verbatim, marked.

use crate::i18n::use_i18n;
use console_core::i18n::Text;
use leptos::prelude::*;

/// "—" for a field whose value could not be read; `raw` is what OCP sent.
#[component]
pub fn Unreadable(#[prop(into)] raw: String) -> impl IntoView {
    let i18n = use_i18n();
    let label = move || i18n.f(Text::UnreadableValue, &[&raw]);
    view! {
        <span class="unreadable" data-testid="unreadable" tabindex="0" title=label.clone() aria-label=label>"—"</span>
    }
}

/// An enum value as OCP sent it; one the console does not know is marked "unrecognised".
#[component]
pub fn Word(#[prop(into)] wire: String, unknown: bool) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class=if unknown { "word unrecognised" } else { "word" } data-testid=unknown.then_some("unrecognised")>
            {wire}
            {unknown.then(|| view! { " "<small class="marker">"("{i18n.tr(Text::Unrecognised)}")"</small> })}
        </span>
    }
}

/// A field's text, or "—" with the raw value when OCP sent one that could not be read.
pub fn text_or_unreadable(text: Option<String>, raw: Option<&serde_json::Value>) -> AnyView {
    match (text, raw) {
        (Some(t), _) => t.into_any(),
        (None, Some(raw)) => {
            view! { <Unreadable raw=console_core::wire::lenient::raw_text(raw) /> }.into_any()
        }
        (None, None) => ().into_any(),
    }
}

/// "N items of OCP's list could not be read": one odd row never hides silently.
#[component]
pub fn SkippedRows(count: usize) -> impl IntoView {
    let i18n = use_i18n();
    (count > 0).then(|| {
        view! { <p class="hint" data-testid="rows-unreadable">{move || i18n.f(Text::RowsUnreadable, &[&count.to_string()])}</p> }
    })
}

/// A state in words (`console_core::present`); one the console does not know is shown as OCP
/// sent it, marked "unrecognised".
#[component]
pub fn StateWord(look: console_core::present::Look, #[prop(into)] wire: String) -> impl IntoView {
    let i18n = use_i18n();
    if look.is_unknown() {
        return view! { <Word wire unknown=true /> }.into_any();
    }
    view! { <span class="word">{i18n.tr(look.text)}</span> }.into_any()
}
