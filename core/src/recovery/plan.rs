//! A recovery plan proposed for what failed (a region, or a set of primary clusters), from what
//! the readiness board knows: one item per affected primary that has a standby (a primary
//! cluster with a standby cluster: a cluster failover; a primary tenant with standby tenants: a
//! tenant failover), each with its target (the board's recommendation: the least lagging
//! standby whose last failover precheck passed and whose lag keeps its RPO objective; else no
//! safe target, with each candidate's reason), the RPO that target implies, and the time earlier
//! drills of that kind took. Groups run one after another: standby clusters first, then the
//! tenant failovers, most critical first (the tightest RTO objective, then RPO, then name).
//! The operator may reorder groups and move items between them.

use crate::drill::ledger::{Drill, DrillKind, Outcome};
use crate::precheck::board::{Kind, Row};
use crate::precheck::objectives::{find, Objective, RpoCheck};
use crate::precheck::readiness::{cluster_key, Kept};
use crate::wire::{Cluster, ClusterType};

/// What failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Every primary cluster with a zone in this region.
    Region(String),
    /// These primary clusters, by id.
    Clusters(Vec<i64>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemKind {
    ClusterFailover,
    TenantFailover,
}

impl ItemKind {
    fn drill_kind(self) -> DrillKind {
        match self {
            ItemKind::ClusterFailover => DrillKind::ClusterFailover,
            ItemKind::TenantFailover => DrillKind::TenantFailover,
        }
    }
}

/// Why one standby is not a safe target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unsafe {
    NeverPrechecked,
    LastBlocked,
    LastNoVerdict,
    RpoExceeded { rpo_secs: i64, lag_secs: i64 },
    LagUnknownWithObjective { rpo_secs: i64 },
}

/// The standby a plan item fails over to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// Its precheck-history key, as on the board.
    pub key: String,
    pub name: String,
    pub cluster_id: i64,
    pub cluster_name: String,
    pub tenant_id: Option<i64>,
    pub lag_secs: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The primary's key (unique in a plan).
    pub id: String,
    pub kind: ItemKind,
    pub primary_name: String,
    pub primary_cluster: String,
    pub target: Option<Target>,
    /// With no target: each standby considered and why it is not safe.
    pub unsafe_standbys: Vec<(String, Unsafe)>,
    /// The time earlier drills of this kind took (median of those that succeeded: this
    /// target's own when there are any, else every target's); `None`: no drill to go by.
    pub expected_ms: Option<i64>,
    pub rto_objective_secs: Option<i64>,
    pub rpo_objective_secs: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub scope: Scope,
    pub items: Vec<Item>,
    /// Item indices per group, in run order.
    pub groups: Vec<Vec<usize>>,
}

/// Whether a primary cluster is in `scope`.
fn in_scope(c: &Cluster, scope: &Scope) -> bool {
    let standby = c.cluster_type == Some(ClusterType::Standby) || c.primary_cluster.is_some();
    if standby {
        return false;
    }
    match scope {
        Scope::Region(r) => c.region_names().iter().any(|n| n == r),
        Scope::Clusters(ids) => c.id.is_some_and(|i| ids.contains(&i.0)),
    }
}

fn unsafe_reason(r: &Row) -> Option<Unsafe> {
    match r.last.as_ref().map(|l| l.verdict) {
        None => return Some(Unsafe::NeverPrechecked),
        Some(Kept::Blocked) => return Some(Unsafe::LastBlocked),
        Some(Kept::NoVerdict) => return Some(Unsafe::LastNoVerdict),
        Some(Kept::Pass) => {}
    }
    match r.rpo() {
        Some(RpoCheck::Exceeded { rpo_secs, lag_secs }) => {
            Some(Unsafe::RpoExceeded { rpo_secs, lag_secs })
        }
        Some(RpoCheck::Unknown { rpo_secs }) => Some(Unsafe::LagUnknownWithObjective { rpo_secs }),
        _ => None,
    }
}

fn median(mut v: Vec<i64>) -> Option<i64> {
    if v.is_empty() {
        return None;
    }
    v.sort_unstable();
    let m = v.len() / 2;
    Some(if v.len() % 2 == 1 {
        v[m]
    } else {
        (v[m - 1] + v[m]) / 2
    })
}

/// The expected time of a launch of `kind` on `target`, from `drills`.
fn expected(drills: &[Drill], kind: ItemKind, target: Option<&Target>) -> Option<i64> {
    let of_kind = |d: &&Drill| d.kind == kind.drill_kind() && d.outcome == Outcome::Succeeded;
    let own: Vec<i64> = drills
        .iter()
        .filter(of_kind)
        .filter(|d| {
            target.is_some_and(|t| match t.tenant_id {
                Some(_) => d.tenant.as_deref() == Some(t.name.as_str()),
                None => d.tenant.is_none() && d.cluster == t.cluster_name,
            })
        })
        .filter_map(|d| d.rto_ms)
        .collect();
    median(own).or_else(|| {
        median(
            drills
                .iter()
                .filter(of_kind)
                .filter_map(|d| d.rto_ms)
                .collect(),
        )
    })
}

/// The plan for `scope`: `clusters` as OCP lists them, `rows` the readiness board's (with its
/// recommendations and objectives), `drills` the ledger's.
pub fn propose(
    scope: Scope,
    clusters: &[Cluster],
    rows: &[Row],
    drills: &[Drill],
    objectives: &[Objective],
) -> Plan {
    let mut items: Vec<Item> = Vec::new();
    for c in clusters.iter().filter(|c| in_scope(c, &scope)) {
        let Some(cid) = c.id.map(|i| i.0) else {
            continue;
        };
        let cname = crate::name::name_or_id(c.name.as_deref(), cid);
        // The primaries of this cluster that have standbys: the cluster itself (its standby
        // clusters), and each of its tenants (their standby tenants), in the board's order.
        let tenant_prefix = format!("tenant:{cid}:");
        let mut primaries: Vec<(String, ItemKind)> = Vec::new();
        for r in rows {
            let Some(p) = r.standby.primary_key.as_deref() else {
                continue;
            };
            let kind = match r.standby.kind {
                Kind::Cluster if p == cluster_key(cid) => ItemKind::ClusterFailover,
                Kind::Tenant { .. } if p.starts_with(&tenant_prefix) => ItemKind::TenantFailover,
                _ => continue,
            };
            if !primaries.iter().any(|(k, _)| k == p) {
                primaries.push((p.to_string(), kind));
            }
        }
        for (pkey, kind) in primaries {
            let standbys: Vec<&Row> = rows
                .iter()
                .filter(|r| r.standby.primary_key.as_deref() == Some(pkey.as_str()))
                .collect();
            let primary_name = match kind {
                ItemKind::ClusterFailover => cname.clone(),
                ItemKind::TenantFailover => standbys
                    .iter()
                    .find_map(|r| r.standby.primary_name.clone())
                    .unwrap_or_else(|| pkey.clone()),
            };
            let target = standbys.iter().find(|r| r.recommended).map(|r| Target {
                key: r.standby.key.clone(),
                name: r.standby.name.clone(),
                cluster_id: r.standby.cluster_id,
                cluster_name: r.standby.cluster_name.clone(),
                tenant_id: match r.standby.kind {
                    Kind::Tenant { tenant_id } => Some(tenant_id),
                    _ => None,
                },
                lag_secs: r.lag_secs,
            });
            let unsafe_standbys = if target.is_some() {
                Vec::new()
            } else {
                standbys
                    .iter()
                    .filter_map(|r| Some((r.standby.name.clone(), unsafe_reason(r)?)))
                    .collect()
            };
            let bare = primary_name
                .split(" · ")
                .next()
                .unwrap_or_default()
                .to_string();
            let names: Vec<&str> = [
                target.as_ref().map(|t| t.name.as_str()),
                Some(bare.as_str()),
                Some(cname.as_str()),
            ]
            .into_iter()
            .flatten()
            .collect();
            let objective = find(objectives, &names);
            items.push(Item {
                expected_ms: expected(drills, kind, target.as_ref()),
                id: pkey,
                kind,
                primary_name: bare,
                primary_cluster: cname.clone(),
                target,
                unsafe_standbys,
                rto_objective_secs: objective.and_then(|o| o.rto_secs),
                rpo_objective_secs: objective.and_then(|o| o.rpo_secs),
            });
        }
    }
    let mut clusters_first: Vec<usize> = Vec::new();
    let mut tenants: Vec<usize> = Vec::new();
    for (i, it) in items.iter().enumerate() {
        match it.kind {
            ItemKind::ClusterFailover => clusters_first.push(i),
            ItemKind::TenantFailover => tenants.push(i),
        }
    }
    let critical = |i: &usize| {
        let it = &items[*i];
        (
            it.rto_objective_secs.unwrap_or(i64::MAX),
            it.rpo_objective_secs.unwrap_or(i64::MAX),
            it.primary_name.clone(),
        )
    };
    clusters_first.sort_by_key(critical);
    tenants.sort_by_key(critical);
    let groups = [clusters_first, tenants]
        .into_iter()
        .filter(|g| !g.is_empty())
        .collect();
    Plan {
        scope,
        items,
        groups,
    }
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
