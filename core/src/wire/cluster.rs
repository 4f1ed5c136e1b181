use crate::Long;
use serde::{Deserialize, Serialize};

ocp_enum!(
    /// `type` of a cluster: its role in a primary/standby pair.
    ClusterType { Primary => "PRIMARY", Standby => "STANDBY" }
);

ocp_enum!(
    /// ocp-api.md §5, the full list from OCP Express typings.
    ClusterStatus {
        Running => "RUNNING", Unavailable => "UNAVAILABLE", Stopped => "STOPPED",
        Creating => "CREATING", TakingOver => "TAKINGOVER", Deleting => "DELETING",
        MovingOut => "MOVINGOUT", Restarting => "RESTARTING", Starting => "STARTING",
        Stopping => "STOPPING", Switchover => "SWITCHOVER", Failover => "FAILOVER",
        Upgrading => "UPGRADING", Operating => "OPERATING", Abandoned => "ABANDONED",
        Disconnecting => "DISCONNECTING", StartingInReadOnly => "STARTING_IN_READ_ONLY",
    }
);

/// A cluster of `GET /api/v2/ob/clusters` (ocp-api.md §8).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Cluster {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Long>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ob_cluster_id: Option<Long>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ob_version: Option<String>,
    /// The primary of a standby cluster (mock field name; an assumption, ocp-api.md §9).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_cluster: Option<ClusterRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_count: Option<Long>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standby_clusters: Option<Vec<ClusterRef>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ClusterStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_count: Option<Long>,
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub cluster_type: Option<ClusterType>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct ClusterRef {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Long>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ob_cluster_id: Option<Long>,
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub cluster_type: Option<ClusterType>,
}
