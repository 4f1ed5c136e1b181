//! Where things are in a laid-out graph: a uniform grid that lists which nodes and edges touch
//! each cell, so culling to the screen costs the cells the screen covers, not the size of the
//! graph; and the box around each layer, which the minimap draws instead of every node.

use crate::graph::dag::Graph;
use crate::graph::layout::{Layout, NODE_H, NODE_W};

/// An axis-aligned rectangle in layout coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    pub fn intersects(&self, o: &Rect) -> bool {
        self.x0 <= o.x1 && o.x0 <= self.x1 && self.y0 <= o.y1 && o.y0 <= self.y1
    }

    fn union(&self, o: &Rect) -> Rect {
        Rect {
            x0: self.x0.min(o.x0),
            y0: self.y0.min(o.y0),
            x1: self.x1.max(o.x1),
            y1: self.y1.max(o.y1),
        }
    }
}

/// The box around each layer's nodes, in layout coordinates: the minimap draws these, a few
/// hundred boxes however many steps, instead of every node.
pub fn layer_bounds(g: &Graph, l: &Layout) -> Vec<Rect> {
    g.layers
        .iter()
        .filter_map(|layer| {
            layer
                .iter()
                .filter_map(|&i| l.pos.get(i))
                .map(|&(x, y)| Rect {
                    x0: x,
                    y0: y,
                    x1: x + NODE_W,
                    y1: y + NODE_H,
                })
                .reduce(|a, b| a.union(&b))
        })
        .collect()
}

/// Nodes and edges (indices into `Layout::pos` and `Graph::edges`) that meet an area, each
/// list ascending.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Visible {
    pub nodes: Vec<usize>,
    pub edges: Vec<usize>,
}

/// A uniform grid over the layout, built once per layout, listing which nodes and edges
/// touch each cell: a query costs the cells it covers, not the size of the graph.
#[derive(Debug, Clone)]
pub struct SpatialIndex {
    cell: f64,
    cols: usize,
    rows: usize,
    node_rect: Vec<Rect>,
    edge_rect: Vec<Rect>,
    node_cells: Vec<Vec<u32>>,
    edge_cells: Vec<Vec<u32>>,
    /// Edges spanning more than [`LONG_EDGE_CELLS`] cells, checked on every query instead of
    /// being listed in each cell they cross.
    long_edges: Vec<u32>,
}

const CELL: f64 = 512.0;
const MAX_CELLS: f64 = 1_000_000.0;
const LONG_EDGE_CELLS: usize = 64;

impl SpatialIndex {
    pub fn new(layout: &Layout, graph: &Graph) -> SpatialIndex {
        let node_rect: Vec<Rect> = layout
            .pos
            .iter()
            .map(|&(x, y)| Rect {
                x0: x,
                y0: y,
                x1: x + NODE_W,
                y1: y + NODE_H,
            })
            .collect();
        // A curve between two boxes stays within the box around both (its control points lie
        // between its ends), whatever the orientation of the layout.
        let edge_rect: Vec<Rect> = graph
            .edges
            .iter()
            .map(|&(f, t)| match (node_rect.get(f), node_rect.get(t)) {
                (Some(a), Some(b)) => a.union(b),
                _ => Rect {
                    x0: 0.0,
                    y0: 0.0,
                    x1: 0.0,
                    y1: 0.0,
                },
            })
            .collect();
        let (w, h) = (layout.width.max(1.0), layout.height.max(1.0));
        // Bigger cells for a huge layout, so the grid itself stays small.
        let cell = CELL.max((w * h / MAX_CELLS).sqrt());
        let cols = (w / cell).ceil().max(1.0) as usize;
        let rows = (h / cell).ceil().max(1.0) as usize;
        let mut idx = SpatialIndex {
            cell,
            cols,
            rows,
            node_cells: vec![Vec::new(); cols * rows],
            edge_cells: vec![Vec::new(); cols * rows],
            long_edges: Vec::new(),
            node_rect,
            edge_rect,
        };
        for i in 0..idx.node_rect.len() {
            let (c0, c1, r0, r1) = idx.span(&idx.node_rect[i]);
            for r in r0..=r1 {
                for c in c0..=c1 {
                    idx.node_cells[r * cols + c].push(i as u32);
                }
            }
        }
        for i in 0..idx.edge_rect.len() {
            let (c0, c1, r0, r1) = idx.span(&idx.edge_rect[i]);
            if (c1 - c0 + 1) * (r1 - r0 + 1) > LONG_EDGE_CELLS {
                idx.long_edges.push(i as u32);
                continue;
            }
            for r in r0..=r1 {
                for c in c0..=c1 {
                    idx.edge_cells[r * cols + c].push(i as u32);
                }
            }
        }
        idx
    }

    /// Cells a rectangle covers (inclusive column and row ranges), clamped to the grid.
    fn span(&self, r: &Rect) -> (usize, usize, usize, usize) {
        let cell = |v: f64, n: usize| ((v / self.cell).floor().max(0.0) as usize).min(n - 1);
        (
            cell(r.x0, self.cols),
            cell(r.x1, self.cols),
            cell(r.y0, self.rows),
            cell(r.y1, self.rows),
        )
    }

    /// What meets `area` (layout coordinates).
    pub fn visible(&self, area: Rect) -> Visible {
        if self.node_rect.is_empty() || area.x1 < area.x0 || area.y1 < area.y0 {
            return Visible::default();
        }
        let (c0, c1, r0, r1) = self.span(&area);
        let collect = |cells: &[Vec<u32>], rects: &[Rect], extra: &[u32]| {
            let mut out: Vec<usize> = Vec::new();
            for r in r0..=r1 {
                for c in c0..=c1 {
                    out.extend(
                        cells[r * self.cols + c]
                            .iter()
                            .map(|i| *i as usize)
                            .filter(|i| rects[*i].intersects(&area)),
                    );
                }
            }
            out.extend(
                extra
                    .iter()
                    .map(|i| *i as usize)
                    .filter(|i| rects[*i].intersects(&area)),
            );
            // A box over a cell border is listed in each cell it touches.
            out.sort_unstable();
            out.dedup();
            out
        };
        Visible {
            nodes: collect(&self.node_cells, &self.node_rect, &[]),
            edges: collect(&self.edge_cells, &self.edge_rect, &self.long_edges),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::dag::build;
    use crate::graph::layout::layout;
    use crate::graph::viewport::{Camera, MIN_SCALE};

    fn synthetic(n: usize, width: usize) -> (Graph, Layout) {
        let t = crate::task::synthetic::task(1, n, width);
        let g = build(t.subtasks()).unwrap();
        let l = layout(&g);
        (g, l)
    }

    /// The brute-force answer the index must agree with.
    fn brute(g: &Graph, l: &Layout, area: Rect) -> Visible {
        let idx = SpatialIndex::new(l, g);
        Visible {
            nodes: (0..l.pos.len())
                .filter(|i| idx.node_rect[*i].intersects(&area))
                .collect(),
            edges: (0..g.edges.len())
                .filter(|i| idx.edge_rect[*i].intersects(&area))
                .collect(),
        }
    }

    #[test]
    fn layer_bounds_hold_every_node_and_one_box_per_layer() {
        let (g, l) = synthetic(2000, 20);
        let boxes = layer_bounds(&g, &l);
        assert_eq!(boxes.len(), 100);
        for (layer, b) in g.layers.iter().zip(&boxes) {
            for &i in layer {
                let (x, y) = l.pos[i];
                assert!(b.x0 <= x && b.y0 <= y && x + NODE_W <= b.x1 && y + NODE_H <= b.y1);
            }
        }
        // Left to right, each layer is a column: the boxes do not overlap along the flow.
        assert!(boxes.windows(2).all(|w| w[0].x1 < w[1].x0));
    }

    #[test]
    fn the_index_agrees_with_a_full_scan() {
        let (g, l) = synthetic(2000, 20);
        let idx = SpatialIndex::new(&l, &g);
        let mut areas = vec![Rect {
            x0: -1e9,
            y0: -1e9,
            x1: 1e9,
            y1: 1e9,
        }];
        for (x, y) in [
            (0.0, 0.0),
            (3000.0, 200.0),
            (9000.0, 700.0),
            (25_000.0, 0.0),
        ] {
            areas.push(
                Camera {
                    tx: -x,
                    ty: -y,
                    k: 1.0,
                }
                .area(1200.0, 500.0, 100.0),
            );
        }
        for a in areas {
            assert_eq!(idx.visible(a), brute(&g, &l, a), "area {a:?}");
        }
        assert_eq!(idx.visible(areas_all()).nodes.len(), 2000);
    }

    fn areas_all() -> Rect {
        Rect {
            x0: f64::MIN,
            y0: f64::MIN,
            x1: f64::MAX,
            y1: f64::MAX,
        }
    }

    #[test]
    fn a_screen_of_a_huge_graph_holds_a_screenful() {
        let (g, l) = synthetic(10_000, 50);
        let idx = SpatialIndex::new(&l, &g);
        let v = Camera {
            tx: -20_000.0,
            ty: -900.0,
            k: MIN_SCALE,
        };
        let vis = idx.visible(v.area(1200.0, 500.0, 200.0));
        assert!(
            !vis.nodes.is_empty() && vis.nodes.len() < 200,
            "{}",
            vis.nodes.len()
        );
        assert!(!vis.edges.is_empty() && vis.edges.len() < 400);
        // An edge is listed when either of its ends is.
        for (e, &(f, t)) in g.edges.iter().enumerate() {
            if vis.nodes.binary_search(&f).is_ok() || vis.nodes.binary_search(&t).is_ok() {
                assert!(vis.edges.binary_search(&e).is_ok(), "edge {e}");
            }
        }
        // Off the graph: nothing.
        let away = Camera {
            tx: 1e7,
            ty: 0.0,
            k: 1.0,
        };
        assert_eq!(
            idx.visible(away.area(1200.0, 500.0, 0.0)),
            Visible::default()
        );
    }

    #[test]
    fn long_edges_are_found_anywhere_along_them() {
        // 1 -> 2 -> ... -> 200, plus 1 -> 200 across the whole width (over 64 cells).
        let mut subs: Vec<crate::wire::SubtaskInstance> = (1..=200)
            .map(|i| crate::wire::SubtaskInstance {
                id: Some(crate::Long(i)),
                upstreams: Some(if i == 1 {
                    vec![]
                } else {
                    vec![crate::Long(i - 1)]
                }),
                ..Default::default()
            })
            .collect();
        subs[199].upstreams.as_mut().unwrap().push(crate::Long(1));
        let g = build(&subs).unwrap();
        let l = layout(&g);
        let idx = SpatialIndex::new(&l, &g);
        let long = g
            .edges
            .iter()
            .position(|&(f, t)| g.ids[f] == 1 && g.ids[t] == 200)
            .unwrap();
        let middle = Camera {
            tx: -l.width / 2.0,
            ty: 0.0,
            k: 1.0,
        };
        let vis = idx.visible(middle.area(800.0, 400.0, 0.0));
        assert!(idx.long_edges.contains(&(long as u32)));
        assert!(vis.edges.contains(&long));
        assert_eq!(vis, brute(&g, &l, middle.area(800.0, 400.0, 0.0)));
    }
}
