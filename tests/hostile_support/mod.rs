//! Shared by `tests/hostile.rs` and `tests/fuzz.rs`: the invariants every
//! analysis must keep, whatever text it was given.

use article_explorer::analysis::{Analysis, Span};

fn on_boundary(text: &str, s: Span) -> bool {
    s.start <= s.end
        && s.end <= text.len()
        && text.is_char_boundary(s.start)
        && text.is_char_boundary(s.end)
}

/// Describes the first broken invariant, if any: spans on char boundaries
/// inside the text, non-overlapping mentions and quotes, speakers that are
/// real actors, blocks and sentences in order.
pub fn broken_invariant(text: &str, a: &Analysis) -> Option<String> {
    let mut mentions: Vec<Span> = Vec::new();
    for (i, actor) in a.actors.iter().enumerate() {
        if actor.id.index() != i {
            return Some(format!("actor {i} has id {:?}", actor.id));
        }
        if actor.mentions.is_empty() {
            return Some(format!("actor {i} has no mention"));
        }
        for &m in &actor.mentions {
            if !on_boundary(text, m) || m.is_empty() {
                return Some(format!(
                    "mention {m:?} of actor {i} is not a non-empty span on char boundaries"
                ));
            }
            mentions.push(m);
        }
    }
    mentions.sort();
    if let Some(w) = mentions.windows(2).find(|w| w[0].end > w[1].start) {
        return Some(format!("mentions overlap: {:?} {:?}", w[0], w[1]));
    }
    for q in &a.quotes {
        if !on_boundary(text, q.span) || q.cue.is_some_and(|c| !on_boundary(text, c)) {
            return Some(format!(
                "quote {:?} (cue {:?}) is off char boundaries",
                q.span, q.cue
            ));
        }
        if q.speaker.is_some_and(|s| s.index() >= a.actors.len()) {
            return Some(format!(
                "quote {:?} has speaker {:?}, who is no actor",
                q.span, q.speaker
            ));
        }
    }
    if let Some(w) = a
        .quotes
        .windows(2)
        .find(|w| w[0].span.end > w[1].span.start)
    {
        return Some(format!(
            "quotes overlap or are out of order: {:?} {:?}",
            w[0].span, w[1].span
        ));
    }
    for l in &a.lists {
        if l.items.is_empty() {
            return Some("a list has no items".into());
        }
        if let Some(s) = l
            .items
            .iter()
            .chain(l.lead.iter())
            .find(|&&s| !on_boundary(text, s))
        {
            return Some(format!("list span {s:?} is off char boundaries"));
        }
    }
    if let Some(b) = a.blocks.iter().find(|b| !on_boundary(text, b.span)) {
        return Some(format!("block {:?} is off char boundaries", b.span));
    }
    if let Some(w) = a
        .blocks
        .windows(2)
        .find(|w| w[0].span.end > w[1].span.start)
    {
        return Some(format!(
            "blocks out of order: {:?} {:?}",
            w[0].span, w[1].span
        ));
    }
    if let Some(s) = a.sentences.iter().find(|&&s| !on_boundary(text, s)) {
        return Some(format!("sentence {s:?} is off char boundaries"));
    }
    None
}

/// Panics, naming the input, when an invariant is broken.
#[allow(dead_code)]
pub fn assert_invariants(name: &str, text: &str, a: &Analysis) {
    if let Some(what) = broken_invariant(text, a) {
        panic!("{name}: {what}");
    }
}
