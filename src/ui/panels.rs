//! The side panel: the selected actor, actors by kind, quotes by speaker,
//! lists under their topic, and the outline of headings.

use leptos::prelude::*;

use super::article::{go_to, step_mention};
use super::state::{AppState, Target};
use crate::analysis::ActorId;
use crate::view::{
    actors_by_kind, excerpt, kind_label, kind_plural, list_title, quotes_by_speaker,
};

/// Long articles can name thousands of actors; the panel shows this many per
/// group and says how many more there are.
const MAX_PER_GROUP: usize = 60;
/// Speakers shown in the quotes panel, most quoted first.
const MAX_SPEAKERS: usize = 40;
/// Lists shown in the lists panel, in text order.
const MAX_LISTS: usize = 40;

/// The selected actor: what it is, stepping through its mentions, and
/// everything it said.
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
        let n = actor.mentions.len();
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
                {format!("{} · {n} mention{}", kind_label(actor.kind), if n == 1 { "" } else { "s" })}
            </p>
            {said}
        })
    };
    let position = move || match (state.selected.get(), state.mention.get()) {
        (None, _) => String::new(),
        (Some(_), Some(at)) => format!("{} of {}", at + 1, state.n_selected.get()),
        (Some(_), None) => format!("{} highlighted", state.n_selected.get()),
    };
    let class = move || {
        if none_selected() {
            "panel panel--selected"
        } else {
            "panel panel--selected is-active"
        }
    };
    view! {
        <section class=class aria-labelledby="selected-h">
            // On a phone the panel is far below the article, so while an
            // actor is selected this bar sticks to the bottom of the screen.
            <div class="selected__bar">
            <h2 id="selected-h" class="panel__title">{heading}</h2>
            <div class="stepper">
                <button type="button" data-testid="mention-prev" disabled=none_selected
                    on:click=move |_| step_mention(state, false)
                    aria-label="Previous mention (P)">"◀ Prev"</button>
                <span class="stepper__pos" aria-live="polite">{position}</span>
                <button type="button" data-testid="mention-next" disabled=none_selected
                    on:click=move |_| step_mention(state, true)
                    aria-label="Next mention (N)">"Next ▶"</button>
                <button type="button" class="link" disabled=none_selected
                    on:click=move |_| state.clear()>"Clear (Esc)"</button>
            </div>
            </div>
            {move || if none_selected() {
                Some(view! { <p class="muted">"Select an actor in the list or click a highlighted name to follow it through the article."</p> })
            } else {
                None
            }}
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
        <section class="panel" aria-labelledby="actors-h">
            <h2 id="actors-h" class="panel__title">"Actors"</h2>
            {groups}
        </section>
    }
}

fn actor_button(state: AppState, doc: &crate::view::Doc, id: ActorId) -> impl IntoView {
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
                        state.select(Some(id));
                    }
                }>
                <span class="swatch" aria-hidden="true"></span>
                <span class="actor-item__name">{name}</span>
                <span class="count" aria-label=format!("{n} mentions")>{n}</span>
            </button>
        </li>
    }
}

fn quote_button(state: AppState, doc: &crate::view::Doc, idx: usize) -> impl IntoView {
    let text = doc
        .analysis
        .quotes
        .get(idx)
        .map(|q| excerpt(doc.slice(q.span), 110))
        .unwrap_or_default();
    view! {
        <li>
            <button type="button" class="quote-item" data-testid="quote-item" data-quote=idx.to_string()
                on:click=move |_| go_to(state, Target::Quote(idx))>
                "“"{text}"”"
            </button>
        </li>
    }
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
        <section class="panel" aria-labelledby="quotes-h">
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
        <section class="panel" aria-labelledby="lists-h">
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
        <nav class="panel" aria-labelledby="outline-h">
            <h2 id="outline-h" class="panel__title">"Outline"</h2>
            {credits}
            {outline}
        </nav>
    }
}
