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
//! bucket.
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

/// A weight table, borrowed from the embedded bytes or built by training.
#[derive(Clone, Copy)]
pub struct Model<'a> {
    weights: &'a [u8],
}

impl<'a> Model<'a> {
    /// The model trained into the crate.
    pub fn embedded() -> Model<'static> {
        Model { weights: WEIGHTS }
    }

    /// A model over raw weights (`1 << BITS` rows of five `i8`); `None`
    /// when the table has the wrong size.
    pub fn from_bytes(weights: &'a [u8]) -> Option<Model<'a>> {
        (weights.len() == ROWS * Label::COUNT).then_some(Model { weights })
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

/// The best label of summed scores; ties go to the earlier label, so an
/// all-zero score is [`Label::None`].
pub fn best(scores: &[i32; Label::COUNT]) -> Label {
    let mut best = 0;
    for c in 1..Label::COUNT {
        if scores[c] > scores[best] {
            best = c;
        }
    }
    Label::ALL[best]
}
