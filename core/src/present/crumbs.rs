//! Breadcrumb trails of the deep pages ("Clusters › OB424_B › sales_dr › Failover precheck"):
//! how a page's place is written from its route parameters and the names loaded so far. A name
//! not loaded yet (or blank, or unreadable) reads as its id ("#3000012", [`name_or_id`]), so
//! the trail is whole from the first paint and only its words change when the data arrives.

use crate::i18n::{fill, text, Lang, Text};
use crate::name::name_or_id;
use crate::precheck::verdict::Action;

/// One step of a trail. `href` is `None` for the page itself (always the last step) and for a
/// place with no page of its own (a tenant).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Crumb {
    pub label: String,
    pub href: Option<String>,
}

/// Where a deep page is. Names are what the page has loaded (`None` until then).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place<'a> {
    Cluster {
        id: i64,
        name: Option<&'a str>,
    },
    TenantDr {
        cluster: i64,
        cluster_name: Option<&'a str>,
        tenant: i64,
        tenant_name: Option<&'a str>,
        action: Action,
    },
    ClusterDr {
        cluster: i64,
        name: Option<&'a str>,
        action: Action,
    },
    BatchFailover {
        cluster: i64,
        name: Option<&'a str>,
    },
    Task {
        id: i64,
    },
    GfcOperations {
        session: &'a str,
    },
    GfcReport {
        session: &'a str,
    },
}

fn link(label: String, href: String) -> Crumb {
    Crumb {
        label,
        href: Some(href),
    }
}

fn here(label: String) -> Crumb {
    Crumb { label, href: None }
}

fn clusters(lang: Lang) -> Crumb {
    link(
        text(lang, Text::NavClusters).to_string(),
        "/clusters".into(),
    )
}

fn cluster(id: i64, name: Option<&str>) -> Crumb {
    link(name_or_id(name, id), format!("/clusters/{id}"))
}

/// The trail of `place`, from the section's list down to the page itself (last, unlinked).
pub fn trail(place: &Place, lang: Lang) -> Vec<Crumb> {
    let t = |k: Text| text(lang, k).to_string();
    match place {
        Place::Cluster { id, name } => vec![clusters(lang), here(name_or_id(*name, *id))],
        Place::TenantDr {
            cluster: c,
            cluster_name,
            tenant,
            tenant_name,
            action,
        } => vec![
            clusters(lang),
            cluster(*c, *cluster_name),
            // A tenant has no page of its own: its name places it, its cluster page lists it.
            here(name_or_id(*tenant_name, *tenant)),
            here(t(match action {
                Action::Failover => Text::CrumbFailoverPrecheck,
                Action::Switchover => Text::CrumbSwitchoverPrecheck,
            })),
        ],
        Place::ClusterDr {
            cluster: c,
            name,
            action,
        } => vec![
            clusters(lang),
            cluster(*c, *name),
            here(t(match action {
                Action::Failover => Text::CrumbClusterFailover,
                Action::Switchover => Text::CrumbClusterSwitchover,
            })),
        ],
        Place::BatchFailover { cluster: c, name } => vec![
            clusters(lang),
            cluster(*c, *name),
            here(t(Text::CrumbBatchFailover)),
        ],
        Place::Task { id } => vec![
            link(t(Text::NavTasks), "/tasks".into()),
            here(format!("#{id}")),
        ],
        Place::GfcOperations { session } => vec![
            link(t(Text::NavGfc), "/components".into()),
            here(fill(lang, Text::CrumbGfcOperations, &[session])),
        ],
        Place::GfcReport { session } => vec![
            link(t(Text::NavGfc), "/components".into()),
            here(fill(lang, Text::CrumbGfcReport, &[session])),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(c: &[Crumb]) -> Vec<&str> {
        c.iter().map(|c| c.label.as_str()).collect()
    }

    #[test]
    fn tenant_precheck_trail_names_cluster_and_tenant_and_links_back() {
        let c = trail(
            &Place::TenantDr {
                cluster: 3000012,
                cluster_name: Some("OB424_B"),
                tenant: 2000031,
                tenant_name: Some("sales_dr"),
                action: Action::Failover,
            },
            Lang::En,
        );
        assert_eq!(
            labels(&c),
            ["Clusters", "OB424_B", "sales_dr", "Failover precheck"]
        );
        assert_eq!(c[0].href.as_deref(), Some("/clusters"));
        assert_eq!(c[1].href.as_deref(), Some("/clusters/3000012"));
        assert_eq!(c[2].href, None);
        assert_eq!(c[3].href, None);
    }

    #[test]
    fn ids_stand_in_while_names_load_or_are_blank() {
        let c = trail(
            &Place::TenantDr {
                cluster: 6,
                cluster_name: None,
                tenant: 2000033,
                tenant_name: Some("  "),
                action: Action::Switchover,
            },
            Lang::Zh,
        );
        assert_eq!(labels(&c), ["集群", "#6", "#2000033", "主备切换预检查"]);
    }

    #[test]
    fn every_trail_starts_linked_and_ends_on_the_page_itself() {
        let places = [
            Place::Cluster {
                id: 6,
                name: Some("OB424_P"),
            },
            Place::ClusterDr {
                cluster: 6,
                name: Some("OB424_B"),
                action: Action::Failover,
            },
            Place::BatchFailover {
                cluster: 6,
                name: None,
            },
            Place::Task { id: 171603 },
            Place::GfcOperations { session: "s-1" },
            Place::GfcReport { session: "s-1" },
        ];
        for lang in [Lang::En, Lang::Zh] {
            for p in &places {
                let c = trail(p, lang);
                assert!(c.len() >= 2, "{p:?}");
                assert!(c[0].href.is_some(), "{p:?}");
                assert!(c.last().is_some_and(|l| l.href.is_none()), "{p:?}");
                assert!(c.iter().all(|c| !c.label.trim().is_empty()), "{p:?}");
            }
        }
        assert_eq!(
            labels(&trail(&Place::Task { id: 171603 }, Lang::En)),
            ["Tasks", "#171603"]
        );
        assert_eq!(
            labels(&trail(
                &Place::BatchFailover {
                    cluster: 3000012,
                    name: Some("OB424_B")
                },
                Lang::En
            )),
            ["Clusters", "OB424_B", "Batch failover"]
        );
        assert_eq!(
            labels(&trail(&Place::GfcOperations { session: "abc" }, Lang::En)),
            ["Components", "Operations of session abc"]
        );
    }
}
