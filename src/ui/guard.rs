//! Guards for huge and hostile input: how much of an article is analysed,
//! and what the reader sees if the app ever panics.
//!
//! Limits and their measurements: `docs/HARDENING.md`.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::state::AppState;
use super::storage::{save, DRAFT_KEY};

/// The most of an article that is analysed and drawn, in bytes of UTF-8:
/// a long book, a hundred times a long news article. Beyond it the text
/// stays in the text box, but only this much is explained: analysis and
/// drawing grow with the length, and measured in Chromium 5 MB kept the
/// page drawing for 25 s (figures in docs/HARDENING.md). Share links carry
/// at most 2 MB too.
pub const MAX_BYTES: usize = 2_000_000;

thread_local! {
    /// The limit notice for the last analysis, set before its doc is shown.
    static NOTICE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Cuts `text` to at most [`MAX_BYTES`], at a line break when there is one
/// in the last tenth, else at a char boundary, and records the notice
/// [`LimitNotice`] shows.
pub fn within_limit(mut text: String) -> String {
    let total = text.len();
    let cut = cut_point(&text, MAX_BYTES);
    NOTICE.with(|n| *n.borrow_mut() = (cut < total).then(|| limit_notice(total)));
    text.truncate(cut);
    text
}

/// Where to cut `text` so at most `max` bytes remain.
pub fn cut_point(text: &str, max: usize) -> usize {
    if text.len() <= max {
        return text.len();
    }
    let mut cut = max;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    match text[..cut].rfind('\n') {
        Some(nl) if nl + 1 >= cut - cut / 10 => nl + 1,
        _ => cut,
    }
}

/// What the reader is told about an article of `total` bytes. The size is
/// rounded up, so an article just over the limit never reads as equal to it.
pub fn limit_notice(total: usize) -> String {
    // Tenths of a megabyte in integers: float formatting would add its
    // code to the Wasm build for this one message.
    let tenths = total.div_ceil(100_000);
    format!(
        "This article is {}.{} MB; Article Explorer analyses the first {} MB. \
         The rest stays in the text box but is not highlighted or counted.",
        tenths / 10,
        tenths % 10,
        MAX_BYTES / 1_000_000,
    )
}

/// Says when only part of a long article was analysed.
#[component]
pub fn LimitNotice() -> impl IntoView {
    let state = expect_context::<AppState>();
    let notice = move || {
        // Re-read whenever a new analysis is shown.
        state.doc.track();
        NOTICE.with(|n| n.borrow().clone())
    };
    view! {
        <p class="limit-notice" data-testid="limit-message" role="status" aria-live="polite" hidden=move || notice().is_none()>
            {notice}
        </p>
    }
}

const CRASH_SAVED: &str = "Something went wrong in Article Explorer and it stopped working. \
    Your text is still in the text box and saved in this browser: reload the page to carry on with it.";
const CRASH_UNSAVED: &str = "Something went wrong in Article Explorer and it stopped working. \
    Your text is still in the text box: copy it somewhere safe, then reload the page.";

/// Logs panics to the console, saves the text area's text as the draft
/// (which a reload restores), and shows the reader a message, all with
/// plain DOM calls: the reactive system may be what panicked. The text
/// area is left alone, so the reader's text stays.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_crash_message();
    }));
}

fn show_crash_message() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    if document
        .query_selector("[data-testid=crash-message]")
        .ok()
        .flatten()
        .is_some()
    {
        return;
    }
    let saved = document
        .get_element_by_id("article-input")
        .and_then(|el| el.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        .is_some_and(|input| save(DRAFT_KEY, &input.value()).is_ok());
    let Ok(el) = document.create_element("div") else {
        return;
    };
    _ = el.set_attribute("role", "alert");
    _ = el.set_attribute("class", "crash-message");
    _ = el.set_attribute("data-testid", "crash-message");
    el.set_text_content(Some(if saved { CRASH_SAVED } else { CRASH_UNSAVED }));
    // CSSOM, not a style attribute, so the Content-Security-Policy allows it
    // even if the style sheets failed to load.
    if let Some(style) = el.dyn_ref::<web_sys::HtmlElement>().map(|e| e.style()) {
        for (name, value) in [
            ("position", "sticky"),
            ("top", "0"),
            ("z-index", "1000"),
            ("padding", "0.75rem 1rem"),
            ("background", "#8b0000"),
            ("color", "#fff"),
            ("font-weight", "bold"),
        ] {
            _ = style.set_property(name, value);
        }
    }
    _ = body.prepend_with_node_1(&el);
}

/// A self-test for the end-to-end tests: panics on purpose, so they can
/// check the crash message and that the text stays. Reachable only from
/// script the page already runs (the Content-Security-Policy allows no
/// other), which could break the page anyway.
#[wasm_bindgen(js_name = __explorerCrashTest)]
pub fn crash_test() {
    panic!("crash test requested");
}
