use crate::Long;

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

ocp_struct! {
    /// A cluster of `GET /api/v2/ob/clusters` (ocp-api.md §8).
    pub struct Cluster {
        create_time: String = "createTime",
        id: Long = "id",
        name: String = "name",
        ob_cluster_id: Long = "obClusterId",
        ob_version: String = "obVersion",
        /// The primary of a standby cluster (mock field name; an assumption, ocp-api.md §9).
        primary_cluster: ClusterRef = "primaryCluster",
        server_count: Long = "serverCount",
        standby_clusters: Vec<ClusterRef> = "standbyClusters",
        status: ClusterStatus = "status",
        tenant_count: Long = "tenantCount",
        cluster_type: ClusterType = "type",
    }
}

ocp_struct! {
    pub struct ClusterRef {
        id: Long = "id",
        name: String = "name",
        ob_cluster_id: Long = "obClusterId",
        cluster_type: ClusterType = "type",
    }
}
