//! The Leptos web app (wasm32 only). Components wire the pure
//! [`crate::view`] model to the DOM; logic lives in plain functions.
//!
//! - `state`: the shared signals (`AppState`), provided as context.
//! - `editor`: text area, buttons, status, debounced re-analysis.
//! - `article` and `render`: the highlighted article, tooltip, navigation.
//! - `panels`: selected actor, actors, quotes, lists, outline.
//! - `charts`: the overview strip and who-is-quoted chart (SVG).
//! - `share`, `storage`, `transfer`, `offline`: share links, the kept
//!   draft, exports and file import, the service worker.
//! - `notice`: what was done to pasted text (unwrapped, page cleaned),
//!   with the way back to the text as pasted.

mod article;
mod charts;
pub mod deflate;
mod editor;
mod guard;
mod notice;
mod offline;
mod panels;
mod render;
mod share;
mod state;
mod storage;
mod transfer;

pub use article::{go_to, step_mention, ArticleView, Tooltip};
pub use charts::{Overview, QuoteChart};
pub use editor::{schedule, Editor, Status};
pub use notice::{PasteNotice, Pasted};
pub use panels::{ActorPanel, ListPanel, OutlinePanel, QuotePanel, SelectedPanel};
pub use state::{AppState, Target, Tip};
pub use storage::Notices;
pub use transfer::{Export, Takeaway};

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Mounts the app on `<body>`: a shared link's article, else the saved
/// draft, else the sample, analysed.
pub fn mount() {
    guard::install_panic_hook();
    leptos::mount::mount_to_body(|| {
        provide_context(share::start());
        view! { <App/> }
    });
    offline::register_service_worker();
}

/// The whole page. Expects an [`AppState`] in context.
#[component]
pub fn App() -> impl IntoView {
    let state = expect_context::<AppState>();
    provide_context(Pasted::new());
    let keys = window_event_listener(ev::keydown, move |ev| on_key(state, &ev));
    // The tooltip is placed in viewport pixels: on scroll it follows its
    // mention, or goes.
    let scroll = window_event_listener(ev::scroll, move |_| article::follow_scroll(state));
    on_cleanup(move || {
        keys.remove();
        scroll.remove();
    });
    view! {
        <a class="skip-link" href="#article">"Skip to the article"</a>
        <a class="skip-link" href="#explore">"Skip to the explorer panel"</a>
        <header class="masthead">
            <h1 class="masthead__title">"Article Explorer"</h1>
            <p class="masthead__tagline">"Paste a news article: see who is in it, who says what, and what is listed."</p>
        </header>
        <Takeaway/>
        <main class="layout">
            <Editor/>
            <Explorer/>
        </main>
        <Tooltip/>
    }
}

/// The explained article with its toolbar and side panel.
#[component]
pub fn Explorer() -> impl IntoView {
    view! {
        <section class="reader" aria-label="Explained article">
            <Toolbar/>
            <Overview/>
            <PasteNotice/>
            <ArticleView/>
        </section>
        <aside class="sidebar" id="explore" tabindex="-1" aria-label="Explore the article">
            <SelectedPanel/>
            <ActorPanel/>
            <QuotePanel/>
            <ListPanel/>
            <QuoteChart/>
            <OutlinePanel/>
            <Shortcuts/>
        </aside>
    }
}

/// Layer switches and the legend.
#[component]
pub fn Toolbar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let toggle = move |signal: RwSignal<bool>,
                       testid: &'static str,
                       label: &'static str,
                       key: &'static str,
                       swatch: &'static str| {
        view! {
            <label class="toggle">
                <input type="checkbox" role="switch" data-testid=testid
                    prop:checked=move || signal.get()
                    aria-keyshortcuts=key
                    on:change=move |ev| signal.set(event_target_checked(&ev))/>
                <span class=format!("legend-key {swatch}") aria-hidden="true">"Aa"</span>
                {label}
                <kbd class="toggle__key">{key}</kbd>
            </label>
        }
    };
    view! {
        <div class="toolbar" role="group" aria-label="Highlight layers and legend">
            {toggle(state.show_actors, "toggle-actors", "Actors", "1", "legend-key--actor")}
            {toggle(state.show_quotes, "toggle-quotes", "Quotes", "2", "legend-key--quote")}
            {toggle(state.show_lists, "toggle-lists", "Lists", "3", "legend-key--item")}
            <p class="toolbar__note muted small">
                "Each actor keeps its colour everywhere. A "
                <span class="legend-key legend-key--anonymous">"dashed"</span>
                " underline marks an anonymous source, a "
                <span class="legend-key legend-key--lead">"dotted"</span>
                " one the sentence leading into a list; a quote ends with its speaker’s badge."
            </p>
        </div>
    }
}

/// The keyboard shortcuts, as shown to the reader.
pub const SHORTCUTS: [(&str, &str); 8] = [
    (
        "Tab",
        "move through each name's first mention, buttons and switches",
    ),
    ("Enter", "on a highlighted name: select that actor"),
    ("N / J", "next mention of the selected actor"),
    ("P / K", "previous mention"),
    ("Esc", "clear the selection"),
    ("1 · 2 · 3", "show or hide actors · quotes · lists"),
    ("E", "edit the article text"),
    ("A", "go to the article"),
];

#[component]
pub fn Shortcuts() -> impl IntoView {
    let rows = SHORTCUTS
        .iter()
        .map(|&(keys, what)| view! { <dt><kbd>{keys}</kbd></dt><dd>{what}</dd> })
        .collect_view();
    view! {
        <section class="panel panel--shortcuts" aria-labelledby="keys-h">
            <h2 id="keys-h" class="panel__title">"Keyboard"</h2>
            <dl class="shortcuts">{rows}</dl>
        </section>
    }
}

/// Page-wide shortcuts. Letters are left alone while typing in a field.
fn on_key(state: AppState, ev: &web_sys::KeyboardEvent) {
    if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
        return;
    }
    let key = ev.key();
    if key == "Escape" {
        state.clear();
        return;
    }
    let in_field = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "TEXTAREA" | "INPUT" | "SELECT")
                && el.get_attribute("type").as_deref() != Some("checkbox")
        });
    if in_field {
        return;
    }
    let toggle = |signal: RwSignal<bool>| signal.update(|on| *on = !*on);
    match key.as_str() {
        "n" | "j" => step_mention(state, true),
        "p" | "k" => step_mention(state, false),
        "1" => toggle(state.show_actors),
        "2" => toggle(state.show_quotes),
        "3" => toggle(state.show_lists),
        "e" => {
            if let Some(input) = state.input.get_untracked() {
                ev.prevent_default();
                _ = input.focus();
            }
        }
        "a" => {
            if let Some(article) = state.article.get_untracked() {
                ev.prevent_default();
                _ = article.set_attribute("tabindex", "-1");
                _ = article.focus();
            }
        }
        _ => {}
    }
}
