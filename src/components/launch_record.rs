//! The launch record: written to `localStorage` (per OCP address) when a launch's reply names
//! its tasks, and shown on the task page. What is kept and how storage is read is
//! `console_core::task::launch_record`'s; a storage that is off, full or holds garbage costs only the
//! record, never the launch or the page.

use crate::api::use_api;
use crate::components::when::local_offset;
use crate::i18n::use_i18n;
use crate::session::Session;
use console_core::i18n::Text;
use console_core::task::launch_record::{self, clean_reason, describe, Draft, LaunchRecords};
use console_core::precheck::readiness::Record;
use console_core::time::Instant;
use console_core::wire::TaskInstance;
use leptos::prelude::*;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn read_all(api_base: &str) -> LaunchRecords {
    let stored = storage().and_then(|s| {
        s.get_item(&launch_record::storage_key(api_base))
            .ok()
            .flatten()
    });
    LaunchRecords::read(stored.as_deref())
}

/// What the operator confirmed: who, why, and the precheck(s) on screen.
pub fn draft(session: Session, reason: &str, prechecks: Vec<(Option<i64>, Record)>) -> Draft {
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
pub fn keep(api_base: &str, draft: &Draft, tasks: &[TaskInstance]) {
    let ids: Vec<(i64, Option<i64>)> = tasks
        .iter()
        .filter_map(|t| Some((t.id?.0, t.tenant_id.map(|l| l.0))))
        .collect();
    let mut all = read_all(api_base);
    for r in draft.records(&ids, js_sys::Date::now() as i64) {
        all.push(r);
    }
    if let Some(s) = storage() {
        // Full or refused: the launch went ahead; only its record is missing.
        let _ = s.set_item(&launch_record::storage_key(api_base), &all.to_json());
    }
}

/// The task's launch record, if this browser sent the launch; otherwise says it was launched
/// elsewhere (a record is never made up).
#[component]
pub fn LaunchRecordView(task_id: i64, #[prop(into)] now: Signal<i64>) -> impl IntoView {
    let i18n = use_i18n();
    let record = read_all(&use_api().base()).of_task(task_id).cloned();
    match record {
        Some(r) => {
            let offset = local_offset(Instant::from_epoch_ms(r.at_ms));
            view! {
                <p class="launch-record" data-testid="launch-record">
                    <strong>{i18n.tr(Text::LaunchRecordTitle)}": "</strong>
                    {move || describe(&r, now.get(), offset, i18n.lang.get())}
                </p>
            }
            .into_any()
        }
        None => view! {
            <p class="launch-record muted" data-testid="launch-record-none">{i18n.tr(Text::LaunchRecordNone)}</p>
        }
        .into_any(),
    }
}
