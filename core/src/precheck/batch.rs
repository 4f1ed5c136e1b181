//! The batch precheck's table, however many standby tenants a cluster has: filtered by verdict
//! and finding code, searched by name or code, sorted, counted; the whole view kept in the
//! page's URL (`?verdict=blocked&code=OBE26107&sort=name&q=orders`).

use super::verdict::{Summary, Verdict};
use crate::listing::{matches, SortKey};

/// Batch table filters.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BatchFilter {
    pub verdict: Option<Verdict>,
    /// Only tenants with a finding of this code.
    pub code: Option<String>,
    /// What the operator typed: a name or a finding code, any case.
    pub query: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BatchSort {
    #[default]
    Verdict,
    Name,
    Errors,
    Warnings,
}

impl SortKey for BatchSort {
    const ALL: &'static [BatchSort] = &[
        BatchSort::Verdict,
        BatchSort::Name,
        BatchSort::Errors,
        BatchSort::Warnings,
    ];
    fn as_str(self) -> &'static str {
        match self {
            BatchSort::Verdict => "verdict",
            BatchSort::Name => "name",
            BatchSort::Errors => "errors",
            BatchSort::Warnings => "warnings",
        }
    }
}

/// The verdict as the URL and the filter's options write it.
pub fn verdict_slug(v: Verdict) -> &'static str {
    match v {
        Verdict::Pass => "pass",
        Verdict::Blocked => "blocked",
        Verdict::NoVerdict => "none",
    }
}

fn verdict_from_slug(s: &str) -> Option<Verdict> {
    [Verdict::Pass, Verdict::Blocked, Verdict::NoVerdict]
        .into_iter()
        .find(|v| verdict_slug(*v) == s)
}

/// What the operator chose to see, as the URL keeps it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BatchView {
    pub filter: BatchFilter,
    pub sort: BatchSort,
}

impl BatchView {
    /// Reads the URL's query parameters; anything odd is the default.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> BatchView {
        let text = |k: &str| {
            get(k)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        BatchView {
            filter: BatchFilter {
                verdict: text("verdict").and_then(|v| verdict_from_slug(&v)),
                code: text("code"),
                query: text("q").unwrap_or_default(),
            },
            sort: text("sort")
                .map(|s| BatchSort::parse(&s))
                .unwrap_or_default(),
        }
    }

    /// The URL's parameters for this view, defaults left out (not yet encoded).
    pub fn params(&self) -> Vec<(&'static str, String)> {
        let f = &self.filter;
        [
            ("verdict", f.verdict.map(|v| verdict_slug(v).to_string())),
            ("code", f.code.clone()),
            (
                "sort",
                (self.sort != BatchSort::default()).then(|| self.sort.as_str().to_string()),
            ),
            ("q", Some(f.query.trim().to_string())),
        ]
        .into_iter()
        .filter_map(|(k, v)| Some((k, v.filter(|v| !v.is_empty())?)))
        .collect()
    }
}

/// Applies the filter and the sort; ties keep OCP's order.
pub fn batch_view(rows: &[Summary], filter: &BatchFilter, sort: BatchSort) -> Vec<Summary> {
    let mut out: Vec<Summary> = rows
        .iter()
        .filter(|r| filter.verdict.is_none_or(|v| r.verdict == v))
        .filter(|r| {
            filter
                .code
                .as_deref()
                .is_none_or(|c| r.codes().any(|x| x == c))
        })
        .filter(|r| {
            matches(
                std::iter::once(r.name.as_str()).chain(r.codes()),
                &filter.query,
            )
        })
        .cloned()
        .collect();
    crate::order::sort_by(&mut out, |a, b| match sort {
        // Passing first: those are the ones an operator selects.
        BatchSort::Verdict => a.verdict.cmp(&b.verdict),
        BatchSort::Name => a.name.cmp(&b.name),
        BatchSort::Errors => b.blocking.len().cmp(&a.blocking.len()),
        BatchSort::Warnings => b.warnings.len().cmp(&a.warnings.len()),
    });
    out
}

/// Every distinct finding code in the batch, for the code filter.
pub fn batch_codes(rows: &[Summary]) -> Vec<String> {
    let mut codes: Vec<String> = rows
        .iter()
        .flat_map(|r| r.codes().map(str::to_string))
        .filter(|c| !c.is_empty())
        .collect();
    crate::order::sort_by(&mut codes, |a, b| a.cmp(b));
    codes.dedup();
    codes
}

/// The counts above the table ("500 standby tenants · 480 pass · 15 blocked · 5 no verdict").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BatchCounts {
    pub tenants: usize,
    pub pass: usize,
    pub blocked: usize,
    pub no_verdict: usize,
}

pub fn batch_counts(rows: &[Summary]) -> BatchCounts {
    let n = |v: Verdict| rows.iter().filter(|r| r.verdict == v).count();
    BatchCounts {
        tenants: rows.len(),
        pass: n(Verdict::Pass),
        blocked: n(Verdict::Blocked),
        no_verdict: n(Verdict::NoVerdict),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::precheck::verdict::summarize;
    use crate::wire::{PreCheckResult, TenantPreCheck};
    use crate::ErrorCode;

    fn pre(name: &str, valid: Option<bool>, codes: &[(&str, bool)]) -> TenantPreCheck {
        TenantPreCheck {
            name: Some(name.into()),
            valid,
            check_results: Some(
                codes
                    .iter()
                    .map(|(code, warning)| PreCheckResult {
                        error_code: Some(ErrorCode::Text((*code).into())),
                        error_message: Some(format!("{code} message")),
                        warning: Some(*warning),
                        ..Default::default()
                    })
                    .collect(),
            ),
            ..Default::default()
        }
    }

    fn rows() -> Vec<Summary> {
        vec![
            summarize(&pre("c", Some(false), &[("OBE26107", false)])),
            summarize(&pre("a", Some(true), &[])),
            summarize(&pre("b", Some(true), &[("OBE26120", true)])),
            summarize(&pre("d", None, &[])),
        ]
    }

    fn names(v: Vec<Summary>) -> Vec<String> {
        v.into_iter().map(|s| s.name).collect()
    }

    #[test]
    fn batch_filters_searches_and_sorts() {
        let rows = rows();
        let all = BatchFilter::default();
        assert_eq!(
            names(batch_view(&rows, &all, BatchSort::Verdict)),
            ["a", "b", "c", "d"]
        );
        assert_eq!(
            names(batch_view(&rows, &all, BatchSort::Name)),
            ["a", "b", "c", "d"]
        );
        assert_eq!(names(batch_view(&rows, &all, BatchSort::Errors))[0], "c");
        let blocked = BatchFilter {
            verdict: Some(Verdict::Blocked),
            ..BatchFilter::default()
        };
        assert_eq!(names(batch_view(&rows, &blocked, BatchSort::Name)), ["c"]);
        let by_code = BatchFilter {
            code: Some("OBE26120".into()),
            ..BatchFilter::default()
        };
        assert_eq!(names(batch_view(&rows, &by_code, BatchSort::Name)), ["b"]);
        let searched = BatchFilter {
            query: "obe26107".into(),
            ..BatchFilter::default()
        };
        assert_eq!(names(batch_view(&rows, &searched, BatchSort::Name)), ["c"]);
        assert_eq!(batch_codes(&rows), ["OBE26107", "OBE26120"]);
        assert_eq!(
            batch_counts(&rows),
            BatchCounts {
                tenants: 4,
                pass: 2,
                blocked: 1,
                no_verdict: 1
            }
        );
    }

    #[test]
    fn the_view_survives_its_url_and_odd_values_read_as_defaults() {
        let v = BatchView {
            filter: BatchFilter {
                verdict: Some(Verdict::NoVerdict),
                code: Some("OBE 1".into()),
                query: "orders".into(),
            },
            sort: BatchSort::Warnings,
        };
        let params = v.params();
        let back =
            BatchView::from_query(|k| params.iter().find(|(p, _)| *p == k).map(|(_, v)| v.clone()));
        assert_eq!(back, v);
        assert!(BatchView::default().params().is_empty());
        let odd = BatchView::from_query(|k| match k {
            "verdict" => Some("maybe".into()),
            "sort" => Some("size".into()),
            "code" => Some("  ".into()),
            _ => None,
        });
        assert_eq!(odd, BatchView::default());
    }
}
