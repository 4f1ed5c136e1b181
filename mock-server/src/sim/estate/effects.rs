//! What a launch changes once its task finishes successfully: a failed-over standby becomes
//! primary and its old primary unusable; a switchover swaps the roles.

use super::Estate;
use crate::sim::templates::TaskKind;
use console_core::wire::{ClusterStatus, ClusterType, TenantRole, TenantStatus};

impl Estate {
    pub(super) fn apply_effect(
        &mut self,
        kind: TaskKind,
        cluster_id: i64,
        tenant_id: Option<i64>,
        service: Option<String>,
    ) {
        match (kind, tenant_id) {
            (TaskKind::TenantFailover, Some(t)) => {
                let Some(idx) = self.tenants.iter().position(|x| x.id == t) else {
                    return;
                };
                let old_primary = self.tenants[idx].primary_tenant;
                let inherited = old_primary
                    .and_then(|p| self.tenant_by_id(p))
                    .and_then(|p| p.service_name.clone());
                let promoted = &mut self.tenants[idx];
                promoted.role = TenantRole::Primary;
                promoted.primary_tenant = None;
                promoted.primary_reachable = false;
                promoted.lag_secs = None;
                promoted.service_name = service.or(inherited);
                // The abandoned primary is no longer usable.
                if let Some(p) =
                    old_primary.and_then(|p| self.tenants.iter_mut().find(|x| x.id == p))
                {
                    p.status = TenantStatus::Unavailable;
                }
            }
            (TaskKind::TenantSwitchover, Some(t)) => {
                let Some(idx) = self.tenants.iter().position(|x| x.id == t) else {
                    return;
                };
                let Some(p) = self.tenants[idx].primary_tenant else {
                    return;
                };
                let Some(pidx) = self.tenants.iter().position(|x| x.id == p) else {
                    return;
                };
                let service = self.tenants[pidx].service_name.take();
                let promoted = &mut self.tenants[idx];
                promoted.role = TenantRole::Primary;
                promoted.primary_tenant = None;
                promoted.lag_secs = None;
                promoted.service_name = service;
                let demoted = &mut self.tenants[pidx];
                demoted.role = TenantRole::Standby;
                demoted.primary_tenant = Some(t);
                demoted.primary_reachable = true;
                demoted.lag_secs = Some(0);
            }
            (TaskKind::ClusterFailover, _) => {
                let old = self
                    .clusters
                    .iter()
                    .find(|c| c.id == cluster_id)
                    .and_then(|c| c.primary);
                if let Some(c) = self.clusters.iter_mut().find(|c| c.id == cluster_id) {
                    c.cluster_type = ClusterType::Primary;
                    c.primary = None;
                    c.primary_reachable = false;
                }
                if let Some(o) = old.and_then(|o| self.clusters.iter_mut().find(|c| c.id == o)) {
                    o.status = ClusterStatus::Unavailable;
                }
            }
            (TaskKind::ClusterSwitchover, _) => {
                let old = self
                    .clusters
                    .iter()
                    .find(|c| c.id == cluster_id)
                    .and_then(|c| c.primary);
                let Some(old) = old else { return };
                if let Some(c) = self.clusters.iter_mut().find(|c| c.id == cluster_id) {
                    c.cluster_type = ClusterType::Primary;
                    c.primary = None;
                }
                if let Some(o) = self.clusters.iter_mut().find(|c| c.id == old) {
                    o.cluster_type = ClusterType::Standby;
                    o.primary = Some(cluster_id);
                    o.primary_reachable = true;
                }
            }
            _ => {}
        }
    }
}
