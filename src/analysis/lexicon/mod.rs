//! Word lists of general knowledge, kept as sorted text files and loaded once.
//!
//! Every list here is general (titles, speech verbs, countries, first names…);
//! a list that exists to make one article pass would be a defect.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::order;

/// A small fast hasher for short words (the Fx hash of rustc): the default
/// SipHash guards against hostile keys, which word lookups do not need, and
/// costs several times more per lookup.
#[derive(Clone, Copy, Default)]
pub struct FxHasher {
    hash: u64,
}

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(FX_SEED);
    }
}

impl Hasher for FxHasher {
    /// Eight bytes at a time, little-endian, the last word zero-padded.
    /// Assembled by shifts: slice copies would be calls in the web build.
    fn write(&mut self, bytes: &[u8]) {
        let mut word = 0u64;
        let mut n = 0;
        for &b in bytes {
            word |= u64::from(b) << (8 * n);
            n += 1;
            if n == 8 {
                self.add(word);
                word = 0;
                n = 0;
            }
        }
        if n > 0 {
            self.add(word);
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

pub type FastSet<T> = HashSet<T, BuildHasherDefault<FxHasher>>;
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// The raw lexicon files, by name, so the tidy test can check each one.
pub const FILES: &[(&str, &str)] = &[
    ("abbreviations.txt", include_str!("abbreviations.txt")),
    ("anon_nouns.txt", include_str!("anon_nouns.txt")),
    (
        "common_capitalized.txt",
        include_str!("common_capitalized.txt"),
    ),
    ("countries.txt", include_str!("countries.txt")),
    ("female_names.txt", include_str!("female_names.txt")),
    ("first_names.txt", include_str!("first_names.txt")),
    ("group_modifiers.txt", include_str!("group_modifiers.txt")),
    ("group_nouns.txt", include_str!("group_nouns.txt")),
    ("months_days.txt", include_str!("months_days.txt")),
    ("org_words.txt", include_str!("org_words.txt")),
    ("orgs.txt", include_str!("orgs.txt")),
    ("place_words.txt", include_str!("place_words.txt")),
    ("places.txt", include_str!("places.txt")),
    ("roles.txt", include_str!("roles.txt")),
    ("speech_verbs.txt", include_str!("speech_verbs.txt")),
    ("titles.txt", include_str!("titles.txt")),
];

/// What a known multi-word name (from the country, org or place lists) is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Known {
    /// A country's name or short form; the index is into [`Lexicon::countries`].
    Country(u32),
    /// A capital city; a metonym for its country when it acts.
    Capital(u32),
    /// A demonym ("Ukrainian"): kept apart from the country.
    Demonym(u32),
    /// A well-known organisation; the index is into [`Lexicon::orgs`].
    Org(u32),
    /// A continent or region.
    Place,
}

pub struct Country {
    pub name: &'static str,
}

pub struct KnownOrg {
    /// The short form (an acronym) or the only name.
    pub name: &'static str,
    /// The expansion, if any ("National Aeronautics and Space Administration").
    pub long: Option<&'static str>,
}

/// Bit flags of a word: which lists it is in. One lookup per token answers
/// every membership question the analysis asks about it.
pub mod flag {
    pub const FIRST_NAME: u16 = 1;
    pub const TITLE: u16 = 1 << 1;
    pub const ORG_WORD: u16 = 1 << 2;
    pub const MONTH_DAY: u16 = 1 << 3;
    pub const COMMON: u16 = 1 << 4;
    pub const PLACE_WORD: u16 = 1 << 5;
    pub const KNOWN: u16 = 1 << 6;
    /// Lowercase lists, matched on the lowercased word.
    pub const SPEECH_VERB: u16 = 1 << 8;
    pub const GROUP_NOUN: u16 = 1 << 9;
    pub const GROUP_MODIFIER: u16 = 1 << 10;
    pub const ANON_NOUN: u16 = 1 << 11;
    pub const ROLE: u16 = 1 << 12;
    pub const LOWERCASE_LISTS: u16 = SPEECH_VERB | GROUP_NOUN | GROUP_MODIFIER | ANON_NOUN | ROLE;
}

pub struct Lexicon {
    /// Word → [`flag`] bits.
    pub flags: FastMap<&'static str, u16>,
    pub abbreviations: FastSet<&'static str>,
    pub anon_nouns: FastSet<&'static str>,
    pub common_capitalized: FastSet<&'static str>,
    pub female_names: FastSet<&'static str>,
    pub first_names: FastSet<&'static str>,
    pub group_modifiers: FastSet<&'static str>,
    pub group_nouns: FastSet<&'static str>,
    pub months_days: FastSet<&'static str>,
    pub org_words: FastSet<&'static str>,
    /// Words that make a name a place or a thing ("Center", "Museum").
    pub place_words: FastSet<&'static str>,
    pub roles: FastSet<&'static str>,
    pub speech_verbs: FastSet<&'static str>,
    pub titles: FastSet<&'static str>,
    pub countries: Vec<Country>,
    pub orgs: Vec<KnownOrg>,
    /// Known names keyed by their first word; each entry is the name's words
    /// and what it is. Longest names first so matching can take the first hit.
    pub known: FastMap<&'static str, Vec<(Vec<&'static str>, Known)>>,
}

/// The lexicon, built on first use.
pub fn get() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(build)
}

/// The non-empty lines of a lexicon file.
pub fn lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty())
}

fn set(text: &'static str) -> FastSet<&'static str> {
    lines(text).collect()
}

/// Splits a name into the words the tokenizer produces ("People's" becomes
/// "People" and "'s").
pub fn name_words(name: &'static str) -> Vec<&'static str> {
    let mut out = Vec::new();
    for word in name.split(' ').filter(|w| !w.is_empty()) {
        if let Some(stem) = word.strip_suffix("'s") {
            out.push(stem);
            out.push("'s");
        } else {
            out.push(word);
        }
    }
    out
}

fn build() -> Lexicon {
    let file = |name: &str| {
        FILES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| *t)
            .unwrap_or("")
    };
    let mut countries = Vec::new();
    let mut orgs = Vec::new();
    let mut known: FastMap<&'static str, Vec<(Vec<&'static str>, Known)>> = FastMap::default();
    let mut add = |name: &'static str, what: Known| {
        let words = name_words(name);
        if let Some(first) = words.first() {
            known.entry(first).or_default().push((words, what));
        }
    };
    for line in lines(file("countries.txt")) {
        let mut fields = line.split(';');
        let name = fields.next().unwrap_or("");
        let aliases = fields.next().unwrap_or("");
        let capitals = fields.next().unwrap_or("");
        let demonyms = fields.next().unwrap_or("");
        let idx = countries.len() as u32;
        countries.push(Country { name });
        add(name, Known::Country(idx));
        for alias in aliases.split(',').filter(|a| !a.is_empty()) {
            add(alias, Known::Country(idx));
        }
        for capital in capitals.split(',').filter(|a| !a.is_empty()) {
            add(capital, Known::Capital(idx));
        }
        for demonym in demonyms.split(',').filter(|a| !a.is_empty()) {
            add(demonym, Known::Demonym(idx));
        }
    }
    for line in lines(file("orgs.txt")) {
        let mut fields = line.split(';');
        let name = fields.next().unwrap_or("");
        let idx = orgs.len() as u32;
        let long = fields.next().filter(|a| !a.is_empty());
        let fields = fields;
        orgs.push(KnownOrg { name, long });
        add(name, Known::Org(idx));
        if let Some(long) = long {
            add(long, Known::Org(idx));
        }
        // Further fields are other short forms ("U.N.").
        for alias in fields.filter(|a| !a.is_empty()) {
            add(alias, Known::Org(idx));
        }
    }
    for line in lines(file("places.txt")) {
        add(line, Known::Place);
    }
    for entries in known.values_mut() {
        order::sort_by_rank(entries, |(words, _)| order::descending(words.len()));
    }
    let mut flags: FastMap<&'static str, u16> = FastMap::default();
    for (name, bit) in [
        ("first_names.txt", flag::FIRST_NAME),
        ("titles.txt", flag::TITLE),
        ("org_words.txt", flag::ORG_WORD),
        ("months_days.txt", flag::MONTH_DAY),
        ("common_capitalized.txt", flag::COMMON),
        ("place_words.txt", flag::PLACE_WORD),
        ("speech_verbs.txt", flag::SPEECH_VERB),
        ("group_nouns.txt", flag::GROUP_NOUN),
        ("group_modifiers.txt", flag::GROUP_MODIFIER),
        ("anon_nouns.txt", flag::ANON_NOUN),
        ("roles.txt", flag::ROLE),
    ] {
        for word in lines(file(name)) {
            *flags.entry(word).or_default() |= bit;
        }
    }
    for first in known.keys() {
        *flags.entry(first).or_default() |= flag::KNOWN;
    }
    Lexicon {
        flags,
        abbreviations: set(file("abbreviations.txt")),
        anon_nouns: set(file("anon_nouns.txt")),
        common_capitalized: set(file("common_capitalized.txt")),
        female_names: set(file("female_names.txt")),
        first_names: set(file("first_names.txt")),
        group_modifiers: set(file("group_modifiers.txt")),
        group_nouns: set(file("group_nouns.txt")),
        months_days: set(file("months_days.txt")),
        org_words: set(file("org_words.txt")),
        place_words: set(file("place_words.txt")),
        roles: set(file("roles.txt")),
        speech_verbs: set(file("speech_verbs.txt")),
        titles: set(file("titles.txt")),
        countries,
        orgs,
        known,
    }
}
