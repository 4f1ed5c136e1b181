//! `<TaskGraph>`: the task graph as SVG, composed. Nodes are placed by the precomputed layout
//! (`node`), each bound to its own state signal; the camera decides what is drawn for the
//! current pan and zoom (`camera`); the pointer pans and zooms (`gestures`), the keyboard moves
//! between steps (`keys`), and a culled graph gets an overview (`minimap`). Its own file: the
//! one place the graph's DOM is laid out, with ids, roles and classes the tests select by.
//!
//! Pan by dragging or the arrow keys, zoom with the wheel (a trackpad pinch), two fingers, the
//! buttons or + − 0. Zoom stops where labels would shrink below 12 px
//! (`console_core::graph::viewport`); a bigger graph scrolls. The graph is drawn left to right
//! or top to bottom, as its shape suits or as the operator picks.

use super::camera::GraphCamera;
use super::gestures::Gestures;
use super::keys::Keys;
use super::minimap::Minimap;
use super::node::{node_view, NodeCtx};
use crate::hooks::task_model::TaskModel;
use crate::i18n::use_i18n;
use console_core::graph::layout::{Orientation, OrientationChoice};
use console_core::graph::viewport;
use console_core::i18n::Text;
use console_core::task::interventions::Impact;
use leptos::prelude::*;

// Where the browser benchmark (tests/bench.rs) reads the culling rules.
pub use super::camera::{MARGIN_PX, RENDER_ALL_UP_TO};

/// The orientation picker's value for a choice.
fn orientation_slug(c: OrientationChoice) -> &'static str {
    match c {
        OrientationChoice::Auto => "auto",
        OrientationChoice::LeftToRight => "lr",
        OrientationChoice::TopToBottom => "tb",
    }
}

#[component]
pub fn TaskGraph(
    model: TaskModel,
    selected: RwSignal<Option<usize>>,
    #[prop(into)] impact: Signal<Vec<Option<Impact>>>,
    #[prop(into)] now_ms: Signal<i64>,
) -> impl IntoView {
    let i18n = use_i18n();
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let cam = GraphCamera::new(model, selected);
    let gestures = Gestures::new(cam);
    let keys = Keys::new(cam, svg_ref);
    let critical = model.critical;
    let ctx = NodeCtx {
        selected,
        is_selected: Selector::new(move || selected.get()),
        is_current: Selector::new(move || cam.current.get()),
        critical,
        impact,
        now_ms,
        moved: gestures.moved,
    };
    cam.follow();
    keys.return_on_escape();
    let edge_class = move |e: usize| {
        if critical.with(|p| p.edges.get(e).copied().unwrap_or(false)) {
            "edge critical"
        } else {
            "edge"
        }
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
                <button class="btn" on:click=move |_| cam.zoom_centre(1.25) aria-label=i18n.tr(Text::AriaZoomIn)>"+"</button>
                <button class="btn" on:click=move |_| cam.zoom_centre(0.8) aria-label=i18n.tr(Text::AriaZoomOut)>"−"</button>
                <button class="btn" data-testid="fit" on:click=move |_| cam.fit()>{i18n.tr(Text::FitToScreen)}</button>
            </div>
            <p id="graph-keys" class="sr-only">{i18n.tr(Text::GraphKeys)}</p>
            <div node_ref=cam.screen_ref class="graph-screen" data-testid="graph" role="group" tabindex="0"
                data-orientation=move || model.structure.with(|s| s.as_ref().map(|s| match s.layout.orientation {
                    Orientation::LeftToRight => "lr",
                    Orientation::TopToBottom => "tb",
                }))
                // As tall as the graph at a legible scale needs, within the screen. Set through
                // the CSSOM (`style:`), which a strict CSP allows, not a style attribute.
                style:height=move || {
                    let h = model.structure.with(|s| s.as_ref().map(|s| s.layout.height * viewport::MIN_SCALE + 40.0)).unwrap_or(360.0);
                    format!("clamp(260px, {h:.0}px, 85vh)")
                }
                aria-label=i18n.tr(Text::GraphLabel) aria-describedby="graph-keys"
                on:wheel=move |ev| gestures.wheel(ev) on:keydown=move |ev| keys.on_key(ev) on:focusin=move |ev| keys.on_focus(ev)
                on:pointerdown=move |ev| gestures.down(ev) on:pointermove=move |ev| gestures.moves(ev)
                on:pointerup=move |ev| gestures.up(ev) on:pointercancel=move |ev| gestures.up(ev) on:pointerleave=move |ev| gestures.up(ev)>
                // The whole graph drawn at `drawn_k` (user units are layout units), moved and,
                // during a pinch, scaled to `view_at` by a CSS transform about its top-left.
                <svg node_ref=svg_ref class="graph"
                    style:width=move || model.structure.with(|s| s.as_ref().map(|s| format!("{:.0}px", s.layout.width * cam.drawn_k.get())))
                    style:height=move || model.structure.with(|s| s.as_ref().map(|s| format!("{:.0}px", s.layout.height * cam.drawn_k.get())))
                    style:transform=move || {
                        let v = cam.view_at.get();
                        format!("translate({:.1}px, {:.1}px) scale({:.4})", v.tx, v.ty, v.k / cam.drawn_k.get())
                    }>
                    <g transform=move || format!("scale({:.4})", cam.drawn_k.get())>
                        <g class="edges">
                            <For each=move || cam.edges() key=|e| *e let:e>
                                {cam.structure_of(e.0).and_then(|s| s.layout.edge_paths.get(e.1).cloned()).map(|d| { let i = e.1; view! { <path class=move || edge_class(i) d=d /> } })}
                            </For>
                        </g>
                        <g class="nodes">
                            <For each=move || cam.nodes() key=|n| *n let:n>
                                {cam.structure_of(n.0).and_then(|s| node_view(&s, n.1, ctx.clone()))}
                            </For>
                        </g>
                    </g>
                </svg>
            </div>
            <Minimap cam />
        </div>
    }
}
