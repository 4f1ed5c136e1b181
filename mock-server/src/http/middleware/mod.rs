//! The layers `/api` and `/gfc` requests pass, outermost first: `journal`, `record` (while
//! recording, OCP answers and nothing inside runs), `stubs`, `faults`, then the reply check
//! (`contract::replies`, with `--check-replies`), `tick` (where simulated time follows real
//! time) and the request check (`contract::requests`) right before the handlers; `/__admin` gets
//! `tick` only. `spa` serves the built console with its security headers. They may import the
//! rest of the http layer and `crate::sim`; routes use them, never the other way round.

pub mod contract;
pub mod faults;
pub mod journal;
pub mod record;
pub mod spa;
pub mod stubs;
pub mod tick;

use axum::extract::{OriginalUri, Request};

/// The path as the client sent it: handlers under `nest("/api")` see it without the prefix.
pub fn full_path(req: &Request) -> String {
    req.extensions()
        .get::<OriginalUri>()
        .map(|u| u.path().to_string())
        .unwrap_or_else(|| req.uri().path().to_string())
}
