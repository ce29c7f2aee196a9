//! The Leptos web app (wasm32 only). Components wire the pure
//! [`crate::view`] model to the DOM; logic lives in plain functions.
//!
//! State flows one way: `state` and `storage` know no component;
//! `guard`, `browser` and `deflate` sit on them; `editor` owns the text
//! area and every change of its text; `history`, `share` and `transfer`
//! replace the text only through the editor; the page (`App` here) puts
//! them together.
//!
//! - `state`: the shared signals (`AppState`), provided as context.
//! - `storage`: the draft and the kept texts in localStorage, `Notices`.
//! - `editor`: text area, replacing its text undoably, status, re-analysis.
//! - `history`: bringing back replaced texts.
//! - `article` and `render`: the highlighted article, tooltip, navigation.
//! - `panels`: selected actor, actors, quotes, lists, outline, phone tabs.
//! - `charts`: the overview strip and who-is-quoted chart.
//! - `share`, `transfer`, `browser`: share links, exports and file
//!   import, downloads and the clipboard.
//! - `keys`: keyboard shortcuts; `offline`: the service worker; `guard`:
//!   the size limit and the panic message.
//! - `notice`: what was done to pasted text (unwrapped, page cleaned),
//!   with the way back to the text as pasted.

mod article;
mod browser;
mod charts;
pub mod deflate;
mod editor;
mod guard;
mod history;
mod keys;
mod notice;
mod offline;
mod panels;
mod render;
mod share;
mod state;
mod storage;
mod transfer;

pub use article::{go_to, show_actor, step_mention, ArticleView, Tooltip};
pub use charts::{Overview, QuoteChart};
pub use editor::{replace_text, schedule, Editor, Status};
pub use keys::{Shortcuts, SHORTCUTS};
pub use notice::{PasteNotice, Pasted};
pub use panels::{ActorPanel, ListPanel, OutlinePanel, PaneTabs, QuotePanel, SelectedPanel};
pub use share::ShareLink;
pub use state::{AppState, Pane, Target, Tip, TipOf};
pub use storage::{Notices, Replaced};
pub use transfer::Export;

use leptos::ev;
use leptos::prelude::*;

use guard::LimitNotice;
use history::{EarlierTexts, KeptNotice, RestorePrevious};
use keys::{edit, on_key};
use panels::SheetHead;
use share::{ShareButton, SharePanel};
use transfer::{ExportMenu, OpenFile, TransferMessage};

/// Mounts the app on `<body>`, in place of the loading shell: a shared
/// link's article, else the saved draft, else the sample, analysed.
pub fn mount() {
    guard::install_panic_hook();
    if let Some(shell) = document().get_element_by_id("loading-shell") {
        shell.remove();
    }
    leptos::mount::mount_to_body(|| {
        provide_context(share::start());
        view! { <App/> }
    });
    offline::register_service_worker();
}

/// The whole page. Expects an [`AppState`] and [`Notices`] in context.
#[component]
pub fn App() -> impl IntoView {
    let state = expect_context::<AppState>();
    provide_context(ShareLink::new());
    provide_context(Pasted::new());
    let keys = window_event_listener(ev::keydown, move |ev| on_key(state, &ev));
    // The tooltip is placed in viewport pixels: on scroll it follows its
    // mention, or goes.
    let scroll = window_event_listener(ev::scroll, move |_| article::follow_scroll(state));
    on_cleanup(move || {
        keys.remove();
        scroll.remove();
    });
    let layout_class = move || match state.editing.get() {
        true => "layout is-editing",
        false => "layout",
    };
    view! {
        <a class="skip-link" href="#article">"Skip to the article"</a>
        <a class="skip-link" href="#explore">"Skip to the explorer panel"</a>
        <Masthead/>
        <section class="messages" aria-label="Messages">
            <SharePanel/>
            <TransferMessage/>
            <StorageMessage/>
            <KeptNotice/>
        </section>
        <main class=layout_class>
            <Editor>
                <OpenFile/>
                <RestorePrevious/>
                <EarlierTexts/>
            </Editor>
            <Explorer/>
        </main>
        <PaneTabs/>
        <Tooltip/>
    }
}

/// The slim header: the name, and the few actions (edit, share, export).
#[component]
pub fn Masthead() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <header class="masthead">
            <div class="masthead__brand">
                <h1 class="masthead__title">"Article Explorer"</h1>
                <p class="masthead__tagline">"See who is in a news article, who says what, and what is listed."</p>
            </div>
            <div class="masthead__actions" role="group" aria-label="Article">
                <button type="button" class="masthead__edit" data-testid="edit-text"
                    aria-controls="editor" aria-expanded=move || state.editing.get().to_string()
                    on:click=move |_| match state.editing.get_untracked() {
                        true => state.editing.set(false),
                        false => edit(state),
                    }>"Edit text"</button>
                <ShareButton/>
                <ExportMenu/>
            </div>
        </header>
    }
}

/// Why the browser is not keeping the article, when it is not.
#[component]
fn StorageMessage() -> impl IntoView {
    let notices = expect_context::<Notices>();
    view! {
        <div data-testid="storage-message" role="status" aria-live="polite">
            {move || notices.storage.get().map(|problem| view! { <p class="notice notice--warning">{problem.message()}</p> })}
        </div>
    }
}

/// The explained article with its toolbar, and the side panel (a sheet
/// over the article on a phone).
#[component]
pub fn Explorer() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <section class="reader" aria-label="Explained article">
            <Toolbar/>
            <LimitNotice/>
            <Welcome/>
            <PasteNotice/>
            <ArticleView/>
        </section>
        // `data-pane` names the pane open in the phone's sheet, if any.
        <aside class="sidebar" id="explore" tabindex="-1" aria-label="Explore the article"
            data-pane=move || state.pane.get().map(Pane::as_str)
            on:keydown=move |ev: ev::KeyboardEvent| {
                if ev.key() == "Escape" && state.pane.get_untracked().is_some() {
                    ev.stop_propagation();
                    state.pane.set(None);
                }
            }>
            <SheetHead/>
            <SelectedPanel/>
            <ActorPanel/>
            <QuotePanel/>
            <QuoteChart/>
            <ListPanel/>
            <OutlinePanel/>
            <Overview/>
            <Shortcuts/>
        </aside>
    }
}

/// Above the article: the sample's label and the call to paste one's own
/// article, or, with no text, what to do first.
#[component]
pub fn Welcome() -> impl IntoView {
    let state = expect_context::<AppState>();
    let notices = expect_context::<Notices>();
    let paste = move |_| {
        edit(state);
        // Selected, so a paste replaces the sample (and Ctrl+Z brings it back).
        request_animation_frame(move || {
            if let Some(input) = state.input.get_untracked() {
                input.select();
            }
        });
    };
    let sample = move || state.doc.with(|doc| doc.text == crate::SAMPLE);
    let empty = move || state.doc.with(|doc| doc.text.trim().is_empty());
    move || {
        let (sample, empty) = (sample(), empty());
        (sample || empty).then(|| view! {
            <div class="welcome" data-testid="welcome">
                <p class="welcome__text">
                    {match sample {
                        true => "A sample article.",
                        false => "Paste a news article to see who is in it, who says what, and what is listed.",
                    }}
                </p>
                <button type="button" class="button--primary" data-testid="paste-own" on:click=paste>"Paste your article"</button>
                {empty.then(|| view! {
                    <button type="button" data-testid="welcome-sample"
                        on:click=move |_| replace_text(state, notices, crate::SAMPLE, Replaced::Sample)>"Show the sample"</button>
                })}
            </div>
        })
    }
}

/// The status line, the layer switches and the legend.
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
            </label>
        }
    };
    view! {
        <div class="toolbar">
            <Status/>
            <div class="toolbar__switches" role="group" aria-label="Highlight layers">
                {toggle(state.show_actors, "toggle-actors", "Actors", "1", "legend-key--actor")}
                {toggle(state.show_quotes, "toggle-quotes", "Quotes", "2", "legend-key--quote")}
                {toggle(state.show_lists, "toggle-lists", "Lists", "3", "legend-key--item")}
            </div>
            <details class="legend" data-testid="legend">
                <summary>"What the marks mean"</summary>
                <p class="muted small">
                    "Each actor keeps its colour everywhere. A "
                    <span class="legend-key legend-key--anonymous">"dashed"</span>
                    " underline marks an anonymous source, a "
                    <span class="legend-key legend-key--lead">"dotted"</span>
                    " one the sentence leading into a list. A quote ends with its speaker’s badge; "
                    <span class="legend-key legend-key--uncertain">"Name?"</span>
                    " in a dashed badge means the speaker was inferred (from a pronoun, a nearby sentence or the previous quote), not named at the quote."
                </p>
            </details>
        </div>
    }
}
