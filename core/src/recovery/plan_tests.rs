use super::*;
use crate::drill::ledger::{ObjectiveVerdict, RpoAtLaunch};
use crate::precheck::board::{rows_with, standbys, ReadAt, TenantsOf};
use crate::precheck::readiness::{tenant_key, Histories, Record};
use crate::recovery::totals::{totals, Figure};
use crate::wire::Tenant;
use serde_json::json;

const NOW: i64 = 1_721_726_500_000;

fn cluster(id: i64, name: &str, region: &str, primary: Option<i64>) -> Cluster {
    let mut v = json!({"id": id, "name": name, "type": if primary.is_some() { "STANDBY" } else { "PRIMARY" },
        "zones": [{"name": "z1", "regionName": region}]});
    if let Some(p) = primary {
        v["primaryCluster"] = json!({"id": p});
    }
    serde_json::from_value(v).expect("cluster")
}

fn tenant(id: i64, name: &str, primary: Option<(i64, i64, &str)>, lag: Option<i64>) -> Tenant {
    let mut v = json!({"id": id, "name": name, "tenantRole": if primary.is_some() { "STANDBY" } else { "PRIMARY" }});
    if let Some((c, t, n)) = primary {
        v["primaryTenantClusterId"] = json!(c);
        v["primaryTenantId"] = json!(t);
        v["primaryTenantName"] = json!(n);
    }
    if let Some(l) = lag {
        v["syncScn"] = json!((NOW - l * 1000) * 1_000_000);
    }
    serde_json::from_value(v).expect("tenant")
}

fn pass(lag: Option<i64>) -> Record {
    Record {
        at_ms: NOW - 1,
        verdict: Kept::Pass,
        blocking: vec![],
        warnings: vec![],
        lag_secs: lag,
    }
}

/// The east region down: east_core (3 tenants, standbys in west_core_dr) and east_ledger (a
/// standby cluster west_ledger_dr); a west primary untouched.
fn estate(histories: &Histories, objectives: &[Objective]) -> (Vec<Cluster>, Vec<Row>) {
    let clusters = vec![
        cluster(1, "east_core", "east", None),
        cluster(2, "east_ledger", "east", None),
        cluster(3, "west_app", "west", None),
        cluster(11, "west_core_dr", "west", Some(1)),
        cluster(12, "west_ledger_dr", "west", Some(2)),
    ];
    let tenants: Vec<(i64, TenantsOf)> = vec![
        (
            1,
            Ok(vec![
                tenant(101, "orders", None, None),
                tenant(102, "payments", None, None),
                tenant(103, "catalog", None, None),
            ]),
        ),
        (2, Ok(vec![])),
        (3, Ok(vec![tenant(301, "app", None, None)])),
        (
            11,
            Ok(vec![
                tenant(111, "orders_dr", Some((1, 101, "orders")), Some(3)),
                tenant(112, "payments_dr", Some((1, 102, "payments")), Some(95)),
                tenant(113, "catalog_dr", Some((1, 103, "catalog")), Some(1260)),
            ]),
        ),
        (12, Ok(vec![])),
    ];
    let s = standbys(&clusters, &tenants, ReadAt::same(NOW));
    (clusters.clone(), rows_with(&s, histories, objectives))
}

fn drill(kind: DrillKind, tenant: Option<&str>, cluster: &str, rto_ms: i64) -> Drill {
    Drill {
        id: 1,
        task_name: String::new(),
        kind,
        target: tenant.unwrap_or(cluster).into(),
        tenant: tenant.map(str::to_string),
        cluster: cluster.into(),
        launched_ms: Some(0),
        creator: None,
        outcome: Outcome::Succeeded,
        intervened: false,
        rto_ms: Some(rto_ms),
        rpo: RpoAtLaunch::NotRecorded,
        rpo_check: None,
        objective: ObjectiveVerdict::NoObjective,
        rpo_objective_secs: None,
    }
}

#[test]
fn a_region_down_gives_the_standby_cluster_first_then_each_tenant_most_critical_first() {
    let mut h = Histories::default();
    h.push(&tenant_key(11, 111), pass(Some(3)));
    h.push(&tenant_key(11, 112), pass(Some(95)));
    h.push(&cluster_key(12), pass(None));
    // catalog_dr never prechecked: no safe target.
    let objectives = [Objective {
        pattern: "payments*".into(),
        rpo_secs: Some(120),
        rto_secs: Some(300),
    }];
    let (clusters, rows) = estate(&h, &objectives);
    let drills = [
        drill(
            DrillKind::TenantFailover,
            Some("orders_dr"),
            "west_core_dr",
            40_000,
        ),
        drill(DrillKind::TenantFailover, Some("x"), "y", 100_000),
        drill(DrillKind::TenantFailover, Some("z"), "y", 120_000),
        drill(DrillKind::ClusterFailover, None, "west_ledger_dr", 60_000),
    ];
    let plan = propose(
        Scope::Region("east".into()),
        &clusters,
        &rows,
        &drills,
        &objectives,
    );
    let item = |n: &str| {
        plan.items
            .iter()
            .find(|i| i.primary_name == n)
            .expect("item")
    };
    let names: Vec<Vec<&str>> = plan
        .groups
        .iter()
        .map(|g| {
            g.iter()
                .map(|&i| plan.items[i].primary_name.as_str())
                .collect()
        })
        .collect();
    // Standby clusters first; payments (an RTO objective) before the other tenants.
    assert_eq!(
        names,
        vec![
            vec!["east_core", "east_ledger"],
            vec!["payments", "catalog", "orders"]
        ]
    );
    // west_core_dr was never prechecked as a cluster: no safe target, said.
    assert_eq!(item("east_core").target, None);
    assert_eq!(
        item("east_core").unsafe_standbys,
        vec![("west_core_dr".to_string(), Unsafe::NeverPrechecked)]
    );
    assert_eq!(item("east_ledger").kind, ItemKind::ClusterFailover);
    assert_eq!(
        item("east_ledger").target.as_ref().map(|t| t.name.as_str()),
        Some("west_ledger_dr")
    );
    assert_eq!(
        item("orders").target.as_ref().and_then(|t| t.lag_secs),
        Some(3)
    );
    // Its own drills when it has some; every target's median otherwise.
    assert_eq!(item("orders").expected_ms, Some(40_000));
    assert_eq!(item("payments").expected_ms, Some(100_000));
    assert_eq!(item("payments").rto_objective_secs, Some(300));
    let catalog = item("catalog");
    assert_eq!(catalog.target, None);
    assert_eq!(
        catalog.unsafe_standbys,
        vec![("catalog_dr".to_string(), Unsafe::NeverPrechecked)]
    );
    // Nothing of the west primary.
    assert!(plan.items.iter().all(|i| i.primary_cluster != "west_app"));

    // Totals: the worst lag among targets (the cluster's is unknown: a floor), 60 s for the
    // cluster group, then 100 s and 40 s on two lanes.
    let t = totals(&plan, 2, &|_| false);
    assert_eq!((t.with_target, t.without_target), (3, 2));
    assert_eq!(t.data_at_risk_secs, Figure::AtLeast(95));
    assert_eq!(t.expected_ms, Figure::Known(160_000));
    let one_lane = totals(&plan, 1, &|_| false);
    assert_eq!(one_lane.expected_ms, Figure::Known(200_000));
}

#[test]
fn a_standby_over_its_rpo_objective_is_not_a_target_and_says_why() {
    let mut h = Histories::default();
    h.push(&tenant_key(11, 112), pass(Some(95)));
    let objectives = [Objective {
        pattern: "payments_dr".into(),
        rpo_secs: Some(30),
        rto_secs: None,
    }];
    let (clusters, rows) = estate(&h, &objectives);
    let plan = propose(Scope::Clusters(vec![1]), &clusters, &rows, &[], &objectives);
    let p = plan
        .items
        .iter()
        .find(|i| i.primary_name == "payments")
        .expect("payments");
    assert_eq!(p.target, None);
    assert_eq!(
        p.unsafe_standbys,
        vec![(
            "payments_dr".to_string(),
            Unsafe::RpoExceeded {
                rpo_secs: 30,
                lag_secs: 95
            }
        )]
    );
    // No drills at all: the expected time is unknown, never zero.
    assert_eq!(totals(&plan, 2, &|_| false).expected_ms, Figure::Unknown);
}

#[test]
fn edits_keep_every_item_in_exactly_one_group() {
    let mut h = Histories::default();
    h.push(&tenant_key(11, 111), pass(Some(3)));
    h.push(&cluster_key(12), pass(None));
    let (clusters, rows) = estate(&h, &[]);
    let mut plan = propose(Scope::Region("east".into()), &clusters, &rows, &[], &[]);
    let orders = plan
        .items
        .iter()
        .position(|i| i.primary_name == "orders")
        .expect("orders");
    assert!(plan.move_to_group(orders, 0));
    // Last of the clusters' group, then one place up.
    assert_eq!(plan.place_of(orders), Some((0, 2)));
    assert!(plan.move_within(orders, true));
    assert_eq!(plan.place_of(orders), Some((0, 1)));
    assert!(!plan.move_within(plan.groups[0][0], true));
    assert!(plan.move_group(1, true));
    assert!(!plan.move_group(0, true));
    assert!(plan.move_to_group(orders, plan.groups.len()));
    let mut seen: Vec<usize> = plan.groups.iter().flatten().copied().collect();
    seen.sort_unstable();
    assert_eq!(seen, (0..plan.items.len()).collect::<Vec<_>>());
    assert!(plan.groups.iter().all(|g| !g.is_empty()));
}

#[test]
fn a_new_proposal_of_the_same_primaries_keeps_the_operators_order() {
    let (clusters, rows) = estate(&Histories::default(), &[]);
    let mut edited = propose(Scope::Region("east".into()), &clusters, &rows, &[], &[]);
    let orders = edited
        .items
        .iter()
        .position(|i| i.primary_name == "orders")
        .expect("orders");
    assert!(edited.move_to_group(orders, 0));
    let mut h = Histories::default();
    h.push(&tenant_key(11, 111), pass(Some(3)));
    let (clusters, rows) = estate(&h, &[]);
    let mut again = propose(Scope::Region("east".into()), &clusters, &rows, &[], &[]);
    again.keep_order_of(&edited);
    let o = again
        .items
        .iter()
        .position(|i| i.primary_name == "orders")
        .expect("orders");
    assert_eq!(again.place_of(o).map(|(g, _)| g), Some(0));
    // The new proposal's facts: orders now has a target.
    assert!(again.items[o].target.is_some());
    // Another region: as proposed.
    let mut west = propose(Scope::Region("west".into()), &clusters, &rows, &[], &[]);
    let before = west.groups.clone();
    west.keep_order_of(&edited);
    assert_eq!(west.groups, before);
}
