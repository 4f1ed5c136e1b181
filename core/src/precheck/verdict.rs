//! Reading a precheck: the verdict, blocking errors and warnings, what changed since the last
//! run, and the batch table's sorting and filtering; the verdict of a tenant switchover
//! precheck (over every standby it lists) and of a cluster precheck, and the two actions a
//! precheck is for. Pure functions the pages call.

use crate::wire::{PreCheckResult, TenantPreCheck};
use crate::Long;

/// The verdict of a precheck. Only an explicit "valid" from OCP with nothing blocking reads as
/// a pass; a reply that proves neither way is its own state, never a pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Verdict {
    /// OCP said `valid: true` and no finding blocks: the launch may go ahead (warnings may
    /// still need accepting).
    Pass,
    /// At least one blocking (or unreadable) finding, or OCP said `valid: false`.
    Blocked,
    /// The reply does not say: no check results at all, or no `valid` flag. Launch disabled.
    NoVerdict,
}

/// Why a precheck has no verdict, for the operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NoVerdict {
    /// OCP returned no check results at all (`"data": {}`, an empty list, no standby).
    NoResults,
    /// OCP listed findings, none blocking, but did not say the standby is valid.
    NoValidFlag,
}

/// One check outcome reduced to what the console shows and compares.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Finding {
    pub code: String,
    pub message: String,
    pub blocking: bool,
    /// The standby it concerns, when a reply covers several (switchover).
    pub subject: Option<String>,
    /// A result OCP sent that could not be read at all, verbatim: it blocks, since it might.
    pub raw: Option<String>,
}

impl Finding {
    /// Neither a code nor a message: shown as "Unnamed check", still to be accepted explicitly.
    pub fn is_unnamed(&self) -> bool {
        self.code.trim().is_empty() && self.message.trim().is_empty() && self.raw.is_none()
    }

    fn unreadable(raw: &serde_json::Value) -> Finding {
        Finding {
            code: String::new(),
            message: String::new(),
            blocking: true,
            subject: None,
            raw: Some(crate::wire::lenient::raw_text(raw)),
        }
    }
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
            subject: None,
            raw: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub tenant_id: Option<Long>,
    pub name: String,
    pub verdict: Verdict,
    /// Set exactly when `verdict` is `NoVerdict`.
    pub no_verdict: Option<NoVerdict>,
    pub blocking: Vec<Finding>,
    pub warnings: Vec<Finding>,
    pub sync_scn: Option<Long>,
    /// `syncScn` as OCP sent it, when it could not be read (shown on hover beside "—").
    pub sync_scn_raw: Option<String>,
    pub primary_service_name: Option<String>,
    /// Standbys that block, by name (a switchover lists several).
    pub blocked_standbys: Vec<String>,
}

impl Summary {
    pub fn codes(&self) -> impl Iterator<Item = &str> {
        self.blocking
            .iter()
            .chain(self.warnings.iter())
            .map(|f| f.code.as_str())
    }

    fn decide(&mut self, valid: Option<bool>) {
        let (verdict, why) = if valid == Some(false) || !self.blocking.is_empty() {
            (Verdict::Blocked, None)
        } else if valid == Some(true) {
            (Verdict::Pass, None)
        } else if self.warnings.is_empty() {
            (Verdict::NoVerdict, Some(NoVerdict::NoResults))
        } else {
            (Verdict::NoVerdict, Some(NoVerdict::NoValidFlag))
        };
        self.verdict = verdict;
        self.no_verdict = why;
    }
}

/// Summarizes one standby's precheck. The safe reading wins when OCP contradicts itself:
/// `valid: true` with a blocking error is blocked; a result that cannot be read blocks; and
/// without an explicit `valid: true` nothing passes.
pub fn summarize(p: &TenantPreCheck) -> Summary {
    let mut findings: Vec<Finding> = p
        .check_results
        .iter()
        .flatten()
        .map(Finding::from)
        .collect();
    findings.extend(
        p.unreadable
            .under("/checkResults")
            .map(|(_, raw)| Finding::unreadable(raw)),
    );
    let (blocking, warnings): (Vec<Finding>, Vec<Finding>) =
        findings.into_iter().partition(|f| f.blocking);
    let mut s = Summary {
        tenant_id: p.tenant_id,
        name: p.name.clone().unwrap_or_default(),
        verdict: Verdict::NoVerdict,
        no_verdict: None,
        blocking,
        warnings,
        sync_scn: p.sync_scn,
        sync_scn_raw: p
            .unreadable
            .get("/syncScn")
            .map(crate::wire::lenient::raw_text),
        primary_service_name: p.primary_tenant_service_name.clone(),
        blocked_standbys: Vec::new(),
    };
    s.decide(p.valid);
    if s.verdict == Verdict::Blocked && !s.name.is_empty() {
        s.blocked_standbys.push(s.name.clone());
    }
    s
}

/// A batch precheck (D2): one summary per tenant OCP listed. An item that could not be read at
/// all stays as a row of its own, blocked and unselectable, so no tenant silently disappears.
pub fn summarize_batch(page: &crate::Paged<TenantPreCheck>) -> Vec<Summary> {
    let mut rows: Vec<Summary> = page.contents.iter().map(summarize).collect();
    rows.extend(page.unreadable.under("/contents").map(|(_, raw)| {
        let mut s = summarize(&TenantPreCheck::default());
        s.blocking.push(Finding::unreadable(raw));
        s.verdict = Verdict::Blocked;
        s.no_verdict = None;
        s
    }));
    rows
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

/// The danger confirmation unlocks when the typed name matches exactly (surrounding spaces
/// ignored) and every listed warning is accepted.
pub fn confirmation_ready(typed: &str, expected: &str, accepted: &[bool]) -> bool {
    !expected.is_empty() && typed.trim() == expected && accepted.iter().all(|a| *a)
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

/// A tenant switchover precheck: the verdict over *every* standby it lists. Any blocking
/// standby blocks (and is named); one without a verdict leaves the whole without one; no
/// standby at all is no verdict. The summary carries the first standby's identity and every
/// standby's findings, each marked with its standby when there are several.
pub fn summarize_switchover(r: &crate::wire::SwitchoverPreCheckResult) -> Summary {
    let standbys = r
        .standby_check_results
        .as_ref()
        .map(|s| s.as_slice())
        .unwrap_or(&[]);
    let unreadable: Vec<Finding> = r
        .unreadable
        .under("/standbyCheckResults")
        .map(|(_, raw)| Finding::unreadable(raw))
        .collect();
    let several = standbys.len() + unreadable.len() > 1;
    let parts: Vec<Summary> = standbys.iter().map(summarize).collect();
    let mut out = match parts.first() {
        Some(first) => first.clone(),
        None => summarize(&TenantPreCheck::default()),
    };
    out.blocking.clear();
    out.warnings.clear();
    out.blocked_standbys.clear();
    for p in &parts {
        let tag = |mut f: Finding| {
            if several && !p.name.is_empty() {
                f.subject = Some(p.name.clone());
            }
            f
        };
        out.blocking.extend(p.blocking.iter().cloned().map(tag));
        out.warnings.extend(p.warnings.iter().cloned().map(tag));
        out.blocked_standbys
            .extend(p.blocked_standbys.iter().cloned());
        if p.verdict == Verdict::Blocked && p.name.is_empty() {
            out.blocked_standbys.push(String::new());
        }
    }
    out.blocking.extend(unreadable);
    if r.valid == Some(false) || !out.blocking.is_empty() || !out.blocked_standbys.is_empty() {
        out.verdict = Verdict::Blocked;
        out.no_verdict = None;
    } else if parts.is_empty() {
        out.verdict = Verdict::NoVerdict;
        out.no_verdict = Some(NoVerdict::NoResults);
    } else if let Some(p) = parts.iter().find(|p| p.verdict == Verdict::NoVerdict) {
        out.verdict = Verdict::NoVerdict;
        out.no_verdict = p.no_verdict;
    } else {
        out.verdict = Verdict::Pass;
        out.no_verdict = None;
    }
    out
}

/// A cluster precheck (`result{valid, messages}`): every message is a blocking finding without
/// a code, since OCP sends messages only for what stops the action. Without a `result`, or
/// with neither `valid` nor a message, there is no verdict.
pub fn summarize_cluster(c: &crate::wire::ClusterPreCheck, name: &str) -> Summary {
    let result = c.result.clone().unwrap_or_default();
    let mut blocking: Vec<Finding> = result
        .messages
        .clone()
        .unwrap_or_default()
        .into_iter()
        .map(|m| Finding {
            code: String::new(),
            message: m,
            blocking: true,
            subject: None,
            raw: None,
        })
        .collect();
    blocking.extend(
        result
            .unreadable
            .iter()
            .filter(|(p, _)| *p != "/valid")
            .map(|(_, raw)| Finding::unreadable(raw)),
    );
    blocking.extend(
        c.unreadable
            .under("/result")
            .map(|(_, raw)| Finding::unreadable(raw)),
    );
    let mut s = Summary {
        tenant_id: None,
        name: c.cluster_name.clone().unwrap_or_else(|| name.to_string()),
        verdict: Verdict::NoVerdict,
        no_verdict: None,
        blocking,
        warnings: Vec::new(),
        sync_scn: None,
        sync_scn_raw: None,
        primary_service_name: None,
        blocked_standbys: Vec::new(),
    };
    s.decide(result.valid);
    s
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
            ..Default::default()
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
        // Warnings alone pass when OCP says valid...
        assert_eq!(
            summarize(&pre("a", Some(true), vec![result("W1", Some(true))])).verdict,
            Verdict::Pass
        );
        // ...and prove nothing when it does not.
        let s = summarize(&pre("a", None, vec![result("W1", Some(true))]));
        assert_eq!(
            (s.verdict, s.no_verdict),
            (Verdict::NoVerdict, Some(NoVerdict::NoValidFlag))
        );
    }

    #[test]
    fn no_results_is_no_verdict() {
        for body in [
            r#"{}"#,
            r#"{"checkResults": []}"#,
            r#"{"checkResults": null, "valid": null}"#,
            r#"{"valid": "yes"}"#,
        ] {
            let p: TenantPreCheck = serde_json::from_str(body).unwrap();
            let s = summarize(&p);
            assert_eq!(
                (s.verdict, s.no_verdict),
                (Verdict::NoVerdict, Some(NoVerdict::NoResults)),
                "{body}"
            );
        }
        // OCP's documented pass: valid, and an empty list of failures.
        let p: TenantPreCheck =
            serde_json::from_str(r#"{"checkResults": [], "valid": true}"#).unwrap();
        assert_eq!(summarize(&p).verdict, Verdict::Pass);
    }

    #[test]
    fn an_unreadable_result_blocks_and_is_shown_raw() {
        let p: TenantPreCheck =
            serde_json::from_str(r#"{"checkResults": [null, 7], "valid": true}"#).unwrap();
        let s = summarize(&p);
        assert_eq!(s.verdict, Verdict::Blocked);
        assert_eq!(s.blocking.len(), 2);
        assert_eq!(s.blocking[1].raw.as_deref(), Some("7"));
        // A result with neither code nor message is kept, unnamed.
        let p: TenantPreCheck =
            serde_json::from_str(r#"{"checkResults": [{"warning": true}], "valid": true}"#)
                .unwrap();
        let s = summarize(&p);
        assert_eq!(s.verdict, Verdict::Pass);
        assert!(s.warnings[0].is_unnamed());
    }

    #[test]
    fn switchover_reads_every_standby() {
        let body = r#"{"valid": true, "standbyCheckResults": [
            {"name": "s1", "valid": true, "checkResults": []},
            {"name": "s2", "valid": false, "checkResults": [{"errorCode": "E9", "warning": false}]}]}"#;
        let r: crate::wire::SwitchoverPreCheckResult = serde_json::from_str(body).unwrap();
        let s = summarize_switchover(&r);
        assert_eq!(s.verdict, Verdict::Blocked);
        assert_eq!(s.blocked_standbys, ["s2"]);
        assert_eq!(s.blocking[0].subject.as_deref(), Some("s2"));
        let none: crate::wire::SwitchoverPreCheckResult =
            serde_json::from_str(r#"{"valid": true, "standbyCheckResults": []}"#).unwrap();
        assert_eq!(summarize_switchover(&none).verdict, Verdict::NoVerdict);
        let one: crate::wire::SwitchoverPreCheckResult =
            serde_json::from_str(r#"{"standbyCheckResults": {"name": "s1", "valid": true}}"#)
                .unwrap();
        assert_eq!(summarize_switchover(&one).verdict, Verdict::Pass);
        let unclear: crate::wire::SwitchoverPreCheckResult = serde_json::from_str(
            r#"{"valid": true, "standbyCheckResults": [{"name": "s1", "valid": true}, {"name": "s2"}]}"#,
        )
        .unwrap();
        assert_eq!(summarize_switchover(&unclear).verdict, Verdict::NoVerdict);
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
    fn confirmation_needs_exact_name_and_every_warning() {
        assert!(confirmation_ready(" sales_dr ", "sales_dr", &[]));
        assert!(!confirmation_ready("sales", "sales_dr", &[]));
        assert!(!confirmation_ready("Sales_dr", "sales_dr", &[]));
        assert!(!confirmation_ready("sales_dr", "sales_dr", &[true, false]));
        assert!(confirmation_ready("sales_dr", "sales_dr", &[true, true]));
        assert!(!confirmation_ready("", "", &[]));
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
                ..Default::default()
            }),
            ..Default::default()
        };
        assert_eq!(summarize_cluster(&ok, "c").verdict, Verdict::Pass);
        let bad = ClusterPreCheck {
            result: Some(ClusterPreCheckResult {
                valid: Some(false),
                messages: Some(vec!["backup running".into()]),
                ..Default::default()
            }),
            ..Default::default()
        };
        let s = summarize_cluster(&bad, "c");
        assert_eq!(s.verdict, Verdict::Blocked);
        assert_eq!(s.blocking[0].message, "backup running");
        // No result at all is not a pass, and not a made-up block either.
        assert_eq!(
            summarize_cluster(&ClusterPreCheck::default(), "c").verdict,
            Verdict::NoVerdict
        );
        let odd: ClusterPreCheck =
            serde_json::from_str(r#"{"result": {"valid": true, "messages": [null]}}"#).unwrap();
        assert_eq!(summarize_cluster(&odd, "c").verdict, Verdict::Blocked);
    }
}
