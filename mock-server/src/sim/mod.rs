//! The simulation: clock, estate (seed, prechecks, tasks, effects, wire), engine, GFC, templates,
//! Refusal. Imports console-core, serde and std only: no HTTP, nothing of `http` (tests/layers.rs).

pub mod clock;
pub mod engine;
pub mod estate;
pub mod gfc;
pub mod refusal;
pub mod templates;

pub use estate::Estate;
pub use refusal::Refusal;
