//! Pan and zoom: the camera over a laid-out graph, the transform that moves a drawing to a new
//! camera without drawing it again, and the framing rules (the whole graph when it fits at a
//! legible scale, else the step that matters, centred). Pure arithmetic on layout coordinates;
//! what lies at them is the spatial index's business.

use super::label::{LABEL_PX, MIN_LABEL_PX};
use super::spatial::Rect;
use crate::graph::layout::{NODE_H, NODE_W};
use crate::wire::SubtaskStatus;

/// The smallest zoom: below it labels would shrink under [`MIN_LABEL_PX`].
pub const MIN_SCALE: f64 = MIN_LABEL_PX / LABEL_PX;
pub const MAX_SCALE: f64 = 3.0;

/// A drawn graph shifted and scaled (about the screen's top-left) to show another camera:
/// screen point p goes to p·scale + (dx, dy).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shift {
    pub dx: f64,
    pub dy: f64,
    pub scale: f64,
}

/// How far a drawn graph may be scaled before it is drawn again: beyond it text blurs.
pub const MAX_STRETCH: f64 = 1.25;

/// Pan and zoom: a layout point (x, y) is drawn at (x·k + tx, y·k + ty) on screen.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Camera {
    pub tx: f64,
    pub ty: f64,
    pub k: f64,
}

impl Camera {
    /// The layout area on a `w`×`h` screen, widened by `margin_px` screen pixels on each side
    /// (what is rendered ahead of a pan, so a drag shows no blank edge before the next frame).
    pub fn area(&self, w: f64, h: f64, margin_px: f64) -> Rect {
        Rect {
            x0: (-margin_px - self.tx) / self.k,
            y0: (-margin_px - self.ty) / self.k,
            x1: (w + margin_px - self.tx) / self.k,
            y1: (h + margin_px - self.ty) / self.k,
        }
    }

    /// Zoom by `factor` about the screen point (px, py), within [MIN_SCALE, MAX_SCALE].
    pub fn zoom_at(&self, factor: f64, px: f64, py: f64) -> Camera {
        let k = (self.k * factor).clamp(MIN_SCALE, MAX_SCALE);
        Camera {
            tx: px - (px - self.tx) * k / self.k,
            ty: py - (py - self.ty) * k / self.k,
            k,
        }
    }

    /// Two fingers moved from `before` to `after` (screen points): the content under them
    /// follows, panned with their midpoint and zoomed by how far apart they moved (within the
    /// scale limits). Fingers on one spot change nothing.
    pub fn pinch(&self, before: [(f64, f64); 2], after: [(f64, f64); 2]) -> Camera {
        let dist = |p: [(f64, f64); 2]| (p[0].0 - p[1].0).hypot(p[0].1 - p[1].1);
        let mid = |p: [(f64, f64); 2]| ((p[0].0 + p[1].0) / 2.0, (p[0].1 + p[1].1) / 2.0);
        let (d0, d1) = (dist(before), dist(after));
        if d0 < 1.0 || d1 < 1.0 {
            return *self;
        }
        let ((x0, y0), (x1, y1)) = (mid(before), mid(after));
        let panned = Camera {
            tx: self.tx + x1 - x0,
            ty: self.ty + y1 - y0,
            k: self.k,
        };
        panned.zoom_at(d1 / d0, x1, y1)
    }

    /// How to show, as `to` would draw it, what was drawn for `self`: a CSS transform about
    /// the screen's top-left corner. The graph is drawn once per [`Camera::still_covers`] and
    /// moved as one composited layer in between, so a frame of a drag repaints nothing.
    pub fn shift_to(&self, to: &Camera) -> Shift {
        let scale = to.k / self.k;
        Shift {
            dx: to.tx - scale * self.tx,
            dy: to.ty - scale * self.ty,
            scale,
        }
    }

    /// Whether what was drawn for `self` over a `w`×`h` screen plus `margin_px` on each side,
    /// shifted to `to`, still covers the whole screen and is not stretched enough to blur.
    pub fn still_covers(&self, to: &Camera, w: f64, h: f64, margin_px: f64) -> bool {
        let s = self.shift_to(to);
        let covers = |d: f64, len: f64| {
            s.scale * -margin_px + d <= 0.0 && s.scale * (len + margin_px) + d >= len
        };
        (1.0 / MAX_STRETCH..=MAX_STRETCH).contains(&s.scale) && covers(s.dx, w) && covers(s.dy, h)
    }

    /// Whether the node at layout (x, y) is wholly on a `w`×`h` screen.
    pub fn shows(&self, (x, y): (f64, f64), w: f64, h: f64) -> bool {
        let (sx, sy) = (x * self.k + self.tx, y * self.k + self.ty);
        sx >= 0.0 && sy >= 0.0 && sx + NODE_W * self.k <= w && sy + NODE_H * self.k <= h
    }

    /// The view centred on the node at layout (x, y), at this scale; `None` when the node is
    /// wholly on the `w`×`h` screen already (the view does not jump for nothing).
    pub fn showing(&self, (x, y): (f64, f64), w: f64, h: f64) -> Option<Camera> {
        (!self.shows((x, y), w, h)).then(|| Camera {
            tx: w / 2.0 - (x + NODE_W / 2.0) * self.k,
            ty: h / 2.0 - (y + NODE_H / 2.0) * self.k,
            k: self.k,
        })
    }

    /// The same view on a screen resized from `from` to `to` (width, height): what was at the
    /// middle stays at the middle, at the same scale, so narrowing a window or turning a
    /// tablet does not slide the drawing off to one side. A screen without a size (hidden,
    /// not laid out yet) changes nothing.
    pub fn resized(&self, from: (f64, f64), to: (f64, f64)) -> Camera {
        if from.0 <= 0.0 || from.1 <= 0.0 || to.0 <= 0.0 || to.1 <= 0.0 {
            return *self;
        }
        Camera {
            tx: self.tx + (to.0 - from.0) / 2.0,
            ty: self.ty + (to.1 - from.1) / 2.0,
            k: self.k,
        }
    }

    /// [`Camera::resized`], and the step at layout `step` (the one in hand), if it was wholly
    /// on screen before, is on screen after: centred on it if the middle alone left it off.
    /// A step the operator had panned away from stays away.
    pub fn resized_keeping(
        &self,
        from: (f64, f64),
        to: (f64, f64),
        step: Option<(f64, f64)>,
    ) -> Camera {
        let cam = self.resized(from, to);
        match step {
            Some(p) if self.shows(p, from.0, from.1) => cam.showing(p, to.0, to.1).unwrap_or(cam),
            _ => cam,
        }
    }
}

/// The scale that shows the whole `gw`×`gh` graph on a `w`×`h` screen, never above 1 (no
/// blown-up small graphs) and never below [`MIN_SCALE`] (legible labels): a graph too big for
/// that scrolls instead.
pub fn fit_scale(gw: f64, gh: f64, w: f64, h: f64) -> f64 {
    if gw <= 0.0 || gh <= 0.0 || w <= 0.0 || h <= 0.0 {
        return 1.0;
    }
    (w / gw).min(h / gh).clamp(MIN_SCALE, 1.0)
}

/// Translation along one axis that puts layout coordinate `c` at the screen's middle, then
/// keeps the graph (extent `g` at scale `k`) covering the screen (extent `s`) where it is
/// bigger, and centred where it is smaller: no empty band beside a graph that could fill it.
fn axis(c: f64, g: f64, s: f64, k: f64) -> f64 {
    let gk = g * k;
    if gk <= s {
        (s - gk) / 2.0
    } else {
        (s / 2.0 - c * k).clamp(s - gk, 0.0)
    }
}

/// The view that frames a `gw`×`gh` graph on a `w`×`h` screen: all of it when it fits at a
/// legible scale; otherwise, at the smallest legible scale, centred on the layout point
/// `focus` (the top-left of a node), or on the graph's start when there is none.
pub fn frame(gw: f64, gh: f64, w: f64, h: f64, focus: Option<(f64, f64)>) -> Camera {
    let k = fit_scale(gw, gh, w, h);
    let (cx, cy) = match focus {
        Some((x, y)) => (x + NODE_W / 2.0, y + NODE_H / 2.0),
        // The graph reads from the left: its start, vertically in the middle.
        None => (0.0, gh / 2.0),
    };
    Camera {
        tx: axis(cx, gw, w, k),
        ty: axis(cy, gh, h, k),
        k,
    }
}

/// The step an opened task is framed on: the first failed step in execution order, else the
/// first running (or canceling) one; `None` when neither exists.
pub fn focus_step<'a>(
    order: &[usize],
    status: impl Fn(usize) -> Option<&'a SubtaskStatus>,
) -> Option<usize> {
    let first = |want: &dyn Fn(&SubtaskStatus) -> bool| {
        order.iter().copied().find(|i| status(*i).is_some_and(want))
    };
    first(&|s| *s == SubtaskStatus::Failed)
        .or_else(|| first(&|s| matches!(s, SubtaskStatus::Running | SubtaskStatus::Canceling)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shifted_drawing_lands_where_the_new_camera_draws() {
        let drawn = Camera {
            tx: -300.0,
            ty: 40.0,
            k: 0.8,
        };
        let now = Camera {
            tx: -250.0,
            ty: 10.0,
            k: 0.9,
        };
        let s = drawn.shift_to(&now);
        for (x, y) in [(0.0, 0.0), (500.0, 120.0), (1234.5, -7.0)] {
            let (sx, sy) = (x * drawn.k + drawn.tx, y * drawn.k + drawn.ty);
            let (px, py) = (sx * s.scale + s.dx, sy * s.scale + s.dy);
            assert!((px - (x * now.k + now.tx)).abs() < 1e-9);
            assert!((py - (y * now.k + now.ty)).abs() < 1e-9);
        }
    }

    #[test]
    fn a_drawing_covers_the_screen_until_the_pan_passes_its_margin() {
        let drawn = Camera {
            tx: 0.0,
            ty: 0.0,
            k: 1.0,
        };
        let panned = |dx: f64, dy: f64| Camera {
            tx: dx,
            ty: dy,
            k: 1.0,
        };
        assert!(drawn.still_covers(&drawn, 1000.0, 600.0, 300.0));
        assert!(drawn.still_covers(&panned(300.0, -300.0), 1000.0, 600.0, 300.0));
        assert!(!drawn.still_covers(&panned(301.0, 0.0), 1000.0, 600.0, 300.0));
        assert!(!drawn.still_covers(&panned(0.0, -301.0), 1000.0, 600.0, 300.0));
        // Zooming out about the middle shrinks the drawing: a little is fine, a lot is not.
        let drawn = Camera { k: 2.0, ..drawn };
        let zoom = |f: f64| drawn.zoom_at(f, 500.0, 300.0);
        assert!(drawn.still_covers(&zoom(0.9), 1000.0, 600.0, 300.0));
        assert!(!drawn.still_covers(&zoom(0.5), 1000.0, 600.0, 300.0));
        // Zooming in covers the screen but blurs past the stretch limit.
        assert!(drawn.still_covers(&zoom(1.2), 1000.0, 600.0, 300.0));
        assert!(!drawn.still_covers(&zoom(1.3), 1000.0, 600.0, 300.0));
    }

    #[test]
    fn labels_stay_legible_when_the_graph_is_too_big() {
        assert!((MIN_SCALE * LABEL_PX - MIN_LABEL_PX).abs() < 1e-9);
        // Small graph: whole, not enlarged.
        assert_eq!(fit_scale(600.0, 300.0, 1200.0, 500.0), 1.0);
        // Fits when slightly shrunk.
        let k = fit_scale(1250.0, 300.0, 1200.0, 500.0);
        assert!(k < 1.0 && k > MIN_SCALE);
        // Too big: the smallest legible scale, never less.
        assert_eq!(fit_scale(52_000.0, 2800.0, 1200.0, 500.0), MIN_SCALE);
        let v = Camera {
            tx: 0.0,
            ty: 0.0,
            k: MIN_SCALE,
        };
        assert_eq!(v.zoom_at(0.5, 10.0, 10.0).k, MIN_SCALE);
        assert_eq!(v.zoom_at(100.0, 10.0, 10.0).k, MAX_SCALE);
        // Zooming about a point keeps that point still.
        let z = Camera {
            tx: 40.0,
            ty: 30.0,
            k: 1.0,
        }
        .zoom_at(1.25, 200.0, 100.0);
        assert!(((200.0 - z.tx) / z.k - 160.0).abs() < 1e-9);
    }

    #[test]
    fn framing_shows_all_or_centres_the_step_that_matters() {
        // Fits: centred.
        let v = frame(600.0, 300.0, 1200.0, 500.0, Some((400.0, 100.0)));
        assert_eq!((v.tx, v.ty, v.k), (300.0, 100.0, 1.0));
        // Too big: the focus node sits in the middle of the screen.
        let (gw, gh, w, h) = (52_000.0, 2800.0, 1200.0, 500.0);
        let focus = (20_000.0, 1400.0);
        let v = frame(gw, gh, w, h, Some(focus));
        assert_eq!(v.k, MIN_SCALE);
        let cx = (focus.0 + NODE_W / 2.0) * v.k + v.tx;
        let cy = (focus.1 + NODE_H / 2.0) * v.k + v.ty;
        assert!((cx - w / 2.0).abs() < 1e-6 && (cy - h / 2.0).abs() < 1e-6);
        assert!(v.shows(focus, w, h));
        // A focus near the start: the graph's edge stays at the screen's edge, no blank band.
        let v = frame(gw, gh, w, h, Some((20.0, 1400.0)));
        assert_eq!(v.tx, 0.0);
        // No focus: the start of the graph, its middle rows.
        let v = frame(gw, gh, w, h, None);
        assert_eq!(v.tx, 0.0);
        assert!((v.ty - (h / 2.0 - gh / 2.0 * v.k)).abs() < 1e-6);
        // A graph wide but short: centred vertically, scrolled horizontally.
        let v = frame(gw, 200.0, w, h, Some((30_000.0, 20.0)));
        assert_eq!(v.ty, (h - 200.0 * v.k) / 2.0);
    }

    #[test]
    fn the_failed_step_comes_first_then_the_running_one() {
        use SubtaskStatus::*;
        let st = [
            Some(Successful),
            Some(Running),
            Some(Failed),
            None,
            Some(Canceling),
        ];
        let order = [0, 1, 4, 2, 3];
        assert_eq!(focus_step(&order, |i| st[i].as_ref()), Some(2));
        let st2 = [
            Some(Successful),
            Some(Pending),
            Some(Canceling),
            Some(Running),
        ];
        assert_eq!(focus_step(&[0, 1, 3, 2], |i| st2[i].as_ref()), Some(3));
        let done = [Some(Successful), Some(Pending)];
        assert_eq!(focus_step(&[0, 1], |i| done[i].as_ref()), None);
    }

    #[test]
    fn a_pinch_zooms_about_the_fingers_and_pans_with_them() {
        let c = Camera {
            tx: 0.0,
            ty: 0.0,
            k: 1.0,
        };
        // Fingers twice as far apart about (100, 100): the layout point under them stays.
        let z = c.pinch(
            [(90.0, 100.0), (110.0, 100.0)],
            [(80.0, 100.0), (120.0, 100.0)],
        );
        assert!((z.k - 2.0).abs() < 1e-9);
        assert!((100.0 * z.k + z.tx - 100.0).abs() < 1e-9);
        // Both fingers moved 30 px right, same spread: a pan.
        let p = c.pinch([(0.0, 0.0), (10.0, 0.0)], [(30.0, 0.0), (40.0, 0.0)]);
        assert_eq!(
            p,
            Camera {
                tx: 30.0,
                ty: 0.0,
                k: 1.0
            }
        );
        // Fingers on one spot, or pinched past the limits.
        assert_eq!(
            c.pinch([(5.0, 5.0), (5.0, 5.0)], [(0.0, 0.0), (50.0, 0.0)]),
            c
        );
        let far = c.pinch([(0.0, 0.0), (10.0, 0.0)], [(0.0, 0.0), (10_000.0, 0.0)]);
        assert_eq!(far.k, MAX_SCALE);
    }

    #[test]
    fn a_resized_screen_keeps_its_middle_and_scale() {
        let cam = Camera {
            tx: -300.0,
            ty: 40.0,
            k: 0.8,
        };
        let middle = |c: &Camera, w: f64, h: f64| ((w / 2.0 - c.tx) / c.k, (h / 2.0 - c.ty) / c.k);
        let narrow = cam.resized((1280.0, 800.0), (420.0, 700.0));
        assert_eq!(narrow.k, cam.k);
        let (a, b) = (middle(&cam, 1280.0, 800.0), middle(&narrow, 420.0, 700.0));
        assert!(
            (a.0 - b.0).abs() < 1e-9 && (a.1 - b.1).abs() < 1e-9,
            "{a:?} {b:?}"
        );
        // Back to the first size: the first view.
        assert_eq!(narrow.resized((420.0, 700.0), (1280.0, 800.0)), cam);
        // A screen without a size (hidden) changes nothing, either way.
        assert_eq!(cam.resized((0.0, 0.0), (420.0, 700.0)), cam);
        assert_eq!(cam.resized((1280.0, 800.0), (0.0, 700.0)), cam);
    }

    #[test]
    fn showing_a_step_moves_only_when_it_is_not_wholly_on_screen() {
        let cam = Camera {
            tx: 0.0,
            ty: 0.0,
            k: 1.0,
        };
        assert_eq!(cam.showing((10.0, 10.0), 1280.0, 800.0), None);
        // A step at the right edge of a wide screen, after the screen narrows.
        let at = (1000.0, 300.0);
        let narrow = cam.resized((1280.0, 800.0), (420.0, 800.0));
        assert!(!narrow.shows(at, 420.0, 800.0));
        let moved = narrow.showing(at, 420.0, 800.0).unwrap();
        assert!(moved.shows(at, 420.0, 800.0));
        assert_eq!(moved.k, narrow.k);
        // Centred on it.
        let sx = at.0 * moved.k + moved.tx + NODE_W * moved.k / 2.0;
        assert!((sx - 210.0).abs() < 1e-9);
    }

    #[test]
    fn a_resize_keeps_the_step_in_hand_only_if_it_was_on_screen() {
        let cam = Camera {
            tx: 0.0,
            ty: 0.0,
            k: 1.0,
        };
        let (wide, narrow) = ((1280.0, 800.0), (420.0, 800.0));
        // On screen before, off it with the middle alone: brought back.
        let at = (1000.0, 300.0);
        assert!(cam.shows(at, wide.0, wide.1));
        let kept = cam.resized_keeping(wide, narrow, Some(at));
        assert!(kept.shows(at, narrow.0, narrow.1));
        // Panned away from before: only the middle is kept.
        let away = (3000.0, 300.0);
        assert_eq!(
            cam.resized_keeping(wide, narrow, Some(away)),
            cam.resized(wide, narrow)
        );
        // Still on screen with the middle kept: nothing more moves.
        let centre = (545.0, 380.0);
        assert_eq!(
            cam.resized_keeping(wide, narrow, Some(centre)),
            cam.resized(wide, narrow)
        );
        assert_eq!(
            cam.resized_keeping(wide, narrow, None),
            cam.resized(wide, narrow)
        );
    }
}
