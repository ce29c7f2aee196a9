//! Registers the service worker (`sw.js`, beside the page) so the app
//! works offline after the first visit and picks up new releases.
//!
//! The URL is relative, so the app works under any sub-path. Where service
//! workers are unavailable (plain http, some private windows) the app
//! simply works online only.

use leptos::task::spawn_local;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

pub fn register_service_worker() {
    let navigator = leptos::prelude::window().navigator();
    // `navigator.serviceWorker` is absent outside secure contexts.
    if !js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false) {
        return;
    }
    let registration = navigator.service_worker().register("./sw.js");
    spawn_local(async move {
        // A refusal only means no offline copy; awaiting keeps it from
        // surfacing as an unhandled rejection.
        _ = JsFuture::from(registration).await;
    });
}
