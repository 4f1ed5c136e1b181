//! Plain-Rust core of Failover Console, shared by the SPA (wasm) and the mock server (native).
//!
//! Everything here builds and tests natively in seconds and holds every rule a page would
//! otherwise bury, so the SPA stays a thin view and the mock agrees with it on the wire by
//! construction. One folder per domain, arrows one way (each `mod.rs` says what it may import):
//!
//! | module | holds |
//! |---|---|
//! | [`wire`] | OCP's payloads, read one field at a time ([`wire::lenient`], [`ocp_enum!`] keeps unknown values), the envelope, and how any reply maps to one [`ApiFailure`] |
//! | [`time`] | every time OCP or GFC sends, read and written; ages and durations in words; the polling policy; lag from an SCN |
//! | [`i18n`] | every user-visible text in English and Chinese, typed ([`i18n::Text`]) so both languages are checked by the compiler |
//! | [`present`] | how every state reads on screen (the one table of state words and icons) and breadcrumb trails |
//! | [`graph`] | a task's steps as a graph: adjacency, layout and its SVG paths, crossings, camera and culling, keyboard moves, critical path, what a screen reader hears |
//! | [`task`] | a task over time: incremental reading of polls, interventions, the task list's filters, time left and measured RTO, alerts, the launch record |
//! | [`precheck`] | verdicts (Pass only on proof), precheck history kept per standby, the readiness board |
//! | [`drill`] | evidence for an audit: the drill ledger from OCP's task history, each standby's last drill and RTO trend, one drill's report (steps on a time axis, findings), their exports |
//! | [`recovery`] | a region is down: the recovery plan proposed from the readiness board and the drill history, its groups and order, its totals (data at risk, expected time) |
//! | [`gfc`] | component failover/failback: wire types, input rules, verdicts, CSV, sessions kept in the browser |
//!
//! Plus small rules used across domains: [`roles`] (who may operate), [`theme`] (the colour
//! scheme chosen), [`window`] (which rows
//! of a long list are drawn), [`listing`] (a list's search, sort and counts), [`url`]
//! (percent-encoding and query strings),
//! [`name`] (a name, or `#id` where there is none) and [`order`] (one
//! stable sort, for the wasm bundle's size). A reply travels `wire` (read) → `task`/`precheck`/
//! `gfc` (judged) → `i18n` (worded) → the page; `graph` lays out what `task` read.
//!
//! Arrows between domains, one way (`xtask/tests/house.rs` holds the same table and fails on a
//! new arrow): `wire` imports only `order`; `i18n` only `wire`; `time` `wire` and `i18n`;
//! `precheck` and `gfc` those three; `present` the domains whose states it words; `graph`
//! `present`; `task` everything below it; `drill` everything but `gfc`; `recovery` `wire`, `time`, `i18n`, `precheck` and `drill`. The small rules (`order`, `url`, `name`, `window`,
//! `listing`, `theme`, `roles`) import nothing here and may be used by all. Test modules may reach across (fixtures).

#[macro_use]
pub mod wire;
pub mod drill;
pub mod gfc;
pub mod graph;
#[macro_use]
pub mod i18n;
pub mod listing;
pub mod name;
pub mod order;
pub mod precheck;
pub mod present;
pub mod recovery;
pub mod roles;
pub mod task;
pub mod theme;
pub mod time;
pub mod url;
pub mod window;

pub use wire::envelope::{ApiError, Envelope, ErrorCode, PageInfo, Paged};
pub use wire::failure::ApiFailure;
pub use wire::long::Long;
