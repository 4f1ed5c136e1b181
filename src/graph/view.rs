//! The task graph as SVG: nodes placed by the precomputed layout, each bound to its own state
//! signal; pan by dragging or the arrow keys, zoom with the wheel (a trackpad pinch), two
//! fingers, the buttons or + − 0.
//! Only what is on screen (plus a margin) is in the DOM: the structure's spatial index says
//! which nodes and edges, and a keyed list adds and removes only those entering or leaving.
//! The SVG is the whole graph at one scale, moved over the screen as one composited layer (a
//! CSS transform): panning repaints nothing but the nodes culling adds, and culling runs, at
//! most once per animation frame, only when the screen passes the edge of what is rendered.
//! A pinch scales the layer and redraws at the new scale once it would blur or the gesture
//! ends; keys, buttons and the wheel redraw at once. Zoom stops where labels would
//! shrink below 12 px (`console_core::viewport`); a bigger graph scrolls. The graph is drawn
//! left to right or top to bottom, as its shape suits or as the operator picks.
//!
//! At the keyboard every step is a button with one tab stop among them (roving tabindex: the
//! current step is kept in the DOM even when culled). Tab and Shift+Tab walk the steps in
//! execution order, the arrows follow the edges (`console_core::navigate`), Enter opens the
//! details; a move to a step off screen pans to it first, so it exists, then focuses it. With
//! the graph itself focused, the arrows pan and + − 0 zoom.

use super::impact_look;
use super::model::{Structure, TaskModel};
use crate::i18n::use_i18n;
use console_core::critical::CriticalPath;
use console_core::i18n::Text;
use console_core::layout::{OrientationChoice, NODE_H, NODE_W};
use console_core::navigate::{step_for_key, tab_step, Arrow};
use console_core::present;
use console_core::speech;
use console_core::task_view::{overdue, Impact};
use console_core::viewport::{
    self, focus_step, frame, label_lines, layer_bounds, Camera, Rect, Visible, LINE_UNITS,
};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Rendered beyond each edge of the screen (screen px): how far a drag goes before culling
/// runs again (about every 25 frames of a brisk drag).
pub const MARGIN_PX: f64 = 300.0;
/// A graph of up to this many steps is rendered whole: it costs less than a frame, and
/// find-in-page and the tests still reach a step scrolled out of view. Bigger ones are culled.
pub const RENDER_ALL_UP_TO: usize = 300;
/// One arrow-key press pans this far (screen px).
const KEY_STEP_PX: f64 = 80.0;
/// The minimap's box (screen px); the graph's shape decides which side it fills.
const MINI_W: f64 = 180.0;
const MINI_H: f64 = 140.0;

/// What a node reacts to besides its own state.
#[derive(Clone)]
struct NodeCtx {
    selected: RwSignal<Option<usize>>,
    is_selected: Selector<Option<usize>>,
    /// The one step in the tab order (roving tabindex).
    is_current: Selector<Option<usize>>,
    critical: RwSignal<Arc<CriticalPath>>,
    impact: Signal<Vec<Option<Impact>>>,
    now_ms: Signal<i64>,
    moved: StoredValue<bool>,
}

fn orientation_slug(c: OrientationChoice) -> &'static str {
    match c {
        OrientationChoice::Auto => "auto",
        OrientationChoice::LeftToRight => "lr",
        OrientationChoice::TopToBottom => "tb",
    }
}

/// One node, bound to its own state signal; built only while it is on screen.
fn node_view(s: &Structure, i: usize, ctx: NodeCtx) -> Option<impl IntoView> {
    let NodeCtx {
        selected,
        is_selected,
        is_current,
        critical,
        impact,
        now_ms,
        moved,
    } = ctx;
    let i18n = use_i18n();
    let info = s.info.get(i)?.clone();
    let state = *s.nodes.get(i)?;
    let (x, y) = *s.layout.pos.get(i)?;
    let timeout = info.timeout_s;
    let class = move || {
        let (st, start) = state.with(|n| (n.status.clone(), n.start_ms()));
        let (_, slug, _) = present::subtask_status(st.as_ref()).parts();
        let mut c = format!("node node-{slug}");
        // Only running steps read the clock, so the ticker wakes only them.
        if matches!(slug, "running" | "canceling")
            && overdue(st.as_ref(), start, timeout, now_ms.get())
        {
            c.push_str(" overdue");
        }
        if is_selected.selected(&Some(i)) {
            c.push_str(" selected");
        }
        if critical.with(|p| p.nodes.get(i).copied().unwrap_or(false)) {
            c.push_str(" critical");
        }
        if let Some(imp) = impact.with(|v| v.get(i).copied().flatten()) {
            c.push_str(" impact-");
            c.push_str(impact_look(imp).1);
        }
        c
    };
    let icon = move || state.with(|n| present::subtask_status(n.status.as_ref()).parts().0);
    let spoken_name = info.name.clone();
    // Name, state and duration (the accessible name); only a running step reads the clock.
    let spoken = move || {
        let lang = i18n.lang.get();
        state.with(|n| {
            let active = present::subtask_status(n.status.as_ref()).is_active();
            let took = match (n.start_ms(), n.finish_ms()) {
                (Some(a), _) if active => Some(now_ms.get() - a),
                (Some(a), Some(b)) => Some(b - a),
                _ => None,
            };
            speech::step_name(lang, &spoken_name, n.status.as_ref(), took)
        })
    };
    let on_path = move || critical.with(|p| p.nodes.get(i).copied().unwrap_or(false));
    let badge = move || {
        impact
            .with(|v| v.get(i).copied().flatten())
            .map(|imp| impact_look(imp).0)
    };
    // The whole name stays in <title> and the details panel; the box shows two lines.
    let (line1, line2) = label_lines(&info.name, LINE_UNITS);
    let label = if line2.is_empty() {
        view! { <text x="30" y="24" class="node-name">{line1}</text> }.into_any()
    } else {
        view! {
            <text x="30" y="16" class="node-name">{line1}</text>
            <text x="30" y="31" class="node-name">{line2}</text>
        }
        .into_any()
    };
    Some(view! {
        <g class=class transform=format!("translate({x:.1} {y:.1})") data-node=info.id.to_string() data-name=info.name.clone()
            on:click=move |_| if !moved.get_value() { selected.set(Some(i)) }>
            // The drawing (icon, the name cut to two lines, marks) is hidden from screen
            // readers; the button over it carries the full name, state and duration, so no
            // visible text ever contradicts the accessible name.
            <g aria-hidden="true">
                <rect width=NODE_W height=NODE_H rx="6" />
                {move || on_path().then(|| view! { <path class="node-crit" d=format!("M6 {:.0} H{:.0}", NODE_H + 4.0, NODE_W - 6.0) /> })}
                <text x="10" y="24" class="node-icon">{icon}</text>
                {label}
                {info.prohibit_rollback.then(|| view! { <text x=NODE_W - 18.0 y="14" class="node-lock">"⊘"</text> })}
                <text x=NODE_W - 8.0 y=NODE_H - 6.0 class="node-badge" text-anchor="end">{badge}</text>
            </g>
            <path class="node-hit" d=format!("M0 0 H{NODE_W} V{NODE_H} H0 Z") data-idx=i.to_string()
                role="button" aria-label=spoken
                tabindex=move || if is_current.selected(&Some(i)) { "0" } else { "-1" }>
                // The tooltip: the whole name, which the box may cut short.
                <title>{info.name.clone()}</title>
            </path>
        </g>
    })
}

#[component]
pub fn TaskGraph(
    model: TaskModel,
    selected: RwSignal<Option<usize>>,
    #[prop(into)] impact: Signal<Vec<Option<Impact>>>,
    #[prop(into)] now_ms: Signal<i64>,
) -> impl IntoView {
    let i18n = use_i18n();
    // The screen: the graph's box on the page, which holds the (larger) drawing.
    let screen_ref = NodeRef::<leptos::html::Div>::new();
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let view_at = RwSignal::new(Camera {
        tx: 0.0,
        ty: 0.0,
        k: 1.0,
    });
    // The scale the SVG is drawn at; `view_at`'s may differ during a pinch.
    let drawn_k = RwSignal::new(1.0_f64);
    // The camera and screen the rendered set was culled for; set by `refresh`.
    let culled = StoredValue::new((view_at.get_untracked(), 0.0_f64, 0.0_f64));
    // The screen changed size: the next frame culls again.
    let resized = StoredValue::new(true);
    // What is rendered, tagged with the structure version it indexes (a new structure
    // reuses indices for other nodes, so keys carry the version).
    let shown = RwSignal::new((0u64, Visible::default()));
    let frame_pending = StoredValue::new(false);
    let drag = StoredValue::new(None::<(f64, f64, f64, f64)>);
    let moved = StoredValue::new(false);
    // Pointers down on the graph (id, screen point): two make a pinch.
    let fingers = StoredValue::new(Vec::<(i32, (f64, f64))>::new());
    let is_selected = Selector::new(move || selected.get());
    // The step in the tab order; always rendered, so focus never falls out of the DOM.
    let current = RwSignal::new(None::<usize>);
    let is_current = Selector::new(move || current.get());
    let critical = model.critical;

    let screen = move || {
        screen_ref
            .get_untracked()
            .map(|s| {
                let r = s.get_bounding_client_rect();
                (r.width(), r.height())
            })
            .unwrap_or((0.0, 0.0))
    };
    // The screen's size at the last refresh, for the minimap: reading it from the DOM on
    // every pan would force a layout in the middle of the frame.
    let last_screen = StoredValue::new((0.0_f64, 0.0_f64));
    // Draws at the current scale and culls for the current camera now (the visible set is
    // set only when it changed).
    let refresh = move || {
        let (w, h) = screen();
        if w <= 0.0 || h <= 0.0 {
            return;
        }
        last_screen.set_value((w, h));
        resized.set_value(false);
        let cam = view_at.get_untracked();
        if drawn_k.get_untracked() != cam.k {
            drawn_k.set(cam.k);
        }
        culled.set_value((cam, w, h));
        let area = cam.area(w, h, MARGIN_PX);
        let everything = viewport::Rect {
            x0: f64::MIN,
            y0: f64::MIN,
            x1: f64::MAX,
            y1: f64::MAX,
        };
        let version = model.version.get_untracked();
        let keep = current.get_untracked();
        let next = model
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
        if shown.with_untracked(|(v, cur)| *v != version || *cur != next) {
            shown.set((version, next));
        }
    };
    let mini_drag = StoredValue::new(false);
    // A drag or a pinch is under way (on the graph or the minimap).
    let gesture = move || {
        drag.with_value(Option::is_some)
            || fingers.with_value(|f| f.len() >= 2)
            || mini_drag.get_value()
    };
    // At most once per animation frame, however many pointer events arrive: the layer has
    // moved already; draw and cull only when what is rendered no longer does.
    let schedule = move || {
        if frame_pending.get_value() {
            return;
        }
        frame_pending.set_value(true);
        request_animation_frame(move || {
            if frame_pending.try_set_value(false).is_some() {
                return;
            }
            let cam = view_at.get_untracked();
            let stretch = cam.k / drawn_k.get_untracked();
            // A pinch may stretch the drawing a little; anything else draws at its scale.
            let sharp = if gesture() {
                (1.0 / viewport::MAX_STRETCH..=viewport::MAX_STRETCH).contains(&stretch)
            } else {
                stretch == 1.0
            };
            let (c, w, h) = culled.get_value();
            if !sharp || resized.get_value() || !c.still_covers(&cam, w, h, MARGIN_PX) {
                refresh();
            }
        });
    };
    let set_view = move |v: Camera| {
        view_at.set(v);
        schedule();
    };
    let structure_size = move || {
        model
            .structure
            .with_untracked(|s| s.as_ref().map(|s| (s.layout.width, s.layout.height)))
    };
    // The layout point at the middle of the screen, as a node's top-left (what `frame` takes).
    let centre_point = move || {
        let (w, h) = screen();
        let v = view_at.get_untracked();
        (
            (w / 2.0 - v.tx) / v.k - NODE_W / 2.0,
            (h / 2.0 - v.ty) / v.k - NODE_H / 2.0,
        )
    };
    // Fit: all of it if it fits legibly, else the legible scale about the current middle.
    let fit = move || {
        let (w, h) = screen();
        if let Some((gw, gh)) = structure_size() {
            set_view(frame(gw, gh, w, h, Some(centre_point())));
        }
    };
    let position = move |i: usize| {
        model
            .structure
            .with_untracked(|s| s.as_ref().and_then(|s| s.layout.pos.get(i).copied()))
    };
    // The view that shows step `i` (unchanged when it is wholly on screen already).
    let showing = move |i: usize| -> Option<Camera> {
        let (w, h) = screen();
        view_at.get_untracked().showing(position(i)?, w, h)
    };
    // Once per new structure (or orientation), never on status polls: frame it on the failed
    // or running step and render that screenful at once (no frame later: this is the first
    // paint). The tab stop goes to the selected step, else that one, else the first.
    Effect::new(move |_| {
        model.version.track();
        let (w, h) = screen();
        let framed = model.structure.with_untracked(|s| {
            let s = s.as_ref()?;
            let focus = model.states.with_untracked(|states| {
                focus_step(&s.order, |i| states.get(i).and_then(|n| n.status.as_ref()))
            });
            let n = s.info.len();
            let stop = selected
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
            if current.get_untracked() != stop {
                current.set(stop);
            }
            view_at.set(v);
            refresh();
        }
    });
    // The screen's size changes with the window: the middle of the view stays in the middle,
    // and the step in hand (the selected one, else the tab stop: at first the failed or
    // running step), if it was on screen, stays on screen. Not during a gesture,
    // which owns the camera; the size refresh last saw is the size before.
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        let before = last_screen.get_value();
        let (w, h) = screen();
        // Several events may come before the next frame's refresh: each takes the size on.
        last_screen.set_value((w, h));
        if !gesture() && before != (w, h) {
            let keep = selected.get_untracked().or(current.get_untracked());
            let cam =
                view_at
                    .get_untracked()
                    .resized_keeping(before, (w, h), keep.and_then(position));
            view_at.set(cam);
        }
        resized.set_value(true);
        schedule();
    });
    on_cleanup(move || resize.remove());
    // A step selected elsewhere (the table, a failure surfacing) is brought into view and
    // becomes the tab stop.
    Effect::new(move |_| {
        let Some(i) = selected.get() else { return };
        if current.get_untracked() != Some(i) {
            current.set(Some(i));
        }
        if let Some(v) = showing(i) {
            set_view(v);
        }
    });
    // Moves the keyboard to step `i`: pans to it if it is off screen (so it is rendered),
    // then focuses it once the DOM has it.
    let go_to = move |i: usize| {
        current.set(Some(i));
        if let Some(v) = showing(i) {
            view_at.set(v);
        }
        refresh();
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
    };
    // Opens a step's details and takes the keyboard there (its actions come next).
    let open = move |i: usize| {
        selected.set(Some(i));
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
    };
    // And back: Escape anywhere in the step's details returns the keyboard to its node (the
    // way in was Enter). Not from a dialog there (an intervention's preview), whose own
    // Escape closes it.
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
        if let Some(i) = selected.get_untracked() {
            ev.prevent_default();
            go_to(i);
        }
    });
    on_cleanup(move || back.remove());
    let zoom_at = move |factor: f64, px: f64, py: f64| {
        set_view(view_at.get_untracked().zoom_at(factor, px, py));
    };
    let zoom_centre = move |factor: f64| {
        let (w, h) = screen();
        zoom_at(factor, w / 2.0, h / 2.0);
    };
    let pan = move |dx: f64, dy: f64| {
        let v = view_at.get_untracked();
        set_view(Camera {
            tx: v.tx + dx,
            ty: v.ty + dy,
            k: v.k,
        });
    };
    let on_wheel = move |ev: leptos::ev::WheelEvent| {
        ev.prevent_default();
        let Some(el) = screen_ref.get_untracked() else {
            return;
        };
        let r = el.get_bounding_client_rect();
        let factor = (-ev.delta_y() * 0.0015).exp();
        zoom_at(
            factor,
            f64::from(ev.client_x()) - r.left(),
            f64::from(ev.client_y()) - r.top(),
        );
    };
    // Keys on a focused step: Tab in execution order, arrows along edges, Enter opens.
    // Returns whether the key was the step's.
    let step_key = move |i: usize, ev: &leptos::ev::KeyboardEvent| -> bool {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return false;
        }
        let key = ev.key();
        let next = match key.as_str() {
            "Enter" | " " => {
                open(i);
                return true;
            }
            // Past either end, Tab leaves the graph as usual.
            "Tab" => model.structure.with_untracked(|s| {
                s.as_ref()
                    .and_then(|s| tab_step(&s.order, i, ev.shift_key()))
            }),
            k => {
                let Some(arrow) = Arrow::from_key(k) else {
                    return false;
                };
                let to = model.structure.with_untracked(|s| {
                    s.as_ref()
                        .and_then(|s| step_for_key(&s.graph, &s.layout, i, arrow))
                });
                // No step that way: the key does nothing (and scrolls nothing).
                return match to {
                    Some(n) => {
                        go_to(n);
                        true
                    }
                    None => true,
                };
            }
        };
        match next {
            Some(n) => {
                go_to(n);
                true
            }
            None => false,
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let step = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.get_attribute("data-idx"))
            .and_then(|v| v.parse::<usize>().ok());
        // From the tab stop, which a move sets at once, rather than the focused step, which
        // follows a frame later: fast key repeats are not lost.
        if let Some(i) = step.map(|i| current.get_untracked().unwrap_or(i)) {
            if step_key(i, &ev) {
                ev.prevent_default();
                return;
            }
        }
        let handled = match ev.key().as_str() {
            "+" | "=" => {
                zoom_centre(1.25);
                true
            }
            "-" | "_" | "−" => {
                zoom_centre(0.8);
                true
            }
            "0" => {
                fit();
                true
            }
            "ArrowLeft" => {
                pan(KEY_STEP_PX, 0.0);
                true
            }
            "ArrowRight" => {
                pan(-KEY_STEP_PX, 0.0);
                true
            }
            "ArrowUp" => {
                pan(0.0, KEY_STEP_PX);
                true
            }
            "ArrowDown" => {
                pan(0.0, -KEY_STEP_PX);
                true
            }
            _ => false,
        };
        if handled && !ev.ctrl_key() && !ev.meta_key() {
            ev.prevent_default();
        }
    };
    // A step focused by the mouse or the browser becomes the tab stop.
    let on_focus = move |ev: leptos::ev::FocusEvent| {
        let step = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.get_attribute("data-idx"))
            .and_then(|v| v.parse::<usize>().ok());
        if step.is_some() && current.get_untracked() != step {
            current.set(step);
        }
    };
    let on_down = move |ev: leptos::ev::PointerEvent| {
        let here = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        fingers.update_value(|f| {
            // The first pointer of a gesture: whatever an earlier one left (a lift the page
            // never heard of) is gone.
            if ev.is_primary() {
                f.clear();
            }
            f.retain(|(id, _)| *id != ev.pointer_id());
            f.push((ev.pointer_id(), here));
        });
        // A second finger turns the drag into a pinch (and what follows is no click).
        if fingers.with_value(Vec::len) >= 2 {
            drag.set_value(None);
            moved.set_value(true);
            return;
        }
        let v = view_at.get_untracked();
        drag.set_value(Some((
            f64::from(ev.client_x()),
            f64::from(ev.client_y()),
            v.tx,
            v.ty,
        )));
        moved.set_value(false);
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        let here = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        let pair = fingers.with_value(|f| match f.as_slice() {
            [a, b, ..] if a.0 == ev.pointer_id() => Some(([a.1, b.1], [here, b.1])),
            [a, b, ..] if b.0 == ev.pointer_id() => Some(([a.1, b.1], [a.1, here])),
            _ => None,
        });
        if let Some((before, after)) = pair {
            fingers.update_value(|f| {
                if let Some(p) = f.iter_mut().find(|(id, _)| *id == ev.pointer_id()) {
                    p.1 = here;
                }
            });
            if let Some(el) = screen_ref.get_untracked() {
                let r = el.get_bounding_client_rect();
                let local = |p: [(f64, f64); 2]| p.map(|(x, y)| (x - r.left(), y - r.top()));
                set_view(view_at.get_untracked().pinch(local(before), local(after)));
            }
            return;
        }
        if let Some((x0, y0, tx0, ty0)) = drag.get_value() {
            let (dx, dy) = (f64::from(ev.client_x()) - x0, f64::from(ev.client_y()) - y0);
            if dx.abs() + dy.abs() > 3.0 {
                moved.set_value(true);
            }
            if moved.get_value() {
                let k = view_at.get_untracked().k;
                set_view(Camera {
                    tx: tx0 + dx,
                    ty: ty0 + dy,
                    k,
                });
            }
        }
    };
    let on_up = move |ev: leptos::ev::PointerEvent| {
        fingers.update_value(|f| f.retain(|(id, _)| *id != ev.pointer_id()));
        drag.set_value(None);
        // The gesture ended: draw crisp where it stopped.
        schedule();
    };

    // The structure a row is built from: the one whose version tags the visible set.
    let structure_of = move |version: u64| -> Option<Arc<Structure>> {
        (model.version.get_untracked() == version)
            .then(|| model.structure.get_untracked())
            .flatten()
    };
    let edges =
        move || shown.with(|(v, vis)| vis.edges.iter().map(|e| (*v, *e)).collect::<Vec<_>>());
    let nodes =
        move || shown.with(|(v, vis)| vis.nodes.iter().map(|n| (*v, *n)).collect::<Vec<_>>());
    let ctx = NodeCtx {
        selected,
        is_selected,
        is_current,
        critical,
        impact,
        now_ms,
        moved,
    };
    let edge_class = move |e: usize| {
        if critical.with(|p| p.edges.get(e).copied().unwrap_or(false)) {
            "edge critical"
        } else {
            "edge"
        }
    };
    // The minimap of a culled graph: one box per layer, the screen's rectangle over them;
    // a click or a drag there centres the view on that point.
    let overview = Memo::new(move |_| {
        model.version.track();
        model.structure.with_untracked(|s| {
            let s = s.as_ref()?;
            (s.info.len() > RENDER_ALL_UP_TO).then(|| {
                (
                    Arc::new(layer_bounds(&s.graph, &s.layout)),
                    s.layout.width.max(1.0),
                    s.layout.height.max(1.0),
                )
            })
        })
    });
    let mini_to = move |ev: &leptos::ev::PointerEvent| {
        let Some(el) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let Some((gw, gh)) = structure_size() else {
            return;
        };
        let r = el.get_bounding_client_rect();
        if r.width() <= 0.0 || r.height() <= 0.0 {
            return;
        }
        let x = (f64::from(ev.client_x()) - r.left()) / r.width() * gw;
        let y = (f64::from(ev.client_y()) - r.top()) / r.height() * gh;
        let (w, h) = screen();
        let k = view_at.get_untracked().k;
        set_view(Camera {
            tx: w / 2.0 - x * k,
            ty: h / 2.0 - y * k,
            k,
        });
    };
    let on_mini_down = move |ev: leptos::ev::PointerEvent| {
        mini_drag.set_value(true);
        if let Some(el) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            let _ = el.set_pointer_capture(ev.pointer_id());
        }
        mini_to(&ev);
    };
    let on_mini_move = move |ev: leptos::ev::PointerEvent| {
        if mini_drag.get_value() {
            mini_to(&ev);
        }
    };
    let on_mini_up = move |_: leptos::ev::PointerEvent| {
        mini_drag.set_value(false);
        schedule();
    };
    let minimap = move || {
        overview.get().map(|(boxes, gw, gh)| {
            let scale = (MINI_W / gw).min(MINI_H / gh);
            // The screen's rectangle, once per view change.
            let on_screen = Memo::new(move |_| {
                let v = view_at.get();
                let (w, h) = last_screen.get_value();
                let a: Rect = v.area(w, h, 0.0);
                let (x0, y0) = (a.x0.max(0.0), a.y0.max(0.0));
                let (x1, y1) = (a.x1.min(gw), a.y1.min(gh));
                (x0, y0, (x1 - x0).max(0.0), (y1 - y0).max(0.0))
            });
            view! {
                // A pointer shortcut only: the keyboard pans with the arrows, so it is hidden
                // from screen readers.
                <svg class="minimap" data-testid="minimap" aria-hidden="true"
                    viewBox=format!("0 0 {gw:.0} {gh:.0}") preserveAspectRatio="none"
                    style:width=format!("{:.0}px", gw * scale) style:height=format!("{:.0}px", gh * scale)
                    on:pointerdown=on_mini_down on:pointermove=on_mini_move on:pointerup=on_mini_up on:pointercancel=on_mini_up>
                    {boxes.iter().map(|b| view! {
                        <rect class="mini-layer" x=format!("{:.0}", b.x0) y=format!("{:.0}", b.y0)
                            width=format!("{:.0}", b.x1 - b.x0) height=format!("{:.0}", b.y1 - b.y0) />
                    }).collect_view()}
                    <rect class="mini-view" x=move || format!("{:.0}", on_screen.get().0) y=move || format!("{:.0}", on_screen.get().1)
                        width=move || format!("{:.0}", on_screen.get().2) height=move || format!("{:.0}", on_screen.get().3) />
                </svg>
            }
        })
    };
    let on_orient = move |ev: leptos::ev::Event| {
        let choice = match event_target_value(&ev).as_str() {
            "lr" => OrientationChoice::LeftToRight,
            "tb" => OrientationChoice::TopToBottom,
            _ => OrientationChoice::Auto,
        };
        model.set_orientation(choice);
    };
    view! {
        <div class="graph-wrap">
            <div class="graph-tools" role="toolbar">
                <select class="orient" data-testid="orientation" aria-label=i18n.tr(Text::AriaOrientation)
                    prop:value=move || orientation_slug(model.orientation.get()) on:change=on_orient>
                    {OrientationChoice::ALL.iter().map(|c| {
                        let t = match c {
                            OrientationChoice::Auto => Text::OrientAuto,
                            OrientationChoice::LeftToRight => Text::OrientLeftRight,
                            OrientationChoice::TopToBottom => Text::OrientTopBottom,
                        };
                        view! { <option value=orientation_slug(*c)>{i18n.tr(t)}</option> }
                    }).collect_view()}
                </select>
                <button class="btn" on:click=move |_| zoom_centre(1.25) aria-label=i18n.tr(Text::AriaZoomIn)>"+"</button>
                <button class="btn" on:click=move |_| zoom_centre(0.8) aria-label=i18n.tr(Text::AriaZoomOut)>"−"</button>
                <button class="btn" data-testid="fit" on:click=move |_| fit()>{i18n.tr(Text::FitToScreen)}</button>
            </div>
            <p id="graph-keys" class="sr-only">{i18n.tr(Text::GraphKeys)}</p>
            <div node_ref=screen_ref class="graph-screen" data-testid="graph" role="group" tabindex="0"
                data-orientation=move || model.structure.with(|s| s.as_ref().map(|s| match s.layout.orientation {
                    console_core::layout::Orientation::LeftToRight => "lr",
                    console_core::layout::Orientation::TopToBottom => "tb",
                }))
                // As tall as the graph at a legible scale needs, within the screen. Set through
                // the CSSOM (`style:`), which a strict CSP allows, not a style attribute.
                style:height=move || {
                    let h = model.structure.with(|s| s.as_ref().map(|s| s.layout.height * viewport::MIN_SCALE + 40.0)).unwrap_or(360.0);
                    format!("clamp(260px, {h:.0}px, 85vh)")
                }
                aria-label=i18n.tr(Text::GraphLabel) aria-describedby="graph-keys"
                on:wheel=on_wheel on:keydown=on_key on:focusin=on_focus on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up on:pointercancel=on_up on:pointerleave=on_up>
                // The whole graph drawn at `drawn_k` (user units are layout units), moved and,
                // during a pinch, scaled to `view_at` by a CSS transform about its top-left.
                <svg node_ref=svg_ref class="graph"
                    style:width=move || model.structure.with(|s| s.as_ref().map(|s| format!("{:.0}px", s.layout.width * drawn_k.get())))
                    style:height=move || model.structure.with(|s| s.as_ref().map(|s| format!("{:.0}px", s.layout.height * drawn_k.get())))
                    style:transform=move || {
                        let v = view_at.get();
                        format!("translate({:.1}px, {:.1}px) scale({:.4})", v.tx, v.ty, v.k / drawn_k.get())
                    }>
                    <g transform=move || format!("scale({:.4})", drawn_k.get())>
                        <g class="edges">
                            <For each=edges key=|e| *e let:e>
                                {structure_of(e.0).and_then(|s| s.layout.edge_paths.get(e.1).cloned()).map(|d| { let i = e.1; view! { <path class=move || edge_class(i) d=d /> } })}
                            </For>
                        </g>
                        <g class="nodes">
                            <For each=nodes key=|n| *n let:n>
                                {structure_of(n.0).and_then(|s| node_view(&s, n.1, ctx.clone()))}
                            </For>
                        </g>
                    </g>
                </svg>
            </div>
            {minimap}
        </div>
    }
}
