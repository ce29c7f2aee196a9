//! The article view: the highlighted article, its layer classes, the
//! mention tooltip, and moving the reader to mentions, quotes and items.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};

use super::render::{self, query_all};
use super::state::{AppState, Target, Tip, TipOf};
use crate::analysis::ActorId;
use crate::view::{kind_label, plural, speaker_note, step};

/// The rendered article. Highlights are drawn once per analysis; layers,
/// selection and targets only change classes.
#[component]
pub fn ArticleView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let root = state.article;

    Effect::new(move |_| {
        let doc = state.doc.get();
        if let Some(el) = root.get() {
            state.busy.set(true);
            render::start(el, doc, state);
        }
    });
    Effect::new(move |_| {
        let selected = state.selected.get();
        state.rendered.track();
        if let Some(el) = root.get() {
            state.n_selected.set(render::apply_selection(&el, selected));
        }
    });
    Effect::new(move |_| {
        let target = state.target.get();
        state.rendered.track();
        if let Some(el) = root.get() {
            mark_target(&el, target);
        }
    });

    let class = move || {
        let mut class = String::from("article");
        for (shown, name) in [
            (state.show_actors.get(), " hide-actors"),
            (state.show_quotes.get(), " hide-quotes"),
            (state.show_lists.get(), " hide-lists"),
        ] {
            if !shown {
                class.push_str(name);
            }
        }
        class
    };

    view! {
        <article
            node_ref=root
            id="article"
            class=class
            data-testid="article-view"
            aria-label="Explained article"
            aria-busy=move || state.progress.get().is_some().to_string()
            data-selected=move || state.selected.get().map(|id| id.0.to_string())
            on:click=move |ev: ev::MouseEvent| {
                if let Some(el) = mention_at(ev.target()) {
                    select_mention(state, &el);
                }
            }
            on:keydown=move |ev: ev::KeyboardEvent| {
                if ev.key() == "Enter" || ev.key() == " " {
                    if let Some(el) = mention_at(ev.target()) {
                        ev.prevent_default();
                        select_mention(state, &el);
                    }
                }
            }
            on:mouseover=move |ev: ev::MouseEvent| show_tip(state, ev.target())
            on:mouseout=move |_| state.tip.set(None)
            on:focusin=move |ev: ev::FocusEvent| show_tip(state, ev.target())
            on:focusout=move |_| state.tip.set(None)
        ></article>
    }
}

/// The tooltip for the hovered or focused mention, or the hovered quote.
#[component]
pub fn Tooltip() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let tip = state.tip.get()?;
        let doc = state.doc.get();
        let (colour, name, meta) = match tip.of {
            TipOf::Mark(text) => (String::new(), text, String::new()),
            TipOf::Mention(id) => {
                let actor = doc.analysis.actors.get(id.index())?;
                let mentions = plural(actor.mentions.len(), "mention", "mentions");
                let meta = format!("{} · {mentions}", kind_label(actor.kind));
                (doc.colour_class(id), actor.name.clone(), meta)
            }
            TipOf::Quote(idx) => {
                let quote = doc.analysis.quotes.get(idx)?;
                let note = speaker_note(&doc, idx);
                let colour = quote
                    .speaker
                    .map_or("unattributed".to_string(), |id| doc.colour_class(id));
                let how = match note.how {
                    Some(how) => format!("Speaker {}", how.describe()),
                    None => "No speaker found for this quote".into(),
                };
                (colour, format!("Quote · {}", note.badge), how)
            }
        };
        let width = web_sys::window()
            .and_then(|w| w.inner_width().ok())
            .and_then(|w| w.as_f64())
            .unwrap_or(1024.0);
        let left = tip.x.min(width - 250.0).max(4.0);
        Some(view! {
            <div
                role="tooltip"
                id="mention-tooltip"
                data-testid="tooltip"
                class=format!("tooltip {colour}")
                style:left=format!("{}px", left as i32)
                style:top=format!("{}px", tip.y as i32 + 6)
            >
                <strong class="tooltip__name">{name}</strong>
                {(!meta.is_empty()).then(|| view! { <span class="tooltip__meta">{meta}</span> })}
            </div>
        })
    }
}

/// The mention element at or around an event target.
fn mention_at(target: Option<web_sys::EventTarget>) -> Option<Element> {
    let el = target?.dyn_into::<Element>().ok()?;
    el.closest(".hl--actor").ok().flatten()
}

fn actor_of(el: &Element) -> Option<ActorId> {
    el.get_attribute("data-actor")?.parse().ok().map(ActorId)
}

fn select_mention(state: AppState, el: &Element) {
    let Some(id) = actor_of(el) else { return };
    state.select(Some(id));
    // Continue stepping from the mention that was clicked.
    if let Some(root) = state.article.get_untracked() {
        let mentions = query_all(&root, &format!(".hl--actor[data-actor=\"{}\"]", id.0));
        state
            .mention
            .set(mentions.iter().position(|m| m.is_same_node(Some(el))));
    }
}

fn show_tip(state: AppState, target: Option<web_sys::EventTarget>) {
    let Some(el) = target.and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    let mention = el
        .closest(".hl--actor")
        .ok()
        .flatten()
        .filter(|_| state.show_actors.get_untracked());
    let (el, of) = match mention {
        Some(mention) => {
            let Some(actor) = actor_of(&mention) else {
                return;
            };
            _ = mention.set_attribute("aria-describedby", "mention-tooltip");
            (mention, TipOf::Mention(actor))
        }
        None => {
            let quote = el
                .closest(".hl--quote")
                .ok()
                .flatten()
                .filter(|_| state.show_quotes.get_untracked());
            let Some(quote) = quote else { return };
            let Some(idx) = quote
                .get_attribute("data-quote")
                .and_then(|n| n.parse().ok())
            else {
                return;
            };
            (quote, TipOf::Quote(idx))
        }
    };
    // Under the pointer's line, not the whole quote's box.
    let rect = el.get_bounding_client_rect();
    state.tip.set(Some(Tip {
        of,
        x: rect.left(),
        y: rect.bottom(),
    }));
}

/// Keeps the tooltip on the focused mention while the page scrolls (as when
/// stepping to a mention scrolls smoothly); any other tooltip is hidden.
pub fn follow_scroll(state: AppState) {
    if state.tip.get_untracked().is_none() {
        return;
    }
    let focused = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    match focused.filter(|el| el.matches(".hl--actor").unwrap_or(false)) {
        Some(el) => show_tip(state, Some(el.into())),
        None => state.tip.set(None),
    }
}

/// Moves to the next (or previous) mention of the selected actor: scrolls
/// to it and focuses it, which shows its tooltip.
pub fn step_mention(state: AppState, forward: bool) {
    if state.selected.get_untracked().is_none() {
        return;
    }
    let Some(root) = state.article.get_untracked() else {
        return;
    };
    let mentions = query_all(&root, ".hl--actor.is-selected");
    let Some(at) = step(state.mention.get_untracked(), mentions.len(), forward) else {
        return;
    };
    state.mention.set(Some(at));
    reveal(&mentions[at], true);
}

/// Selects an actor from outside the article (its chip, a chart) and
/// brings its mention `at` (the first, usually) into view, so selecting
/// always shows something, however far down the article it is. Focus
/// stays where it is; on a phone the sheet closes to show the article.
pub fn show_actor(state: AppState, id: ActorId, at: usize) {
    state.select(Some(id));
    state.pane.set(None);
    let Some(root) = state.article.get_untracked() else {
        return;
    };
    let mentions = query_all(&root, &format!(".hl--actor[data-actor=\"{}\"]", id.0));
    let Some(last) = mentions.len().checked_sub(1) else {
        return;
    };
    let at = at.min(last);
    state.mention.set(Some(at));
    reveal(&mentions[at], false);
}

/// Scrolls an element to the middle of the view, and focuses it when
/// asked. Far jumps are instant: a smooth scroll across a long article
/// lands wherever the chunks laid out on the way put it.
fn reveal(el: &Element, focus: bool) {
    let rect = el.get_bounding_client_rect();
    let height = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(800.0);
    let far = rect.top() < -2.0 * height || rect.bottom() > 3.0 * height;
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Center);
    options.set_behavior(if far || reduced_motion() {
        ScrollBehavior::Auto
    } else {
        ScrollBehavior::Smooth
    });
    el.scroll_into_view_with_scroll_into_view_options(&options);
    if !focus {
        return;
    }
    if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
        if !el.has_attribute("tabindex") {
            _ = el.set_attribute("tabindex", "-1");
        }
        let focus = web_sys::FocusOptions::new();
        focus.set_prevent_scroll(true);
        _ = el.focus_with_options(&focus);
    }
}

fn reduced_motion() -> bool {
    let query = web_sys::window().and_then(|w| {
        w.match_media("(prefers-reduced-motion: reduce)")
            .ok()
            .flatten()
    });
    query.is_some_and(|q| q.matches())
}

/// Shows a quote, list item or heading: sets it as the target, which marks
/// it `is-target`, and scrolls to it.
pub fn go_to(state: AppState, target: Target) {
    state.target.set(Some(target));
    let Some(root) = state.article.get_untracked() else {
        return;
    };
    state.pane.set(None);
    if let Ok(Some(el)) = root.query_selector(&selector(target)) {
        mark_target(&root, Some(target));
        reveal(&el, true);
    }
}

fn selector(target: Target) -> String {
    match target {
        Target::Quote(idx) => format!("[data-quote=\"{idx}\"]"),
        Target::Item { list, item } => format!("[data-list=\"{list}\"][data-item=\"{item}\"]"),
        Target::Heading(idx) => format!("[data-heading=\"{idx}\"]"),
    }
}

fn mark_target(root: &Element, target: Option<Target>) {
    for el in query_all(root, ".is-target") {
        _ = el.class_list().remove_1("is-target");
    }
    if let Some(target) = target {
        for el in query_all(root, &selector(target)) {
            _ = el.class_list().add_1("is-target");
        }
    }
}
