//! The demo estate: OB 4.x and 3.x primary and standby clusters, their tenants, and standbys in
//! every state a precheck can report (reachable primary, lag, unknown sync position), in two
//! regions.

use super::{ClusterRec, Estate, TenantRec};
use crate::sim::clock::Clock;
use crate::sim::gfc::Gfc;
use console_core::wire::{ClusterStatus, ClusterType, TenantMode, TenantRole, TenantStatus};
use std::collections::{BTreeMap, HashMap};

fn cluster(
    id: i64,
    name: &str,
    cluster_type: ClusterType,
    version: &str,
    primary: Option<i64>,
    primary_reachable: bool,
    region: &str,
) -> ClusterRec {
    ClusterRec {
        id,
        name: name.into(),
        ob_cluster_id: 1_710_000_000 + id % 1000,
        cluster_type,
        status: ClusterStatus::Running,
        ob_version: version.into(),
        primary,
        primary_reachable,
        server_count: 3,
        regions: vec![region.into()],
    }
}

const HZ: &str = "cn-hangzhou";
const SH: &str = "cn-shanghai";

fn primary_tenant(id: i64, name: &str, cluster_id: i64, service: &str) -> TenantRec {
    TenantRec {
        id,
        name: name.into(),
        cluster_id,
        role: TenantRole::Primary,
        status: TenantStatus::Normal,
        mode: TenantMode::Mysql,
        service_name: Some(service.into()),
        primary_tenant: None,
        primary_reachable: false,
        lag_secs: None,
    }
}

fn standby_tenant(
    id: i64,
    name: &str,
    cluster_id: i64,
    primary: i64,
    primary_reachable: bool,
    lag_secs: Option<i64>,
) -> TenantRec {
    TenantRec {
        id,
        name: name.into(),
        cluster_id,
        role: TenantRole::Standby,
        status: TenantStatus::Normal,
        mode: TenantMode::Mysql,
        service_name: None,
        primary_tenant: Some(primary),
        primary_reachable,
        lag_secs,
    }
}

impl Estate {
    /// The demo estate. Cluster 3000010 / tenant 2000025 (`ohayo_2`) and cluster 6 are the
    /// seed samples' subjects and answer exactly as the seeds show.
    pub(crate) fn demo(speed: f64) -> Estate {
        // Two regions: the 4.x primary and its nearby standby in Hangzhou, the two far standbys
        // in Shanghai; the 3.x pairs likewise split across the two.
        let mut clusters = vec![
            cluster(
                3000009,
                "OB424_P",
                ClusterType::Primary,
                "4.2.4.0",
                None,
                true,
                HZ,
            ),
            cluster(
                3000010,
                "OB424_A",
                ClusterType::Standby,
                "4.2.4.0",
                Some(3000009),
                true,
                HZ,
            ),
            cluster(
                3000012,
                "OB424_B",
                ClusterType::Standby,
                "4.2.4.0",
                Some(3000009),
                false,
                SH,
            ),
            cluster(
                5,
                "ob3x_primary",
                ClusterType::Primary,
                "3.2.4.5",
                None,
                true,
                HZ,
            ),
            cluster(
                6,
                "ob3x_standby",
                ClusterType::Standby,
                "3.2.4.5",
                Some(5),
                false,
                SH,
            ),
            cluster(
                7,
                "ob3x_east",
                ClusterType::Primary,
                "3.2.4.5",
                None,
                true,
                SH,
            ),
            cluster(
                8,
                "ob3x_east_dr",
                ClusterType::Standby,
                "3.2.4.5",
                Some(7),
                true,
                HZ,
            ),
            // A second standby cluster of OB424_P, so `sales` has two ready standbys at
            // different lags (sales_dr 2 s, sales_dr2 20 s). Last, so the ids above keep their
            // places in the list.
            cluster(
                3000013,
                "OB424_C",
                ClusterType::Standby,
                "4.2.4.0",
                Some(3000009),
                false,
                SH,
            ),
        ];
        clusters[6].server_count = 6;
        let mut tenants = vec![
            primary_tenant(2000020, "ohayo", 3000009, "SERVICE_C"),
            primary_tenant(2000021, "sales", 3000009, "SERVICE_SALES"),
            primary_tenant(2000022, "billing", 3000009, "SERVICE_BILLING"),
            primary_tenant(2000023, "audit", 3000009, "SERVICE_AUDIT"),
            primary_tenant(2000024, "hr", 3000009, "SERVICE_HR"),
            // The seed's standby: its primary still answers, so failover is blocked (OBE26107),
            // and its sync position is unknown (the seed has no syncScn).
            standby_tenant(2000025, "ohayo_2", 3000010, 2000020, true, None),
            standby_tenant(2000031, "sales_dr", 3000012, 2000021, false, Some(2)),
            standby_tenant(2000032, "billing_dr", 3000012, 2000022, false, Some(45)),
            standby_tenant(2000033, "audit_dr", 3000012, 2000023, true, Some(1)),
            standby_tenant(2000034, "hr_dr", 3000012, 2000024, false, Some(0)),
            // Behind by more than the lag warning, yet its failover precheck passes (a warning).
            standby_tenant(2000035, "sales_dr2", 3000013, 2000021, false, Some(20)),
            primary_tenant(1001, "app_main", 5, "SERVICE_APP"),
            primary_tenant(1101, "east_orders", 7, "SERVICE_ORDERS"),
        ];
        // A page's worth more on the primary, so the tenant list pages.
        for i in 0..14 {
            tenants.push(primary_tenant(
                2000100 + i,
                &format!("svc_{:02}", i + 1),
                3000009,
                &format!("SERVICE_SVC_{:02}", i + 1),
            ));
        }
        Estate {
            clusters,
            tenants,
            tasks: BTreeMap::new(),
            clock: Clock::new(speed),
            task_faults: Vec::new(),
            gfc: Gfc::demo(),
            instances: HashMap::new(),
        }
    }
}
