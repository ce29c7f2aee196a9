//! The learned name recogniser: decides whether a capitalised run that no
//! rule claimed names a person, an organisation, a place, some other thing
//! (a work, an event, a product), or nothing at all.
//!
//! Word lists cannot hold every name in the news, and a capitalised word
//! alone may open a sentence or a headline. So the runs the rules leave are
//! classified by an averaged perceptron over hashed features (the words,
//! their shapes and affixes, the words around them, the word lists as
//! features, and facts about the whole document such as the same word seen
//! in lowercase elsewhere). It was trained on the GUM corpus by
//! `cargo run --release --bin train` (see [`train`]); the weights are
//! embedded as one table of `i8`, one row of five class scores per hash
//! bucket, beside a bitset of the lowercase words of the training texts
//! (is "design" an everyday word? then "Design" opening a sentence is
//! likely no name).
//!
//! Every occurrence of the same run votes together: a document names one
//! thing with one string ("one sense per document").

mod features;
#[cfg(not(target_arch = "wasm32"))]
pub mod train;

pub use features::{candidates, features, DocStats, TokenFacts};

use super::ActorKind;

/// What a candidate names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Label {
    None,
    Person,
    Organization,
    Place,
    /// A proper name that is no actor: a work, an event, a product, a law,
    /// a language, a day.
    Other,
}

impl Label {
    pub const ALL: [Label; 5] = [
        Label::None,
        Label::Person,
        Label::Organization,
        Label::Place,
        Label::Other,
    ];
    pub const COUNT: usize = 5;

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Label::None => "none",
            Label::Person => "person",
            Label::Organization => "organization",
            Label::Place => "place",
            Label::Other => "other",
        }
    }

    /// The actor kind of a label that names an actor.
    pub fn actor_kind(self) -> Option<ActorKind> {
        match self {
            Label::Person => Some(ActorKind::Person),
            Label::Organization => Some(ActorKind::Organization),
            Label::Place => Some(ActorKind::Place),
            Label::None | Label::Other => None,
        }
    }
}

/// Number of hash bits: the weight table has `1 << BITS` rows.
pub const BITS: u32 = 15;
const ROWS: usize = 1 << BITS;

/// The embedded weights: `ROWS` rows of [`Label::COUNT`] `i8` scores.
static WEIGHTS: &[u8] = include_bytes!("weights.bin");
/// The embedded vocabulary: a bitset of `VOCAB_BITS` bits.
static VOCAB: &[u8] = include_bytes!("vocab.bin");

/// Bits of the vocabulary bitset: `1 << VOCAB_HASH` of them.
pub const VOCAB_HASH: u32 = 16;
pub const VOCAB_BYTES: usize = 1 << (VOCAB_HASH - 3);

/// A weight table and a vocabulary, borrowed from the embedded bytes or
/// built by training.
#[derive(Clone, Copy)]
pub struct Model<'a> {
    weights: &'a [u8],
    vocab: &'a [u8],
}

impl<'a> Model<'a> {
    /// The model trained into the crate.
    pub fn embedded() -> Model<'static> {
        Model {
            weights: WEIGHTS,
            vocab: VOCAB,
        }
    }

    /// A model over raw weights (`1 << BITS` rows of five `i8`) and a
    /// vocabulary bitset; `None` when either has the wrong size.
    pub fn from_bytes(weights: &'a [u8], vocab: &'a [u8]) -> Option<Model<'a>> {
        (weights.len() == ROWS * Label::COUNT && vocab.len() == VOCAB_BYTES)
            .then_some(Model { weights, vocab })
    }

    /// Whether a lowercase word is an everyday word of the training texts
    /// (a bitset: rare other words answer yes too).
    pub fn common(&self, lower_word: &str) -> bool {
        let bit = features::vocab_bit(lower_word);
        self.vocab
            .get(bit / 8)
            .is_some_and(|b| b & (1 << (bit % 8)) != 0)
    }

    /// The five class scores of a candidate's features.
    pub fn scores(&self, feats: &[u32]) -> [i32; Label::COUNT] {
        let mut out = [0i32; Label::COUNT];
        if self.weights.len() != ROWS * Label::COUNT {
            return out;
        }
        for &f in feats {
            let row = (f as usize & (ROWS - 1)) * Label::COUNT;
            for (c, s) in out.iter_mut().enumerate() {
                *s += i32::from(self.weights[row + c] as i8);
            }
        }
        out
    }
}

/// How far, per occurrence, a name's score must beat "no name". A wrong
/// actor crowds the reader's list and can take a quote; a missed one is
/// only missed. Chosen on the GUM validation split and the dev articles:
/// 100 keeps GUM's untyped F1 at 0.80 and raises precision on news.
pub const MARGIN: i32 = 100;

/// The best label of summed scores over `votes` occurrences; ties go to
/// the earlier label, so an all-zero score is [`Label::None`].
pub fn best(scores: &[i32; Label::COUNT], votes: i32) -> Label {
    let mut best = 0;
    for c in 1..Label::COUNT {
        if scores[c] > scores[best] {
            best = c;
        }
    }
    if best != 0 && scores[best] - scores[0] < MARGIN * votes.max(1) {
        return Label::None;
    }
    Label::ALL[best]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_must_beat_no_name_by_the_margin_per_vote() {
        let mut scores = [0; Label::COUNT];
        assert_eq!(best(&scores, 1), Label::None, "all zero is no name");
        scores[Label::Person.index()] = MARGIN - 1;
        assert_eq!(best(&scores, 1), Label::None);
        scores[Label::Person.index()] = MARGIN;
        assert_eq!(best(&scores, 1), Label::Person);
        assert_eq!(
            best(&scores, 2),
            Label::None,
            "two votes need twice the margin"
        );
        scores[Label::Other.index()] = MARGIN + 1;
        assert_eq!(best(&scores, 1), Label::Other);
    }

    #[test]
    fn the_embedded_model_has_its_sizes_and_knows_everyday_words() {
        assert!(Model::from_bytes(&[0; 4], &[0; VOCAB_BYTES]).is_none());
        let model = Model::embedded();
        assert!(model.common("the") && model.common("rain"));
        assert!(!model.common("kiribati"));
    }
}
