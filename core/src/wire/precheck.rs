//! Disaster-recovery prechecks and launch bodies (docs/ocp-api.md §7).

use crate::wire::lenient::{Read, Unreadable};
use crate::{ErrorCode, Long};
use serde::{Deserialize, Serialize};
use serde_json::Value;

ocp_struct! {
    /// `ObTenantPreCheckResult`: data of the tenant failover precheck (D1), one item of the
    /// batch precheck (D2).
    pub struct TenantPreCheck {
        check_results: Vec<PreCheckResult> = "checkResults",
        cluster_id: Long = "clusterId",
        cluster_name: String = "clusterName",
        name: String = "name",
        primary_tenant_service_name: String = "primaryTenantServiceName",
        sync_scn: Long = "syncScn",
        tenant_id: Long = "tenantId",
        valid: bool = "valid",
    }
}

ocp_struct! {
    /// One check outcome: `warning: false` blocks the failover, `true` does not.
    pub struct PreCheckResult {
        error_code: ErrorCode = "errorCode",
        error_message: String = "errorMessage",
        warning: bool = "warning",
    }
}

impl PreCheckResult {
    /// A missing or unreadable `warning` flag is treated as blocking: the safe reading.
    pub fn is_blocking(&self) -> bool {
        !self.warning.unwrap_or(false)
    }
}

ocp_struct! {
    /// `SwitchoverPreCheckResult` (D5). Whether `standbyCheckResults` is one object or a list
    /// is undocumented (docs/ocp-api.md §7.1); both are read.
    pub struct SwitchoverPreCheckResult {
        cluster_id: Long = "clusterId",
        cluster_name: String = "clusterName",
        name: String = "name",
        standby_check_results: OneOrMany<TenantPreCheck> = "standbyCheckResults",
        tenant_id: Long = "tenantId",
        valid: bool = "valid",
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
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

impl<T: Read> Read for OneOrMany<T> {
    fn read(v: &Value, at: &str, bad: &mut Unreadable) -> Option<Self> {
        match v {
            Value::Array(_) => Vec::<T>::read(v, at, bad).map(OneOrMany::Many),
            _ => T::read(v, at, bad).map(OneOrMany::One),
        }
    }
}

ocp_struct! {
    /// Cluster-level precheck data (D7, D8): `{clusterId?, clusterName?, result{valid, messages}}`.
    pub struct ClusterPreCheck {
        cluster_id: Long = "clusterId",
        cluster_name: String = "clusterName",
        result: ClusterPreCheckResult = "result",
    }
}

ocp_struct! {
    pub struct ClusterPreCheckResult {
        messages: Vec<String> = "messages",
        valid: bool = "valid",
    }
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
