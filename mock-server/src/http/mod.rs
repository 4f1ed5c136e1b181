//! The HTTP layer: app state, the contract, envelope writer, ctx, faults, journal, stubs,
//! scenarios, the recorder, kept task replies, middleware, routes.
//! Imports `crate::sim`, `crate::config`, console-core, axum, tower; nothing in `sim` imports it.

pub mod contract;
pub mod ctx;
pub mod envelope;
pub mod faults;
pub mod journal;
pub mod middleware;
pub mod record;
pub mod routes;
pub mod scenario;
pub mod state;
pub mod stubs;
pub mod task_replies;
