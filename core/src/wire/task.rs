//! Tasks (docs/ocp-api.md §4-5). One type covers `TaskInstance` (what launches return, `creator` a
//! string) and `WrappedTaskInstance` (task detail, `creator` an object, `cluster`/`tenant`).

use crate::wire::lenient::{self, Read, Unreadable};
use crate::Long;
use serde::Serialize;
use serde_json::Value;

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

/// `creator`: a user name in `TaskInstance`, `{id?, name?}` in `WrappedTaskInstance`; other
/// installations send a bare user id or other name keys, all read.
#[derive(Debug, Clone, PartialEq, Serialize)]
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

    /// What to show: the name, else `#id`.
    pub fn label(&self) -> Option<String> {
        match self {
            Creator::Name(n) => Some(n.clone()),
            Creator::Object { name: Some(n), .. } => Some(n.clone()),
            Creator::Object { id: Some(id), .. } => Some(format!("#{id}")),
            Creator::Object { .. } => None,
        }
    }
}

impl Read for Creator {
    fn read(v: &Value, at: &str, bad: &mut Unreadable) -> Option<Self> {
        match v {
            Value::String(s) => Some(Creator::Name(s.clone())),
            Value::Number(_) => Some(Creator::Object {
                id: Long::read(v, at, bad),
                name: None,
            }),
            Value::Object(map) => {
                let mut own = Unreadable::default();
                let name = ["name", "username", "userName", "loginName", "nickname"]
                    .iter()
                    .find_map(|k| lenient::field::<String>(map, k, &mut own));
                let id = lenient::field::<Long>(map, "id", &mut own);
                if id.is_none() && name.is_none() {
                    bad.push(at.to_string(), v.clone());
                    return None;
                }
                Some(Creator::Object { id, name })
            }
            _ => {
                if !v.is_null() {
                    bad.push(at.to_string(), v.clone());
                }
                None
            }
        }
    }
}

ocp_struct! {
    /// One type covers `TaskInstance` and `WrappedTaskInstance`.
    pub struct TaskInstance {
        cluster: super::ClusterRef = "cluster",
        cluster_id: Long = "clusterId",
        create_time: String = "createTime",
        creator: Creator = "creator",
        executor: String = "executor",
        finish_time: String = "finishTime",
        host_id: Long = "hostId",
        id: Long = "id",
        name: String = "name",
        operation: TaskOperation = "operation",
        prohibit_rollback: bool = "prohibitRollback",
        start_time: String = "startTime",
        status: TaskStatus = "status",
        subtasks: Vec<SubtaskInstance> = "subtasks",
        task_definition_id: Long = "taskDefinitionId",
        tenant: TenantRef = "tenant",
        tenant_id: Long = "tenantId",
        task_type: TaskType = "type",
    }
}

/// The id of an object some OCP versions send where an id is expected (`"clusterId": {"id": 6}`).
fn id_in(raw: Option<&Value>) -> Option<Long> {
    let mut scratch = Unreadable::default();
    raw.and_then(Value::as_object)
        .and_then(|m| lenient::field::<Long>(m, "id", &mut scratch))
}

impl TaskInstance {
    pub fn subtasks(&self) -> &[SubtaskInstance] {
        self.subtasks.as_deref().unwrap_or(&[])
    }

    /// The task's cluster: `clusterId`, else `cluster.id`, else an object sent as `clusterId`.
    pub fn cluster_id(&self) -> Option<Long> {
        self.cluster_id
            .or_else(|| self.cluster.as_ref().and_then(|c| c.id))
            .or_else(|| id_in(self.unreadable.get("/clusterId")))
    }

    /// The task's tenant, read the same way as its cluster.
    pub fn tenant_id(&self) -> Option<Long> {
        self.tenant_id
            .or_else(|| self.tenant.as_ref().and_then(|t| t.id))
            .or_else(|| id_in(self.unreadable.get("/tenantId")))
    }

    /// OCP computes progress client-side: successful subtasks of all (docs/ocp-api.md §4.1).
    pub fn progress(&self) -> (usize, usize) {
        let all = self.subtasks();
        let done = all
            .iter()
            .filter(|s| s.status == Some(SubtaskStatus::Successful))
            .count();
        (done, all.len())
    }
}

ocp_struct! {
    /// `tenant` of a task's detail view.
    pub struct TenantRef {
        id: Long = "id",
        name: String = "name",
    }
}

ocp_struct! {
    pub struct SubtaskInstance {
        class_name: String = "className",
        create_time: String = "createTime",
        description: String = "description",
        downstreams: Vec<Long> = "downstreams",
        executor: String = "executor",
        finish_time: String = "finishTime",
        id: Long = "id",
        name: String = "name",
        node_type: NodeType = "nodeType",
        operation: SubtaskOperation = "operation",
        parallel_idx: Long = "parallelIdx",
        prohibit_rollback: bool = "prohibitRollback",
        run_time: Long = "runTime",
        series_id: Long = "seriesId",
        start_time: String = "startTime",
        status: SubtaskStatus = "status",
        timeout: Long = "timeout",
        upstreams: Vec<Long> = "upstreams",
    }
}

ocp_struct! {
    /// Data of `GET .../subtasks/{id}/log`; `"log": null` is an empty log.
    pub struct SubtaskLog {
        log: String = "log",
    }
}
