//! Evidence for an audit: the drill ledger (every failover and switchover in OCP's task list,
//! one row each with its result, measured recovery time and objective verdict: `ledger`), its
//! per-standby summary and RTO trend (`summary`), its CSV and JSON (`export`), and one drill's
//! report: the steps on a time axis (`timeline`), what it points out (`findings`), the whole
//! as Markdown and JSON (`report`). How each value reads is in `words`.
//!
//! May import: `wire`, `time`, `i18n`, `present`, `graph` (layers), `task` (measured RTO, step
//! history, launch records, the task list's days), `precheck` (objectives), and the small rules.

pub mod export;
pub mod filter;
pub mod findings;
pub mod ledger;
pub mod report;
pub mod summary;
pub mod timeline;
pub mod words;
