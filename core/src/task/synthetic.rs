//! Synthetic tasks of any size, shaped like OCP's (ids not in topological order, the array
//! unsorted, parallel branches with cross edges): for the mock's large-task demo, the browser
//! benchmark, and tests.

use crate::wire::{
    NodeType, SubtaskInstance, SubtaskOperation, SubtaskStatus, TaskInstance, TaskOperation,
    TaskStatus, TaskType,
};
use crate::Long;

/// A task of `n` subtasks in `width` parallel chains; every fifth step also waits on the
/// neighbouring chain. Roots are READY, the rest PENDING.
pub fn task(id: i64, n: usize, width: usize) -> TaskInstance {
    let width = width.max(1);
    let ups = (0..n)
        .map(|k| {
            let (layer, col) = (k / width, k % width);
            let mut up = Vec::new();
            if layer > 0 {
                up.push(k - width);
                if k % 5 == 0 && width > 1 {
                    up.push((layer - 1) * width + (col + 1) % width);
                }
            }
            up
        })
        .collect();
    from_upstreams(id, width, ups)
}

/// A dense layered task of `n` subtasks, `width` per layer: each step waits on a step of the
/// layer before it near its own column, and often on one or two more further off, up to three
/// layers back. Edges cross and skip layers, as in a large OCP task that fans work out and
/// joins it; the layout benchmark's hard case. Deterministic for given `n` and `width`.
pub fn dense_task(id: i64, n: usize, width: usize) -> TaskInstance {
    let width = width.max(1);
    // A fixed linear congruential generator: the same task on every machine, no dependency.
    let mut state = (n as u64) << 32 | width as u64;
    let mut next = move |m: usize| -> usize {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) % m.max(1) as u64) as usize
    };
    let near = |col: usize, off: usize, spread: usize| -> usize {
        (col + off).saturating_sub(spread).min(width - 1)
    };
    let ups = (0..n)
        .map(|k| {
            let (layer, col) = (k / width, k % width);
            let mut up = Vec::new();
            if layer == 0 {
                return up;
            }
            // One upstream in the layer just before keeps the layer of every step at k / width.
            let spread = width / 4;
            up.push((layer - 1) * width + near(col, next(2 * spread + 1), spread));
            let extra = [0, 1, 1, 2][next(4)];
            for _ in 0..extra {
                let back = [1, 1, 1, 2, 2, 3][next(6)].min(layer);
                let spread = width / 3;
                let u = (layer - back) * width + near(col, next(2 * spread + 1), spread);
                if !up.contains(&u) {
                    up.push(u);
                }
            }
            up
        })
        .collect();
    from_upstreams(id, width, ups)
}

/// The task whose subtask `k` waits on the subtasks `ups[k]` (indices below `k`), `width`
/// subtasks per generation for names and `parallelIdx`.
fn from_upstreams(id: i64, width: usize, ups: Vec<Vec<usize>>) -> TaskInstance {
    let n = ups.len();
    // A multiplier coprime with n scatters ids across the graph.
    let mult = [7919usize, 7907, 7901, 104_729]
        .into_iter()
        .find(|m| !n.is_multiple_of(*m))
        .unwrap_or(1);
    let sid = |k: usize| 10_000_000 + ((k * mult) % n.max(1)) as i64;
    let mut subs: Vec<SubtaskInstance> = ups
        .into_iter()
        .enumerate()
        .map(|(k, up)| {
            let (layer, col) = (k / width, k % width);
            SubtaskInstance {
                description: Some(format!("Step {layer}.{col}")),
                downstreams: Some(Vec::new()),
                id: Some(Long(sid(k))),
                name: Some(format!("Step {layer}.{col}")),
                node_type: Some(NodeType::JavaTask),
                operation: Some(SubtaskOperation::Execute),
                parallel_idx: Some(Long(col as i64)),
                prohibit_rollback: Some(k % 7 == 3),
                run_time: Some(Long(1)),
                series_id: Some(Long(k as i64)),
                status: Some(if up.is_empty() {
                    SubtaskStatus::Ready
                } else {
                    SubtaskStatus::Pending
                }),
                timeout: Some(Long(600)),
                upstreams: Some(up.into_iter().map(|u| Long(sid(u))).collect()),
                ..Default::default()
            }
        })
        .collect();
    // Downstreams mirror upstreams, as OCP lists both.
    let pairs: Vec<(i64, i64)> = subs
        .iter()
        .flat_map(|s| {
            let to = s.id.map(|l| l.0).unwrap_or_default();
            s.upstreams
                .iter()
                .flatten()
                .map(move |u| (u.0, to))
                .collect::<Vec<_>>()
        })
        .collect();
    let index: std::collections::HashMap<i64, usize> = subs
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.map(|l| l.0).unwrap_or_default(), i))
        .collect();
    for (from, to) in pairs {
        if let Some(&i) = index.get(&from) {
            if let Some(d) = subs[i].downstreams.as_mut() {
                d.push(Long(to));
            }
        }
    }
    subs.sort_by_key(|s| s.id);
    TaskInstance {
        creator: Some(crate::wire::Creator::Name("admin".into())),
        executor: Some("xxx.xxx.xxx.xxx".into()),
        id: Some(Long(id)),
        name: Some(format!("Synthetic task of {n} subtasks")),
        operation: Some(TaskOperation::Execute),
        prohibit_rollback: Some(false),
        status: Some(TaskStatus::Running),
        subtasks: Some(subs),
        task_definition_id: Some(Long(-1)),
        task_type: Some(TaskType::Manual),
        ..Default::default()
    }
}

/// A copy of `t` with `count` subtasks changed to a new status, spread over the graph: what a
/// poll of a busy task looks like.
pub fn with_changed_statuses(
    t: &TaskInstance,
    count: usize,
    status: SubtaskStatus,
) -> TaskInstance {
    let mut out = t.clone();
    if let Some(subs) = out.subtasks.as_mut() {
        let n = subs.len();
        for i in 0..count.min(n) {
            let k = (i * n) / count.max(1);
            subs[k].status = Some(status.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::dag::build;

    #[test]
    fn synthetic_tasks_are_valid_graphs() {
        for (n, w) in [(200, 10), (2000, 20), (10_000, 40)] {
            let t = task(1, n, w);
            let g = build(t.subtasks()).unwrap();
            assert_eq!(g.ids.len(), n);
            assert_eq!(g.layers.len(), n.div_ceil(w));
            // Not in topological order: some subtask appears before one of its upstreams.
            let pos: std::collections::HashMap<i64, usize> =
                g.ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
            assert!(t.subtasks().iter().any(|s| s
                .upstreams
                .iter()
                .flatten()
                .any(|u| pos[&u.0] > pos[&s.id.unwrap().0])));
        }
        let changed = with_changed_statuses(&task(1, 200, 10), 20, SubtaskStatus::Successful);
        assert_eq!(
            changed
                .subtasks()
                .iter()
                .filter(|s| s.status == Some(SubtaskStatus::Successful))
                .count(),
            20
        );
    }

    #[test]
    fn dense_tasks_are_layered_with_long_edges() {
        for (n, w) in [(200, 10), (2000, 20)] {
            let t = dense_task(1, n, w);
            let g = build(t.subtasks()).unwrap();
            assert_eq!(g.ids.len(), n);
            assert_eq!(
                g.layers.len(),
                n.div_ceil(w),
                "every step stays in its generation"
            );
            let long = g
                .edges
                .iter()
                .filter(|(f, t)| g.layer[*t] > g.layer[*f] + 1);
            assert!(long.count() * 10 > g.edges.len(), "some edges skip layers");
            assert!(g.edges.len() as f64 > 1.5 * n as f64, "denser than chains");
            assert_eq!(dense_task(1, n, w), t, "deterministic");
        }
    }
}
