//! The view model: what the explorer draws, computed from an [`Analysis`].
//!
//! Pure Rust like [`crate::analysis`]: no Leptos, no `web-sys`, so it is
//! compiled and tested natively. The UI turns these plain values into DOM
//! nodes with a simple loop; everything that needs a decision lives here.
//!
//! # Examples
//!
//! ```
//! use article_explorer::analysis::{Analysis, Block, BlockKind, Span};
//! use article_explorer::view::{Doc, Part};
//! let text = "Hello world.";
//! let mut analysis = Analysis::default();
//! analysis.blocks.push(Block { kind: BlockKind::Paragraph, span: Span::new(0, 12) });
//! let doc = Doc::new(text.to_string(), analysis);
//! assert!(matches!(doc.article.parts[0], Part::Paragraph(_)));
//! ```

mod article;
mod charts;
mod history;
mod notice;
mod speaker;
mod summary;

pub use article::{ArticleModel, BlockView, ItemRef, Part, Segment};
pub use charts::{
    mention_mark_label, overview, percent, quote_chart, quote_mark_label, Mark, Overview,
    OverviewRow, QuoteChart, SpeakerBar,
};
pub use history::{history_title, previous, remember, MAX_KEPT_BYTES, MAX_KEPT_TEXTS};
pub use notice::{cleaned_notice, credits, reflow_notice};
pub use speaker::{speaker_note, SpeakerNote};
pub use summary::{
    actors_by_kind, capitalise, colour_slots, count_phrases, excerpt, kind_label, kind_plural,
    list_title, plural, prominence, quotes_by_speaker, status_line, step, word_count, KindGroup,
    SpeakerGroup, N_COLOURS,
};

use crate::analysis::{ActorId, Analysis, Span};

/// An analysed article with everything the UI derives from it, computed once
/// per analysis so rendering is only a walk over plain data.
#[derive(Clone, Debug, Default)]
pub struct Doc {
    pub text: String,
    pub analysis: Analysis,
    pub article: ArticleModel,
    /// Colour slot per actor index (`0..N_COLOURS`, or `N_COLOURS` for "other").
    pub colours: Vec<u8>,
    /// Actor ids, most mentioned first.
    pub prominence: Vec<ActorId>,
}

impl Doc {
    pub fn new(text: String, analysis: Analysis) -> Doc {
        let analysis = sanitise(&text, analysis);
        let article = ArticleModel::new(&text, &analysis);
        let colours = colour_slots(&analysis);
        let prominence = prominence(&analysis);
        Doc {
            text,
            analysis,
            article,
            colours,
            prominence,
        }
    }

    /// The text under `span`, or "" when the span does not fit the text.
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    /// The CSS colour class of an actor (`c0` … `c7`, `c-other`).
    pub fn colour_class(&self, id: ActorId) -> String {
        match self.colours.get(id.index()) {
            Some(&slot) if slot < N_COLOURS => format!("c{slot}"),
            _ => "c-other".to_string(),
        }
    }

    pub fn actor_name(&self, id: ActorId) -> &str {
        self.analysis
            .actors
            .get(id.index())
            .map_or("", |actor| actor.name.as_str())
    }

    pub fn n_mentions(&self, id: ActorId) -> usize {
        self.analysis
            .actors
            .get(id.index())
            .map_or(0, |actor| actor.mentions.len())
    }

    /// Indices of the quotes an actor speaks, in text order.
    pub fn quotes_of(&self, id: ActorId) -> Vec<usize> {
        let quotes = self.analysis.quotes.iter().enumerate();
        quotes
            .filter(|(_, quote)| quote.speaker == Some(id))
            .map(|(idx, _)| idx)
            .collect()
    }
}

/// Drops whatever the UI could not draw safely: spans outside the text or off
/// UTF-8 boundaries, and references to actors that do not exist. The engine
/// should never produce these; the UI must not panic if it does.
fn sanitise(text: &str, mut analysis: Analysis) -> Analysis {
    let ok = |span: &Span| {
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end)
    };
    let n_actors = analysis.actors.len();
    for (idx, actor) in analysis.actors.iter_mut().enumerate() {
        // Ids are indices; keep them so whatever the engine says.
        actor.id = ActorId(idx as u32);
        actor.mentions.retain(ok);
    }
    analysis.quotes.retain(|quote| ok(&quote.span));
    for quote in &mut analysis.quotes {
        if quote.speaker.is_some_and(|id| id.index() >= n_actors) {
            quote.speaker = None;
        }
        if quote.cue.is_some_and(|cue| !ok(&cue)) {
            quote.cue = None;
        }
    }
    for list in &mut analysis.lists {
        list.items.retain(ok);
        if list.lead.is_some_and(|lead| !ok(&lead)) {
            list.lead = None;
        }
    }
    analysis.blocks.retain(|block| ok(&block.span));
    analysis.sentences.retain(ok);
    analysis
}
