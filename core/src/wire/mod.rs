//! OCP REST API v2 payloads (`data` of the envelope). Field names are OCP's; every field is
//! optional with a default so that a newer or older OCP never breaks parsing, and `None` is
//! omitted when writing, as OCP does.

#[macro_use]
pub mod lenient;
#[macro_use]
pub mod enums;
pub mod envelope;
pub mod failure;
pub mod long;

pub mod cluster;
pub mod codes;
pub mod precheck;
pub mod task;
pub mod tenant;

pub use cluster::{Cluster, ClusterRef, ClusterStatus, ClusterType, Zone};
pub use precheck::{
    BatchFailoverBody, ClusterPreCheck, ClusterPreCheckResult, FailoverBody, FailoverTenantItem,
    PreCheckResult, SwitchoverBody, SwitchoverPreCheckResult, TenantPreCheck,
};
pub use task::{
    Creator, NodeType, SubtaskInstance, SubtaskLog, SubtaskOperation, SubtaskStatus, TaskInstance,
    TaskOperation, TaskStatus, TaskType,
};
pub use tenant::{Tenant, TenantMode, TenantRole, TenantStatus};
