//! The simulation: clock, estate (seed, prechecks, tasks, effects, wire), engine and its
//! schedule, GFC, templates, Refusal. Imports console-core, serde, rand and std only: no HTTP,
//! nothing of `http` (tests/layers.rs). Only `http` uses it, so all of it is `pub(crate)`.

pub(crate) mod clock;
pub(crate) mod engine;
pub(crate) mod estate;
pub(crate) mod gfc;
pub(crate) mod refusal;
pub(crate) mod schedule;
pub(crate) mod templates;
