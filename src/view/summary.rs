//! Summaries for the side panel and status line: prominence, colours,
//! grouping by kind and by speaker, labels.

use std::collections::HashMap;

use crate::analysis::case::upper;
use crate::analysis::{order, ActorId, ActorKind, Analysis, List};

/// How many distinct actor colours the palette has; less prominent actors
/// share a neutral "other" colour so the main ones stay tellable apart.
pub const N_COLOURS: u8 = 8;

/// Actor ids, most mentioned first; ties keep the order of first mention.
pub fn prominence(analysis: &Analysis) -> Vec<ActorId> {
    // Ids are positions in `actors`; use the positions so a stale id can't
    // index out of bounds.
    let mut ids: Vec<ActorId> = (0..analysis.actors.len() as u32).map(ActorId).collect();
    order::sort_by_rank(&mut ids, |&id| {
        order::descending(analysis.actors[id.index()].mentions.len())
    });
    ids
}

/// The colour slot of each actor, by index: the most prominent actors get
/// slots `0..N_COLOURS` in rank order, the rest `N_COLOURS` ("other").
pub fn colour_slots(analysis: &Analysis) -> Vec<u8> {
    let mut slots = vec![N_COLOURS; analysis.actors.len()];
    for (rank, id) in prominence(analysis)
        .into_iter()
        .take(N_COLOURS as usize)
        .enumerate()
    {
        slots[id.index()] = rank as u8;
    }
    slots
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KindGroup {
    pub kind: ActorKind,
    /// Most mentioned first.
    pub actors: Vec<ActorId>,
}

/// Actors grouped by kind (in [`ActorKind::ALL`] order, empty kinds left
/// out), each group sorted by prominence.
pub fn actors_by_kind(analysis: &Analysis) -> Vec<KindGroup> {
    let ranked = prominence(analysis);
    let groups = ActorKind::ALL.into_iter().map(|kind| KindGroup {
        kind,
        actors: ranked
            .iter()
            .copied()
            .filter(|&id| analysis.actors[id.index()].kind == kind)
            .collect(),
    });
    groups.filter(|group| !group.actors.is_empty()).collect()
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeakerGroup {
    /// `None` for unattributed quotes.
    pub speaker: Option<ActorId>,
    /// Quote indices in text order.
    pub quotes: Vec<usize>,
}

/// Quotes grouped by speaker: most quoted first, unattributed last.
pub fn quotes_by_speaker(analysis: &Analysis) -> Vec<SpeakerGroup> {
    let mut groups: Vec<SpeakerGroup> = Vec::new();
    let mut group_of: HashMap<Option<ActorId>, usize> = HashMap::new();
    for (idx, quote) in analysis.quotes.iter().enumerate() {
        let group = *group_of.entry(quote.speaker).or_insert_with(|| {
            groups.push(SpeakerGroup {
                speaker: quote.speaker,
                quotes: Vec::new(),
            });
            groups.len() - 1
        });
        groups[group].quotes.push(idx);
    }
    // Stable: speakers with as many quotes stay in order of first quote.
    order::sort_by_rank(&mut groups, |group| {
        order::then(
            u64::from(group.speaker.is_none()),
            order::descending(group.quotes.len()),
        )
    });
    groups
}

/// "12 actors · 4 quotes · 1 list".
pub fn status_line(analysis: &Analysis) -> String {
    count_phrases(analysis).join(" · ")
}

/// ["12 actors", "4 quotes", "1 list"], for status lines and summaries.
pub fn count_phrases(analysis: &Analysis) -> [String; 3] {
    [
        plural(analysis.actors.len(), "actor", "actors"),
        plural(analysis.quotes.len(), "quote", "quotes"),
        plural(analysis.lists.len(), "list", "lists"),
    ]
}

/// "1 mention", "3 mentions".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The heading of a list in the panel: its capitalised topic ("Guarantees"),
/// or "List 2" when the lead names none.
pub fn list_title(list: &List, idx: usize) -> String {
    match list.topic.as_deref().map(str::trim) {
        Some(topic) if !topic.is_empty() => capitalise(topic),
        _ => format!("List {}", idx + 1),
    }
}

pub fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => std::iter::once(upper(first)).chain(chars).collect(),
        None => String::new(),
    }
}

pub fn kind_label(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Person => "Person",
        ActorKind::Organization => "Organization",
        ActorKind::Country => "Country",
        ActorKind::Place => "Place",
        ActorKind::Group => "Group",
        ActorKind::Anonymous => "Anonymous source",
    }
}

pub fn kind_plural(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Person => "People",
        ActorKind::Organization => "Organizations",
        ActorKind::Country => "Countries",
        ActorKind::Place => "Places",
        ActorKind::Group => "Groups",
        ActorKind::Anonymous => "Anonymous sources",
    }
}

/// At most `max_chars` characters of `text` on one line, with "…" when cut.
pub fn excerpt(text: &str, max_chars: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max_chars {
        return flat;
    }
    let cut: String = flat.chars().take(max_chars.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

pub fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .count()
}

/// The next (or previous) position among `len`, wrapping around; from
/// nothing, forward starts at the first and backward at the last.
pub fn step(current: Option<usize>, len: usize, forward: bool) -> Option<usize> {
    if len == 0 {
        return None;
    }
    Some(match (current, forward) {
        (None, true) => 0,
        (None, false) => len - 1,
        (Some(at), true) => (at + 1) % len,
        (Some(at), false) => (at.min(len - 1) + len - 1) % len,
    })
}
