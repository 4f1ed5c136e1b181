//! The layout's working graph: every edge that skips layers cut into one-layer hops through
//! virtual points, so ordering and placing treat a long edge like a chain of nodes, and the
//! first order of each layer (depth first from the roots) that the sweeps start from. Kept
//! apart from the steps that use it because both the sweeps and the placing read it.

use crate::graph::dag::Graph;

/// Past this many virtual points in a graph, the longest edges are drawn straight from end to
/// end instead (shortest first keep theirs): a pathological task whose edges skip thousands
/// of layers must not cost gigabytes.
pub(super) const VIRTUAL_LIMIT: usize = 200_000;

/// The graph with every long edge cut into one-layer hops through virtual points. Items
/// `0..n` are the graph's nodes, the rest virtual points.
pub(super) struct Proper {
    pub(super) n: usize,
    pub(super) layer: Vec<usize>,
    /// Neighbours one layer up and one layer down.
    pub(super) up: Vec<Vec<usize>>,
    pub(super) down: Vec<Vec<usize>>,
    /// Per edge of the graph, the items it passes from tail to head (just the two ends when
    /// it was left undivided).
    pub(super) chains: Vec<Vec<usize>>,
    layer_count: usize,
}

impl Proper {
    pub(super) fn new(g: &Graph) -> Proper {
        let n = g.ids.len();
        let span = |&(f, t): &(usize, usize)| g.layer[t].saturating_sub(g.layer[f]);
        // Shortest long edges get virtual points first, within the budget.
        let mut long: Vec<usize> = (0..g.edges.len())
            .filter(|&e| span(&g.edges[e]) > 1)
            .collect();
        long.sort_by_key(|&e| (span(&g.edges[e]), e));
        let mut divided = vec![false; g.edges.len()];
        let mut budget = VIRTUAL_LIMIT;
        for e in long {
            let need = span(&g.edges[e]) - 1;
            if need > budget {
                break;
            }
            budget -= need;
            divided[e] = true;
        }
        let mut p = Proper {
            n,
            layer: g.layer.clone(),
            up: vec![Vec::new(); n],
            down: vec![Vec::new(); n],
            chains: Vec::with_capacity(g.edges.len()),
            layer_count: g.layers.len(),
        };
        for (e, &(f, t)) in g.edges.iter().enumerate() {
            let mut chain = vec![f];
            if span(&(f, t)) == 1 || divided[e] {
                for l in g.layer[f] + 1..g.layer[t] {
                    let v = p.layer.len();
                    p.layer.push(l);
                    p.up.push(Vec::new());
                    p.down.push(Vec::new());
                    chain.push(v);
                }
                chain.push(t);
                for w in chain.windows(2) {
                    p.down[w[0]].push(w[1]);
                    p.up[w[1]].push(w[0]);
                }
            } else {
                chain.push(t);
            }
            p.chains.push(chain);
        }
        p
    }

    pub(super) fn items(&self) -> usize {
        self.layer.len()
    }

    /// Depth-first from the roots in the graph's stable order (seriesId), children in that
    /// order too: what a subtree reaches stays together, and virtual points start beside the
    /// edge they belong to.
    pub(super) fn initial_order(&self, g: &Graph) -> Vec<Vec<usize>> {
        let mut rank = vec![0usize; self.items()];
        for layer in &g.layers {
            for (i, &v) in layer.iter().enumerate() {
                rank[v] = i;
            }
        }
        // A virtual point sorts as the node its edge ends at.
        for chain in &self.chains {
            if let Some(&head) = chain.last() {
                for &v in &chain[1..chain.len() - 1] {
                    rank[v] = rank[head];
                }
            }
        }
        let mut layers = vec![Vec::new(); self.layer_count];
        let mut seen = vec![false; self.items()];
        let mut stack = Vec::new();
        let mut children = Vec::new();
        for &root in g.layers.iter().flatten() {
            if seen[root] {
                continue;
            }
            seen[root] = true;
            stack.push(root);
            while let Some(v) = stack.pop() {
                layers[self.layer[v]].push(v);
                children.clear();
                children.extend(self.down[v].iter().copied().filter(|&w| !seen[w]));
                children.sort_by_key(|&w| (rank[w], w));
                // Reversed onto the stack, so the first child is visited first.
                for &w in children.iter().rev() {
                    seen[w] = true;
                    stack.push(w);
                }
            }
        }
        layers
    }
}
