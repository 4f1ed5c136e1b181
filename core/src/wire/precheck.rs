//! Disaster-recovery prechecks and launch bodies (ocp-api.md §7).

use crate::{ErrorCode, Long};
use serde::{Deserialize, Serialize};

/// `ObTenantPreCheckResult`: data of the tenant failover precheck (D1), one item of the batch
/// precheck (D2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct TenantPreCheck {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check_results: Option<Vec<PreCheckResult>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster_id: Option<Long>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_tenant_service_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sync_scn: Option<Long>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Long>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid: Option<bool>,
}

/// One check outcome: `warning: false` blocks the failover, `true` does not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct PreCheckResult {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_code: Option<ErrorCode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warning: Option<bool>,
}

impl PreCheckResult {
    /// A missing `warning` flag is treated as blocking: the safe reading.
    pub fn is_blocking(&self) -> bool {
        !self.warning.unwrap_or(false)
    }
}

/// `SwitchoverPreCheckResult` (D5). Whether `standbyCheckResults` is one object or a list is
/// undocumented (ocp-api.md §7.1); both parse.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct SwitchoverPreCheckResult {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster_id: Option<Long>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standby_check_results: Option<OneOrMany<TenantPreCheck>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Long>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany<T> {
    One(T),
    Many(Vec<T>),
}

impl<T> OneOrMany<T> {
    pub fn as_slice(&self) -> &[T] {
        match self {
            OneOrMany::One(t) => std::slice::from_ref(t),
            OneOrMany::Many(v) => v,
        }
    }
}

/// Cluster-level precheck data (D7, D8): `{clusterId?, clusterName?, result{valid, messages}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct ClusterPreCheck {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster_id: Option<Long>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<ClusterPreCheckResult>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct ClusterPreCheckResult {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub messages: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid: Option<bool>,
}

/// Body of the tenant failover (D3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct FailoverBody {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_name: Option<String>,
}

/// Body of the batch failover (D4).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct BatchFailoverBody {
    pub failover_tenant_item_list: Vec<FailoverTenantItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FailoverTenantItem {
    pub tenant_id: Long,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_name: Option<String>,
}

/// Body of the tenant switchover precheck and launch (D5, D6).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct SwitchoverBody {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standby_tenant_id: Option<Long>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<Long>,
}
