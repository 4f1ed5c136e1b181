use crate::Long;

ocp_enum!(
    /// `type` of a cluster: its role in a primary/standby pair.
    ClusterType { Primary => "PRIMARY", Standby => "STANDBY" }
);

ocp_enum!(
    /// docs/ocp-api.md §5, the full list from OCP Express typings.
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
    /// A cluster of `GET /api/v2/ob/clusters` (docs/ocp-api.md §8).
    pub struct Cluster {
        create_time: String = "createTime",
        id: Long = "id",
        name: String = "name",
        ob_cluster_id: Long = "obClusterId",
        ob_version: String = "obVersion",
        /// The primary of a standby cluster (mock field name; an assumption, docs/ocp-api.md §9).
        primary_cluster: ClusterRef = "primaryCluster",
        /// How many regions the cluster's zones span (obdiag's field list, docs/ocp-api.md §8).
        region_count: Long = "regionCount",
        server_count: Long = "serverCount",
        standby_clusters: Vec<ClusterRef> = "standbyClusters",
        status: ClusterStatus = "status",
        tenant_count: Long = "tenantCount",
        cluster_type: ClusterType = "type",
        /// The cluster's zones; their shape is undocumented (an assumption, docs/mock-api.md).
        zones: Vec<Zone> = "zones",
    }
}

ocp_struct! {
    /// One zone of a cluster: `{"name": "zone1", "regionName": "cn-hangzhou"}` (the shape is the
    /// mock's assumption; OCP documents only that a cluster has `zones`).
    pub struct Zone {
        name: String = "name",
        region_name: String = "regionName",
    }
}

impl Cluster {
    /// The regions the cluster's zones are in: distinct, in the zones' order, blanks skipped.
    /// Empty when OCP sent no readable region (the page then says nothing rather than guess).
    pub fn region_names(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for z in self.zones.iter().flatten() {
            if let Some(r) = z.region_name.as_deref().map(str::trim) {
                if !r.is_empty() && !out.iter().any(|o| o == r) {
                    out.push(r.to_string());
                }
            }
        }
        out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_names_are_distinct_in_order_and_an_odd_zone_costs_only_itself() {
        let c: Cluster = serde_json::from_str(
            r#"{"id": 1, "regionCount": 2, "zones": [
                {"name": "zone1", "regionName": "cn-hangzhou"},
                "zone2",
                null,
                {"name": "zone3", "regionName": {"id": 7}},
                {"name": "zone4", "regionName": " "},
                {"name": "zone5", "regionName": "cn-shanghai"},
                {"name": "zone6", "regionName": "cn-hangzhou"}]}"#,
        )
        .unwrap();
        assert_eq!(c.region_names(), vec!["cn-hangzhou", "cn-shanghai"]);
        assert_eq!(c.region_count, Some(Long(2)));
        // The string and the null are recorded where they stood, the rest of the list is kept.
        assert!(c.unreadable.get("/zones/1").is_some());
        assert!(c.unreadable.get("/zones/2").is_some());
        let zones = c.zones.as_deref().unwrap_or_default();
        assert_eq!(zones.len(), 5);
        assert!(zones[1].unreadable.get("/regionName").is_some());
    }

    #[test]
    fn no_zones_or_unreadable_zones_mean_no_region() {
        let c: Cluster = serde_json::from_str(r#"{"id": 1}"#).unwrap();
        assert!(c.region_names().is_empty());
        let c: Cluster = serde_json::from_str(r#"{"id": 1, "zones": "zone1"}"#).unwrap();
        assert!(c.region_names().is_empty());
        assert!(c.unreadable.get("/zones").is_some());
        assert_eq!(c.id, Some(Long(1)));
    }
}
