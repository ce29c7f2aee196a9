//! Bringing back replaced texts: the notice after a replacement, the
//! "Restore previous text" button, and the list of earlier texts kept in
//! the browser (see [`super::storage`] and [`crate::view::remember`]).

use leptos::prelude::*;

use super::editor::replace_text;
use super::state::AppState;
use super::storage::{forget_history, Notices, Replaced};
use crate::view::{history_title, previous};

/// Says what replaced the reader's text, with one click to bring it back.
#[component]
pub fn KeptNotice() -> impl IntoView {
    let notices = expect_context::<Notices>();
    move || {
        let why = notices.replaced.get()?;
        Some(view! {
            <div class="notice" data-testid="kept-notice" role="region" aria-label="Your earlier text">
                <p class="notice__text">{why.message()}</p>
                <RestorePrevious/>
                <button type="button" class="button--quiet" data-testid="dismiss-kept"
                    on:click=move |_| notices.replaced.set(None)>"Dismiss"</button>
            </div>
        })
    }
}

/// "Restore previous text": the newest kept text that is not on screen.
#[component]
pub fn RestorePrevious() -> impl IntoView {
    let state = expect_context::<AppState>();
    let notices = expect_context::<Notices>();
    let restore = move |_| {
        let text = state.doc.with_untracked(|doc| {
            notices
                .history
                .with_untracked(|history| previous(history, &doc.text).map(str::to_string))
        });
        if let Some(text) = text {
            replace_text(state, notices, &text, Replaced::Restored);
        }
    };
    let available = move || {
        state.doc.with(|doc| {
            notices
                .history
                .with(|history| previous(history, &doc.text).is_some())
        })
    };
    move || {
        available().then(|| {
            view! { <button type="button" data-testid="restore-previous" on:click=restore>"Restore previous text"</button> }
        })
    }
}

/// The earlier texts kept in this browser, each one click away, and a way
/// to forget them (on a shared computer, say).
#[component]
pub fn EarlierTexts() -> impl IntoView {
    let state = expect_context::<AppState>();
    let notices = expect_context::<Notices>();
    // Titles and positions in the history, not the texts themselves, which
    // may be long.
    let entries = move || {
        state.doc.with(|doc| {
            notices.history.with(|history| {
                let listed = history
                    .iter()
                    .enumerate()
                    .filter(|(_, text)| **text != doc.text);
                listed
                    .map(|(idx, text)| (idx, history_title(text)))
                    .collect::<Vec<_>>()
            })
        })
    };
    let restore = move |idx: usize| {
        let text = notices
            .history
            .with_untracked(|history| history.get(idx).cloned());
        if let Some(text) = text {
            replace_text(state, notices, &text, Replaced::Restored);
        }
    };
    move || {
        let entries = entries();
        (!entries.is_empty()).then(|| {
            view! {
                <details class="earlier" data-testid="earlier-texts">
                    <summary>{format!("Earlier texts ({})", entries.len())}</summary>
                    <ul class="plain earlier__list">
                        {entries.into_iter().map(|(idx, title)| view! {
                            <li>
                                <button type="button" class="link" data-testid="earlier-text"
                                    on:click=move |_| restore(idx)>{title}</button>
                            </li>
                        }).collect_view()}
                    </ul>
                    <button type="button" class="button--quiet" data-testid="forget-history"
                        on:click=move |_| forget_history(notices)>"Forget earlier texts"</button>
                </details>
            }
        })
    }
}
