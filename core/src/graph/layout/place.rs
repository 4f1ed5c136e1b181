//! Coordinates of an ordered layout: where each item sits along its layer, on a grid of lanes,
//! each layer's items pulled toward their neighbours (least squares, order and spacing kept) so
//! chains run straight; then the drawing's size, each edge's track for counting crossings, and
//! its SVG path ([`crate::graph::edge_path`]). Apart from the ordering: it decides where, never
//! which comes first.

use super::proper::Proper;
use super::{Layout, Orientation, GAP_ROWS, GAP_X, LANE_LR, LANE_TB, MARGIN, NODE_H, NODE_W};
use crate::graph::crossings::EdgeTrack;
use crate::graph::edge_path::edge_path;

/// Rounds of coordinate straightening (each a down and an up pass).
const STRAIGHTEN_ROUNDS: usize = 4;

/// Lane coordinates: where each item starts along its layer, in lanes.
pub(super) fn place(p: &Proper, layers: &[Vec<usize>], orientation: Orientation) -> Layout {
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
        // head's near side.
        let start_pt = xy(centre(tail), across_of(tail) + node_across);
        let passes = chain.iter().enumerate().skip(1).map(|(k, &v)| {
            let entry = xy(centre(v), across_of(v));
            let exit = (k != chain.len() - 1).then(|| xy(centre(v), across_of(v) + node_across));
            (entry, exit)
        });
        edge_paths.push(edge_path(start_pt, passes, orientation));
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
