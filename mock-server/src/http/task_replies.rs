//! Task detail replies rendered once per change of the task. The console polls a running task
//! every second or two, and a load test does nothing else; most polls find the task unchanged.
//! Rendering it (a copy of the task, a JSON tree with sorted keys, then its text) was most of a
//! poll's cost, so the rendered `data` is kept per task and reused while the stored task and
//! what the view adds to it (`Estate::task_refs`) equal what it was rendered from. Compared,
//! not tracked: no path that changes a task (engine, operations, admin) can leave it stale.

use crate::http::json::sorted;
use crate::sim::engine::TaskRec;
use crate::sim::estate::{task_view_with, Estate, TaskRefs};
use crate::sim::refusal::{Refusal, INTERNAL_ERROR};
use console_core::wire::codes;
use console_core::wire::TaskInstance;
use std::collections::HashMap;
use std::sync::Arc;

/// One rendering: what it was made from, and the `data` JSON (keys sorted, as OCP writes them).
struct Rendered {
    task: TaskInstance,
    refs: TaskRefs,
    data: Arc<str>,
}

/// At most one rendering per task of the estate (cleared with it on reset).
#[derive(Default)]
pub(crate) struct TaskReplies {
    by_id: HashMap<i64, Rendered>,
}

impl TaskReplies {
    /// The detail view of task `id` as `data` JSON: the kept rendering when the task is as it
    /// was, else a new one (kept for next time).
    pub(crate) fn data(&mut self, estate: &Estate, id: i64) -> Result<Arc<str>, Refusal> {
        let rec = estate
            .tasks
            .get(&id)
            .ok_or_else(|| Refusal::task_not_found(id))?;
        let refs = estate.task_refs(rec);
        if let Some(r) = self.by_id.get(&id) {
            if r.task == rec.task && r.refs == refs {
                return Ok(r.data.clone());
            }
        }
        let data = render(rec, refs.clone())?;
        self.by_id.insert(
            id,
            Rendered {
                task: rec.task.clone(),
                refs,
                data: data.clone(),
            },
        );
        Ok(data)
    }

    pub(crate) fn clear(&mut self) {
        self.by_id.clear();
    }
}

fn render(rec: &TaskRec, refs: TaskRefs) -> Result<Arc<str>, Refusal> {
    let view = task_view_with(rec, refs);
    serde_json::to_value(&view)
        .and_then(|v| serde_json::to_string(&sorted(v)))
        .map(Arc::from)
        .map_err(|e| {
            Refusal::same(
                INTERNAL_ERROR,
                codes::UNEXPECTED,
                format!("mock could not serialize its reply: {e}"),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::default_fixtures_dir;
    use crate::sim::templates::{TaskKind, Templates};

    /// A paused demo estate with one running tenant failover; its task id.
    fn estate_with_task() -> (Estate, i64) {
        let templates = Templates::load(&default_fixtures_dir()).unwrap();
        let mut estate = Estate::demo(1.0);
        estate.change_clock(Some(true), None, None);
        let task = estate
            .launch(
                &templates,
                TaskKind::TenantFailover,
                3000012,
                Some(2000031),
                None,
                "admin",
            )
            .unwrap();
        (estate, task.id.unwrap().0)
    }

    fn fresh(estate: &Estate, id: i64) -> String {
        let v = serde_json::to_value(estate.task_view(&estate.tasks[&id])).unwrap();
        serde_json::to_string(&sorted(v)).unwrap()
    }

    #[test]
    fn an_unchanged_task_is_rendered_once() {
        let (estate, id) = estate_with_task();
        let mut replies = TaskReplies::default();
        let a = replies.data(&estate, id).unwrap();
        let b = replies.data(&estate, id).unwrap();
        assert!(Arc::ptr_eq(&a, &b), "the second poll reused the rendering");
        assert_eq!(*a, fresh(&estate, id), "the same text as rendering it anew");
        assert_eq!(replies.by_id.len(), 1);
    }

    #[test]
    fn a_task_that_moved_on_is_rendered_again() {
        let (mut estate, id) = estate_with_task();
        let mut replies = TaskReplies::default();
        let before = replies.data(&estate, id).unwrap();
        estate.change_clock(None, None, Some(30.0));
        let after = replies.data(&estate, id).unwrap();
        assert_ne!(before, after);
        assert_eq!(*after, fresh(&estate, id));
        assert_eq!(replies.by_id.len(), 1, "one rendering per task");
    }

    #[test]
    fn a_renamed_tenant_shows_in_the_next_rendering() {
        let (mut estate, id) = estate_with_task();
        let mut replies = TaskReplies::default();
        replies.data(&estate, id).unwrap();
        let t = estate.tenants.iter_mut().find(|t| t.id == 2000031).unwrap();
        t.name = "renamed_dr".into();
        let after = replies.data(&estate, id).unwrap();
        assert!(after.contains("\"name\":\"renamed_dr\""), "{after}");
        assert_eq!(*after, fresh(&estate, id));
    }

    #[test]
    fn an_unknown_task_is_refused_and_nothing_is_kept() {
        let (estate, _) = estate_with_task();
        let mut replies = TaskReplies::default();
        let r = replies.data(&estate, 42).unwrap_err();
        assert_eq!(r.status, 404);
        assert!(replies.by_id.is_empty());
    }
}
