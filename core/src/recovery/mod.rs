//! A region is down: the recovery plan that fails over everything in it, in order. Proposed
//! from the readiness board's rows and the drill ledger's history (`plan`), edited by the
//! operator (`edit`), totalled (`totals`: data at risk, expected time with
//! `maxParallelLaunches`).
//!
//! `scope` is what the URL asks for; `words` how its values read.
//!
//! May import: `wire`, `time`, `i18n`, `precheck` (the board, objectives), `drill` (history of
//! earlier runs), and the small rules.

pub mod edit;
pub mod plan;
pub mod scope;
pub mod totals;
pub mod words;
