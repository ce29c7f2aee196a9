//! The article input: the text area, the buttons that replace its text,
//! the status line, and debounced re-analysis.
//!
//! Typing only bumps a counter; the text is read and analysed once the
//! typist pauses, and an analysis superseded by newer typing gives up.
//! Replacing the text (the sample, Clear, a file, a link) goes through
//! [`replace_text`], which keeps what was there and leaves Ctrl+Z able to
//! bring it back.

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;

use super::browser::article_text;
use super::state::{AppState, Undo};
use super::storage::{keep_text, text_hash, Notices, Replaced};
use crate::analysis::analyze;
use crate::view::{status_line, Doc};
use crate::SAMPLE;

/// Shortest pause after the last keystroke before re-analysing.
const DEBOUNCE_MS: u32 = 180;
/// Longest pause, for articles whose analysis takes a while.
const DEBOUNCE_MAX_MS: u32 = 1500;
/// Replacements up to this size go through the browser's own editing, so
/// its undo history stays whole and Ctrl+Z gives the old text back
/// natively; longer ones are set directly, and the app answers Ctrl+Z.
const NATIVE_EDIT_MAX_BYTES: usize = 256 * 1024;

/// The pause to wait for before re-analysing, given how long the last
/// analysis blocked the page: three times that, so a typist who pauses
/// briefly is not held up by an analysis started in the gap.
pub fn typing_pause(last_work_ms: f64) -> u32 {
    ((last_work_ms * 3.0) as u32).clamp(DEBOUNCE_MS, DEBOUNCE_MAX_MS)
}

/// The text area with its buttons; `children` go at the end of the
/// button row (opening a file, bringing back earlier texts).
#[component]
pub fn Editor(children: Children) -> impl IntoView {
    let state = expect_context::<AppState>();
    let notices = expect_context::<Notices>();
    let initial = state.doc.get_untracked().text.clone();
    let done = move |_| {
        state.editing.set(false);
        if let Some(article) = state.article.get_untracked() {
            article.scroll_into_view();
        }
    };
    view! {
        <section class="editor" id="editor" aria-labelledby="editor-h">
            <div class="editor__head">
                <h2 id="editor-h" class="panel__title">
                    <label for="article-input">"Article text"</label>
                </h2>
                <button type="button" class="button--quiet editor__done" data-testid="editor-done"
                    on:click=done>"Done"</button>
            </div>
            <textarea
                id="article-input"
                class="editor__input"
                data-testid="article-input"
                node_ref=state.input
                prop:value=initial
                spellcheck="false"
                aria-describedby="editor-help"
                placeholder="Paste or type a news article here…"
                on:input=move |_| {
                    // Only a timer here: the text itself is read once the
                    // typist pauses, not copied on every keystroke.
                    schedule(state, typing_pause(state.work_ms.get_value()));
                }
                on:keydown=move |ev| undo_replacement(state, &ev)
            ></textarea>
            <p id="editor-help" class="muted small">
                "The explanation follows as you type. Headings on their own line, list items start with “-” or “1.”."
            </p>
            <div class="editor__actions">
                <button type="button" data-testid="load-sample"
                    on:click=move |_| replace_text(state, notices, SAMPLE, Replaced::Sample)>"Load sample"</button>
                <button type="button" data-testid="clear"
                    on:click=move |_| replace_text(state, notices, "", Replaced::Cleared)>"Clear"</button>
                {children()}
            </div>
        </section>
    }
}

/// The live status line: counts once analysed, "Analysing…" while busy.
#[component]
pub fn Status() -> impl IntoView {
    let state = expect_context::<AppState>();
    let text = move || {
        if state.busy.get() {
            "Analysing…".to_string()
        } else {
            state.doc.with(|doc| status_line(&doc.analysis))
        }
    };
    view! {
        <div class="status">
            <p data-testid="status" role="status" aria-live="polite" class="status__text">{text}</p>
            {move || state.busy.get().then(|| {
                let value = state.progress.get().map(|p| ((p * 100.0) as u32).to_string());
                view! { <progress class="status__progress" max="100" value=value aria-label="Analysing"></progress> }
            })}
        </div>
    }
}

/// Replaces the article with `text` and analyses it. What was there is
/// kept (unless blank or the untouched sample) and offered back by the
/// notice, the "Restore previous text" button, and Ctrl+Z in the text area.
pub fn replace_text(state: AppState, notices: Notices, text: &str, why: Replaced) {
    let current = article_text(state);
    if current == text {
        return;
    }
    let kept = current != SAMPLE && keep_text(notices, &current);
    write_input(state, text);
    notices.replaced.set(kept.then_some(why));
    schedule(state, 0);
}

/// Puts `text` in the text area, undoably, without analysing it.
///
/// Through the browser's own editing when it can (select all, then insert),
/// which keeps its undo history whole: setting `value` directly leaves that
/// history pointing into the old text, and Ctrl+Z then pastes pieces of it
/// into the new one. When the text area is folded away or the text is very
/// long, the value is set directly and [`undo_replacement`] answers Ctrl+Z.
pub fn write_input(state: AppState, text: &str) {
    let Some(input) = state.input.get_untracked() else {
        return;
    };
    let previous = input.value();
    if previous == text {
        return;
    }
    state.undo.set_value(None);
    if previous.len().max(text.len()) <= NATIVE_EDIT_MAX_BYTES && edit_natively(&input, text) {
        return;
    }
    set_input(state, text);
}

/// Sets the text area's value without moving focus; Ctrl+Z in the text
/// area then gives the replaced text back ([`undo_replacement`]).
pub fn set_input(state: AppState, text: &str) {
    let Some(input) = state.input.get_untracked() else {
        return;
    };
    let previous = input.value();
    input.set_value(text);
    state.undo.set_value(Some(Undo {
        shown: text_hash(&input.value()),
        previous,
    }));
}

/// Replaces all of `input`'s text as if typed; false when the browser
/// would not (the text area cannot take focus, or refuses the command).
fn edit_natively(input: &HtmlTextAreaElement, text: &str) -> bool {
    let document = document();
    let Ok(html) = document.clone().dyn_into::<web_sys::HtmlDocument>() else {
        return false;
    };
    _ = input.focus();
    let focused = document
        .active_element()
        .is_some_and(|el| el.is_same_node(Some(input)));
    if !focused {
        return false;
    }
    input.select();
    let done = match text.is_empty() {
        true => html.exec_command("delete"),
        false => html.exec_command_with_show_ui_and_value("insertText", false, text),
    };
    // A text area keeps line breaks as "\n" whatever it is given.
    done.unwrap_or(false) && input.value() == text.replace("\r\n", "\n")
}

/// Ctrl+Z (or ⌘Z) in the text area right after a replacement the browser
/// could not record: the replaced text comes back.
fn undo_replacement(state: AppState, ev: &web_sys::KeyboardEvent) {
    let undo_key = (ev.ctrl_key() || ev.meta_key())
        && !ev.shift_key()
        && !ev.alt_key()
        && ev.key().eq_ignore_ascii_case("z");
    let Some(input) = state.input.get_untracked().filter(|_| undo_key) else {
        return;
    };
    let shown = text_hash(&input.value());
    let pending = state
        .undo
        .with_value(|undo| undo.as_ref().is_some_and(|undo| undo.shown == shown));
    if !pending {
        return;
    }
    ev.prevent_default();
    if let Some(undo) = state.undo.try_update_value(Option::take).flatten() {
        input.set_value(&undo.previous);
        schedule(state, 0);
    }
}

/// Puts `text` in the text area as it is and analyses it (for the first
/// text of the page, which has nothing to undo).
pub fn put_text(state: AppState, text: &str) {
    if let Some(input) = state.input.get_untracked() {
        input.set_value(text);
    }
    schedule(state, 0);
}

/// Analyses the text area's text after `delay_ms`, unless more typing
/// comes first.
pub fn schedule(state: AppState, delay_ms: u32) {
    state
        .analysis_gen
        .update_value(|gen| *gen = gen.wrapping_add(1));
    let gen = state.analysis_gen.get_value();
    // The view no longer matches the text: say so at once, so nobody reads
    // the old counts as the new ones.
    if !state.busy.get_untracked() {
        state.busy.set(true);
    }
    // Waits `ms`; false when newer typing has superseded this analysis.
    let still_current = move |ms: u32| async move {
        TimeoutFuture::new(ms).await;
        state.analysis_gen.get_value() == gen
    };
    spawn_local(async move {
        // Then let the browser paint "Analysing…" before the work starts.
        if !still_current(delay_ms).await || !still_current(20).await {
            return;
        }
        let Some(text) = state.input.get_untracked().map(|input| input.value()) else {
            state.busy.set(false);
            return;
        };
        let text = super::guard::within_limit(text);
        let started = now();
        let analysis = analyze(&text);
        let mut work_ms = now() - started;
        // The analysis, the view model and the first drawing each take a
        // task of their own, so on a long article the page answers between
        // them rather than after all three.
        if !still_current(0).await {
            return;
        }
        let started = now();
        let doc = Doc::new(text, analysis);
        work_ms += now() - started;
        state.work_ms.set_value(work_ms);
        if !still_current(0).await {
            return;
        }
        state.show(doc);
        if state.article.get_untracked().is_none() {
            // Nothing to draw, so nothing will say the work is done.
            state.busy.set(false);
        }
    });
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}
