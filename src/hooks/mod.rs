//! Hooks: the reactive state and effects that pages and components share, each a `use_…`
//! function (or a small type) called in a component's body.
//! - `alerts`: the tab's title and favicon, and notifications, for a watched task;
//! - `cluster`: the cluster a page is about, and its name;
//! - `dialog`: how every dialog behaves at the keyboard;
//! - `dr_launch`: the DR pages' one flow, precheck to launch;
//! - `drills`: every failover and switchover in OCP's task list, as the drill ledger's rows;
//! - `early`: the board's first request, sent as its route is matched (beside its chunk);
//! - `estate`: every standby of the estate, read at scale for the readiness board;
//! - `intervention`: retrying, skipping, cancelling or rolling back a task or a step: preview,
//!   confirmation, the one send, its outcome;
//! - `kept_runs`: the precheck runs this browser keeps per standby;
//! - `launch`: one send per confirmation, and how it ended;
//! - `launch_record`: a launch's record in this browser, drafted, kept and read;
//! - `load`: data for a view, kept through failures and retried;
//! - `poll`: following something that changes on the server;
//! - `precheck_pass`: the readiness board's pass of prechecks, paced by OCP's push-back;
//! - `task_model`: the task page's reactive model of a task and its steps;
//! - `ticker`: the page's one clock;
//! - `timing`: a task's time left and measured recovery time;
//! - `title`: the browser tab's title;
//! - `url_view`: a list's search, sort and filter kept in the page's URL.
//!
//! Hooks may import `api`, `config`, `session`, `storage`, `i18n`, `console_core` and one
//! another; never `pages` or `components` (those build on hooks, not the other way round).

pub mod alerts;
pub mod cluster;
pub mod dialog;
pub(crate) mod dr_launch;
pub(crate) mod drills;
pub(crate) mod early;
pub(crate) mod estate;
pub(crate) mod intervention;
pub(crate) mod kept_runs;
pub mod launch;
pub(crate) mod launch_record;
pub mod load;
pub mod poll;
pub(crate) mod precheck_pass;
pub mod task_model;
pub mod ticker;
pub mod timing;
pub mod title;
pub(crate) mod url_view;
