//! Browser tests (wasm-bindgen-test in headless Chromium): components mounted into a real DOM.
#![cfg(target_arch = "wasm32")]

use console_core::i18n::Lang;
use console_core::{ApiFailure, ErrorCode};
use failover_console::components::failure_view::FailureView;
use failover_console::i18n::I18n;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> web_sys::HtmlElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let el = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

#[wasm_bindgen_test]
async fn failure_view_shows_status_code_trace_and_server_text_as_text() {
    let el = container();
    let failure = ApiFailure::Http {
        status: 500,
        code: Some(ErrorCode::Int(10010)),
        message: Some("<img src=x onerror=alert(1)>主租户仍可连接".into()),
        trace_id: Some("8a4d817ee7e5aed8".into()),
    };
    let retried = RwSignal::new(0);
    let _handle = leptos::mount::mount_to(el.clone(), move || {
        provide_context(I18n {
            lang: RwSignal::new(Lang::En),
        });
        view! {
            <FailureView failure=Signal::stored(Some(failure.clone()))
                on_retry=Callback::new(move |_| retried.update(|n| *n += 1)) />
        }
    });
    leptos::task::tick().await;
    let text = el.text_content().unwrap_or_default();
    assert!(
        text.contains("The server failed to answer the request (HTTP 500)."),
        "{text}"
    );
    assert!(text.contains("10010"), "{text}");
    assert!(text.contains("8a4d817ee7e5aed8"), "{text}");
    // The server's message is shown verbatim, as text: no element was created from it.
    assert!(
        text.contains("<img src=x onerror=alert(1)>主租户仍可连接"),
        "{text}"
    );
    assert!(el.query_selector("img").unwrap().is_none());
    // Retry is offered and calls back.
    let button: web_sys::HtmlElement = el
        .query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    button.click();
    assert_eq!(retried.get_untracked(), 1);
}

#[wasm_bindgen_test]
async fn failure_view_speaks_chinese_and_hides_code_zero() {
    let el = container();
    let failure = ApiFailure::Http {
        status: 401,
        code: Some(ErrorCode::Int(0)),
        message: Some("Bad credentials".into()),
        trace_id: None,
    };
    let _handle = leptos::mount::mount_to(el.clone(), move || {
        provide_context(I18n {
            lang: RwSignal::new(Lang::Zh),
        });
        view! { <FailureView failure=Signal::stored(Some(failure.clone())) /> }
    });
    leptos::task::tick().await;
    let text = el.text_content().unwrap_or_default();
    assert!(text.contains("未登录或凭据被拒绝（HTTP 401）。"), "{text}");
    assert!(
        !text.contains("OCP 错误码"),
        "code 0 is not an error code worth showing: {text}"
    );
    assert!(
        el.query_selector("button").unwrap().is_none(),
        "no retry without a handler"
    );
}

/// The model's plain vector of step states (what whole-task readers subscribe to) stays equal to
/// the per-step signals (what each node draws) through polls, and the critical path follows
/// steps that finish.
#[wasm_bindgen_test]
async fn task_model_keeps_its_state_vector_equal_to_the_node_signals() {
    use console_core::wire::SubtaskStatus;
    use failover_console::hooks::task_model::TaskModel;
    let owner = Owner::new();
    owner.set();
    let model = TaskModel::new();
    let base = console_core::task::synthetic::task(1, 300, 10);
    let same = |model: &TaskModel| {
        model.structure.with_untracked(|s| {
            let s = s.as_ref().unwrap();
            model.states.with_untracked(|states| {
                states.len() == s.nodes.len()
                    && states
                        .iter()
                        .zip(&s.nodes)
                        .all(|(st, n)| n.with_untracked(|n| n == st))
            })
        })
    };
    assert!(model.apply(&base), "the first reply builds the structure");
    assert!(same(&model));
    let critical_before = model.critical.get_untracked();
    let running =
        console_core::task::synthetic::with_changed_statuses(&base, 20, SubtaskStatus::Running);
    assert!(!model.apply(&running), "a status poll does not rebuild");
    assert!(same(&model));
    let done =
        console_core::task::synthetic::with_changed_statuses(&base, 20, SubtaskStatus::Successful);
    assert!(!model.apply(&done));
    assert!(same(&model));
    assert_ne!(
        *model.critical.get_untracked(),
        *critical_before,
        "steps that finished leave the critical path"
    );
    let mut failed = done.clone();
    let order = model
        .structure
        .with_untracked(|s| s.as_ref().unwrap().order.clone());
    let last = order[order.len() - 1];
    let first = order[5];
    if let Some(subs) = failed.subtasks.as_mut() {
        subs[last].status = Some(SubtaskStatus::Failed);
        subs[first].status = Some(SubtaskStatus::Failed);
    }
    model.apply(&failed);
    assert!(same(&model));
    assert_eq!(
        model.first_failed(),
        Some(first),
        "the first failed in execution order"
    );
    assert_eq!(
        model.statuses()[last],
        Some(SubtaskStatus::Failed),
        "statuses are read from the state vector"
    );
}
