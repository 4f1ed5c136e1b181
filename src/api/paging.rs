//! A whole list read page by page: the first page, which says how many there are, then the
//! rest together, `parallel` at a time (the caller's bound on requests in flight). A failed
//! page fails the list; `arrived` sees each page as it comes, so rows can appear early.

use console_core::precheck::estate::rest_pages;
use console_core::{ApiFailure, Paged};
use futures_util::stream::{self, StreamExt};

pub(crate) async fn all_pages<T, F, Fut>(
    parallel: usize,
    fetch: F,
    mut arrived: impl FnMut(Paged<T>),
) -> Result<(), ApiFailure>
where
    F: Fn(u32) -> Fut,
    Fut: std::future::Future<Output = Result<Paged<T>, ApiFailure>>,
{
    let first = fetch(1).await?;
    let rest = rest_pages(first.page.as_ref());
    arrived(first);
    let mut pages = stream::iter(rest)
        .map(&fetch)
        .buffer_unordered(parallel.max(1));
    while let Some(page) = pages.next().await {
        arrived(page?);
    }
    Ok(())
}
