//! Tasks: `GET /api/v2/tasks/instances[/{id}]`.

use super::Api;
use console_core::wire::TaskInstance;
use console_core::{ApiFailure, Paged};

/// Filters of the task list; empty fields are not sent.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TaskFilter {
    pub cluster_id: Option<i64>,
    pub tenant_id: Option<i64>,
    pub status: Option<String>,
}

impl Api {
    pub async fn get_task(&self, id: i64) -> Result<TaskInstance, ApiFailure> {
        self.get(&format!("/api/v2/tasks/instances/{id}"), &[])
            .await
    }

    pub async fn list_tasks(
        &self,
        filter: &TaskFilter,
        page: u32,
        size: u32,
    ) -> Result<Paged<TaskInstance>, ApiFailure> {
        let mut q = vec![("page", page.to_string()), ("size", size.to_string())];
        if let Some(c) = filter.cluster_id {
            q.push(("clusterId", c.to_string()));
        }
        if let Some(t) = filter.tenant_id {
            q.push(("tenantId", t.to_string()));
        }
        if let Some(s) = filter.status.as_ref().filter(|s| !s.is_empty()) {
            q.push(("status", s.clone()));
        }
        self.get("/api/v2/tasks/instances", &q).await
    }
}
