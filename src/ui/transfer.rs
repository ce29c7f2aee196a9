//! Taking results away and bringing articles in: exports (JSON, CSV,
//! Markdown) to download or copy, files to open or drop, and pasted web
//! pages turned into clean text.
//!
//! Pasted and imported HTML is only ever read by the inert
//! [`crate::import::html_to_article`]; it never reaches the DOM as HTML.

use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::notice::Pasted;
use super::share::{live_class, ShareBar};
use super::state::AppState;
use super::storage::{put_text, DraftNotice, Notices};
use crate::analysis::to_json;
use crate::export::{file_name, markdown_summary, quotes_csv};
use crate::import::{html_to_article, text_from_file, ImportError, MAX_FILE_BYTES};
use crate::view::Doc;

/// One kind of export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    Json,
    Csv,
    Markdown,
}

impl Export {
    pub const ALL: [Export; 3] = [Export::Json, Export::Csv, Export::Markdown];

    /// The exported text for a document.
    pub fn content(self, doc: &Doc) -> String {
        match self {
            Export::Json => to_json(&doc.text, &doc.analysis),
            Export::Csv => quotes_csv(&doc.text, &doc.analysis),
            Export::Markdown => markdown_summary(&doc.text, &doc.analysis),
        }
    }

    pub fn ext(self) -> &'static str {
        match self {
            Export::Json => "json",
            Export::Csv => "csv",
            Export::Markdown => "md",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Export::Json => "application/json",
            Export::Csv => "text/csv;charset=utf-8",
            Export::Markdown => "text/markdown;charset=utf-8",
        }
    }

    /// What the reader is told the export holds.
    pub fn label(self) -> &'static str {
        match self {
            Export::Json => "Analysis (JSON)",
            Export::Csv => "Quotes (CSV)",
            Export::Markdown => "Summary (Markdown)",
        }
    }
}

/// Share, keep and export, under the masthead.
#[component]
pub fn Takeaway() -> impl IntoView {
    let state = expect_context::<AppState>();
    let notices = expect_context::<Notices>();
    accept_drops_and_pastes(state, notices);
    view! {
        <DraftNotice/>
        <section class="takeaway" aria-label="Share, open and export">
            <ShareBar/>
            <div class="takeaway__files">
                <OpenFile/>
                <ExportBar/>
                <p class=move || live_class("takeaway__message", notices.transfer) data-testid="transfer-message" role="status" aria-live="polite">
                    {move || notices.transfer.get()}
                </p>
            </div>
        </section>
    }
}

/// "Open a file": a `.txt`, `.md` or `.html` file into the text area.
#[component]
pub fn OpenFile() -> impl IntoView {
    let state = expect_context::<AppState>();
    let notices = expect_context::<Notices>();
    let on_change = move |ev: ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            open_file(state, notices, file);
        }
        // Choosing the same file again should open it again.
        input.set_value("");
    };
    view! {
        <label class="file-button">
            "Open a file…"
            <input type="file" data-testid="open-file" class="file-button__input"
                accept=".txt,.text,.md,.markdown,.html,.htm,.xhtml,text/plain,text/markdown,text/html"
                on:change=on_change/>
        </label>
    }
}

/// Download and copy buttons for each export.
#[component]
pub fn ExportBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let notices = expect_context::<Notices>();
    let rows = Export::ALL
        .into_iter()
        .map(|kind| {
            let ext = kind.ext();
            let save = move |_| {
                let (name, content) = state
                    .doc
                    .with_untracked(|doc| (file_name(&doc.text, ext), kind.content(doc)));
                notices
                    .transfer
                    .set(Some(match download(&name, kind.mime(), &content) {
                        Ok(()) => format!("Downloaded {name}."),
                        Err(()) => "The browser refused the download.".into(),
                    }));
            };
            let copy = move |_| {
                let content = state.doc.with_untracked(|doc| kind.content(doc));
                copy_text(notices, content, kind.label());
            };
            view! {
                <span class="export">
                    <span class="export__label">{kind.label()}</span>
                    <button type="button" data-testid=format!("export-{ext}") on:click=save
                        aria-label=format!("Download {}", kind.label())>"Download"</button>
                    <button type="button" data-testid=format!("copy-{ext}") on:click=copy
                        aria-label=format!("Copy {}", kind.label())>"Copy"</button>
                </span>
            }
        })
        .collect_view();
    let save_article = move |_| {
        notices.transfer.set(Some(match download_article(state) {
            Ok(name) => format!("Downloaded {name}."),
            Err(()) => "The browser refused the download.".into(),
        }));
    };
    view! {
        <div class="exports" role="group" aria-label="Export">
            <span class="export">
                <span class="export__label">"Article (.txt)"</span>
                <button type="button" data-testid="export-txt" on:click=save_article
                    aria-label="Download the article as a text file">"Download"</button>
            </span>
            {rows}
        </div>
    }
}

/// Saves the article as typed (a cap on analysis may have shortened the
/// view, not the reader's text) as a `.txt` file; gives the file's name.
pub fn download_article(state: AppState) -> Result<String, ()> {
    let text = match state.input.get_untracked() {
        Some(input) => input.value(),
        None => state.doc.with_untracked(|doc| doc.text.clone()),
    };
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

fn copy_text(notices: Notices, content: String, label: &'static str) {
    let writing = write_clipboard(&content);
    spawn_local(async move {
        let copied = writing.await;
        notices.transfer.set(Some(match copied {
            true => format!("{label} copied."),
            false => format!("The browser did not allow copying; download the {label} instead."),
        }));
    });
}

/// Reads a chosen or dropped file into the text area, or says why not.
fn open_file(state: AppState, notices: Notices, file: web_sys::File) {
    let name = file.name();
    let size = file.size() as usize;
    if size > MAX_FILE_BYTES {
        let err = ImportError::TooLarge {
            len: size,
            limit: MAX_FILE_BYTES,
        };
        notices.transfer.set(Some(err.to_string()));
        return;
    }
    notices.transfer.set(Some(format!("Opening {name}…")));
    spawn_local(async move {
        let bytes = match JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
            Err(_) => {
                notices
                    .transfer
                    .set(Some(format!("{name} could not be read.")));
                return;
            }
        };
        match text_from_file(&name, &bytes) {
            Ok(text) => {
                put_text(state, &text);
                notices.transfer.set(Some(format!("Opened {name}.")));
            }
            Err(err) => notices.transfer.set(Some(err.to_string())),
        }
    });
}

/// Files dropped anywhere on the page open; web pages pasted into the text
/// area arrive as clean text.
fn accept_drops_and_pastes(state: AppState, notices: Notices) {
    let has_files = |ev: &web_sys::DragEvent| {
        ev.data_transfer()
            .is_some_and(|data| data.types().includes(&JsValue::from_str("Files"), 0))
    };
    // The page shows it will take the file while one is dragged over it.
    let dropping = |on: bool| {
        if let Some(root) = document().document_element() {
            _ = root.class_list().toggle_with_force("is-dropping", on);
        }
    };
    let over = window_event_listener(ev::dragover, move |ev| {
        if has_files(&ev) {
            // Without this the browser would open the file in place of the app.
            ev.prevent_default();
            dropping(true);
        }
    });
    let leave = window_event_listener(ev::dragleave, move |ev| {
        // Leaving the window, not just one element for another.
        if ev.related_target().is_none() {
            dropping(false);
        }
    });
    let drop = window_event_listener(ev::drop, move |ev| {
        dropping(false);
        let file = ev
            .data_transfer()
            .and_then(|data| data.files())
            .and_then(|files| files.get(0));
        if let Some(file) = file {
            ev.prevent_default();
            open_file(state, notices, file);
        }
    });
    let pasted = use_context::<Pasted>();
    let paste = window_event_listener(ev::paste, move |ev| paste_html(state, pasted, &ev));
    on_cleanup(move || {
        over.remove();
        leave.remove();
        drop.remove();
        paste.remove();
    });
}

/// A paste holding HTML into the text area: the article's clean text goes
/// in instead.
fn paste_html(state: AppState, pasted: Option<Pasted>, ev: &web_sys::ClipboardEvent) {
    let Some(input) = state.input.get_untracked() else {
        return;
    };
    let into_input = ev
        .target()
        .is_some_and(|target| JsValue::from(target) == JsValue::from(input.clone()));
    if !into_input {
        return;
    }
    let html = ev
        .clipboard_data()
        .and_then(|data| data.get_data("text/html").ok())
        .unwrap_or_default();
    if html.trim().is_empty() {
        return;
    }
    // A whole page gives its article; the notice keeps the page.
    let article = html_to_article(&html);
    let text = article.text.clone();
    if text.trim().is_empty() {
        // Nothing readable (an image, say): let the plain text, if any, through.
        return;
    }
    if let Some(pasted) = pasted {
        pasted.remember(html, article.text, article.left_out);
    }
    ev.prevent_default();
    _ = input.focus();
    // insertText keeps the browser's undo history and fires `input`.
    let inserted = document()
        .dyn_into::<web_sys::HtmlDocument>()
        .ok()
        .and_then(|doc| {
            doc.exec_command_with_show_ui_and_value("insertText", false, &text)
                .ok()
        })
        .unwrap_or(false);
    if !inserted {
        let start = input.selection_start().ok().flatten().unwrap_or(0);
        let end = input.selection_end().ok().flatten().unwrap_or(start);
        _ = input.set_range_text_with_start_and_end(&text, start, end);
        let caret = start + text.encode_utf16().count() as u32;
        _ = input.set_selection_range(caret, caret);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        if let Ok(event) = web_sys::Event::new_with_event_init_dict("input", &init) {
            _ = input.dispatch_event(&event);
        }
    }
}
