//! The order of the items within each layer, chosen to cross as few edges as possible: the
//! layout's costliest step, so its own file. Alternating down and up sweeps sort each layer by
//! the weighted median of the neighbours on the fixed side (after the first, downward sweeps
//! count the layer below too), each followed by sifting every layer (each item moved to where
//! it crosses least) and, in very wide layers, a transpose step (swap neighbours while that
//! removes crossings); a sweep that does not beat the best order seen starts the next one from
//! that best order, which is what is kept.

use super::proper::Proper;
use crate::graph::crossings::{inversions, Fenwick};

/// Sweeps (each down or up, then transpose) before giving up, and without improvement.
const MAX_SWEEPS: usize = 8;
const MAX_STALE_SWEEPS: usize = 3;
/// Passes of the transpose step per sweep; each pass visits every layer.
const MAX_TRANSPOSE_PASSES: usize = 6;
/// Past this many items (nodes and virtual points), half the sweeps.
const LARGE_ITEMS: usize = 8_000;
/// Widest layer (nodes and virtual points) that sifting visits.
const SIFT_MAX: usize = 400;

/// Positions of items within their layers.
pub(super) fn positions(layers: &[Vec<usize>], pos: &mut [usize]) {
    for layer in layers {
        for (i, &v) in layer.iter().enumerate() {
            pos[v] = i;
        }
    }
}

/// Crossings between every pair of adjacent layers of the proper graph, by position.
pub(super) fn total_crossings(
    p: &Proper,
    layers: &[Vec<usize>],
    pos: &[usize],
    tree: &mut Fenwick,
) -> u64 {
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

pub(super) fn minimise_crossings(p: &Proper, layers: &mut Vec<Vec<usize>>) {
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
