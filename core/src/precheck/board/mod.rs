//! The readiness board's rules: one row per standby (tenant or cluster) of every cluster, with
//! its primary, its lag and its last failover precheck; sorting, the "not ready" filter, the
//! queue that prechecks them one request at a time, and when a periodic re-check is due. The
//! page only wires signals to these.
//!
//! One file per job: `rows` (the standbys OCP lists, each with what this browser knows of it,
//! sorted and filtered), `queue` ("Precheck all", one request at a time), `recheck` (when the
//! periodic re-check is due). Everything is re-exported here, so the page names
//! `precheck::board::…` whichever file holds it.
//!
//! May import: `precheck::readiness` and `precheck::verdict`, `wire`, `time`; never the page.

mod queue;
mod recheck;
mod rows;

pub use queue::{queue_keys, Queue, QueueState};
pub use recheck::{next_recheck_in_ms, recheck_due, DEFAULT_INTERVAL_MIN};
pub use rows::{
    arrange, freshest_lag, rows, standbys, Kind, ReadAt, Row, Sort, Standby, TenantsOf,
};
