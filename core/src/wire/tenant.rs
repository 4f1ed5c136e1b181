use crate::Long;

ocp_enum!(
    /// The tenant's role. OCP's tenant API has no documented field for it (docs/ocp-api.md §8-9):
    /// `tenantRole` is the mock's chosen name, after `DBA_OB_TENANTS.TENANT_ROLE`.
    TenantRole { Primary => "PRIMARY", Standby => "STANDBY" }
);

ocp_enum!(
    TenantStatus {
        Normal => "NORMAL", Unavailable => "UNAVAILABLE", Creating => "CREATING",
        Modifying => "MODIFYING", Restoring => "RESTORING", Deleting => "DELETING",
    }
);

ocp_enum!(TenantMode { Mysql => "MYSQL", Oracle => "ORACLE" });

ocp_struct! {
    /// A tenant of `GET /api/v2/ob/clusters/{id}/tenants`. Fields after `DBA_OB_TENANTS`
    /// (`tenantRole`, `syncScn`, `primaryTenant*`) are the mock's names: assumptions, see docs.
    pub struct Tenant {
        cluster_id: Long = "clusterId",
        cluster_name: String = "clusterName",
        cluster_type: super::ClusterType = "clusterType",
        create_time: String = "createTime",
        id: Long = "id",
        locked: bool = "locked",
        mode: TenantMode = "mode",
        name: String = "name",
        ob_tenant_id: Long = "obTenantId",
        primary_tenant_cluster_id: Long = "primaryTenantClusterId",
        primary_tenant_id: Long = "primaryTenantId",
        primary_tenant_name: String = "primaryTenantName",
        primary_zone: String = "primaryZone",
        /// Service name clients connect through (the primary's, for a standby).
        service_name: String = "serviceName",
        status: TenantStatus = "status",
        /// Standby replay position: an SCN, nanoseconds since the epoch in OB 4.x. Above 2^53
        /// OCP writes it as a string.
        sync_scn: Long = "syncScn",
        tenant_role: TenantRole = "tenantRole",
    }
}
