//! A task over time, as the task pages and the tasks list see it: polls read incrementally
//! (`reader`), what each intervention would do (`interventions`), the tasks list's filters and
//! CSV (`list`), its rows' search, sort and counts (`shown`), a task
//! whose graph cannot be drawn listed instead (`undrawable`), time left and measured recovery time (`eta`), which changes alert (`alert`),
//! and what a launch from this browser kept (`launch_record`). `synthetic` makes tasks of any
//! size for the mock and the benchmarks (feature `synthetic`).
//!
//! May import: `wire`, `time`, `graph`, `i18n`, `precheck` (a launch record keeps a verdict).

pub mod alert;
pub mod eta;
pub mod interventions;
pub mod launch_record;
pub mod list;
pub mod reader;
pub mod shown;
#[cfg(any(test, feature = "synthetic"))]
pub mod synthetic;
pub mod undrawable;
