//! Edge crossings of a layered drawing, counted one way for every drawing: ours
//! ([`crate::graph::layout::Layout::tracks`]) and Graphviz dot's (`cargo xtask bench --only layout`).
//!
//! **The rule.** A drawing is reduced to its edges' *tracks*: an edge that runs from layer `a`
//! to layer `b` has one position on every layer from `a` to `b` inclusive, measured along the
//! layer (the y of a left-to-right drawing, the x of a top-to-bottom one): where its end nodes'
//! centres are on `a` and `b`, and where the edge passes each layer in between (the virtual
//! point a long edge is routed through; for dot, where its spline meets that rank). Between
//! each pair of adjacent layers every track contributes one straight segment, and two segments
//! cross when their order is strictly reversed from one layer to the next. Segments that share
//! an end (two edges of one node, equal positions) touch and do not cross. So an edge spanning
//! `k` layers is `k` segments, and each of them may cross others.

/// Where one edge passes each layer it spans: `along[0]` on layer `first_layer` (its tail),
/// the last entry on its head's layer, one entry per layer in between.
#[derive(Debug, Clone, PartialEq)]
pub struct EdgeTrack {
    pub first_layer: usize,
    pub along: Vec<f64>,
}

/// Crossings of `tracks` by the rule above. O(S log S) for S segments: per pair of layers the
/// segments are sorted by their upper end and the reversals of their lower ends are counted
/// with a Fenwick (accumulator) tree, as Barth, Jünger and Mutzel count bilayer crossings.
/// Positions that are not numbers (NaN) are ignored with their segments.
pub fn count_crossings(tracks: &[EdgeTrack]) -> u64 {
    let gaps = tracks
        .iter()
        .map(|t| t.first_layer + t.along.len().saturating_sub(1))
        .max()
        .unwrap_or(0);
    // Segments bucketed by the gap (upper layer) they span.
    let mut by_gap: Vec<Vec<(f64, f64)>> = vec![Vec::new(); gaps];
    for t in tracks {
        for (i, w) in t.along.windows(2).enumerate() {
            if !w[0].is_nan() && !w[1].is_nan() {
                by_gap[t.first_layer + i].push((w[0], w[1]));
            }
        }
    }
    let mut tree = Fenwick::default();
    by_gap.iter_mut().map(|segs| bilayer(segs, &mut tree)).sum()
}

/// Crossings among segments between two layers.
fn bilayer(segs: &mut [(f64, f64)], tree: &mut Fenwick) -> u64 {
    if segs.len() < 2 {
        return 0;
    }
    // Equal upper ends sort by lower end, so segments leaving one point never count.
    segs.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let mut lower: Vec<f64> = segs.iter().map(|s| s.1).collect();
    lower.sort_by(f64::total_cmp);
    lower.dedup();
    let ranks: Vec<usize> = segs
        .iter()
        .map(|s| lower.partition_point(|x| x.total_cmp(&s.1).is_lt()))
        .collect();
    inversions(&ranks, lower.len(), tree)
}

/// Pairs i < j with `ranks[i] > ranks[j]` (strictly), ranks below `distinct`.
pub(crate) fn inversions(ranks: &[usize], distinct: usize, tree: &mut Fenwick) -> u64 {
    tree.reset(distinct);
    let mut count = 0u64;
    for (seen, &r) in ranks.iter().enumerate() {
        // Earlier segments whose lower end is strictly after this one's.
        count += (seen as u64) - tree.prefix(r + 1);
        tree.add(r);
    }
    count
}

/// Counts per rank, with prefix sums in O(log n).
#[derive(Default)]
pub(crate) struct Fenwick {
    t: Vec<u64>,
}

impl Fenwick {
    pub(crate) fn reset(&mut self, n: usize) {
        self.t.clear();
        self.t.resize(n + 1, 0);
    }

    fn add(&mut self, rank: usize) {
        let mut i = rank + 1;
        while i < self.t.len() {
            self.t[i] += 1;
            i += i & i.wrapping_neg();
        }
    }

    /// How many added ranks are below `end`.
    fn prefix(&self, end: usize) -> u64 {
        let mut i = end.min(self.t.len().saturating_sub(1));
        let mut s = 0;
        while i > 0 {
            s += self.t[i];
            i -= i & i.wrapping_neg();
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn track(first_layer: usize, along: &[f64]) -> EdgeTrack {
        EdgeTrack {
            first_layer,
            along: along.to_vec(),
        }
    }

    /// Every pair of segments compared: the rule, written the slow way.
    fn brute(tracks: &[EdgeTrack]) -> u64 {
        let mut segs = Vec::new();
        for t in tracks {
            for (i, w) in t.along.windows(2).enumerate() {
                segs.push((t.first_layer + i, w[0], w[1]));
            }
        }
        let mut c = 0;
        for i in 0..segs.len() {
            for j in i + 1..segs.len() {
                let (g1, a1, b1) = segs[i];
                let (g2, a2, b2) = segs[j];
                if g1 == g2 && ((a1 < a2 && b1 > b2) || (a1 > a2 && b1 < b2)) {
                    c += 1;
                }
            }
        }
        c
    }

    #[test]
    fn an_x_crosses_once_and_shared_ends_never() {
        assert_eq!(
            count_crossings(&[track(0, &[0., 1.]), track(0, &[1., 0.])]),
            1
        );
        // A fan out of one node, and a fan into one node: touching, not crossing.
        assert_eq!(
            count_crossings(&[
                track(0, &[0., 2.]),
                track(0, &[0., 0.]),
                track(0, &[0., 1.])
            ]),
            0
        );
        assert_eq!(
            count_crossings(&[track(0, &[3., 1.]), track(0, &[0., 1.])]),
            0
        );
        assert_eq!(count_crossings(&[]), 0);
        assert_eq!(count_crossings(&[track(4, &[1.0])]), 0);
    }

    #[test]
    fn complete_bipartite_graphs_have_known_counts() {
        // K(2,2) drawn straight: a0-b0, a0-b1, a1-b0, a1-b1 cross exactly once (a0-b1 × a1-b0).
        let k22: Vec<EdgeTrack> = [(0., 0.), (0., 1.), (1., 0.), (1., 1.)]
            .iter()
            .map(|&(a, b)| track(0, &[a, b]))
            .collect();
        assert_eq!(count_crossings(&k22), 1);
        // K(3,3): 3 choose 2 squared = 9 pairs of disjoint edges, each crossing once.
        let mut k33 = Vec::new();
        for a in 0..3 {
            for b in 0..3 {
                k33.push(track(0, &[a as f64, b as f64]));
            }
        }
        assert_eq!(count_crossings(&k33), 9);
    }

    #[test]
    fn a_long_edge_counts_on_every_layer_it_passes() {
        // A chain of three nodes at position 1 on layers 0..2, and a long edge from layer 0 to 2
        // that passes layer 1 at 0.5 (above the chain's middle node) and ends below: it crosses
        // the chain's second segment only.
        let chain = [track(0, &[1., 1.]), track(1, &[1., 1.])];
        let long = track(0, &[0., 0.5, 2.]);
        assert_eq!(
            count_crossings(&[chain[0].clone(), chain[1].clone(), long]),
            1
        );
        // Routed below the middle node instead, it crosses the first segment instead.
        let long = track(0, &[0., 1.5, 2.]);
        assert_eq!(
            count_crossings(&[chain[0].clone(), chain[1].clone(), long]),
            1
        );
        // Two long edges that swap twice cross twice.
        assert_eq!(
            count_crossings(&[track(0, &[0., 1., 0.]), track(0, &[1., 0., 1.])]),
            2
        );
    }

    #[test]
    fn agrees_with_pairwise_comparison_on_scrambled_tracks() {
        // A deterministic scramble (LCG) of many short and long tracks, with ties.
        let mut s: u64 = 42;
        let mut next = |m: u64| {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (s >> 33) % m
        };
        let mut tracks = Vec::new();
        for _ in 0..300 {
            let first = next(6) as usize;
            let len = 2 + next(3) as usize;
            let along = (0..len).map(|_| next(12) as f64).collect();
            tracks.push(EdgeTrack {
                first_layer: first,
                along,
            });
        }
        assert_eq!(count_crossings(&tracks), brute(&tracks));
    }
}
