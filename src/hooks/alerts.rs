//! Alerts while a task is watched: the tab title and favicon show a failed, waiting or ended
//! task, and a browser notification fires once per change into one of those states, if the
//! operator allowed notifications (asked only from the "Notify me" button, never on load).
//! Which state alerts and what is said is `console_core::task::alert`'s; this applies it.

use crate::hooks::task_model::TaskModel;
use crate::i18n::use_i18n;
use console_core::i18n::Text;
use console_core::task::alert::{watch, Watch, Watcher};
use console_core::wire::SubtaskStatus;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// What the browser allows, as the button shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// Not asked yet (or dismissed): the button asks.
    Ask,
    Granted,
    Denied,
    Unsupported,
}

fn supported() -> bool {
    web_sys::window().is_some_and(|w| {
        js_sys::Reflect::has(&w, &JsValue::from_str("Notification")).unwrap_or(false)
    })
}

fn permission_now() -> Permission {
    if !supported() {
        return Permission::Unsupported;
    }
    match web_sys::Notification::permission() {
        web_sys::NotificationPermission::Granted => Permission::Granted,
        web_sys::NotificationPermission::Denied => Permission::Denied,
        _ => Permission::Ask,
    }
}

/// The task page's alert state: its watch state (`None` until the first reply) and the
/// notification permission.
#[derive(Clone, Copy)]
pub struct TaskAlerts {
    pub watch: Memo<Option<Watch>>,
    pub permission: RwSignal<Permission>,
}

/// The first failed step's name, in the graph's order.
fn failed_step(model: TaskModel) -> Option<String> {
    let i = model.first_failed()?;
    model
        .structure
        .with_untracked(|s| Some(s.as_ref()?.info.get(i)?.name.clone()))
}

/// Watches `model` (task `id`); `task` names the task as the title does ("Task #7 · Failover tenant").
pub fn use_task_alerts(model: TaskModel, id: i64, task: Signal<String>) -> TaskAlerts {
    let i18n = use_i18n();
    let watch_now = Memo::new(move |_| {
        let status = model
            .header
            .with(|h| h.as_ref().map(|h| h.status.clone()))?;
        // Only whether a step failed matters: no copy of 10,000 statuses per poll.
        let failed = model
            .states
            .with(|v| v.iter().any(|n| n.status == Some(SubtaskStatus::Failed)));
        let step = failed.then_some(&SubtaskStatus::Failed);
        Some(watch(status.as_ref(), [step]))
    });
    let permission = RwSignal::new(permission_now());
    let alerts = TaskAlerts {
        watch: watch_now,
        permission,
    };

    // The favicon follows the state; the console's own comes back when normal or when the page
    // closes.
    let icon = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("link[rel~='icon']").ok().flatten());
    let original = icon.as_ref().and_then(|l| l.get_attribute("href"));
    let icon = StoredValue::new_local(icon);
    let original = StoredValue::new(original);
    let set_icon = move |w: Watch| {
        icon.with_value(|l| {
            let Some(l) = l else { return };
            let href = match w.favicon_svg() {
                Some(svg) => Some(format!(
                    "data:image/svg+xml,{}",
                    String::from(js_sys::encode_uri_component(svg))
                )),
                None => original.get_value(),
            };
            if let Some(h) = href {
                let _ = l.set_attribute("href", &h);
            }
            let _ = l.set_attribute("data-alert", &format!("{w:?}").to_lowercase());
        });
    };
    Effect::new(move |_| set_icon(watch_now.get().unwrap_or(Watch::Normal)));
    on_cleanup(move || set_icon(Watch::Normal));

    // One notification per change into an alerting state; the first reply is the baseline.
    let watcher = StoredValue::new(Watcher::default());
    Effect::new(move |_| {
        let Some(w) = watch_now.get() else { return };
        let mut fire = None;
        watcher.update_value(|x| fire = x.observe(w));
        let Some(state) = fire else { return };
        if permission.get_untracked() != Permission::Granted {
            return;
        }
        let step = failed_step(model);
        let (title, body) = state.notification(
            &task.get_untracked(),
            step.as_deref(),
            i18n.lang.get_untracked(),
        );
        let opts = web_sys::NotificationOptions::new();
        opts.set_body(&body);
        // Replaces this task's earlier notification instead of stacking them.
        opts.set_tag(&format!("failover-console-task:{id}"));
        if let Err(e) = web_sys::Notification::new_with_options(&title, &opts) {
            web_sys::console::warn_2(&JsValue::from_str("notification not shown:"), &e);
        }
    });
    alerts
}

/// "Notify me": asks for permission once, from the operator's click; afterwards says honestly
/// what the browser allows.
#[component]
pub fn NotifyButton(alerts: TaskAlerts) -> impl IntoView {
    let i18n = use_i18n();
    let ask = move |_| {
        let Ok(promise) = web_sys::Notification::request_permission() else {
            alerts.permission.set(permission_now());
            return;
        };
        leptos::task::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            alerts.permission.try_set(permission_now());
        });
    };
    move || {
        match alerts.permission.get() {
        Permission::Ask => view! {
            <button class="btn" data-testid="notify-me" on:click=ask>{i18n.t(Text::NotifyMe)}</button>
        }
        .into_any(),
        p => {
            let (state, text) = match p {
                Permission::Granted => ("granted", Text::NotifyOn),
                Permission::Denied => ("denied", Text::NotifyDenied),
                _ => ("unsupported", Text::NotifyUnsupported),
            };
            view! { <span class="muted" data-testid="notify-state" data-permission=state>{i18n.t(text)}</span> }
                .into_any()
        }
    }
    }
}
