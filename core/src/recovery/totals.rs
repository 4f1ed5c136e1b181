//! A plan's totals, said honestly: the data at risk (the worst RPO among the targets: a target
//! whose lag is unknown makes it unknown, with the worst known as a floor) and the expected time
//! to recover everything (groups one after another; within a group at most `max_parallel`
//! launches at once, longest first onto the lane that frees first; an item with no earlier
//! drill to go by makes the total a floor, not a figure).

use super::plan::Plan;

/// `maxParallelLaunches` when config.json does not say.
pub const DEFAULT_MAX_PARALLEL_LAUNCHES: usize = 2;

/// A figure that may be only a floor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    Known(i64),
    /// At least this much: some part is unknown.
    AtLeast(i64),
    /// Nothing to go by.
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Totals {
    /// Items with a safe target / without one.
    pub with_target: usize,
    pub without_target: usize,
    /// Seconds of data the worst target is behind.
    pub data_at_risk_secs: Figure,
    pub expected_ms: Figure,
}

/// The time `durations` take on `lanes` lanes, longest first onto the lane that frees first.
fn makespan(mut durations: Vec<i64>, lanes: usize) -> i64 {
    durations.sort_unstable_by(|a, b| b.cmp(a));
    let mut free = vec![0i64; lanes.max(1)];
    for d in durations {
        if let Some(l) = free.iter_mut().min() {
            *l += d;
        }
    }
    free.into_iter().max().unwrap_or(0)
}

/// The totals of the items the plan would launch (`skip(i)`: left out by the operator).
pub fn totals(plan: &Plan, max_parallel: usize, skip: &dyn Fn(usize) -> bool) -> Totals {
    let launched = |i: &usize| !skip(*i) && plan.items[*i].target.is_some();
    let with_target = (0..plan.items.len()).filter(launched).count();
    let without_target = (0..plan.items.len())
        .filter(|i| !skip(*i) && plan.items[*i].target.is_none())
        .count();
    let lags: Vec<Option<i64>> = (0..plan.items.len())
        .filter(launched)
        .map(|i| plan.items[i].target.as_ref().and_then(|t| t.lag_secs))
        .collect();
    let worst = lags.iter().flatten().copied().max();
    let data_at_risk_secs = match (worst, lags.iter().any(Option::is_none)) {
        (_, _) if lags.is_empty() => Figure::Unknown,
        (Some(w), false) => Figure::Known(w),
        (Some(w), true) => Figure::AtLeast(w),
        (None, _) => Figure::Unknown,
    };
    let mut total = 0i64;
    let mut partial = false;
    let mut any = false;
    for g in &plan.groups {
        let ds: Vec<Option<i64>> = g
            .iter()
            .filter(|i| launched(i))
            .map(|&i| plan.items[i].expected_ms)
            .collect();
        partial |= ds.iter().any(Option::is_none);
        any |= ds.iter().any(Option::is_some);
        total += makespan(ds.into_iter().flatten().collect(), max_parallel);
    }
    let expected_ms = match (any, partial) {
        (false, _) => Figure::Unknown,
        (true, false) => Figure::Known(total),
        (true, true) => Figure::AtLeast(total),
    };
    Totals {
        with_target,
        without_target,
        data_at_risk_secs,
        expected_ms,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_first_onto_the_lane_that_frees_first() {
        assert_eq!(makespan(vec![30, 10, 10, 10], 2), 30);
        assert_eq!(makespan(vec![10, 10, 10], 1), 30);
        assert_eq!(makespan(vec![], 2), 0);
        assert_eq!(makespan(vec![5, 5], 0), 10);
    }
}
