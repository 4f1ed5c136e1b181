//! Saving text the console made (a CSV) as a file: a Blob behind a temporary link, clicked.
//! Nothing leaves the browser.

use wasm_bindgen::JsCast;

/// Offers `text` as a download named `file_name` of type `mime`. `false` when the browser
/// refused a step (then nothing was saved; the caller says so).
pub fn save_text(text: &str, file_name: &str, mime: &str) -> bool {
    save(text, file_name, mime).is_some()
}

fn save(text: &str, file_name: &str, mime: &str) -> Option<()> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let document = web_sys::window()?.document()?;
    let saved = (|| {
        let a: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
        a.set_href(&url);
        a.set_download(file_name);
        // Attached for the click (some browsers ignore a detached link), removed right after.
        let body = document.body()?;
        body.append_child(&a).ok()?;
        a.click();
        a.remove();
        Some(())
    })();
    // Freed once the download has surely read it (revoking at once can cancel it).
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    saved
}
