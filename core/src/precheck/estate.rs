//! How the readiness board reads a whole estate: the clusters, then every tenant through OCP's
//! estate-wide list (`GET /api/v2/ob/tenants`, docs/ocp-api.md §8) at the largest page OCP
//! accepts, the pages after the first fetched together once the first says how many there
//! are. Where that list is missing (an OCP without it answers 404) the board falls back to
//! each cluster's own list. Either way the tenants arrive here as pages; [`Tenants`] gathers
//! them into the per-cluster lists the board's rows are built from, each tenant once (a tenant
//! that moved between pages while they were read is not counted twice).

use super::board::TenantsOf;
use crate::wire::{Cluster, Tenant};
use crate::{ApiFailure, PageInfo};
use std::collections::{BTreeMap, BTreeSet};

/// The largest page OCP's lists accept (`size` 1 to 2000).
pub const MAX_PAGE_SIZE: u32 = 2_000;
/// Requests in flight while the board reads the estate (`maxParallelRequests`), and its bound.
pub const DEFAULT_MAX_PARALLEL_REQUESTS: u32 = 6;
pub const MAX_PARALLEL_REQUESTS: u32 = 32;

/// The pages still to read after the first, from what the first said (none if it did not say).
pub fn rest_pages(first: Option<&PageInfo>) -> Vec<u32> {
    let pages = first.and_then(PageInfo::pages).unwrap_or(1);
    (2..=pages).collect()
}

/// Whether a failure of the estate-wide list means OCP does not have it (so each cluster's own
/// list is read instead) rather than a failure to show.
pub fn estate_list_missing(f: &ApiFailure) -> bool {
    matches!(f.status(), Some(404) | Some(405) | Some(501))
}

/// Tenants gathered page by page, per cluster, each once.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tenants {
    by_cluster: BTreeMap<i64, Vec<Tenant>>,
    seen: BTreeSet<i64>,
    /// Tenants with no readable id or cluster id: nothing could link to them.
    pub skipped: usize,
}

impl Tenants {
    /// Adds one page of the estate-wide list.
    pub fn add_page(&mut self, page: Vec<Tenant>) {
        for t in page {
            let (Some(id), Some(cluster)) = (t.id.map(|i| i.0), t.cluster_id.map(|c| c.0)) else {
                self.skipped += 1;
                continue;
            };
            if self.seen.insert(id) {
                self.by_cluster.entry(cluster).or_default().push(t);
            }
        }
    }

    /// The tenants of each of `clusters` (in their order), for the board's rows. A cluster the
    /// estate-wide list named no tenant of has an empty list: it has none.
    pub fn per_cluster(&self, clusters: &[Cluster]) -> Vec<(i64, TenantsOf)> {
        clusters
            .iter()
            .filter_map(|c| c.id.map(|i| i.0))
            .map(|id| {
                let mut list = self.by_cluster.get(&id).cloned().unwrap_or_default();
                crate::order::sort_by_key(&mut list, |t| t.id.map(|i| i.0));
                (id, Ok(list))
            })
            .collect()
    }

    /// How many distinct tenants arrived.
    pub fn len(&self) -> usize {
        self.seen.len()
    }

    pub fn is_empty(&self) -> bool {
        self.seen.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Long;

    fn tenant(id: i64, cluster: i64) -> Tenant {
        Tenant {
            id: Some(Long(id)),
            cluster_id: Some(Long(cluster)),
            name: Some(format!("t{id}")),
            ..Default::default()
        }
    }

    fn cluster(id: i64) -> Cluster {
        Cluster {
            id: Some(Long(id)),
            ..Default::default()
        }
    }

    #[test]
    fn the_rest_of_the_pages_come_from_the_first() {
        let info = |total: i64, size: i64| PageInfo {
            total_elements: Some(Long(total)),
            size: Some(Long(size)),
            ..Default::default()
        };
        assert_eq!(rest_pages(Some(&info(2_000, 2_000))), Vec::<u32>::new());
        assert_eq!(rest_pages(Some(&info(4_500, 2_000))), vec![2, 3]);
        assert_eq!(rest_pages(None), Vec::<u32>::new());
    }

    #[test]
    fn only_a_missing_endpoint_falls_back() {
        let http = |status| ApiFailure::Http {
            status,
            code: None,
            message: None,
            trace_id: None,
        };
        assert!(estate_list_missing(&http(404)));
        assert!(!estate_list_missing(&http(500)));
        assert!(!estate_list_missing(&http(401)));
        assert!(!estate_list_missing(&ApiFailure::Timeout { after_ms: 1 }));
    }

    #[test]
    fn pages_in_any_order_give_each_tenant_once_under_its_cluster() {
        let mut t = Tenants::default();
        t.add_page(vec![tenant(3, 2), tenant(1, 1)]);
        t.add_page(vec![tenant(1, 1), tenant(2, 1), Tenant::default()]);
        assert_eq!(t.len(), 3);
        assert_eq!(t.skipped, 1);
        let per = t.per_cluster(&[cluster(1), cluster(2), cluster(9)]);
        let ids = |i: usize| -> Vec<i64> {
            per[i]
                .1
                .as_ref()
                .map(|l| l.iter().filter_map(|t| t.id.map(|i| i.0)).collect())
                .unwrap_or_default()
        };
        assert_eq!(ids(0), vec![1, 2]);
        assert_eq!(ids(1), vec![3]);
        assert_eq!(ids(2), Vec::<i64>::new());
    }
}
