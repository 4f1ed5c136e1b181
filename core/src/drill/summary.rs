//! The ledger's summary, one line per standby drilled: its last drill and that drill's age
//! (stale past `drillMaxAgeDays`), and the trend of its measured recovery times against its
//! RTO objective, as points a chart draws and a table lists.

use super::ledger::{Drill, ObjectiveVerdict, Outcome};

/// `drillMaxAgeDays` when config.json does not say.
pub const DEFAULT_MAX_AGE_DAYS: i64 = 90;
const DAY_MS: i64 = 86_400_000;

/// One point of a standby's trend: a drill that measured a recovery time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Point {
    pub id: i64,
    pub launched_ms: i64,
    pub rto_ms: i64,
    /// Over the objective.
    pub missed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StandbySummary {
    pub cluster: String,
    /// The tenant, or `None` for a standby cluster drilled as a whole.
    pub tenant: Option<String>,
    pub drills: usize,
    /// The newest drill: its id, launch and outcome.
    pub last_id: i64,
    pub last_ms: Option<i64>,
    pub last_outcome: Outcome,
    /// Whole days since the last drill; `None` when its launch time is unreadable.
    pub age_days: Option<i64>,
    /// Older than the allowed age, or of unknown age: an auditor asks about both.
    pub stale: bool,
    /// Measured recovery times, oldest first.
    pub trend: Vec<Point>,
    pub rto_objective_secs: Option<i64>,
}

impl StandbySummary {
    /// What is promoted, as the ledger names it.
    pub fn target(&self) -> &str {
        self.tenant.as_deref().unwrap_or(&self.cluster)
    }
}

/// The summary of `drills` (any order), stalest first, then by cluster and tenant.
pub fn summarize(drills: &[Drill], now_ms: i64, max_age_days: i64) -> Vec<StandbySummary> {
    let mut groups: std::collections::BTreeMap<(String, String), Vec<&Drill>> =
        std::collections::BTreeMap::new();
    for d in drills {
        groups.entry(d.standby_key()).or_default().push(d);
    }
    let mut out: Vec<StandbySummary> = groups
        .into_values()
        .filter_map(|mut ds| {
            ds.sort_by_key(|d| (d.launched_ms.unwrap_or(i64::MIN), d.id));
            let last = *ds.last()?;
            let age_days = last
                .launched_ms
                .map(|l| (now_ms.saturating_sub(l)).max(0) / DAY_MS);
            let trend = ds
                .iter()
                .filter(|d| d.outcome == Outcome::Succeeded)
                .filter_map(|d| {
                    Some(Point {
                        id: d.id,
                        launched_ms: d.launched_ms?,
                        rto_ms: d.rto_ms?,
                        missed: matches!(d.objective, ObjectiveVerdict::Missed { .. }),
                    })
                })
                .collect();
            let rto_objective_secs = ds.iter().rev().find_map(|d| match d.objective {
                ObjectiveVerdict::Met { rto_secs }
                | ObjectiveVerdict::Missed { rto_secs, .. }
                | ObjectiveVerdict::NotMeasured { rto_secs } => Some(rto_secs),
                ObjectiveVerdict::NoObjective => None,
            });
            Some(StandbySummary {
                cluster: last.cluster.clone(),
                tenant: last.tenant.clone(),
                drills: ds.len(),
                last_id: last.id,
                last_ms: last.launched_ms,
                last_outcome: last.outcome,
                age_days,
                stale: age_days.is_none_or(|a| a > max_age_days),
                trend,
                rto_objective_secs,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.stale
            .cmp(&a.stale)
            .then(
                b.age_days
                    .unwrap_or(i64::MAX)
                    .cmp(&a.age_days.unwrap_or(i64::MAX)),
            )
            .then_with(|| a.cluster.cmp(&b.cluster))
            .then_with(|| a.tenant.cmp(&b.tenant))
    });
    out
}

/// A trend drawn in a `width` × `height` box: each point's (x, y), and the objective line's y
/// when there is one. Time runs left to right over the points' span; the y axis runs from 0 to
/// the larger of the slowest time and the objective, so the line is always inside.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub points: Vec<(f64, f64)>,
    pub objective_y: Option<f64>,
    /// The y axis' top, in ms.
    pub top_ms: i64,
}

pub fn chart(s: &StandbySummary, width: f64, height: f64) -> Chart {
    let objective_ms = s.rto_objective_secs.map(|o| o.saturating_mul(1000));
    let top_ms = s
        .trend
        .iter()
        .map(|p| p.rto_ms)
        .chain(objective_ms)
        .max()
        .unwrap_or(0)
        .max(1);
    let (first, last) = match (s.trend.first(), s.trend.last()) {
        (Some(f), Some(l)) => (f.launched_ms, l.launched_ms),
        _ => (0, 0),
    };
    let span = (last - first).max(1) as f64;
    let y = |ms: i64| height - (ms as f64 / top_ms as f64) * height;
    let points = s
        .trend
        .iter()
        .map(|p| {
            let x = if s.trend.len() == 1 {
                width / 2.0
            } else {
                (p.launched_ms - first) as f64 / span * width
            };
            (x, y(p.rto_ms))
        })
        .collect();
    Chart {
        points,
        objective_y: objective_ms.map(y),
        top_ms,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drill::ledger::{DrillKind, RpoAtLaunch};

    fn drill(id: i64, tenant: &str, day: i64, rto: Option<i64>, v: ObjectiveVerdict) -> Drill {
        Drill {
            id,
            task_name: "Failover tenant".into(),
            kind: DrillKind::TenantFailover,
            target: tenant.into(),
            tenant: Some(tenant.into()),
            cluster: "dr".into(),
            launched_ms: Some(day * DAY_MS),
            creator: None,
            outcome: if rto.is_some() {
                Outcome::Succeeded
            } else {
                Outcome::Failed
            },
            intervened: false,
            rto_ms: rto,
            rpo: RpoAtLaunch::NotRecorded,
            rpo_check: None,
            objective: v,
            rpo_objective_secs: None,
        }
    }

    #[test]
    fn one_line_per_standby_stalest_first_with_its_trend() {
        let met = ObjectiveVerdict::Met { rto_secs: 60 };
        let missed = ObjectiveVerdict::Missed {
            rto_secs: 60,
            by_ms: 5_000,
        };
        let ds = vec![
            drill(1, "a", 100, Some(50_000), met),
            drill(2, "a", 200, Some(65_000), missed),
            drill(
                3,
                "a",
                250,
                None,
                ObjectiveVerdict::NotMeasured { rto_secs: 60 },
            ),
            drill(4, "b", 10, Some(1_000), ObjectiveVerdict::NoObjective),
        ];
        let s = summarize(&ds, 260 * DAY_MS, 90);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].target(), "b");
        assert!(s[0].stale);
        assert_eq!(s[0].age_days, Some(250));
        assert_eq!(s[1].target(), "a");
        assert!(!s[1].stale);
        assert_eq!(s[1].last_id, 3);
        assert_eq!(s[1].last_outcome, Outcome::Failed);
        assert_eq!(s[1].drills, 3);
        // Only measured recoveries are points; the failed one is not a zero.
        assert_eq!(s[1].trend.len(), 2);
        assert!(s[1].trend[1].missed);
        assert_eq!(s[1].rto_objective_secs, Some(60));
    }

    #[test]
    fn an_unreadable_launch_is_stale_not_fresh() {
        let mut d = drill(1, "a", 1, Some(1), ObjectiveVerdict::NoObjective);
        d.launched_ms = None;
        let s = summarize(&[d], 2 * DAY_MS, 90);
        assert!(s[0].stale);
        assert_eq!(s[0].age_days, None);
    }

    #[test]
    fn the_chart_keeps_the_objective_line_inside() {
        let ds = vec![
            drill(
                1,
                "a",
                1,
                Some(30_000),
                ObjectiveVerdict::Met { rto_secs: 60 },
            ),
            drill(
                2,
                "a",
                3,
                Some(45_000),
                ObjectiveVerdict::Met { rto_secs: 60 },
            ),
        ];
        let s = &summarize(&ds, 4 * DAY_MS, 90)[0];
        let c = chart(s, 100.0, 50.0);
        assert_eq!(c.top_ms, 60_000);
        assert_eq!(c.objective_y, Some(0.0));
        assert_eq!(c.points[0], (0.0, 25.0));
        assert_eq!(c.points[1].0, 100.0);
    }
}
