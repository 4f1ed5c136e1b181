//! The simulation: simulated time, the estate (seed data, precheck rules, effects, wire views),
//! the task engine, GFC, task templates and the refusal type. It knows nothing of HTTP.
//! May import console-core, serde and std only; never the http layer or a web framework.

pub mod clock;
pub mod engine;
pub mod estate;
pub mod gfc;
pub mod refusal;
pub mod templates;

pub use estate::Estate;
pub use refusal::Refusal;
