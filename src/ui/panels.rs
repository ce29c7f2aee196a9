//! The side panel: the selected actor, actors by kind, quotes by speaker,
//! lists under their topic, and the outline of headings.

use leptos::prelude::*;

use super::article::{go_to, show_actor, step_mention};
use super::state::{AppState, Pane, Target};
use crate::analysis::ActorId;
use crate::view::{
    actors_by_kind, excerpt, kind_label, kind_plural, list_title, plural, quotes_by_speaker,
    speaker_note, Doc,
};

/// Long articles can name thousands of actors; the panel shows this many per
/// group and says how many more there are.
const MAX_PER_GROUP: usize = 60;
/// Speakers shown in the quotes panel, most quoted first.
const MAX_SPEAKERS: usize = 40;
/// Lists shown in the lists panel, in text order.
const MAX_LISTS: usize = 40;
/// Quotes longer than this (in characters) are cut in the panel; the
/// article itself always has the whole quote.
const MAX_QUOTE_CHARS: usize = 1500;
/// Quotes longer than this get a "Show all" switch; shorter ones fit in
/// the three lines the panel gives a quote.
const LONG_QUOTE_CHARS: usize = 180;

/// The selected actor: a bar with its name and Prev/Next that stays in
/// sight (at the top of the side panel, at the bottom of a phone's
/// screen), then what it is and everything it said.
#[component]
pub fn SelectedPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let none_selected = move || state.selected.get().is_none();
    let heading = move || {
        let doc = state.doc.get();
        match state.selected.get() {
            Some(id) => doc.actor_name(id).to_string(),
            None => "No actor selected".to_string(),
        }
    };
    let details = move || {
        let id = state.selected.get()?;
        let doc = state.doc.get();
        let actor = doc.analysis.actors.get(id.index())?;
        let quotes = doc.quotes_of(id);
        let said = if quotes.is_empty() {
            view! { <p class="muted">"No direct quotes."</p> }.into_any()
        } else {
            let items = quotes
                .into_iter()
                .take(MAX_PER_GROUP)
                .map(|idx| quote_button(state, &doc, idx))
                .collect_view();
            view! { <ul class="plain quotes-said" aria-label="What they said">{items}</ul> }
                .into_any()
        };
        Some(view! {
            <p class=format!("selected__kind {}", doc.colour_class(id))>
                <span class="swatch" aria-hidden="true"></span>
                {format!("{} · {}", kind_label(actor.kind), plural(actor.mentions.len(), "mention", "mentions"))}
            </p>
            {said}
        })
    };
    let position = move || match (state.selected.get(), state.mention.get()) {
        (None, _) => String::new(),
        (Some(_), Some(at)) => format!("{} of {}", at + 1, state.n_selected.get()),
        (Some(_), None) => format!("{} highlighted", state.n_selected.get()),
    };
    let active = move |base: &'static str| match none_selected() {
        true => base.to_string(),
        false => format!("{base} is-active"),
    };
    view! {
        <div class=move || active("selected__bar") data-pane="actors" role="group" aria-labelledby="selected-h">
            <h2 id="selected-h" class="selected__name">{heading}</h2>
            <div class="stepper">
                <button type="button" data-testid="mention-prev" disabled=none_selected
                    on:click=move |_| step_mention(state, false)
                    aria-keyshortcuts="P" aria-label="Previous mention"><span aria-hidden="true">"◀ "</span>"Previous"</button>
                <span class="stepper__pos" aria-live="polite">{position}</span>
                <button type="button" data-testid="mention-next" disabled=none_selected
                    on:click=move |_| step_mention(state, true)
                    aria-keyshortcuts="N" aria-label="Next mention">"Next"<span aria-hidden="true">" ▶"</span></button>
                <button type="button" class="link" data-testid="clear-selection" disabled=none_selected
                    aria-keyshortcuts="Escape"
                    on:click=move |_| state.clear()>"Clear selection"<kbd class="desk-only">"Esc"</kbd></button>
            </div>
        </div>
        <section class=move || active("panel panel--selected") data-pane="actors" aria-label="The selected actor">
            {move || none_selected().then(|| view! {
                <p class="muted">"Select an actor in the list or click a highlighted name to follow it through the article."</p>
            })}
            {details}
        </section>
    }
}

#[component]
pub fn ActorPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let groups = move || {
        let doc = state.doc.get();
        let groups = actors_by_kind(&doc.analysis);
        if groups.is_empty() {
            return view! { <p class="muted">"No actors found yet."</p> }.into_any();
        }
        let groups = groups.into_iter().map(|group| {
            let n_more = group.actors.len().saturating_sub(MAX_PER_GROUP);
            let items = group.actors.iter().take(MAX_PER_GROUP).map(|&id| actor_button(state, &doc, id)).collect_view();
            view! {
                <h3 class="group__title">{kind_plural(group.kind)}" "<span class="count">{group.actors.len()}</span></h3>
                <ul class="plain actor-list">{items}</ul>
                {(n_more > 0).then(|| view! { <p class="muted">{format!("… and {n_more} more")}</p> })}
            }
        });
        groups.collect_view().into_any()
    };
    view! {
        <section class="panel" id="actors" data-pane="actors" aria-labelledby="actors-h">
            <h2 id="actors-h" class="panel__title">"Actors"</h2>
            {groups}
        </section>
    }
}

fn actor_button(state: AppState, doc: &Doc, id: ActorId) -> impl IntoView {
    let name = doc.actor_name(id).to_string();
    let n = doc.n_mentions(id);
    let pressed = move || (state.selected.get() == Some(id)).to_string();
    view! {
        <li>
            <button type="button" class=format!("actor-item {}", doc.colour_class(id))
                data-testid="actor-item" data-actor=id.0.to_string() aria-pressed=pressed
                on:click=move |_| {
                    if state.selected.get_untracked() == Some(id) {
                        state.select(None);
                    } else {
                        show_actor(state, id, 0);
                    }
                }>
                <span class="swatch" aria-hidden="true"></span>
                <span class="actor-item__name">{name}</span>
                <span class="count" aria-label=plural(n, "mention", "mentions")>{n}</span>
            </button>
        </li>
    }
}

/// A quote in the panel: the whole quote (three lines of it until "Show
/// all" is pressed, when it is long), and how sure its speaker is. A click
/// goes to the quote in the article.
fn quote_button(state: AppState, doc: &Doc, idx: usize) -> impl IntoView {
    let text = doc
        .analysis
        .quotes
        .get(idx)
        .map(|q| excerpt(doc.slice(q.span), MAX_QUOTE_CHARS))
        .unwrap_or_default();
    let long = text.chars().count() > LONG_QUOTE_CHARS;
    let note = speaker_note(doc, idx);
    let uncertain = note.is_uncertain();
    let class = match uncertain {
        true => "quote-item is-uncertain",
        false => "quote-item",
    };
    // A long quote shows three lines (`is-clamped` on its entry, CSS) until
    // "Show all"; plain DOM switches, as the entry is drawn once.
    view! {
        <li class=if long { "quote-entry is-clamped" } else { "quote-entry" }>
            <button type="button" class=class data-testid="quote-item" data-quote=idx.to_string()
                on:click=move |_| go_to(state, Target::Quote(idx))>
                <span class="quote-item__text">"“"{text}"”"</span>
                // The tooltip is on the badge, which a screen reader skips:
                // it hears the same words once, from the hidden label.
                {uncertain.then(|| view! {
                    <span class="quote-item__how" aria-hidden="true" title=note.label.clone()>{note.badge.clone()}</span>
                })}
                <span class="sr-only">{format!(" ({})", note.label)}</span>
            </button>
            {long.then(|| view! {
                <button type="button" class="link quote-entry__more" aria-expanded="false"
                    on:click=toggle_whole_quote>"Show all"</button>
            })}
        </li>
    }
}

/// "Show all" / "Show less" on a long quote in the panel.
fn toggle_whole_quote(ev: leptos::ev::MouseEvent) {
    use wasm_bindgen::JsCast;
    let Some(button) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let Some(entry) = button.parent_element() else {
        return;
    };
    let clamped = entry.class_list().toggle("is-clamped").unwrap_or(false);
    _ = button.set_attribute("aria-expanded", if clamped { "false" } else { "true" });
    button.set_text_content(Some(if clamped { "Show all" } else { "Show less" }));
}

#[component]
pub fn QuotePanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let groups = move || {
        let doc = state.doc.get();
        let groups = quotes_by_speaker(&doc.analysis);
        if groups.is_empty() {
            return view! { <p class="muted">"No direct quotes found."</p> }.into_any();
        }
        let n_more_speakers = groups.len().saturating_sub(MAX_SPEAKERS);
        let groups = groups.into_iter().take(MAX_SPEAKERS).map(|group| {
            let (title, colour) = match group.speaker {
                Some(id) => (doc.actor_name(id).to_string(), doc.colour_class(id)),
                None => ("Unattributed".to_string(), "unattributed".to_string()),
            };
            let n_more = group.quotes.len().saturating_sub(MAX_PER_GROUP);
            let items = group.quotes.iter().take(MAX_PER_GROUP).map(|&idx| quote_button(state, &doc, idx)).collect_view();
            view! {
                <h3 class=format!("group__title {colour}")>
                    <span class="swatch" aria-hidden="true"></span>{title}" "<span class="count">{group.quotes.len()}</span>
                </h3>
                <ul class="plain">{items}</ul>
                {(n_more > 0).then(|| view! { <p class="muted">{format!("… and {n_more} more")}</p> })}
            }
        });
        view! {
            {groups.collect_view()}
            {(n_more_speakers > 0).then(|| view! { <p class="muted">{format!("… and {n_more_speakers} more speakers")}</p> })}
        }
        .into_any()
    };
    view! {
        <section class="panel" id="quotes" data-pane="quotes" aria-labelledby="quotes-h">
            <h2 id="quotes-h" class="panel__title">"Quotes"</h2>
            {groups}
        </section>
    }
}

#[component]
pub fn ListPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lists = move || {
        let doc = state.doc.get();
        if doc.analysis.lists.is_empty() {
            return view! { <p class="muted">"No lists found."</p> }.into_any();
        }
        let n_more = doc.analysis.lists.len().saturating_sub(MAX_LISTS);
        let lists = doc.analysis.lists.iter().enumerate().take(MAX_LISTS).map(|(list_idx, list)| {
            let lead = list.lead.map(|lead| excerpt(doc.slice(lead), 200));
            let items = list.items.iter().enumerate().take(MAX_PER_GROUP).map(|(item_idx, &span)| {
                let text = excerpt(doc.slice(span), 110);
                let target = Target::Item { list: list_idx, item: item_idx };
                view! {
                    <li>
                        <button type="button" class="list-item" data-testid="list-item"
                            data-list=list_idx.to_string() data-item=item_idx.to_string()
                            on:click=move |_| go_to(state, target)>{text}</button>
                    </li>
                }
            });
            view! {
                <h3 class="group__title">{list_title(list, list_idx)}" "<span class="count">{list.items.len()}</span></h3>
                {lead.map(|lead| view! { <p class="lead-in">{lead}</p> })}
                <ul class="plain">{items.collect_view()}</ul>
            }
        });
        view! {
            {lists.collect_view()}
            {(n_more > 0).then(|| view! { <p class="muted">{format!("… and {n_more} more lists")}</p> })}
        }
        .into_any()
    };
    view! {
        <section class="panel" id="lists" data-pane="lists" aria-labelledby="lists-h">
            <h2 id="lists-h" class="panel__title">"Lists"</h2>
            {lists}
        </section>
    }
}

#[component]
pub fn OutlinePanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let outline = move || {
        let doc = state.doc.get();
        let headings = doc.article.outline();
        if headings.is_empty() {
            return view! { <p class="muted">"No headings."</p> }.into_any();
        }
        let items = headings.into_iter().take(200).map(|(idx, level, span)| {
            let text = excerpt(doc.slice(span), 80);
            view! {
                <li class=format!("outline__item outline__item--h{level}")>
                    <button type="button" class="link" data-testid="outline-item"
                        on:click=move |_| go_to(state, Target::Heading(idx))>{text}</button>
                </li>
            }
        });
        view! { <ol class="plain outline">{items.collect_view()}</ol> }.into_any()
    };
    // Who wrote and made the article: the byline, then other credits.
    let credits = move || {
        let doc = state.doc.get();
        let lines = crate::view::credits(&doc.text, &doc.analysis);
        (!lines.is_empty()).then(|| {
            let rows = lines.into_iter().map(|(role, names)| {
                view! { <li><span class="outline__role">{role}</span>" "{names}</li> }
            });
            view! { <ul class="plain outline__credits" data-testid="outline-credits">{rows.collect_view()}</ul> }
        })
    };
    view! {
        <nav class="panel" data-pane="lists" aria-labelledby="outline-h">
            <h2 id="outline-h" class="panel__title">"Outline"</h2>
            {credits}
            {outline}
        </nav>
    }
}

/// On a phone, the explorer is a sheet over the article: this bar at the
/// bottom of the screen opens it on actors, quotes, lists or the overview.
#[component]
pub fn PaneTabs() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Four buttons, redrawn whole when the counts or the open pane change.
    let tabs = move || {
        let open = state.pane.get();
        let counts = state.doc.with(|doc| {
            let a = &doc.analysis;
            [
                Some(a.actors.len()),
                Some(a.quotes.len()),
                Some(a.lists.len()),
                None,
            ]
        });
        Pane::ALL
            .into_iter()
            .zip(counts)
            .map(|(pane, count)| {
                let is_open = open == Some(pane);
                view! {
                    <button type="button" class="pane-tab" data-testid=format!("pane-{}", pane.as_str())
                        aria-controls="explore" aria-expanded=is_open.to_string()
                        on:click=move |_| state.pane.set((!is_open).then_some(pane))>
                        {pane.label()}
                        {count.map(|n| view! { " " <span class="pane-tab__count">{n}</span> })}
                    </button>
                }
            })
            .collect_view()
    };
    view! {
        <nav class="pane-tabs" aria-label="Explore the article">{tabs}</nav>
    }
}

/// The sheet's close button (shown on phones only).
#[component]
pub fn SheetHead() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <div class="sheet__head">
            <button type="button" class="button--quiet" data-testid="close-sheet"
                on:click=move |_| state.pane.set(None)>"Close"</button>
        </div>
    }
}
