//! Share links: the article and the view travel in the URL fragment
//! ([`crate::share`]), which browsers never send to a server.
//!
//! Opening a link shows its article with the same selection and layers;
//! the reader's own text joins the kept texts (see [`super::storage`]) and
//! one click restores it. A damaged link only shows why it cannot be opened: what was on
//! screen stays.

use gloo_timers::future::TimeoutFuture;
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::browser::{article_text, download_article, write_clipboard};
use super::deflate::{deflate, inflate};
use super::editor::{put_text, set_input};
use super::guard::{within_limit, MAX_BYTES};
use super::state::AppState;
use super::storage::{self, keep_drafts, keep_text, Notices, Replaced, DRAFT_KEY, SINGLE_KEYS_KEY};
use crate::analysis::{analyze, ActorId};
use crate::share::{self, unpack, Layers, Packed, ShareError, SharedView};
use crate::view::Doc;
use crate::SAMPLE;

/// Fragments this short that are not share links are in-page anchors
/// (`#article`), not damaged links, and are left alone.
const ANCHOR_MAX_LEN: usize = 40;

/// The app's starting state: a shared link's view if the address holds
/// one, else the saved draft, else the sample. Provides [`Notices`] and
/// starts keeping drafts.
pub fn start() -> AppState {
    let notices = Notices::new();
    provide_context(notices);
    let draft = match storage::load(DRAFT_KEY) {
        Ok(draft) => draft,
        Err(problem) => {
            notices.storage.set(Some(problem));
            None
        }
    };
    notices.history.set(storage::load_history());
    notices
        .saved
        // With no draft the sample is on screen, and needs no saving.
        .set_value(storage::text_hash(draft.as_deref().unwrap_or(SAMPLE)));
    // The draft shows first; a link in the address replaces it once the
    // browser has inflated it (a few milliseconds), and a damaged link
    // leaves it on screen.
    let state = starting_with(draft.as_deref().unwrap_or(SAMPLE));
    if storage::load(SINGLE_KEYS_KEY).ok().flatten().as_deref() == Some("off") {
        state.single_keys.set(false);
    }
    open_link_in_place(state, notices);
    keep_drafts(state, notices);
    state
}

/// A state showing `text`. A text over the analysis limit goes through the
/// editor once it is on the page, which analyses only the part within the
/// limit and says so, while the text area keeps all of it.
fn starting_with(text: &str) -> AppState {
    if text.len() <= MAX_BYTES {
        return AppState::analysed(text);
    }
    let state = AppState::analysed("");
    state.editing.set(false);
    let pending = StoredValue::new(Some(text.to_string()));
    Effect::new(move |_| {
        if state.input.get().is_some() {
            // A tick later: the text area takes its first value after it
            // is known, and that would overwrite this one.
            spawn_local(async move {
                TimeoutFuture::new(0).await;
                if let Some(text) = pending.try_update_value(Option::take).flatten() {
                    put_text(state, &text);
                }
            });
        }
    });
    state
}

/// What is on screen, as a link would carry it.
fn view_of(state: AppState) -> SharedView {
    state.doc.with_untracked(|doc| SharedView {
        text: doc.text.clone(),
        selected: state.selected.get_untracked().map(|id| id.0),
        layers: Layers {
            actors: state.show_actors.get_untracked(),
            quotes: state.show_quotes.get_untracked(),
            lists: state.show_lists.get_untracked(),
        },
    })
}

/// The share link for a view, or why there cannot be one.
pub async fn link_for(view: &SharedView) -> Result<String, String> {
    let payload = share::payload(view);
    let deflated = deflate(&payload).await.map_err(|_| {
        "This browser cannot make share links (it has no CompressionStream); \
         download the article as a file instead."
            .to_string()
    })?;
    let fragment = share::fragment(&payload, &deflated).map_err(|too_long| too_long.to_string())?;
    Ok(format!("{}#{fragment}", page_address()))
}

/// The link made by the last "Share", and whether the article was too
/// long for one; shared by the button and the panel that shows the link.
#[derive(Clone, Copy)]
pub struct ShareLink {
    pub link: RwSignal<Option<String>>,
    pub too_long: RwSignal<bool>,
}

impl ShareLink {
    pub fn new() -> ShareLink {
        ShareLink {
            link: RwSignal::new(None),
            too_long: RwSignal::new(false),
        }
    }
}

impl Default for ShareLink {
    fn default() -> ShareLink {
        ShareLink::new()
    }
}

/// "Share": makes the link, with the article and the view inside it, and
/// copies it. Expects a [`ShareLink`] in context, which [`SharePanel`] shows.
#[component]
pub fn ShareButton() -> impl IntoView {
    let state = expect_context::<AppState>();
    let notices = expect_context::<Notices>();
    let made = expect_context::<ShareLink>();
    let copy = move |_| {
        let view = view_of(state);
        notices.share.set(Some("Making the link…".into()));
        // The browser still counts the copy as the reader's own action: the
        // link takes milliseconds to make, well within the click's grace.
        spawn_local(async move {
            match link_for(&view).await {
                Ok(url) => {
                    made.too_long.set(false);
                    made.link.set(Some(url.clone()));
                    let copied = write_clipboard(&url).await;
                    let n = url.chars().count();
                    notices.share.set(Some(match copied {
                        true => format!("Link copied ({n} characters). The article travels inside it; no server sees it."),
                        false => format!("The browser did not allow copying: select the link below ({n} characters) and copy it."),
                    }));
                }
                Err(why) => {
                    made.link.set(None);
                    made.too_long.set(true);
                    notices.share.set(Some(why));
                }
            }
        });
    };
    let hash = window_event_listener(ev::hashchange, move |_| open_link_in_place(state, notices));
    on_cleanup(move || hash.remove());
    view! {
        <button type="button" class="button--primary" data-testid="copy-link" on:click=copy
            disabled=move || !state.has_text()
            title="A link with the article inside it: nothing is uploaded">"Share"</button>
    }
}

/// What the last share did, the link to copy by hand, and the file to send
/// instead when the article is too long for a link.
#[component]
pub fn SharePanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let notices = expect_context::<Notices>();
    let made = expect_context::<ShareLink>();
    let download_text = move |_| {
        notices.share.set(Some(match download_article(state) {
            Ok(name) => format!("Downloaded {name}. Send the file; it opens with “Open a file…”."),
            Err(()) => "The browser refused the download.".into(),
        }));
    };
    let close = move |_| {
        notices.share.set(None);
        made.link.set(None);
        made.too_long.set(false);
    };
    view! {
        <div class=move || live_class("share", notices.share) role="group" aria-label="Share">
            <p class="share__message" data-testid="share-message" role="status" aria-live="polite">
                {move || notices.share.get()}
            </p>
            {move || made.too_long.get().then(|| view! {
                <button type="button" data-testid="share-download-txt" on:click=download_text>"Download the article (.txt)"</button>
            })}
            {move || made.link.with(Option::is_some).then(|| view! {
                <label class="share__link">
                    <span class="sr-only">"Share link"</span>
                    <input type="text" readonly data-testid="share-link"
                        prop:value=move || made.link.get().unwrap_or_default()
                        on:focus=move |ev| {
                            use wasm_bindgen::JsCast;
                            if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                input.select();
                            }
                        }/>
                </label>
            })}
            {move || notices.share.with(Option::is_some).then(|| view! {
                <button type="button" class="button--quiet" on:click=close aria-label="Close the share message">"Close"</button>
            })}
        </div>
    }
}

/// The class of a message line, marked empty so it takes no room.
pub fn live_class(base: &'static str, message: RwSignal<Option<String>>) -> String {
    match message.with(Option::is_some) {
        true => base.to_string(),
        false => format!("{base} {base}--empty"),
    }
}

/// The share link in the address, if there is one, still deflated: `None`
/// for no fragment or an in-page anchor.
fn opened_link() -> Option<Result<Packed, ShareError>> {
    let hash = window().location().hash().ok()?;
    let fragment = hash.strip_prefix('#').unwrap_or(&hash);
    match unpack(fragment) {
        Err(ShareError::Empty) => None,
        Err(ShareError::NotAShareLink) if fragment.len() <= ANCHOR_MAX_LEN => None,
        result => Some(result),
    }
}

/// A link in the address, at start or pasted into the address bar of the
/// open page: show it in place once inflated.
fn open_link_in_place(state: AppState, notices: Notices) {
    match opened_link() {
        None => {}
        Some(Err(err)) => notices.share.set(Some(err.to_string())),
        Some(Ok(packed)) => spawn_local(async move {
            let opened = match inflate(&packed.deflated).await {
                Ok(payload) => packed.open(&payload),
                Err(err) => Err(err),
            };
            match opened {
                Ok(view) => {
                    forget_fragment();
                    show_link(state, notices, &view);
                }
                Err(err) => notices.share.set(Some(err.to_string())),
            }
        }),
    }
}

/// Shows a link's article and view. The reader's own text is kept and
/// offered back, as for any replacement ([`super::editor::replace_text`]).
fn show_link(state: AppState, notices: Notices, view: &SharedView) {
    let current = article_text(state);
    let kept = current != view.text && current != SAMPLE && keep_text(notices, &current);
    // Not through the browser's editing, which would move focus to the
    // text area as the page opens.
    set_input(state, &view.text);
    // Supersede any analysis still waiting on typing.
    state
        .analysis_gen
        .update_value(|gen| *gen = gen.wrapping_add(1));
    let shown = within_limit(view.text.clone());
    let analysis = analyze(&shown);
    state.show(Doc::new(shown, analysis));
    apply_view(state, view);
    // Said once: by the notice that offers the reader's text back, or here.
    match kept {
        true => {
            notices.replaced.set(Some(Replaced::Link));
            notices.share.set(None);
        }
        false => notices.share.set(Some("Opened a shared article.".into())),
    }
}

/// Selection and layers from a link; an actor the analysis no longer
/// finds is not selected.
fn apply_view(state: AppState, view: &SharedView) {
    let n_actors = state.doc.with_untracked(|doc| doc.analysis.actors.len());
    state.select(
        view.selected
            .filter(|&id| (id as usize) < n_actors)
            .map(ActorId),
    );
    state.show_actors.set(view.layers.actors);
    state.show_quotes.set(view.layers.quotes);
    state.show_lists.set(view.layers.lists);
}

/// The page's address without its fragment.
fn page_address() -> String {
    let href = window().location().href().unwrap_or_default();
    match href.split_once('#') {
        Some((page, _)) => page.to_string(),
        None => href,
    }
}

/// Drops an opened link from the address, so the article (which becomes
/// the draft) is not reopened over later edits on reload.
fn forget_fragment() {
    let location = window().location();
    let path = location.pathname().unwrap_or_default() + &location.search().unwrap_or_default();
    if let Ok(history) = window().history() {
        _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
    }
}
