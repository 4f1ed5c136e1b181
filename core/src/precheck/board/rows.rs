//! The board's rows: every standby (tenant or cluster) of every cluster as OCP's lists describe
//! it, each with its last kept precheck, its freshest lag and whether it is the recommended
//! target for its primary; then sorted worst first and, on request, only the not-ready ones.
//!
//! OCP's lists are read defensively: a cluster whose tenants could not be loaded costs only its
//! own rows (one row says why), a standby whose sync position is unknown says so, and nothing
//! is ready without a passing precheck.

use crate::precheck::objectives::{find, Objective, RpoCheck};
use crate::precheck::readiness::{
    cluster_key, recommended, tenant_key, Candidate, Histories, Record,
};
use crate::precheck::verdict::Action;
use crate::time::scn;
use crate::wire::{Cluster, ClusterType, Tenant, TenantRole};
use crate::ApiFailure;
use std::cmp::Reverse;
use std::collections::HashMap;

/// What a row stands for.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// A standby tenant.
    Tenant { tenant_id: i64 },
    /// A standby cluster (its lag is not in OCP's cluster list: unknown).
    Cluster,
    /// A cluster whose tenants could not be listed: its standby tenants are unknown.
    TenantsUnloaded(ApiFailure),
}

/// A standby as OCP's lists describe it.
#[derive(Debug, Clone, PartialEq)]
pub struct Standby {
    /// Its precheck-history key ([`tenant_key`] / [`cluster_key`]); unique per row.
    pub key: String,
    pub kind: Kind,
    pub name: String,
    pub cluster_id: i64,
    pub cluster_name: String,
    /// The primary it would replace: a stable identity (history key, or name when OCP gives no
    /// id) and how to call it. `None` when OCP does not say.
    pub primary_key: Option<String>,
    pub primary_name: Option<String>,
    /// Seconds behind, from `syncScn`, at the time the list was read.
    pub lag_secs: Option<i64>,
    /// When the list was read (ms since the epoch).
    pub seen_at_ms: i64,
    /// The regions of its cluster's zones, joined ("cn-hangzhou, cn-shanghai"); empty: unknown.
    pub region: String,
}

impl Standby {
    /// The precheck page of this standby (a failover precheck: "can it take over now?").
    pub fn href(&self) -> Option<String> {
        let action = Action::Failover.segment();
        match self.kind {
            Kind::Tenant { tenant_id } => Some(format!(
                "/clusters/{}/tenants/{tenant_id}/{action}",
                self.cluster_id
            )),
            Kind::Cluster => Some(format!("/clusters/{}/dr/{action}", self.cluster_id)),
            Kind::TenantsUnloaded(_) => None,
        }
    }

    /// Whether it can be prechecked (a row for an unlisted cluster cannot).
    pub fn checkable(&self) -> bool {
        !matches!(self.kind, Kind::TenantsUnloaded(_))
    }
}

/// A cluster's tenants as loaded: the list, or why it could not be.
pub type TenantsOf = Result<Vec<Tenant>, ApiFailure>;

fn cluster_name(c: &Cluster) -> String {
    crate::name::name_or_id(c.name.as_deref(), c.id.map(|i| i.0).unwrap_or_default())
}

/// When a tenant list was read, by both clocks: the browser's (what kept precheck records are
/// compared with) and OCP's (what a sync SCN is measured against, so a browser clock that is off
/// does not change a standby's lag).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadAt {
    pub browser_ms: i64,
    pub ocp_ms: i64,
}

impl ReadAt {
    /// Both clocks agree (no reply told OCP's time).
    pub fn same(ms: i64) -> ReadAt {
        ReadAt {
            browser_ms: ms,
            ocp_ms: ms,
        }
    }
}

/// Every standby of every cluster, in OCP's cluster order: a standby cluster's own row first,
/// then its standby tenants (and standby tenants of primary clusters). `tenants` pairs a
/// cluster id with its tenants; `read` is when they were read. A cluster without an id is
/// skipped (nothing could link to it).
pub fn standbys(clusters: &[Cluster], tenants: &[(i64, TenantsOf)], read: ReadAt) -> Vec<Standby> {
    let now_ms = read.browser_ms;
    // Looked up once per standby tenant and per cluster: maps, not scans (an estate has
    // hundreds of clusters, and the board rebuilds this as each page of tenants arrives).
    let mut names: HashMap<i64, String> = HashMap::new();
    for c in clusters {
        if let Some(id) = c.id.map(|i| i.0) {
            names.entry(id).or_insert_with(|| cluster_name(c));
        }
    }
    let name_of = |id: i64| names.get(&id).cloned();
    let mut tenants_of: HashMap<i64, &TenantsOf> = HashMap::new();
    for (id, list) in tenants {
        tenants_of.entry(*id).or_insert(list);
    }
    let mut out = Vec::new();
    for c in clusters {
        let Some(cid) = c.id.map(|i| i.0) else {
            continue;
        };
        let cname = cluster_name(c);
        let region = c.region_names().join(", ");
        let primary_cluster = c.primary_cluster.as_ref();
        let is_standby = c.cluster_type == Some(ClusterType::Standby) || primary_cluster.is_some();
        if is_standby {
            let pid = primary_cluster.and_then(|p| p.id).map(|i| i.0);
            let pname = primary_cluster
                .and_then(|p| p.name.clone())
                .or_else(|| pid.and_then(name_of));
            out.push(Standby {
                key: cluster_key(cid),
                kind: Kind::Cluster,
                name: cname.clone(),
                cluster_id: cid,
                cluster_name: cname.clone(),
                primary_key: pid
                    .map(cluster_key)
                    .or_else(|| pname.as_ref().map(|n| format!("cluster-name:{n}"))),
                primary_name: pname,
                lag_secs: None,
                seen_at_ms: now_ms,
                region: region.clone(),
            });
        }
        match tenants_of.get(&cid).copied() {
            None => {}
            Some(Err(f)) => out.push(Standby {
                key: format!("tenants-of:{cid}"),
                kind: Kind::TenantsUnloaded(f.clone()),
                name: cname.clone(),
                cluster_id: cid,
                cluster_name: cname.clone(),
                primary_key: None,
                primary_name: None,
                lag_secs: None,
                seen_at_ms: now_ms,
                region: region.clone(),
            }),
            Some(Ok(list)) => {
                for t in list {
                    let Some(tid) = t.id.map(|i| i.0) else {
                        continue;
                    };
                    let standby =
                        t.tenant_role == Some(TenantRole::Standby) || t.primary_tenant_id.is_some();
                    if !standby {
                        continue;
                    }
                    let ptid = t.primary_tenant_id.map(|i| i.0);
                    let pcid = t.primary_tenant_cluster_id.map(|i| i.0);
                    let pname = t
                        .primary_tenant_name
                        .clone()
                        .or_else(|| ptid.map(|p| format!("#{p}")));
                    // The primary's cluster, when it is another one, helps tell two `sales` apart.
                    let pname = match (pname, pcid.filter(|p| *p != cid).and_then(name_of)) {
                        (Some(n), Some(pc)) => Some(format!("{n} · {pc}")),
                        (n, _) => n,
                    };
                    let primary_key = match (pcid, ptid) {
                        (Some(pc), Some(pt)) => Some(tenant_key(pc, pt)),
                        (None, Some(pt)) => Some(format!("tenant-id:{pt}")),
                        _ => t
                            .primary_tenant_name
                            .as_ref()
                            .map(|n| format!("tenant-name:{n}")),
                    };
                    out.push(Standby {
                        key: tenant_key(cid, tid),
                        kind: Kind::Tenant { tenant_id: tid },
                        name: crate::name::name_or_id(t.name.as_deref(), tid),
                        cluster_id: cid,
                        cluster_name: cname.clone(),
                        primary_key,
                        primary_name: pname,
                        lag_secs: t
                            .sync_scn
                            .and_then(|s| scn::lag_secs(s, read.ocp_ms as f64)),
                        seen_at_ms: now_ms,
                        region: region.clone(),
                    });
                }
            }
        }
    }
    out
}

/// A standby with what this browser knows of it: its last precheck, its freshest lag, and
/// whether it is the recommended target for its primary.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub standby: Standby,
    pub last: Option<Record>,
    pub lag_secs: Option<i64>,
    pub recommended: bool,
    /// The RPO objective config.json sets for this standby (its name, its cluster's or its
    /// primary's matched), if any.
    pub rpo_objective: Option<i64>,
}

impl Row {
    /// Ready only on proof: the last precheck passed, and the lag is within the RPO objective
    /// where one is set (an unknown lag cannot be shown to be).
    pub fn ready(&self) -> bool {
        self.candidate().ready() && self.rpo().is_none_or(RpoCheck::holds)
    }

    /// How the lag stands against the RPO objective, where one is set.
    pub fn rpo(&self) -> Option<RpoCheck> {
        self.rpo_objective.map(|o| RpoCheck::of(o, self.lag_secs))
    }

    fn candidate(&self) -> Candidate {
        Candidate {
            key: self.standby.key.clone(),
            primary: self.standby.primary_key.clone().unwrap_or_default(),
            lag_secs: self.lag_secs,
            last: self.last.clone(),
        }
    }
}

/// The freshest lag known: the last precheck's when it came after the list was read and
/// carried one, else the list's.
pub fn freshest_lag(s: &Standby, last: Option<&Record>) -> Option<i64> {
    match last {
        Some(r) if r.at_ms > s.seen_at_ms && r.lag_secs.is_some() => r.lag_secs,
        _ => s.lag_secs,
    }
}

/// The rows, each with its last kept precheck, and the recommended target of each primary
/// marked (the least lagging ready standby; see [`recommended`]). A standby whose primary is
/// unknown is never recommended: there is no "instead of what".
pub fn rows(standbys: &[Standby], histories: &Histories) -> Vec<Row> {
    rows_with(standbys, histories, &[])
}

/// [`rows`], each standby held to the first of `objectives` that matches its name, its
/// cluster's or its primary's; a standby over its RPO objective is never recommended.
pub fn rows_with(
    standbys: &[Standby],
    histories: &Histories,
    objectives: &[Objective],
) -> Vec<Row> {
    let mut rows: Vec<Row> = standbys
        .iter()
        .map(|s| {
            let last = histories.latest(&s.key).cloned();
            let names = [
                s.name.as_str(),
                s.cluster_name.as_str(),
                s.primary_name.as_deref().unwrap_or_default(),
            ];
            Row {
                lag_secs: freshest_lag(s, last.as_ref()),
                standby: s.clone(),
                last,
                recommended: false,
                rpo_objective: find(objectives, &names).and_then(|o| o.rpo_secs),
            }
        })
        .collect();
    let candidates: Vec<Candidate> = rows
        .iter()
        .filter(|r| r.standby.primary_key.is_some() && r.standby.checkable())
        .filter(|r| r.rpo().is_none_or(RpoCheck::holds))
        .map(Row::candidate)
        .collect();
    let picks = recommended(&candidates);
    for r in &mut rows {
        if let Some(p) = &r.standby.primary_key {
            r.recommended = picks.get(p) == Some(&r.standby.key);
        }
    }
    rows
}

/// How the board is ordered: the worst first either way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Most behind first; an unknown lag before any known one (it could be anything).
    #[default]
    Lag,
    /// Oldest precheck first; never prechecked before any.
    Age,
}

impl Sort {
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Lag => "lag",
            Sort::Age => "age",
        }
    }
    pub fn parse(s: &str) -> Sort {
        if s == "age" {
            Sort::Age
        } else {
            Sort::Lag
        }
    }
}

/// The rows to show: sorted (stable: equal rows keep OCP's order), and only the not-ready ones
/// when `not_ready_only`. A row for a cluster whose tenants could not be listed always comes
/// first and is never ready.
pub fn arrange(rows: &[Row], sort: Sort, not_ready_only: bool) -> Vec<Row> {
    let mut out: Vec<Row> = rows
        .iter()
        .filter(|r| !not_ready_only || !r.ready())
        .cloned()
        .collect();
    match sort {
        Sort::Lag => out.sort_by_key(|r| {
            (
                r.standby.checkable(),
                r.lag_secs.is_some(),
                Reverse(r.lag_secs.unwrap_or(0)),
            )
        }),
        Sort::Age => out.sort_by_key(|r| {
            (
                r.standby.checkable(),
                r.last.is_some(),
                r.last.as_ref().map(|l| l.at_ms).unwrap_or(0),
            )
        }),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::precheck::readiness::Kept;
    use crate::wire::ClusterRef;
    use crate::Long;

    const NOW: i64 = 1_721_726_500_000;

    fn cluster(id: i64, name: &str, primary: Option<(i64, &str)>) -> Cluster {
        Cluster {
            id: Some(Long(id)),
            name: Some(name.into()),
            cluster_type: Some(if primary.is_some() {
                ClusterType::Standby
            } else {
                ClusterType::Primary
            }),
            primary_cluster: primary.map(|(id, n)| ClusterRef {
                id: Some(Long(id)),
                name: Some(n.into()),
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    fn tenant(id: i64, name: &str, primary: Option<(i64, i64, &str)>, lag: Option<i64>) -> Tenant {
        Tenant {
            id: Some(Long(id)),
            name: Some(name.into()),
            tenant_role: Some(if primary.is_some() {
                TenantRole::Standby
            } else {
                TenantRole::Primary
            }),
            primary_tenant_cluster_id: primary.map(|p| Long(p.0)),
            primary_tenant_id: primary.map(|p| Long(p.1)),
            primary_tenant_name: primary.map(|p| p.2.into()),
            sync_scn: lag.map(|l| Long((NOW - l * 1000) * 1_000_000)),
            ..Default::default()
        }
    }

    fn record(at_ms: i64, verdict: Kept, lag: Option<i64>) -> Record {
        Record {
            at_ms,
            verdict,
            blocking: if verdict == Kept::Blocked {
                vec!["OBE26107".into()]
            } else {
                vec![]
            },
            warnings: vec![],
            lag_secs: lag,
        }
    }

    /// A primary cluster with `sales` and `hr`, two standby clusters; `sales` has a standby in
    /// each (10 s and 40 s behind), `hr` one whose sync position is unknown. The tenants of a
    /// third cluster could not be listed.
    fn estate() -> Vec<Standby> {
        let clusters = [
            cluster(1, "p", None),
            cluster(2, "dr_a", Some((1, "p"))),
            cluster(3, "dr_b", Some((1, "p"))),
            cluster(4, "broken", None),
        ];
        let tenants = [
            (
                1,
                Ok(vec![
                    tenant(10, "sales", None, None),
                    tenant(11, "hr", None, None),
                ]),
            ),
            (
                2,
                Ok(vec![
                    tenant(20, "sales_a", Some((1, 10, "sales")), Some(10)),
                    tenant(21, "hr_a", Some((1, 11, "hr")), None),
                ]),
            ),
            (
                3,
                Ok(vec![tenant(
                    30,
                    "sales_b",
                    Some((1, 10, "sales")),
                    Some(40),
                )]),
            ),
            (4, Err(ApiFailure::Timeout { after_ms: 15_000 })),
        ];
        standbys(&clusters, &tenants, ReadAt::same(NOW))
    }

    #[test]
    fn lag_is_measured_at_ocps_time_not_the_browsers() {
        // The browser's clock is an hour fast; OCP's reply said NOW: sales_a is still 10 s
        // behind, and the rows are stamped with the browser's time (records use that clock).
        let read = ReadAt {
            browser_ms: NOW + 3_600_000,
            ocp_ms: NOW,
        };
        let s = standbys(
            &[cluster(1, "p", None)],
            &[(
                1,
                Ok(vec![tenant(
                    20,
                    "sales_a",
                    Some((1, 10, "sales")),
                    Some(10),
                )]),
            )],
            read,
        );
        assert_eq!(
            s.first().map(|s| (s.lag_secs, s.seen_at_ms)),
            Some((Some(10), NOW + 3_600_000))
        );
    }

    fn names(rows: &[Row]) -> Vec<&str> {
        rows.iter().map(|r| r.standby.name.as_str()).collect()
    }

    #[test]
    fn one_row_per_standby_tenant_and_cluster_with_its_primary_and_lag() {
        let s = estate();
        let got: Vec<(&str, &str, Option<&str>, Option<i64>)> = s
            .iter()
            .map(|s| {
                (
                    s.key.as_str(),
                    s.name.as_str(),
                    s.primary_name.as_deref(),
                    s.lag_secs,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("cluster:2", "dr_a", Some("p"), None),
                ("tenant:2:20", "sales_a", Some("sales · p"), Some(10)),
                ("tenant:2:21", "hr_a", Some("hr · p"), None),
                ("cluster:3", "dr_b", Some("p"), None),
                ("tenant:3:30", "sales_b", Some("sales · p"), Some(40)),
                ("tenants-of:4", "broken", None, None),
            ]
        );
        assert_eq!(s[1].primary_key.as_deref(), Some("tenant:1:10"));
        assert_eq!(s[0].primary_key.as_deref(), Some("cluster:1"));
        assert_eq!(
            s[1].href().as_deref(),
            Some("/clusters/2/tenants/20/failover")
        );
        assert_eq!(s[0].href().as_deref(), Some("/clusters/2/dr/failover"));
        assert!(matches!(s[5].kind, Kind::TenantsUnloaded(_)));
        assert_eq!(s[5].href(), None);
        assert!(!s[5].checkable());
    }

    #[test]
    fn a_tenant_without_an_id_or_a_cluster_without_one_is_skipped_not_fatal() {
        let mut odd = cluster(9, "odd", None);
        odd.id = None;
        let mut t = tenant(5, "x", Some((1, 10, "sales")), Some(1));
        t.id = None;
        let s = standbys(
            &[odd, cluster(1, "p", None)],
            &[(
                1,
                Ok(vec![t, tenant(6, "y", Some((1, 10, "sales")), Some(1))]),
            )],
            ReadAt::same(NOW),
        );
        assert_eq!(s.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["y"]);
    }

    #[test]
    fn a_standby_over_its_rpo_objective_is_not_ready_and_never_recommended() {
        let s = estate();
        let mut h = Histories::default();
        h.push("tenant:2:20", record(NOW + 1, Kept::Pass, Some(10)));
        h.push("tenant:3:30", record(NOW + 2, Kept::Pass, Some(40)));
        h.push("tenant:2:21", record(NOW + 3, Kept::Pass, None));
        let objectives = vec![
            Objective {
                pattern: "sales_a".into(),
                rpo_secs: Some(5),
                rto_secs: None,
            },
            Objective {
                pattern: "*".into(),
                rpo_secs: Some(60),
                rto_secs: None,
            },
        ];
        let r = rows_with(&s, &h, &objectives);
        let by = |n: &str| r.iter().find(|r| r.standby.name == n).cloned();
        let sales_a = by("sales_a").expect("sales_a");
        assert_eq!(
            sales_a.rpo(),
            Some(RpoCheck::Exceeded {
                rpo_secs: 5,
                lag_secs: 10
            })
        );
        assert!(!sales_a.ready() && !sales_a.recommended);
        // sales_b (40 s within 60 s) takes over; hr_a's lag is unknown: its RPO cannot be
        // shown to hold, so it is neither ready nor recommended.
        let sales_b = by("sales_b").expect("sales_b");
        assert!(sales_b.ready() && sales_b.recommended);
        let hr_a = by("hr_a").expect("hr_a");
        assert_eq!(hr_a.rpo(), Some(RpoCheck::Unknown { rpo_secs: 60 }));
        assert!(!hr_a.ready() && !hr_a.recommended);
    }

    #[test]
    fn nothing_is_ready_without_a_passing_precheck_and_the_least_lagging_ready_one_is_recommended()
    {
        let s = estate();
        let none = rows(&s, &Histories::default());
        assert!(none.iter().all(|r| !r.ready() && !r.recommended));

        let mut h = Histories::default();
        h.push("tenant:2:20", record(NOW + 1, Kept::Pass, Some(10)));
        h.push("tenant:3:30", record(NOW + 2, Kept::Pass, Some(40)));
        h.push("tenant:2:21", record(NOW + 3, Kept::Pass, None));
        h.push("cluster:2", record(NOW + 4, Kept::Blocked, None));
        let r = rows(&s, &h);
        let rec: Vec<&str> = r
            .iter()
            .filter(|r| r.recommended)
            .map(|r| r.standby.name.as_str())
            .collect();
        // sales_a (10 s) over sales_b (40 s); hr_a is hr's only ready standby even with lag
        // unknown; dr_a is blocked, dr_b never checked.
        assert_eq!(rec, ["sales_a", "hr_a"]);

        // sales_a falls behind: the next precheck says 90 s; the recommendation moves.
        h.push("tenant:2:20", record(NOW + 10, Kept::Pass, Some(90)));
        let r = rows(&s, &h);
        assert_eq!(r[1].lag_secs, Some(90), "the precheck's lag is fresher");
        let rec: Vec<&str> = r
            .iter()
            .filter(|r| r.recommended)
            .map(|r| r.standby.name.as_str())
            .collect();
        assert_eq!(rec, ["hr_a", "sales_b"]);
    }

    #[test]
    fn the_list_lag_wins_over_an_older_precheck() {
        let s = &estate()[1];
        assert_eq!(
            freshest_lag(s, Some(&record(NOW - 1, Kept::Pass, Some(300)))),
            Some(10)
        );
        assert_eq!(
            freshest_lag(s, Some(&record(NOW + 1, Kept::Pass, Some(300)))),
            Some(300)
        );
        assert_eq!(
            freshest_lag(s, Some(&record(NOW + 1, Kept::Pass, None))),
            Some(10)
        );
        assert_eq!(freshest_lag(s, None), Some(10));
    }

    #[test]
    fn sorts_worst_first_and_filters_the_not_ready() {
        let s = estate();
        let mut h = Histories::default();
        h.push("tenant:2:20", record(NOW - 60_000, Kept::Pass, None));
        h.push("tenant:3:30", record(NOW - 600_000, Kept::Pass, None));
        h.push("cluster:2", record(NOW - 1_000, Kept::Blocked, None));
        let r = rows(&s, &h);
        assert_eq!(
            names(&arrange(&r, Sort::Lag, false)),
            ["broken", "dr_a", "hr_a", "dr_b", "sales_b", "sales_a"]
        );
        assert_eq!(
            names(&arrange(&r, Sort::Age, false)),
            ["broken", "hr_a", "dr_b", "sales_b", "sales_a", "dr_a"]
        );
        assert_eq!(
            names(&arrange(&r, Sort::Lag, true)),
            ["broken", "dr_a", "hr_a", "dr_b"]
        );
        assert_eq!(Sort::parse(Sort::Age.as_str()), Sort::Age);
        assert_eq!(Sort::parse("junk"), Sort::Lag);
    }
}
