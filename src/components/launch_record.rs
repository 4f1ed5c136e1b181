//! The launch record on the task page: who launched the task from this browser, when, why, and
//! the precheck they saw (`hooks::launch_record` keeps and reads it); a task launched elsewhere
//! says so, and a record is never made up.

use crate::api::use_api;
use crate::components::when::local_offset;
use crate::hooks::launch_record::read_all;
use crate::i18n::use_i18n;
use console_core::i18n::Text;
use console_core::task::launch_record::describe;
use console_core::time::Instant;
use leptos::prelude::*;

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
