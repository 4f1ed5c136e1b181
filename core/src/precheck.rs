//! Reading a precheck: the verdict, blocking errors and warnings, what changed since the last
//! run, and the batch table's sorting and filtering. Pure functions the pages call.

use crate::wire::{PreCheckResult, TenantPreCheck};
use crate::Long;

/// The verdict of one tenant's precheck.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Verdict {
    /// No blocking error: the launch may go ahead (warnings may still need accepting).
    Pass,
    /// At least one blocking error, or OCP said `valid: false`.
    Blocked,
}

/// One check outcome reduced to what the console shows and compares.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Finding {
    pub code: String,
    pub message: String,
    pub blocking: bool,
}

impl From<&PreCheckResult> for Finding {
    fn from(r: &PreCheckResult) -> Self {
        Finding {
            code: r
                .error_code
                .as_ref()
                .map(|c| c.to_string())
                .unwrap_or_default(),
            message: r.error_message.clone().unwrap_or_default(),
            blocking: r.is_blocking(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub tenant_id: Option<Long>,
    pub name: String,
    pub verdict: Verdict,
    pub blocking: Vec<Finding>,
    pub warnings: Vec<Finding>,
    pub sync_scn: Option<Long>,
    pub primary_service_name: Option<String>,
}

impl Summary {
    pub fn codes(&self) -> impl Iterator<Item = &str> {
        self.blocking
            .iter()
            .chain(self.warnings.iter())
            .map(|f| f.code.as_str())
    }
}

/// Summarizes a precheck. The safe reading wins when OCP contradicts itself: `valid: true`
/// with a blocking error is blocked; a missing `valid` is decided by the errors.
pub fn summarize(p: &TenantPreCheck) -> Summary {
    let findings: Vec<Finding> = p
        .check_results
        .iter()
        .flatten()
        .map(Finding::from)
        .collect();
    let (blocking, warnings): (Vec<Finding>, Vec<Finding>) =
        findings.into_iter().partition(|f| f.blocking);
    let verdict = if p.valid == Some(false) || !blocking.is_empty() {
        Verdict::Blocked
    } else {
        Verdict::Pass
    };
    Summary {
        tenant_id: p.tenant_id,
        name: p.name.clone().unwrap_or_default(),
        verdict,
        blocking,
        warnings,
        sync_scn: p.sync_scn,
        primary_service_name: p.primary_tenant_service_name.clone(),
    }
}

/// What changed between two runs of the same precheck.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Changes {
    /// `(before, after)` when the verdict flipped.
    pub verdict: Option<(Verdict, Verdict)>,
    pub appeared: Vec<Finding>,
    pub resolved: Vec<Finding>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.verdict.is_none() && self.appeared.is_empty() && self.resolved.is_empty()
    }
}

/// Findings are matched by code and severity; a changed message (a lag that grew) is not news.
pub fn changes(before: &Summary, after: &Summary) -> Changes {
    let key = |f: &Finding| (f.code.clone(), f.blocking);
    let all = |s: &Summary| -> Vec<Finding> {
        s.blocking
            .iter()
            .chain(s.warnings.iter())
            .cloned()
            .collect()
    };
    let (b, a) = (all(before), all(after));
    Changes {
        verdict: (before.verdict != after.verdict).then_some((before.verdict, after.verdict)),
        appeared: a
            .iter()
            .filter(|f| !b.iter().any(|x| key(x) == key(f)))
            .cloned()
            .collect(),
        resolved: b
            .iter()
            .filter(|f| !a.iter().any(|x| key(x) == key(f)))
            .cloned()
            .collect(),
    }
}

/// Batch table filters.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BatchFilter {
    pub verdict: Option<Verdict>,
    /// Only tenants with a finding of this code.
    pub code: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BatchSort {
    #[default]
    Verdict,
    Name,
    Errors,
    Warnings,
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
        .cloned()
        .collect();
    match sort {
        // Passing first: those are the ones an operator selects.
        BatchSort::Verdict => out.sort_by_key(|r| r.verdict),
        BatchSort::Name => out.sort_by(|a, b| a.name.cmp(&b.name)),
        BatchSort::Errors => out.sort_by(|a, b| b.blocking.len().cmp(&a.blocking.len())),
        BatchSort::Warnings => out.sort_by(|a, b| b.warnings.len().cmp(&a.warnings.len())),
    }
    out
}

/// Every distinct finding code in the batch, for the code filter.
pub fn batch_codes(rows: &[Summary]) -> Vec<String> {
    let mut codes: Vec<String> = rows
        .iter()
        .flat_map(|r| r.codes().map(str::to_string))
        .filter(|c| !c.is_empty())
        .collect();
    codes.sort();
    codes.dedup();
    codes
}

/// The danger confirmation unlocks when the typed name matches exactly (surrounding spaces
/// ignored) and every listed warning is accepted.
pub fn confirmation_ready(typed: &str, expected: &str, accepted: &[bool]) -> bool {
    !expected.is_empty() && typed.trim() == expected && accepted.iter().all(|a| *a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;

    fn result(code: &str, warning: Option<bool>) -> PreCheckResult {
        PreCheckResult {
            error_code: Some(ErrorCode::Text(code.into())),
            error_message: Some(format!("{code} message")),
            warning,
        }
    }

    fn pre(name: &str, valid: Option<bool>, results: Vec<PreCheckResult>) -> TenantPreCheck {
        TenantPreCheck {
            name: Some(name.into()),
            valid,
            check_results: Some(results),
            ..Default::default()
        }
    }

    #[test]
    fn verdict_takes_the_safe_reading() {
        assert_eq!(
            summarize(&pre("a", Some(true), vec![])).verdict,
            Verdict::Pass
        );
        assert_eq!(
            summarize(&pre("a", Some(true), vec![result("E1", Some(false))])).verdict,
            Verdict::Blocked
        );
        assert_eq!(
            summarize(&pre("a", Some(false), vec![])).verdict,
            Verdict::Blocked
        );
        // A missing warning flag is blocking.
        let s = summarize(&pre(
            "a",
            None,
            vec![result("E1", None), result("W1", Some(true))],
        ));
        assert_eq!(s.verdict, Verdict::Blocked);
        assert_eq!(s.blocking.len(), 1);
        assert_eq!(s.warnings.len(), 1);
        // Warnings alone pass.
        assert_eq!(
            summarize(&pre("a", None, vec![result("W1", Some(true))])).verdict,
            Verdict::Pass
        );
    }

    #[test]
    fn changes_between_runs() {
        let before = summarize(&pre(
            "a",
            Some(false),
            vec![result("E1", Some(false)), result("W1", Some(true))],
        ));
        let after = summarize(&pre(
            "a",
            Some(true),
            vec![result("W1", Some(true)), result("W2", Some(true))],
        ));
        let c = changes(&before, &after);
        assert_eq!(c.verdict, Some((Verdict::Blocked, Verdict::Pass)));
        assert_eq!(
            c.appeared
                .iter()
                .map(|f| f.code.as_str())
                .collect::<Vec<_>>(),
            ["W2"]
        );
        assert_eq!(
            c.resolved
                .iter()
                .map(|f| f.code.as_str())
                .collect::<Vec<_>>(),
            ["E1"]
        );
        assert!(changes(&after, &after).is_empty());
    }

    #[test]
    fn batch_filters_and_sorts() {
        let rows = vec![
            summarize(&pre(
                "c",
                Some(false),
                vec![result("OBE26107", Some(false))],
            )),
            summarize(&pre("a", Some(true), vec![])),
            summarize(&pre("b", Some(true), vec![result("OBE26120", Some(true))])),
        ];
        let names = |v: Vec<Summary>| v.into_iter().map(|s| s.name).collect::<Vec<_>>();
        assert_eq!(
            names(batch_view(
                &rows,
                &BatchFilter::default(),
                BatchSort::Verdict
            )),
            ["a", "b", "c"]
        );
        assert_eq!(
            names(batch_view(&rows, &BatchFilter::default(), BatchSort::Name)),
            ["a", "b", "c"]
        );
        assert_eq!(
            names(batch_view(
                &rows,
                &BatchFilter::default(),
                BatchSort::Errors
            ))[0],
            "c"
        );
        let blocked = BatchFilter {
            verdict: Some(Verdict::Blocked),
            code: None,
        };
        assert_eq!(names(batch_view(&rows, &blocked, BatchSort::Name)), ["c"]);
        let by_code = BatchFilter {
            verdict: None,
            code: Some("OBE26120".into()),
        };
        assert_eq!(names(batch_view(&rows, &by_code, BatchSort::Name)), ["b"]);
        assert_eq!(batch_codes(&rows), ["OBE26107", "OBE26120"]);
    }

    #[test]
    fn confirmation_needs_exact_name_and_every_warning() {
        assert!(confirmation_ready(" sales_dr ", "sales_dr", &[]));
        assert!(!confirmation_ready("sales", "sales_dr", &[]));
        assert!(!confirmation_ready("Sales_dr", "sales_dr", &[]));
        assert!(!confirmation_ready("sales_dr", "sales_dr", &[true, false]));
        assert!(confirmation_ready("sales_dr", "sales_dr", &[true, true]));
        assert!(!confirmation_ready("", "", &[]));
    }
}
