//! What the task engine keeps beside a task so that a pass costs the steps it touches, not the
//! whole task: where each step is, which steps wait on it, the running steps by when they end,
//! and what changed since the last pass. Before it, every finished step re-scanned every step,
//! and a task of 20,000 steps took minutes to run in the debug mock.
//!
//! A step's rule (engine.rs, `promote`) reads only its own state and its upstreams' (forward)
//! or downstreams' (rollback) statuses, so after a change only the changed step and the steps
//! that name it can become ready. Operations (retry, skip, cancel, rollback) change what the
//! rules read wholesale (the task's mode, the failed undos, a run's end): they mark the
//! schedule stale, and the next pass looks at every step, as the engine always did.

use console_core::wire::SubtaskInstance;
use std::collections::{BTreeSet, HashMap};

#[derive(Debug, Clone)]
pub(crate) struct Schedule {
    /// Position in the subtasks array of each step id (ids are unique in a task, as in OCP).
    pos: HashMap<i64, usize>,
    /// Per step, the steps that name it as an upstream: they may start once it succeeds.
    waiting: Vec<Vec<usize>>,
    /// Per step, the steps that name it as a downstream: their undo may start once it is
    /// pending again.
    undoing: Vec<Vec<usize>>,
    /// (end, id) of each running or canceling step's last run; the first ends first.
    ends: BTreeSet<(i64, i64)>,
    /// Steps whose status changed since the last promotion.
    changed: Vec<usize>,
    /// Steps made READY since the last start, to start in array order.
    ready: Vec<usize>,
    /// Look at every step on the next pass (a new task, or after an operation).
    stale: bool,
}

impl Schedule {
    /// The schedule of `subs`, stale: the first pass looks at every step.
    pub(crate) fn new(subs: &[SubtaskInstance]) -> Schedule {
        let id = |s: &SubtaskInstance| s.id.map(|l| l.0).unwrap_or_default();
        let mut pos = HashMap::with_capacity(subs.len());
        for (p, s) in subs.iter().enumerate() {
            // The first of a repeated id, as a lookup by `find` would.
            pos.entry(id(s)).or_insert(p);
        }
        let mut waiting = vec![Vec::new(); subs.len()];
        let mut undoing = vec![Vec::new(); subs.len()];
        for (p, s) in subs.iter().enumerate() {
            for u in s.upstreams.iter().flatten() {
                if let Some(&q) = pos.get(&u.0) {
                    waiting[q].push(p);
                }
            }
            for d in s.downstreams.iter().flatten() {
                if let Some(&q) = pos.get(&d.0) {
                    undoing[q].push(p);
                }
            }
        }
        Schedule {
            pos,
            waiting,
            undoing,
            ends: BTreeSet::new(),
            changed: Vec::new(),
            ready: Vec::new(),
            stale: true,
        }
    }

    /// Where step `id` is in the subtasks array.
    pub(crate) fn position(&self, id: i64) -> Option<usize> {
        self.pos.get(&id).copied()
    }

    pub(crate) fn mark_stale(&mut self) {
        self.stale = true;
    }

    pub(crate) fn stale(&self) -> bool {
        self.stale
    }

    /// Step `p`'s status changed.
    pub(crate) fn changed(&mut self, p: usize) {
        self.changed.push(p);
    }

    /// The steps whose rule may hold now that the changed ones changed: those and the steps
    /// that name them, in array order, each once. Empties the changes.
    pub(crate) fn take_candidates(&mut self) -> Vec<usize> {
        let mut out = Vec::new();
        for p in std::mem::take(&mut self.changed) {
            out.push(p);
            out.extend(self.waiting.get(p).into_iter().flatten());
            out.extend(self.undoing.get(p).into_iter().flatten());
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Starts over from the whole task: `ready` are every READY step, `running` the (end, id)
    /// of every running or canceling one. No longer stale.
    pub(crate) fn reset(&mut self, ready: Vec<usize>, running: impl Iterator<Item = (i64, i64)>) {
        self.changed.clear();
        self.ready = ready;
        self.ends = running.collect();
        self.stale = false;
    }

    pub(crate) fn became_ready(&mut self, ps: impl IntoIterator<Item = usize>) {
        self.ready.extend(ps);
    }

    /// The steps made READY since the last call, in array order, each once.
    pub(crate) fn take_ready(&mut self) -> Vec<usize> {
        let mut out = std::mem::take(&mut self.ready);
        out.sort_unstable();
        out.dedup();
        out
    }

    pub(crate) fn run_started(&mut self, id: i64, end_ms: i64) {
        self.ends.insert((end_ms, id));
    }

    pub(crate) fn run_ended(&mut self, id: i64, end_ms: i64) {
        self.ends.remove(&(end_ms, id));
    }

    /// The running step that ends first (the smaller id of a tie), and when: (id, end).
    pub(crate) fn next_end(&self) -> Option<(i64, i64)> {
        self.ends.first().map(|&(end, id)| (id, end))
    }
}
