//! Earlier drills: finished runs of every launch kind in the task list, so the console's time
//! estimates have history from the first launch. Each run is a template run through the same
//! engine as a live launch, started days ago on the simulated clock, so its step durations are
//! exactly those a new launch will take.

use super::Estate;
use crate::sim::engine::TaskRec;
use crate::sim::templates::{TaskKind, Templates};
use console_core::wire::TaskStatus;
use console_core::Long;

/// Runs kept per kind.
pub(super) const RUNS_PER_KIND: i64 = 7;
/// History ids sit below every launch id, so the list (newest id first) shows them last.
const FIRST_ID: i64 = 100_001;
const DAY_MS: i64 = 86_400_000;

/// Where the drills ran: a standby tenant whose primary still answers today (audit_dr) and
/// the 3.x standby cluster that no test launches on, so no test's filtered list changes.
/// Who ran the drills, in turn.
const DRILL_CREATORS: [&str; 2] = ["admin", "ops_chen"];

fn subject(kind: TaskKind) -> (i64, Option<i64>) {
    match kind {
        TaskKind::TenantFailover | TaskKind::TenantSwitchover => (3000012, Some(2000033)),
        _ => (8, None),
    }
}

impl Estate {
    /// Adds [`RUNS_PER_KIND`] finished runs of every kind, one every other day before now.
    pub(crate) fn with_history(mut self, templates: &Templates) -> Estate {
        let now = self.clock.now_ms();
        let mut id = FIRST_ID;
        for (k, kind) in TaskKind::ALL.into_iter().enumerate() {
            for run in 0..RUNS_PER_KIND {
                let start = now - (RUNS_PER_KIND - run) * 2 * DAY_MS + k as i64 * 3_600_000;
                // Drills are run by two operators, so the task list's creator filter has a choice.
                let creator = DRILL_CREATORS[run as usize % DRILL_CREATORS.len()];
                let Some(mut task) =
                    templates.instantiate(kind, 0, creator, self.clock.ocp_time(start))
                else {
                    continue;
                };
                let (cluster, tenant) = subject(kind);
                task.id = Some(Long(id));
                task.create_time = task.start_time.clone();
                task.cluster_id = Some(Long(cluster));
                task.tenant_id = tenant.map(Long);
                let mut rec = TaskRec::new(task, kind, cluster, tenant, None, start);
                // A drill is over: its effect on the estate happened long ago.
                rec.effect_applied = true;
                // Stepped like a live mock's ticks: OCP's task finish time is when its status
                // worker noticed the end (the engine models that), so one jump of a day would
                // end every drill a day late.
                let mut at = start;
                while rec.task.status == Some(TaskStatus::Running) && at < start + DAY_MS {
                    at += 500;
                    rec.advance(at, &self.clock, &mut Vec::new());
                }
                self.tasks.insert(id, rec);
                id += 1;
            }
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn every_kind_has_finished_runs_with_step_times() {
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let templates = Templates::load(&fixtures).expect("templates");
        let e = Estate::demo(1.0).with_history(&templates);
        assert_eq!(e.tasks.len() as i64, RUNS_PER_KIND * 4);
        for rec in e.tasks.values() {
            assert_eq!(rec.task.status, Some(TaskStatus::Successful));
            // The task ends when its last step does (within a tick), not a day later.
            let zone = console_core::time::Offset::parse("+08:00").expect("zone");
            let ms = |t: &Option<String>| {
                console_core::time::parse_ms(t.as_deref().expect("time"), zone).expect("parse")
            };
            let last = rec.task.subtasks().iter().map(|s| ms(&s.finish_time)).max();
            let end = ms(&rec.task.finish_time);
            assert!(
                last.is_some_and(|l| end >= l && end - l <= 500),
                "{end} vs {last:?}"
            );
            for s in rec.task.subtasks() {
                assert!(
                    s.start_time.is_some() && s.finish_time.is_some(),
                    "{:?}",
                    s.name
                );
            }
        }
    }
}
