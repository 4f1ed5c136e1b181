//! The critical path of a task's remaining work: the longest chain of steps not yet done,
//! by step count (OCP gives no duration for a step that has not run), running to the end of
//! the graph. The task page marks it so the operator sees what still stands between the task
//! and its end. Recomputed on every status change: linear in steps and edges.

use crate::graph::dag::Graph;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CriticalPath {
    /// Per node: on the path.
    pub nodes: Vec<bool>,
    /// Per edge of `Graph::edges`: joins two steps of the path.
    pub edges: Vec<bool>,
    /// The path's steps, first to last.
    pub steps: Vec<usize>,
}

/// The longest chain of unfinished steps (`done(i)` false), following edges. Ties go to the
/// chain that starts earlier in execution order, then to the downstream step listed first:
/// the same statuses always give the same path. Empty when every step is done.
pub fn critical_path(g: &Graph, done: impl Fn(usize) -> bool) -> CriticalPath {
    let n = g.ids.len();
    let mut rank = vec![0usize; n];
    for (r, &i) in g.layers.iter().flatten().enumerate() {
        rank[i] = r;
    }
    // Longest remaining chain starting at each unfinished node, in steps; 0 when done.
    // Layers are a topological order: walking them backwards sees every downstream first.
    let mut len = vec![0usize; n];
    for &i in g.layers.iter().rev().flat_map(|l| l.iter().rev()) {
        if !done(i) {
            len[i] = 1 + g.downstream_of(i).map(|d| len[d]).max().unwrap_or(0);
        }
    }
    let mut path = CriticalPath {
        nodes: vec![false; n],
        edges: vec![false; g.edges.len()],
        steps: Vec::new(),
    };
    // The longest start, the earliest in execution order among equals.
    let mut start: Option<usize> = None;
    for &i in g.layers.iter().flatten() {
        if len[i] > 0 && start.is_none_or(|s| len[i] > len[s]) {
            start = Some(i);
        }
    }
    let Some(mut at) = start else {
        return path;
    };
    // The step after each step of the path, to mark its edges in one pass over them.
    let mut next_of = vec![usize::MAX; n];
    loop {
        path.nodes[at] = true;
        path.steps.push(at);
        let next = g
            .downstream_of(at)
            .filter(|&d| len[at] > 1 && len[d] == len[at] - 1)
            .min_by_key(|&d| rank[d]);
        match next {
            Some(d) => {
                next_of[at] = d;
                at = d;
            }
            None => break,
        }
    }
    for (e, &(f, t)) in g.edges.iter().enumerate() {
        path.edges[e] = next_of.get(f) == Some(&t);
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::dag::build;

    use crate::graph::dag::testing::sub;

    fn ids(g: &Graph, p: &CriticalPath) -> Vec<i64> {
        p.steps.iter().map(|&i| g.ids[i]).collect()
    }

    /// 1 → 2 → 3 → 6 and 1 → 4 → 6, 1 → 5 (a short branch to nowhere).
    fn task() -> Graph {
        build(&[
            sub(1, &[]),
            sub(2, &[1]),
            sub(3, &[2]),
            sub(4, &[1]),
            sub(5, &[1]),
            sub(6, &[3, 4]),
        ])
        .unwrap()
    }

    #[test]
    fn nothing_done_the_longest_chain_to_the_end() {
        let g = task();
        let p = critical_path(&g, |_| false);
        assert_eq!(ids(&g, &p), vec![1, 2, 3, 6]);
        assert_eq!(p.nodes.iter().filter(|x| **x).count(), 4);
        let marked: Vec<(i64, i64)> = g
            .edges
            .iter()
            .zip(&p.edges)
            .filter(|(_, on)| **on)
            .map(|(&(f, t), _)| (g.ids[f], g.ids[t]))
            .collect();
        assert_eq!(marked.len(), 3);
        for e in [(1, 2), (2, 3), (3, 6)] {
            assert!(marked.contains(&e), "{e:?} in {marked:?}");
        }
    }

    #[test]
    fn done_steps_drop_out_and_the_path_moves() {
        let g = task();
        let done_ids = [1, 2, 3];
        let p = critical_path(&g, |i| done_ids.contains(&g.ids[i]));
        // Left: 4 → 6 (two steps) and 5 (one).
        assert_eq!(ids(&g, &p), vec![4, 6]);
        // A failed step is not done: it is still remaining work (it must be retried).
        let p = critical_path(&g, |i| g.ids[i] == 1);
        assert_eq!(ids(&g, &p), vec![2, 3, 6]);
    }

    #[test]
    fn all_done_marks_nothing_and_ties_are_stable() {
        let g = task();
        let p = critical_path(&g, |_| true);
        assert!(p.steps.is_empty());
        assert!(!p.nodes.iter().any(|x| *x));
        assert!(!p.edges.iter().any(|x| *x));
        // Two equal branches: the first in execution order is chosen, every time.
        let g = build(&[sub(1, &[]), sub(2, &[1]), sub(3, &[1]), sub(4, &[2, 3])]).unwrap();
        let a = critical_path(&g, |_| false);
        assert_eq!(ids(&g, &a), vec![1, 2, 4]);
        assert_eq!(a, critical_path(&g, |_| false));
    }

    #[test]
    fn a_ten_thousand_step_task_is_linear() {
        let t = crate::task::synthetic::task(1, 10_000, 50);
        let g = build(t.subtasks()).unwrap();
        let started = std::time::Instant::now();
        let p = critical_path(&g, |_| false);
        assert_eq!(p.steps.len(), g.layers.len());
        // Generous: debug builds on a busy 2-core machine; the release SPA is far faster.
        assert!(started.elapsed().as_millis() < 2000);
    }
}
