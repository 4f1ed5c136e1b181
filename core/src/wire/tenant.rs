use crate::Long;
use serde::{Deserialize, Serialize};

ocp_enum!(
    /// The tenant's role. OCP's tenant API has no documented field for it (ocp-api.md §8-9):
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

/// A tenant of `GET /api/v2/ob/clusters/{id}/tenants`. Fields after `DBA_OB_TENANTS`
/// (`tenantRole`, `syncScn`, `primaryTenant*`) are the mock's names: assumptions, see docs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Tenant {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster_id: Option<Long>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster_type: Option<super::ClusterType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Long>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locked: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<TenantMode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ob_tenant_id: Option<Long>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_tenant_cluster_id: Option<Long>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_tenant_id: Option<Long>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_tenant_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_zone: Option<String>,
    /// Service name clients connect through (the primary's, for a standby).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<TenantStatus>,
    /// Standby replay position: an SCN, nanoseconds since the epoch in OB 4.x. Above 2^53 OCP
    /// writes it as a string.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sync_scn: Option<Long>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_role: Option<TenantRole>,
}
