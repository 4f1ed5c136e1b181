//! Tasks (ocp-api.md §4-5). One type covers `TaskInstance` (what launches return, `creator` a
//! string) and `WrappedTaskInstance` (task detail, `creator` an object, `cluster`/`tenant`).

use crate::Long;
use serde::{Deserialize, Serialize};

ocp_enum!(TaskStatus { Running => "RUNNING", Failed => "FAILED", Successful => "SUCCESSFUL" });

ocp_enum!(
    SubtaskStatus {
        Pending => "PENDING", Ready => "READY", Running => "RUNNING",
        Canceling => "CANCELING", Failed => "FAILED", Successful => "SUCCESSFUL",
    }
);

ocp_enum!(
    TaskOperation { Execute => "EXECUTE", Retry => "RETRY", Rollback => "ROLLBACK", Skip => "SKIP", Cancel => "CANCEL" }
);

ocp_enum!(
    SubtaskOperation {
        Execute => "EXECUTE", Retry => "RETRY", Rollback => "ROLLBACK", Skip => "SKIP",
        RollbackSkip => "ROLLBACK_SKIP", Cancel => "CANCEL",
    }
);

ocp_enum!(NodeType { JavaTask => "JAVA_TASK" });

ocp_enum!(
    /// OCP's docs spell SYS_ONCE as "SYS_ONECE"; both are accepted.
    TaskType {
        Manual => "MANUAL", Scheduled => "SCHEDULED", SysScheduled => "SYS_SCHEDULED",
        SysOnce => "SYS_ONCE", SysOnceDocSpelling => "SYS_ONECE",
    }
);

/// `creator`: a user name in `TaskInstance`, `{id?, name?}` in `WrappedTaskInstance`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Creator {
    Name(String),
    Object {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<Long>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
    },
}

impl Creator {
    pub fn name(&self) -> Option<&str> {
        match self {
            Creator::Name(n) => Some(n),
            Creator::Object { name, .. } => name.as_deref(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct TaskInstance {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<super::ClusterRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster_id: Option<Long>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creator: Option<Creator>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub executor: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finish_time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host_id: Option<Long>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Long>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operation: Option<TaskOperation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prohibit_rollback: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<TaskStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtasks: Option<Vec<SubtaskInstance>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task_definition_id: Option<Long>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Long>,
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub task_type: Option<TaskType>,
}

impl TaskInstance {
    pub fn subtasks(&self) -> &[SubtaskInstance] {
        self.subtasks.as_deref().unwrap_or(&[])
    }

    /// OCP computes progress client-side: successful subtasks of all (ocp-api.md §4.1).
    pub fn progress(&self) -> (usize, usize) {
        let all = self.subtasks();
        let done = all
            .iter()
            .filter(|s| s.status == Some(SubtaskStatus::Successful))
            .count();
        (done, all.len())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct SubtaskInstance {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub downstreams: Option<Vec<Long>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub executor: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finish_time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Long>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub node_type: Option<NodeType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operation: Option<SubtaskOperation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parallel_idx: Option<Long>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prohibit_rollback: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run_time: Option<Long>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series_id: Option<Long>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<SubtaskStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<Long>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upstreams: Option<Vec<Long>>,
}

/// Data of `GET .../subtasks/{id}/log`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct SubtaskLog {
    #[serde(default)]
    pub log: String,
}
