//! The tenants of one cluster as its page lists them, however many: each standby's lag read
//! once, the search (name, role, status, service name, primary), the sort and the counts.

use crate::listing::{matches, ListView, SortKey};
use crate::time::scn;
use crate::wire::{Tenant, TenantRole, TenantStatus};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TenantSort {
    /// OCP's order.
    #[default]
    Ocp,
    Name,
    /// The standbys furthest behind first (an unknown lag before any known one), then primaries.
    Lag,
    /// Tenants not in normal service first.
    Status,
}

impl SortKey for TenantSort {
    const ALL: &'static [TenantSort] = &[
        TenantSort::Ocp,
        TenantSort::Name,
        TenantSort::Lag,
        TenantSort::Status,
    ];
    fn as_str(self) -> &'static str {
        match self {
            TenantSort::Ocp => "ocp",
            TenantSort::Name => "name",
            TenantSort::Lag => "lag",
            TenantSort::Status => "status",
        }
    }
}

pub type TenantView = ListView<TenantSort>;

/// A tenant as listed, with its lag (a standby's, at OCP's time `now_ms`).
#[derive(Debug, Clone, PartialEq)]
pub struct Listed {
    /// Its place in OCP's list (what a row is keyed by).
    pub at: usize,
    pub tenant: Tenant,
    pub lag_secs: Option<i64>,
}

impl Listed {
    pub fn is_standby(&self) -> bool {
        self.tenant.tenant_role == Some(TenantRole::Standby)
    }
}

fn search_fields(t: &Tenant) -> impl Iterator<Item = &str> {
    [
        t.name.as_deref(),
        t.tenant_role.as_ref().map(|r| r.as_wire()),
        t.status.as_ref().map(|s| s.as_wire()),
        t.service_name.as_deref(),
        t.primary_tenant_name.as_deref(),
    ]
    .into_iter()
    .flatten()
}

/// The tenants to show, in order: searched, then sorted (ties keep OCP's order).
pub fn listed(tenants: &[Tenant], view: &TenantView, now_ms: f64) -> Vec<Listed> {
    let mut out: Vec<Listed> = tenants
        .iter()
        .enumerate()
        .filter(|(_, t)| matches(search_fields(t), &view.query))
        .map(|(at, t)| Listed {
            at,
            lag_secs: t.sync_scn.and_then(|s| scn::lag_secs(s, now_ms)),
            tenant: t.clone(),
        })
        .collect();
    match view.sort {
        TenantSort::Ocp => {}
        TenantSort::Name => crate::order::sort_by_key(&mut out, |l| {
            // A tenant without a name goes last.
            (
                l.tenant.name.is_none(),
                l.tenant.name.clone().unwrap_or_default(),
            )
        }),
        TenantSort::Lag => crate::order::sort_by_key(&mut out, |l| {
            let standby = l.is_standby();
            (
                !standby,
                l.lag_secs.is_some(),
                std::cmp::Reverse(l.lag_secs.unwrap_or(0)),
            )
        }),
        TenantSort::Status => {
            crate::order::sort_by_key(&mut out, |l| l.tenant.status == Some(TenantStatus::Normal))
        }
    }
    out
}

/// The counts above the list ("500 tenants · 250 standbys · 3 lag unknown"), over every tenant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TenantCounts {
    pub tenants: usize,
    pub standbys: usize,
    /// Standbys whose lag cannot be told.
    pub lag_unknown: usize,
}

pub fn counts(tenants: &[Tenant], now_ms: f64) -> TenantCounts {
    let standbys: Vec<&Tenant> = tenants
        .iter()
        .filter(|t| t.tenant_role == Some(TenantRole::Standby))
        .collect();
    TenantCounts {
        tenants: tenants.len(),
        standbys: standbys.len(),
        lag_unknown: standbys
            .iter()
            .filter(|t| t.sync_scn.and_then(|s| scn::lag_secs(s, now_ms)).is_none())
            .count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Long;

    const NOW: f64 = 1_700_000_000_000.0;

    fn tenant(name: Option<&str>, standby: bool, lag: Option<i64>, normal: bool) -> Tenant {
        Tenant {
            name: name.map(str::to_string),
            tenant_role: Some(if standby {
                TenantRole::Standby
            } else {
                TenantRole::Primary
            }),
            status: Some(if normal {
                TenantStatus::Normal
            } else {
                TenantStatus::from_wire("RESTORE")
            }),
            sync_scn: lag.map(|s| Long((NOW as i64 - s * 1000) * 1_000_000)),
            service_name: Some(format!("svc_{}", name.unwrap_or("none"))),
            ..Default::default()
        }
    }

    fn names(l: &[Listed]) -> Vec<Option<String>> {
        l.iter().map(|l| l.tenant.name.clone()).collect()
    }

    #[test]
    fn sorts_keep_ocps_order_on_ties_and_put_the_unknown_where_it_is_seen() {
        let ts = vec![
            tenant(Some("b"), true, Some(5), true),
            tenant(Some("a"), false, None, true),
            tenant(None, true, None, false),
            tenant(Some("c"), true, Some(90), true),
        ];
        let by = |sort| {
            names(&listed(
                &ts,
                &TenantView {
                    sort,
                    query: String::new(),
                },
                NOW,
            ))
        };
        let n = |s: &str| Some(s.to_string());
        assert_eq!(by(TenantSort::Ocp), vec![n("b"), n("a"), None, n("c")]);
        assert_eq!(by(TenantSort::Name), vec![n("a"), n("b"), n("c"), None]);
        // Unknown lag first, then the furthest behind; the primary last.
        assert_eq!(by(TenantSort::Lag), vec![None, n("c"), n("b"), n("a")]);
        assert_eq!(by(TenantSort::Status), vec![None, n("b"), n("a"), n("c")]);
        let l = listed(&ts, &TenantView::default(), NOW);
        assert_eq!(l[3].lag_secs, Some(90));
        assert_eq!(l[3].at, 3);
    }

    #[test]
    fn search_reads_name_role_status_and_service_and_counts_read_everything() {
        let ts = vec![
            tenant(Some("orders"), true, Some(5), true),
            tenant(Some("sales"), false, None, true),
            tenant(Some("audit"), true, None, false),
        ];
        let q = |q: &str| {
            names(&listed(
                &ts,
                &TenantView {
                    sort: TenantSort::Ocp,
                    query: q.into(),
                },
                NOW,
            ))
        };
        assert_eq!(q("ORD").len(), 1);
        assert_eq!(q("standby").len(), 2);
        assert_eq!(q("restore"), vec![Some("audit".to_string())]);
        assert_eq!(q("svc_sales"), vec![Some("sales".to_string())]);
        assert!(q("nothing").is_empty());
        assert_eq!(
            counts(&ts, NOW),
            TenantCounts {
                tenants: 3,
                standbys: 2,
                lag_unknown: 1
            }
        );
    }
}
