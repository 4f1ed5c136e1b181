//! The HTTP layer: app state, the OpenAPI contract, the envelope writer, the request context,
//! and one folder per concern that has a request-side half. May import `crate::sim`,
//! `crate::config`, console-core, axum and tower; nothing in `sim` imports it.
//!
//! A concern with state or rules *and* a middleware is one folder: the state and rules in its
//! `mod.rs` (or named files beside it), the tower/axum middleware in its `layer.rs` —
//! `contract`, `faults`, `journal`, `record`, `stubs`. The rules sit below `state` (which holds
//! them); each `layer.rs` sits above it (it reads them through `AppState`), so the rules never
//! import `state` or their own layer (tests/layers.rs checks it). Middleware with no second half
//! is a plain file named for its concern, not a `middleware/` folder: `tick` (simulated time
//! follows real time) and `spa` (the built console and its security headers). The order the
//! layers run in is written once, in `routes::ocp_layers`.
//!
//! Public only for the binary and the integration tests: `contract` (the tests check the
//! contract against the router and the fixtures), `stubs` (they read stub files) and `spa`
//! (`--print-csp`). The rest is `pub(crate)`.

pub mod contract;
pub(crate) mod ctx;
pub(crate) mod envelope;
pub(crate) mod faults;
pub(crate) mod journal;
pub(crate) mod json;
pub(crate) mod rate_limit;
pub(crate) mod record;
pub(crate) mod routes;
pub(crate) mod scenario;
pub mod spa;
pub(crate) mod state;
pub mod stubs;
pub(crate) mod task_replies;
pub(crate) mod tick;
