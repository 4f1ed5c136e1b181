//! What the board shows of its rows: the search box (a standby's name, its cluster, its
//! region or its primary, any case), the counts above the table, and the order and filter
//! together, so the page and its URL agree on one list.

use super::rows::{arrange, Row, Sort};

/// Whether `row` matches what the operator typed (blank matches everything).
pub fn matches(row: &Row, query: &str) -> bool {
    let s = &row.standby;
    let fields = [
        Some(s.name.as_str()),
        Some(s.cluster_name.as_str()),
        Some(s.region.as_str()),
        s.primary_name.as_deref(),
    ];
    crate::listing::matches(fields.into_iter().flatten(), query)
}

/// The rows to show, in order: sorted, filtered to "not ready" if asked, then searched.
pub fn shown(rows: &[Row], sort: Sort, not_ready_only: bool, query: &str) -> Vec<Row> {
    let mut out = arrange(rows, sort, not_ready_only);
    out.retain(|r| matches(r, query));
    out
}

/// What the operator chose to see, kept in the board's URL (`/readiness?sort=age&notReady=1&q=sales`)
/// so a view is a link that survives a reload.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BoardView {
    pub sort: Sort,
    pub not_ready_only: bool,
    pub query: String,
}

impl BoardView {
    /// Reads the URL's query parameters (`get` gives one by name); anything odd is the default.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> BoardView {
        BoardView {
            sort: get("sort").map(|s| Sort::parse(&s)).unwrap_or_default(),
            not_ready_only: get("notReady").is_some_and(|v| v == "1"),
            query: get("q").unwrap_or_default(),
        }
    }

    /// The board's URL for this view (defaults left out).
    pub fn href(&self) -> String {
        let mut parts = Vec::new();
        if self.sort != Sort::default() {
            parts.push(format!("sort={}", self.sort.as_str()));
        }
        if self.not_ready_only {
            parts.push("notReady=1".to_string());
        }
        let q = self.query.trim();
        if !q.is_empty() {
            parts.push(format!("q={}", crate::url::encode(q)));
        }
        if parts.is_empty() {
            "/readiness".into()
        } else {
            format!("/readiness?{}", parts.join("&"))
        }
    }
}

/// The counts above the board ("1,100 standbys · 37 not ready · 3 lag unknown"), over every row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub standbys: usize,
    pub not_ready: usize,
    pub lag_unknown: usize,
}

pub fn counts(rows: &[Row]) -> Counts {
    Counts {
        standbys: rows.len(),
        not_ready: rows.iter().filter(|r| !r.ready()).count(),
        lag_unknown: rows.iter().filter(|r| r.lag_secs.is_none()).count(),
    }
}

pub use crate::listing::grouped;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::precheck::board::rows::{Kind, Standby};

    fn row(name: &str, cluster: &str, region: &str, lag: Option<i64>) -> Row {
        Row {
            standby: Standby {
                key: name.into(),
                kind: Kind::Tenant { tenant_id: 1 },
                name: name.into(),
                cluster_id: 1,
                cluster_name: cluster.into(),
                primary_key: None,
                primary_name: Some("sales".into()),
                lag_secs: lag,
                seen_at_ms: 0,
                region: region.into(),
            },
            last: None,
            lag_secs: lag,
            recommended: false,
            rpo_objective: None,
        }
    }

    #[test]
    fn search_reads_name_cluster_region_and_primary_in_any_case() {
        let r = row("orders_dr", "c017_dr", "cn-Chengdu", Some(3));
        for q in ["", "  ", "ORDERS", "c017", "chengdu", "SAL"] {
            assert!(matches(&r, q), "{q}");
        }
        assert!(!matches(&r, "hangzhou"));
    }

    #[test]
    fn counts_every_row_and_groups_thousands() {
        let rows = vec![
            row("a", "c", "r", Some(1)),
            row("b", "c", "r", None),
            row("c", "c", "r", None),
        ];
        assert_eq!(
            counts(&rows),
            Counts {
                standbys: 3,
                not_ready: 3,
                lag_unknown: 2
            }
        );
        assert_eq!(grouped(1_100), "1,100");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1_000_000), "1,000,000");
        assert_eq!(grouped(0), "0");
    }

    #[test]
    fn the_view_survives_its_url() {
        let v = BoardView {
            sort: Sort::Age,
            not_ready_only: true,
            query: "c017 dr&x".into(),
        };
        let href = v.href();
        let query: std::collections::HashMap<String, String> = href
            .split_once('?')
            .map(|(_, q)| q)
            .unwrap_or("")
            .split('&')
            .filter_map(|kv| kv.split_once('='))
            .map(|(k, v)| (k.to_string(), crate::url::decode(v)))
            .collect();
        assert_eq!(BoardView::from_query(|k| query.get(k).cloned()), v);
        assert_eq!(BoardView::default().href(), "/readiness");
        assert_eq!(
            BoardView::from_query(|_| Some("odd".into())).sort,
            Sort::default()
        );
    }

    #[test]
    fn shown_is_searched_after_sorting_and_filtering() {
        let rows = vec![row("a1", "x", "r", Some(5)), row("b1", "y", "r", Some(50))];
        let list = shown(&rows, Sort::Lag, false, "1");
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].standby.name, "b1");
        assert_eq!(shown(&rows, Sort::Lag, false, "y").len(), 1);
    }
}
