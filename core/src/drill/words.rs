//! How the ledger's and the report's values read, in one place for the page, the CSV-free
//! summary and the Markdown: kinds, results, objectives, the RPO at launch, step marks.

use super::ledger::{DrillKind, ObjectiveVerdict, Outcome, RpoAtLaunch};
use super::timeline::Mark;
use crate::i18n::{fill, text, Lang, Text};
use crate::precheck::objectives::RpoCheck;
use crate::time::human;

pub fn kind(k: DrillKind, lang: Lang) -> &'static str {
    text(
        lang,
        match k {
            DrillKind::TenantFailover => Text::KindTenantFailover,
            DrillKind::TenantSwitchover => Text::KindTenantSwitchover,
            DrillKind::ClusterFailover => Text::KindClusterFailover,
            DrillKind::ClusterSwitchover => Text::KindClusterSwitchover,
            DrillKind::Other => Text::KindOther,
        },
    )
}

pub fn outcome(o: Outcome, lang: Lang) -> &'static str {
    text(
        lang,
        match o {
            Outcome::Succeeded => Text::DrillSucceeded,
            Outcome::Failed => Text::DrillFailed,
            Outcome::RolledBack => Text::DrillRolledBack,
            Outcome::Running => Text::DrillRunning,
            Outcome::Unknown => Text::DrillUnknown,
        },
    )
}

/// The CSS class of a result: the same names as the task states' looks.
pub fn outcome_class(o: Outcome) -> &'static str {
    match o {
        Outcome::Succeeded => "successful",
        Outcome::Failed => "failed",
        Outcome::RolledBack => "canceling",
        Outcome::Running => "running",
        Outcome::Unknown => "unknown",
    }
}

pub fn objective(v: ObjectiveVerdict, lang: Lang) -> String {
    let d = |ms: i64| human::duration(ms, lang);
    match v {
        ObjectiveVerdict::Met { rto_secs } => fill(lang, Text::DrillObjMet, &[&d(rto_secs * 1000)]),
        ObjectiveVerdict::Missed { rto_secs, by_ms } => fill(
            lang,
            Text::DrillObjMissed,
            &[&d(rto_secs * 1000), &d(by_ms)],
        ),
        ObjectiveVerdict::NotMeasured { rto_secs } => {
            fill(lang, Text::DrillObjNotMeasured, &[&d(rto_secs * 1000)])
        }
        ObjectiveVerdict::NoObjective => text(lang, Text::DrillObjNone).to_string(),
    }
}

/// The class a verdict is shown with: a miss and "not measured" are never green.
pub fn objective_class(v: ObjectiveVerdict) -> &'static str {
    match v {
        ObjectiveVerdict::Met { .. } => "met",
        ObjectiveVerdict::Missed { .. } => "missed",
        ObjectiveVerdict::NotMeasured { .. } => "unmeasured",
        ObjectiveVerdict::NoObjective => "none",
    }
}

pub fn rpo(r: RpoAtLaunch, check: Option<RpoCheck>, lang: Lang) -> String {
    let d = |s: i64| human::duration(s * 1000, lang);
    match (r, check) {
        (RpoAtLaunch::NotRecorded, _) => text(lang, Text::DrillRpoNotRecorded).to_string(),
        (RpoAtLaunch::Recorded(None), _) => text(lang, Text::DrillRpoUnknown).to_string(),
        (RpoAtLaunch::Recorded(Some(l)), Some(RpoCheck::Exceeded { rpo_secs, .. })) => {
            fill(lang, Text::DrillRpoOver, &[&d(l), &d(rpo_secs)])
        }
        (RpoAtLaunch::Recorded(Some(l)), _) => d(l),
    }
}

pub fn mark(m: Mark, lang: Lang) -> String {
    match m {
        Mark::Retried { runs } => fill(lang, Text::MarkRetried, &[&runs.to_string()]),
        Mark::Skipped => text(lang, Text::MarkSkipped).to_string(),
        Mark::Canceled => text(lang, Text::MarkCanceled).to_string(),
        Mark::RolledBack => text(lang, Text::MarkRolledBack).to_string(),
    }
}
