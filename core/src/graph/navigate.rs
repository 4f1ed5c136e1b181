//! Moving between the steps of a drawn task graph at the keyboard. Tab walks the steps in
//! execution (topological) order; the arrow keys follow the drawing: along the flow to a
//! downstream step, against it to an upstream one, across it to the next step of the same
//! layer. The SPA focuses whatever these return; the rules live here so they are tested
//! without a browser.

use crate::graph::dag::Graph;
use crate::graph::layout::{Layout, Orientation};

/// An arrow key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrow {
    Left,
    Right,
    Up,
    Down,
}

impl Arrow {
    /// The key of a `KeyboardEvent.key` value, if it is an arrow.
    pub fn from_key(key: &str) -> Option<Arrow> {
        match key {
            "ArrowLeft" => Some(Arrow::Left),
            "ArrowRight" => Some(Arrow::Right),
            "ArrowUp" => Some(Arrow::Up),
            "ArrowDown" => Some(Arrow::Down),
            _ => None,
        }
    }
}

/// The step Tab (or Shift+Tab, `back`) moves to from `from` in `order` (the graph's
/// topological order); `None` past either end, where focus leaves the graph as usual.
pub fn tab_step(order: &[usize], from: usize, back: bool) -> Option<usize> {
    let at = order.iter().position(|&i| i == from)?;
    if back {
        at.checked_sub(1).and_then(|p| order.get(p).copied())
    } else {
        order.get(at + 1).copied()
    }
}

/// The step an arrow key moves to from `from` in drawing `l` of `g`: with the flow (→ in a
/// left-to-right drawing, ↓ top to bottom) to the downstream step nearest across the flow;
/// against it to the nearest upstream one; across it to the nearest step of the same layer on
/// that side. `None` when there is none: the key then does nothing.
pub fn step_for_key(g: &Graph, l: &Layout, from: usize, key: Arrow) -> Option<usize> {
    let lr = l.orientation == Orientation::LeftToRight;
    // Position across the flow, where a step's centre is.
    let across = |i: usize| {
        l.pos
            .get(i)
            .map(|&(x, y)| if lr { y } else { x })
            .unwrap_or(0.0)
    };
    let here = across(from);
    let nearest = |it: &mut dyn Iterator<Item = usize>| {
        it.min_by(|&a, &b| {
            let (da, db) = ((across(a) - here).abs(), (across(b) - here).abs());
            da.total_cmp(&db)
                .then(across(a).total_cmp(&across(b)))
                .then(a.cmp(&b))
        })
    };
    let (forward, backward, before, after) = if lr {
        (Arrow::Right, Arrow::Left, Arrow::Up, Arrow::Down)
    } else {
        (Arrow::Down, Arrow::Up, Arrow::Left, Arrow::Right)
    };
    if key == forward {
        return nearest(&mut g.downstream_of(from));
    }
    if key == backward {
        return nearest(&mut g.upstream_of(from));
    }
    let layer = g.layers.get(*g.layer.get(from)?)?;
    let side = |i: usize| {
        i != from
            && if key == before {
                across(i) < here || (across(i) == here && i < from)
            } else if key == after {
                across(i) > here || (across(i) == here && i > from)
            } else {
                false
            }
    };
    nearest(&mut layer.iter().copied().filter(|&i| side(i)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::dag::build;
    use crate::graph::layout::layout_oriented;

    use crate::graph::dag::testing::sub;

    /// 1 → {2, 3, 4} → 5: a fork of three joined again.
    fn diamond() -> Graph {
        build(&[
            sub(1, &[]),
            sub(2, &[1]),
            sub(3, &[1]),
            sub(4, &[1]),
            sub(5, &[2, 3, 4]),
        ])
        .unwrap()
    }

    #[test]
    fn tab_walks_execution_order_and_stops_at_the_ends() {
        let g = diamond();
        let order = g.topo_order();
        assert_eq!(order.first(), Some(&0));
        assert_eq!(order.last(), Some(&4));
        let mut seen = vec![order[0]];
        while let Some(n) = tab_step(&order, *seen.last().unwrap(), false) {
            seen.push(n);
        }
        assert_eq!(seen, order);
        assert_eq!(tab_step(&order, 0, true), None);
        assert_eq!(tab_step(&order, 4, false), None);
        assert_eq!(tab_step(&order, order[2], true), Some(order[1]));
        assert_eq!(tab_step(&order, 99, false), None);
    }

    #[test]
    fn arrows_follow_the_edges_in_either_orientation() {
        let g = diamond();
        for o in [Orientation::LeftToRight, Orientation::TopToBottom] {
            let l = layout_oriented(&g, o);
            let (fwd, back, before, after) = match o {
                Orientation::LeftToRight => (Arrow::Right, Arrow::Left, Arrow::Up, Arrow::Down),
                Orientation::TopToBottom => (Arrow::Down, Arrow::Up, Arrow::Left, Arrow::Right),
            };
            // The fork's middle branch is straight across from the root: the flow key goes there.
            let middle = step_for_key(&g, &l, 0, fwd).unwrap();
            assert!([1, 2, 3].contains(&middle), "{o:?}");
            assert_eq!(
                step_for_key(&g, &l, 0, back),
                None,
                "{o:?}: nothing upstream of the root"
            );
            assert_eq!(step_for_key(&g, &l, middle, fwd), Some(4), "{o:?}");
            assert_eq!(step_for_key(&g, &l, 4, back), Some(middle), "{o:?}");
            assert_eq!(step_for_key(&g, &l, middle, back), Some(0), "{o:?}");
            // Across the flow: the branches in drawing order, one key each way, stopping at the end.
            let mut branch = [1usize, 2, 3];
            let across = |i: usize| match o {
                Orientation::LeftToRight => l.pos[i].1,
                Orientation::TopToBottom => l.pos[i].0,
            };
            branch.sort_by(|a, b| across(*a).total_cmp(&across(*b)));
            assert_eq!(
                step_for_key(&g, &l, branch[0], after),
                Some(branch[1]),
                "{o:?}"
            );
            assert_eq!(
                step_for_key(&g, &l, branch[1], after),
                Some(branch[2]),
                "{o:?}"
            );
            assert_eq!(step_for_key(&g, &l, branch[2], after), None, "{o:?}");
            assert_eq!(
                step_for_key(&g, &l, branch[2], before),
                Some(branch[1]),
                "{o:?}"
            );
            assert_eq!(step_for_key(&g, &l, branch[0], before), None, "{o:?}");
            // A lone step in its layer has no neighbour across.
            assert_eq!(step_for_key(&g, &l, 0, before), None, "{o:?}");
        }
    }

    #[test]
    fn arrow_names_are_the_dom_key_values() {
        assert_eq!(Arrow::from_key("ArrowDown"), Some(Arrow::Down));
        assert_eq!(Arrow::from_key("ArrowLeft"), Some(Arrow::Left));
        assert_eq!(Arrow::from_key("Enter"), None);
    }
}
