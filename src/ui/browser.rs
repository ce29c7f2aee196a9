//! Small wrappers over the browser for taking things away: downloads
//! through an object URL, and the clipboard.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::state::AppState;
use crate::export::file_name;

/// The reader's text as typed: a cap on analysis may have shortened the
/// view, never the text area.
pub fn article_text(state: AppState) -> String {
    match state.input.get_untracked() {
        Some(input) => input.value(),
        None => state.doc.with_untracked(|doc| doc.text.clone()),
    }
}

/// Saves the article as a `.txt` file; gives the file's name.
pub fn download_article(state: AppState) -> Result<String, ()> {
    let text = article_text(state);
    let name = file_name(&text, "txt");
    download(&name, "text/plain;charset=utf-8", &text)?;
    Ok(name)
}

/// Saves `content` as a file named `name` through a temporary object URL.
pub fn download(name: &str, mime: &str, content: &str) -> Result<(), ()> {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(drop)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(drop)?;
    let document = document();
    let link: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(drop)?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    _ = link.set_attribute("hidden", "");
    if let Some(body) = document.body() {
        _ = body.append_child(&link);
    }
    link.click();
    link.remove();
    // The download has started by now; give slow browsers a moment anyway.
    spawn_local(async move {
        gloo_timers::future::TimeoutFuture::new(30_000).await;
        _ = web_sys::Url::revoke_object_url(&url);
    });
    Ok(())
}

/// Starts writing `text` to the clipboard; the future says whether it was
/// written. Call it from the click itself: browsers only let a reader's own
/// action write to the clipboard.
pub fn write_clipboard(text: &str) -> impl std::future::Future<Output = bool> {
    let navigator = window().navigator();
    // `navigator.clipboard` is absent outside secure contexts.
    let writing = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .ok()
        .filter(|clipboard| !clipboard.is_undefined() && !clipboard.is_null())
        .map(|_| JsFuture::from(navigator.clipboard().write_text(text)));
    async move {
        match writing {
            Some(writing) => writing.await.is_ok(),
            None => false,
        }
    }
}
