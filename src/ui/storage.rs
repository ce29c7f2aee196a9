//! Keeps the article in the browser (localStorage) so a reload loses
//! nothing, and keeps the reader's own draft aside when a shared link
//! replaces it on screen.
//!
//! Storage can be missing (turned off, private windows) or full; either
//! way the reader is told, never left to find the loss after a reload.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use gloo_timers::future::TimeoutFuture;
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::editor::schedule;
use super::state::AppState;

/// The article as last edited.
pub const DRAFT_KEY: &str = "article-explorer.draft";
/// The reader's draft, put aside when a shared article took its place.
pub const KEPT_KEY: &str = "article-explorer.kept-draft";
/// Pause after the last analysed change before writing the draft.
const SAVE_DELAY_MS: u32 = 300;

/// Why the browser would not keep the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageProblem {
    /// No localStorage: turned off, blocked, or not offered.
    Unavailable,
    /// The write went over the browser's quota.
    Full,
    /// Any other refusal.
    Failed,
}

impl StorageProblem {
    pub fn message(self) -> &'static str {
        match self {
            StorageProblem::Unavailable => {
                "This browser is not keeping your article (its storage is off or unavailable), \
                 so a reload will lose it. Download it as a file to keep it."
            }
            StorageProblem::Full => {
                "Your article could not be saved in this browser: its storage is full. \
                 It stays on screen until you close the page; download it as a file to keep it."
            }
            StorageProblem::Failed => {
                "Your article could not be saved in this browser. \
                 It stays on screen until you close the page; download it as a file to keep it."
            }
        }
    }
}

/// What the share, keep and export controls tell the reader, provided as
/// context.
#[derive(Clone, Copy)]
pub struct Notices {
    /// What the last share action or opened link did (`share-message`).
    pub share: RwSignal<Option<String>>,
    /// Why the article is not being kept (`storage-message`).
    pub storage: RwSignal<Option<StorageProblem>>,
    /// The reader's own draft, put aside when a shared article was opened.
    pub kept: RwSignal<Option<String>>,
    /// A shared article was opened in this page (not just before a reload).
    pub opened: RwSignal<bool>,
    /// What the last export, copy or file did (`transfer-message`).
    pub transfer: RwSignal<Option<String>>,
    /// Hash of the text last written as the draft, to skip rewriting it.
    pub saved: StoredValue<u64>,
    /// Increments on each requested save so stale ones give up.
    pub save_gen: StoredValue<u32>,
}

impl Notices {
    pub fn new() -> Notices {
        Notices {
            share: RwSignal::new(None),
            storage: RwSignal::new(None),
            kept: RwSignal::new(None),
            opened: RwSignal::new(false),
            transfer: RwSignal::new(None),
            saved: StoredValue::new(0),
            save_gen: StoredValue::new(0),
        }
    }
}

impl Default for Notices {
    fn default() -> Notices {
        Notices::new()
    }
}

/// The value stored under `key`; `Ok(None)` when there is none.
pub fn load(key: &str) -> Result<Option<String>, StorageProblem> {
    local()?
        .get_item(key)
        .map_err(|_| StorageProblem::Unavailable)
}

/// Stores `value` under `key`.
pub fn save(key: &str, value: &str) -> Result<(), StorageProblem> {
    local()?.set_item(key, value).map_err(|err| {
        let quota = err
            .dyn_ref::<web_sys::DomException>()
            .is_some_and(|e| e.name() == "QuotaExceededError" || e.code() == 22);
        if quota {
            StorageProblem::Full
        } else {
            StorageProblem::Failed
        }
    })
}

pub fn remove(key: &str) {
    if let Ok(storage) = local() {
        _ = storage.remove_item(key);
    }
}

pub fn text_hash(text: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

/// Writes `text` as the draft now, unless it is what was last written,
/// and reports the outcome in `storage-message`.
pub fn save_draft(notices: Notices, text: &str) {
    let hash = text_hash(text);
    if notices.saved.get_value() == hash {
        return;
    }
    match save(DRAFT_KEY, text) {
        Ok(()) => {
            notices.saved.set_value(hash);
            if notices.storage.get_untracked().is_some() {
                notices.storage.set(None);
            }
        }
        Err(problem) => notices.storage.set(Some(problem)),
    }
}

/// Puts `text` in the text area and analyses it, as if it had been typed.
pub fn put_text(state: AppState, text: &str) {
    if let Some(input) = state.input.get_untracked() {
        input.set_value(text);
    }
    schedule(state, 0);
}

/// Saves the draft each time a new text has been analysed (so typing is
/// already debounced), and once more as the page goes away.
pub fn keep_drafts(state: AppState, notices: Notices) {
    Effect::new(move |_| {
        state.doc.track();
        notices
            .save_gen
            .update_value(|gen| *gen = gen.wrapping_add(1));
        let gen = notices.save_gen.get_value();
        spawn_local(async move {
            TimeoutFuture::new(SAVE_DELAY_MS).await;
            if notices.save_gen.get_value() == gen {
                // The text area's text, which a cap on analysis may have
                // shortened in the view, is the reader's work.
                match state.input.get_untracked() {
                    Some(input) => save_draft(notices, &input.value()),
                    None => state
                        .doc
                        .with_untracked(|doc| save_draft(notices, &doc.text)),
                }
            }
        });
    });
    let hide = window_event_listener(ev::pagehide, move |_| {
        if let Some(input) = state.input.get_untracked() {
            save_draft(notices, &input.value());
        }
    });
    on_cleanup(move || hide.remove());
}

/// The bar under the masthead: the kept-draft notice and storage trouble.
#[component]
pub fn DraftNotice() -> impl IntoView {
    let state = expect_context::<AppState>();
    let notices = expect_context::<Notices>();
    let restore = move |_| {
        let Some(text) = notices.kept.get_untracked() else {
            return;
        };
        put_text(state, &text);
        remove(KEPT_KEY);
        notices.kept.set(None);
        notices.share.set(Some("Your draft is back.".into()));
    };
    let discard = move |_| {
        remove(KEPT_KEY);
        notices.kept.set(None);
    };
    view! {
        <Show when=move || notices.kept.with(Option::is_some)>
            <div class="notice" data-testid="draft-notice" role="region" aria-label="Your draft">
                <p class="notice__text">
                    {move || match notices.opened.get() {
                        true => "Opened a shared article — your draft is kept.",
                        false => "The draft you had before opening a shared article is kept.",
                    }}
                </p>
                <button type="button" data-testid="restore-draft" on:click=restore>"Restore my draft"</button>
                <button type="button" class="button--quiet" data-testid="discard-draft" on:click=discard>"Discard my draft"</button>
            </div>
        </Show>
        <div data-testid="storage-message" role="status" aria-live="polite">
            {move || notices.storage.get().map(|problem| view! { <p class="notice notice--warning">{problem.message()}</p> })}
        </div>
    }
}

fn local() -> Result<web_sys::Storage, StorageProblem> {
    // `localStorage` is null when storage is off, and its getter throws
    // in some sandboxed frames: both mean nothing will be kept.
    window()
        .local_storage()
        .ok()
        .flatten()
        .ok_or(StorageProblem::Unavailable)
}
