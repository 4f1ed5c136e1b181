//! Serves the built console. Any path that is not a file gets index.html with 200, so deep
//! links (`/clusters/3000010`) survive a reload; the router in the SPA takes it from there.

use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::Router;
use std::path::Path;
use tower_http::services::{ServeDir, ServeFile};

pub fn router<S: Clone + Send + Sync + 'static>(dist: Option<&Path>) -> Router<S> {
    match dist {
        Some(dist) => {
            let index = dist.join("index.html");
            Router::new().fallback_service(ServeDir::new(dist).fallback(ServeFile::new(index)))
        }
        None => Router::new().fallback(|| async {
            (
                StatusCode::NOT_FOUND,
                "This mock server runs without the console (no --dist). Build it with `cargo xtask run`, or use `trunk serve`.",
            )
                .into_response()
        }),
    }
}
