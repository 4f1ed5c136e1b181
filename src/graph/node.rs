//! One step of the task graph as SVG: its box, icon, name on two lines, marks (critical path,
//! rollback lock, previewed impact) and the button over it that screen readers and the keyboard
//! use. Its own file so the view composes nodes without knowing how one is drawn. A node is
//! built only while it is on screen (`camera`), bound to its own state signal.

use super::impact_look;
use crate::hooks::task_model::Structure;
use crate::i18n::use_i18n;
use console_core::graph::critical::CriticalPath;
use console_core::graph::layout::{NODE_H, NODE_W};
use console_core::graph::speech;
use console_core::graph::viewport::{label_lines, LINE_UNITS};
use console_core::present;
use console_core::task::interventions::{overdue, Impact};
use leptos::prelude::*;
use std::sync::Arc;

/// What a node reacts to besides its own state.
#[derive(Clone)]
pub(crate) struct NodeCtx {
    pub(crate) selected: RwSignal<Option<usize>>,
    pub(crate) is_selected: Selector<Option<usize>>,
    /// The one step in the tab order (roving tabindex).
    pub(crate) is_current: Selector<Option<usize>>,
    pub(crate) critical: RwSignal<Arc<CriticalPath>>,
    pub(crate) impact: Signal<Vec<Option<Impact>>>,
    pub(crate) now_ms: Signal<i64>,
    /// The pointer moved since it went down (`gestures`): the click that ends a drag selects
    /// nothing.
    pub(crate) moved: StoredValue<bool>,
}

/// One node, bound to its own state signal; built only while it is on screen.
pub(crate) fn node_view(s: &Structure, i: usize, ctx: NodeCtx) -> Option<impl IntoView> {
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
