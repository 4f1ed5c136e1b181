//! A table of any length that draws only the rows near the screen (`console_core::window`): a
//! spacer row above and below keeps the scrollbar true, and `aria-rowcount` on the table with
//! `aria-rowindex` on each drawn row (the header is row 1, so a list row `i` is `i + 2`; `row`
//! is handed that number) tell a screen reader where a row sits in the whole list. Rows are
//! keyed by the caller, so scrolling reuses the rows already drawn and a change redraws only its
//! row. The board, the tenants of a cluster, the batch precheck and the task list use it.

use console_core::window::window;
use leptos::html::Div;
use leptos::prelude::*;
use std::hash::Hash;
use wasm_bindgen::JsCast;

/// A list row, as handed to `row`: its place in the whole list (0-based) and the row itself.
pub(crate) struct Drawn<T> {
    pub(crate) index: usize,
    pub(crate) item: T,
}

/// The `aria-rowindex` of list row `index` (the header is row 1).
pub(crate) fn aria_row(index: usize) -> String {
    (index + 2).to_string()
}

#[component]
pub(crate) fn WindowedTable<T, K, KF, RF, RV>(
    /// Every row of the list, already searched and sorted.
    #[prop(into)]
    rows: Signal<Vec<T>>,
    /// The header row's cells (`<th scope="col">…`).
    #[prop(into)]
    head: ViewFn,
    /// Columns, for the spacer rows.
    columns: usize,
    /// What identifies a drawn row (its place and whatever it shows that can change).
    key: KF,
    /// Draws one row: a `<tr>` carrying `aria-rowindex`.
    row: RF,
    /// The table's class (beside `grid windowed`).
    #[prop(optional)]
    class: &'static str,
    /// Row height assumed until the first drawn row is measured (px).
    #[prop(default = 48)]
    row_px: u32,
    /// The scrolling region's accessible name.
    #[prop(into, optional)]
    label: Signal<String>,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    K: Eq + Hash + Clone + Send + Sync + 'static,
    KF: Fn(usize, &T) -> K + Clone + Send + Sync + 'static,
    RF: Fn(Drawn<T>) -> RV + Clone + Send + Sync + 'static,
    RV: IntoView + 'static,
{
    let scroller = NodeRef::<Div>::new();
    let scroll_px = RwSignal::new(0.0);
    // Until the region is measured: the window's height, which the region never exceeds (its
    // max-height is below 100vh), so the first paint draws a screenful, not 40 rows.
    let view_px = RwSignal::new(
        web_sys::window()
            .and_then(|w| w.inner_height().ok())
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0),
    );
    let row_px = RwSignal::new(row_px);
    // Runs from a frame callback: the table may be gone by then, so nothing here may panic.
    let measure = move || {
        if let Some(el) = scroller.try_get_untracked().flatten() {
            view_px.try_set(f64::from(el.client_height()));
            scroll_px.try_set(f64::from(el.scroll_top()));
            // The first drawn row says how tall rows are here (screen width, language).
            if let Ok(Some(first)) = el.query_selector("tbody tr:not(.spacer)") {
                if let Some(h) = first
                    .dyn_ref::<web_sys::HtmlElement>()
                    .map(|r| r.offset_height())
                    .filter(|h| *h > 0)
                {
                    row_px.try_set(h as u32);
                }
            }
        }
    };
    Effect::new(move |_| {
        rows.track();
        request_animation_frame(measure);
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    let win = Memo::new(move |_| {
        window(
            rows.with(Vec::len),
            row_px.get(),
            scroll_px.get(),
            view_px.get(),
        )
    });
    let drawn = move || {
        let w = win.get();
        rows.with(|r| {
            r.get(w.start..w.end)
                .unwrap_or_default()
                .iter()
                .enumerate()
                .map(|(i, item)| (w.start + i, item.clone()))
                .collect::<Vec<_>>()
        })
    };
    let total = move || rows.with(Vec::len);
    let colspan = columns.to_string();
    let colspan_after = colspan.clone();
    view! {
        <div class="grid-scroll window-scroll" tabindex="0" node_ref=scroller role="region"
            aria-label=move || label.get()
            on:scroll=move |_| {
                if let Some(el) = scroller.get_untracked() {
                    scroll_px.set(f64::from(el.scroll_top()));
                }
            }>
            <table class=format!("grid windowed {class}") aria-rowcount=move || (total() + 1).to_string()>
                <thead><tr aria-rowindex="1">{head.run()}</tr></thead>
                <tbody>
                    <tr class="spacer" aria-hidden="true" style:height=move || format!("{}px", win.get().before_px)>
                        <td colspan=colspan></td>
                    </tr>
                    <For each=drawn key=move |(i, item)| key(*i, item) let:pair>
                        {row(Drawn { index: pair.0, item: pair.1 })}
                    </For>
                    <tr class="spacer" aria-hidden="true" style:height=move || format!("{}px", win.get().after_px)>
                        <td colspan=colspan_after></td>
                    </tr>
                </tbody>
            </table>
        </div>
    }
}
