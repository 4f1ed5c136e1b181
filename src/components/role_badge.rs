//! A cluster's or tenant's role in words and at a glance (the colour is never the only signal).
//! The words come from `present` (a standby tenant is 备租户, a standby cluster 备集群); a role
//! the console does not know is shown as OCP sent it, marked.

use crate::components::unreadable::Word;
use crate::i18n::use_i18n;
use console_core::present::Look;
use leptos::prelude::*;

#[component]
pub fn RoleBadge(look: Look, #[prop(into)] wire: String) -> impl IntoView {
    let i18n = use_i18n();
    if look.is_unknown() {
        return view! { <span class="badge"><Word wire unknown=true /></span> }.into_any();
    }
    view! { <span class=format!("badge badge-{}", look.class)>{i18n.tr(look.text)}</span> }
        .into_any()
}
