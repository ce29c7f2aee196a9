//! The notice above the article when the text was not taken as pasted:
//! hard-wrapped lines joined into paragraphs, or a web page whose
//! navigation and ads were left out. One click shows the text as it was
//! pasted; for a web page, another puts the whole page's text back.
//!
//! The pasted HTML is kept in memory only, and shown as text in a `<pre>`
//! (a text node): it never reaches the DOM as HTML.

use leptos::prelude::*;

use super::editor::replace_text;
use super::state::AppState;
use super::storage::{Notices, Replaced};
use crate::import::html_to_text;
use crate::view::{cleaned_notice, reflow_notice};

/// The last web page pasted as HTML, provided as context.
#[derive(Clone, Copy)]
pub struct Pasted(pub RwSignal<Option<PastedPage>>);

impl Pasted {
    pub fn new() -> Pasted {
        Pasted(RwSignal::new(None))
    }
}

impl Default for Pasted {
    fn default() -> Pasted {
        Pasted::new()
    }
}

/// A pasted page and what was made of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PastedPage {
    /// The clipboard's HTML, as it came.
    pub html: String,
    /// The article text that went into the text area.
    pub text: String,
    /// Lines of the page left out.
    pub left_out: usize,
}

impl Pasted {
    /// Remembers a pasted page, for the notice.
    pub fn remember(self, html: String, text: String, left_out: usize) {
        self.0.set(Some(PastedPage {
            html,
            text,
            left_out,
        }));
    }
}

/// "Joined 31 wrapped lines into 9 paragraphs", "Kept the article, left
/// out 14 lines…", each with the way back to the text as pasted.
#[component]
pub fn PasteNotice() -> impl IntoView {
    let state = expect_context::<AppState>();
    let notices = expect_context::<Notices>();
    let pasted = use_context::<Pasted>().unwrap_or_default().0;
    let open = RwSignal::new(false);
    let keep_all = move |_| {
        let Some(html) = pasted.with_untracked(|p| p.as_ref().map(|p| p.html.clone())) else {
            return;
        };
        pasted.set(None);
        open.set(false);
        replace_text(state, notices, &html_to_text(&html), Replaced::Page);
    };
    // Plain closures rather than memos: each memo of a new type costs the
    // Wasm build generic code, and these are cheap to recompute.
    move || {
        let doc = state.doc.get();
        // The pasted page, while the article made of it is still the text.
        let page = pasted.with(|p| {
            p.as_ref()
                .filter(|p| doc.text.contains(p.text.as_str()))
                .map(|p| (p.left_out, p.html.clone()))
        });
        let reflow = reflow_notice(doc.analysis.reflow);
        if page.is_none() && reflow.is_none() {
            return None;
        }
        let is_page = page.is_some();
        let cleaned = page.as_ref().map(|(left_out, _)| cleaned_notice(*left_out));
        // What was pasted: the page's HTML as text, or the wrapped text
        // itself (the text area holds it as pasted).
        let raw = page.map_or_else(|| doc.text.clone(), |(_, html)| html);
        let messages = cleaned
            .map(|text| ("cleaned-notice", text))
            .into_iter()
            .chain(reflow.map(|text| ("reflow-notice", text)))
            .map(|(testid, text)| view! { <p class="notice__text" data-testid=testid>{text}</p> })
            .collect_view();
        Some(view! {
            <div class="notice notice--paste" data-testid="paste-notice" role="status">
                {messages}
                <button type="button" class="button--quiet" data-testid="show-pasted"
                    aria-expanded=move || open.get().to_string()
                    on:click=move |_| open.update(|o| *o = !*o)>
                    {move || if open.get() { "Hide the text as pasted" } else { "See the text as pasted" }}
                </button>
                <button type="button" class="button--quiet" data-testid="keep-whole-page"
                    hidden=!is_page on:click=keep_all>"Use the whole page"</button>
                <pre class="notice__raw" data-testid="pasted-raw" tabindex="0" hidden=move || !open.get()
                    aria-label="The text as pasted">{move || open.get().then(|| raw.clone())}</pre>
            </div>
        })
    }
}
