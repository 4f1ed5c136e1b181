//! Layered left-to-right layout of a task graph: one column per layer, nodes ordered within a
//! column by the barycenter of their upstreams (fewer crossings), edges as cubic curves. Computed
//! once per structure; status changes never touch it.

use crate::graph::Graph;

pub const NODE_W: f64 = 190.0;
pub const NODE_H: f64 = 38.0;
pub const GAP_X: f64 = 70.0;
pub const GAP_Y: f64 = 18.0;
pub const MARGIN: f64 = 20.0;

#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    /// Top-left corner of each node, by node index.
    pub pos: Vec<(f64, f64)>,
    /// SVG path data of each edge of `Graph::edges`, in the same order.
    pub edge_paths: Vec<String>,
}

pub fn layout(g: &Graph) -> Layout {
    let n = g.ids.len();
    // Order within each layer: barycenter of upstream positions, one sweep from left to right.
    let mut order_in_layer = vec![0f64; n];
    let mut layers: Vec<Vec<usize>> = g.layers.clone();
    let mut ups: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(f, t) in &g.edges {
        ups[t].push(f);
    }
    for (li, layer) in layers.iter_mut().enumerate() {
        if li > 0 {
            let key = |v: usize| -> f64 {
                let u = &ups[v];
                if u.is_empty() {
                    f64::MAX
                } else {
                    u.iter().map(|x| order_in_layer[*x]).sum::<f64>() / u.len() as f64
                }
            };
            // Stable: ties keep the seriesId order the graph gave.
            layer.sort_by(|a, b| key(*a).total_cmp(&key(*b)));
        }
        for (i, v) in layer.iter().enumerate() {
            order_in_layer[*v] = i as f64;
        }
    }
    let tallest = layers.iter().map(Vec::len).max().unwrap_or(0) as f64;
    let column_h = |count: usize| count as f64 * (NODE_H + GAP_Y) - GAP_Y;
    let full_h = column_h(tallest as usize).max(NODE_H);
    let mut pos = vec![(0.0, 0.0); n];
    for (li, layer) in layers.iter().enumerate() {
        let x = MARGIN + li as f64 * (NODE_W + GAP_X);
        let top = MARGIN + (full_h - column_h(layer.len())) / 2.0;
        for (i, v) in layer.iter().enumerate() {
            pos[*v] = (x, top + i as f64 * (NODE_H + GAP_Y));
        }
    }
    let edge_paths = g
        .edges
        .iter()
        .map(|&(f, t)| {
            let (x1, y1) = (pos[f].0 + NODE_W, pos[f].1 + NODE_H / 2.0);
            let (x2, y2) = (pos[t].0, pos[t].1 + NODE_H / 2.0);
            let mx = (x1 + x2) / 2.0;
            format!("M{x1:.1} {y1:.1}C{mx:.1} {y1:.1} {mx:.1} {y2:.1} {x2:.1} {y2:.1}")
        })
        .collect();
    let width = if layers.is_empty() {
        2.0 * MARGIN
    } else {
        2.0 * MARGIN + layers.len() as f64 * (NODE_W + GAP_X) - GAP_X
    };
    Layout {
        width,
        height: 2.0 * MARGIN + full_h,
        pos,
        edge_paths,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::build;
    use crate::wire::SubtaskInstance;
    use crate::Long;

    fn sub(id: i64, up: &[i64]) -> SubtaskInstance {
        SubtaskInstance {
            id: Some(Long(id)),
            upstreams: Some(up.iter().copied().map(Long).collect()),
            ..Default::default()
        }
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
        assert_eq!(
            y(1) < y(2),
            y(4) < y(3),
            "each child sits level with its parent"
        );
    }
}
