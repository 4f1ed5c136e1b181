//! Pointer gestures on the task graph: drag to pan, two fingers to pinch, the wheel (or a
//! trackpad pinch) to zoom about the pointer. Its own file so what the pointers mean stays apart
//! from where the camera may go (`camera`, after `console_core::graph::viewport`'s rules).
//! A drag holds the camera while it lasts, and a pointer that moved makes no click on a step.

use super::camera::{GraphCamera, Hand};
use console_core::graph::viewport::Camera;
use leptos::ev::{PointerEvent, WheelEvent};
use leptos::prelude::*;

/// A drag: where it started on the screen, and the camera's offset then.
type Drag = (f64, f64, f64, f64);

/// The pointers down on one graph view, with the camera they move.
#[derive(Clone, Copy)]
pub(crate) struct Gestures {
    cam: GraphCamera,
    drag: StoredValue<Option<Drag>>,
    /// Pointers down on the graph (id, screen point): two make a pinch.
    fingers: StoredValue<Vec<(i32, (f64, f64))>>,
    /// The pointer moved since it went down: what follows is no click.
    pub(crate) moved: StoredValue<bool>,
}

fn point(ev: &PointerEvent) -> (f64, f64) {
    (f64::from(ev.client_x()), f64::from(ev.client_y()))
}

impl Gestures {
    pub(crate) fn new(cam: GraphCamera) -> Gestures {
        Gestures {
            cam,
            drag: StoredValue::new(None),
            fingers: StoredValue::new(Vec::new()),
            moved: StoredValue::new(false),
        }
    }

    /// Tells the camera whether a drag or a pinch holds it.
    fn hold(&self) {
        let on = self.drag.with_value(Option::is_some) || self.fingers.with_value(|f| f.len() >= 2);
        self.cam.hold(Hand::Graph, on);
    }

    pub(crate) fn down(&self, ev: PointerEvent) {
        let here = point(&ev);
        self.fingers.update_value(|f| {
            // The first pointer of a gesture: whatever an earlier one left (a lift the page
            // never heard of) is gone.
            if ev.is_primary() {
                f.clear();
            }
            f.retain(|(id, _)| *id != ev.pointer_id());
            f.push((ev.pointer_id(), here));
        });
        // A second finger turns the drag into a pinch (and what follows is no click).
        if self.fingers.with_value(Vec::len) >= 2 {
            self.drag.set_value(None);
            self.moved.set_value(true);
            self.hold();
            return;
        }
        let v = self.cam.view_at.get_untracked();
        self.drag.set_value(Some((here.0, here.1, v.tx, v.ty)));
        self.moved.set_value(false);
        self.hold();
    }

    pub(crate) fn moves(&self, ev: PointerEvent) {
        let here = point(&ev);
        let pair = self.fingers.with_value(|f| match f.as_slice() {
            [a, b, ..] if a.0 == ev.pointer_id() => Some(([a.1, b.1], [here, b.1])),
            [a, b, ..] if b.0 == ev.pointer_id() => Some(([a.1, b.1], [a.1, here])),
            _ => None,
        });
        if let Some((before, after)) = pair {
            self.fingers.update_value(|f| {
                if let Some(p) = f.iter_mut().find(|(id, _)| *id == ev.pointer_id()) {
                    p.1 = here;
                }
            });
            if let Some(el) = self.cam.screen_ref.get_untracked() {
                let r = el.get_bounding_client_rect();
                let local = |p: [(f64, f64); 2]| p.map(|(x, y)| (x - r.left(), y - r.top()));
                let v = self.cam.view_at.get_untracked();
                self.cam.set_view(v.pinch(local(before), local(after)));
            }
            return;
        }
        if let Some((x0, y0, tx0, ty0)) = self.drag.get_value() {
            let (dx, dy) = (here.0 - x0, here.1 - y0);
            if dx.abs() + dy.abs() > 3.0 {
                self.moved.set_value(true);
            }
            if self.moved.get_value() {
                let k = self.cam.view_at.get_untracked().k;
                self.cam.set_view(Camera {
                    tx: tx0 + dx,
                    ty: ty0 + dy,
                    k,
                });
            }
        }
    }

    pub(crate) fn up(&self, ev: PointerEvent) {
        self.fingers
            .update_value(|f| f.retain(|(id, _)| *id != ev.pointer_id()));
        self.drag.set_value(None);
        self.hold();
        // The gesture ended: draw crisp where it stopped.
        self.cam.schedule();
    }

    /// The wheel, and a trackpad pinch (which the browser sends as a wheel with Ctrl), zoom
    /// about the pointer.
    pub(crate) fn wheel(&self, ev: WheelEvent) {
        ev.prevent_default();
        let Some(el) = self.cam.screen_ref.get_untracked() else {
            return;
        };
        let r = el.get_bounding_client_rect();
        let factor = (-ev.delta_y() * 0.0015).exp();
        self.cam.zoom_at(
            factor,
            f64::from(ev.client_x()) - r.left(),
            f64::from(ev.client_y()) - r.top(),
        );
    }
}
