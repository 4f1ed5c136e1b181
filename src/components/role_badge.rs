//! A cluster's or tenant's role in words and at a glance (the colour is never the only signal).

use crate::i18n::use_i18n;
use console_core::i18n::Text;
use leptos::prelude::*;

#[component]
pub fn RoleBadge(#[prop(into)] role: String) -> impl IntoView {
    let i18n = use_i18n();
    let upper = role.to_ascii_uppercase();
    let class = match upper.as_str() {
        "PRIMARY" => "badge badge-primary",
        "STANDBY" => "badge badge-standby",
        _ => "badge",
    };
    let label = move || match upper.as_str() {
        "PRIMARY" => i18n.t(Text::RolePrimary).to_string(),
        "STANDBY" => i18n.t(Text::RoleStandby).to_string(),
        other => i18n.f(Text::RoleUnknown, &[other]),
    };
    view! { <span class=class>{label}</span> }
}
