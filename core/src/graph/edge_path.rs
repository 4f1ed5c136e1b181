//! SVG path data (`d` strings) of a laid-out graph's edges: a move to where the edge leaves
//! its tail, an S-curve into each layer it passes, a straight pass through each virtual
//! point's layer, numbers to one decimal. Apart from the layout, which decides where edges
//! go; this only writes them down, by hand, because `format!` was most of the layout's time.

use crate::graph::layout::Orientation;

/// The path of one edge: from `start` (where it leaves its tail), for each item it passes,
/// an S-curve to where it enters that item's layer and, when it leaves that layer again (a
/// virtual point, not the head), a straight line to where it leaves.
pub fn edge_path(
    start: (f64, f64),
    passes: impl Iterator<Item = ((f64, f64), Option<(f64, f64)>)>,
    orientation: Orientation,
) -> String {
    let mut d = String::new();
    command(&mut d, 'M', &[start]);
    let mut from = start;
    for (entry, exit) in passes {
        curve(&mut d, from, entry, orientation);
        if let Some(exit) = exit {
            command(&mut d, 'L', &[exit]);
            from = exit;
        }
    }
    d
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
