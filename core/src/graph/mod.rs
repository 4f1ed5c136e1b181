//! A task's steps as a graph, and everything drawn from that graph: its structure from
//! `upstreams`/`downstreams` (never array order), the layered layout and the SVG paths of its
//! edges, crossings, what is on screen at which zoom, keyboard moves between steps, the critical
//! path of the remaining work, and what a screen reader hears.
//!
//! May import: `wire` (the steps), `i18n` (words). Never `task` or `precheck`: a task's
//! behaviour over time builds on the graph, not the other way round.

pub mod critical;
pub mod crossings;
pub mod dag;
pub mod edge_path;
pub mod layout;
pub mod navigate;
pub mod speech;
pub mod viewport;
