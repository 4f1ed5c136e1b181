//! The task graph as SVG: nodes placed by the precomputed layout, each bound to its own state
//! signal; pan by dragging, zoom with the wheel or the buttons, fit to the screen.

use super::impact_look;
use super::model::TaskModel;
use crate::i18n::use_i18n;
use console_core::i18n::Text;
use console_core::layout::{NODE_H, NODE_W};
use console_core::present;
use console_core::task_view::{overdue, Impact};
use leptos::prelude::*;

const MAX_NAME: usize = 24;

fn short(name: &str) -> String {
    if name.chars().count() <= MAX_NAME {
        name.to_string()
    } else {
        let cut: String = name.chars().take(MAX_NAME - 1).collect();
        format!("{cut}…")
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
    let tx = RwSignal::new(0.0f64);
    let ty = RwSignal::new(0.0f64);
    let k = RwSignal::new(1.0f64);
    let drag = StoredValue::new(None::<(f64, f64, f64, f64)>);
    let moved = StoredValue::new(false);
    let is_selected = Selector::new(move || selected.get());

    // `readable`: never shrink below a legible scale (the first view of a long chain); the
    // Fit button passes false and shows everything.
    let fit = move |readable: bool| {
        let Some(svg) = svg_ref.get_untracked() else {
            return;
        };
        let rect = svg.get_bounding_client_rect();
        let (w, h) = (rect.width(), rect.height());
        let size = model
            .structure
            .with_untracked(|s| s.as_ref().map(|s| (s.layout.width, s.layout.height)));
        if let Some((gw, gh)) = size {
            if w <= 0.0 || h <= 0.0 {
                return;
            }
            let whole = (w / gw).min(h / gh).clamp(0.005, 1.0);
            let scale = if readable { whole.max(0.6) } else { whole };
            k.set(scale);
            tx.set(((w - gw * scale) / 2.0).max(if readable { 0.0 } else { f64::MIN }));
            ty.set((h - gh * scale) / 2.0);
        }
    };
    // Fit once per new structure, never on status polls.
    Effect::new(move |_| {
        model.version.track();
        fit(true);
    });
    // A step selected elsewhere (the table, a failure surfacing) is brought into view.
    Effect::new(move |_| {
        let Some(i) = selected.get() else { return };
        let Some(svg) = svg_ref.get_untracked() else {
            return;
        };
        let r = svg.get_bounding_client_rect();
        let pos = model
            .structure
            .with_untracked(|s| s.as_ref().and_then(|s| s.layout.pos.get(i).copied()));
        let Some((x, y)) = pos else { return };
        let (scale, ox, oy) = (k.get_untracked(), tx.get_untracked(), ty.get_untracked());
        let (sx, sy) = (x * scale + ox, y * scale + oy);
        let visible = sx >= 0.0
            && sy >= 0.0
            && sx + NODE_W * scale <= r.width()
            && sy + NODE_H * scale <= r.height();
        if !visible {
            tx.set(r.width() / 2.0 - (x + NODE_W / 2.0) * scale);
            ty.set(r.height() / 2.0 - (y + NODE_H / 2.0) * scale);
        }
    });
    let zoom_at = move |factor: f64, px: f64, py: f64| {
        let old = k.get_untracked();
        let new = (old * factor).clamp(0.005, 3.0);
        tx.set(px - (px - tx.get_untracked()) * new / old);
        ty.set(py - (py - ty.get_untracked()) * new / old);
        k.set(new);
    };
    let center = move || {
        svg_ref
            .get_untracked()
            .map(|s| {
                let r = s.get_bounding_client_rect();
                (r.width() / 2.0, r.height() / 2.0)
            })
            .unwrap_or((0.0, 0.0))
    };
    let on_wheel = move |ev: leptos::ev::WheelEvent| {
        ev.prevent_default();
        let Some(svg) = svg_ref.get_untracked() else {
            return;
        };
        let r = svg.get_bounding_client_rect();
        let factor = (-ev.delta_y() * 0.0015).exp();
        zoom_at(
            factor,
            f64::from(ev.client_x()) - r.left(),
            f64::from(ev.client_y()) - r.top(),
        );
    };
    let on_down = move |ev: leptos::ev::PointerEvent| {
        drag.set_value(Some((
            f64::from(ev.client_x()),
            f64::from(ev.client_y()),
            tx.get_untracked(),
            ty.get_untracked(),
        )));
        moved.set_value(false);
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        if let Some((x0, y0, tx0, ty0)) = drag.get_value() {
            let (dx, dy) = (f64::from(ev.client_x()) - x0, f64::from(ev.client_y()) - y0);
            if dx.abs() + dy.abs() > 3.0 {
                moved.set_value(true);
            }
            if moved.get_value() {
                tx.set(tx0 + dx);
                ty.set(ty0 + dy);
            }
        }
    };
    let on_up = move |_: leptos::ev::PointerEvent| drag.set_value(None);

    let edges = move || {
        model.structure.get().map(|s| {
            s.layout
                .edge_paths
                .iter()
                .map(|d| view! { <path class="edge" d=d.clone() /> })
                .collect_view()
        })
    };
    let nodes = move || {
        model.structure.get().map(|s| {
            (0..s.info.len())
                .map(|i| {
                    let info = s.info[i].clone();
                    let state = s.nodes[i];
                    let (x, y) = s.layout.pos[i];
                    let selector = is_selected.clone();
                    let class = move || {
                        let (st, start, timeout) = state.with(|n| (n.status.clone(), n.start_ms(), info.timeout_s));
                        let (_, slug, _) = present::subtask_status(st.as_ref()).parts();
                        let mut c = format!("node node-{slug}");
                        // Only running steps read the clock, so the ticker wakes only them.
                        if matches!(slug, "running" | "canceling") && overdue(st.as_ref(), start, timeout, now_ms.get()) {
                            c.push_str(" overdue");
                        }
                        if selector.selected(&Some(i)) {
                            c.push_str(" selected");
                        }
                        if let Some(imp) = impact.with(|v| v.get(i).copied().flatten()) {
                            c.push_str(" impact-");
                            c.push_str(impact_look(imp).1);
                        }
                        c
                    };
                    let icon = move || state.with(|n| present::subtask_status(n.status.as_ref()).parts().0);
                    let name = info.name.clone();
                    let title = move || {
                        let (_, _, t) = state.with(|n| present::subtask_status(n.status.as_ref()).parts());
                        format!("{name} — {}", i18n.t(t))
                    };
                    let badge = move || impact.with(|v| v.get(i).copied().flatten()).map(|imp| impact_look(imp).0);
                    view! {
                        <g class=class transform=format!("translate({x:.1} {y:.1})") data-node=info.id.to_string() data-name=info.name.clone()
                            on:click=move |_| if !moved.get_value() { selected.set(Some(i)) }>
                            <title>{title}</title>
                            <rect width=NODE_W height=NODE_H rx="6" />
                            <text x="10" y="24" class="node-icon">{icon}</text>
                            <text x="30" y="24" class="node-name">{short(&info.name)}</text>
                            {info.prohibit_rollback.then(|| view! { <text x=NODE_W - 18.0 y="14" class="node-lock">"⊘"</text> })}
                            <text x=NODE_W - 8.0 y=NODE_H - 6.0 class="node-badge" text-anchor="end">{badge}</text>
                        </g>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="graph-wrap">
            <div class="graph-tools" role="toolbar">
                <button class="btn" on:click=move |_| { let (x, y) = center(); zoom_at(1.25, x, y) } aria-label="zoom in">"+"</button>
                <button class="btn" on:click=move |_| { let (x, y) = center(); zoom_at(0.8, x, y) } aria-label="zoom out">"−"</button>
                <button class="btn" data-testid="fit" on:click=move |_| fit(false)>{move || i18n.t(Text::FitToScreen)}</button>
            </div>
            <svg node_ref=svg_ref class="graph" data-testid="graph" role="img"
                // As tall as a readable view of the graph needs, within the screen. Set through
                // the CSSOM (`style:`), which a strict CSP allows, not a style attribute.
                style:height=move || {
                    let h = model.structure.with(|s| s.as_ref().map(|s| s.layout.height * 0.8 + 60.0)).unwrap_or(360.0);
                    format!("clamp(260px, {h:.0}px, 62vh)")
                }
                aria-label=move || i18n.t(Text::GraphLabel)
                on:wheel=on_wheel on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up on:pointerleave=on_up>
                <g transform=move || format!("translate({:.1} {:.1}) scale({:.4})", tx.get(), ty.get(), k.get())>
                    <g class="edges">{edges}</g>
                    <g class="nodes">{nodes}</g>
                </g>
            </svg>
        </div>
    }
}
