//! How long a task's steps took, how long the rest will take, and the recovery time a finished
//! failover measured. Durations come only from OCP's own start and finish times; estimates only
//! from earlier finished runs of a task with the same name (medians per step name), so a task
//! with no history says so instead of guessing.

use crate::graph::dag::Graph;
use crate::i18n::{fill, text, Lang, Text};
use crate::time::{self, human, Offset};
use crate::wire::{SubtaskInstance, SubtaskStatus, TaskInstance, TaskOperation, TaskStatus};
use std::collections::BTreeMap;

/// How many earlier runs the estimate learns from (the newest ones).
pub const HISTORY_RUNS: usize = 20;

/// A step's duration in ms from OCP's `startTime` and `finishTime`; `None` when either is
/// missing or unreadable, or the finish is before the start (a clock OCP got wrong is not a
/// duration).
pub fn step_duration_ms(s: &SubtaskInstance, zone: Offset) -> Option<i64> {
    let start = time::parse_ms(s.start_time.as_deref()?, zone)?;
    let end = time::parse_ms(s.finish_time.as_deref()?, zone)?;
    (end >= start).then_some(end - start)
}

/// When a task was launched: `createTime`, else `startTime`.
fn launched_ms(t: &TaskInstance, zone: Offset) -> Option<i64> {
    [t.create_time.as_deref(), t.start_time.as_deref()]
        .into_iter()
        .flatten()
        .find_map(|s| time::parse_ms(s, zone))
}

/// Median step durations learned from earlier successful runs of one task name.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct History {
    runs: usize,
    medians: BTreeMap<String, i64>,
}

impl History {
    /// Learns from `finished`: only successful tasks named `name` (a failed run's durations
    /// say nothing about a normal one), the newest [`HISTORY_RUNS`] by launch time. Tasks
    /// without subtasks (a list entry, not a detail) are skipped, as are steps without
    /// readable times.
    pub fn learn<'a>(
        name: &str,
        finished: impl IntoIterator<Item = &'a TaskInstance>,
        zone: Offset,
    ) -> History {
        let mut runs: Vec<&TaskInstance> = finished
            .into_iter()
            .filter(|t| t.name.as_deref() == Some(name))
            .filter(|t| t.status == Some(TaskStatus::Successful))
            // A completed rollback reads SUCCESSFUL too: what it undid is not a run's time.
            .filter(|t| t.operation != Some(TaskOperation::Rollback))
            .filter(|t| !t.subtasks().is_empty())
            .collect();
        crate::order::sort_by_key(&mut runs, |t| {
            std::cmp::Reverse(launched_ms(t, zone).unwrap_or(i64::MIN))
        });
        runs.truncate(HISTORY_RUNS);
        let mut samples: BTreeMap<String, Vec<i64>> = BTreeMap::new();
        for t in &runs {
            for s in t.subtasks() {
                if let (Some(n), Some(d)) = (s.name.as_ref(), step_duration_ms(s, zone)) {
                    samples.entry(n.clone()).or_default().push(d);
                }
            }
        }
        let medians = samples
            .into_iter()
            .map(|(n, mut v)| {
                v.sort_unstable();
                let mid = v.len() / 2;
                let m = if v.len() % 2 == 1 {
                    v[mid]
                } else {
                    (v[mid - 1] + v[mid]) / 2
                };
                (n, m)
            })
            .collect();
        History {
            runs: runs.len(),
            medians,
        }
    }

    /// How many earlier runs the figures come from.
    pub fn runs(&self) -> usize {
        self.runs
    }

    pub fn median_ms(&self, step: &str) -> Option<i64> {
        self.medians.get(step).copied()
    }
}

/// One step as the estimates read it: from a task's detail ([`Step::of`]) or from a page's
/// own model of it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Step<'a> {
    pub name: Option<&'a str>,
    pub status: Option<&'a SubtaskStatus>,
    pub start_ms: Option<i64>,
    pub finish_ms: Option<i64>,
}

impl<'a> Step<'a> {
    pub fn of(s: &'a SubtaskInstance, zone: Offset) -> Step<'a> {
        let at = |t: &Option<String>| t.as_deref().and_then(|t| time::parse_ms(t, zone));
        Step {
            name: s.name.as_deref(),
            status: s.status.as_ref(),
            start_ms: at(&s.start_time),
            finish_ms: at(&s.finish_time),
        }
    }
}

/// What the task page can say about the time left.
#[derive(Debug, Clone, PartialEq)]
pub enum Eta {
    /// No earlier successful run of a task with this name: nothing to learn from.
    NoHistory,
    /// The task is not running (it succeeded, or OCP's status is unknown).
    NotRunning,
    /// A step or the task failed: the rest waits on an operator, so no time can be promised.
    WaitsOnOperator,
    /// Steps left that no earlier run finished (or whose state is unknown): no total.
    Unknown { unseen: Vec<String> },
    /// The longest chain of remaining work, `left_ms` from now; `finish_ms[i]` is when step `i`
    /// (graph index) should end, from now (`Some(0)` for finished steps).
    Left {
        left_ms: i64,
        runs: usize,
        finish_ms: Vec<Option<i64>>,
    },
}

/// Estimates the time left of a running task along its critical path: a pending step takes
/// its median, a running one its median less the time it has run (never below 0), a finished
/// one nothing; a step ends when its slowest upstream has ended plus its own time. Parallel
/// branches therefore cost only their longest one. `steps[i]` is graph node `i`.
pub fn estimate(
    task_status: Option<&TaskStatus>,
    graph: &Graph,
    steps: &[Step],
    history: &History,
    now_ms: i64,
) -> Eta {
    match task_status {
        Some(TaskStatus::Running) => {}
        // A failed task waits for a retry or a rollback.
        Some(TaskStatus::Failed) => return Eta::WaitsOnOperator,
        _ => return Eta::NotRunning,
    }
    if steps
        .iter()
        .any(|s| s.status == Some(&SubtaskStatus::Failed))
    {
        return Eta::WaitsOnOperator;
    }
    if history.runs == 0 {
        return Eta::NoHistory;
    }
    let n = graph.ids.len().min(steps.len());
    let done = |i: usize| steps[i].status == Some(&SubtaskStatus::Successful);
    let mut own: Vec<Option<i64>> = vec![None; n];
    let mut unseen = Vec::new();
    for (i, s) in steps.iter().enumerate().take(n) {
        let median = s.name.and_then(|n| history.median_ms(n));
        own[i] = match s.status {
            Some(SubtaskStatus::Successful) => Some(0),
            Some(SubtaskStatus::Running) | Some(SubtaskStatus::Canceling) => median.map(|m| {
                let ran = s.start_ms.map(|st| (now_ms - st).max(0)).unwrap_or(0);
                (m - ran).max(0)
            }),
            Some(SubtaskStatus::Pending) | Some(SubtaskStatus::Ready) => median,
            _ => None,
        };
        if own[i].is_none() {
            unseen.push(crate::name::name_or_id(s.name, graph.ids[i]));
        }
    }
    if !unseen.is_empty() {
        return Eta::Unknown { unseen };
    }
    let mut finish: Vec<Option<i64>> = vec![None; n];
    for i in graph.topo_order().into_iter().filter(|&i| i < n) {
        let before = graph
            .upstream_of(i)
            .filter_map(|u| finish.get(u).copied().flatten())
            .max()
            .unwrap_or(0);
        finish[i] = own[i].map(|d| if done(i) { 0 } else { before + d });
    }
    let left_ms = finish.iter().flatten().copied().max().unwrap_or(0);
    Eta::Left {
        left_ms,
        runs: history.runs,
        finish_ms: finish,
    }
}

/// [`estimate`] for a task's detail as OCP sent it.
pub fn estimate_task(
    task: &TaskInstance,
    graph: &Graph,
    history: &History,
    now_ms: i64,
    zone: Offset,
) -> Eta {
    let steps: Vec<Step> = task.subtasks().iter().map(|s| Step::of(s, zone)).collect();
    estimate(task.status.as_ref(), graph, &steps, history, now_ms)
}

/// What one step of a running task is expected to take and when it should be done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepEta {
    /// Nothing to say: the step finished, failed or was skipped, the task does not run, or the
    /// earlier runs have not been read yet.
    Nothing,
    /// No earlier run finished a step of this name.
    NoHistory,
    /// Its median from earlier runs; `done_in_ms` from now along its upstreams, when the whole
    /// task can be estimated (not while a failed step waits on an operator).
    Expected {
        take_ms: i64,
        done_in_ms: Option<i64>,
    },
}

/// Step `index` (graph node) named `name` in `status`, given the task's estimate and the
/// history it came from (`None` while either is not known).
pub fn step_eta(
    eta: Option<&Eta>,
    history: Option<&History>,
    index: usize,
    name: &str,
    status: Option<&SubtaskStatus>,
) -> StepEta {
    let waiting = matches!(
        status,
        Some(
            SubtaskStatus::Pending
                | SubtaskStatus::Ready
                | SubtaskStatus::Running
                | SubtaskStatus::Canceling
        )
    );
    let (Some(eta), Some(history), true) = (eta, history, waiting) else {
        return StepEta::Nothing;
    };
    if matches!(eta, Eta::NotRunning) {
        return StepEta::Nothing;
    }
    match history.median_ms(name) {
        None => StepEta::NoHistory,
        Some(take_ms) => StepEta::Expected {
            take_ms,
            done_in_ms: match eta {
                Eta::Left { finish_ms, .. } => finish_ms.get(index).copied().flatten(),
                _ => None,
            },
        },
    }
}

/// A step's ETA in words, as the step details and the subtask table show it: "≈ 12 s · done
/// in ≈ 30 s", "≈ 12 s", "no history"; `None` when there is nothing to say.
pub fn step_eta_words(e: StepEta, lang: Lang) -> Option<String> {
    let d = |ms: i64| human::duration(ms, lang);
    match e {
        StepEta::Nothing => None,
        StepEta::NoHistory => Some(text(lang, Text::StepEtaNoHistory).to_string()),
        StepEta::Expected {
            take_ms,
            done_in_ms: Some(done),
        } => Some(fill(lang, Text::StepEtaTakeDone, &[&d(take_ms), &d(done)])),
        StepEta::Expected { take_ms, .. } => Some(fill(lang, Text::StepEtaTake, &[&d(take_ms)])),
    }
}

/// The recovery time a finished failover or switchover measured, from its launch.
#[derive(Debug, Clone, PartialEq)]
pub struct Rto {
    /// Launch to the end of the step that made the standby primary, when that step is known.
    pub to_promotion_ms: Option<i64>,
    /// Its name, to show what "promotion" means for this task.
    pub promotion_step: Option<String>,
    /// Launch to the task's end.
    pub to_end_ms: Option<i64>,
}

/// Whether a step is the one that makes the standby primary ("Failover to Primary", "Failover
/// to primary tenant", "Switch standby tenant to primary", "Switchover to primary"), not the
/// check before it ("Failover to Primary Check").
pub fn is_promotion_step(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.contains("to primary") && !n.trim_end().ends_with("check")
}

/// The measured RTO of a successful task, from `launched_ms` (its create or start time) to
/// the promotion step's end and to `end_ms` (its finish time, else its last step's); `None`
/// while it runs, when it failed, or when what succeeded was its rollback (a recovery that
/// failed or was undone did not recover).
pub fn rto(
    task_status: Option<&TaskStatus>,
    operation: Option<&TaskOperation>,
    launched_ms: Option<i64>,
    end_ms: Option<i64>,
    steps: &[Step],
) -> Option<Rto> {
    if task_status != Some(&TaskStatus::Successful) || operation == Some(&TaskOperation::Rollback) {
        return None;
    }
    let since = |end: Option<i64>| match (launched_ms, end) {
        (Some(l), Some(e)) if e >= l => Some(e - l),
        _ => None,
    };
    let promotion = steps.iter().find(|s| s.name.is_some_and(is_promotion_step));
    let end = end_ms.or_else(|| steps.iter().filter_map(|s| s.finish_ms).max());
    Some(Rto {
        to_promotion_ms: since(promotion.and_then(|s| s.finish_ms)),
        promotion_step: promotion.and_then(|s| s.name.map(str::to_string)),
        to_end_ms: since(end),
    })
}

/// [`rto`] for a task's detail as OCP sent it.
pub fn rto_of_task(task: &TaskInstance, zone: Offset) -> Option<Rto> {
    let steps: Vec<Step> = task.subtasks().iter().map(|s| Step::of(s, zone)).collect();
    let end = task
        .finish_time
        .as_deref()
        .and_then(|t| time::parse_ms(t, zone));
    rto(
        task.status.as_ref(),
        task.operation.as_ref(),
        launched_ms(task, zone),
        end,
        &steps,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    const ZONE: &str = "+08:00";

    fn zone() -> Offset {
        Offset::parse(ZONE).expect("zone")
    }

    /// (name, id, status, (start s, end s)); ids 1 → 2 → 3 plus a parallel branch 1 → 4 → 3.
    type Step<'a> = (&'a str, i64, &'a str, Option<(i64, Option<i64>)>);

    fn task(status: &str, steps: &[Step]) -> TaskInstance {
        let at = |s: i64| format!("2026-11-23T13:{:02}:{:02}+08:00", s / 60, s % 60);
        let subtasks: Vec<Value> = steps
            .iter()
            .map(|(name, id, st, times)| {
                let ups: Vec<i64> = match *id {
                    1 => vec![],
                    2 | 4 => vec![1],
                    _ => vec![2, 4],
                };
                let mut s = json!({"id": id, "name": name, "status": st, "upstreams": ups});
                if let Some((start, end)) = times {
                    s["startTime"] = json!(at(*start));
                    if let Some(e) = end {
                        s["finishTime"] = json!(at(*e));
                    }
                }
                s
            })
            .collect();
        serde_json::from_value(json!({
            "id": 1, "name": "Failover tenant", "status": status,
            "createTime": at(0), "finishTime": if status == "SUCCESSFUL" { json!(at(59 * 60)) } else { Value::Null },
            "subtasks": subtasks,
        }))
        .expect("task")
    }

    fn done_run(a: i64, b: i64, d: i64, c: i64) -> TaskInstance {
        task(
            "SUCCESSFUL",
            &[
                ("a", 1, "SUCCESSFUL", Some((0, Some(a)))),
                ("b", 2, "SUCCESSFUL", Some((a, Some(a + b)))),
                ("d", 4, "SUCCESSFUL", Some((a, Some(a + d)))),
                ("c", 3, "SUCCESSFUL", Some((a + d, Some(a + d + c)))),
            ],
        )
    }

    fn graph(t: &TaskInstance) -> Graph {
        crate::graph::dag::build(t.subtasks()).expect("graph")
    }

    #[test]
    fn medians_per_step_name_from_successful_runs_only() {
        let mut failed = done_run(100, 100, 100, 100);
        failed.status = Some(TaskStatus::Failed);
        // A completed rollback reads SUCCESSFUL with operation ROLLBACK: not a run.
        let mut rolled_back = done_run(100, 100, 100, 100);
        rolled_back.operation = Some(TaskOperation::Rollback);
        let runs = [
            done_run(10, 20, 30, 5),
            done_run(12, 22, 40, 7),
            done_run(14, 24, 50, 9),
            failed,
            rolled_back,
        ];
        let h = History::learn("Failover tenant", runs.iter(), zone());
        assert_eq!(h.runs(), 3);
        assert_eq!(h.median_ms("a"), Some(12_000));
        assert_eq!(h.median_ms("d"), Some(40_000));
        assert_eq!(h.median_ms("zzz"), None);
        let other = History::learn("Switchover", runs.iter(), zone());
        assert_eq!(other.runs(), 0);
    }

    #[test]
    fn only_the_newest_twenty_runs_count() {
        let mut runs: Vec<TaskInstance> = (0..25).map(|_| done_run(10, 10, 10, 10)).collect();
        for (i, r) in runs.iter_mut().enumerate() {
            r.create_time = Some(format!("2026-11-{:02}T10:00:00+08:00", i + 1));
        }
        // The five oldest runs were slow: they must not count.
        for r in runs.iter_mut().take(5) {
            *r = {
                let mut slow = done_run(50, 10, 10, 10);
                slow.create_time = r.create_time.clone();
                slow
            };
        }
        let h = History::learn("Failover tenant", runs.iter(), zone());
        assert_eq!(h.runs(), 20);
        assert_eq!(h.median_ms("a"), Some(10_000));
    }

    #[test]
    fn the_estimate_follows_the_critical_path() {
        let h = History::learn("Failover tenant", [done_run(10, 20, 40, 5)].iter(), zone());
        // a finished, b and d pending (parallel), c pending: left = max(20, 40) + 5 s.
        let t = task(
            "RUNNING",
            &[
                ("a", 1, "SUCCESSFUL", Some((0, Some(10)))),
                ("b", 2, "PENDING", None),
                ("d", 4, "PENDING", None),
                ("c", 3, "PENDING", None),
            ],
        );
        let now = time::parse_ms("2026-11-23T13:00:10+08:00", zone()).expect("now");
        match estimate_task(&t, &graph(&t), &h, now, zone()) {
            Eta::Left {
                left_ms,
                runs,
                finish_ms,
            } => {
                assert_eq!(left_ms, 45_000);
                assert_eq!(runs, 1);
                assert_eq!(
                    finish_ms,
                    vec![Some(0), Some(20_000), Some(40_000), Some(45_000)]
                );
            }
            other => panic!("{other:?}"),
        }
        // 30 s later d has run 30 of its 40 s and b finished: 10 + 5 s left.
        let t = task(
            "RUNNING",
            &[
                ("a", 1, "SUCCESSFUL", Some((0, Some(10)))),
                ("b", 2, "SUCCESSFUL", Some((10, Some(30)))),
                ("d", 4, "RUNNING", Some((10, None))),
                ("c", 3, "PENDING", None),
            ],
        );
        let now = now + 30_000;
        assert!(matches!(
            estimate_task(&t, &graph(&t), &h, now, zone()),
            Eta::Left {
                left_ms: 15_000,
                ..
            }
        ));
        // A step running past its median is "about to end", never negative.
        let later = now + 600_000;
        assert!(matches!(
            estimate_task(&t, &graph(&t), &h, later, zone()),
            Eta::Left { left_ms: 5_000, .. }
        ));
    }

    #[test]
    fn each_waiting_step_gets_its_own_eta() {
        let h = History::learn("Failover tenant", [done_run(10, 20, 40, 5)].iter(), zone());
        let t = task(
            "RUNNING",
            &[
                ("a", 1, "SUCCESSFUL", Some((0, Some(10)))),
                ("b", 2, "RUNNING", Some((10, None))),
                ("d", 4, "PENDING", None),
                ("x", 3, "PENDING", None),
            ],
        );
        let g = graph(&t);
        let now = time::parse_ms("2026-11-23T13:00:15+08:00", zone()).expect("now");
        let eta = estimate_task(&t, &g, &h, now, zone());
        let st = |i: usize| t.subtasks()[i].status.clone();
        let at = |i: usize, name: &str| step_eta(Some(&eta), Some(&h), i, name, st(i).as_ref());
        // Graph node i is subtask i (ids in order). "x" was never run before: no total, and it
        // says "no history"; the others still have their own expected time.
        assert!(matches!(eta, Eta::Unknown { .. }));
        assert_eq!(at(0, "a"), StepEta::Nothing);
        assert_eq!(
            at(1, "b"),
            StepEta::Expected {
                take_ms: 20_000,
                done_in_ms: None
            }
        );
        assert_eq!(at(3, "x"), StepEta::NoHistory);
        // With "c" known the whole task is estimated: b runs 5 of its 20 s; d takes 40 s.
        let t = task(
            "RUNNING",
            &[
                ("a", 1, "SUCCESSFUL", Some((0, Some(10)))),
                ("b", 2, "RUNNING", Some((10, None))),
                ("d", 4, "PENDING", None),
                ("c", 3, "PENDING", None),
            ],
        );
        let eta = estimate_task(&t, &g, &h, now, zone());
        let st = |i: usize| t.subtasks()[i].status.clone();
        let at = |i: usize, name: &str| step_eta(Some(&eta), Some(&h), i, name, st(i).as_ref());
        assert_eq!(
            at(1, "b"),
            StepEta::Expected {
                take_ms: 20_000,
                done_in_ms: Some(15_000)
            }
        );
        assert_eq!(
            at(2, "d"),
            StepEta::Expected {
                take_ms: 40_000,
                done_in_ms: Some(40_000)
            }
        );
        assert_eq!(
            at(3, "c"),
            StepEta::Expected {
                take_ms: 5_000,
                done_in_ms: Some(45_000)
            }
        );
        assert_eq!(
            step_eta_words(at(3, "c"), Lang::En).as_deref(),
            Some("≈ 5 s · done in ≈ 45 s")
        );
        assert_eq!(
            step_eta_words(at(3, "c"), Lang::Zh).as_deref(),
            Some("约 5 秒 · 约 45 秒后完成")
        );
        // Not learned yet, or a failed step waiting: no made-up finish.
        assert_eq!(
            step_eta(Some(&eta), None, 3, "c", st(3).as_ref()),
            StepEta::Nothing
        );
        let waits = step_eta(
            Some(&Eta::WaitsOnOperator),
            Some(&h),
            3,
            "c",
            st(3).as_ref(),
        );
        assert_eq!(step_eta_words(waits, Lang::En).as_deref(), Some("≈ 5 s"));
        assert_eq!(
            step_eta_words(at(3, "x"), Lang::En).as_deref(),
            Some("no history")
        );
    }

    #[test]
    fn no_history_no_guess() {
        let t = task("RUNNING", &[("a", 1, "RUNNING", Some((0, None)))]);
        let g = graph(&t);
        let none = History::default();
        assert_eq!(estimate_task(&t, &g, &none, 0, zone()), Eta::NoHistory);
        let h = History::learn("Failover tenant", [done_run(1, 1, 1, 1)].iter(), zone());
        let t2 = task("RUNNING", &[("new step", 1, "PENDING", None)]);
        assert_eq!(
            estimate_task(&t2, &graph(&t2), &h, 0, zone()),
            Eta::Unknown {
                unseen: vec!["new step".into()]
            }
        );
        let failed = task("RUNNING", &[("a", 1, "FAILED", Some((0, Some(1))))]);
        assert_eq!(
            estimate_task(&failed, &graph(&failed), &h, 0, zone()),
            Eta::WaitsOnOperator
        );
        let mut failed_task = failed.clone();
        failed_task.status = Some(TaskStatus::Failed);
        assert_eq!(
            estimate_task(&failed_task, &graph(&failed_task), &h, 0, zone()),
            Eta::WaitsOnOperator
        );
        let ended = done_run(1, 1, 1, 1);
        assert_eq!(
            estimate_task(&ended, &graph(&ended), &h, 0, zone()),
            Eta::NotRunning
        );
    }

    #[test]
    fn rto_to_the_promotion_step_and_to_the_end() {
        let t = task(
            "SUCCESSFUL",
            &[
                (
                    "Failover to Primary Check",
                    1,
                    "SUCCESSFUL",
                    Some((0, Some(30))),
                ),
                ("Failover to Primary", 2, "SUCCESSFUL", Some((30, Some(95)))),
                ("Sync", 4, "SUCCESSFUL", Some((30, Some(40)))),
                ("Unlock", 3, "SUCCESSFUL", Some((95, Some(100)))),
            ],
        );
        let r = rto_of_task(&t, zone()).expect("rto");
        assert_eq!(r.promotion_step.as_deref(), Some("Failover to Primary"));
        assert_eq!(r.to_promotion_ms, Some(95_000));
        assert_eq!(r.to_end_ms, Some(3_540_000));
        let mut undone = t.clone();
        undone.operation = Some(TaskOperation::Rollback);
        assert_eq!(
            rto_of_task(&undone, zone()),
            None,
            "a rolled-back failover recovered nothing"
        );
        let running = task("RUNNING", &[("a", 1, "RUNNING", None)]);
        assert_eq!(rto_of_task(&running, zone()), None);
        assert!(is_promotion_step("Switch standby tenant to primary"));
        assert!(is_promotion_step("Failover to primary tenant"));
        assert!(!is_promotion_step("Failover to Primary Check"));
        assert!(!is_promotion_step("Switch primary tenant to standby"));
    }

    #[test]
    fn odd_times_are_no_duration() {
        let mut s: SubtaskInstance = serde_json::from_value(json!({
            "startTime": "2026-11-23T13:00:10+08:00", "finishTime": "2026-11-23T13:00:00+08:00"
        }))
        .expect("subtask");
        assert_eq!(step_duration_ms(&s, zone()), None);
        s.finish_time = Some("not a time".into());
        assert_eq!(step_duration_ms(&s, zone()), None);
        s.finish_time = Some("2026-11-23 13:01:10".into());
        assert_eq!(step_duration_ms(&s, zone()), Some(60_000));
    }
}
