//! The notice above the article when the text was not taken as pasted:
//! hard-wrapped lines joined into paragraphs, or a web page whose
//! navigation and ads were left out. One click shows the text as it was
//! pasted; for a web page, another puts the whole page's text back.
//!
//! The pasted HTML is kept in memory only, and shown as text in a `<pre>`
//! (a text node): it never reaches the DOM as HTML.

use leptos::prelude::*;

use super::state::AppState;
use super::storage::put_text;
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
    let pasted = use_context::<Pasted>().unwrap_or_default().0;
    let open = RwSignal::new(false);
    // The pasted page while the article made of it is still in the text.
    let page = Memo::new(move |_| {
        let doc = state.doc.get();
        pasted.with(|p| {
            p.as_ref()
                .filter(|p| doc.text.contains(p.text.as_str()))
                .map(|p| p.left_out)
        })
    });
    let reflow = Memo::new(move |_| state.doc.with(|doc| reflow_notice(doc.analysis.reflow)));
    let shown = move || page.get().is_some() || reflow.get().is_some();
    let keep_all = move |_| {
        let Some(html) = pasted.with_untracked(|p| p.as_ref().map(|p| p.html.clone())) else {
            return;
        };
        pasted.set(None);
        open.set(false);
        put_text(state, &html_to_text(&html));
    };
    // What was pasted: the page's HTML as text, or the wrapped text itself
    // (the text area holds it as pasted).
    let raw = move || match page.get() {
        Some(_) => pasted.with(|p| p.as_ref().map(|p| p.html.clone()).unwrap_or_default()),
        None => state.doc.with(|doc| doc.text.clone()),
    };
    view! {
        <Show when=shown>
            <div class="notice notice--paste" data-testid="paste-notice" role="status">
                {move || page.get().map(|left_out| view! {
                    <p class="notice__text" data-testid="cleaned-notice">{cleaned_notice(left_out)}</p>
                })}
                {move || reflow.get().map(|text| view! {
                    <p class="notice__text" data-testid="reflow-notice">{text}</p>
                })}
                <button type="button" class="button--quiet" data-testid="show-pasted"
                    aria-expanded=move || open.get().to_string()
                    on:click=move |_| open.update(|o| *o = !*o)>
                    {move || if open.get() { "Hide the text as pasted" } else { "See the text as pasted" }}
                </button>
                {move || page.get().is_some().then(|| view! {
                    <button type="button" class="button--quiet" data-testid="keep-whole-page"
                        on:click=keep_all>"Use the whole page"</button>
                })}
                {move || open.get().then(|| view! {
                    <pre class="notice__raw" data-testid="pasted-raw" tabindex="0"
                        aria-label="The text as pasted">{raw}</pre>
                })}
            </div>
        </Show>
    }
}
