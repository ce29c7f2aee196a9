//! Keeps the reader's work in the browser (localStorage): the article as
//! last edited, so a reload loses nothing, and the few texts it replaced
//! (the history), so the sample, Clear, a file or a shared link never do.
//!
//! Storage can be missing (turned off, private windows) or full; either
//! way the reader is told, never left to find the loss after a reload.
//! This module only talks to the browser; it knows no component.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use gloo_timers::future::TimeoutFuture;
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::state::AppState;
use crate::view::{remember, MAX_KEPT_TEXTS};
use crate::SAMPLE;

/// The article as last edited.
pub const DRAFT_KEY: &str = "article-explorer.draft";
/// Earlier versions kept one draft here when a shared article replaced it;
/// it joins the history on the next start.
pub const KEPT_KEY: &str = "article-explorer.kept-draft";
/// The history: `article-explorer.history.0` is the newest kept text.
const HISTORY_PREFIX: &str = "article-explorer.history.";
/// "off" when the reader turned single-key shortcuts off.
pub const SINGLE_KEYS_KEY: &str = "article-explorer.single-key-shortcuts";
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

/// What replaced the reader's text, for the notice that offers it back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Replaced {
    Sample,
    Cleared,
    File,
    Link,
    Restored,
    /// The whole pasted page's text in place of its article.
    Page,
}

impl Replaced {
    pub fn message(self) -> &'static str {
        match self {
            Replaced::Sample => "The sample article took the place of your text, which is kept.",
            Replaced::Cleared => "The text area was cleared; the text is kept.",
            Replaced::File => "The file took the place of your text, which is kept.",
            Replaced::Link => "Opened a shared article; your own text is kept.",
            Replaced::Restored => "Earlier text restored; the text it replaced is kept too.",
            Replaced::Page => "The whole page's text took the place of its article, which is kept.",
        }
    }
}

/// What the share, keep and export controls tell the reader, and the kept
/// texts, provided as context.
#[derive(Clone, Copy)]
pub struct Notices {
    /// What the last share action or opened link did (`share-message`).
    pub share: RwSignal<Option<String>>,
    /// Why the article is not being kept (`storage-message`).
    pub storage: RwSignal<Option<StorageProblem>>,
    /// What the last export, copy or file did (`transfer-message`).
    pub transfer: RwSignal<Option<String>>,
    /// Texts replaced by the sample, Clear, a file or a link, newest first.
    pub history: RwSignal<Vec<String>>,
    /// The last replacement, while its notice is up.
    pub replaced: RwSignal<Option<Replaced>>,
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
            transfer: RwSignal::new(None),
            history: RwSignal::new(Vec::new()),
            replaced: RwSignal::new(None),
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

/// The kept texts, newest first, with the one an older version set aside
/// for a shared link moved in.
pub fn load_history() -> Vec<String> {
    let mut history: Vec<String> = (0..MAX_KEPT_TEXTS)
        .map_while(|n| load(&history_key(n)).ok().flatten())
        .collect();
    if let Ok(Some(kept)) = load(KEPT_KEY) {
        remember(&mut history, &kept);
        write_history(&history);
        remove(KEPT_KEY);
    }
    history
}

/// Adds `text` to the kept texts (unless blank), in the signal and in
/// storage; true when it was kept.
pub fn keep_text(notices: Notices, text: &str) -> bool {
    let mut kept = false;
    notices.history.update(|history| {
        kept = remember(history, text);
        if kept {
            let n = write_history(history);
            history.truncate(n);
        }
    });
    kept
}

/// Forgets every kept text.
pub fn forget_history(notices: Notices) {
    notices.history.set(Vec::new());
    write_history(&[]);
}

/// Writes the history, newest first; when storage is full the oldest
/// texts go. Returns how many were written.
fn write_history(history: &[String]) -> usize {
    let mut written = 0;
    for (n, text) in history.iter().enumerate() {
        if save(&history_key(n), text).is_err() {
            break;
        }
        written = n + 1;
    }
    for n in written..MAX_KEPT_TEXTS {
        remove(&history_key(n));
    }
    written
}

fn history_key(n: usize) -> String {
    format!("{HISTORY_PREFIX}{n}")
}

/// Writes `text` as the draft now, unless it is what was last written or
/// the untouched sample (which must not take the place of the reader's
/// draft), and reports the outcome in `storage-message`. When storage is
/// full, the oldest kept texts make room for the draft.
pub fn save_draft(notices: Notices, text: &str) {
    let hash = text_hash(text);
    if notices.saved.get_value() == hash || text == SAMPLE {
        return;
    }
    let mut result = save(DRAFT_KEY, text);
    while result == Err(StorageProblem::Full) && !notices.history.with_untracked(Vec::is_empty) {
        notices.history.update(|history| {
            history.pop();
            write_history(history);
        });
        result = save(DRAFT_KEY, text);
    }
    match result {
        Ok(()) => {
            notices.saved.set_value(hash);
            if notices.storage.get_untracked().is_some() {
                notices.storage.set(None);
            }
        }
        Err(problem) => notices.storage.set(Some(problem)),
    }
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

fn local() -> Result<web_sys::Storage, StorageProblem> {
    // `localStorage` is null when storage is off, and its getter throws
    // in some sandboxed frames: both mean nothing will be kept.
    window()
        .local_storage()
        .ok()
        .flatten()
        .ok_or(StorageProblem::Unavailable)
}
