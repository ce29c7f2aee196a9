//! Word lists of general knowledge, kept as sorted text files and loaded once.
//!
//! Every list here is general (titles, speech verbs, countries, first names…);
//! a list that exists to make one article pass would be a defect.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// The raw lexicon files, by name, so the tidy test can check each one.
pub const FILES: &[(&str, &str)] = &[
    ("abbreviations.txt", include_str!("abbreviations.txt")),
    ("anon_nouns.txt", include_str!("anon_nouns.txt")),
    ("common_capitalized.txt", include_str!("common_capitalized.txt")),
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
}

pub struct Lexicon {
    pub abbreviations: HashSet<&'static str>,
    pub anon_nouns: HashSet<&'static str>,
    pub common_capitalized: HashSet<&'static str>,
    pub female_names: HashSet<&'static str>,
    pub first_names: HashSet<&'static str>,
    pub group_modifiers: HashSet<&'static str>,
    pub group_nouns: HashSet<&'static str>,
    pub months_days: HashSet<&'static str>,
    pub org_words: HashSet<&'static str>,
    /// Words that make a name a place or a thing ("Center", "Museum").
    pub place_words: HashSet<&'static str>,
    pub roles: HashSet<&'static str>,
    pub speech_verbs: HashSet<&'static str>,
    pub titles: HashSet<&'static str>,
    pub countries: Vec<Country>,
    pub orgs: Vec<KnownOrg>,
    /// Known names keyed by their first word; each entry is the name's words
    /// and what it is. Longest names first so matching can take the first hit.
    pub known: HashMap<&'static str, Vec<(Vec<&'static str>, Known)>>,
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

fn set(text: &'static str) -> HashSet<&'static str> {
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
    let file = |name: &str| FILES.iter().find(|(n, _)| *n == name).map(|(_, t)| *t).unwrap_or("");
    let mut countries = Vec::new();
    let mut orgs = Vec::new();
    let mut known: HashMap<&'static str, Vec<(Vec<&'static str>, Known)>> = HashMap::new();
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
        orgs.push(KnownOrg { name });
        add(name, Known::Org(idx));
        for long in fields.filter(|a| !a.is_empty()) {
            add(long, Known::Org(idx));
        }
    }
    for line in lines(file("places.txt")) {
        add(line, Known::Place);
    }
    for entries in known.values_mut() {
        entries.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
    }
    Lexicon {
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
