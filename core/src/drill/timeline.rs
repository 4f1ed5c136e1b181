//! A finished (or running) task's steps on one time axis: the drill report's Gantt. Each step
//! is a bar from OCP's `startTime` (its first start) to its `finishTime` (the end of its latest
//! run), grouped by the graph's layer; the wait before it (from its last upstream's end, or the
//! launch for a first step) is drawn too, so "where did the time go" is seen, not computed.
//!
//! The critical path here is the actual one: walking back from the step that ended last,
//! through the upstream that ended last, to a first step: the chain that set the end. It is
//! not `graph::critical` (the longest chain of work still to do on a live task).

use crate::graph::dag::{build, Graph};
use crate::time::{parse_ms, Offset};
use crate::wire::{SubtaskOperation, SubtaskStatus, TaskInstance};

/// What an operator or OCP did to a step besides running it once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Ran more than once (auto-retry or a retry): `runs` executions.
    Retried { runs: i64 },
    /// Set to successful without running ("skip").
    Skipped,
    /// Stopped while running.
    Canceled,
    /// Undone by a rollback.
    RolledBack,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// Index into the task's `subtasks`.
    pub index: usize,
    pub id: Option<i64>,
    pub name: String,
    pub layer: usize,
    pub status: Option<SubtaskStatus>,
    pub start_ms: Option<i64>,
    pub end_ms: Option<i64>,
    /// When it could have started: its last upstream's end, or the launch for a first step.
    pub ready_ms: Option<i64>,
    pub mark: Option<Mark>,
    pub critical: bool,
}

impl Bar {
    pub fn duration_ms(&self) -> Option<i64> {
        match (self.start_ms, self.end_ms) {
            (Some(s), Some(e)) if e >= s => Some(e - s),
            _ => None,
        }
    }

    /// Time between being able to start and starting; `None` when either is unknown.
    pub fn wait_ms(&self) -> Option<i64> {
        match (self.ready_ms, self.start_ms) {
            (Some(r), Some(s)) if s > r => Some(s - r),
            (Some(_), Some(_)) => Some(0),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    /// The axis: launch to the last known time (the task's finish, else its latest step end,
    /// else `now_ms` while it runs).
    pub origin_ms: i64,
    pub end_ms: i64,
    /// Layer by layer, each by start (unstarted last), then id.
    pub bars: Vec<Bar>,
    pub layers: usize,
    /// The graph could not be built (a step's upstreams unreadable): layers and waits unknown.
    pub no_graph: bool,
}

fn mark_of(s: &crate::wire::SubtaskInstance) -> Option<Mark> {
    match s.operation {
        Some(SubtaskOperation::Skip) => Some(Mark::Skipped),
        Some(SubtaskOperation::Cancel) => Some(Mark::Canceled),
        Some(SubtaskOperation::Rollback | SubtaskOperation::RollbackSkip) => Some(Mark::RolledBack),
        _ => match s.run_time.map(|r| r.0) {
            Some(r) if r > 1 => Some(Mark::Retried { runs: r }),
            _ if s.operation == Some(SubtaskOperation::Retry) => Some(Mark::Retried { runs: 2 }),
            _ => None,
        },
    }
}

impl Timeline {
    pub fn of(task: &TaskInstance, ocp: Offset, now_ms: i64) -> Timeline {
        let at = |t: &Option<String>| t.as_deref().and_then(|t| parse_ms(t, ocp));
        let subs = task.subtasks();
        let graph: Option<Graph> = build(subs).ok();
        let mut bars: Vec<Bar> = subs
            .iter()
            .enumerate()
            .map(|(i, s)| Bar {
                index: i,
                id: s.id.map(|l| l.0),
                name: s
                    .name
                    .clone()
                    .filter(|n| !n.trim().is_empty())
                    .unwrap_or_else(|| s.id.map(|l| format!("#{}", l.0)).unwrap_or_default()),
                layer: graph.as_ref().map(|g| g.layer[i]).unwrap_or(0),
                status: s.status.clone(),
                start_ms: at(&s.start_time),
                end_ms: at(&s.finish_time),
                ready_ms: None,
                mark: mark_of(s),
                critical: false,
            })
            .collect();
        let launched = [&task.create_time, &task.start_time]
            .into_iter()
            .find_map(at);
        let first_start = bars.iter().filter_map(|b| b.start_ms).min();
        let origin_ms = match (launched, first_start) {
            (Some(l), Some(f)) => l.min(f),
            (l, f) => l.or(f).unwrap_or(now_ms),
        };
        let last_end = bars.iter().filter_map(|b| b.end_ms).max();
        let end_ms = [at(&task.finish_time), last_end]
            .into_iter()
            .flatten()
            .max()
            .unwrap_or(now_ms)
            .max(origin_ms + 1);
        if let Some(g) = &graph {
            for i in 0..bars.len() {
                let ups: Vec<Option<i64>> = g.upstream_of(i).map(|u| bars[u].end_ms).collect();
                bars[i].ready_ms = if ups.is_empty() {
                    Some(origin_ms)
                } else if ups.iter().all(Option::is_some) {
                    ups.into_iter().flatten().max()
                } else {
                    None
                };
            }
            // The chain that set the end: from the last to end, through the latest upstream.
            let mut at_node = (0..bars.len())
                .filter(|&i| bars[i].end_ms.is_some())
                .max_by_key(|&i| (bars[i].end_ms, std::cmp::Reverse(i)));
            while let Some(i) = at_node {
                bars[i].critical = true;
                at_node = g
                    .upstream_of(i)
                    .filter(|&u| bars[u].end_ms.is_some() && !bars[u].critical)
                    .max_by_key(|&u| (bars[u].end_ms, std::cmp::Reverse(u)));
            }
        }
        let layers = bars.iter().map(|b| b.layer + 1).max().unwrap_or(0);
        bars.sort_by_key(|b| (b.layer, b.start_ms.unwrap_or(i64::MAX), b.id, b.index));
        Timeline {
            origin_ms,
            end_ms,
            bars,
            layers,
            no_graph: graph.is_none() && !subs.is_empty(),
        }
    }

    /// Where `ms` sits on the axis, in percent (0 to 100).
    pub fn pct(&self, ms: i64) -> f64 {
        let span = (self.end_ms - self.origin_ms).max(1) as f64;
        ((ms - self.origin_ms) as f64 / span * 100.0).clamp(0.0, 100.0)
    }

    /// Gridlines: at most `max` round offsets from the launch (1 s, 2 s, 5 s … 12 h apart),
    /// each as (percent, ms since launch).
    pub fn ticks(&self, max: usize) -> Vec<(f64, i64)> {
        const STEPS: [i64; 16] = [
            1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000,
            900_000, 1_800_000, 3_600_000, 7_200_000, 21_600_000, 43_200_000,
        ];
        let span = (self.end_ms - self.origin_ms).max(1);
        let max = max.max(1) as i64;
        let step = STEPS
            .into_iter()
            .find(|s| span / s < max)
            .unwrap_or(span / max + 1);
        (0..=span / step)
            .map(|k| (self.pct(self.origin_ms + k * step), k * step))
            .collect()
    }
}

#[cfg(test)]
#[path = "timeline_tests.rs"]
mod tests;
