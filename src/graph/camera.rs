//! The task graph's camera and culling: where the view is (pan and zoom, by the rules of
//! `console_core::graph::viewport`), the scale the SVG is drawn at, and which nodes and edges are
//! in the DOM for that view. Its own file so the gestures, the keys and the minimap all move one
//! camera through one set of methods, and culling stays in one place.
//!
//! Only what is on screen (plus a margin) is in the DOM: the structure's spatial index says
//! which nodes and edges, and a keyed list adds and removes only those entering or leaving.
//! The SVG is the whole graph at one scale, moved over the screen as one composited layer (a
//! CSS transform): panning repaints nothing but the nodes culling adds, and culling runs, at
//! most once per animation frame, only when the screen passes the edge of what is rendered.
//! A pinch scales the layer and redraws at the new scale once it would blur or the gesture
//! ends; keys, buttons and the wheel redraw at once.

use crate::hooks::task_model::{Structure, TaskModel};
use console_core::graph::layout::{NODE_H, NODE_W};
use console_core::graph::viewport::{self, focus_step, frame, Camera, Visible};
use leptos::prelude::*;
use std::sync::Arc;

/// Rendered beyond each edge of the screen (screen px): how far a drag goes before culling
/// runs again (about every 25 frames of a brisk drag).
pub const MARGIN_PX: f64 = 300.0;
/// A graph of up to this many steps is rendered whole: it costs less than a frame, and
/// find-in-page and the tests still reach a step scrolled out of view. Bigger ones are culled.
pub const RENDER_ALL_UP_TO: usize = 300;

/// What may hold the camera with a gesture: a drag or a pinch on the graph, a drag on the
/// minimap.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hand {
    Graph,
    Minimap,
}

/// The camera of one graph view, with the signals it moves; copied into every handler.
#[derive(Clone, Copy)]
pub(crate) struct GraphCamera {
    pub(crate) model: TaskModel,
    /// The selected step: a resize keeps it on screen.
    pub(crate) selected: RwSignal<Option<usize>>,
    /// The step in the tab order (roving tabindex); always rendered, so focus never falls out
    /// of the DOM.
    pub(crate) current: RwSignal<Option<usize>>,
    /// The screen: the graph's box on the page, which holds the (larger) drawing.
    pub(crate) screen_ref: NodeRef<leptos::html::Div>,
    pub(crate) view_at: RwSignal<Camera>,
    /// The scale the SVG is drawn at; `view_at`'s may differ during a pinch.
    pub(crate) drawn_k: RwSignal<f64>,
    /// The screen's size at the last refresh, for the minimap: reading it from the DOM on
    /// every pan would force a layout in the middle of the frame.
    pub(crate) last_screen: StoredValue<(f64, f64)>,
    /// The camera and screen the rendered set was culled for; set by `refresh`.
    culled: StoredValue<(Camera, f64, f64)>,
    /// The screen changed size: the next frame culls again.
    resized: StoredValue<bool>,
    /// What is rendered, tagged with the structure version it indexes (a new structure
    /// reuses indices for other nodes, so keys carry the version).
    shown: RwSignal<(u64, Visible)>,
    frame_pending: StoredValue<bool>,
    /// Which hands hold the camera ([graph, minimap]).
    held: StoredValue<[bool; 2]>,
}

impl GraphCamera {
    pub(crate) fn new(model: TaskModel, selected: RwSignal<Option<usize>>) -> GraphCamera {
        let start = Camera {
            tx: 0.0,
            ty: 0.0,
            k: 1.0,
        };
        GraphCamera {
            model,
            selected,
            current: RwSignal::new(None),
            screen_ref: NodeRef::new(),
            view_at: RwSignal::new(start),
            drawn_k: RwSignal::new(1.0),
            last_screen: StoredValue::new((0.0, 0.0)),
            culled: StoredValue::new((start, 0.0, 0.0)),
            resized: StoredValue::new(true),
            shown: RwSignal::new((0, Visible::default())),
            frame_pending: StoredValue::new(false),
            held: StoredValue::new([false; 2]),
        }
    }

    /// The screen's size now (read from the DOM).
    pub(crate) fn screen(&self) -> (f64, f64) {
        self.screen_ref
            .get_untracked()
            .map(|s| {
                let r = s.get_bounding_client_rect();
                (r.width(), r.height())
            })
            .unwrap_or((0.0, 0.0))
    }

    /// A gesture takes (`true`) or lets go of (`false`) the camera.
    pub(crate) fn hold(&self, hand: Hand, on: bool) {
        self.held.update_value(|h| h[hand as usize] = on);
    }

    pub(crate) fn held_by(&self, hand: Hand) -> bool {
        self.held.get_value()[hand as usize]
    }

    /// A drag or a pinch is under way (on the graph or the minimap).
    fn gesture(&self) -> bool {
        self.held.get_value().contains(&true)
    }

    /// Draws at the current scale and culls for the current camera now (the visible set is
    /// set only when it changed).
    pub(crate) fn refresh(&self) {
        let (w, h) = self.screen();
        if w <= 0.0 || h <= 0.0 {
            return;
        }
        self.last_screen.set_value((w, h));
        self.resized.set_value(false);
        let cam = self.view_at.get_untracked();
        if self.drawn_k.get_untracked() != cam.k {
            self.drawn_k.set(cam.k);
        }
        self.culled.set_value((cam, w, h));
        let area = cam.area(w, h, MARGIN_PX);
        let everything = viewport::Rect {
            x0: f64::MIN,
            y0: f64::MIN,
            x1: f64::MAX,
            y1: f64::MAX,
        };
        let version = self.model.version.get_untracked();
        let keep = self.current.get_untracked();
        let next = self
            .model
            .structure
            .with_untracked(|s| {
                s.as_ref().map(|s| {
                    let small = s.info.len() <= RENDER_ALL_UP_TO;
                    let mut vis = s.index.visible(if small { everything } else { area });
                    // The focused (or next to be focused) step stays, wherever the view is.
                    if let Some(c) = keep.filter(|c| *c < s.info.len()) {
                        if let Err(at) = vis.nodes.binary_search(&c) {
                            vis.nodes.insert(at, c);
                        }
                    }
                    vis
                })
            })
            .unwrap_or_default();
        if self
            .shown
            .with_untracked(|(v, cur)| *v != version || *cur != next)
        {
            self.shown.set((version, next));
        }
    }

    /// At most once per animation frame, however many pointer events arrive: the layer has
    /// moved already; draw and cull only when what is rendered no longer does.
    pub(crate) fn schedule(&self) {
        if self.frame_pending.get_value() {
            return;
        }
        self.frame_pending.set_value(true);
        let this = *self;
        request_animation_frame(move || {
            if this.frame_pending.try_set_value(false).is_some() {
                return;
            }
            let cam = this.view_at.get_untracked();
            let stretch = cam.k / this.drawn_k.get_untracked();
            // A pinch may stretch the drawing a little; anything else draws at its scale.
            let sharp = if this.gesture() {
                (1.0 / viewport::MAX_STRETCH..=viewport::MAX_STRETCH).contains(&stretch)
            } else {
                stretch == 1.0
            };
            let (c, w, h) = this.culled.get_value();
            if !sharp || this.resized.get_value() || !c.still_covers(&cam, w, h, MARGIN_PX) {
                this.refresh();
            }
        });
    }

    /// Moves the camera; drawing and culling follow within a frame.
    pub(crate) fn set_view(&self, v: Camera) {
        self.view_at.set(v);
        self.schedule();
    }

    /// The whole graph's size in layout units.
    pub(crate) fn structure_size(&self) -> Option<(f64, f64)> {
        self.model
            .structure
            .with_untracked(|s| s.as_ref().map(|s| (s.layout.width, s.layout.height)))
    }

    /// The layout point at the middle of the screen, as a node's top-left (what `frame` takes).
    fn centre_point(&self) -> (f64, f64) {
        let (w, h) = self.screen();
        let v = self.view_at.get_untracked();
        (
            (w / 2.0 - v.tx) / v.k - NODE_W / 2.0,
            (h / 2.0 - v.ty) / v.k - NODE_H / 2.0,
        )
    }

    /// Fit: all of it if it fits legibly, else the legible scale about the current middle.
    pub(crate) fn fit(&self) {
        let (w, h) = self.screen();
        if let Some((gw, gh)) = self.structure_size() {
            self.set_view(frame(gw, gh, w, h, Some(self.centre_point())));
        }
    }

    fn position(&self, i: usize) -> Option<(f64, f64)> {
        self.model
            .structure
            .with_untracked(|s| s.as_ref().and_then(|s| s.layout.pos.get(i).copied()))
    }

    /// The view that shows step `i` (none when it is wholly on screen already).
    fn showing(&self, i: usize) -> Option<Camera> {
        let (w, h) = self.screen();
        self.view_at
            .get_untracked()
            .showing(self.position(i)?, w, h)
    }

    /// Makes step `i` the tab stop and renders it now, panning to it if it is off screen, so
    /// it can take focus before the next frame.
    pub(crate) fn take_to(&self, i: usize) {
        self.current.set(Some(i));
        if let Some(v) = self.showing(i) {
            self.view_at.set(v);
        }
        self.refresh();
    }

    pub(crate) fn zoom_at(&self, factor: f64, px: f64, py: f64) {
        self.set_view(self.view_at.get_untracked().zoom_at(factor, px, py));
    }

    pub(crate) fn zoom_centre(&self, factor: f64) {
        let (w, h) = self.screen();
        self.zoom_at(factor, w / 2.0, h / 2.0);
    }

    pub(crate) fn pan(&self, dx: f64, dy: f64) {
        let v = self.view_at.get_untracked();
        self.set_view(Camera {
            tx: v.tx + dx,
            ty: v.ty + dy,
            k: v.k,
        });
    }

    /// The structure a row is built from: the one whose version tags the visible set.
    pub(crate) fn structure_of(&self, version: u64) -> Option<Arc<Structure>> {
        (self.model.version.get_untracked() == version)
            .then(|| self.model.structure.get_untracked())
            .flatten()
    }

    /// The rendered edges, keyed by (structure version, edge).
    pub(crate) fn edges(&self) -> Vec<(u64, usize)> {
        self.shown
            .with(|(v, vis)| vis.edges.iter().map(|e| (*v, *e)).collect())
    }

    /// The rendered nodes, keyed by (structure version, node).
    pub(crate) fn nodes(&self) -> Vec<(u64, usize)> {
        self.shown
            .with(|(v, vis)| vis.nodes.iter().map(|n| (*v, *n)).collect())
    }

    /// Installs what moves the camera by itself: a new structure, a resized window, a step
    /// selected elsewhere. Call once, in the view's component.
    pub(crate) fn follow(self) {
        self.frame_each_structure();
        self.keep_through_resize();
        self.show_selected();
    }

    /// Once per new structure (or orientation), never on status polls: frame it on the failed
    /// or running step and render that screenful at once (no frame later: this is the first
    /// paint). The tab stop goes to the selected step, else that one, else the first.
    fn frame_each_structure(self) {
        let model = self.model;
        Effect::new(move |_| {
            model.version.track();
            let (w, h) = self.screen();
            let framed = model.structure.with_untracked(|s| {
                let s = s.as_ref()?;
                let focus = model.states.with_untracked(|states| {
                    focus_step(&s.order, |i| states.get(i).and_then(|n| n.status.as_ref()))
                });
                let n = s.info.len();
                let stop = self
                    .selected
                    .get_untracked()
                    .or(focus)
                    .or(s.order.first().copied())
                    .filter(|i| *i < n);
                Some((
                    frame(
                        s.layout.width,
                        s.layout.height,
                        w,
                        h,
                        // Else the first step: the graph's start, whichever way it runs.
                        focus
                            .or(s.order.first().copied())
                            .and_then(|i| s.layout.pos.get(i).copied()),
                    ),
                    stop,
                ))
            });
            if let Some((v, stop)) = framed {
                if self.current.get_untracked() != stop {
                    self.current.set(stop);
                }
                self.view_at.set(v);
                self.refresh();
            }
        });
    }

    /// The screen's size changes with the window: the middle of the view stays in the middle,
    /// and the step in hand (the selected one, else the tab stop: at first the failed or
    /// running step), if it was on screen, stays on screen. Not during a gesture,
    /// which owns the camera; the size refresh last saw is the size before.
    fn keep_through_resize(self) {
        let resize = window_event_listener(leptos::ev::resize, move |_| {
            let before = self.last_screen.get_value();
            let (w, h) = self.screen();
            // Several events may come before the next frame's refresh: each takes the size on.
            self.last_screen.set_value((w, h));
            if !self.gesture() && before != (w, h) {
                let keep = self
                    .selected
                    .get_untracked()
                    .or(self.current.get_untracked());
                let cam = self.view_at.get_untracked().resized_keeping(
                    before,
                    (w, h),
                    keep.and_then(|i| self.position(i)),
                );
                self.view_at.set(cam);
            }
            self.resized.set_value(true);
            self.schedule();
        });
        on_cleanup(move || resize.remove());
    }

    /// A step selected elsewhere (the table, a failure surfacing) is brought into view and
    /// becomes the tab stop.
    fn show_selected(self) {
        Effect::new(move |_| {
            let Some(i) = self.selected.get() else { return };
            if self.current.get_untracked() != Some(i) {
                self.current.set(Some(i));
            }
            if let Some(v) = self.showing(i) {
                self.set_view(v);
            }
        });
    }
}
