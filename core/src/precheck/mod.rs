//! Whether a standby can take over: the verdict of a precheck reply (Pass only on proof, No
//! verdict otherwise: `verdict`), the history of results this browser keeps per standby and the
//! recommended target of each primary (`readiness`), and the readiness board built from them
//! (`board`).
//!
//! How the board works at scale is in three more: `estate` (reading every tenant through
//! OCP's estate-wide list, page by page), `pass` (one pass of prechecks: a batch per standby
//! cluster, least recently checked first) and `throttle` (how many in flight, halved when OCP
//! pushes back).
//!
//! `objectives` reads the RPO and RTO objectives of config.json and judges a lag by them.
//! `tenants` is the tenants of one cluster as its page lists them and `batch` the batch
//! precheck's table (search, sort, counts, each view kept in its URL).
//!
//! May import: `wire`, `time`, `i18n`.

pub mod batch;
pub mod board;
pub mod estate;
pub mod objectives;
pub mod pass;
pub mod readiness;
pub mod tenants;
pub mod throttle;
pub mod verdict;
