//! Turns the view model's parts into DOM nodes, a slice per animation frame,
//! so a long article never blocks the page for long.
//!
//! Article text only ever becomes text nodes (`set_text_content`), never
//! markup. The article container's children belong to this module alone:
//! Leptos renders the container, this fills it.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, DocumentFragment, Element, HtmlElement};

use super::state::AppState;
use crate::view::{speaker_note, BlockView, Doc, Part};

/// Milliseconds of DOM building per frame; the rest of the frame is left to
/// the browser (input, scrolling, painting).
const FRAME_BUDGET_MS: f64 = 8.0;

/// Starts drawing `doc` into `root`, abandoning any drawing still under way.
///
/// Parts are built into a detached fragment, 8 ms per frame, which costs the
/// browser no style or layout work. The first frame's parts are swapped in at
/// once (a short article is then complete, with no flash); the rest is added
/// in one go when built, so a long article is laid out twice, not per frame.
pub fn start(root: HtmlElement, doc: Arc<Doc>, state: AppState) {
    state
        .render_gen
        .update_value(|gen| *gen = gen.wrapping_add(1));
    let gen = state.render_gen.get_value();
    let Some(document) = root.owner_document() else {
        return;
    };
    state.progress.set(Some(0.0));
    let fragment = document.create_document_fragment();
    slice(Slice {
        root,
        document,
        doc,
        state,
        gen,
        fragment,
        next: 0,
        shown: false,
    });
}

/// The state of a drawing between frames.
struct Slice {
    root: HtmlElement,
    document: Document,
    doc: Arc<Doc>,
    state: AppState,
    gen: u32,
    /// Built parts not yet in the page.
    fragment: DocumentFragment,
    /// The next part to build.
    next: usize,
    /// Whether the old article has been replaced yet.
    shown: bool,
}

fn slice(mut work: Slice) {
    if work.state.render_gen.get_value() != work.gen {
        return;
    }
    let parts = &work.doc.article.parts;
    let started = now();
    while work.next < parts.len() {
        let end = (work.next + CHUNK_PARTS).min(parts.len());
        if let Some(chunk) = build_chunk(&work.document, &work.doc, &parts[work.next..end]) {
            _ = work.fragment.append_child(&chunk);
        }
        work.next = end;
        if now() - started > FRAME_BUDGET_MS {
            break;
        }
    }
    let done = work.next >= parts.len();
    if !work.shown {
        work.root.set_text_content(None);
        _ = work.root.append_child(&work.fragment);
        work.shown = true;
    } else if done {
        _ = work.root.append_child(&work.fragment);
    }
    if done {
        work.state.progress.set(None);
        work.state.busy.set(false);
        work.state.rendered.update(|n| *n = n.wrapping_add(1));
    } else {
        work.state
            .progress
            .set(Some(work.next as f64 / parts.len() as f64));
        request_animation_frame(move || slice(work));
    }
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Parts per chunk: the browser skips the style and layout of chunks out of
/// view (`content-visibility: auto` in article.css), and a long article is
/// far cheaper as a hundred chunks than as thousands of loose paragraphs.
const CHUNK_PARTS: usize = 40;

fn build_chunk(document: &Document, doc: &Doc, parts: &[Part]) -> Option<Element> {
    let chunk = document.create_element("div").ok()?;
    chunk.set_class_name("chunk");
    // A guess at the height until it has been laid out once (`auto`):
    // about 70 characters per 28 px line, plus margins.
    let chars: usize = parts.iter().map(part_len).sum();
    let guess = chars / 70 * 28 + parts.len() * 16;
    // Through the CSSOM, not a `style` attribute: the page's CSP
    // (`style-src 'self'`) refuses inline style attributes.
    if let Some(chunk) = chunk.dyn_ref::<HtmlElement>() {
        _ = chunk
            .style()
            .set_property("contain-intrinsic-size", &format!("auto {guess}px"));
    }
    for part in parts {
        if let Some(el) = build_part(document, doc, part) {
            _ = chunk.append_child(&el);
        }
    }
    Some(chunk)
}

fn part_len(part: &Part) -> usize {
    match part {
        Part::Heading { block, .. }
        | Part::Paragraph(block)
        | Part::Byline(block)
        | Part::Credit(block) => block.span.len(),
        Part::List { items, .. } => items.iter().map(|item| item.span.len() + 20).sum(),
    }
}

fn build_part(document: &Document, doc: &Doc, part: &Part) -> Option<Element> {
    match part {
        Part::Heading { level, idx, block } => {
            let el = document
                .create_element(if *level >= 3 { "h3" } else { "h2" })
                .ok()?;
            el.set_id(&format!("section-{idx}"));
            _ = el.set_attribute("data-heading", &idx.to_string());
            fill(document, doc, &el, block);
            Some(el)
        }
        Part::Paragraph(block) => {
            let el = document.create_element("p").ok()?;
            fill(document, doc, &el, block);
            Some(el)
        }
        Part::Byline(block) | Part::Credit(block) => {
            let el = document.create_element("p").ok()?;
            let byline = matches!(part, Part::Byline(_));
            el.set_class_name(if byline { "byline" } else { "credit" });
            fill(document, doc, &el, block);
            Some(el)
        }
        Part::List { ordered, items } => {
            let list = document
                .create_element(if *ordered { "ol" } else { "ul" })
                .ok()?;
            for block in items {
                let li = document.create_element("li").ok()?;
                if let Some(item) = block.item {
                    li.set_class_name("hl hl--item");
                    _ = li.set_attribute("data-list", &item.list.to_string());
                    _ = li.set_attribute("data-item", &item.item.to_string());
                }
                fill(document, doc, &li, block);
                _ = list.append_child(&li);
            }
            Some(list)
        }
    }
}

/// Appends a block's segments to `parent`: lead-ins wrap quotes, quotes wrap
/// mentions, and plain text stays a bare text node.
fn fill(document: &Document, doc: &Doc, parent: &Element, block: &BlockView) {
    let mut lead: Option<(usize, Element)> = None;
    let mut quote: Option<(usize, Element)> = None;
    for segment in &block.segments {
        if lead.as_ref().map(|(idx, _)| *idx) != segment.lead {
            quote = None;
            lead = segment.lead.and_then(|idx| {
                let el = document.create_element("span").ok()?;
                el.set_class_name("hl hl--lead");
                _ = el.set_attribute("data-lead", &idx.to_string());
                _ = parent.append_child(&el);
                Some((idx, el))
            });
        }
        if quote.as_ref().map(|(idx, _)| *idx) != segment.quote {
            let outer = lead.as_ref().map_or(parent, |(_, el)| el);
            quote = segment.quote.and_then(|idx| {
                let el = quote_element(document, doc, idx)?;
                _ = outer.append_child(&el);
                Some((idx, el))
            });
        }
        let container = quote
            .as_ref()
            .or(lead.as_ref())
            .map_or(parent, |(_, el)| el);
        let text = doc.slice(segment.span);
        match segment.actor {
            Some(id) => {
                let Ok(el) = document.create_element("span") else {
                    continue;
                };
                let actor = doc.analysis.actors.get(id.index());
                let kind = actor.map_or("person", |a| a.kind.as_str());
                el.set_class_name(&format!("hl hl--actor hl--{kind} {}", doc.colour_class(id)));
                _ = el.set_attribute("data-actor", &id.0.to_string());
                // Tab stops at each actor's first mention only, so tabbing
                // through an article takes one stop per actor; N and P step
                // through the other mentions, which take focus from there.
                let first = actor
                    .and_then(|a| a.mentions.first())
                    .is_some_and(|m| m.start == segment.span.start);
                _ = el.set_attribute("tabindex", if first { "0" } else { "-1" });
                // A screen reader says the name can be selected, and
                // whether it is (kept up by `apply_selection`).
                _ = el.set_attribute("role", "button");
                _ = el.set_attribute("aria-pressed", "false");
                el.set_text_content(Some(text));
                _ = container.append_child(&el);
            }
            None => {
                _ = container.append_child(&document.create_text_node(text));
            }
        }
    }
}

fn quote_element(document: &Document, doc: &Doc, idx: usize) -> Option<Element> {
    let quote = doc.analysis.quotes.get(idx)?;
    let el = document.create_element("span").ok()?;
    let note = speaker_note(doc, idx);
    let colour = match quote.speaker {
        Some(id) => doc.colour_class(id),
        None => "unattributed".to_string(),
    };
    let uncertain = if note.is_uncertain() {
        " is-uncertain"
    } else {
        ""
    };
    el.set_class_name(&format!("hl hl--quote {colour}{uncertain}"));
    _ = el.set_attribute("data-quote", &idx.to_string());
    // Shown as a badge by CSS (`attr(data-badge)`), so it never enters the
    // article's text; a screen reader hears `data-label` in its place
    // ("Speaker: Jane Doe, inferred from a pronoun (he, she, they)").
    let speaker = quote
        .speaker
        .map_or("Unattributed", |id| doc.actor_name(id));
    _ = el.set_attribute("data-speaker", speaker);
    _ = el.set_attribute("data-badge", &note.badge);
    _ = el.set_attribute("data-label", &format!("({})", note.label));
    if let Some(how) = note.how {
        _ = el.set_attribute("data-how", how.as_str());
    }
    Some(el)
}

/// Marks the selected actor's mentions `is-selected` and returns how many.
pub fn apply_selection(root: &Element, selected: Option<crate::analysis::ActorId>) -> usize {
    for el in query_all(root, ".is-selected") {
        _ = el.class_list().remove_1("is-selected");
        _ = el.set_attribute("aria-pressed", "false");
    }
    let Some(id) = selected else { return 0 };
    let mentions = query_all(root, &format!(".hl--actor[data-actor=\"{}\"]", id.0));
    for el in &mentions {
        _ = el.class_list().add_1("is-selected");
        _ = el.set_attribute("aria-pressed", "true");
    }
    mentions.len()
}

pub fn query_all(root: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|idx| list.item(idx)?.dyn_into::<Element>().ok())
        .collect()
}
