//! Task templates, one per launch kind, read from the fixtures folder. Two come verbatim from
//! the seed samples (tenant and cluster failover); the switchover ones are constructed in the same
//! shape. Subtask arrays stay unsorted and ids out of topological order, as OCP returns them.

use console_core::wire::{SubtaskInstance, TaskInstance, TaskStatus};
use console_core::{Envelope, Long};
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum TaskKind {
    TenantFailover,
    ClusterFailover,
    TenantSwitchover,
    ClusterSwitchover,
    /// A generated task of any size (admin API), with no effect on the estate.
    Synthetic,
}

impl TaskKind {
    pub(crate) const ALL: [TaskKind; 4] = [
        TaskKind::TenantFailover,
        TaskKind::ClusterFailover,
        TaskKind::TenantSwitchover,
        TaskKind::ClusterSwitchover,
    ];

    fn file(self) -> &'static str {
        match self {
            TaskKind::TenantFailover => "seeds/tenant-failover.json",
            TaskKind::ClusterFailover => "seeds/cluster-failover.json",
            TaskKind::TenantSwitchover => "templates/tenant-switchover.json",
            TaskKind::ClusterSwitchover => "templates/cluster-switchover.json",
            TaskKind::Synthetic => "",
        }
    }
}

/// Ids of the n-th instance of a template are the template's ids plus `n * ID_STRIDE`, so the
/// first instance reproduces the seed sample exactly and later ones never collide.
pub(crate) const ID_STRIDE: i64 = 100;

#[derive(Debug, Clone)]
pub(crate) struct Templates {
    tasks: Vec<(TaskKind, TaskInstance)>,
}

impl Templates {
    pub(crate) fn load(fixtures: &Path) -> Result<Templates, String> {
        let mut tasks = Vec::new();
        for kind in TaskKind::ALL {
            let path = fixtures.join(kind.file());
            let text = std::fs::read_to_string(&path)
                .map_err(|e| format!("cannot read task template {}: {e}", path.display()))?;
            let env: Envelope<TaskInstance> = serde_json::from_str(&text)
                .map_err(|e| format!("task template {} is not a task: {e}", path.display()))?;
            let task = env
                .data
                .ok_or_else(|| format!("task template {} has no data", path.display()))?;
            if task.subtasks().is_empty() {
                return Err(format!("task template {} has no subtasks", path.display()));
            }
            tasks.push((kind, task));
        }
        Ok(Templates { tasks })
    }

    pub(crate) fn get(&self, kind: TaskKind) -> Option<&TaskInstance> {
        self.tasks.iter().find(|(k, _)| *k == kind).map(|(_, t)| t)
    }

    /// A new task as OCP returns it from the launch: RUNNING, roots READY, the rest PENDING.
    pub(crate) fn instantiate(
        &self,
        kind: TaskKind,
        n: i64,
        creator: &str,
        start_time: String,
    ) -> Option<TaskInstance> {
        let mut task = self.get(kind)?.clone();
        task.id = task.id.map(|Long(v)| Long(v + n * ID_STRIDE));
        task.creator = Some(console_core::wire::Creator::Name(creator.to_string()));
        task.start_time = Some(start_time);
        task.finish_time = None;
        task.status = Some(TaskStatus::Running);
        if let Some(subs) = task.subtasks.as_mut() {
            for s in subs.iter_mut() {
                reset_subtask(s, n);
            }
        }
        Some(task)
    }
}

fn reset_subtask(s: &mut SubtaskInstance, n: i64) {
    use console_core::wire::{SubtaskOperation, SubtaskStatus};
    let shift = |v: &mut Long| v.0 += n * ID_STRIDE;
    if let Some(id) = s.id.as_mut() {
        shift(id);
    }
    for list in [s.upstreams.as_mut(), s.downstreams.as_mut()]
        .into_iter()
        .flatten()
    {
        list.iter_mut().for_each(shift);
    }
    let is_root = s.upstreams.as_ref().is_none_or(|u| u.is_empty());
    s.status = Some(if is_root {
        SubtaskStatus::Ready
    } else {
        SubtaskStatus::Pending
    });
    s.operation = Some(SubtaskOperation::Execute);
    s.run_time = Some(Long(1));
    s.start_time = None;
    s.finish_time = None;
    s.executor = None;
}
