//! What a set of GFC check results means for the launch: finished or not, how many failed,
//! which warnings need an acknowledgement, and whether the launch may go. The one rule behind
//! the launch button, kept apart from the wire types it reads.

use super::wire::{CheckResult, CheckStatus};

/// What a set of check results means for the launch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckVerdict {
    pub finished: bool,
    pub failures: usize,
    /// (component, check) pairs that warned and need an acknowledgement.
    pub warnings: Vec<(i64, String)>,
}

pub fn check_verdict(results: &[CheckResult]) -> CheckVerdict {
    CheckVerdict {
        finished: !results.is_empty()
            && results.iter().all(|r| {
                matches!(
                    r.status,
                    CheckStatus::Pass | CheckStatus::Warn | CheckStatus::Fail
                )
            }),
        failures: results
            .iter()
            .filter(|r| r.status == CheckStatus::Fail)
            .count(),
        warnings: results
            .iter()
            .filter(|r| r.status == CheckStatus::Warn)
            .map(|r| (r.component_id, r.check_type.clone()))
            .collect(),
    }
}

/// Launch allowed: every check finished, none failed, every warning acknowledged.
pub fn may_launch(v: &CheckVerdict, acknowledged: &[(i64, String)]) -> bool {
    v.finished && v.failures == 0 && v.warnings.iter().all(|w| acknowledged.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn launch_needs_finished_checks_no_failure_and_every_warning_acknowledged() {
        let r = |c: i64, t: &str, s: CheckStatus| CheckResult {
            component_id: c,
            check_type: t.into(),
            status: s,
            message: String::new(),
        };
        let results = vec![
            r(1, "VIP", CheckStatus::Pass),
            r(1, "PEAK_TIME", CheckStatus::Warn),
        ];
        let v = check_verdict(&results);
        assert!(v.finished);
        assert!(!may_launch(&v, &[]));
        assert!(may_launch(&v, &[(1, "PEAK_TIME".into())]));
        assert!(!check_verdict(&[r(1, "VIP", CheckStatus::Running)]).finished);
        assert!(!may_launch(
            &check_verdict(&[r(1, "VIP", CheckStatus::Fail)]),
            &[]
        ));
    }
}
