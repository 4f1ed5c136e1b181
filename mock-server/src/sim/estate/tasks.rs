//! Tasks in the estate: launches create them from the templates, operations (retry, skip,
//! cancel, rollback) run on them at the current simulated instant, and logs are read from them.

use super::Estate;
use crate::sim::engine::TaskRec;
use crate::sim::refusal::{Refusal, INTERNAL_ERROR};
use crate::sim::templates::{TaskKind, Templates};
use console_core::wire::codes;
use console_core::wire::TaskInstance;
use console_core::Long;

/// The largest generated task (admin API and scenarios alike).
pub(crate) const MAX_SYNTHETIC_SUBTASKS: usize = 20_000;
/// Chains of a generated task when none are asked for, and at most.
pub(crate) const DEFAULT_SYNTHETIC_WIDTH: usize = 20;
pub(crate) const MAX_SYNTHETIC_WIDTH: usize = 500;

impl Estate {
    /// Creates and stores the task of a launch; returns it as OCP does.
    pub(crate) fn launch(
        &mut self,
        templates: &Templates,
        kind: TaskKind,
        cluster_id: i64,
        tenant_id: Option<i64>,
        service_name: Option<String>,
        creator: &str,
    ) -> Result<TaskInstance, Refusal> {
        let now = self.clock.now_ms();
        let n = self.instances.entry(kind).or_insert(0);
        let mut task = templates
            .instantiate(kind, *n, creator, self.clock.ocp_time(now))
            .ok_or_else(|| {
                Refusal::new(
                    INTERNAL_ERROR,
                    codes::UNEXPECTED,
                    "The mock has no template for this task.",
                    "模拟服务器缺少该任务的模板。",
                )
            })?;
        *n += 1;
        task.cluster_id = Some(Long(cluster_id));
        task.tenant_id = tenant_id.map(Long);
        let rec = TaskRec::new(task.clone(), kind, cluster_id, tenant_id, service_name, now);
        self.tasks.insert(rec.id(), rec);
        Ok(task)
    }

    /// Adds a generated task of `n` subtasks in `width` chains (1 to [`MAX_SYNTHETIC_WIDTH`]),
    /// running from now.
    pub(crate) fn add_synthetic(
        &mut self,
        n: usize,
        width: usize,
        cluster_id: i64,
    ) -> TaskInstance {
        let width = width.clamp(1, MAX_SYNTHETIC_WIDTH);
        let now = self.clock.now_ms();
        let k = self.instances.entry(TaskKind::Synthetic).or_insert(0);
        let id = 900_000_000 + *k;
        *k += 1;
        let mut task = console_core::task::synthetic::task(id, n, width);
        task.cluster_id = Some(Long(cluster_id));
        task.start_time = Some(self.clock.ocp_time(now));
        let rec = TaskRec::new(
            task.clone(),
            TaskKind::Synthetic,
            cluster_id,
            None,
            None,
            now,
        );
        self.tasks.insert(id, rec);
        task
    }

    /// Runs an engine operation on task `id` at the current simulated instant, then lets what
    /// it made ready start at that same instant (the clock does not move).
    pub(crate) fn operate<T>(
        &mut self,
        id: i64,
        op: impl FnOnce(&mut TaskRec, i64) -> Result<T, Refusal>,
    ) -> Result<T, Refusal> {
        let now = self.clock.now_ms();
        let rec = self
            .tasks
            .get_mut(&id)
            .ok_or_else(|| Refusal::task_not_found(id))?;
        let out = op(rec, now)?;
        self.settle();
        Ok(out)
    }

    /// The log of subtask `sid` of task `id`, up to the current simulated instant.
    pub(crate) fn subtask_log(&self, id: i64, sid: i64) -> Result<String, Refusal> {
        let rec = self
            .tasks
            .get(&id)
            .ok_or_else(|| Refusal::task_not_found(id))?;
        rec.log(sid, self.clock.now_ms(), &self.clock)
    }
}
