//! `cargo xtask bench`: the task graph in headless Chromium, release build. For tasks of
//! 200, 2,000 and 10,000 subtasks it measures the time from data to the first painted graph,
//! the time to apply a poll that changes 20 statuses, and the time to decode that poll's reply
//! (medians). Prints `BENCH` lines.
//! Only the nodes on screen are in the DOM (the view culls), which each run checks.
#![cfg(target_arch = "wasm32")]

use console_core::graph::viewport::{Camera, Rect};
use console_core::i18n::Lang;
use console_core::task::synthetic;
use console_core::wire::SubtaskStatus;
use failover_console::graph::view::{TaskGraph, MARGIN_PX, RENDER_ALL_UP_TO};
use failover_console::hooks::task_model::TaskModel;
use failover_console::i18n::I18n;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// Resolves after the next frame has been painted.
async fn painted() {
    for _ in 0..2 {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            if let Some(w) = web_sys::window() {
                let _ = w.request_animation_frame(&resolve);
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn container() -> web_sys::HtmlElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let el = doc.create_element("div").unwrap();
    el.set_attribute("style", "width:1200px;height:800px")
        .unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

fn report(name: &str, n: usize, runs: usize, ms: f64) {
    let line = format!("BENCH {name} n={n} runs={runs} median_ms={ms:.2}");
    web_sys::console::log_1(&JsValue::from_str(&line));
}

/// How many nodes meet the graph's screen (plus the view's margin) at its current pan and
/// zoom, counted over every node of the layout: what culling must leave in the DOM (all of
/// them for a small graph).
fn on_screen(el: &web_sys::HtmlElement, task: &console_core::wire::TaskInstance) -> usize {
    let g = console_core::graph::dag::build(task.subtasks()).unwrap();
    // Drawn the way the task page draws it: the orientation its shape suits.
    let o = console_core::graph::layout::OrientationChoice::Auto.resolve(&g);
    let l = console_core::graph::layout::layout_oriented(&g, o);
    // The screen is the graph's box; the SVG inside is the whole graph, placed and scaled
    // by the camera: its box on the page gives the camera back.
    let screen = el.query_selector(".graph-screen").unwrap().unwrap();
    let r = screen.get_bounding_client_rect();
    let svg = el
        .query_selector("svg.graph")
        .unwrap()
        .unwrap()
        .get_bounding_client_rect();
    let cam = Camera {
        tx: svg.left() - r.left(),
        ty: svg.top() - r.top(),
        k: svg.width() / l.width,
    };
    if l.pos.len() <= RENDER_ALL_UP_TO {
        return l.pos.len();
    }
    let area = cam.area(r.width(), r.height(), MARGIN_PX);
    l.pos
        .iter()
        .filter(|&&(x, y)| {
            let node = Rect {
                x0: x,
                y0: y,
                x1: x + console_core::graph::layout::NODE_W,
                y1: y + console_core::graph::layout::NODE_H,
            };
            node.intersects(&area)
        })
        .count()
}

async fn bench_size(n: usize, width: usize, paint_runs: usize, poll_runs: usize) {
    let task = synthetic::task(1, n, width);
    let mut paint = Vec::new();
    for _ in 0..paint_runs {
        let el = container();
        let model = TaskModel::new();
        let handle = leptos::mount::mount_to(el.clone(), move || {
            provide_context(I18n {
                lang: RwSignal::new(Lang::En),
            });
            let selected = RwSignal::new(None);
            view! { <TaskGraph model selected impact=Signal::stored(Vec::new()) now_ms=Signal::stored(0i64) /> }
        });
        painted().await;
        let t0 = now();
        model.apply(&task);
        leptos::task::tick().await;
        painted().await;
        paint.push(now() - t0);
        assert_eq!(
            el.query_selector_all("g.node").unwrap().length() as usize,
            on_screen(&el, &task),
            "the nodes in the DOM are those on screen"
        );
        drop(handle);
        el.remove();
    }
    report("first_paint", n, paint_runs, median(paint));

    // Polls alternate between two tasks that differ from the base in 20 statuses each.
    let el = container();
    let model = TaskModel::new();
    let handle = leptos::mount::mount_to(el.clone(), move || {
        provide_context(I18n {
            lang: RwSignal::new(Lang::En),
        });
        let selected = RwSignal::new(None);
        view! { <TaskGraph model selected impact=Signal::stored(Vec::new()) now_ms=Signal::stored(0i64) /> }
    });
    model.apply(&task);
    leptos::task::tick().await;
    painted().await;
    let a = synthetic::with_changed_statuses(&task, 20, SubtaskStatus::Running);
    let b = synthetic::with_changed_statuses(&task, 20, SubtaskStatus::Successful);
    let mut polls = Vec::new();
    let mut last = &task;
    for i in 0..poll_runs {
        let next = if i % 2 == 0 { &a } else { &b };
        last = next;
        let t0 = now();
        let rebuilt = model.apply(next);
        leptos::task::tick().await;
        polls.push(now() - t0);
        assert!(!rebuilt, "a status-only poll must not rebuild the layout");
        painted().await;
    }
    // Each node on screen shows the status of the last poll, running or not.
    let rendered = el.query_selector_all("g.node").unwrap();
    assert!(rendered.length() > 0);
    for j in 0..rendered.length() {
        let g: web_sys::Element = rendered.item(j).unwrap().unchecked_into();
        let id: i64 = g.get_attribute("data-node").unwrap().parse().unwrap();
        let sub = last
            .subtasks()
            .iter()
            .find(|s| s.id.map(|l| l.0) == Some(id));
        let running = sub.and_then(|s| s.status.clone()) == Some(SubtaskStatus::Running);
        let class = g.get_attribute("class").unwrap_or_default();
        assert_eq!(
            class.contains("node-running"),
            running,
            "node {id}: {class}"
        );
    }
    report("poll_20_statuses", n, poll_runs, median(polls));
    // A real poll first decodes OCP's reply (the whole task, every step) the way the task
    // page does: its reader reads again only the steps whose text changed since the reply
    // before (here 20 to 40 of them, as the polls alternate).
    let body = |t: &console_core::wire::TaskInstance| {
        serde_json::json!({
            "successful": true,
            "timestamp": "2026-11-23T10:00:00.000+08:00",
            "data": serde_json::to_value(t).unwrap(),
        })
        .to_string()
    };
    let bodies = [body(&a), body(&b)];
    let mut reader = console_core::task::reader::TaskReader::default();
    let _ = reader.decode(200, Some("application/json"), &body(&task));
    let mut decodes = Vec::new();
    for i in 0..poll_runs {
        let t0 = now();
        let env = reader
            .decode(200, Some("application/json"), &bodies[i % 2])
            .unwrap();
        decodes.push(now() - t0);
        assert_eq!(env.data.map(|t| t.subtasks().len()), Some(n));
        assert!(
            reader.reused() >= n - 40,
            "unchanged steps are not read again"
        );
    }
    report("poll_decode", n, poll_runs, median(decodes));
    drop(handle);
    el.remove();
}

#[wasm_bindgen_test]
async fn task_graph_benchmark() {
    bench_size(200, 10, 7, 21).await;
    bench_size(2000, 20, 5, 21).await;
    bench_size(10_000, 50, 3, 11).await;
}
