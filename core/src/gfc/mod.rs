//! Component failover/failback (GFC): the wire types and the rules the console and the mock
//! share (docs/gfc-api.md), and the sessions this browser launched.
//!
//! One file per job: `wire` (what GFC sends and is sent, with the seed's field names), `input`
//! (the launch rules both sides enforce: ids, the failback time, every field of a launch),
//! `verdict` (whether check results allow the launch), `csv` (a report for download), `recent`
//! (the sessions kept in the browser). The first four are re-exported here, so callers name
//! `gfc::…` whichever file holds it.
//!
//! May import: `wire`, `time`, `i18n`, `order`.

mod csv;
mod input;
pub mod recent;
mod verdict;
mod wire;

pub use csv::report_csv;
pub use input::{format_failback_time, parse_failback_time, parse_ids, validate, Invalid};
pub use verdict::{check_verdict, may_launch, CheckVerdict};
pub use wire::{
    CheckResult, CheckSeverity, CheckStatus, CheckType, Component, ComponentState, Direction,
    LaunchBody, Operation, OperationState, Operations, PreCheckStatus, PrecheckBody, Report,
    SearchResult, SessionRef,
};
