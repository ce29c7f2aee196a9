//! The article input: text area, sample and clear buttons, status line.
//!
//! Typing only bumps a counter; the text is read and analysed once the
//! typist pauses, and an analysis superseded by newer typing gives up.

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::guard::LimitNotice;
use super::state::AppState;
use crate::analysis::analyze;
use crate::view::{status_line, Doc};
use crate::SAMPLE;

/// Shortest pause after the last keystroke before re-analysing.
const DEBOUNCE_MS: u32 = 180;
/// Longest pause, for articles whose analysis takes a while.
const DEBOUNCE_MAX_MS: u32 = 1500;

/// The pause to wait for before re-analysing, given how long the last
/// analysis blocked the page: three times that, so a typist who pauses
/// briefly is not held up by an analysis started in the gap.
pub fn typing_pause(last_work_ms: f64) -> u32 {
    ((last_work_ms * 3.0) as u32).clamp(DEBOUNCE_MS, DEBOUNCE_MAX_MS)
}

#[component]
pub fn Editor() -> impl IntoView {
    let state = expect_context::<AppState>();
    let initial = state.doc.get_untracked().text.clone();
    let set_text = move |text: &str| {
        if let Some(input) = state.input.get_untracked() {
            input.set_value(text);
            _ = input.focus();
        }
        schedule(state, 0);
    };
    view! {
        <section class="editor" aria-labelledby="editor-h">
            <h2 id="editor-h" class="panel__title">
                <label for="article-input">"Article text"</label>
            </h2>
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
            ></textarea>
            <p id="editor-help" class="muted small">
                "The explanation follows as you type. Headings on their own line, list items start with “-” or “1.”."
            </p>
            <div class="editor__actions">
                <button type="button" data-testid="load-sample" on:click=move |_| set_text(SAMPLE)>"Load sample"</button>
                <button type="button" data-testid="clear" on:click=move |_| set_text("")>"Clear"</button>
            </div>
            <Status/>
            <LimitNotice/>
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
