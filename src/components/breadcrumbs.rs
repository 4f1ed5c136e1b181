//! Where a deep page sits ("Clusters › OB424_B › sales_dr › Failover precheck"): a navigation
//! landmark with an ordered list, the page itself last and marked current. The trail is
//! `console_core::present::crumbs`'s to compose from the page's route and what it has loaded; this only
//! draws it, in the page's language. Plain links (the router still handles them): the router's
//! `A` would mark every ancestor `aria-current`, and only the page itself is current.

use crate::i18n::use_i18n;
use console_core::i18n::{Lang, Text};
use console_core::present::crumbs::Crumb;
use leptos::prelude::*;

#[component]
pub fn Breadcrumbs(
    /// The trail in a language; re-read when the language or a loaded name changes.
    trail: impl Fn(Lang) -> Vec<Crumb> + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="crumbs" aria-label=i18n.tr(Text::AriaBreadcrumb) data-testid="breadcrumbs">
            <ol>
                {move || {
                    let crumbs = trail(i18n.lang.get());
                    let last = crumbs.len().saturating_sub(1);
                    crumbs.into_iter().enumerate().map(|(i, c)| {
                        let item = match c.href {
                            Some(href) if i != last => view! { <a href=href>{c.label}</a> }.into_any(),
                            _ if i == last => view! { <span aria-current="page">{c.label}</span> }.into_any(),
                            _ => view! { <span>{c.label}</span> }.into_any(),
                        };
                        view! { <li>{item}</li> }
                    }).collect_view()
                }}
            </ol>
        </nav>
    }
}
