//! `<Minimap>`: the overview of a culled graph (one too big to render whole): one box per
//! layer and the screen's rectangle over them; a click or a drag there centres the view on that
//! point. Its own file: a second way into the camera, with its own drawing and pointer.

use super::camera::{GraphCamera, Hand, RENDER_ALL_UP_TO};
use console_core::graph::viewport::{layer_bounds, Camera, Rect};
use leptos::ev::PointerEvent;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The minimap's box (screen px); the graph's shape decides which side it fills.
const MINI_W: f64 = 180.0;
const MINI_H: f64 = 140.0;

/// Centres the view on the layout point under the pointer.
fn centre_on(cam: GraphCamera, ev: &PointerEvent) {
    let Some(el) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let Some((gw, gh)) = cam.structure_size() else {
        return;
    };
    let r = el.get_bounding_client_rect();
    if r.width() <= 0.0 || r.height() <= 0.0 {
        return;
    }
    let x = (f64::from(ev.client_x()) - r.left()) / r.width() * gw;
    let y = (f64::from(ev.client_y()) - r.top()) / r.height() * gh;
    let (w, h) = cam.screen();
    let k = cam.view_at.get_untracked().k;
    cam.set_view(Camera {
        tx: w / 2.0 - x * k,
        ty: h / 2.0 - y * k,
        k,
    });
}

/// Shown only while the graph is culled; nothing otherwise.
#[component]
pub(crate) fn Minimap(cam: GraphCamera) -> impl IntoView {
    let model = cam.model;
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
    let on_down = move |ev: PointerEvent| {
        cam.hold(Hand::Minimap, true);
        if let Some(el) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            let _ = el.set_pointer_capture(ev.pointer_id());
        }
        centre_on(cam, &ev);
    };
    let on_move = move |ev: PointerEvent| {
        if cam.held_by(Hand::Minimap) {
            centre_on(cam, &ev);
        }
    };
    let on_up = move |_: PointerEvent| {
        cam.hold(Hand::Minimap, false);
        cam.schedule();
    };
    move || {
        overview.get().map(|(boxes, gw, gh)| {
            let scale = (MINI_W / gw).min(MINI_H / gh);
            // The screen's rectangle, once per view change.
            let on_screen = Memo::new(move |_| {
                let v = cam.view_at.get();
                let (w, h) = cam.last_screen.get_value();
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
                    on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up on:pointercancel=on_up>
                    {boxes.iter().map(|b| view! {
                        <rect class="mini-layer" x=format!("{:.0}", b.x0) y=format!("{:.0}", b.y0)
                            width=format!("{:.0}", b.x1 - b.x0) height=format!("{:.0}", b.y1 - b.y0) />
                    }).collect_view()}
                    <rect class="mini-view" x=move || format!("{:.0}", on_screen.get().0) y=move || format!("{:.0}", on_screen.get().1)
                        width=move || format!("{:.0}", on_screen.get().2) height=move || format!("{:.0}", on_screen.get().3) />
                </svg>
            }
        })
    }
}
