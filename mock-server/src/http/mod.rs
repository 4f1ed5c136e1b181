//! The HTTP layer: app state, the envelope writer, request context, armed faults, the journal,
//! replay stubs, middleware and routes; it drives the simulation and answers in OCP's format.
//! May import `crate::sim`, `crate::config`, console-core and the web stack; `sim` never imports it.

pub mod ctx;
pub mod envelope;
pub mod faults;
pub mod journal;
pub mod middleware;
pub mod routes;
pub mod state;
pub mod stubs;
