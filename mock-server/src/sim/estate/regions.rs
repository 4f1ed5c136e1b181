//! Where a cluster is: the regions a scenario names for it, checked, and the zones its reply
//! carries (`regionCount`, `zones: [{name, regionName}]`; the zone shape is an assumption,
//! docs/mock-api.md).

use super::spec::{err, ClusterSpec, SpecError, SpecItem};
use console_core::wire::Zone;
use std::collections::HashSet;

impl ClusterSpec {
    /// The cluster's regions, checked: not both fields, no blank or repeated name.
    pub(super) fn region_list(&self, item: SpecItem) -> Result<Vec<String>, SpecError> {
        let list = match (&self.region, &self.regions) {
            (Some(_), Some(_)) => {
                return Err(err(
                    item,
                    "region and regions: expected one of them, not both".into(),
                ))
            }
            (Some(r), None) => vec![r.clone()],
            (None, Some(rs)) if rs.is_empty() => {
                return Err(err(
                    item,
                    "regions: expected at least one region name, got []".into(),
                ))
            }
            (None, Some(rs)) => rs.clone(),
            (None, None) => Vec::new(),
        };
        let mut seen = HashSet::new();
        for r in &list {
            if r.trim().is_empty() {
                return Err(err(
                    item,
                    "region: expected a region name such as \"cn-hangzhou\", got \"\"".into(),
                ));
            }
            if !seen.insert(r.as_str()) {
                return Err(err(item, format!("regions: \"{r}\" appears twice")));
            }
        }
        Ok(list)
    }
}

/// The zones of a cluster in `regions`: at least three (`zone1`…, as the tenants' primary zone
/// `zone1;zone2;zone3` names them) and one per region, spread in order with the first region
/// holding the majority (2 + 1 over two regions, the usual layout for a majority in one city).
pub(super) fn zones(regions: &[String]) -> Vec<Zone> {
    let count = regions.len().max(3);
    (0..count)
        .map(|k| Zone {
            name: Some(format!("zone{}", k + 1)),
            region_name: regions.get(k * regions.len() / count).cloned(),
            unreadable: Default::default(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::estate::spec::tests::estate;

    fn regions_of(names: &[&str]) -> Vec<Option<String>> {
        let names: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        zones(&names).into_iter().map(|z| z.region_name).collect()
    }

    #[test]
    fn zones_hold_every_region_in_order_with_the_majority_in_the_first() {
        let r = |s: &str| Some(s.to_string());
        assert_eq!(regions_of(&["a"]), vec![r("a"), r("a"), r("a")]);
        assert_eq!(regions_of(&["a", "b"]), vec![r("a"), r("a"), r("b")]);
        assert_eq!(
            regions_of(&["a", "b", "c", "d"]),
            vec![r("a"), r("b"), r("c"), r("d")]
        );
    }

    #[test]
    fn regions_are_one_or_a_list_never_both_blank_or_repeated() {
        let e = estate(
            r#"{"clusters": [{"id": 1, "name": "p", "region": "cn-hangzhou"},
                             {"id": 2, "name": "s", "primary": 1, "regions": ["cn-shanghai", "cn-beijing"]},
                             {"id": 3, "name": "q"}], "tenants": []}"#,
        )
        .unwrap();
        assert_eq!(e.clusters[0].regions, vec!["cn-hangzhou"]);
        assert_eq!(e.clusters[1].regions, vec!["cn-shanghai", "cn-beijing"]);
        assert!(e.clusters[2].regions.is_empty());
        for (json, says) in [
            (
                r#"{"id": 1, "name": "p", "region": "a", "regions": ["b"]}"#,
                "not both",
            ),
            (
                r#"{"id": 1, "name": "p", "region": " "}"#,
                "expected a region name",
            ),
            (r#"{"id": 1, "name": "p", "regions": []}"#, "at least one"),
            (
                r#"{"id": 1, "name": "p", "regions": ["a", "a"]}"#,
                "\"a\" appears twice",
            ),
        ] {
            let e = estate(&format!(
                r#"{{"clusters": [{{"id": 0, "name": "o"}}, {json}], "tenants": []}}"#
            ))
            .err()
            .unwrap();
            assert_eq!(e.item, SpecItem::Cluster(1), "{json}");
            assert!(e.message.contains(says), "{json}: {}", e.message);
        }
    }
}
