//! Tasks: `GET /api/v2/tasks/instances[/{id}]`.

use super::Api;
use console_core::task::eta::{History, HISTORY_RUNS};
use console_core::task::list::ListFilter;
use console_core::task::reader::TaskReader;
use console_core::wire::{SubtaskInstance, SubtaskLog, TaskInstance, TaskStatus};
use console_core::{ApiFailure, Paged};
use std::cell::RefCell;

impl Api {
    pub async fn get_task(&self, id: i64) -> Result<TaskInstance, ApiFailure> {
        let path = format!("/api/v2/tasks/instances/{id}");
        self.get_read(&path, self.read_attempts, &mut |r| {
            TaskReader::default().decode(r.status, r.content_type.as_deref(), &r.text)
        })
        .await
    }

    /// One attempt: the task page's poller backs off by itself. (Its reply also sets OCP's
    /// clock, [`Api::server_ms`], by which elapsed times and timeouts are judged.) `reader`
    /// is this task's: it reads again only the steps that changed since its last reply.
    pub async fn poll_task(
        &self,
        id: i64,
        reader: &RefCell<TaskReader>,
    ) -> Result<TaskInstance, ApiFailure> {
        self.get_read(&format!("/api/v2/tasks/instances/{id}"), 1, &mut |r| {
            reader
                .borrow_mut()
                .decode(r.status, r.content_type.as_deref(), &r.text)
        })
        .await
    }

    pub async fn subtask_log(&self, task: i64, subtask: i64) -> Result<String, ApiFailure> {
        let log: SubtaskLog = self
            .get_once(
                &format!("/api/v2/tasks/instances/{task}/subtasks/{subtask}/log"),
                &[],
            )
            .await?;
        Ok(log.log.unwrap_or_default())
    }

    /// T3. The reply's task is not needed: the page polls.
    pub async fn retry_task(&self, task: i64) -> Result<(), ApiFailure> {
        self.post::<(), TaskInstance>(&format!("/api/v2/tasks/instances/{task}/retry"), None)
            .await
            .map(|_| ())
    }

    /// T4. OCP answers with no data or with the task; both are fine.
    pub async fn rollback_task(&self, task: i64) -> Result<(), ApiFailure> {
        self.post::<(), serde_json::Value>(
            &format!("/api/v2/tasks/instances/{task}/rollback"),
            None,
        )
        .await
        .map(|_| ())
    }

    pub async fn retry_subtask(&self, task: i64, subtask: i64) -> Result<(), ApiFailure> {
        self.post::<(), SubtaskInstance>(
            &format!("/api/v2/tasks/instances/{task}/subtasks/{subtask}/retry"),
            None,
        )
        .await
        .map(|_| ())
    }

    pub async fn skip_subtask(&self, task: i64, subtask: i64) -> Result<(), ApiFailure> {
        self.post::<(), serde_json::Value>(
            &format!("/api/v2/tasks/instances/{task}/subtasks/{subtask}/skip"),
            None,
        )
        .await
        .map(|_| ())
    }

    pub async fn cancel_subtask(&self, task: i64, subtask: i64) -> Result<(), ApiFailure> {
        self.post::<(), serde_json::Value>(
            &format!("/api/v2/tasks/instances/{task}/subtasks/{subtask}/cancel"),
            None,
        )
        .await
        .map(|_| ())
    }

    /// One page of tasks, filtered by OCP as far as it can (`ListFilter::ocp_query`: the
    /// browser's own filters are not sent); its reply sets OCP's clock ([`Api::server_ms`]), by
    /// which the list's ages and running durations are judged.
    pub async fn list_tasks(
        &self,
        filter: &ListFilter,
        page: u32,
        size: u32,
    ) -> Result<Paged<TaskInstance>, ApiFailure> {
        let mut q = vec![("page", page.to_string()), ("size", size.to_string())];
        q.extend(filter.ocp_query());
        self.get("/api/v2/tasks/instances", &q).await
    }

    /// What earlier successful runs of tasks named `name` took, step by step
    /// (`console_core::task::eta::History`): the newest ones from the task list, each read in full
    /// when the list leaves out its steps (one request at a time). A run whose detail cannot be
    /// read is left out; a list that cannot be read is a failure. `except` is left out too (a
    /// report compares a run with the others, not with itself).
    pub async fn learn_history(
        &self,
        name: String,
        except: Option<i64>,
    ) -> Result<History, ApiFailure> {
        let filter = ListFilter {
            name: Some(name.clone()),
            statuses: vec![TaskStatus::Successful.as_wire().to_string()],
            ..ListFilter::default()
        };
        let list = self.list_tasks(&filter, 1, HISTORY_RUNS as u32).await?;
        let mut runs = Vec::new();
        for t in list.contents {
            // The list's match is fuzzy: only the same name counts.
            if t.name.as_deref() != Some(name.as_str())
                || (t.id.is_some() && t.id.map(|i| i.0) == except)
            {
                continue;
            }
            if !t.subtasks().is_empty() {
                runs.push(t);
            } else if let Some(id) = t.id {
                if let Ok(full) = self.get_task(id.0).await {
                    runs.push(full);
                }
            }
        }
        Ok(History::learn(
            &name,
            runs.iter(),
            crate::config::ocp_zone(),
        ))
    }
}
