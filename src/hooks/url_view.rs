//! `use_url_view`: what a list shows (search, sort, filter) kept in the page's URL, so a view
//! is a link that survives a reload. Read from the query string as it changes; written back by
//! replacing the history entry (a new search is not a Back step) without scrolling.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// One query parameter by name, as the URL has it.
type Param<'a> = &'a dyn Fn(&str) -> Option<String>;

/// The view `read` makes of the URL's query, and a setter that navigates to `href` of a view.
pub(crate) fn use_url_view<V>(
    read: fn(Param) -> V,
    href: impl Fn(&V) -> String + Send + Sync + 'static,
) -> (Memo<V>, impl Fn(V) + Copy + 'static)
where
    V: Clone + PartialEq + Send + Sync + 'static,
{
    let query = use_query_map();
    let view = Memo::new(move |_| query.with(|q| read(&|k| q.get(k).map(|v| v.to_string()))));
    let navigate = StoredValue::new_local(use_navigate());
    let href = StoredValue::new(href);
    let set = move |v: V| {
        let Some(to) = href.try_with_value(|h| h(&v)) else {
            return;
        };
        navigate.with_value(|navigate| {
            navigate(
                &to,
                NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..Default::default()
                },
            )
        });
    };
    (view, set)
}
