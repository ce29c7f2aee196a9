//! The analysis core: article text in, actors, quotes, lists and structure out.
//!
//! Pure Rust: this module never names Leptos, `web-sys` or the DOM, so the
//! web app and the native `analyze` CLI share it unchanged.
//!
//! # Examples
//!
//! ```
//! use article_explorer::analysis::analyze;
//! let text = "\u{201c}We will win,\u{201d} said Jane Doe.";
//! let analysis = analyze(text);
//! // The words inside the marks, without the comma that hands over to the
//! // attribution (as in the gold files).
//! assert_eq!(&text[analysis.quotes[0].span], "We will win");
//! let speaker = analysis.quotes[0].speaker.unwrap();
//! assert_eq!(analysis.actor(speaker).name, "Jane Doe");
//! ```

mod blocks;
pub mod case;
mod entities;
mod furniture;
mod json;
pub mod lexicon;
mod lists;
pub mod order;
mod quotes;
pub mod recognizer;
mod sentences;
mod span;
mod speakers;
mod text;

pub use json::to_json;
pub use lists::topic as list_topic;
pub use span::Span;

use serde::Serialize;

/// Index of an actor in [`Analysis::actors`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct ActorId(pub u32);

impl ActorId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Organization,
    Country,
    Place,
    Group,
    Anonymous,
}

impl ActorKind {
    pub const ALL: [ActorKind; 6] = [
        ActorKind::Person,
        ActorKind::Organization,
        ActorKind::Country,
        ActorKind::Place,
        ActorKind::Group,
        ActorKind::Anonymous,
    ];

    /// The lowercase name used in the JSON export and in CSS classes.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organization => "organization",
            ActorKind::Country => "country",
            ActorKind::Place => "place",
            ActorKind::Group => "group",
            ActorKind::Anonymous => "anonymous",
        }
    }
}

/// One actor with every place the article names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    pub id: ActorId,
    /// The fullest name the article gives ("Volodymyr Zelenskyy").
    pub name: String,
    pub kind: ActorKind,
    /// Sorted, non-overlapping.
    pub mentions: Vec<Span>,
}

/// A direct quotation. `span` covers the words inside the marks, trimmed,
/// without a trailing comma.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    pub span: Span,
    pub speaker: Option<ActorId>,
    /// The attribution that names the speaker ("said a diplomatic source").
    pub cue: Option<Span>,
    /// How the speaker was found; `None` exactly when there is no speaker.
    pub attribution: Option<Attribution>,
}

/// How a quote's speaker was found, from the strongest evidence to the
/// weakest. Only [`Attribution::Cue`] names the speaker right at the quote;
/// the others are inferences, and the page shows them as uncertain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Attribution {
    /// Named in the quote's own sentence or line: `"…," said X`,
    /// `X said: "…"`, `— X` under a pull quote.
    Cue,
    /// Named in the sentence or paragraph next to the quote.
    Nearby,
    /// A pronoun ("she said") resolved to the actor it most likely means.
    Pronoun,
    /// Carried over from the previous quote, as the same speaker's turn.
    Continued,
}

impl Attribution {
    /// The lowercase name used in the JSON export and in CSS classes.
    pub fn as_str(self) -> &'static str {
        match self {
            Attribution::Cue => "cue",
            Attribution::Nearby => "nearby",
            Attribution::Pronoun => "pronoun",
            Attribution::Continued => "continued",
        }
    }

    /// A speaker named at the quote itself; every other way is a guess a
    /// reader should be able to tell apart.
    pub fn is_certain(self) -> bool {
        self == Attribution::Cue
    }

    /// How the speaker was found, in words for a tooltip.
    pub fn describe(self) -> &'static str {
        match self {
            Attribution::Cue => "named with the quote",
            Attribution::Nearby => "named in the neighbouring sentence",
            Attribution::Pronoun => "inferred from a pronoun (he, she, they)",
            Attribution::Continued => "carried over from the previous quote",
        }
    }
}

/// A bulleted or numbered list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct List {
    /// The sentence that introduces the list, when there is one.
    pub lead: Option<Span>,
    /// A topic word from the lead ("guarantees"), when there is one.
    pub topic: Option<String>,
    /// Each item's text without its marker.
    pub items: Vec<Span>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    Heading,
    Paragraph,
    /// One list item (its line and any wrapped continuation); `span` is its
    /// text without the marker.
    ListItem,
    /// "By Jane Doe and John Smith": who wrote the article.
    Byline,
    /// "(Reporting by …; editing by …)", "Photo: Jane Doe/AFP".
    Credit,
}

/// A name credited in a byline or credit line. Credited people are not
/// actors: they made the article, it is not about them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Credit {
    pub name: Span,
    pub role: CreditRole,
}

/// What a credited name did, from the words before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CreditRole {
    /// Named in the byline.
    Author,
    Reporting,
    Writing,
    Editing,
    /// A photo, picture, image, graphic or video.
    Picture,
    Other,
}

impl CreditRole {
    /// The lowercase name used in the JSON export.
    pub fn as_str(self) -> &'static str {
        match self {
            CreditRole::Author => "author",
            CreditRole::Reporting => "reporting",
            CreditRole::Writing => "writing",
            CreditRole::Editing => "editing",
            CreditRole::Picture => "picture",
            CreditRole::Other => "other",
        }
    }
}

/// What the structure stage did to hard-wrapped text: `lines` lines were
/// joined into `paragraphs` blocks (list items included). Zero for text
/// with one paragraph per line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Reflow {
    pub lines: usize,
    pub paragraphs: usize,
}

/// A line-level unit of the article, in text order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub span: Span,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Analysis {
    /// In order of first mention.
    pub actors: Vec<Actor>,
    /// In text order.
    pub quotes: Vec<Quote>,
    pub lists: Vec<List>,
    /// Headings, paragraphs and list items in text order.
    pub blocks: Vec<Block>,
    /// Sentence spans in text order.
    pub sentences: Vec<Span>,
    /// Names of places that are not actors ("in Osaka"), in text order.
    pub places: Vec<Span>,
    /// Names in bylines and credit lines, in text order.
    pub credits: Vec<Credit>,
    /// Hard-wrapped lines joined into paragraphs.
    pub reflow: Reflow,
}

impl Analysis {
    pub fn actor(&self, id: ActorId) -> &Actor {
        &self.actors[id.index()]
    }
}

/// Analyses an article. Total: never fails and never panics.
///
/// Every stage is a linear pass over the tokens (or the chars of a block),
/// so the cost grows with the length of the text and nothing else.
pub fn analyze(text: &str) -> Analysis {
    analyze_with(text, &recognizer::Model::embedded())
}

/// [`analyze`] with another name model (training compares candidates).
pub fn analyze_with(text: &str, model: &recognizer::Model) -> Analysis {
    let mut tokens = text::tokenize(text);
    // Joins hard-wrapped lines: from here on a soft line break is no
    // line start.
    let (block_infos, reflow) = blocks::blocks(text, &mut tokens);
    let tokens = tokens;
    let sents = sentences::sentences(text, &tokens, &block_infos);
    let quote_infos = quotes::quotes(text, &block_infos);
    let mut found = entities::find(text, &tokens, &block_infos, &sents, model);
    furniture::keep_apart(&mut found, &tokens, &block_infos);
    for actor in &mut found.actors {
        actor.name = blocks::one_line(std::mem::take(&mut actor.name));
    }
    let speakers = speakers::speakers(
        text,
        &tokens,
        &block_infos,
        &sents,
        &quote_infos,
        &found.actors,
        &found.ments,
    );
    let quotes = quote_infos
        .iter()
        .zip(speakers)
        .map(|(q, found)| Quote {
            span: q.span,
            speaker: found.map(|f| f.speaker),
            cue: found.and_then(|f| f.cue),
            attribution: found.map(|f| f.how),
        })
        .collect();
    Analysis {
        actors: found.actors,
        quotes,
        lists: lists::lists(text, &block_infos, &sents),
        blocks: block_infos
            .iter()
            .map(|b| Block {
                kind: b.kind,
                span: b.span,
            })
            .collect(),
        sentences: sents.iter().map(|s| s.span).collect(),
        places: found.places,
        credits: furniture::credits(text, &tokens, &block_infos),
        reflow,
    }
}
