//! Disaster-recovery calls (docs/ocp-api.md §7): prechecks (side-effect free, retried like reads)
//! and launches (writes: sent once, never retried).

use super::Api;
use console_core::precheck::verdict::Action;
use console_core::wire::{
    BatchFailoverBody, ClusterPreCheck, FailoverBody, FailoverTenantItem, SwitchoverBody,
    SwitchoverPreCheckResult, TaskInstance, TenantPreCheck,
};
use console_core::{ApiFailure, Long, Paged};

fn tenant_path(cluster: i64, tenant: i64, what: &str) -> String {
    format!("/api/v2/ob/clusters/{cluster}/tenants/{tenant}/{what}")
}

impl Api {
    pub async fn tenant_failover_precheck(
        &self,
        cluster: i64,
        tenant: i64,
    ) -> Result<TenantPreCheck, ApiFailure> {
        self.post_read::<(), _>(&tenant_path(cluster, tenant, "failoverPreCheck"), None)
            .await
    }

    pub async fn batch_failover_precheck(
        &self,
        cluster: i64,
    ) -> Result<Paged<TenantPreCheck>, ApiFailure> {
        self.post_read::<(), _>(
            &format!("/api/v2/ob/clusters/{cluster}/tenants/failoverPreCheck"),
            None,
        )
        .await
    }

    /// The readiness board's prechecks: sent once each, paced by the board (`precheck::pass`),
    /// a failure with the reply's `Retry-After`.
    pub async fn paced_tenant_precheck(
        &self,
        cluster: i64,
        tenant: i64,
    ) -> Result<TenantPreCheck, (ApiFailure, Option<String>)> {
        self.post_read_paced(&tenant_path(cluster, tenant, "failoverPreCheck"))
            .await
    }

    pub async fn paced_batch_precheck(
        &self,
        cluster: i64,
    ) -> Result<Paged<TenantPreCheck>, (ApiFailure, Option<String>)> {
        self.post_read_paced(&format!(
            "/api/v2/ob/clusters/{cluster}/tenants/failoverPreCheck"
        ))
        .await
    }

    pub async fn paced_cluster_precheck(
        &self,
        cluster: i64,
    ) -> Result<ClusterPreCheck, (ApiFailure, Option<String>)> {
        self.post_read_paced(&format!("/api/v2/ob/clusters/{cluster}/failoverPreCheck"))
            .await
    }

    /// `standby` is the tenant being promoted; `primary` its current primary, when known.
    pub async fn tenant_switchover_precheck(
        &self,
        cluster: i64,
        standby: i64,
        primary: Option<i64>,
    ) -> Result<SwitchoverPreCheckResult, ApiFailure> {
        let body = SwitchoverBody {
            tenant_id: primary.map(Long),
            standby_tenant_id: Some(Long(standby)),
        };
        self.post_read(
            &tenant_path(cluster, standby, "switchoverPreCheck"),
            Some(&body),
        )
        .await
    }

    pub async fn cluster_precheck(
        &self,
        cluster: i64,
        action: Action,
    ) -> Result<ClusterPreCheck, ApiFailure> {
        let what = match action {
            Action::Failover => "failoverPreCheck",
            Action::Switchover => "switchoverPreCheck",
        };
        self.post_read::<(), _>(&format!("/api/v2/ob/clusters/{cluster}/{what}"), None)
            .await
    }

    pub async fn tenant_failover(
        &self,
        cluster: i64,
        tenant: i64,
        service_name: Option<String>,
    ) -> Result<TaskInstance, ApiFailure> {
        let body = FailoverBody { service_name };
        self.write(&tenant_path(cluster, tenant, "failover"), Some(&body))
            .await
    }

    pub async fn tenant_switchover(
        &self,
        cluster: i64,
        standby: i64,
        primary: Option<i64>,
    ) -> Result<TaskInstance, ApiFailure> {
        let body = SwitchoverBody {
            tenant_id: primary.map(Long),
            standby_tenant_id: Some(Long(standby)),
        };
        self.write(&tenant_path(cluster, standby, "switchover"), Some(&body))
            .await
    }

    pub async fn batch_failover(
        &self,
        cluster: i64,
        tenants: Vec<i64>,
    ) -> Result<Vec<TaskInstance>, ApiFailure> {
        let body = BatchFailoverBody {
            failover_tenant_item_list: tenants
                .into_iter()
                .map(|t| FailoverTenantItem {
                    tenant_id: Long(t),
                    service_name: None,
                })
                .collect(),
        };
        let page: Paged<TaskInstance> = self
            .write(
                &format!("/api/v2/ob/clusters/{cluster}/tenants/failover"),
                Some(&body),
            )
            .await?;
        Ok(page.contents)
    }

    pub async fn cluster_launch(
        &self,
        cluster: i64,
        action: Action,
    ) -> Result<TaskInstance, ApiFailure> {
        let what = match action {
            Action::Failover => "failover",
            Action::Switchover => "switchover",
        };
        self.write::<(), _>(&format!("/api/v2/ob/clusters/{cluster}/{what}"), None)
            .await
    }
}
