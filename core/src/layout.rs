//! Layered layout of a task graph, left to right (one column per layer) or top to bottom (one
//! row per layer). Computed once per structure; status changes never touch it.
//!
//! Layers are the graph's own (longest path from a root). An edge that skips layers is routed
//! through a *virtual point* on each layer it passes, which takes a lane of its own beside the
//! nodes, so edges never cross a node and long edges take part in ordering like nodes do.
//! Within each layer the order comes from alternating down and up sweeps that sort by the
//! weighted median of the neighbours on the fixed side (after the first, downward sweeps count
//! the layer below too), each followed by sifting every layer (each item moved to where it
//! crosses least) and, in very wide layers, a transpose step (swap neighbours while that
//! removes crossings); a sweep that does not beat the best order seen starts the next one from
//! that best order, which is what is kept. Coordinates sit on a grid of lanes: each layer's items are pulled toward their
//! neighbours (least squares, order and spacing kept) so chains run straight. Everything is
//! deterministic: ties keep the previous order, no randomness, no hashing.

use crate::crossings::{count_crossings, inversions, EdgeTrack, Fenwick};
use crate::graph::Graph;

pub const NODE_W: f64 = 190.0;
pub const NODE_H: f64 = 38.0;
/// Between columns of a left-to-right layout.
pub const GAP_X: f64 = 70.0;
/// Between nodes of a column of a left-to-right layout.
pub const GAP_Y: f64 = 18.0;
/// Between rows of a top-to-bottom layout: tight enough that a 9-step chain fits a
/// 1280x800 screen whole at a legible scale, room enough for the S-curves between rows.
pub const GAP_ROWS: f64 = 36.0;
/// Between nodes of a row of a top-to-bottom layout.
pub const GAP_COLS: f64 = 20.0;
pub const MARGIN: f64 = 20.0;

/// Lane widths: a node takes `NODE_LANES` lanes of its layer (box and gap), a virtual point one.
const LANE_LR: f64 = (NODE_H + GAP_Y) / 2.0;
const LANE_TB: f64 = (NODE_W + GAP_COLS) / 7.0;

/// Past this many virtual points in a graph, the longest edges are drawn straight from end to
/// end instead (shortest first keep theirs): a pathological task whose edges skip thousands
/// of layers must not cost gigabytes.
const VIRTUAL_LIMIT: usize = 200_000;
/// Sweeps (each down or up, then transpose) before giving up, and without improvement.
const MAX_SWEEPS: usize = 8;
const MAX_STALE_SWEEPS: usize = 3;
/// Passes of the transpose step per sweep; each pass visits every layer.
const MAX_TRANSPOSE_PASSES: usize = 6;
/// Past this many items (nodes and virtual points), half the sweeps.
const LARGE_ITEMS: usize = 8_000;
/// Widest layer (nodes and virtual points) that sifting visits.
const SIFT_MAX: usize = 400;
/// Rounds of coordinate straightening (each a down and an up pass).
const STRAIGHTEN_ROUNDS: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Orientation {
    /// Layers are columns; edges run rightwards.
    #[default]
    LeftToRight,
    /// Layers are rows; edges run downwards.
    TopToBottom,
}

/// The operator's choice of orientation: the graph's own shape decides ([`choose_orientation`])
/// unless a direction is forced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OrientationChoice {
    #[default]
    Auto,
    LeftToRight,
    TopToBottom,
}

impl OrientationChoice {
    pub const ALL: [OrientationChoice; 3] = [
        OrientationChoice::Auto,
        OrientationChoice::LeftToRight,
        OrientationChoice::TopToBottom,
    ];

    /// The orientation to draw `g` in.
    pub fn resolve(self, g: &Graph) -> Orientation {
        match self {
            OrientationChoice::Auto => choose_orientation(g),
            OrientationChoice::LeftToRight => Orientation::LeftToRight,
            OrientationChoice::TopToBottom => Orientation::TopToBottom,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    /// Top-left corner of each node, by node index.
    pub pos: Vec<(f64, f64)>,
    /// SVG path data of each edge of `Graph::edges`, in the same order.
    pub edge_paths: Vec<String>,
    pub orientation: Orientation,
    /// Where each edge of `Graph::edges` passes each layer, for [`count_crossings`].
    pub tracks: Vec<EdgeTrack>,
}

impl Layout {
    /// Edge crossings of this drawing, by the rule of [`crate::crossings`].
    pub fn crossings(&self) -> u64 {
        count_crossings(&self.tracks)
    }
}

/// Left to right (benches and tests; the task page resolves an [`OrientationChoice`]).
pub fn layout(g: &Graph) -> Layout {
    layout_oriented(g, Orientation::LeftToRight)
}

/// Which way a graph reads best: the orientation whose drawing is closer to the shape of a
/// landscape screen (16:10, compared as ratios). A left-to-right drawing is as long as the
/// graph is deep and as tall as its widest layer; top to bottom the other way round, with
/// different pitches. In effect a chain or a graph deeper than about 0.7 times its widest
/// layer flows top to bottom, a wide and shallow one left to right. Ties go left to right.
pub fn choose_orientation(g: &Graph) -> Orientation {
    let depth = g.layers.len() as f64;
    let breadth = g.layers.iter().map(Vec::len).max().unwrap_or(0) as f64;
    if depth == 0.0 {
        return Orientation::LeftToRight;
    }
    let off_screen = |w: f64, h: f64| (w / h / 1.6).ln().abs();
    let lr = off_screen(depth * (NODE_W + GAP_X), breadth * (NODE_H + GAP_Y));
    let tb = off_screen(breadth * (NODE_W + GAP_COLS), depth * (NODE_H + GAP_ROWS));
    if tb < lr {
        Orientation::TopToBottom
    } else {
        Orientation::LeftToRight
    }
}

pub fn layout_oriented(g: &Graph, orientation: Orientation) -> Layout {
    let p = Proper::new(g);
    let mut layers = p.initial_order(g);
    minimise_crossings(&p, &mut layers);
    place(&p, &layers, orientation)
}

/// The graph with every long edge cut into one-layer hops through virtual points. Items
/// `0..n` are the graph's nodes, the rest virtual points.
struct Proper {
    n: usize,
    layer: Vec<usize>,
    /// Neighbours one layer up and one layer down.
    up: Vec<Vec<usize>>,
    down: Vec<Vec<usize>>,
    /// Per edge of the graph, the items it passes from tail to head (just the two ends when
    /// it was left undivided).
    chains: Vec<Vec<usize>>,
    layer_count: usize,
}

impl Proper {
    fn new(g: &Graph) -> Proper {
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

    fn items(&self) -> usize {
        self.layer.len()
    }

    /// Depth-first from the roots in the graph's stable order (seriesId), children in that
    /// order too: what a subtree reaches stays together, and virtual points start beside the
    /// edge they belong to.
    fn initial_order(&self, g: &Graph) -> Vec<Vec<usize>> {
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

/// Positions of items within their layers.
fn positions(layers: &[Vec<usize>], pos: &mut [usize]) {
    for layer in layers {
        for (i, &v) in layer.iter().enumerate() {
            pos[v] = i;
        }
    }
}

/// Crossings between every pair of adjacent layers of the proper graph, by position.
fn total_crossings(p: &Proper, layers: &[Vec<usize>], pos: &[usize], tree: &mut Fenwick) -> u64 {
    let mut ranks = Vec::new();
    let mut sum = 0;
    for l in 0..layers.len().saturating_sub(1) {
        ranks.clear();
        for &u in &layers[l] {
            let start = ranks.len();
            ranks.extend(p.down[u].iter().map(|&w| pos[w]));
            ranks[start..].sort_unstable();
        }
        sum += inversions(&ranks, layers[l + 1].len(), tree);
    }
    sum
}

fn minimise_crossings(p: &Proper, layers: &mut Vec<Vec<usize>>) {
    let mut pos = vec![0usize; p.items()];
    positions(layers, &mut pos);
    let mut tree = Fenwick::default();
    let mut best = total_crossings(p, layers, &pos, &mut tree);
    let mut best_layers = layers.clone();
    let mut stale = 0;
    let mut scratch = Scratch::default();
    // Large graphs get fewer sweeps, so a 10,000-step task stays well under 150 ms natively;
    // most of the gain comes in the first four.
    let sweeps = if p.items() > LARGE_ITEMS {
        MAX_SWEEPS / 2
    } else {
        MAX_SWEEPS
    };
    for sweep in 0..sweeps {
        if best == 0 {
            break;
        }
        let downward = sweep % 2 == 0;
        // Every other pair of sweeps breaks ties the other way round, to leave plateaus.
        let flip = sweep % 4 >= 2;
        if downward {
            // After the first sweep, downward keys weigh the layer below too: sorting by the
            // upper side alone undoes what the upward sweep found (measured: 30% more
            // crossings on the dense benchmark tasks).
            let below = (sweep > 0).then_some(p.down.as_slice());
            for layer in layers.iter_mut().skip(1) {
                reorder(layer, &p.up, below, &mut pos, flip, &mut scratch);
            }
        } else {
            for l in (0..layers.len().saturating_sub(1)).rev() {
                reorder(&mut layers[l], &p.down, None, &mut pos, flip, &mut scratch);
            }
        }
        for layer in layers.iter_mut() {
            sift(p, layer, &mut pos, &mut scratch);
        }
        transpose(p, layers, &mut pos, flip, &mut scratch);
        let c = total_crossings(p, layers, &pos, &mut tree);
        if c < best {
            best = c;
            best_layers.clone_from(layers);
            stale = 0;
        } else {
            stale += 1;
            if stale >= MAX_STALE_SWEEPS {
                break;
            }
            // The next sweep starts from the best order, not from a worse one.
            layers.clone_from(&best_layers);
            positions(layers, &mut pos);
        }
    }
    *layers = best_layers;
}

#[derive(Default)]
struct Scratch {
    keyed: Vec<(f64, usize, usize)>,
    nbr: Vec<usize>,
    /// Sorted neighbour positions of a layer's items, flattened, with their offsets.
    flat_up: Vec<usize>,
    flat_down: Vec<usize>,
    off_up: Vec<usize>,
    off_down: Vec<usize>,
    cost: Vec<u64>,
    order: Vec<usize>,
    moved: Vec<usize>,
}

/// The weighted median of sorted positions (Gansner et al.): the middle one, or between the
/// two middle ones leaning toward the side where the neighbours are packed more tightly.
fn median(sorted: &[usize]) -> Option<f64> {
    let m = sorted.len() / 2;
    match sorted.len() {
        0 => None,
        len if len % 2 == 1 => Some(sorted[m] as f64),
        2 => Some((sorted[0] + sorted[1]) as f64 / 2.0),
        len => {
            let left = (sorted[m - 1] - sorted[0]) as f64;
            let right = (sorted[len - 1] - sorted[m]) as f64;
            if left + right == 0.0 {
                Some((sorted[m - 1] + sorted[m]) as f64 / 2.0)
            } else {
                Some((sorted[m - 1] as f64 * right + sorted[m] as f64 * left) / (left + right))
            }
        }
    }
}

/// Sorts one layer by the median position of each item's neighbours on the fixed side. Items
/// without such neighbours keep their place; the rest fill the other places in median order.
fn reorder(
    layer: &mut [usize],
    nbrs: &[Vec<usize>],
    other: Option<&[Vec<usize>]>,
    pos: &mut [usize],
    flip: bool,
    s: &mut Scratch,
) {
    s.keyed.clear();
    for (i, &v) in layer.iter().enumerate() {
        s.nbr.clear();
        s.nbr.extend(nbrs[v].iter().map(|&w| pos[w]));
        if let Some(o) = other {
            if !s.nbr.is_empty() {
                s.nbr.extend(o[v].iter().map(|&w| pos[w]));
            }
        }
        s.nbr.sort_unstable();
        if let Some(m) = median(&s.nbr) {
            s.keyed.push((m, i, v));
        }
    }
    s.keyed.sort_by(|a, b| {
        let tie = if flip { b.1.cmp(&a.1) } else { a.1.cmp(&b.1) };
        a.0.total_cmp(&b.0).then(tie)
    });
    let mut next = s.keyed.iter();
    for (i, slot) in layer.iter_mut().enumerate() {
        if !nbrs[*slot].is_empty() {
            if let Some(&(_, _, v)) = next.next() {
                *slot = v;
            }
        }
        pos[*slot] = i;
    }
}

/// Sifting (Matuszewski, Schönfeld, Molitor): each item of the layer in turn is taken out and
/// put back where it crosses least with both neighbouring layers, given the rest. Never adds
/// crossings; unlike the transpose step it moves an item past a plateau. Quadratic in the
/// layer's size, so layers wider than `SIFT_MAX` are left to the transpose step.
fn sift(p: &Proper, layer: &mut [usize], pos: &mut [usize], s: &mut Scratch) {
    let m = layer.len();
    if !(2..=SIFT_MAX).contains(&m) {
        return;
    }
    flatten(layer, &p.up, pos, &mut s.flat_up, &mut s.off_up);
    flatten(layer, &p.down, pos, &mut s.flat_down, &mut s.off_down);
    // cost[i * m + j]: crossings between the edges of items i and j when i comes first.
    s.cost.clear();
    s.cost.resize(m * m, 0);
    for i in 0..m {
        let (up_i, dn_i) = (
            &s.flat_up[s.off_up[i]..s.off_up[i + 1]],
            &s.flat_down[s.off_down[i]..s.off_down[i + 1]],
        );
        for j in 0..m {
            if i != j {
                let up_j = &s.flat_up[s.off_up[j]..s.off_up[j + 1]];
                let dn_j = &s.flat_down[s.off_down[j]..s.off_down[j + 1]];
                s.cost[i * m + j] = greater_pairs(up_i, up_j) + greater_pairs(dn_i, dn_j);
            }
        }
    }
    s.order.clear();
    s.order.extend(0..m);
    for x in 0..m {
        let Some(at) = s.order.iter().position(|&i| i == x) else {
            continue;
        };
        s.order.remove(at);
        // Crossing change of putting x at each place, relative to the first place.
        let mut here: i64 = 0;
        let mut at_current = 0;
        let (mut best, mut best_at) = (0i64, 0usize);
        for (k, &y) in s.order.iter().enumerate() {
            here += s.cost[y * m + x] as i64 - s.cost[x * m + y] as i64;
            if k + 1 == at {
                at_current = here;
            }
            if here < best {
                best = here;
                best_at = k + 1;
            }
        }
        // Only a strict gain moves it.
        let target = if best < at_current { best_at } else { at };
        s.order.insert(target, x);
    }
    s.moved.clear();
    s.moved.extend(s.order.iter().map(|&i| layer[i]));
    for (i, &v) in s.moved.iter().enumerate() {
        layer[i] = v;
        pos[v] = i;
    }
}

/// Sorted neighbour positions of each item of `layer`, flattened, with offsets.
fn flatten(
    layer: &[usize],
    nbrs: &[Vec<usize>],
    pos: &[usize],
    flat: &mut Vec<usize>,
    off: &mut Vec<usize>,
) {
    flat.clear();
    off.clear();
    for &v in layer {
        off.push(flat.len());
        flat.extend(nbrs[v].iter().map(|&w| pos[w]));
        let start = off[off.len() - 1];
        flat[start..].sort_unstable();
    }
    off.push(flat.len());
}

/// Pairs (a, b), a from `a` and b from `b` (both sorted), with a > b: the crossings between
/// two neighbouring items' edges to one side when the first item comes first.
fn greater_pairs(a: &[usize], b: &[usize]) -> u64 {
    // Most pairs in a layer lie apart: no merge needed.
    match (a.first(), a.last(), b.first(), b.last()) {
        (Some(_), Some(&a_max), Some(&b_min), Some(_)) if a_max <= b_min => return 0,
        (Some(&a_min), Some(_), Some(_), Some(&b_max)) if a_min > b_max => {
            return (a.len() * b.len()) as u64
        }
        (None, ..) | (_, _, None, _) => return 0,
        _ => {}
    }
    let mut j = 0;
    let mut c = 0;
    for &x in a {
        while j < b.len() && b[j] < x {
            j += 1;
        }
        c += j as u64;
    }
    c
}

/// Swaps neighbours within each layer while that strictly removes crossings.
fn transpose(
    p: &Proper,
    layers: &mut [Vec<usize>],
    pos: &mut [usize],
    flip: bool,
    s: &mut Scratch,
) {
    for _ in 0..MAX_TRANSPOSE_PASSES {
        let mut improved = false;
        for layer in layers.iter_mut() {
            // Sifting already leaves no swap that helps in narrower layers.
            if layer.len() < 2 || layer.len() <= SIFT_MAX {
                continue;
            }
            // Indexed by the item's place when the lists were built; swaps move the indices.
            flatten(layer, &p.up, pos, &mut s.flat_up, &mut s.off_up);
            flatten(layer, &p.down, pos, &mut s.flat_down, &mut s.off_down);
            let mut at: Vec<usize> = (0..layer.len()).collect();
            for i in 0..layer.len() - 1 {
                let (a, b) = (at[i], at[i + 1]);
                let up_a = &s.flat_up[s.off_up[a]..s.off_up[a + 1]];
                let up_b = &s.flat_up[s.off_up[b]..s.off_up[b + 1]];
                let dn_a = &s.flat_down[s.off_down[a]..s.off_down[a + 1]];
                let dn_b = &s.flat_down[s.off_down[b]..s.off_down[b + 1]];
                let keep = greater_pairs(up_a, up_b) + greater_pairs(dn_a, dn_b);
                let swap = greater_pairs(up_b, up_a) + greater_pairs(dn_b, dn_a);
                // On tie-flipping sweeps an equal swap is taken too (never counted as
                // progress): it walks a long edge past a plateau to where it crosses less.
                if swap < keep || (flip && swap == keep && keep > 0) {
                    layer.swap(i, i + 1);
                    at.swap(i, i + 1);
                    pos[layer[i]] = i;
                    pos[layer[i + 1]] = i + 1;
                    improved |= swap < keep;
                }
            }
        }
        if !improved {
            break;
        }
    }
}

/// Lane coordinates: where each item starts along its layer, in lanes.
fn place(p: &Proper, layers: &[Vec<usize>], orientation: Orientation) -> Layout {
    let (lane, node_lanes) = match orientation {
        Orientation::LeftToRight => (LANE_LR, 2i64),
        Orientation::TopToBottom => (LANE_TB, 7i64),
    };
    let size = |v: usize| if v < p.n { node_lanes } else { 1 };
    let start = straighten(p, layers, size);

    let n = p.n;
    let across_pitch = match orientation {
        Orientation::LeftToRight => NODE_W + GAP_X,
        Orientation::TopToBottom => NODE_H + GAP_ROWS,
    };
    let (node_along, node_across) = match orientation {
        Orientation::LeftToRight => (NODE_H, NODE_W),
        Orientation::TopToBottom => (NODE_W, NODE_H),
    };
    let along_of = |v: usize| MARGIN + start[v] as f64 * lane;
    let across_of = |v: usize| MARGIN + p.layer[v] as f64 * across_pitch;
    // Centre of an item along its layer: where its edges meet it.
    let centre = |v: usize| along_of(v) + if v < n { node_along } else { lane } / 2.0;
    let xy = |along: f64, across: f64| match orientation {
        Orientation::LeftToRight => (across, along),
        Orientation::TopToBottom => (along, across),
    };
    let pos: Vec<(f64, f64)> = (0..n).map(|v| xy(along_of(v), across_of(v))).collect();

    let mut edge_paths = Vec::with_capacity(p.chains.len());
    let mut tracks = Vec::with_capacity(p.chains.len());
    for chain in &p.chains {
        let (tail, head) = (chain[0], chain[chain.len() - 1]);
        // Leaves the tail's far side, passes each virtual point's layer straight, enters the
        // head's near side; hops between layers are S-curves.
        let mut d = String::new();
        let start_pt = xy(centre(tail), across_of(tail) + node_across);
        command(&mut d, 'M', &[start_pt]);
        let mut from = start_pt;
        for (k, &v) in chain.iter().enumerate().skip(1) {
            let last = k == chain.len() - 1;
            let entry = xy(centre(v), across_of(v));
            curve(&mut d, from, entry, orientation);
            if !last {
                let exit = xy(centre(v), across_of(v) + node_across);
                command(&mut d, 'L', &[exit]);
                from = exit;
            }
        }
        edge_paths.push(d);
        let mut along: Vec<f64> = chain.iter().map(|&v| centre(v)).collect();
        let (first, last) = (p.layer[tail], p.layer[head]);
        if chain.len() == 2 && last > first + 1 {
            // An undivided long edge (past the virtual-point budget) is a straight line.
            let (a, b) = (along[0], along[1]);
            along = (first..=last)
                .map(|l| a + (b - a) * (l - first) as f64 / (last - first) as f64)
                .collect();
        }
        tracks.push(EdgeTrack {
            first_layer: first,
            along,
        });
    }

    let along_extent = (0..p.items())
        .map(|v| along_of(v) + if v < n { node_along } else { lane })
        .fold(MARGIN, f64::max)
        + MARGIN;
    let across_extent = if layers.is_empty() {
        2.0 * MARGIN
    } else {
        2.0 * MARGIN + layers.len() as f64 * across_pitch - (across_pitch - node_across)
    };
    let (width, height) = xy(along_extent, across_extent);
    Layout {
        width,
        height,
        pos,
        edge_paths,
        orientation,
        tracks,
    }
}

/// An S-curve from `a` to `b` that leaves and arrives along the flow.
fn curve(d: &mut String, a: (f64, f64), b: (f64, f64), orientation: Orientation) {
    let controls = match orientation {
        Orientation::LeftToRight => {
            let mx = (a.0 + b.0) / 2.0;
            [(mx, a.1), (mx, b.1), b]
        }
        Orientation::TopToBottom => {
            let my = (a.1 + b.1) / 2.0;
            [(a.0, my), (b.0, my), b]
        }
    };
    command(d, 'C', &controls);
}

/// Appends an SVG path command with its points, numbers to one decimal. Written by hand:
/// `format!("{:.1}")` was most of the layout's time on a 10,000-step task.
fn command(d: &mut String, letter: char, points: &[(f64, f64)]) {
    d.push(letter);
    for (i, &(x, y)) in points.iter().enumerate() {
        if i > 0 {
            d.push(' ');
        }
        number(d, x);
        d.push(' ');
        number(d, y);
    }
}

fn number(d: &mut String, v: f64) {
    let tenths = (v * 10.0).round() as i64;
    if tenths < 0 {
        d.push('-');
    }
    let t = tenths.unsigned_abs();
    let mut digits = [0u8; 20];
    let mut len = 0;
    let mut whole = t / 10;
    loop {
        digits[len] = b'0' + (whole % 10) as u8;
        len += 1;
        whole /= 10;
        if whole == 0 {
            break;
        }
    }
    for &c in digits[..len].iter().rev() {
        d.push(c as char);
    }
    d.push('.');
    d.push((b'0' + (t % 10) as u8) as char);
}

/// Start lane of every item. Layers begin centred on the widest; then, layer by layer
/// downwards and upwards, each item is pulled toward its median neighbour on the other side, keeping the order and the spacing of its layer (least squares under order
/// constraints: pool-adjacent-violators), rounded to whole lanes.
fn straighten(p: &Proper, layers: &[Vec<usize>], size: impl Fn(usize) -> i64) -> Vec<i64> {
    let mut start = vec![0i64; p.items()];
    let totals: Vec<i64> = layers
        .iter()
        .map(|l| l.iter().map(|&v| size(v)).sum())
        .collect();
    let widest = totals.iter().copied().max().unwrap_or(0);
    for (layer, total) in layers.iter().zip(&totals) {
        let mut at = (widest - total) / 2;
        for &v in layer {
            start[v] = at;
            at += size(v);
        }
    }
    // Works on centres (doubled, to stay in integers) so nodes and lanes line up by middles.
    let mid2 = |v: usize, start: &[i64]| 2 * start[v] + size(v);
    let mut want = Vec::new();
    let mut offset = Vec::new();
    let mut mids = Vec::new();
    let mut blocks: Vec<(f64, f64, usize)> = Vec::new();
    for round in 0..STRAIGHTEN_ROUNDS * 2 {
        let downward = round % 2 == 0;
        let order: Vec<usize> = if downward {
            (1..layers.len()).collect()
        } else {
            (0..layers.len().saturating_sub(1)).rev().collect()
        };
        for l in order {
            let layer = &layers[l];
            let nbrs = if downward { &p.up } else { &p.down };
            // offset[i]: the least start of item i when the layer is packed from 0; the item's
            // free variable is start - offset, which must not decrease along the layer.
            want.clear();
            offset.clear();
            let mut packed = 0i64;
            for &v in layer {
                offset.push(packed);
                packed += size(v);
                // The median neighbour, or of two middle ones the nearer: lines up with one
                // neighbour (a straight edge) rather than between two (two bent ones).
                let target = if nbrs[v].is_empty() {
                    start[v] as f64
                } else {
                    mids.clear();
                    mids.extend(nbrs[v].iter().map(|&w| mid2(w, &start)));
                    mids.sort_unstable();
                    let m = mids.len() / 2;
                    let here = mid2(v, &start);
                    let pick = if mids.len() % 2 == 1
                        || (mids[m] - here).abs() <= (mids[m - 1] - here).abs()
                    {
                        mids[m]
                    } else {
                        mids[m - 1]
                    };
                    (pick - size(v)) as f64 / 2.0
                };
                want.push(target - offset[offset.len() - 1] as f64);
            }
            // Pool adjacent violators: blocks of (sum, count) with non-decreasing means.
            blocks.clear();
            for &w in &want {
                blocks.push((w, 1.0, 1));
                while blocks.len() > 1 {
                    let b = blocks[blocks.len() - 1];
                    let a = blocks[blocks.len() - 2];
                    if a.0 / a.1 <= b.0 / b.1 {
                        break;
                    }
                    blocks.pop();
                    let last = blocks.len() - 1;
                    blocks[last] = (a.0 + b.0, a.1 + b.1, a.2 + b.2);
                }
            }
            let mut i = 0;
            for &(sum, count, items) in &blocks {
                // Rounding a non-decreasing sequence keeps it non-decreasing: order and
                // spacing survive.
                let free = (sum / count).round() as i64;
                for _ in 0..items {
                    start[layer[i]] = free + offset[i];
                    i += 1;
                }
            }
        }
    }
    // Shift so the lowest lane is 0.
    let least = start.iter().copied().min().unwrap_or(0);
    for s in &mut start {
        *s -= least;
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::build;
    use crate::synthetic;
    use crate::wire::SubtaskInstance;
    use crate::Long;

    use crate::graph::testing::sub;

    fn graph(edges: &[(i64, &[i64])]) -> Graph {
        build(
            &edges
                .iter()
                .map(|(id, up)| sub(*id, up))
                .collect::<Vec<_>>(),
        )
        .unwrap()
    }

    #[test]
    fn columns_by_layer_and_no_overlap() {
        let g = build(&[sub(1, &[]), sub(2, &[1]), sub(3, &[1]), sub(4, &[2, 3])]).unwrap();
        let l = layout(&g);
        assert_eq!(l.pos[0].0, MARGIN);
        assert_eq!(l.pos[1].0, l.pos[2].0);
        assert!(l.pos[3].0 > l.pos[1].0);
        assert!((l.pos[1].1 - l.pos[2].1).abs() >= NODE_H + GAP_Y);
        assert_eq!(l.edge_paths.len(), 4);
        assert!(l.width > 3.0 * NODE_W && l.height >= 2.0 * NODE_H);
    }

    #[test]
    fn barycenter_keeps_chains_straight() {
        // Two chains a1->a2 and b1->b2, with seriesIds that would cross them if kept.
        let mut subs = vec![sub(1, &[]), sub(2, &[]), sub(3, &[2]), sub(4, &[1])];
        subs[2].series_id = Some(Long(0));
        subs[3].series_id = Some(Long(1));
        let g = build(&subs).unwrap();
        let l = layout(&g);
        let y = |id: i64| l.pos[g.index_of(id).unwrap()].1;
        assert_eq!(y(1), y(4), "each child sits level with its parent");
        assert_eq!(y(2), y(3));
        assert_eq!(l.crossings(), 0);
    }

    /// Every node box and every point where an edge passes a layer, per layer, along it.
    fn check_drawing(g: &Graph, l: &Layout) {
        let lr = l.orientation == Orientation::LeftToRight;
        let (lane, pitch, box_along) = if lr {
            (LANE_LR, NODE_W + GAP_X, NODE_H)
        } else {
            (LANE_TB, NODE_H + GAP_ROWS, NODE_W)
        };
        let mut boxes: Vec<Vec<(f64, f64)>> = vec![Vec::new(); g.layers.len()];
        for (v, &(x, y)) in l.pos.iter().enumerate() {
            let (along, across) = if lr { (y, x) } else { (x, y) };
            // On the grid: whole lanes along the layer, the layer's own place across.
            let lanes = (along - MARGIN) / lane;
            assert_eq!(lanes, lanes.round(), "node {v} off the grid");
            assert_eq!(across, MARGIN + g.layer[v] as f64 * pitch);
            assert!(x + NODE_W <= l.width && y + NODE_H <= l.height);
            boxes[g.layer[v]].push((along, along + box_along));
        }
        for layer in &mut boxes {
            layer.sort_by(|a, b| a.0.total_cmp(&b.0));
            for w in layer.windows(2) {
                assert!(w[0].1 < w[1].0, "two nodes overlap: {w:?}");
            }
        }
        // An edge passes every layer between its ends outside every node of that layer.
        for t in &l.tracks {
            for (k, a) in t.along.iter().enumerate().skip(1) {
                if k + 1 == t.along.len() {
                    break;
                }
                let layer = &boxes[t.first_layer + k];
                assert!(
                    layer.iter().all(|b| *a < b.0 || *a > b.1),
                    "an edge runs through a node on layer {}",
                    t.first_layer + k
                );
            }
        }
    }

    #[test]
    fn long_edges_pass_beside_nodes_not_through_them() {
        // 1 -> 2 -> 3 -> 4 and 1 -> 4 directly, plus 1 -> 3: the long edges need lanes.
        let g = graph(&[(1, &[]), (2, &[1]), (3, &[1, 2]), (4, &[1, 3])]);
        for o in [Orientation::LeftToRight, Orientation::TopToBottom] {
            let l = layout_oriented(&g, o);
            check_drawing(&g, &l);
            assert_eq!(l.tracks.len(), g.edges.len());
            assert_eq!(l.crossings(), 0);
            // 1 -> 4 spans three layers: two bends on its way, each a straight pass.
            let e = g
                .edges
                .iter()
                .position(|&(f, t)| g.ids[f] == 1 && g.ids[t] == 4);
            let e = e.unwrap();
            assert_eq!(l.tracks[e].along.len(), 4);
            assert_eq!(l.edge_paths[e].matches('L').count(), 2);
        }
    }

    #[test]
    fn crossings_of_small_graphs_are_minimal() {
        // K(2,2): one crossing however drawn.
        let k22 = graph(&[(1, &[]), (2, &[]), (3, &[1, 2]), (4, &[1, 2])]);
        assert_eq!(layout(&k22).crossings(), 1);
        // Two interleaved fans listed crosswise (seriesId by id): untangled to none.
        let fans = graph(&[
            (1, &[]),
            (2, &[]),
            (3, &[2]),
            (4, &[1]),
            (5, &[2]),
            (6, &[1]),
        ]);
        assert_eq!(layout(&fans).crossings(), 0);
        // A planar ladder with a long edge around it: none.
        let ladder = graph(&[
            (1, &[]),
            (2, &[1]),
            (3, &[1]),
            (4, &[2, 3]),
            (5, &[3]),
            (6, &[4, 5, 1]),
        ]);
        let l = layout(&ladder);
        check_drawing(&ladder, &l);
        assert_eq!(l.crossings(), 0);
    }

    #[test]
    fn ordering_counts_crossings_as_the_published_rule_does() {
        let g = build(synthetic::dense_task(1, 400, 12).subtasks()).unwrap();
        let p = Proper::new(&g);
        let mut layers = p.initial_order(&g);
        let before = {
            let mut pos = vec![0; p.items()];
            positions(&layers, &mut pos);
            total_crossings(&p, &layers, &pos, &mut Fenwick::default())
        };
        minimise_crossings(&p, &mut layers);
        let mut pos = vec![0; p.items()];
        positions(&layers, &mut pos);
        let internal = total_crossings(&p, &layers, &pos, &mut Fenwick::default());
        let l = place(&p, &layers, Orientation::LeftToRight);
        assert_eq!(internal, l.crossings());
        assert!(internal < before, "{internal} < {before}");
        check_drawing(&g, &l);
    }

    #[test]
    fn same_graph_same_layout() {
        let g = build(synthetic::dense_task(1, 600, 15).subtasks()).unwrap();
        let a = layout(&g);
        assert_eq!(a, layout(&g));
        assert_eq!(a, layout(&g.clone()));
        let tb = layout_oriented(&g, Orientation::TopToBottom);
        assert_eq!(tb, layout_oriented(&g, Orientation::TopToBottom));
        // Orientation changes coordinates, never the order: the same crossings.
        assert_eq!(a.crossings(), tb.crossings());
    }

    #[test]
    fn no_two_nodes_share_a_spot_in_any_shape() {
        for g in [
            build(synthetic::task(1, 300, 10).subtasks()).unwrap(),
            build(synthetic::dense_task(1, 500, 10).subtasks()).unwrap(),
            build(synthetic::dense_task(1, 97, 1).subtasks()).unwrap(),
            graph(&[(1, &[]), (2, &[]), (3, &[])]),
            graph(&[]),
        ] {
            for o in [Orientation::LeftToRight, Orientation::TopToBottom] {
                let l = layout_oriented(&g, o);
                check_drawing(&g, &l);
                let mut spots: Vec<(u64, u64)> = l
                    .pos
                    .iter()
                    .map(|(x, y)| (x.to_bits(), y.to_bits()))
                    .collect();
                spots.sort_unstable();
                spots.dedup();
                assert_eq!(spots.len(), g.ids.len());
            }
        }
    }

    #[test]
    fn chains_run_straight() {
        // Parallel chains with a cross edge every fifth step: each chain stays on one line.
        let g = build(synthetic::task(1, 200, 10).subtasks()).unwrap();
        let l = layout(&g);
        assert_eq!(l.crossings(), 0);
        let straight = g
            .edges
            .iter()
            .filter(|&&(f, t)| l.pos[f].1 == l.pos[t].1)
            .count();
        assert!(
            straight * 10 >= g.edges.len() * 8,
            "{straight} of {}",
            g.edges.len()
        );
    }

    #[test]
    fn too_many_virtual_points_fall_back_to_straight_long_edges() {
        // A chain of 700 steps with every step also wired to the last one: 244,650 virtual
        // points would be needed, over the limit; the drawing stays valid and fast.
        let mut edges: Vec<(i64, Vec<i64>)> = (1..=700).map(|i| (i, vec![i - 1])).collect();
        edges[0].1.clear();
        edges.push((701, (1..=700).collect()));
        let subs: Vec<SubtaskInstance> = edges.iter().map(|(id, up)| sub(*id, up)).collect();
        let g = build(&subs).unwrap();
        let p = Proper::new(&g);
        assert!(p.items() - p.n <= VIRTUAL_LIMIT);
        let l = layout(&g);
        assert_eq!(l.tracks.len(), g.edges.len());
        assert!(l.tracks.iter().all(|t| t.along.len() >= 2));
    }

    #[test]
    fn orientation_follows_the_shape() {
        let chain = graph(&[(1, &[]), (2, &[1]), (3, &[2]), (4, &[3]), (5, &[4])]);
        assert_eq!(choose_orientation(&chain), Orientation::TopToBottom);
        // One step fanning out to twelve and joining again: wide and shallow.
        let mut fan: Vec<(i64, Vec<i64>)> = vec![(1, vec![])];
        fan.extend((2..14).map(|i| (i, vec![1])));
        fan.push((14, (2..14).collect()));
        let subs: Vec<SubtaskInstance> = fan.iter().map(|(id, up)| sub(*id, up)).collect();
        assert_eq!(
            choose_orientation(&build(&subs).unwrap()),
            Orientation::LeftToRight
        );
        // The boundary: about 0.7 layers per node of the widest layer.
        let grid = |layers: usize, width: usize| {
            build(synthetic::task(1, layers * width, width).subtasks()).unwrap()
        };
        assert_eq!(choose_orientation(&grid(7, 10)), Orientation::LeftToRight);
        assert_eq!(choose_orientation(&grid(8, 10)), Orientation::TopToBottom);
        assert_eq!(choose_orientation(&grid(100, 20)), Orientation::TopToBottom);
        assert_eq!(choose_orientation(&graph(&[])), Orientation::LeftToRight);
        assert_eq!(
            choose_orientation(&graph(&[(1, &[])])),
            Orientation::TopToBottom
        );
        // A forced direction wins over the shape.
        assert_eq!(
            OrientationChoice::LeftToRight.resolve(&chain),
            Orientation::LeftToRight
        );
        assert_eq!(
            OrientationChoice::Auto.resolve(&chain),
            Orientation::TopToBottom
        );
        assert_eq!(
            OrientationChoice::TopToBottom.resolve(&grid(7, 10)),
            Orientation::TopToBottom
        );
    }

    #[test]
    fn a_nine_step_chain_fits_a_laptop_screen_top_to_bottom_at_a_legible_scale() {
        let chain: Vec<(i64, Vec<i64>)> = (1..=9)
            .map(|i| (i, if i == 1 { vec![] } else { vec![i - 1] }))
            .collect();
        let subs: Vec<SubtaskInstance> = chain.iter().map(|(id, up)| sub(*id, up)).collect();
        let g = build(&subs).unwrap();
        assert_eq!(choose_orientation(&g), Orientation::TopToBottom);
        let l = layout_oriented(&g, Orientation::TopToBottom);
        // The graph's box is at most 85% of an 800 px window tall (style: svg.graph), less
        // the 40 px the view adds, at the smallest legible scale.
        let k = crate::viewport::fit_scale(l.width, l.height, 1200.0, 0.85 * 800.0);
        assert!(
            k >= crate::viewport::MIN_SCALE,
            "scale {k}, height {}",
            l.height
        );
        assert!(l.height * crate::viewport::MIN_SCALE + 40.0 <= 0.85 * 800.0);
    }
}
