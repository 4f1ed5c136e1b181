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
        BatchSort::Errors => out.sort_by_key(|r| std::cmp::Reverse(r.blocking.len())),
        BatchSort::Warnings => out.sort_by_key(|r| std::cmp::Reverse(r.warnings.len())),
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

/// The two disaster-recovery actions: failover (unplanned, may lose unreplicated data) and
/// switchover (planned, no data loss).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Failover,
    Switchover,
}

impl Action {
    pub fn from_segment(s: &str) -> Option<Action> {
        match s {
            "failover" => Some(Action::Failover),
            "switchover" => Some(Action::Switchover),
            _ => None,
        }
    }

    pub fn segment(self) -> &'static str {
        match self {
            Action::Failover => "failover",
            Action::Switchover => "switchover",
        }
    }
}

/// A tenant switchover precheck read like a failover one: the standby's findings, blocked if
/// OCP's top-level verdict says so.
pub fn summarize_switchover(r: &crate::wire::SwitchoverPreCheckResult) -> Summary {
    let standby = r
        .standby_check_results
        .as_ref()
        .and_then(|s| s.as_slice().first().cloned())
        .unwrap_or_default();
    let mut s = summarize(&standby);
    if r.valid == Some(false) {
        s.verdict = Verdict::Blocked;
    }
    s
}

/// A cluster precheck (`result{valid, messages}`): every message is a blocking finding without
/// a code, since OCP sends messages only for what stops the action.
pub fn summarize_cluster(c: &crate::wire::ClusterPreCheck, name: &str) -> Summary {
    let result = c.result.clone().unwrap_or_default();
    let blocking: Vec<Finding> = result
        .messages
        .unwrap_or_default()
        .into_iter()
        .map(|m| Finding {
            code: String::new(),
            message: m,
            blocking: true,
        })
        .collect();
    let verdict = if result.valid == Some(true) && blocking.is_empty() {
        Verdict::Pass
    } else {
        Verdict::Blocked
    };
    Summary {
        tenant_id: None,
        name: c.cluster_name.clone().unwrap_or_else(|| name.to_string()),
        verdict,
        blocking,
        warnings: Vec::new(),
        sync_scn: None,
        primary_service_name: None,
    }
}

#[cfg(test)]
mod summary_tests {
    use super::*;
    use crate::wire::{ClusterPreCheck, ClusterPreCheckResult};

    #[test]
    fn cluster_messages_block() {
        let ok = ClusterPreCheck {
            result: Some(ClusterPreCheckResult {
                valid: Some(true),
                messages: Some(vec![]),
            }),
            ..Default::default()
        };
        assert_eq!(summarize_cluster(&ok, "c").verdict, Verdict::Pass);
        let bad = ClusterPreCheck {
            result: Some(ClusterPreCheckResult {
                valid: Some(false),
                messages: Some(vec!["backup running".into()]),
            }),
            ..Default::default()
        };
        let s = summarize_cluster(&bad, "c");
        assert_eq!(s.verdict, Verdict::Blocked);
        assert_eq!(s.blocking[0].message, "backup running");
        // No result at all is not a pass.
        assert_eq!(
            summarize_cluster(&ClusterPreCheck::default(), "c").verdict,
            Verdict::Blocked
        );
    }
}
