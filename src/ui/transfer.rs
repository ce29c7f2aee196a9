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

use super::browser::{article_text, download, write_clipboard};
use super::editor::replace_text;
use super::notice::Pasted;
use super::share::live_class;
use super::state::AppState;
use super::storage::{Notices, Replaced};
use crate::analysis::to_json;
use crate::export::{file_name, markdown_summary, quotes_csv, UTF8_BOM};
use crate::import::{html_to_article, text_from_file, ImportError, MAX_FILE_BYTES};

/// One kind of export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    /// The article itself, as typed.
    Text,
    Json,
    Csv,
    Markdown,
}

impl Export {
    pub const ALL: [Export; 4] = [Export::Text, Export::Json, Export::Csv, Export::Markdown];

    /// The exported text for what is on screen.
    pub fn content(self, state: AppState) -> String {
        if self == Export::Text {
            return article_text(state);
        }
        state.doc.with_untracked(|doc| match self {
            Export::Json => to_json(&doc.text, &doc.analysis),
            Export::Csv => quotes_csv(&doc.text, &doc.analysis),
            _ => markdown_summary(&doc.text, &doc.analysis),
        })
    }

    /// The content of a downloaded file: a CSV starts with a byte order
    /// mark, so spreadsheets read its accented names as UTF-8.
    pub fn file_content(self, state: AppState) -> String {
        match self {
            Export::Csv => format!("{UTF8_BOM}{}", self.content(state)),
            _ => self.content(state),
        }
    }

    pub fn ext(self) -> &'static str {
        match self {
            Export::Text => "txt",
            Export::Json => "json",
            Export::Csv => "csv",
            Export::Markdown => "md",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Export::Text => "text/plain;charset=utf-8",
            Export::Json => "application/json",
            Export::Csv => "text/csv;charset=utf-8",
            Export::Markdown => "text/markdown;charset=utf-8",
        }
    }

    /// What the reader is told the export holds.
    pub fn label(self) -> &'static str {
        match self {
            Export::Text => "Article (.txt)",
            Export::Json => "Analysis (JSON)",
            Export::Csv => "Quotes (CSV)",
            Export::Markdown => "Summary (Markdown)",
        }
    }
}

/// What the last export, copy or opened file did.
#[component]
pub fn TransferMessage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let notices = expect_context::<Notices>();
    accept_drops_and_pastes(state, notices);
    view! {
        <p class=move || live_class("transfer-message", notices.transfer) data-testid="transfer-message" role="status" aria-live="polite">
            {move || notices.transfer.get()}
        </p>
    }
}

/// "Open a file…": a `.txt`, `.md` or `.html` file into the text area.
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

/// "Export": one menu of the four formats, each to download or copy.
#[component]
pub fn ExportMenu() -> impl IntoView {
    let state = expect_context::<AppState>();
    let notices = expect_context::<Notices>();
    let open = RwSignal::new(false);
    let menu = NodeRef::<leptos::html::Div>::new();
    let button = NodeRef::<leptos::html::Button>::new();
    let close = move |refocus: bool| {
        open.set(false);
        if let Some(button) = button.get_untracked().filter(|_| refocus) {
            _ = button.focus();
        }
    };
    // A click anywhere else closes the menu.
    let outside = window_event_listener(ev::click, move |ev| {
        if !open.get_untracked() {
            return;
        }
        let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        let inside = menu
            .get_untracked()
            .is_some_and(|menu| menu.contains(target.as_ref()));
        if !inside {
            open.set(false);
        }
    });
    on_cleanup(move || outside.remove());
    let rows = Export::ALL
        .into_iter()
        .map(|kind| {
            let ext = kind.ext();
            let save = move |_| {
                let name = file_name(&article_text(state), ext);
                let content = kind.file_content(state);
                notices
                    .transfer
                    .set(Some(match download(&name, kind.mime(), &content) {
                        Ok(()) => format!("Downloaded {name}."),
                        Err(()) => "The browser refused the download.".into(),
                    }));
                close(true);
            };
            let copy = move |_| {
                copy_text(notices, kind.content(state), kind.label());
                close(true);
            };
            view! {
                <li class="export">
                    <span class="export__label">{kind.label()}</span>
                    <button type="button" data-testid=format!("export-{ext}") on:click=save
                        aria-label=format!("Download {}", kind.label())>"Download"</button>
                    <button type="button" data-testid=format!("copy-{ext}") on:click=copy
                        aria-label=format!("Copy {}", kind.label())>"Copy"</button>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="menu" node_ref=menu
            on:keydown=move |ev: ev::KeyboardEvent| {
                if ev.key() == "Escape" && open.get_untracked() {
                    // Closes the menu only; the page's Escape would also
                    // clear the selection.
                    ev.stop_propagation();
                    close(true);
                }
            }>
            <button type="button" class="menu__button" data-testid="export-menu" node_ref=button
                aria-expanded=move || open.get().to_string() aria-controls="export-panel"
                disabled=move || !state.has_text()
                on:click=move |_| open.update(|open| *open = !*open)>"Export"</button>
            <div class="menu__panel" id="export-panel" hidden=move || !open.get()>
                <p class="menu__title">"Download or copy"</p>
                <ul class="plain exports" aria-label="Export formats">{rows}</ul>
            </div>
        </div>
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
                replace_text(state, notices, &text, Replaced::File);
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
