//! The task graph at the keyboard. Its own file so the rules of moving between steps stay in
//! one place, apart from the pointer's (`gestures`).
//!
//! Every step is a button with one tab stop among them (roving tabindex: the current step is
//! kept in the DOM even when culled, see `camera`). Tab and Shift+Tab walk the steps in
//! execution order, the arrows follow the edges (`console_core::graph::navigate`), Enter or
//! Space opens the details, and Escape there comes back; a move to a step off screen pans to it
//! first, so it exists, then focuses it. With the graph itself focused, the arrows pan and
//! + − 0 zoom.

use super::camera::GraphCamera;
use console_core::graph::navigate::{step_for_key, tab_step, Arrow};
use leptos::ev::{FocusEvent, KeyboardEvent};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// One arrow-key press pans this far (screen px).
const KEY_STEP_PX: f64 = 80.0;

/// The step an event came from (its `data-idx`), if it came from one.
fn step_of(target: Option<web_sys::EventTarget>) -> Option<usize> {
    target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.get_attribute("data-idx"))
        .and_then(|v| v.parse::<usize>().ok())
}

/// The keyboard of one graph view: the camera it moves and the drawing it focuses in.
#[derive(Clone, Copy)]
pub(crate) struct Keys {
    cam: GraphCamera,
    svg_ref: NodeRef<leptos::svg::Svg>,
}

impl Keys {
    pub(crate) fn new(cam: GraphCamera, svg_ref: NodeRef<leptos::svg::Svg>) -> Keys {
        Keys { cam, svg_ref }
    }

    /// Moves the keyboard to step `i`: pans to it if it is off screen (so it is rendered),
    /// then focuses it once the DOM has it.
    fn go_to(&self, i: usize) {
        self.cam.take_to(i);
        let svg_ref = self.svg_ref;
        request_animation_frame(move || {
            let el = svg_ref
                .get_untracked()
                .and_then(|svg| svg.query_selector(&format!("[data-idx=\"{i}\"]")).ok())
                .flatten()
                .and_then(|el| el.dyn_into::<web_sys::SvgElement>().ok());
            if let Some(el) = el {
                let _ = el.focus();
            }
        });
    }

    /// Opens a step's details and takes the keyboard there (its actions come next).
    fn open(&self, i: usize) {
        self.cam.selected.set(Some(i));
        request_animation_frame(move || {
            let panel = document()
                .query_selector("[data-testid=\"step-details\"]")
                .ok()
                .flatten()
                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(p) = panel {
                let _ = p.focus();
            }
        });
    }

    /// Keys on a focused step: Tab in execution order, arrows along edges, Enter opens.
    /// Returns whether the key was the step's.
    fn step_key(&self, i: usize, ev: &KeyboardEvent) -> bool {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return false;
        }
        let structure = self.cam.model.structure;
        let next = match ev.key().as_str() {
            "Enter" | " " => {
                self.open(i);
                return true;
            }
            // Past either end, Tab leaves the graph as usual.
            "Tab" => structure.with_untracked(|s| {
                s.as_ref()
                    .and_then(|s| tab_step(&s.order, i, ev.shift_key()))
            }),
            k => {
                let Some(arrow) = Arrow::from_key(k) else {
                    return false;
                };
                let to = structure.with_untracked(|s| {
                    s.as_ref()
                        .and_then(|s| step_for_key(&s.graph, &s.layout, i, arrow))
                });
                // No step that way: the key does nothing (and scrolls nothing).
                if let Some(n) = to {
                    self.go_to(n);
                }
                return true;
            }
        };
        match next {
            Some(n) => {
                self.go_to(n);
                true
            }
            None => false,
        }
    }

    /// Keys on the graph: a focused step's first, else pan and zoom.
    pub(crate) fn on_key(&self, ev: KeyboardEvent) {
        let step = step_of(ev.target());
        // From the tab stop, which a move sets at once, rather than the focused step, which
        // follows a frame later: fast key repeats are not lost.
        if let Some(i) = step.map(|i| self.cam.current.get_untracked().unwrap_or(i)) {
            if self.step_key(i, &ev) {
                ev.prevent_default();
                return;
            }
        }
        let cam = self.cam;
        let handled = match ev.key().as_str() {
            "+" | "=" => {
                cam.zoom_centre(1.25);
                true
            }
            "-" | "_" | "−" => {
                cam.zoom_centre(0.8);
                true
            }
            "0" => {
                cam.fit();
                true
            }
            "ArrowLeft" => {
                cam.pan(KEY_STEP_PX, 0.0);
                true
            }
            "ArrowRight" => {
                cam.pan(-KEY_STEP_PX, 0.0);
                true
            }
            "ArrowUp" => {
                cam.pan(0.0, KEY_STEP_PX);
                true
            }
            "ArrowDown" => {
                cam.pan(0.0, -KEY_STEP_PX);
                true
            }
            _ => false,
        };
        if handled && !ev.ctrl_key() && !ev.meta_key() {
            ev.prevent_default();
        }
    }

    /// A step focused by the mouse or the browser becomes the tab stop.
    pub(crate) fn on_focus(&self, ev: FocusEvent) {
        let step = step_of(ev.target());
        if step.is_some() && self.cam.current.get_untracked() != step {
            self.cam.current.set(step);
        }
    }

    /// And back: Escape anywhere in the step's details returns the keyboard to its node (the
    /// way in was Enter). Not from a dialog there (an intervention's preview), whose own
    /// Escape closes it. Call once, in the view's component.
    pub(crate) fn return_on_escape(self) {
        let back = window_event_listener(leptos::ev::keydown, move |ev| {
            if ev.key() != "Escape" || ev.default_prevented() {
                return;
            }
            let target = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            let within = |sel: &str| {
                target
                    .as_ref()
                    .and_then(|t| t.closest(sel).ok().flatten())
                    .is_some()
            };
            if !within("[data-testid=\"step-details\"]") || within("[role=\"dialog\"]") {
                return;
            }
            if let Some(i) = self.cam.selected.get_untracked() {
                ev.prevent_default();
                self.go_to(i);
            }
        });
        on_cleanup(move || back.remove());
    }
}
