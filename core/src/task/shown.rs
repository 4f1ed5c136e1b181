//! The tasks page's rows as shown: searched in the browser (id, name, creator, cluster or
//! tenant, any case), sorted (OCP's order, newest first; failed first; longest first) and
//! counted. The search and sort travel in the list's URL with its filters (`list::ListFilter`).

use crate::listing::{matches, SortKey};
use crate::time::{parse_ms, Offset};
use crate::wire::{TaskInstance, TaskStatus};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TaskSort {
    /// OCP's order: newest first.
    #[default]
    Newest,
    /// Failed first, then running, then the rest.
    FailedFirst,
    /// Longest first (a running task's duration grows until now).
    Longest,
}

impl SortKey for TaskSort {
    const ALL: &'static [TaskSort] = &[TaskSort::Newest, TaskSort::FailedFirst, TaskSort::Longest];
    fn as_str(self) -> &'static str {
        match self {
            TaskSort::Newest => "newest",
            TaskSort::FailedFirst => "failed",
            TaskSort::Longest => "longest",
        }
    }
}

/// Whether `t` matches what the operator typed.
pub fn task_matches(t: &TaskInstance, query: &str) -> bool {
    if query.trim().is_empty() {
        return true;
    }
    let id = t.id.map(|i| i.0.to_string());
    let hash_id = id.as_ref().map(|i| format!("#{i}"));
    let creator = t.creator.as_ref().and_then(|c| c.label());
    let fields = [
        id.as_deref(),
        hash_id.as_deref(),
        t.name.as_deref(),
        creator.as_deref(),
        t.cluster.as_ref().and_then(|c| c.name.as_deref()),
        t.tenant.as_ref().and_then(|c| c.name.as_deref()),
    ];
    matches(fields.into_iter().flatten(), query)
}

/// `rows` in the order `sort` asks (ties keep OCP's order); durations up to `now_ms`.
pub fn arrange(rows: &mut Vec<TaskInstance>, sort: TaskSort, ocp: Offset, now_ms: i64) {
    match sort {
        TaskSort::Newest => {}
        TaskSort::FailedFirst => {
            crate::order::sort_by_key(rows, |t: &TaskInstance| match t.status {
                Some(TaskStatus::Failed) => 0,
                Some(TaskStatus::Running) => 1,
                _ => 2,
            })
        }
        TaskSort::Longest => crate::order::sort_by_key(rows, |t: &TaskInstance| {
            let ms = |raw: &Option<String>| raw.as_deref().and_then(|s| parse_ms(s, ocp));
            let took = ms(&t.start_time).map(|s| ms(&t.finish_time).unwrap_or(now_ms) - s);
            // An unknown duration last.
            (took.is_none(), std::cmp::Reverse(took.unwrap_or(0)))
        }),
    }
}

/// The counts above the list ("200 tasks · 3 running · 1 failed"), over the rows shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TaskCounts {
    pub tasks: usize,
    pub running: usize,
    pub failed: usize,
}

pub fn task_counts(rows: &[TaskInstance]) -> TaskCounts {
    let n = |s: TaskStatus| rows.iter().filter(|t| t.status == Some(s.clone())).count();
    TaskCounts {
        tasks: rows.len(),
        running: n(TaskStatus::Running),
        failed: n(TaskStatus::Failed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::task::TenantRef;
    use crate::wire::Creator;
    use crate::Long;

    fn task(
        id: i64,
        name: &str,
        status: TaskStatus,
        start: &str,
        finish: Option<&str>,
    ) -> TaskInstance {
        TaskInstance {
            id: Some(Long(id)),
            name: Some(name.into()),
            status: Some(status),
            start_time: Some(start.into()),
            finish_time: finish.map(str::to_string),
            creator: Some(Creator::Name("admin".into())),
            tenant: Some(TenantRef {
                name: Some("sales_dr".into()),
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    #[test]
    fn sorts_keep_ocps_order_on_ties_and_search_reads_id_name_creator_and_target() {
        let now = parse_ms("2026-12-07T10:00:00+08:00", Offset::UTC).unwrap_or_default();
        let mut rows = vec![
            task(
                3,
                "Failover tenant",
                TaskStatus::Successful,
                "2026-12-07T09:00:00+08:00",
                Some("2026-12-07T09:05:00+08:00"),
            ),
            task(
                2,
                "Switchover OB cluster",
                TaskStatus::Running,
                "2026-12-07T08:00:00+08:00",
                None,
            ),
            task(
                1,
                "Failover tenant",
                TaskStatus::Failed,
                "2026-12-07T09:30:00+08:00",
                Some("2026-12-07T09:31:00+08:00"),
            ),
        ];
        let ids = |r: &[TaskInstance]| {
            r.iter()
                .filter_map(|t| t.id.map(|i| i.0))
                .collect::<Vec<_>>()
        };
        arrange(&mut rows, TaskSort::FailedFirst, Offset::UTC, now);
        assert_eq!(ids(&rows), [1, 2, 3]);
        arrange(&mut rows, TaskSort::Longest, Offset::UTC, now);
        assert_eq!(ids(&rows), [2, 3, 1]);
        assert!(task_matches(&rows[0], "#2"));
        assert!(task_matches(&rows[0], "switchover"));
        assert!(task_matches(&rows[0], "ADMIN"));
        assert!(task_matches(&rows[0], "sales"));
        assert!(!task_matches(&rows[0], "billing"));
        assert_eq!(
            task_counts(&rows),
            TaskCounts {
                tasks: 3,
                running: 1,
                failed: 1
            }
        );
        assert_eq!(TaskSort::parse("longest"), TaskSort::Longest);
        assert_eq!(TaskSort::parse("?"), TaskSort::Newest);
    }
}
