//! How a quote's speaker is shown: the badge at the end of the quote,
//! whether it reads as certain, and the words a tooltip and a screen
//! reader give for it.
//!
//! Only a speaker named at the quote itself is certain
//! ([`Attribution::is_certain`]); one found nearby, through a pronoun or
//! carried over from the previous quote is a guess the reader should be
//! able to tell apart, so its badge ends with "?".

use crate::analysis::{Attribution, Quote};

use super::Doc;

/// What the page shows and says about a quote's speaker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeakerNote {
    /// The badge text: "Jane Doe", "Jane Doe?" or "Unattributed".
    pub badge: String,
    /// For a tooltip and the accessible name: "Speaker: Jane Doe, inferred
    /// from a pronoun (he, she, they)".
    pub label: String,
    /// How the speaker was found; `None` for no speaker.
    pub how: Option<Attribution>,
}

impl SpeakerNote {
    /// A speaker the article names at the quote, or one given with no
    /// word on how it was found.
    pub fn is_certain(&self) -> bool {
        self.how.is_none_or(Attribution::is_certain)
    }

    /// The speaker was inferred: shown with "?" and a dashed badge.
    pub fn is_uncertain(&self) -> bool {
        !self.is_certain()
    }
}

/// The note for quote `idx` of `doc` (an unknown index reads as no speaker).
pub fn speaker_note(doc: &Doc, idx: usize) -> SpeakerNote {
    let quote = doc.analysis.quotes.get(idx);
    let speaker = quote
        .and_then(|q| q.speaker)
        .filter(|id| id.index() < doc.analysis.actors.len());
    let Some(id) = speaker else {
        return SpeakerNote {
            badge: "Unattributed".into(),
            label: "No speaker found".into(),
            how: None,
        };
    };
    let name = doc.actor_name(id);
    let how = quote.and_then(|q: &Quote| q.attribution);
    match how {
        None => SpeakerNote {
            badge: name.to_string(),
            label: format!("Speaker: {name}"),
            how: None,
        },
        Some(how) => SpeakerNote {
            badge: match how.is_certain() {
                true => name.to_string(),
                false => format!("{name}?"),
            },
            label: format!("Speaker: {name}, {}", how.describe()),
            how: Some(how),
        },
    }
}
