//! The readiness board's rules: one row per standby (tenant or cluster) of every cluster, with
//! its primary, its lag and its last failover precheck; sorting, the "not ready" filter, the
//! search, and when a periodic re-check is due. The page only wires signals to these; a pass
//! of prechecks over the board is `precheck::pass`.
//!
//! One file per job: `rows` (the standbys OCP lists, each with what this browser knows of it,
//! sorted and filtered), `search` (the search box, the counts, the list shown and its URL),
//! `recheck` (when the periodic re-check is due). Everything is re-exported here, so the page
//! names `precheck::board::…` whichever file holds it.
//!
//! May import: `precheck::readiness` and `precheck::verdict`, `wire`, `time`, `url`; never the
//! page.

mod recheck;
mod rows;
mod search;

pub use recheck::{next_recheck_in_ms, recheck_due, DEFAULT_INTERVAL_MIN};
pub use rows::{
    arrange, freshest_lag, rows, rows_with, standbys, Kind, ReadAt, Row, Sort, Standby, TenantsOf,
};
pub use search::{counts, grouped, matches, shown, BoardView, Counts};
