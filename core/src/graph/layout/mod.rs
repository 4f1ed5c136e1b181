//! Layered layout of a task graph, left to right (one column per layer) or top to bottom (one
//! row per layer). Computed once per structure; status changes never touch it.
//!
//! Layers are the graph's own (longest path from a root). An edge that skips layers is routed
//! through a *virtual point* on each layer it passes, which takes a lane of its own beside the
//! nodes, so edges never cross a node and long edges take part in ordering like nodes do
//! (`proper`). Within each layer the order comes from sweeps that minimise crossings
//! (`sweeps`); coordinates then sit on a grid of lanes, each layer's items pulled toward their
//! neighbours so chains run straight (`place`), and each edge's SVG path is written from them
//! ([`crate::graph::edge_path`]). Everything is deterministic: ties keep the previous order, no
//! randomness, no hashing.
//!
//! This file holds the layout's public face (sizes, orientation, [`Layout`]) and runs the three
//! steps in turn; each step is a file of its own.
//!
//! May import: `graph::dag` (the graph), `graph::crossings` (the counting rule),
//! `graph::edge_path`; nothing that knows a step's state.

use crate::graph::crossings::{count_crossings, EdgeTrack};
use crate::graph::dag::Graph;

mod place;
mod proper;
mod sweeps;

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
    /// Edge crossings of this drawing, by the rule of [`crate::graph::crossings`].
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
    let p = proper::Proper::new(g);
    let mut layers = p.initial_order(g);
    sweeps::minimise_crossings(&p, &mut layers);
    place::place(&p, &layers, orientation)
}

#[cfg(test)]
mod tests {
    use super::place::place;
    use super::proper::{Proper, VIRTUAL_LIMIT};
    use super::sweeps::{minimise_crossings, positions, total_crossings};
    use super::*;
    use crate::graph::crossings::Fenwick;
    use crate::graph::dag::build;
    use crate::task::synthetic;
    use crate::wire::SubtaskInstance;
    use crate::Long;

    use crate::graph::dag::testing::sub;

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
        let k = crate::graph::viewport::fit_scale(l.width, l.height, 1200.0, 0.85 * 800.0);
        assert!(
            k >= crate::graph::viewport::MIN_SCALE,
            "scale {k}, height {}",
            l.height
        );
        assert!(l.height * crate::graph::viewport::MIN_SCALE + 40.0 <= 0.85 * 800.0);
    }
}
