//! A large estate made from a few numbers (`"generate": {"primaries": 100, …}` in a scenario):
//! each primary cluster with a standby cluster in the next region, each with the same number of
//! tenants, every primary tenant with a standby tenant there. Lags are drawn from a seeded
//! ChaCha8 stream, so the same seed gives the same estate on every machine: most standbys a few
//! seconds behind, some minutes, a few with an unknown sync position. Written as the same
//! [`ClusterSpec`]/[`TenantSpec`] a hand-written scenario gives, so one validation covers both.

use super::spec::{ClusterSpec, TenantSpec};
use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::Deserialize;

/// Region names a generated estate draws from, in order (`regions` takes the first N).
const REGIONS: &[&str] = &[
    "cn-hangzhou",
    "cn-shanghai",
    "cn-beijing",
    "cn-shenzhen",
    "cn-chengdu",
    "cn-qingdao",
    "cn-zhangjiakou",
    "cn-huhehaote",
    "cn-wulanchabu",
    "cn-heyuan",
    "cn-guangzhou",
    "cn-nanjing",
];

/// Upper bounds that keep a generated estate within what the mock answers quickly.
pub(crate) const MAX_PRIMARIES: u32 = 1_000;
pub(crate) const MAX_TENANTS_PER_CLUSTER: u32 = 500;

/// The numbers a scenario gives for a generated estate.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct Generate {
    /// Primary clusters (each gets one standby cluster): 1 to [`MAX_PRIMARIES`].
    pub(crate) primaries: u32,
    /// Tenants per cluster (primary tenants in a primary, their standbys in its standby).
    pub(crate) tenants_per_cluster: u32,
    /// Regions the clusters spread over, 2 to 12 (a standby is never in its primary's region).
    pub(crate) regions: u32,
    /// Seed of the lag draws.
    #[serde(default)]
    pub(crate) seed: u64,
}

impl Generate {
    /// Why these numbers cannot make an estate, in the scenario's own words.
    pub(crate) fn check(&self) -> Result<(), String> {
        if !(1..=MAX_PRIMARIES).contains(&self.primaries) {
            return Err(format!(
                "primaries: expected 1 to {MAX_PRIMARIES}, got {}",
                self.primaries
            ));
        }
        if !(1..=MAX_TENANTS_PER_CLUSTER).contains(&self.tenants_per_cluster) {
            return Err(format!(
                "tenantsPerCluster: expected 1 to {MAX_TENANTS_PER_CLUSTER}, got {}",
                self.tenants_per_cluster
            ));
        }
        if !(2..=REGIONS.len() as u32).contains(&self.regions) {
            return Err(format!(
                "regions: expected 2 to {}, got {}",
                REGIONS.len(),
                self.regions
            ));
        }
        Ok(())
    }

    /// The estate: clusters (primaries first, then standbys) and tenants, ids dense and stable.
    pub(crate) fn specs(&self) -> (Vec<ClusterSpec>, Vec<TenantSpec>) {
        let mut rng = ChaCha8Rng::seed_from_u64(self.seed);
        let per = i64::from(self.tenants_per_cluster);
        let mut clusters = Vec::new();
        let mut tenants = Vec::new();
        for p in 0..i64::from(self.primaries) {
            let region = p as usize % self.regions as usize;
            let standby_region = (region + 1) % self.regions as usize;
            let primary_id = 6_000_000 + p + 1;
            let standby_id = 6_500_000 + p + 1;
            let name = format!("c{:03}", p + 1);
            clusters.push(cluster(primary_id, &name, None, REGIONS[region]));
            clusters.push(cluster(
                standby_id,
                &format!("{name}_dr"),
                Some(primary_id),
                REGIONS[standby_region],
            ));
            // Names sort in creation order whatever the count (c001_t001… past 99).
            let width = per.to_string().len().max(2);
            for t in 0..per {
                let tenant_id = 7_000_000 + p * per + t + 1;
                let tenant_name = format!("{name}_t{:0width$}", t + 1);
                tenants.push(tenant(tenant_id, &tenant_name, primary_id, None, Some(0)));
                tenants.push(tenant(
                    8_000_000 + p * per + t + 1,
                    &format!("{tenant_name}_dr"),
                    standby_id,
                    Some(tenant_id),
                    lag(&mut rng),
                ));
            }
        }
        (clusters, tenants)
    }
}

/// Most standbys a few seconds behind (1 to 30 s), one in 12 minutes behind (1 to 15 min), one
/// in 50 with an unknown sync position.
fn lag(rng: &mut ChaCha8Rng) -> Option<i64> {
    let draw = rng.next_u32() % 100;
    let spread = i64::from(rng.next_u32() % 1_000);
    match draw {
        0..=1 => None,
        2..=9 => Some(60 + spread * 840 / 1_000),
        _ => Some(1 + spread * 29 / 1_000),
    }
}

fn cluster(id: i64, name: &str, primary: Option<i64>, region: &str) -> ClusterSpec {
    ClusterSpec {
        id,
        name: name.into(),
        primary,
        answers: true,
        status: None,
        ob_version: "4.2.4.0".into(),
        server_count: 3,
        region: Some(region.into()),
        regions: None,
    }
}

fn tenant(id: i64, name: &str, cluster: i64, primary: Option<i64>, lag: Option<i64>) -> TenantSpec {
    TenantSpec {
        id,
        name: name.into(),
        cluster,
        primary,
        lag_secs: lag,
        primary_reachable: None,
        status: None,
        mode: None,
        service_name: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::estate::Estate;

    fn large() -> Generate {
        Generate {
            primaries: 100,
            tenants_per_cluster: 10,
            regions: 5,
            seed: 11,
        }
    }

    #[test]
    fn the_large_estate_has_200_clusters_2000_tenants_and_1000_standby_tenants() {
        let (clusters, tenants) = large().specs();
        assert_eq!(clusters.len(), 200);
        assert_eq!(clusters.iter().filter(|c| c.primary.is_some()).count(), 100);
        assert_eq!(tenants.len(), 2_000);
        assert_eq!(
            tenants.iter().filter(|t| t.primary.is_some()).count(),
            1_000
        );
        // It is a valid estate.
        let estate = Estate::from_spec(&clusters, &tenants, 1.0).expect("valid estate");
        assert_eq!(estate.clusters.len(), 200);
    }

    #[test]
    fn a_standby_is_never_in_its_primarys_region() {
        let (clusters, _) = large().specs();
        for c in clusters.iter().filter(|c| c.primary.is_some()) {
            let p = clusters
                .iter()
                .find(|p| Some(p.id) == c.primary)
                .expect("primary");
            assert_ne!(p.region, c.region, "{}", c.name);
        }
    }

    #[test]
    fn lags_are_mostly_seconds_some_minutes_a_few_unknown_and_the_same_for_a_seed() {
        let (_, tenants) = large().specs();
        let lags: Vec<Option<i64>> = tenants
            .iter()
            .filter(|t| t.primary.is_some())
            .map(|t| t.lag_secs)
            .collect();
        let unknown = lags.iter().filter(|l| l.is_none()).count();
        let minutes = lags.iter().filter(|l| l.is_some_and(|s| s >= 60)).count();
        let seconds = lags.iter().filter(|l| l.is_some_and(|s| s < 60)).count();
        assert!((5..=40).contains(&unknown), "unknown {unknown}");
        assert!((40..=130).contains(&minutes), "minutes {minutes}");
        assert!(seconds > 800, "seconds {seconds}");
        assert_eq!(large().specs().1.len(), tenants.len());
        let again: Vec<Option<i64>> = large()
            .specs()
            .1
            .iter()
            .filter(|t| t.primary.is_some())
            .map(|t| t.lag_secs)
            .collect();
        assert_eq!(again, lags);
        let other = Generate {
            seed: 12,
            ..large()
        }
        .specs()
        .1;
        assert_ne!(
            other.iter().map(|t| t.lag_secs).collect::<Vec<_>>(),
            tenants.iter().map(|t| t.lag_secs).collect::<Vec<_>>()
        );
    }

    #[test]
    fn numbers_out_of_range_are_refused_with_the_field_named() {
        let bad = Generate {
            regions: 1,
            ..large()
        };
        assert!(bad.check().unwrap_err().starts_with("regions:"));
        let bad = Generate {
            primaries: 0,
            ..large()
        };
        assert!(bad.check().unwrap_err().starts_with("primaries:"));
        assert_eq!(large().check(), Ok(()));
    }
}
