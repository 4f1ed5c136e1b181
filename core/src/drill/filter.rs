//! The drill ledger's filters, all in its URL: cluster and tenant (names, matched whole),
//! kind, result, objective verdict, and a range of launch days (in the browser's zone).

use super::ledger::{Drill, DrillKind, ObjectiveVerdict, Outcome};
use crate::task::list::{in_days, Day, Ignored};
use crate::time::{Instant, Offset};
use crate::url::encode;

/// Whether a verdict is a miss, for the filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjectiveFilter {
    Met,
    Missed,
    /// No objective, or not measured: nothing shown to hold.
    NotShown,
}

impl ObjectiveFilter {
    pub fn as_str(self) -> &'static str {
        match self {
            ObjectiveFilter::Met => "met",
            ObjectiveFilter::Missed => "missed",
            ObjectiveFilter::NotShown => "none",
        }
    }
    pub fn parse(s: &str) -> Option<ObjectiveFilter> {
        [
            ObjectiveFilter::Met,
            ObjectiveFilter::Missed,
            ObjectiveFilter::NotShown,
        ]
        .into_iter()
        .find(|o| o.as_str() == s.trim())
    }
    fn keeps(self, v: ObjectiveVerdict) -> bool {
        match self {
            ObjectiveFilter::Met => matches!(v, ObjectiveVerdict::Met { .. }),
            ObjectiveFilter::Missed => matches!(v, ObjectiveVerdict::Missed { .. }),
            ObjectiveFilter::NotShown => matches!(
                v,
                ObjectiveVerdict::NotMeasured { .. } | ObjectiveVerdict::NoObjective
            ),
        }
    }
}

/// The ledger's filters, all in its URL: cluster and tenant (names, matched whole), kind,
/// result, objective, and a range of launch days (in the browser's zone).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LedgerFilter {
    pub cluster: Option<String>,
    pub tenant: Option<String>,
    pub kind: Option<DrillKind>,
    pub outcome: Option<Outcome>,
    pub objective: Option<ObjectiveFilter>,
    pub from: Option<Day>,
    pub to: Option<Day>,
}

impl LedgerFilter {
    /// Reads the query; a value that cannot be used is ignored and listed.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> (LedgerFilter, Vec<Ignored>) {
        let mut ignored = Vec::new();
        let text = |k: &str| {
            get(k)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let typed = |k: &'static str| -> Option<String> { text(k) };
        let mut read = |k: &'static str, v: Option<String>, ok: bool| {
            if let (Some(v), false) = (v, ok) {
                ignored.push(Ignored { param: k, value: v });
            }
        };
        let kind_raw = typed("kind");
        let kind = kind_raw.as_deref().and_then(DrillKind::parse);
        read("kind", kind_raw.clone(), kind.is_some());
        let result_raw = typed("result");
        let outcome = result_raw.as_deref().and_then(Outcome::parse);
        read("result", result_raw.clone(), outcome.is_some());
        let obj_raw = typed("objective");
        let objective = obj_raw.as_deref().and_then(ObjectiveFilter::parse);
        read("objective", obj_raw.clone(), objective.is_some());
        let from_raw = typed("from");
        let from = from_raw.as_deref().and_then(Day::parse);
        read("from", from_raw.clone(), from.is_some());
        let to_raw = typed("to");
        let to = to_raw.as_deref().and_then(Day::parse);
        read("to", to_raw.clone(), to.is_some());
        let f = LedgerFilter {
            cluster: text("cluster"),
            tenant: text("tenant"),
            kind,
            outcome,
            objective,
            from,
            to,
        };
        (f, ignored)
    }

    /// The query string (no `?`) [`LedgerFilter::from_query`] reads back.
    pub fn to_query(&self) -> String {
        [
            ("cluster", self.cluster.clone()),
            ("tenant", self.tenant.clone()),
            ("kind", self.kind.map(|k| k.as_str().to_string())),
            ("result", self.outcome.map(|o| o.as_str().to_string())),
            ("objective", self.objective.map(|o| o.as_str().to_string())),
            ("from", self.from.map(Day::to_wire)),
            ("to", self.to.map(Day::to_wire)),
        ]
        .into_iter()
        .filter_map(|(k, v)| Some(format!("{k}={}", encode(&v?))))
        .collect::<Vec<_>>()
        .join("&")
    }

    pub fn href(&self) -> String {
        match self.to_query() {
            q if q.is_empty() => "/drills".to_string(),
            q => format!("/drills?{q}"),
        }
    }

    pub fn keep(&self, d: &Drill, zone: &dyn Fn(Instant) -> Offset) -> bool {
        self.cluster.as_ref().is_none_or(|c| *c == d.cluster)
            && self
                .tenant
                .as_ref()
                .is_none_or(|t| Some(t) == d.tenant.as_ref())
            && self.kind.is_none_or(|k| k == d.kind)
            && self.outcome.is_none_or(|o| o == d.outcome)
            && self.objective.is_none_or(|o| o.keeps(d.objective))
            && in_days(self.from, self.to, d.launched_ms, zone)
    }
}
