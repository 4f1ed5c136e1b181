//! The world the mock simulates: primary and standby clusters and tenants, the tasks launched
//! against them, the GFC, and the simulated clock they all run on. What lives where:
//! `seed` (the demo estate), `spec` (an estate a scenario describes), `regions` (a cluster's
//! regions and zones), `prechecks` (the rules that compute prechecks from the state, never
//! from fixed files), `tasks` (launches and operations on tasks), `effects` (what a finished
//! launch changes), `wire` (records as OCP's wire types), `drill` (one finished drill run
//! through the engine), `history` (the demo's year of drills), `drills` (a scenario's). May import the rest of `crate::sim`
//! (clock, engine, gfc, refusal, templates) and console-core; the engine and the GFC never
//! import it.
//!
//! Field names OCP does not document for tenants (`tenantRole`, `syncScn`, `primaryTenant*`,
//! `serviceName`) and every precheck error code other than OBE26107 are the mock's own
//! choices; docs/mock-api.md lists them as assumptions.

mod drill;
mod drills;
mod effects;
mod generate;
mod history;
mod prechecks;
mod regions;
mod seed;
mod spec;
mod tasks;
mod wire;

pub(crate) use drills::Drills;
pub(crate) use generate::Generate;
pub(crate) use spec::{ClusterSpec, SpecItem, TenantSpec};
pub(crate) use tasks::{DEFAULT_SYNTHETIC_WIDTH, MAX_SYNTHETIC_SUBTASKS, MAX_SYNTHETIC_WIDTH};
pub(crate) use wire::{task_view_with, TaskRefs};

use crate::sim::clock::Clock;
use crate::sim::engine::{TaskFault, TaskRec};
use crate::sim::gfc::Gfc;
use crate::sim::refusal::Refusal;
use crate::sim::templates::TaskKind;
use console_core::wire::{ClusterStatus, ClusterType, TenantMode, TenantRole, TenantStatus};
use std::collections::{BTreeMap, HashMap};

#[derive(Debug, Clone)]
pub(crate) struct ClusterRec {
    pub(crate) id: i64,
    pub(crate) name: String,
    pub(crate) ob_cluster_id: i64,
    pub(crate) cluster_type: ClusterType,
    pub(crate) status: ClusterStatus,
    pub(crate) ob_version: String,
    pub(crate) primary: Option<i64>,
    /// For a standby cluster: whether its primary cluster still answers.
    pub(crate) primary_reachable: bool,
    pub(crate) server_count: i64,
    /// The regions its zones are in, in order (empty: unknown, and the reply carries no zones).
    pub(crate) regions: Vec<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct TenantRec {
    pub(crate) id: i64,
    pub(crate) name: String,
    pub(crate) cluster_id: i64,
    pub(crate) role: TenantRole,
    pub(crate) status: TenantStatus,
    pub(crate) mode: TenantMode,
    /// Service name of a primary tenant.
    pub(crate) service_name: Option<String>,
    /// For a standby: its primary tenant.
    pub(crate) primary_tenant: Option<i64>,
    /// For a standby: whether its primary can still be connected (then failover is refused).
    pub(crate) primary_reachable: bool,
    /// For a standby: replication lag; `None` when the sync position is unknown.
    pub(crate) lag_secs: Option<i64>,
}

#[derive(Debug, Clone)]
pub(crate) struct Estate {
    pub(crate) clusters: Vec<ClusterRec>,
    pub(crate) tenants: Vec<TenantRec>,
    pub(crate) tasks: BTreeMap<i64, TaskRec>,
    pub(crate) clock: Clock,
    pub(crate) task_faults: Vec<TaskFault>,
    /// The component failover center (GFC), on the same simulated clock.
    pub(crate) gfc: Gfc,
    instances: HashMap<TaskKind, i64>,
}

impl Estate {
    pub(crate) fn cluster(&self, id: i64) -> Result<&ClusterRec, Refusal> {
        self.clusters
            .iter()
            .find(|c| c.id == id)
            .ok_or_else(|| Refusal::cluster_not_found(id))
    }

    pub(crate) fn tenant(&self, cluster_id: i64, id: i64) -> Result<&TenantRec, Refusal> {
        self.cluster(cluster_id)?;
        self.tenants
            .iter()
            .find(|t| t.id == id && t.cluster_id == cluster_id)
            .ok_or_else(|| Refusal::tenant_not_found(cluster_id, id))
    }

    fn tenant_by_id(&self, id: i64) -> Option<&TenantRec> {
        self.tenants.iter().find(|t| t.id == id)
    }

    /// The clock tick, the only place simulated time follows real time (the admin clock control
    /// steps it on command): syncs the clock with the real time that passed, then settles the
    /// world at the new instant. The http layer runs it once per request, before the handler.
    pub(crate) fn tick(&mut self) {
        self.clock.sync();
        self.settle();
    }

    /// Runs every task and the GFC up to the clock's current instant (the clock itself does not
    /// move) and applies the estate change of each launch that finished (a failed-over standby
    /// becomes primary, and so on).
    fn settle(&mut self) {
        let now = self.clock.now_ms();
        let mut finished = Vec::new();
        for rec in self.tasks.values_mut() {
            rec.advance(now, &self.clock, &mut self.task_faults);
            if rec.succeeded_forward() && !rec.effect_applied {
                rec.effect_applied = true;
                finished.push((
                    rec.kind,
                    rec.cluster_id,
                    rec.tenant_id,
                    rec.service_name.clone(),
                ));
            }
        }
        self.gfc.tick(&self.clock);
        for (kind, cluster, tenant, service) in finished {
            self.apply_effect(kind, cluster, tenant, service);
        }
    }

    /// The admin clock control: pause or resume, change the speed, or step forward. Whatever
    /// falls due up to the new instant runs, in order, before this returns.
    pub(crate) fn change_clock(
        &mut self,
        paused: Option<bool>,
        speed: Option<f64>,
        advance_seconds: Option<f64>,
    ) {
        if let Some(p) = paused {
            self.clock.set_paused(p);
        }
        if let Some(s) = speed {
            self.clock.set_speed(s);
        }
        if let Some(a) = advance_seconds {
            self.clock.advance(a);
        }
        self.settle();
    }
}
