//! `use_dialog`: how every dialog of the console behaves at the keyboard. On open, focus goes
//! to its first sensible control (the element marked `data-autofocus`, else the first control);
//! Tab and Shift+Tab stay inside it; Escape closes it when it may close (not while a send is in
//! flight); on close, focus returns to the control that opened it (or, when a re-render replaced
//! that control, to the one now carrying the same `data-testid` or id).

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};

const FOCUSABLE: &str = "a[href], button:not([disabled]), input:not([disabled]), \
     select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex=\"-1\"])";

fn active_element() -> Option<Element> {
    web_sys::window()?.document()?.active_element()
}

fn focusables(root: &Element) -> Vec<HtmlElement> {
    let Ok(list) = root.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        // Hidden controls (display: none) have no layout box and cannot take focus.
        .filter(|e| {
            let r = e.get_bounding_client_rect();
            r.width() > 0.0 || r.height() > 0.0
        })
        .collect()
}

/// Where focus goes back to: the opener itself, or its stand-in after a re-render.
#[derive(Clone)]
struct Opener {
    element: Option<Element>,
    testid: Option<String>,
    id: Option<String>,
}

impl Opener {
    fn now() -> Opener {
        let element = active_element().filter(|e| e.tag_name() != "BODY");
        let attr = |name: &str| {
            element
                .as_ref()
                .and_then(|e| e.get_attribute(name))
                .filter(|v| !v.is_empty())
        };
        Opener {
            testid: attr("data-testid"),
            id: attr("id"),
            element,
        }
    }

    fn restore(&self) {
        let target = self
            .element
            .clone()
            .filter(|e| e.is_connected())
            .or_else(|| {
                let doc = web_sys::window()?.document()?;
                let selector = match (&self.testid, &self.id) {
                    (Some(t), _) => format!("[data-testid=\"{t}\"]"),
                    (None, Some(id)) => format!("#{id}"),
                    (None, None) => return None,
                };
                doc.query_selector(&selector).ok().flatten()
            });
        if let Some(el) = target.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
            let _ = el.focus();
        }
    }
}

/// Call in the dialog's component (it opens when the component mounts and closes when it is
/// removed); put the returned handler on the dialog's `on:keydown` and `root` on its element.
/// `may_close` is read when Escape is pressed; `on_close` closes the dialog.
pub fn use_dialog(
    root: NodeRef<Div>,
    may_close: Signal<bool>,
    on_close: Callback<()>,
) -> impl Fn(KeyboardEvent) + Copy + 'static {
    let opener = StoredValue::new_local(Opener::now());
    on_cleanup(move || {
        if let Some(o) = opener.try_get_value() {
            // After this update: a control that re-renders with the dialog's closing is back.
            set_timeout(move || o.restore(), std::time::Duration::ZERO);
        }
    });
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let Some(el) = root.get() else {
            return false;
        };
        let el: &Element = el.as_ref();
        let first = el
            .query_selector("[data-autofocus]")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            .or_else(|| focusables(el).into_iter().next());
        if let Some(f) = first {
            let _ = f.focus();
        }
        true
    });
    move |ev: KeyboardEvent| match ev.key().as_str() {
        "Escape" if may_close.get_untracked() => {
            ev.prevent_default();
            on_close.run(());
        }
        "Tab" => {
            let Some(el) = root.get_untracked() else {
                return;
            };
            let items = focusables(el.as_ref());
            let (Some(first), Some(last)) = (items.first(), items.last()) else {
                ev.prevent_default();
                return;
            };
            let active = active_element();
            let is = |e: &HtmlElement| {
                active
                    .as_ref()
                    .is_some_and(|a| a == e.unchecked_ref::<Element>())
            };
            let inside = active
                .as_ref()
                .is_some_and(|a| AsRef::<Element>::as_ref(&el).contains(Some(a)));
            if ev.shift_key() && (is(first) || !inside) {
                ev.prevent_default();
                let _ = last.focus();
            } else if !ev.shift_key() && (is(last) || !inside) {
                ev.prevent_default();
                let _ = first.focus();
            }
        }
        _ => {}
    }
}
