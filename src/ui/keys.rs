//! Keyboard shortcuts: the page-wide keys, the panel that lists them, and
//! the switch that turns the single-key ones off (WCAG 2.1.4), remembered
//! in the browser.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::article::step_mention;
use super::state::AppState;
use super::storage::{remove, save, SINGLE_KEYS_KEY};

/// The keyboard shortcuts, as shown to the reader.
pub const SHORTCUTS: [(&str, &str); 8] = [
    (
        "Tab",
        "move through each name's first mention, buttons and switches",
    ),
    ("Enter", "on a highlighted name: select that actor"),
    ("N / J", "next mention of the selected actor"),
    ("P / K", "previous mention"),
    ("Esc", "clear the selection, close a menu"),
    ("1 · 2 · 3", "show or hide actors · quotes · lists"),
    ("E", "edit the article text"),
    ("A", "go to the article"),
];

#[component]
pub fn Shortcuts() -> impl IntoView {
    let state = expect_context::<AppState>();
    let rows = SHORTCUTS
        .iter()
        .map(|&(keys, what)| view! { <dt><kbd>{keys}</kbd></dt><dd>{what}</dd> })
        .collect_view();
    let toggle = move |ev| {
        let on = event_target_checked(&ev);
        state.single_keys.set(on);
        // Off is remembered; on is the default.
        match on {
            true => remove(SINGLE_KEYS_KEY),
            false => _ = save(SINGLE_KEYS_KEY, "off"),
        }
    };
    view! {
        <section class="panel panel--shortcuts" data-pane="overview" aria-labelledby="keys-h">
            <h2 id="keys-h" class="panel__title">"Keyboard"</h2>
            <dl class="shortcuts">{rows}</dl>
            <label class="toggle shortcuts__switch">
                <input type="checkbox" role="switch" data-testid="toggle-single-keys"
                    prop:checked=move || state.single_keys.get() on:change=toggle/>
                "Single-key shortcuts (N, P, J, K, 1–3, E, A)"
            </label>
        </section>
    }
}

/// Page-wide shortcuts. Letters are left alone while typing in a field,
/// and altogether when the reader turned single-key shortcuts off.
pub fn on_key(state: AppState, ev: &web_sys::KeyboardEvent) {
    if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
        return;
    }
    let key = ev.key();
    if key == "Escape" {
        // An open sheet closes first; then the selection goes.
        if state.pane.get_untracked().is_some() {
            state.pane.set(None);
        } else {
            state.clear();
        }
        return;
    }
    if !state.single_keys.get_untracked() {
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
            ev.prevent_default();
            edit(state);
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

/// Opens the text area where it folds away and puts the caret in it, once
/// it is shown.
pub fn edit(state: AppState) {
    state.editing.set(true);
    request_animation_frame(move || {
        if let Some(input) = state.input.get_untracked() {
            _ = input.focus();
        }
    });
}
