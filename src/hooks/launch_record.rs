//! The launch record's writing and reading in this browser: drafted from what the operator
//! confirmed, kept in `localStorage` (per OCP address) when a launch's reply names its tasks,
//! read back for the task page (`components::launch_record` shows it). What is kept and how
//! storage is read is `console_core::task::launch_record`'s; a storage that is off, full or
//! holds garbage costs only the record, never the launch or the page.

use crate::session::Session;
use crate::storage;
use console_core::precheck::readiness::Record;
use console_core::task::launch_record::{self, clean_reason, Draft, LaunchRecords};
use console_core::wire::TaskInstance;
use leptos::prelude::*;

/// Every record kept for the OCP `api_base`.
pub(crate) fn read_all(api_base: &str) -> LaunchRecords {
    let stored = storage::local().get(&launch_record::storage_key(api_base));
    LaunchRecords::read(stored.as_deref())
}

/// What the operator confirmed: who, why, and the precheck(s) on screen.
pub(crate) fn draft(
    session: Session,
    reason: &str,
    prechecks: Vec<(Option<i64>, Record)>,
) -> Draft {
    Draft {
        operator: session
            .current
            .get_untracked()
            .map(|s| s.user)
            .unwrap_or_default(),
        reason: clean_reason(reason),
        prechecks,
    }
}

/// Keeps one record per task OCP created. Called inside the launch's send, before its state
/// turns `Launched`, so the task page opened next finds it. Read again first, so records
/// another tab wrote are not overwritten.
pub(crate) fn keep(api_base: &str, draft: &Draft, tasks: &[TaskInstance]) {
    let ids: Vec<(i64, Option<i64>)> = tasks
        .iter()
        .filter_map(|t| Some((t.id?.0, t.tenant_id.map(|l| l.0))))
        .collect();
    let mut all = read_all(api_base);
    for r in draft.records(&ids, js_sys::Date::now() as i64) {
        all.push(r);
    }
    // Full or refused: the launch went ahead; only its record is missing.
    storage::local().set(&launch_record::storage_key(api_base), &all.to_json());
}
