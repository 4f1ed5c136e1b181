//! The task graph: subtasks and their `upstreams`/`downstreams` edges, checked and layered.
//! Layers come from the edges only, never from array order, ids or `seriesId`.

use crate::wire::SubtaskInstance;
use std::collections::{HashMap, VecDeque};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GraphError {
    /// A subtask without an id.
    MissingId {
        index: usize,
        /// What OCP sent as `id`, when it sent something unreadable.
        raw: Option<String>,
    },
    /// A subtask's `upstreams` or `downstreams` holds a value that is not an id: drawing
    /// without that edge would show a wrong order of steps.
    UnreadableEdge {
        id: i64,
        field: &'static str,
        raw: String,
    },
    DuplicateId(i64),
    /// An edge names a subtask that is not in the task.
    Dangling {
        from: i64,
        to: i64,
    },
    /// The edges form a cycle; these subtasks are on it or behind it.
    Cycle(Vec<i64>),
}

impl fmt::Display for GraphError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GraphError::MissingId { index, raw } => write!(
                f,
                "subtask `id` is {} (subtask #{} of the list)",
                raw.as_deref().unwrap_or("null or missing"),
                index + 1
            ),
            GraphError::UnreadableEdge { id, field, raw } => {
                write!(
                    f,
                    "subtask {id}: `{field}` holds {raw}, which is not a subtask id"
                )
            }
            GraphError::DuplicateId(id) => write!(f, "subtask id {id} appears twice"),
            GraphError::Dangling { from, to } => {
                write!(
                    f,
                    "subtask {from} refers to subtask {to}, which is not in the task"
                )
            }
            GraphError::Cycle(ids) => write!(
                f,
                "the subtasks form a cycle: {}",
                ids.iter()
                    .map(i64::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
}

/// Structure only: what layout depends on. Statuses live elsewhere, so a poll that changes
/// statuses but not structure keeps the same `Graph`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Graph {
    /// Subtask ids, in input order.
    pub ids: Vec<i64>,
    /// Edges as (from, to) indices into `ids`, from upstream to downstream, deduplicated.
    pub edges: Vec<(usize, usize)>,
    /// Layer of each node: the longest path from a root.
    pub layer: Vec<usize>,
    /// Nodes per layer, in a stable order (by `seriesId`, then id).
    pub layers: Vec<Vec<usize>>,
    /// Adjacency, computed once per structure so walks (impact previews on 10,000-step
    /// tasks) never rescan every edge: `down[i]` are i's downstreams, `up[i]` its upstreams.
    down: Vec<Vec<usize>>,
    up: Vec<Vec<usize>>,
    index: HashMap<i64, usize>,
}

impl Graph {
    pub fn index_of(&self, id: i64) -> Option<usize> {
        self.index.get(&id).copied()
    }

    /// Node indices in topological order (layer by layer).
    pub fn topo_order(&self) -> Vec<usize> {
        self.layers.iter().flatten().copied().collect()
    }

    pub fn downstream_of(&self, node: usize) -> impl Iterator<Item = usize> + '_ {
        self.down.get(node).into_iter().flatten().copied()
    }

    /// The structure as Graphviz DOT text, for comparing layouts with dot: node `n{i}` is node
    /// index `i`, declared in index order (so dot's `_gvid` is the index too), boxes the size
    /// of the console's nodes (190 x 38 px at 72 dpi), no labels.
    pub fn to_dot(&self) -> String {
        let mut s = String::from(
            "digraph task {\n  node [shape=box, fixedsize=true, width=2.64, height=0.53, label=\"\"];\n",
        );
        for i in 0..self.ids.len() {
            s.push_str(&format!("  n{i};\n"));
        }
        for (f, t) in &self.edges {
            s.push_str(&format!("  n{f} -> n{t};\n"));
        }
        s.push_str("}\n");
        s
    }

    pub fn upstream_of(&self, node: usize) -> impl Iterator<Item = usize> + '_ {
        self.up.get(node).into_iter().flatten().copied()
    }
}

/// A 64-bit digest of everything [`build`] reads (ids, both edge lists, `seriesId`), or `None`
/// when one of those is unreadable (the caller then builds and compares). Equal digests mean the same graph, so a poll can
/// skip rebuilding (a hash map, a sort and a topological walk over 10,000 steps) when only
/// statuses changed.
pub fn fingerprint(subtasks: &[SubtaskInstance]) -> Option<u64> {
    // FxHash's step: a poll hashes ~25,000 numbers, which SipHash would make a cost of its own.
    fn mix(h: u64, v: u64) -> u64 {
        (h.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
    }
    let mut h = mix(0, subtasks.len() as u64);
    for s in subtasks {
        let odd = ["/id", "/upstreams", "/downstreams", "/seriesId"];
        if odd.iter().any(|p| s.unreadable.under(p).next().is_some()) {
            return None;
        }
        h = mix(h, s.id?.0 as u64);
        h = mix(h, s.series_id.map_or(u64::MAX, |l| l.0 as u64));
        // Lengths keep "[1] then []" apart from "[] then [1]".
        for list in [&s.upstreams, &s.downstreams] {
            let list = list.as_deref().unwrap_or_default();
            h = mix(h, list.len() as u64 ^ 0xa5a5_0000);
            for l in list {
                h = mix(h, l.0 as u64);
            }
        }
    }
    Some(h)
}

/// Builds and checks the graph. Either side of an edge may list it; both are merged.
pub fn build(subtasks: &[SubtaskInstance]) -> Result<Graph, GraphError> {
    let mut ids = Vec::with_capacity(subtasks.len());
    let mut index: HashMap<i64, usize> = HashMap::with_capacity(subtasks.len());
    for (i, s) in subtasks.iter().enumerate() {
        let id =
            s.id.ok_or_else(|| GraphError::MissingId {
                index: i,
                raw: s.unreadable.get("/id").map(crate::wire::lenient::raw_text),
            })?
            .0;
        for (field, pointer) in [("upstreams", "/upstreams"), ("downstreams", "/downstreams")] {
            let first = s.unreadable.under(pointer).next().map(|(_, raw)| raw);
            if let Some(raw) = first {
                return Err(GraphError::UnreadableEdge {
                    id,
                    field,
                    raw: crate::wire::lenient::raw_text(raw),
                });
            }
        }
        if index.insert(id, i).is_some() {
            return Err(GraphError::DuplicateId(id));
        }
        ids.push(id);
    }
    let mut edges = Vec::new();
    for (i, s) in subtasks.iter().enumerate() {
        for up in s.upstreams.iter().flatten() {
            let j = *index.get(&up.0).ok_or(GraphError::Dangling {
                from: ids[i],
                to: up.0,
            })?;
            edges.push((j, i));
        }
        for down in s.downstreams.iter().flatten() {
            let j = *index.get(&down.0).ok_or(GraphError::Dangling {
                from: ids[i],
                to: down.0,
            })?;
            edges.push((i, j));
        }
    }
    edges.sort_unstable();
    edges.dedup();

    // Kahn's algorithm; a node never reached sits on (or behind) a cycle.
    let n = ids.len();
    let mut indegree = vec![0usize; n];
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut up: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(f, t) in &edges {
        indegree[t] += 1;
        out[f].push(t);
        up[t].push(f);
    }
    let mut layer = vec![0usize; n];
    let mut queue: VecDeque<usize> = (0..n).filter(|i| indegree[*i] == 0).collect();
    let mut seen = 0;
    while let Some(v) = queue.pop_front() {
        seen += 1;
        for &w in &out[v] {
            layer[w] = layer[w].max(layer[v] + 1);
            indegree[w] -= 1;
            if indegree[w] == 0 {
                queue.push_back(w);
            }
        }
    }
    if seen < n {
        let mut stuck: Vec<i64> = (0..n)
            .filter(|i| indegree[*i] > 0)
            .map(|i| ids[i])
            .collect();
        stuck.sort_unstable();
        return Err(GraphError::Cycle(stuck));
    }
    let depth = layer.iter().copied().max().map_or(0, |m| m + 1);
    let mut layers: Vec<Vec<usize>> = vec![Vec::new(); depth];
    for (i, l) in layer.iter().enumerate() {
        layers[*l].push(i);
    }
    let series = |i: usize| subtasks[i].series_id.map(|s| s.0).unwrap_or(i64::MAX);
    for l in &mut layers {
        crate::order::sort_by_key(l, |&i| (series(i), ids[i]));
    }
    Ok(Graph {
        ids,
        edges,
        layer,
        layers,
        down: out,
        up,
        index,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Long;

    fn sub(id: i64, up: &[i64], down: &[i64]) -> SubtaskInstance {
        SubtaskInstance {
            id: Some(Long(id)),
            upstreams: Some(up.iter().copied().map(Long).collect()),
            downstreams: Some(down.iter().copied().map(Long).collect()),
            ..Default::default()
        }
    }

    #[test]
    fn layers_come_from_edges_not_array_order() {
        // The seed's tenant failover: ids out of topological order, array unsorted.
        let subs = vec![
            sub(13025788, &[13025787], &[13025785]),
            sub(13025787, &[], &[13025788]),
            sub(13025786, &[13025785], &[13025789]),
            sub(13025789, &[13025786], &[]),
            sub(13025785, &[13025788], &[13025786]),
        ];
        let g = build(&subs).unwrap();
        let order: Vec<i64> = g.topo_order().into_iter().map(|i| g.ids[i]).collect();
        assert_eq!(order, [13025787, 13025788, 13025785, 13025786, 13025789]);
        assert_eq!(g.layers.len(), 5);
    }

    #[test]
    fn parallel_branches_share_a_layer() {
        let subs = vec![
            sub(4, &[2, 3], &[]),
            sub(3, &[1], &[4]),
            sub(2, &[1], &[4]),
            sub(1, &[], &[2, 3]),
        ];
        let g = build(&subs).unwrap();
        let layer_ids: Vec<Vec<i64>> = g
            .layers
            .iter()
            .map(|l| l.iter().map(|i| g.ids[*i]).collect())
            .collect();
        assert_eq!(layer_ids, vec![vec![1], vec![2, 3], vec![4]]);
        assert_eq!(g.edges.len(), 4, "edges listed on both ends are merged");
    }

    #[test]
    fn longest_path_decides_the_layer() {
        // 1 -> 2 -> 3, and 1 -> 3 directly: 3 sits below 2.
        let subs = vec![sub(1, &[], &[]), sub(2, &[1], &[]), sub(3, &[1, 2], &[])];
        let g = build(&subs).unwrap();
        assert_eq!(g.layer, vec![0, 1, 2]);
    }

    #[test]
    fn a_cycle_is_an_error_not_a_hang() {
        let subs = vec![
            sub(1, &[3], &[]),
            sub(2, &[1], &[]),
            sub(3, &[2], &[]),
            sub(4, &[], &[]),
        ];
        assert_eq!(build(&subs), Err(GraphError::Cycle(vec![1, 2, 3])));
        let self_loop = vec![sub(7, &[7], &[])];
        assert_eq!(build(&self_loop), Err(GraphError::Cycle(vec![7])));
    }

    #[test]
    fn dangling_and_duplicate_ids_are_errors() {
        assert_eq!(
            build(&[sub(1, &[99], &[])]),
            Err(GraphError::Dangling { from: 1, to: 99 })
        );
        assert_eq!(
            build(&[sub(1, &[], &[]), sub(1, &[], &[])]),
            Err(GraphError::DuplicateId(1))
        );
        let no_id = SubtaskInstance::default();
        assert_eq!(
            build(&[no_id]),
            Err(GraphError::MissingId {
                index: 0,
                raw: None
            })
        );
        let odd: SubtaskInstance =
            serde_json::from_str(r#"{"id": 5, "upstreams": [null]}"#).unwrap();
        assert_eq!(
            build(&[odd]).unwrap_err().to_string(),
            "subtask 5: `upstreams` holds null, which is not a subtask id"
        );
        let bad_id: SubtaskInstance = serde_json::from_str(r#"{"id": "x1"}"#).unwrap();
        assert_eq!(
            build(&[bad_id]).unwrap_err().to_string(),
            "subtask `id` is \"x1\" (subtask #1 of the list)"
        );
        assert!(build(&[]).unwrap().ids.is_empty());
    }

    #[test]
    fn dot_text_names_nodes_by_index() {
        let g = build(&[sub(7, &[], &[]), sub(9, &[7], &[])]).unwrap();
        let dot = g.to_dot();
        assert!(dot.starts_with("digraph task {"));
        assert!(dot.contains("  n0;\n  n1;\n  n0 -> n1;\n}"));
    }

    #[test]
    fn fingerprint_changes_with_structure_not_status() {
        let base = vec![sub(1, &[], &[2]), sub(2, &[1], &[])];
        let f = fingerprint(&base).unwrap();
        let mut status = base.clone();
        status[0].status = Some(crate::wire::SubtaskStatus::Running);
        status[1].name = Some("renamed".into());
        assert_eq!(fingerprint(&status), Some(f));
        let moved = vec![sub(1, &[], &[]), sub(2, &[1], &[])];
        assert_ne!(fingerprint(&moved), Some(f));
        let shifted = vec![sub(1, &[2], &[]), sub(2, &[], &[1])];
        assert_ne!(fingerprint(&shifted), Some(f));
        let mut series = base.clone();
        series[1].series_id = Some(Long(4));
        assert_ne!(fingerprint(&series), Some(f));
        let odd: SubtaskInstance =
            serde_json::from_str(r#"{"id": 5, "upstreams": [null]}"#).unwrap();
        assert_eq!(fingerprint(&[odd]), None);
        assert_eq!(fingerprint(&[SubtaskInstance::default()]), None);
    }

    #[test]
    fn large_graph_builds() {
        // 2,000 nodes in 20 parallel chains, listed in reverse.
        let mut subs = Vec::new();
        for chain in 0..20 {
            for step in 0..100 {
                let id = chain * 1000 + step;
                let up: Vec<i64> = if step == 0 { vec![] } else { vec![id - 1] };
                subs.push(sub(id, &up, &[]));
            }
        }
        subs.reverse();
        let g = build(&subs).unwrap();
        assert_eq!(g.layers.len(), 100);
        assert!(g.layers.iter().all(|l| l.len() == 20));
    }
}

/// Test helper shared by the modules that build graphs from ids and upstreams.
#[cfg(test)]
pub(crate) mod testing {
    use crate::wire::SubtaskInstance;
    use crate::Long;

    /// A subtask with only an id and its upstreams.
    pub fn sub(id: i64, up: &[i64]) -> SubtaskInstance {
        SubtaskInstance {
            id: Some(Long(id)),
            upstreams: Some(up.iter().copied().map(Long).collect()),
            ..Default::default()
        }
    }
}
