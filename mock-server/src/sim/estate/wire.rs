//! The estate's records as OCP's wire types: clusters, tenants (with their sync SCN) and the task
//! detail view (`WrappedTaskInstance`).

use super::regions::zones;
use super::{ClusterRec, Estate, TenantRec};
use crate::sim::engine::TaskRec;
use crate::sim::refusal::Refusal;
use console_core::wire::task::TenantRef;
use console_core::wire::Cluster;
use console_core::wire::{ClusterRef, Creator, TaskInstance, Tenant, TenantRole};
use console_core::Long;

const CREATE_TIME: &str = "2024-03-18T10:12:45.120+08:00";

impl Estate {
    pub(crate) fn cluster_json(&self, c: &ClusterRec) -> Cluster {
        let tenant_count = self.tenants.iter().filter(|t| t.cluster_id == c.id).count();
        let standbys: Vec<ClusterRef> = self
            .clusters
            .iter()
            .filter(|s| s.primary == Some(c.id))
            .map(cluster_ref)
            .collect();
        Cluster {
            create_time: Some(CREATE_TIME.into()),
            id: Some(Long(c.id)),
            name: Some(c.name.clone()),
            ob_cluster_id: Some(Long(c.ob_cluster_id)),
            ob_version: Some(c.ob_version.clone()),
            primary_cluster: c
                .primary
                .and_then(|p| self.clusters.iter().find(|x| x.id == p))
                .map(cluster_ref),
            server_count: Some(Long(c.server_count)),
            standby_clusters: (!standbys.is_empty()).then_some(standbys),
            region_count: (!c.regions.is_empty()).then_some(Long(c.regions.len() as i64)),
            status: Some(c.status.clone()),
            tenant_count: Some(Long(tenant_count as i64)),
            cluster_type: Some(c.cluster_type.clone()),
            zones: (!c.regions.is_empty()).then(|| zones(&c.regions)),
            unreadable: Default::default(),
        }
    }

    pub(crate) fn tenant_json(&self, t: &TenantRec, now_ns: i64) -> Tenant {
        let cluster = self.clusters.iter().find(|c| c.id == t.cluster_id);
        let primary = t.primary_tenant.and_then(|p| self.tenant_by_id(p));
        Tenant {
            cluster_id: Some(Long(t.cluster_id)),
            cluster_name: cluster.map(|c| c.name.clone()),
            cluster_type: cluster.map(|c| c.cluster_type.clone()),
            create_time: Some(CREATE_TIME.into()),
            id: Some(Long(t.id)),
            locked: Some(false),
            mode: Some(t.mode.clone()),
            name: Some(t.name.clone()),
            ob_tenant_id: Some(Long(1000 + t.id % 1000)),
            primary_tenant_cluster_id: primary.map(|p| Long(p.cluster_id)),
            primary_tenant_id: primary.map(|p| Long(p.id)),
            primary_tenant_name: primary.map(|p| p.name.clone()),
            primary_zone: Some("zone1;zone2;zone3".into()),
            service_name: match t.role {
                TenantRole::Standby => primary.and_then(|p| p.service_name.clone()),
                _ => t.service_name.clone(),
            },
            status: Some(t.status.clone()),
            sync_scn: self.sync_scn(t, now_ns),
            tenant_role: Some(t.role.clone()),
            unreadable: Default::default(),
        }
    }

    pub(super) fn sync_scn(&self, t: &TenantRec, now_ns: i64) -> Option<Long> {
        match t.role {
            TenantRole::Standby => t.lag_secs.map(|lag| Long(now_ns - lag * 1_000_000_000)),
            _ => None,
        }
    }

    /// What the detail view adds to a stored task: its cluster and tenant as they are now (a
    /// renamed tenant shows on the next poll). Cheap next to the view itself, so a cached
    /// rendering of the view can be checked against it.
    pub(crate) fn task_refs(&self, rec: &TaskRec) -> TaskRefs {
        TaskRefs {
            cluster: self.cluster(rec.cluster_id).ok().map(cluster_ref),
            tenant: rec
                .tenant_id
                .and_then(|tid| self.tenants.iter().find(|x| x.id == tid))
                .map(|tn| TenantRef {
                    id: Some(tn.id.into()),
                    name: Some(tn.name.clone()),
                    ..Default::default()
                }),
        }
    }

    /// The detail view OCP returns: `creator` an object, `cluster` and `tenant` filled in.
    pub(crate) fn task_view(&self, rec: &TaskRec) -> TaskInstance {
        task_view_with(rec, self.task_refs(rec))
    }

    /// Task `id` in the detail view.
    pub(crate) fn task_json(&self, id: i64) -> Result<TaskInstance, Refusal> {
        let rec = self
            .tasks
            .get(&id)
            .ok_or_else(|| Refusal::task_not_found(id))?;
        Ok(self.task_view(rec))
    }
}

fn cluster_ref(c: &ClusterRec) -> ClusterRef {
    ClusterRef {
        id: Some(Long(c.id)),
        name: Some(c.name.clone()),
        ob_cluster_id: Some(Long(c.ob_cluster_id)),
        cluster_type: Some(c.cluster_type.clone()),
        unreadable: Default::default(),
    }
}

/// See [`Estate::task_refs`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TaskRefs {
    pub(crate) cluster: Option<ClusterRef>,
    pub(crate) tenant: Option<TenantRef>,
}

/// `rec`'s detail view with `refs` filled in (each kept from the stored task when absent).
pub(crate) fn task_view_with(rec: &TaskRec, refs: TaskRefs) -> TaskInstance {
    let mut t = rec.task.clone();
    if let Some(Creator::Name(name)) = t.creator.take() {
        t.creator = Some(Creator::Object {
            id: None,
            name: Some(name),
        });
    }
    if let Some(c) = refs.cluster {
        t.cluster = Some(c);
    }
    if let Some(tn) = refs.tenant {
        t.tenant = Some(tn);
    }
    t
}
