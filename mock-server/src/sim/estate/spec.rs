//! An estate described by a scenario file instead of the demo seed: clusters and tenants, which
//! primaries answer, the lag of each standby. Derived rather than repeated where OCP's state
//! follows from the rest: a cluster (tenant) with a `primary` is a STANDBY one; a primary cluster
//! that does not answer shows UNAVAILABLE with its tenants, and its standbys see it unreachable.

use super::{ClusterRec, Estate, TenantRec};
use crate::sim::clock::Clock;
use crate::sim::gfc::Gfc;
use console_core::wire::{ClusterStatus, ClusterType, TenantMode, TenantRole, TenantStatus};
use serde::{Deserialize, Deserializer};
use std::collections::{BTreeMap, HashMap, HashSet};

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct ClusterSpec {
    pub(crate) id: i64,
    pub(crate) name: String,
    /// The primary cluster of a standby cluster; absent: a primary cluster.
    #[serde(default)]
    pub(crate) primary: Option<i64>,
    /// Whether the cluster answers (default true). One that does not shows UNAVAILABLE, its
    /// tenants too, and every standby of it sees its primary unreachable.
    #[serde(default = "yes")]
    pub(crate) answers: bool,
    /// OCP's cluster status (default RUNNING, or UNAVAILABLE when it does not answer).
    #[serde(default)]
    pub(crate) status: Option<ClusterStatus>,
    #[serde(default = "default_version")]
    pub(crate) ob_version: String,
    #[serde(default = "three")]
    pub(crate) server_count: i64,
    /// The region its zones are in (`"cn-hangzhou"`); or `regions` for a cluster spread over
    /// several. Neither: the region is unknown and the cluster's reply carries no zones.
    #[serde(default)]
    pub(crate) region: Option<String>,
    #[serde(default)]
    pub(crate) regions: Option<Vec<String>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct TenantSpec {
    pub(crate) id: i64,
    pub(crate) name: String,
    /// The cluster it lives in.
    pub(crate) cluster: i64,
    /// The primary tenant of a standby tenant; absent: a primary tenant.
    #[serde(default)]
    pub(crate) primary: Option<i64>,
    /// A standby's replication lag in seconds (default 0); `null`: sync position unknown.
    #[serde(default = "zero_lag", deserialize_with = "nullable")]
    pub(crate) lag_secs: Option<i64>,
    /// Whether a standby can still reach its primary (default: whether the primary's cluster
    /// answers). Failover is refused while it can.
    #[serde(default)]
    pub(crate) primary_reachable: Option<bool>,
    /// OCP's tenant status (default NORMAL, or UNAVAILABLE in a cluster that does not answer).
    #[serde(default)]
    pub(crate) status: Option<TenantStatus>,
    #[serde(default)]
    pub(crate) mode: Option<TenantMode>,
    /// A primary's service name (default `SERVICE_<NAME>`); standbys show their primary's.
    #[serde(default)]
    pub(crate) service_name: Option<String>,
}

fn yes() -> bool {
    true
}
fn three() -> i64 {
    3
}
fn default_version() -> String {
    "4.2.4.0".into()
}
fn zero_lag() -> Option<i64> {
    Some(0)
}
/// `lagSecs: null` is a value (unknown), not an absent field.
fn nullable<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    Option::<i64>::deserialize(d)
}

/// Which record of the description a problem is in (its index in `clusters` or `tenants`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SpecItem {
    Cluster(usize),
    Tenant(usize),
}

/// A problem in an estate description: where, and what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SpecError {
    pub(crate) item: SpecItem,
    pub(crate) message: String,
}

pub(super) fn err(item: SpecItem, message: String) -> SpecError {
    SpecError { item, message }
}

/// Refuses a value the lenient wire enums would keep as unknown: a scenario is written by hand,
/// so a typo must stop it.
fn known<T: std::fmt::Display>(
    value: &Option<T>,
    is_unknown: impl Fn(&T) -> bool,
    field: &str,
    allowed: &str,
    item: SpecItem,
) -> Result<(), SpecError> {
    match value {
        Some(v) if is_unknown(v) => Err(err(
            item,
            format!("{field} \"{v}\" is not one of OCP's values: {allowed}"),
        )),
        _ => Ok(()),
    }
}

impl Estate {
    /// The estate a scenario describes, with the demo's GFC and no tasks.
    pub(crate) fn from_spec(
        clusters: &[ClusterSpec],
        tenants: &[TenantSpec],
        speed: f64,
    ) -> Result<Estate, SpecError> {
        let mut by_id: HashMap<i64, &ClusterSpec> = HashMap::new();
        for (i, c) in clusters.iter().enumerate() {
            let item = SpecItem::Cluster(i);
            if c.name.trim().is_empty() {
                return Err(err(item, "name: expected a cluster name, got \"\"".into()));
            }
            c.region_list(item)?;
            if by_id.insert(c.id, c).is_some() {
                return Err(err(item, format!("cluster id {} appears twice", c.id)));
            }
            known(
                &c.status,
                |s| matches!(s, ClusterStatus::Unknown(_)),
                "status",
                "RUNNING, UNAVAILABLE, STOPPED, …",
                item,
            )?;
        }
        for (i, c) in clusters.iter().enumerate() {
            if let Some(p) = c.primary {
                match by_id.get(&p) {
                    None => {
                        return Err(err(
                            SpecItem::Cluster(i),
                            format!("primary: cluster {p} is not among the clusters"),
                        ))
                    }
                    Some(pc) if pc.primary.is_some() => {
                        return Err(err(
                            SpecItem::Cluster(i),
                            format!("primary: cluster {p} is itself a standby cluster"),
                        ))
                    }
                    _ => {}
                }
            }
        }
        let answers = |cluster: i64| by_id.get(&cluster).is_some_and(|c| c.answers);
        let mut tenant_ids = HashSet::new();
        let by_tenant: HashMap<i64, &TenantSpec> = tenants.iter().map(|t| (t.id, t)).collect();
        for (i, t) in tenants.iter().enumerate() {
            let item = SpecItem::Tenant(i);
            if t.name.trim().is_empty() {
                return Err(err(item, "name: expected a tenant name, got \"\"".into()));
            }
            if !tenant_ids.insert(t.id) {
                return Err(err(item, format!("tenant id {} appears twice", t.id)));
            }
            if !by_id.contains_key(&t.cluster) {
                return Err(err(
                    item,
                    format!("cluster: cluster {} is not among the clusters", t.cluster),
                ));
            }
            if let Some(p) = t.primary {
                match by_tenant.get(&p) {
                    None => {
                        return Err(err(
                            item,
                            format!("primary: tenant {p} is not among the tenants"),
                        ))
                    }
                    Some(pt) if pt.primary.is_some() => {
                        return Err(err(
                            item,
                            format!("primary: tenant {p} is itself a standby tenant"),
                        ))
                    }
                    _ => {}
                }
            } else if t.primary_reachable.is_some() {
                return Err(err(
                    item,
                    "primaryReachable is for standby tenants (those with a primary)".into(),
                ));
            }
            if t.lag_secs.is_some_and(|l| l < 0) {
                return Err(err(
                    item,
                    "lagSecs: expected seconds behind the primary, 0 or more".into(),
                ));
            }
            known(
                &t.status,
                |s| matches!(s, TenantStatus::Unknown(_)),
                "status",
                "NORMAL, UNAVAILABLE, CREATING, MODIFYING, RESTORING, DELETING",
                item,
            )?;
            known(
                &t.mode,
                |m| matches!(m, TenantMode::Unknown(_)),
                "mode",
                "MYSQL, ORACLE",
                item,
            )?;
        }
        let cluster_recs = clusters
            .iter()
            .map(|c| ClusterRec {
                id: c.id,
                name: c.name.clone(),
                ob_cluster_id: 1_710_000_000 + c.id.rem_euclid(1000),
                cluster_type: match c.primary {
                    Some(_) => ClusterType::Standby,
                    None => ClusterType::Primary,
                },
                status: c.status.clone().unwrap_or(if c.answers {
                    ClusterStatus::Running
                } else {
                    ClusterStatus::Unavailable
                }),
                ob_version: c.ob_version.clone(),
                primary: c.primary,
                primary_reachable: c.primary.is_some_and(answers),
                server_count: c.server_count,
                // Checked above.
                regions: c.region_list(SpecItem::Cluster(0)).unwrap_or_default(),
            })
            .collect();
        let tenant_recs = tenants
            .iter()
            .map(|t| {
                let primary_cluster = t.primary.and_then(|p| by_tenant.get(&p)).map(|p| p.cluster);
                TenantRec {
                    id: t.id,
                    name: t.name.clone(),
                    cluster_id: t.cluster,
                    role: match t.primary {
                        Some(_) => TenantRole::Standby,
                        None => TenantRole::Primary,
                    },
                    status: t.status.clone().unwrap_or(if answers(t.cluster) {
                        TenantStatus::Normal
                    } else {
                        TenantStatus::Unavailable
                    }),
                    mode: t.mode.clone().unwrap_or(TenantMode::Mysql),
                    service_name: match t.primary {
                        Some(_) => None,
                        None => Some(
                            t.service_name
                                .clone()
                                .unwrap_or_else(|| format!("SERVICE_{}", t.name.to_uppercase())),
                        ),
                    },
                    primary_tenant: t.primary,
                    primary_reachable: t
                        .primary_reachable
                        .unwrap_or_else(|| primary_cluster.is_some_and(answers)),
                    lag_secs: t.primary.and(t.lag_secs),
                }
            })
            .collect();
        Ok(Estate {
            clusters: cluster_recs,
            tenants: tenant_recs,
            tasks: BTreeMap::new(),
            clock: Clock::new(speed),
            task_faults: Vec::new(),
            gfc: Gfc::demo(),
            instances: HashMap::new(),
        })
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// An estate from one JSON text holding `clusters` and `tenants` (also used by regions.rs).
    pub(in crate::sim::estate) fn estate(json: &str) -> Result<Estate, SpecError> {
        #[derive(Deserialize)]
        struct Both {
            clusters: Vec<ClusterSpec>,
            tenants: Vec<TenantSpec>,
        }
        let b: Both = serde_json::from_str(json).unwrap();
        Estate::from_spec(&b.clusters, &b.tenants, 1.0)
    }

    #[test]
    fn a_primary_that_does_not_answer_is_unavailable_and_unreachable_from_its_standbys() {
        let e = estate(
            r#"{"clusters": [{"id": 1, "name": "p", "answers": false}, {"id": 2, "name": "s", "primary": 1}],
                "tenants": [{"id": 10, "name": "app", "cluster": 1},
                            {"id": 20, "name": "app_dr", "cluster": 2, "primary": 10, "lagSecs": 90},
                            {"id": 21, "name": "odd_dr", "cluster": 2, "primary": 10, "lagSecs": null}]}"#,
        )
        .unwrap();
        assert_eq!(e.clusters[0].status, ClusterStatus::Unavailable);
        assert_eq!(e.clusters[1].cluster_type, ClusterType::Standby);
        assert!(!e.clusters[1].primary_reachable);
        assert_eq!(e.tenants[0].status, TenantStatus::Unavailable);
        assert_eq!(e.tenants[0].service_name.as_deref(), Some("SERVICE_APP"));
        assert_eq!(e.tenants[1].role, TenantRole::Standby);
        assert!(!e.tenants[1].primary_reachable);
        assert_eq!(e.tenants[1].lag_secs, Some(90));
        assert_eq!(e.tenants[2].lag_secs, None);
    }

    #[test]
    fn broken_references_name_the_record() {
        let e = estate(r#"{"clusters": [{"id": 1, "name": "p"}], "tenants": [{"id": 10, "name": "x", "cluster": 9}]}"#)
            .err()
            .unwrap();
        assert_eq!(e.item, SpecItem::Tenant(0));
        assert!(
            e.message.contains("cluster 9 is not among"),
            "{}",
            e.message
        );
        let e =
            estate(r#"{"clusters": [{"id": 1, "name": "p", "status": "RUNING"}], "tenants": []}"#)
                .err()
                .unwrap();
        assert!(
            e.message.contains("\"RUNING\" is not one of OCP's values"),
            "{}",
            e.message
        );
        let e = estate(
            r#"{"clusters": [{"id": 1, "name": "p"}, {"id": 1, "name": "q"}], "tenants": []}"#,
        )
        .err()
        .unwrap();
        assert_eq!(e.item, SpecItem::Cluster(1));
    }
}
