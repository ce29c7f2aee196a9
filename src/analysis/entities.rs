//! Actors: finding names, classifying them and grouping their mentions.
//!
//! Three passes over the tokens, each linear:
//! 1. evidence: capitalised runs split into titles, organisations and
//!    person names; group phrases ("Military analysts") and anonymous
//!    sources ("a diplomatic source") from their nouns;
//! 2. aliases: every later occurrence of a surname, acronym or country name
//!    (and capitals used as metonyms) joins its actor;
//! 3. back-references: "the Ukrainian leader", "the Department", "the North".
//!
//! A capitalised word alone is no actor: a name needs evidence (a first
//! name, a title, an organisation word, a lexicon entry, a speech verb).

use std::borrow::Cow;

use super::blocks::BlockInfo;
use super::case::{lowercase, uppercase};
use super::lexicon::{self, flag, FastMap, Known, Lexicon};
use super::order;
use super::sentences::SentInfo;
use super::text::{is_all_caps, is_cap, is_double_quote, TokKind, Token};
use super::{Actor, ActorId, ActorKind, BlockKind, Span};

/// A mention located by tokens.
#[derive(Clone, Copy, Debug)]
pub struct Ment {
    pub tok_start: usize,
    pub tok_end: usize,
    pub actor: ActorId,
}

/// Actors with their mentions, and the mentions in text order.
pub struct Found {
    pub actors: Vec<Actor>,
    pub ments: Vec<Ment>,
}

const NONE: u32 = u32::MAX;

/// Capitalised words that never start a name, even mid-sentence.
fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "I" | "A"
            | "An"
            | "The"
            | "And"
            | "Or"
            | "But"
            | "Of"
            | "In"
            | "On"
            | "At"
            | "To"
            | "For"
            | "By"
            | "With"
            | "As"
            | "If"
    )
}

/// Packs a lexicon match into a u32: length in the top 4 bits, kind in the
/// next 3, index in the low 25; 0 is no match.
fn pack_known(k: Option<(u8, Known)>) -> u32 {
    let Some((len, what)) = k else { return 0 };
    let (kind, idx) = match what {
        Known::Country(i) => (1, i),
        Known::Capital(i) => (2, i),
        Known::Demonym(i) => (3, i),
        Known::Org(i) => (4, i),
        Known::Place => (5, 0),
    };
    (u32::from(len.min(15)) << 28) | (kind << 25) | (idx & 0x01ff_ffff)
}

fn unpack_known(v: u32) -> Option<(u8, Known)> {
    let idx = v & 0x01ff_ffff;
    let what = match (v >> 25) & 7 {
        1 => Known::Country(idx),
        2 => Known::Capital(idx),
        3 => Known::Demonym(idx),
        4 => Known::Org(idx),
        5 => Known::Place,
        _ => return None,
    };
    Some(((v >> 28) as u8, what))
}

/// The legal suffix of a company's name ("Acme Corporation", "Foo Inc").
fn is_corporate_suffix(w: &str) -> bool {
    matches!(
        w,
        "Corporation"
            | "Corp"
            | "Inc"
            | "Incorporated"
            | "Ltd"
            | "Limited"
            | "LLC"
            | "PLC"
            | "Plc"
            | "AG"
            | "SA"
            | "GmbH"
            | "SpA"
            | "NV"
            | "PJSC"
            | "Oyj"
            | "ASA"
            | "LLP"
            | "Company"
            | "Co"
            | "Holdings"
    )
}

/// The family name among a person's name words: the last, except in a
/// Korean-style "Cho Tae-yul", "Kim Jong-un", whose family name comes first
/// (a hyphenated given name with a lowercase second part).
fn surname(words: &[String]) -> &str {
    let Some(last) = words.last() else { return "" };
    let korean = words.len() == 2
        && last.split_once('-').is_some_and(|(a, b)| {
            !a.is_empty() && b.chars().next().is_some_and(char::is_lowercase)
        });
    if korean {
        &words[0]
    } else {
        last
    }
}

/// Organisation words that open their name in Romance languages.
fn is_leading_org_word(w: &str) -> bool {
    matches!(
        w,
        "Universidad"
            | "Universidade"
            | "Université"
            | "Università"
            | "Instituto"
            | "Institut"
            | "Banco"
            | "Banque"
            | "Ministerio"
            | "Ministério"
            | "Ministère"
            | "Partido"
            | "Parti"
            | "Agencia"
            | "Agence"
            | "Fundación"
            | "Fundação"
            | "Fondation"
    )
}

/// A brand-like word with a capital inside ("CenterPoint", "YouTube",
/// "OpenAI"), unlike surnames such as "McDonald", "MacArthur", "DeSantis".
fn is_camel_case(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() > 4
        && !w.starts_with("Mac")
        && b.iter()
            .enumerate()
            .skip(3)
            .any(|(k, c)| c.is_ascii_uppercase() && b[k - 1].is_ascii_lowercase())
}

/// Lowercase particles inside personal names.
fn is_particle(w: &str) -> bool {
    matches!(
        w,
        "van"
            | "von"
            | "der"
            | "den"
            | "de"
            | "da"
            | "das"
            | "del"
            | "di"
            | "do"
            | "bin"
            | "ibn"
            | "al"
            | "le"
            | "la"
            | "du"
            | "dos"
    )
}

fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "A"
            | "An"
            | "the"
            | "The"
            | "one"
            | "One"
            | "two"
            | "Two"
            | "three"
            | "Three"
            | "several"
            | "Several"
            | "some"
            | "Some"
            | "other"
            | "Other"
            | "another"
            | "Another"
    )
}

/// A surname shared by two people: it names neither alone.
const AMBIGUOUS: usize = usize::MAX;

/// Finds the actors of a tokenized text.
pub fn find(text: &str, tokens: &[Token], blocks: &[BlockInfo], sents: &[SentInfo]) -> Found {
    let mut b = Builder::new(text, tokens, blocks, sents);
    b.evidence();
    b.datelines();
    b.groups_and_sources();
    b.claim_candidates();
    b.aliases();
    b.speaking_names();
    b.back_references();
    b.finish()
}

struct ActorB {
    name: String,
    kind: ActorKind,
    /// Word sequences that name this actor anywhere in the text.
    aliases: Vec<Vec<String>>,
    /// For a person introduced as "Ukrainian President X": the country and
    /// the lowercase title head ("president").
    descriptor: Option<(u32, String)>,
}

struct Cand {
    tok_start: usize,
    tok_end: usize,
    actor: usize,
}

struct Builder<'a> {
    text: &'a str,
    toks: &'a [Token],
    blocks: &'a [BlockInfo],
    sents: &'a [SentInfo],
    lex: &'static Lexicon,
    /// Per token: first of its sentence (or right after an opening mark).
    initial: Vec<bool>,
    /// Per token: inside a heading.
    heading: Vec<bool>,
    /// Per token: its [`flag`] bits.
    flags: Vec<u16>,
    /// Per token: the longest lexicon name starting here, packed by
    /// [`pack_known`] into 4 bytes (this vector is as long as the text).
    known: Vec<u32>,
    actors: Vec<ActorB>,
    by_key: FastMap<String, usize>,
    cands: Vec<Cand>,
    /// Per token: the actor whose mention covers it.
    owner: Vec<u32>,
    ments: Vec<(usize, usize, usize)>,
    /// Actors of names already seen, by their text: repeated names skip
    /// building keys (most names in an article recur).
    person_cache: FastMap<&'a str, usize>,
    org_cache: FastMap<&'a str, usize>,
    /// Actor of each lexicon country and organisation, once created.
    country_actor: Vec<u32>,
    org_actor: Vec<u32>,
    /// Org actors with an explicit short form: "(NATO)", "(“NuScale”)".
    short_forms: Vec<(usize, String)>,
}

impl<'a> Builder<'a> {
    fn new(
        text: &'a str,
        toks: &'a [Token],
        blocks: &'a [BlockInfo],
        sents: &'a [SentInfo],
    ) -> Self {
        let lex = lexicon::get();
        let n = toks.len();
        let mut initial = vec![false; n];
        for s in sents {
            let mut i = s.tok_start;
            // Skip opening marks and brackets: the word after them is initial.
            while i < s.tok_end
                && matches!(toks[i].kind, TokKind::Punct(c) if is_double_quote(c) || "(['\u{2018}".contains(c))
            {
                i += 1;
            }
            if i < s.tok_end {
                initial[i] = true;
            }
        }
        for i in 1..n {
            if let TokKind::Punct(c) = toks[i - 1].kind {
                if is_double_quote(c) && toks[i].span().start == toks[i - 1].span().end {
                    initial[i] = true;
                }
            }
        }
        let mut heading = vec![false; n];
        for b in blocks.iter().filter(|b| b.kind == BlockKind::Heading) {
            heading[b.tok_start..b.tok_end].fill(true);
        }
        let mut builder = Builder {
            text,
            toks,
            blocks,
            sents,
            lex,
            initial,
            heading,
            known: vec![0; n],
            flags: vec![0; n],
            actors: Vec::new(),
            by_key: FastMap::default(),
            cands: Vec::new(),
            owner: vec![NONE; n],
            ments: Vec::new(),
            short_forms: Vec::new(),
            person_cache: FastMap::default(),
            org_cache: FastMap::default(),
            country_actor: vec![NONE; lex.countries.len()],
            org_actor: vec![NONE; lex.orgs.len()],
        };
        for i in 0..n {
            let w = builder.word(i);
            if w.is_empty() {
                continue;
            }
            let mut f = lex.flags.get(w).copied().unwrap_or(0);
            // Capitalised forms of the lowercase lists ("Analysts",
            // "Security"): lowercase into a stack buffer, no allocation.
            if w.len() <= 16 && w.as_bytes()[0].is_ascii_uppercase() {
                let mut buf = [0u8; 16];
                buf[..w.len()].copy_from_slice(w.as_bytes());
                buf[..w.len()].make_ascii_lowercase();
                if let Ok(lower) = std::str::from_utf8(&buf[..w.len()]) {
                    f |= lex.flags.get(lower).copied().unwrap_or(0) & flag::LOWERCASE_LISTS;
                }
            }
            builder.flags[i] = f;
            if f & flag::KNOWN != 0 {
                builder.known[i] = pack_known(builder.match_known(i));
            }
        }
        builder
    }

    fn word(&self, i: usize) -> &'a str {
        match self.toks.get(i) {
            Some(t) if t.kind == TokKind::Word || t.kind == TokKind::Num => &self.text[t.span()],
            _ => "",
        }
    }

    /// The word in lowercase, allocating only when it has capitals.
    fn lower(&self, i: usize) -> Cow<'a, str> {
        let w = self.word(i);
        if w.chars().any(char::is_uppercase) {
            Cow::Owned(lowercase(w))
        } else {
            Cow::Borrowed(w)
        }
    }

    fn is_punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_punct(c))
    }

    /// Two tokens with no line break between them.
    fn same_line(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.line_start)
    }

    fn match_known(&self, i: usize) -> Option<(u8, Known)> {
        let first = self.word(i);
        if first.is_empty() {
            return None;
        }
        let entries = self.lex.known.get(first)?;
        'entry: for (words, what) in entries {
            for (k, w) in words.iter().enumerate().skip(1) {
                let j = i + k;
                let Some(t) = self.toks.get(j) else {
                    continue 'entry;
                };
                if t.line_start {
                    continue 'entry;
                }
                let ok = if *w == "'s" {
                    t.kind == TokKind::Possessive
                } else {
                    self.word(j) == *w
                };
                if !ok {
                    continue 'entry;
                }
            }
            return Some((words.len() as u8, *what));
        }
        None
    }

    fn actor(&mut self, key: String, name: &str, kind: ActorKind) -> usize {
        // A name wrapped over two lines (a soft break) is the same name.
        let key = super::blocks::one_line(key);
        let name = super::blocks::one_line(name.to_string());
        let name = name.as_str();
        if let Some(&a) = self.by_key.get(&key) {
            if name.len() > self.actors[a].name.len() && kind == ActorKind::Person {
                self.actors[a].name = name.to_string();
            }
            return a;
        }
        let a = self.actors.len();
        self.actors.push(ActorB {
            name: name.to_string(),
            kind,
            aliases: Vec::new(),
            descriptor: None,
        });
        self.by_key.insert(key, a);
        a
    }

    fn span_text(&self, start: usize, end: usize) -> &'a str {
        &self.text[self.toks[start].span().start..self.toks[end - 1].span().end]
    }

    // ---------------------------------------------------------------- pass 1

    fn evidence(&mut self) {
        for s in 0..self.sents.len() {
            let SentInfo {
                tok_start, tok_end, ..
            } = self.sents[s];
            let mut i = tok_start;
            while i < tok_end {
                if self.starts_run(i) {
                    let end = self.run_end(i, tok_end);
                    self.run(i, end);
                    i = end.max(i + 1);
                } else {
                    i += 1;
                }
            }
        }
    }

    /// A capitalised word that can be part of a name.
    fn is_name_word(&self, i: usize) -> bool {
        let w = self.word(i);
        if w.is_empty() || self.toks[i].kind != TokKind::Word {
            return false;
        }
        if is_cap(w) {
            // "New South Wales Police" opening a sentence: "New" before a
            // name is part of it.
            let new_name = w == "New"
                && !self.heading[i]
                && self
                    .word(i + 1)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
                && self.same_line(i + 1)
                && !self.has(i + 1, flag::COMMON);
            return !self.has(i, flag::MONTH_DAY)
                && (new_name
                    || !(self.has(i, flag::COMMON)
                        && (self.initial[i] || self.heading[i] || is_function_word(w))));
        }
        // "al-Amr", "bin-Salman": a lowercase particle glued to a name.
        w.len() > 3
            && w.as_bytes()[..4].contains(&b'-')
            && w.split_once('-')
                .is_some_and(|(p, rest)| p.len() <= 3 && is_cap(rest))
    }

    fn starts_run(&self, i: usize) -> bool {
        self.is_name_word(i)
    }

    /// The end of a run of name words, connectors and initials.
    fn run_end(&self, start: usize, limit: usize) -> usize {
        let mut i = start + 1;
        while i < limit && self.same_line(i) {
            let t = &self.toks[i];
            if self.is_name_word(i) {
                i += 1;
                continue;
            }
            let w = self.word(i);
            let prev_word = self.word(i - 1);
            // "J." after an initial, "Mr." after a title abbreviation.
            if t.is_punct('.') && t.span().start == self.toks[i - 1].span().end {
                let initial = prev_word.chars().count() == 1 && is_cap(prev_word);
                let abbrev = self.lex.titles.contains(prev_word)
                    && self
                        .lex
                        .abbreviations
                        .contains(lowercase(prev_word).as_str());
                if (initial || abbrev) && i + 1 < limit && self.is_name_word(i + 1) {
                    i += 1;
                    continue;
                }
                break;
            }
            // "People's Army": a possessive inside a name is kept when a name
            // word follows; the segmenting below decides where names split.
            if t.kind == TokKind::Possessive && i + 1 < limit && self.is_name_word(i + 1) {
                i += 1;
                continue;
            }
            // "Mark van der Berg", "Osama bin Laden": lowercase particles.
            if is_particle(w)
                && i + 1 < limit
                && (self.is_name_word(i + 1) || is_particle(self.word(i + 1)))
                && (self.has(start, flag::FIRST_NAME | flag::TITLE)
                    || (start..i).rev().take(8).any(|k| self.is_org_word(k)))
            {
                i += 1;
                continue;
            }
            // A legal suffix ends a company's name: "Eni SpA and Repsol"
            // are two companies.
            let connector = (matches!(w, "of" | "for" | "on")
                || (matches!(w, "and" | "&") && !is_corporate_suffix(prev_word)))
                || (w == "the" && matches!(prev_word, "of" | "for"));
            if connector && i + 1 < limit {
                let next_ok = self.is_name_word(i + 1)
                    || (self.word(i + 1) == "the" && i + 2 < limit && self.is_name_word(i + 2));
                if next_ok {
                    i += 1;
                    continue;
                }
            }
            break;
        }
        // Never end on a connector or possessive.
        while i > start + 1 && !self.is_name_word(i - 1) {
            i -= 1;
        }
        i
    }

    fn known_at(&self, i: usize) -> Option<(u8, Known)> {
        unpack_known(self.known.get(i).copied().unwrap_or(0))
    }

    fn has(&self, i: usize, bits: u16) -> bool {
        self.flags.get(i).is_some_and(|f| f & bits != 0)
    }

    fn is_title(&self, i: usize) -> bool {
        self.has(i, flag::TITLE)
    }

    fn is_org_word(&self, i: usize) -> bool {
        self.has(i, flag::ORG_WORD)
    }

    fn is_first_name(&self, i: usize) -> bool {
        self.has(i, flag::FIRST_NAME)
    }

    /// Splits one run into organisations, titled persons and names.
    fn run(&mut self, start: usize, end: usize) {
        // "Ortega-Murillo regime", "Yonhap news agency".
        let org_noun = match (self.word(end), self.word(end + 1)) {
            ("regime" | "agency", _) => 1,
            ("news", "agency") => 2,
            _ => 0,
        };
        let plain = (start..end)
            .all(|k| !self.is_title(k) && self.known_at(k).is_none() && !self.is_first_name(k));
        if org_noun > 0 && plain && self.same_line(end) {
            self.org(start, end + org_noun);
            return;
        }
        // "CenterPoint Energy said": a brand-like name of two or three words.
        let words = end - start;
        if plain
            && (2..=3).contains(&words)
            && is_camel_case(self.word(start))
            && (start..end).all(|k| self.toks[k].kind == TokKind::Word)
        {
            self.org(start, end);
            return;
        }
        let mut used = vec![false; end - start];
        self.orgs_in_run(start, end, &mut used);
        let heading = self.heading[start];
        let mut i = start;
        while i < end {
            if used[i - start] {
                i += 1;
                continue;
            }
            if let Some((len, _)) = self.known_at(i) {
                let len = len as usize;
                // "Georgia Smith": a first name that is also a country.
                let person_first =
                    self.is_first_name(i) && len == 1 && i + 1 < end && self.is_name_word(i + 1);
                if !person_first {
                    // Country, capital, demonym or known org: the alias pass
                    // marks it; here it only precedes a title.
                    if self.is_title_at(i + len, end) && !heading {
                        let country = match self.known_at(i) {
                            Some((_, Known::Country(c) | Known::Demonym(c))) => Some(c),
                            _ => None,
                        };
                        i = self.titled_person(i + len, end, &used, start, country);
                        continue;
                    }
                    i += len;
                    continue;
                }
            }
            // "Principal Deputy Attorney General": a word that qualifies
            // the title after it.
            let qualifier = self.is_name_word(i)
                && !self.is_first_name(i)
                && self.is_title_at(i + 1, end)
                && !used.get(i + 1 - start).copied().unwrap_or(true);
            if (self.is_title(i) || qualifier) && !heading {
                i = self.titled_person(i, end, &used, start, None);
                continue;
            }
            if self.toks[i].kind == TokKind::Word && self.is_name_word(i) {
                let name_end = self.name_end(i, end, &used, start, 4);
                if name_end > i {
                    if self.is_person_name(i, name_end, start)
                        && (!heading || (self.is_first_name(i) && name_end - i >= 2))
                    {
                        let a = self.person(i, name_end, None);
                        // "Ukraine's energy minister, Herman Halushchenko,":
                        // the role description names the same person.
                        if let (Some(left), true) =
                            (self.role_apposition(i, name_end), a != AMBIGUOUS)
                        {
                            self.cands.push(Cand {
                                tok_start: left,
                                tok_end: i - 1,
                                actor: a,
                            });
                        }
                    }
                    i = name_end;
                    continue;
                }
            }
            i += 1;
        }
    }

    fn is_title_at(&self, i: usize, end: usize) -> bool {
        i < end && self.is_title(i)
    }

    /// "Ukraine's energy minister, Herman Halushchenko, said": a name set
    /// off by commas right after a lowercase role noun. Returns where the
    /// role description starts (its modifiers and a possessive owner).
    fn role_apposition(&self, i: usize, end: usize) -> Option<usize> {
        if i < 2 || !self.is_punct(i - 1, ',') {
            return None;
        }
        // The role noun, possibly followed by its field: "commissioner for
        // political affairs, Abdel-Fatau Musah,".
        let mut role = i - 2;
        let mut n = 0;
        while !(self.has(role, flag::ROLE) && !is_cap(self.word(role))) {
            let w = self.word(role);
            let plain = self.toks[role].kind == TokKind::Word
                && !is_cap(w)
                && !self.has(role, flag::SPEECH_VERB)
                && !matches!(
                    w,
                    "and"
                        | "or"
                        | "said"
                        | "says"
                        | "who"
                        | "which"
                        | "that"
                        | "is"
                        | "was"
                        | "has"
                        | "had"
                );
            if role == 0 || n >= 4 || !plain || !self.same_line(role) {
                return None;
            }
            role -= 1;
            n += 1;
        }
        if n > 0 && !matches!(self.word(role + 1), "for" | "of" | "on" | "at") {
            return None;
        }
        let closed = self.is_punct(end, ',')
            || self.is_punct(end, '.')
            || (self.has(end, flag::SPEECH_VERB) && !is_cap(self.word(end)));
        if !closed || !self.same_line(i) {
            return None;
        }
        let mut left = role;
        let mut n = 0;
        while left > 0 && n < 3 {
            let p = left - 1;
            let w = self.word(p);
            // "her South Korean counterpart": a demonym is a modifier too.
            let demonym = matches!(self.known_at(p), Some((1 | 2, Known::Demonym(_))))
                || (p > 0 && matches!(self.known_at(p - 1), Some((2, Known::Demonym(_)))));
            let modifier = self.toks[p].kind == TokKind::Word
                && (!is_cap(w) || demonym)
                && !is_determiner(w)
                && !self.has(p, flag::SPEECH_VERB)
                && !matches!(
                    w,
                    "and"
                        | "or"
                        | "of"
                        | "to"
                        | "in"
                        | "for"
                        | "with"
                        | "by"
                        | "on"
                        | "at"
                        | "as"
                        | "that"
                        | "who"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                        | "is"
                        | "was"
                );
            if !modifier || !self.same_line(left) {
                break;
            }
            left = p;
            n += 1;
        }
        // "Ukraine's": a possessive owner opens the description.
        if left >= 2
            && self.toks[left - 1].kind == TokKind::Possessive
            && is_cap(self.word(left - 2))
            && self.same_line(left - 1)
        {
            left -= 2;
            let owner_end = left;
            while left > 0
                && left + 4 > owner_end
                && self.is_name_word(left - 1)
                && self.same_line(left)
                && !self.initial[left]
            {
                left -= 1;
            }
        }
        Some(left)
    }

    /// Evidence that the name words `i..end` are a person.
    fn is_person_name(&self, i: usize, end: usize, run_start: usize) -> bool {
        let words: Vec<usize> = (i..end)
            .filter(|&k| self.toks[k].kind == TokKind::Word)
            .collect();
        if words.iter().any(|&k| {
            let w = self.word(k);
            is_camel_case(w)
                || self.is_org_word(k)
                || self.has(
                    k,
                    flag::PLACE_WORD | flag::GROUP_NOUN | flag::ANON_NOUN | flag::COMMON,
                )
                || is_all_caps(w)
                || self.known_at(k).is_some() && words.len() == 1
        }) {
            return false;
        }
        // "Jan. 5": an abbreviation that is also a first name.
        let abbreviated = words.len() == 1
            && self.is_punct(i + 1, '.')
            && self.lex.abbreviations.contains(self.lower(i).as_ref());
        if self.is_first_name(i)
            && !abbreviated
            && !(words.len() == 1 && self.known_at(i).is_some())
        {
            return true;
        }
        // "Enoh T. Ebong": a middle initial.
        if words.len() >= 3
            && words[1..words.len() - 1]
                .iter()
                .any(|&k| self.word(k).chars().count() == 1)
        {
            return true;
        }
        if i == run_start && words.len() <= 3 {
            // "senior party official Li Yuecheng", "his wife Manju Sam".
            if i > 0
                && self.has(i - 1, flag::ROLE)
                && !is_cap(self.word(i - 1))
                && self.same_line(i)
            {
                return true;
            }
            // "Rishi Sunak said on Tuesday": two or three name words as the
            // subject of a speech verb.
            if (2..=3).contains(&words.len())
                && self.has(end, flag::SPEECH_VERB)
                && !is_cap(self.word(end))
            {
                return true;
            }
            // "Ned Price, a State Department spokesman, said": an apposition
            // naming a role.
            if (2..=3).contains(&words.len()) && self.is_punct(end, ',') {
                let mut k = end + 1;
                while k < (end + 8).min(self.toks.len())
                    && !self.is_punct(k, ',')
                    && !self.is_punct(k, '.')
                {
                    if self.has(k, flag::ROLE) || self.is_title(k) {
                        return true;
                    }
                    k += 1;
                }
            }
            if (2..=3).contains(&words.len()) && self.role_apposition(i, end).is_some() {
                return true;
            }
            // "…, said Herman Halushchenko, the minister": two or three name
            // words right after a lowercase speech verb, ending a clause.
            let clause_end =
                self.is_punct(end, ',') || self.is_punct(end, '.') || !self.same_line(end);
            if (2..=3).contains(&words.len())
                && i > 0
                && self.has(i - 1, flag::SPEECH_VERB)
                && !is_cap(self.word(i - 1))
                && clause_end
            {
                return true;
            }
            // "Thomas Sam, 42,": a name with an age.
            if self.is_punct(end, ',')
                && self
                    .toks
                    .get(end + 1)
                    .is_some_and(|t| t.kind == TokKind::Num)
                && self.is_punct(end + 2, ',')
            {
                return true;
            }
            // "…,” said Smith." / "Smith said": named next to a speech verb
            // that follows a quotation.
            let after_quote = |k: usize| {
                k > 0
                    && matches!(self.toks[k - 1].kind, TokKind::Punct(c) if is_double_quote(c) || c == ',')
            };
            if i > 0 && self.has(i - 1, flag::SPEECH_VERB) && after_quote(i - 1) && !self.initial[i]
            {
                return true;
            }
            let right_after_mark =
                i > 0 && matches!(self.toks[i - 1].kind, TokKind::Punct(c) if is_double_quote(c));
            if self.has(end, flag::SPEECH_VERB)
                && after_quote(i)
                && (words.len() >= 2 || right_after_mark)
            {
                return true;
            }
        }
        false
    }

    /// The end of a person name starting at `i`: name words and initials.
    fn name_end(
        &self,
        i: usize,
        end: usize,
        used: &[bool],
        run_start: usize,
        max_words: usize,
    ) -> usize {
        let mut k = i;
        let mut words = 0;
        while k < end && !used[k - run_start] {
            let t = &self.toks[k];
            if t.kind == TokKind::Word {
                let w = self.word(k);
                if words > 0 && is_particle(w) && k + 1 < end && !used[k + 1 - run_start] {
                    k += 1;
                    continue;
                }
                if !self.is_name_word(k)
                    || self.is_title(k)
                    || self.is_org_word(k)
                    || self.has(k, flag::PLACE_WORD)
                    || words >= max_words
                {
                    break;
                }
                // "… Space Museum Steven F. Udvar-Hazy": a first name starts
                // a new name.
                if words >= 2 && self.is_first_name(k) && !self.is_first_name(i) {
                    break;
                }
                if words > 0 && self.known_at(k).is_some() && !self.is_first_name(k) {
                    break;
                }
                words += 1;
                k += 1;
            } else if t.is_punct('.') && k > i && self.word(k - 1).chars().count() == 1 {
                k += 1;
            } else {
                break;
            }
        }
        // "Lula da" when the surname after the particle did not fit.
        while k > i + 1 && is_particle(self.word(k - 1)) {
            k -= 1;
        }
        k
    }

    /// A title chain ("Assistant Secretary of State for …") and the name
    /// after it. Returns where the chain and name end.
    fn titled_person(
        &mut self,
        i: usize,
        end: usize,
        used: &[bool],
        run_start: usize,
        country: Option<u32>,
    ) -> usize {
        let mut k = i;
        let mut head = String::new();
        let mut phrase_words: Vec<usize> = Vec::new();
        while k < end && !used[k - run_start] {
            let qualifier = !self.is_title(k)
                && self.is_name_word(k)
                && !self.is_first_name(k)
                && k + 1 < end
                && !used[k + 1 - run_start]
                && self.is_title(k + 1);
            if qualifier {
                k += 1;
                continue;
            }
            if self.is_title(k) {
                head = self.lower(k).into_owned();
                k += 1;
                if self.is_punct(k, '.') {
                    k += 1;
                }
                continue;
            }
            // "of State", "for Climate", "of Washington": part of the title.
            if matches!(self.word(k), "of" | "for") && k + 1 < end && !used[k + 1 - run_start] {
                k += 1;
                if self.word(k) == "the" {
                    k += 1;
                }
                while k < end && !used[k - run_start] && !self.is_first_name(k) && !self.is_title(k)
                {
                    if self.toks[k].kind == TokKind::Word && self.is_name_word(k) {
                        phrase_words.push(k);
                    }
                    k += 1;
                }
                continue;
            }
            break;
        }
        // "Secretary of Foreign Affairs Enrique Manalo": the title's last
        // word sits before a first name.
        if k + 1 < end
            && !used[k - run_start]
            && !used[k + 1 - run_start]
            && !self.is_first_name(k)
            && self.is_first_name(k + 1)
            && self.is_name_word(k)
        {
            k += 1;
        }
        let mut name_start = k;
        let mut name_end = self.name_end(k, end, used, run_start, 4);
        if name_end == name_start && phrase_words.len() >= 3 {
            // No first name known: a long title ends with "Firstname Surname".
            let n = phrase_words.len();
            name_start = phrase_words[n - 2];
            name_end = phrase_words[n - 1] + 1;
        }
        if name_end > name_start && !(name_start..name_end).any(|t| self.is_org_word(t)) {
            let a = self.person(name_start, name_end, None);
            if !head.is_empty() && a != AMBIGUOUS && self.heading.get(name_start) == Some(&false) {
                self.claim_key(format!("t:{head}"), a);
            }
            if let (Some(c), false, true) = (country, head.is_empty(), a != AMBIGUOUS) {
                if self.actors[a].descriptor.is_none() {
                    self.actors[a].descriptor = Some((c, head));
                }
            }
        }
        name_end.max(k).max(i + 1)
    }

    /// Lets actor `a` own `key`; a key two actors claim belongs to neither.
    fn claim_key(&mut self, key: String, a: usize) {
        match self.by_key.get(&key) {
            None => {
                self.by_key.insert(key, a);
            }
            Some(&b) if b != a => {
                self.by_key.insert(key, AMBIGUOUS);
            }
            _ => {}
        }
    }

    fn person(&mut self, start: usize, end: usize, _hint: Option<()>) -> usize {
        let text = self.span_text(start, end);
        if let Some(&a) = self.person_cache.get(text) {
            self.cands.push(Cand {
                tok_start: start,
                tok_end: end,
                actor: a,
            });
            return a;
        }
        let a = self.person_uncached(start, end);
        if end - start >= 2 && a != AMBIGUOUS {
            self.person_cache.insert(text, a);
        }
        a
    }

    fn person_uncached(&mut self, start: usize, end: usize) -> usize {
        let words: Vec<String> = (start..end)
            .filter(|&k| self.toks[k].kind == TokKind::Word)
            .map(|k| self.word(k).to_string())
            .collect();
        let full = self.span_text(start, end).to_string();
        let surname = surname(&words).to_string();
        // A surname alone joins the person of that surname, a full name
        // joins an earlier "President Surname".
        let key_full = format!("p:{}", words.join(" "));
        let key_sur = format!("p:{surname}");
        let key_first = format!("f:{}", words.first().map(String::as_str).unwrap_or(""));
        // A one-word name's full key is its surname key, which may be AMBIGUOUS.
        let a = if let Some(&a) = self.by_key.get(&key_full).filter(|&&a| a != AMBIGUOUS) {
            a
        } else if words.len() == 1 && self.by_key.get(&key_first).is_some_and(|&a| a != AMBIGUOUS) {
            // "Thomas" after "Thomas Sam": the one person of that first name.
            self.by_key[&key_first]
        } else if self.by_key.get(&key_sur) == Some(&AMBIGUOUS) {
            if words.len() == 1 {
                return AMBIGUOUS;
            }
            self.new_person(&key_full, &full, &words)
        } else if let Some(&a) = self.by_key.get(&key_sur) {
            let a_words = self.actors[a].aliases.first().map(|w| w.len()).unwrap_or(0);
            if words.len() > 1 && a_words > 1 {
                // Two different people sharing a surname: keep them apart and
                // let neither own the bare surname.
                self.by_key.insert(key_sur.clone(), AMBIGUOUS);
                self.new_person(&key_full, &full, &words)
            } else {
                if words.len() > 1 {
                    self.by_key.insert(key_full, a);
                    self.actors[a].name = full.clone();
                    self.actors[a].aliases.insert(0, words.clone());
                }
                a
            }
        } else {
            let a = self.new_person(&key_full, &full, &words);
            if words.len() > 1 && !self.by_key.contains_key(&key_sur) {
                self.by_key.insert(key_sur, a);
            }
            a
        };
        if words.len() > 1 && self.lex.first_names.contains(words[0].as_str()) {
            self.claim_key(key_first, a);
        }
        self.cands.push(Cand {
            tok_start: start,
            tok_end: end,
            actor: a,
        });
        a
    }

    fn new_person(&mut self, key: &str, full: &str, words: &[String]) -> usize {
        let a = self.actor(key.to_string(), full, ActorKind::Person);
        if self.actors[a].aliases.is_empty() {
            self.actors[a].aliases.push(words.to_vec());
        }
        a
    }

    /// Organisations: name words ending in an organisation word, plus "of …".
    fn orgs_in_run(&mut self, start: usize, end: usize, used: &mut [bool]) {
        let mut k = start;
        while k < end {
            if !(self.is_org_word(k) && self.toks[k].kind == TokKind::Word) {
                k += 1;
                continue;
            }
            let mut last = k;
            while last + 1 < end && self.is_org_word(last + 1) {
                last += 1;
            }
            // "Universidad San Francisco de Quito", "Banco Santander": in
            // Romance languages the organisation word leads its name.
            if is_leading_org_word(self.word(k))
                && k == last
                && last + 1 < end
                && self.is_name_word(last + 1)
            {
                let mut right = last + 1;
                while right < end
                    && (self.is_name_word(right)
                        || is_particle(self.word(right))
                            && right + 1 < end
                            && self.is_name_word(right + 1))
                {
                    right += 1;
                }
                self.org(k, right);
                for u in &mut used[k - start..right - start] {
                    *u = true;
                }
                k = right;
                continue;
            }
            // "Air Force Base": the organisation word only describes a place.
            if last + 1 < end
                && self.is_name_word(last + 1)
                && !self.is_title(last + 1)
                && self.toks[last + 1].kind == TokKind::Word
            {
                k = last + 1;
                continue;
            }
            let mut right = last + 1;
            // "Court for the District of New Jersey": phrases may chain.
            while right < end && matches!(self.word(right), "of" | "for") {
                let mut j = right + 1;
                if self.word(j) == "the" {
                    j += 1;
                }
                let phrase_start = j;
                // "Ministry of Foreign Affairs": a title word inside the
                // phrase when a plain name word follows it.
                let field = |j: usize| {
                    self.is_title(j)
                        && j + 1 < end
                        && self.is_name_word(j + 1)
                        && !self.is_title(j + 1)
                        && !self.is_first_name(j + 1)
                };
                // "University of Rio Grande do Sul": a particle between names.
                let particle = |j: usize| {
                    j > phrase_start
                        && is_particle(self.word(j))
                        && j + 1 < end
                        && self.is_name_word(j + 1)
                };
                while j < end
                    && (self.is_name_word(j)
                        && (!self.is_title(j) || field(j))
                        && !self.is_first_name(j)
                        || (self.word(j) == "and" && j > phrase_start)
                        || particle(j))
                {
                    j += 1;
                }
                while j > phrase_start && self.word(j - 1) == "and" {
                    j -= 1;
                }
                if j > phrase_start {
                    right = j;
                } else {
                    break;
                }
            }
            let mut left = k;
            while left > start {
                let p = left - 1;
                let t = &self.toks[p];
                let ok = match t.kind {
                    TokKind::Word => {
                        let w = self.word(p);
                        // "Justice Department": a title word can name an
                        // organisation's field; "Mr", "Dr" cannot.
                        (self.is_name_word(p)
                            && !(self.is_title(p)
                                && self.lex.abbreviations.contains(lowercase(w).as_str())))
                            || ((w == "and" || w == "&") && p > start && self.is_name_word(p - 1))
                    }
                    // "Korean People's Army", but "Saudi Arabia's Civil
                    // Defense Authority" is two names.
                    TokKind::Possessive => {
                        p > start
                            && matches!(
                                self.word(p - 1),
                                "People" | "Peoples" | "Women" | "Workers"
                            )
                    }
                    TokKind::Punct('.') => p > start && self.word(p - 1).chars().count() == 1,
                    _ => false,
                };
                if !ok {
                    break;
                }
                left = p;
            }
            while left < k && matches!(self.word(left), "and" | "&") {
                left += 1;
            }
            let bare = left == k && right == last + 1 && last == k;
            if !bare {
                self.org(left, right);
                for u in &mut used[left - start..right - start] {
                    *u = true;
                }
            }
            k = right.max(k + 1);
        }
    }

    fn org(&mut self, start: usize, end: usize) -> usize {
        let text = self.span_text(start, end);
        let a = match self.org_cache.get(text) {
            Some(&a) => a,
            None => {
                let a = self.org_actor_of(start, end);
                self.org_cache.insert(text, a);
                a
            }
        };
        self.cands.push(Cand {
            tok_start: start,
            tok_end: end,
            actor: a,
        });
        // "Name (ACR)", "Name [ACR]", "Name (“Short”)": a short form.
        let mut j = end;
        if self.is_punct(j, '(') || self.is_punct(j, '[') {
            j += 1;
            if matches!(self.toks.get(j).map(|t| t.kind), Some(TokKind::Punct(c)) if is_double_quote(c))
            {
                j += 1;
            }
            let short = self.word(j);
            let closes = |k: usize| {
                self.is_punct(k, ')')
                    || self.is_punct(k, ']')
                    || matches!(self.toks.get(k).map(|t| t.kind), Some(TokKind::Punct(c)) if is_double_quote(c))
            };
            if !short.is_empty() && is_cap(short) && closes(j + 1) {
                self.short_forms.push((a, short.to_string()));
            }
        }
        a
    }

    fn org_actor_of(&mut self, start: usize, end: usize) -> usize {
        let words: Vec<String> = (start..end)
            .filter(|&k| self.toks[k].kind == TokKind::Word)
            .map(|k| self.word(k).to_string())
            .collect();
        let name = self.span_text(start, end).to_string();
        // "Regime" in a headline and "regime" in the body are one name.
        let mut key = format!("o:{}", lowercase(&words.join(" ")));
        // A known expansion ("North Atlantic Treaty Organization") is the
        // same actor as its short form ("NATO").
        if let Some((len, Known::Org(o))) = self.known_at(start) {
            if start + len as usize == end {
                key = format!("o:{}", lowercase(self.lex.orgs[o as usize].name));
            }
        }
        let a = self.actor(key, &name, ActorKind::Organization);
        if self.actors[a].aliases.iter().all(|w| *w != words) {
            self.actors[a].aliases.push(words.clone());
        }
        a
    }

    /// "BRUSSELS —", "BERLIN (Reuters) -", "WASHINGTON, Dec 3 (Reuters) -":
    /// the all-caps city opening a paragraph of wire copy is a place (the
    /// agency in brackets is found as a speaking name or known org).
    fn datelines(&mut self) {
        for b in 0..self.blocks.len() {
            let BlockInfo {
                kind,
                tok_start,
                tok_end,
                ..
            } = self.blocks[b];
            if kind != BlockKind::Paragraph {
                continue;
            }
            let mut end = tok_start;
            while end < tok_end && end < tok_start + 3 && self.toks[end].kind == TokKind::Word {
                let w = self.word(end);
                if w.chars().count() < 2 || !is_all_caps(w) || !w.chars().all(char::is_alphabetic) {
                    break;
                }
                end += 1;
            }
            if end == tok_start || self.known_at(tok_start).is_some() {
                continue;
            }
            // A dash or an opening bracket right after, or after a date.
            let dash = |k: usize| {
                matches!(
                    self.toks.get(k).map(|t| t.kind),
                    Some(TokKind::Punct('\u{2014}' | '\u{2013}' | '-' | '('))
                )
            };
            let opens = dash(end)
                || (self.is_punct(end, ',') && (end + 1..(end + 6).min(tok_end)).any(|k| dash(k)));
            if !opens || (tok_start..end).any(|k| self.owner[k] != NONE) {
                continue;
            }
            let name: Vec<String> = (tok_start..end)
                .map(|k| {
                    let w = self.word(k);
                    let mut c = w.chars();
                    c.next()
                        .map(|f| f.to_string() + &lowercase(c.as_str()))
                        .unwrap_or_default()
                })
                .collect();
            let name = name.join(" ");
            let a = self.actor(format!("l:{name}"), &name, ActorKind::Place);
            self.cands.push(Cand {
                tok_start,
                tok_end: end,
                actor: a,
            });
        }
    }

    // ------------------------------------------------- groups and sources

    fn groups_and_sources(&mut self) {
        for s in 0..self.sents.len() {
            let SentInfo {
                tok_start, tok_end, ..
            } = self.sents[s];
            if self.heading.get(tok_start).copied().unwrap_or(false) {
                continue;
            }
            for i in tok_start..tok_end {
                if self.toks[i].kind != TokKind::Word {
                    continue;
                }
                // "100 Nicaraguans": a counted group of a nationality.
                if let Some((len, Known::Demonym(_))) = self.known_at(i) {
                    let end = i + len as usize;
                    let plural = self.word(end - 1).ends_with('s');
                    if plural && i > tok_start && self.toks[i - 1].kind == TokKind::Num {
                        let phrase = self.span_text(i - 1, end).to_string();
                        let a = self.actor(format!("g:{phrase}"), &phrase, ActorKind::Group);
                        self.cands.push(Cand {
                            tok_start: i - 1,
                            tok_end: end,
                            actor: a,
                        });
                        continue;
                    }
                }
                if matches!(self.word(i), "ministry" | "embassy" | "parliament") {
                    self.national_body(i, tok_start);
                    continue;
                }
                if !self.has(i, flag::ANON_NOUN | flag::GROUP_NOUN)
                    && !self.word(i).eq_ignore_ascii_case("community")
                {
                    continue;
                }
                let lower = self.lower(i);
                if self.has(i, flag::ANON_NOUN) && self.anonymous(i, tok_start, tok_end, &lower) {
                    continue;
                }
                if self.has(i, flag::GROUP_NOUN) || lower == "community" {
                    self.group(i, tok_start, &lower);
                }
            }
        }
    }

    /// "a diplomatic source who …", "a White House official", "sources
    /// familiar with the preparations", "a spokeswoman for the police".
    fn anonymous(&mut self, i: usize, sent_start: usize, sent_end: usize, lower: &str) -> bool {
        // "official Li Yuecheng": a role before a name is a title.
        if self.is_name_word(i + 1) && self.same_line(i + 1) {
            return false;
        }
        let mut left = i;
        let mut n = 0;
        while left > sent_start && n < 3 {
            let p = left - 1;
            let w = self.word(p);
            if self.toks[p].kind != TokKind::Word || is_determiner(w) {
                break;
            }
            // "Later ministry officials said": a sentence adverb.
            if is_cap(w) && self.initial[p] && self.has(p, flag::COMMON) {
                break;
            }
            if is_cap(w)
                && self
                    .known_at(p)
                    .is_some_and(|(_, k)| !matches!(k, Known::Demonym(_) | Known::Org(_)))
            {
                break;
            }
            if matches!(
                w,
                "of" | "and"
                    | "to"
                    | "in"
                    | "for"
                    | "with"
                    | "by"
                    | "on"
                    | "at"
                    | "that"
                    | "said"
                    | "says"
                    | "told"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
            ) {
                break;
            }
            left = p;
            n += 1;
        }
        let det = left.checked_sub(1).map(|p| self.word(p)).unwrap_or("");
        // "Ned Price, a State Department spokesman,": an apposition to a
        // name describes that person, not an unnamed source.
        if left >= 3 && self.is_punct(left - 2, ',') && self.is_name_word(left - 3) {
            return false;
        }
        let indefinite = matches!(
            det,
            "a" | "an"
                | "A"
                | "An"
                | "one"
                | "two"
                | "three"
                | "several"
                | "some"
                | "Some"
                | "another"
                | "One"
                | "Two"
                | "Three"
                | "Several"
        );
        let plural = lower.ends_with('s');
        let next = self.word(i + 1);
        let extends = matches!(next, "familiar" | "close" | "briefed")
            || (next == "with" && self.word(i + 2) == "knowledge");
        // "people" is a source only as "people familiar with …".
        if lower == "people" && !extends {
            return false;
        }
        let according = left >= 2
            && self.word(left - 1) == "to"
            && self.word(left - 2).eq_ignore_ascii_case("according");
        if !(indefinite || (plural && (extends || according || self.has(i + 1, flag::SPEECH_VERB))))
        {
            return false;
        }
        // Extend over "familiar with the X", "close to the X", "for the X".
        let mut end = i + 1;
        if matches!(next, "familiar" | "close" | "briefed") {
            let mut j = i + 2;
            if matches!(self.word(j), "with" | "to" | "on") {
                j += 1;
                let stop = (j + 4).min(sent_end);
                while j < stop
                    && self.toks[j].kind == TokKind::Word
                    && !matches!(self.word(j), "said" | "says" | "who" | "and")
                {
                    j += 1;
                }
                end = j;
            }
        } else if next == "for"
            && self.word(i + 2) == "the"
            && self
                .toks
                .get(i + 3)
                .is_some_and(|t| t.kind == TokKind::Word)
        {
            end = i + 4;
            // "a spokesperson for the Labour Party": the whole name.
            while end < sent_end
                && end < i + 8
                && self.is_name_word(end)
                && self.is_name_word(end - 1)
                && self.same_line(end)
            {
                end += 1;
            }
        }
        let phrase = self.span_text(left, end).to_string();
        let key = format!("x:{}", lowercase(&phrase));
        // "a White House official": the organisation keeps its own mention,
        // the unnamed person is the noun.
        if (left..i).any(|k| {
            is_cap(self.word(k))
                && !self.initial[k]
                && !matches!(self.known_at(k), Some((_, Known::Demonym(_))))
        }) {
            left = i;
        }
        let name = if indefinite {
            format!("{} {}", lowercase(det), phrase)
        } else {
            phrase.clone()
        };
        let a = self.actor(key, &name, ActorKind::Anonymous);
        self.cands.push(Cand {
            tok_start: left,
            tok_end: end,
            actor: a,
        });
        true
    }

    /// "the French foreign ministry", "Russia's defence ministry", "the
    /// Chinese embassy": a state's body named in lowercase.
    fn national_body(&mut self, i: usize, sent_start: usize) {
        let mut left = i;
        let mut n = 0;
        while left > sent_start && n < 2 {
            let w = self.word(left - 1);
            if self.toks[left - 1].kind != TokKind::Word
                || is_cap(w)
                || is_determiner(w)
                || w.len() < 4
                || !w.chars().all(|c| c.is_ascii_lowercase())
            {
                break;
            }
            left -= 1;
            n += 1;
        }
        let owner = (1..=2usize).find_map(|len| {
            let p = left.checked_sub(len)?;
            match self.known_at(p) {
                Some((l, Known::Demonym(_))) if l as usize == len && p >= sent_start => Some(p),
                _ => None,
            }
        });
        let owner = owner.or_else(|| {
            // "Russia's": a country and a possessive.
            let p = left.checked_sub(2)?;
            (self.toks[left - 1].kind == TokKind::Possessive).then_some(())?;
            (1..=2usize).find_map(|len| {
                let q = (p + 1).checked_sub(len)?;
                matches!(self.known_at(q), Some((l, Known::Country(_))) if l as usize == len)
                    .then_some(q)
            })
        });
        let Some(start) = owner else { return };
        if (start..=i).any(|k| self.heading[k]) {
            return;
        }
        let phrase = self.span_text(start, i + 1).to_string();
        let a = self.actor(
            format!("o:{}", lowercase(&phrase)),
            &phrase,
            ActorKind::Organization,
        );
        self.cands.push(Cand {
            tok_start: start,
            tok_end: i + 1,
            actor: a,
        });
    }

    /// "European leaders", "Security experts", "Analysts", "the
    /// international community", "Russian forces".
    fn group(&mut self, i: usize, sent_start: usize, lower: &str) {
        let mut left = i;
        let mut modifiers = 0;
        let mut demonym = false;
        while left > sent_start && modifiers < 2 {
            let p = left - 1;
            let w = self.word(p);
            if self.toks[p].kind != TokKind::Word {
                break;
            }
            let is_demonym = matches!(self.known_at(p), Some((1, Known::Demonym(_))));
            let two_word_demonym =
                p > sent_start && matches!(self.known_at(p - 1), Some((2, Known::Demonym(_))));
            if two_word_demonym {
                left = p - 1;
                demonym = true;
                modifiers += 1;
                continue;
            }
            let ok = is_demonym
                || self.has(p, flag::GROUP_MODIFIER)
                || (is_cap(w) && self.initial[p] && !self.has(p, flag::COMMON) && self.known_at(p).is_none())
                || (is_all_caps(w) && self.known_at(p).is_none() && !self.is_org_acronym(p))
                // "the South Korean puppet military": one word after a demonym.
                || (modifiers == 0 && !is_cap(w) && lower == "military" && self.demonym_before(p, sent_start));
            if !ok {
                break;
            }
            demonym |= is_demonym;
            left = p;
            modifiers += 1;
        }
        let capital_noun = is_cap(self.word(i)) && self.initial[i];
        if lower == "community" && modifiers == 0 {
            return;
        }
        // "analysts at Morgan Stanley", "economists from the IMF": the
        // employer names the group.
        let mut end = i + 1;
        if lower.ends_with('s')
            && matches!(self.word(i + 1), "at" | "from")
            && self.same_line(i + 2)
        {
            let mut j = i + 2;
            if matches!(self.word(j), "the" | "The") {
                j += 1;
            }
            let name_start = j;
            while j < self.toks.len()
                && j < name_start + 5
                && self.same_line(j)
                && (self.is_name_word(j) || self.word(j) == "of" && self.is_name_word(j + 1))
            {
                j += 1;
            }
            // A name with its own evidence ("the University of Oxford")
            // stays an actor of its own.
            let place = (name_start..j).any(|k| self.known_at(k).is_some() || self.is_org_word(k));
            if j > name_start && !place {
                end = j;
            }
        }
        if modifiers == 0 && !capital_noun && end == i + 1 {
            return;
        }
        // "European and NATO leaders": a group named after another actor.
        if left > 0 && self.word(left - 1) != "" && is_all_caps(self.word(left - 1)) {
            return;
        }
        let _ = demonym;
        let phrase = self.span_text(left, end).to_string();
        let norm = lowercase(&phrase).replace("leadership", "leaders");
        let a = self.actor(format!("g:{norm}"), &phrase, ActorKind::Group);
        // Name the group by its people ("European leaders") rather than by
        // the collective ("European leadership") when the text has both.
        if self.actors[a].name.ends_with("leadership") && !phrase.ends_with("leadership") {
            self.actors[a].name = phrase;
        }
        self.cands.push(Cand {
            tok_start: left,
            tok_end: end,
            actor: a,
        });
    }

    /// A demonym ends right before token `p`.
    fn demonym_before(&self, p: usize, sent_start: usize) -> bool {
        (1..=2).any(|len| {
            p >= sent_start + len && matches!(self.known_at(p - len), Some((l, Known::Demonym(_))) if l as usize == len)
        })
    }

    fn is_org_acronym(&self, i: usize) -> bool {
        matches!(self.known_at(i), Some((_, Known::Org(_))))
    }

    /// Candidates claim their tokens, longest first.
    fn claim_candidates(&mut self) {
        let mut cands = std::mem::take(&mut self.cands);
        order::sort_by_rank(&mut cands, |c| {
            order::then(
                order::descending(c.tok_end - c.tok_start),
                order::ascending(c.tok_start),
            )
        });
        for c in &cands {
            self.claim(c.tok_start, c.tok_end, c.actor);
        }
    }

    fn claim(&mut self, start: usize, end: usize, actor: usize) -> bool {
        if end <= start
            || end > self.owner.len()
            || self.owner[start..end].iter().any(|&o| o != NONE)
        {
            return false;
        }
        self.owner[start..end].fill(actor as u32);
        self.ments.push((start, end, actor));
        true
    }

    // ---------------------------------------------------------------- pass 2

    fn aliases(&mut self) {
        // Short forms and initials of organisations: "(KCNA)", "USTDA".
        let mut table: FastMap<String, Vec<(Vec<String>, usize)>> = FastMap::default();
        let add = |table: &mut FastMap<String, Vec<(Vec<String>, usize)>>,
                   words: Vec<String>,
                   a: usize| {
            if let Some(first) = words.first() {
                table.entry(first.clone()).or_default().push((words, a));
            }
        };
        for (a, short) in std::mem::take(&mut self.short_forms) {
            add(&mut table, vec![short], a);
        }
        let mut initials: FastMap<String, usize> = FastMap::default();
        for (a, actor) in self.actors.iter().enumerate() {
            match actor.kind {
                ActorKind::Person => {
                    for words in &actor.aliases {
                        add(&mut table, words.clone(), a);
                        if let Some(surname) = Some(surname(words)).filter(|s| !s.is_empty()) {
                            if words.len() > 1
                                && self.by_key.get(&format!("p:{surname}")) == Some(&a)
                            {
                                add(&mut table, vec![surname.to_string()], a);
                            }
                        }
                    }
                }
                ActorKind::Organization => {
                    for words in &actor.aliases {
                        add(&mut table, words.clone(), a);
                        // "NuScale Power LLC" is also "NuScale".
                        let first = &words[0];
                        let inner_cap = first.chars().skip(1).any(char::is_uppercase)
                            && first.chars().any(char::is_lowercase);
                        if words.len() > 1 && inner_cap {
                            add(&mut table, vec![first.clone()], a);
                        }
                        // "Acme Corporation" is also "Acme": a company is
                        // named without its legal suffix.
                        if let Some((last, stem)) = words.split_last() {
                            let plain_stem = stem.first().is_some_and(|w| {
                                is_cap(w)
                                    && !self.lex.common_capitalized.contains(w.as_str())
                                    && !self.lex.flags.get(w.as_str()).is_some_and(|f| {
                                        f & (flag::KNOWN | flag::ORG_WORD | flag::TITLE) != 0
                                    })
                            });
                            if is_corporate_suffix(last)
                                && plain_stem
                                && stem.iter().all(|w| is_cap(w))
                            {
                                add(&mut table, stem.to_vec(), a);
                            }
                        }
                        if words.len() >= 3 {
                            let mut with_fn = String::new();
                            let mut without_fn = String::new();
                            for w in words {
                                let letters: String =
                                    w.chars().filter(|c| c.is_uppercase()).collect();
                                let init = if w.contains('.') {
                                    letters
                                } else {
                                    w.chars().next().map(String::from).unwrap_or_default()
                                };
                                if is_cap(w) {
                                    without_fn.push_str(&init);
                                }
                                with_fn.push_str(&uppercase(&init));
                            }
                            initials.entry(without_fn).or_insert(a);
                            initials.entry(with_fn).or_insert(a);
                        }
                    }
                }
                _ => {}
            }
        }
        for entries in table.values_mut() {
            order::sort_by_rank(entries, |(w, _)| order::descending(w.len()));
        }
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            if self.owner[i] != NONE || self.toks[i].kind != TokKind::Word {
                i += 1;
                continue;
            }
            let w = self.word(i);
            if !w.as_bytes()[0].is_ascii_uppercase() && !is_cap(w) {
                i += 1;
                continue;
            }
            if let Some(entries) = table.get(w) {
                let hit = entries.iter().find(|(words, _)| {
                    words
                        .iter()
                        .enumerate()
                        .all(|(k, x)| self.word(i + k) == x && (k == 0 || self.same_line(i + k)))
                });
                if let Some((words, a)) = hit {
                    let len = words.len();
                    // A person's surname is a name only when capitalised as one.
                    if self.claim(i, i + len, *a) {
                        i += len;
                        continue;
                    }
                }
            }
            if let Some((len, what)) = self.known_at(i) {
                let len = len as usize;
                if self.known_mention(i, len, what) {
                    i += len;
                    continue;
                }
            }
            if is_all_caps(w) && w.len() >= 3 {
                if let Some(&a) = initials.get(w) {
                    self.claim(i, i + 1, a);
                }
            }
            i += 1;
        }
    }

    /// "Greenpeace said": a lone unknown name as the subject of a speech
    /// verb. Not a surname already known (the alias pass took those), so
    /// most likely an organisation.
    fn speaking_names(&mut self) {
        for i in 0..self.toks.len().saturating_sub(1) {
            if self.owner[i] != NONE
                || !self.has(i + 1, flag::SPEECH_VERB)
                || !self.same_line(i + 1)
            {
                continue;
            }
            let w = self.word(i);
            let lone = i == 0 || !self.is_name_word(i - 1) || !self.same_line(i);
            if !lone
                || !self.is_name_word(i)
                || self.known_at(i).is_some()
                || self.is_title(i)
                || self.is_first_name(i)
            {
                continue;
            }
            if self.has(
                i,
                flag::GROUP_NOUN
                    | flag::ANON_NOUN
                    | flag::COMMON
                    | flag::ORG_WORD
                    | flag::PLACE_WORD
                    | flag::ROLE,
            ) {
                continue;
            }
            // "Kyiv’s", "Trump’s": a possessive is no subject here.
            if is_cap(self.word(i + 1)) {
                continue;
            }
            let a = self.actor(format!("o:{}", lowercase(w)), w, ActorKind::Organization);
            if self.actors[a].aliases.is_empty() {
                self.actors[a].aliases.push(vec![w.to_string()]);
            }
            self.claim(i, i + 1, a);
        }
        // "chief economist at Pantheon Macroeconomics", "a professor at
        // Kyungnam": a name after a role and "at" is an employer.
        for i in 2..self.toks.len() {
            if self.word(i - 1) != "at"
                || !self.has(i - 2, flag::ROLE)
                || is_cap(self.word(i - 2))
                || self.owner[i] != NONE
            {
                continue;
            }
            let mut end = i;
            while end < self.toks.len()
                && end < i + 4
                && self.same_line(end)
                && self.is_name_word(end)
                && self.owner[end] == NONE
            {
                end += 1;
            }
            let evidence_free = (i..end).all(|k| {
                self.known_at(k).is_none()
                    && !self.is_first_name(k)
                    && !self.is_title(k)
                    && !self.has(k, flag::PLACE_WORD)
                    && !self.lex.abbreviations.contains(self.lower(k).as_ref())
            });
            if end == i || !evidence_free || self.initial[i] {
                continue;
            }
            let org = self.org(i, end);
            if let Some(c) = self.cands.pop() {
                self.claim(c.tok_start, c.tok_end, org);
            }
        }
    }

    /// A lexicon name as a mention: countries and their short forms,
    /// capitals used as metonyms, known organisations, regions.
    fn known_mention(&mut self, i: usize, len: usize, what: Known) -> bool {
        let end = i + len;
        if (i..end).any(|k| self.owner[k] != NONE) {
            return false;
        }
        // Part of a longer name: "South China Karst", "New Mexico".
        // Headlines capitalise every word, so there the rule cannot apply.
        let in_heading = self.heading[i];
        let prev_name = i > 0
            && !in_heading
            && self.same_line(i)
            && self.is_name_word(i - 1)
            && !self.is_title(i - 1)
            && self.known_at(i - 1).is_none()
            && !self.initial[i - 1];
        let next_name = end < self.toks.len()
            && !in_heading
            && !is_all_caps(self.word(end))
            && self.same_line(end)
            && self.is_name_word(end)
            && !self.is_title(end)
            && !self.is_org_word(end)
            && self.known_at(end).is_none();
        match what {
            Known::Country(c) => {
                if prev_name || next_name {
                    return false;
                }
                let a = self.country(c);
                self.claim(i, end, a)
            }
            Known::Capital(c) => {
                if prev_name || next_name || !self.metonym(i, end) {
                    return false;
                }
                let a = self.country(c);
                self.claim(i, end, a)
            }
            Known::Org(o) => {
                // "Crown Prince": a one-word name inside a longer one.
                let acronym = is_all_caps(self.word(i));
                if len == 1 && (prev_name || !acronym && (next_name || self.is_title(end))) {
                    return false;
                }
                let org = &self.lex.orgs[o as usize];
                let a = match self.org_actor[o as usize] {
                    NONE => {
                        let a = self.actor(
                            format!("o:{}", lowercase(org.name)),
                            org.name,
                            ActorKind::Organization,
                        );
                        self.org_actor[o as usize] = a as u32;
                        a
                    }
                    a => a as usize,
                };
                // The expansion's words let "the Administration" find NASA.
                if self.actors[a].aliases.is_empty() {
                    let words = |n: &str| n.split(' ').map(str::to_string).collect::<Vec<_>>();
                    self.actors[a].aliases.push(words(org.name));
                    if let Some(long) = org.long {
                        self.actors[a].aliases.push(words(long));
                    }
                }
                self.claim(i, end, a)
            }
            Known::Place => {
                // A region is an actor only when it acts ("Europe’s
                // response", "Europe will"), as a capital is.
                if prev_name || next_name || !self.metonym(i, end) {
                    return false;
                }
                let name = self.span_text(i, end).to_string();
                let a = self.actor(format!("l:{name}"), &name, ActorKind::Place);
                self.claim(i, end, a)
            }
            Known::Demonym(_) => false,
        }
    }

    /// The actor of a lexicon country.
    fn country(&mut self, c: u32) -> usize {
        match self.country_actor[c as usize] {
            NONE => {
                let a = self.actor(
                    format!("c:{c}"),
                    self.lex.countries[c as usize].name,
                    ActorKind::Country,
                );
                self.country_actor[c as usize] = a as u32;
                a
            }
            a => a as usize,
        }
    }

    /// A capital standing for its state: "Kyiv’s concerns", "Washington may".
    fn metonym(&self, start: usize, end: usize) -> bool {
        // "Seattle, Washington": a place after a place, not a state.
        if start >= 2 && self.is_punct(start - 1, ',') && self.is_name_word(start - 2) {
            return false;
        }
        // "sanctions against Moscow", "talks with Beijing", "between
        // Washington and Beijing": a relation between states. "in Berlin"
        // stays a place.
        let prev = if start > 0 && self.same_line(start) {
            self.word(start - 1)
        } else {
            ""
        };
        if matches!(prev, "against" | "with" | "between" | "toward" | "towards") {
            return true;
        }
        if prev == "and"
            && start >= 2
            && self.owner[start - 2] != NONE
            && self.actors[self.owner[start - 2] as usize].kind == ActorKind::Country
        {
            return true;
        }
        let Some(next) = self.toks.get(end) else {
            return false;
        };
        if next.kind == TokKind::Possessive {
            return true;
        }
        let subject = self.initial[start];
        // "Tokyo and Seoul agreed": two capitals as one subject.
        if self.word(end) == "and" && self.same_line(end + 1) {
            if let Some((len, Known::Capital(_))) = self.known_at(end + 1) {
                return self.acts(end + 1 + len as usize, subject);
            }
        }
        self.acts(end, subject)
    }

    /// Token `k` is a verb of a state acting: a modal, an auxiliary or a
    /// verb of stance, or any past tense after a sentence's subject
    /// ("Beijing reacted cautiously").
    fn acts(&self, k: usize, subject: bool) -> bool {
        let w = self.word(k);
        matches!(
            w,
            "may"
                | "might"
                | "will"
                | "would"
                | "can"
                | "could"
                | "should"
                | "must"
                | "has"
                | "had"
                | "is"
                | "was"
                | "says"
                | "said"
                | "wants"
                | "insists"
                | "accused"
                | "announced"
                | "warned"
                | "denied"
                | "rejected"
                | "believes"
                | "hopes"
                | "refused"
                | "plans"
                | "argues"
                | "claims"
                | "demanded"
                | "responded"
        ) || (subject && self.same_line(k) && w.len() > 4 && w.ends_with("ed") && !is_cap(w))
    }

    // ---------------------------------------------------------------- pass 3

    fn back_references(&mut self) {
        let n = self.toks.len();
        // Lookup tables built once, so each reference costs a hash lookup
        // rather than a scan over all actors or mentions.
        let mut by_descriptor: FastMap<(u32, String), usize> = FastMap::default();
        let mut by_country: FastMap<u32, usize> = FastMap::default();
        for (a, actor) in self.actors.iter().enumerate() {
            if let Some((c, title)) = &actor.descriptor {
                by_descriptor.entry((*c, title.clone())).or_insert(a);
                by_country.entry(*c).or_insert(a);
            }
        }
        let mut org_mentions: FastMap<String, Vec<(usize, usize)>> = FastMap::default();
        order::sort_by_rank(&mut self.ments, |&(s, _, _)| order::ascending(s));
        for &(s, _, a) in &self.ments {
            if self.actors[a].kind == ActorKind::Organization {
                for w in self.actors[a].aliases.iter().flatten() {
                    org_mentions.entry(w.clone()).or_default().push((s, a));
                }
            }
        }
        // A word in two aliases of one actor was pushed twice in a row.
        for mentions in org_mentions.values_mut() {
            mentions.dedup();
        }
        // Unnamed sources in mention order, by their noun: "the source",
        // "the official" after "a diplomatic source", "a senior official".
        let mut sources: FastMap<String, Vec<(usize, usize)>> = FastMap::default();
        for &(s, e, a) in &self.ments {
            if self.actors[a].kind == ActorKind::Anonymous && e - s <= 4 {
                sources
                    .entry(self.lower(e - 1).into_owned())
                    .or_default()
                    .push((s, a));
            }
        }
        // Companies in mention order, for "the company", "the firm".
        let companies: Vec<(usize, usize)> = self
            .ments
            .iter()
            .filter(|&&(_, _, a)| self.is_company(a))
            .map(|&(s, _, a)| (s, a))
            .collect();
        let compass: FastMap<&str, Option<usize>> = ["North", "South", "East", "West"]
            .into_iter()
            .map(|w| (w, self.compass_country(w)))
            .collect();
        let mut i = 0;
        while i + 1 < n {
            let w = self.word(i);
            if !(w == "the" || w == "The") || self.owner[i + 1] != NONE {
                i += 1;
                continue;
            }
            // "the Ukrainian leader", "The Ukrainian president".
            if let Some((len, Known::Demonym(c))) = self.known_at(i + 1) {
                let head = i + 1 + len as usize;
                let hw = self.lower(head);
                if !hw.is_empty() && self.owner.get(head) == Some(&NONE) {
                    let person = if hw == "leader" {
                        by_country.get(&c).copied()
                    } else {
                        by_descriptor.get(&(c, hw.to_string())).copied()
                    };
                    if let Some(a) = person {
                        self.claim(i, head + 1, a);
                        i = head + 1;
                        continue;
                    }
                }
                // "The Chinese government": the state itself.
                if hw == "government" && self.owner.get(head) == Some(&NONE) {
                    let name = self.lex.countries[c as usize].name;
                    let a = self.actor(format!("c:{c}"), name, ActorKind::Country);
                    self.claim(i, head + 1, a);
                    i = head + 1;
                    continue;
                }
            }
            let next = self.word(i + 1);
            // "the president", "The Minister": the one person given that title.
            if self.is_title(i + 1) || self.has(i + 1, flag::ROLE) && !is_cap(next) {
                let head = self.lower(i + 1);
                let key = format!("t:{head}");
                let followed = self.is_name_word(i + 2) && self.same_line(i + 2)
                    || matches!(self.word(i + 2), "of" | "for");
                if let Some(&a) = self.by_key.get(&key).filter(|&&a| a != AMBIGUOUS) {
                    if !followed && self.owner[i + 1] == NONE && head.len() > 3 {
                        self.claim(i, i + 2, a);
                        i += 2;
                        continue;
                    }
                }
            }
            // "the Sams": a family named by the surname its members share.
            if let Some(stem) = next.strip_suffix('s').filter(|s| is_cap(s) && s.len() > 1) {
                if self.by_key.contains_key(&format!("p:{stem}")) {
                    let name = self.span_text(i, i + 2).to_string();
                    let a = self.actor(format!("g:family {stem}"), &name, ActorKind::Group);
                    self.claim(i, i + 2, a);
                    i += 2;
                    continue;
                }
            }
            let followed_by_name =
                self.is_name_word(i + 2) && self.same_line(i + 2) || self.word(i + 2) == "of";
            // "the Department", "the ministry": the organisation of that
            // kind named before.
            let capitalised: Cow<str> = match next.as_bytes().first() {
                Some(b) if b.is_ascii_lowercase() => {
                    let mut c = next.to_string();
                    c[..1].make_ascii_uppercase();
                    Cow::Owned(c)
                }
                _ => Cow::Borrowed(next),
            };
            let org_noun = self.is_org_word(i + 1)
                || (next != capitalised
                    && self.lex.org_words.contains(capitalised.as_ref())
                    && next.len() > 4);
            if org_noun && !followed_by_name {
                let org = org_mentions.get(capitalised.as_ref()).and_then(|v| {
                    let k = v.partition_point(|&(s, _)| s < i);
                    k.checked_sub(1).map(|k| v[k].1)
                });
                if let Some(a) = org {
                    self.claim(i + 1, i + 2, a);
                    i += 2;
                    continue;
                }
            }
            // "the source said": the unnamed source of that noun named last.
            if self.has(i + 1, flag::ANON_NOUN) && !is_cap(next) && !followed_by_name {
                let found = sources.get(next).and_then(|v| {
                    let k = v.partition_point(|&(s, _)| s < i);
                    k.checked_sub(1).map(|k| v[k].1)
                });
                if let Some(a) = found {
                    self.claim(i, i + 2, a);
                    i += 2;
                    continue;
                }
            }
            // "the company", "the firm": the company named last.
            if matches!(next, "company" | "firm") && !followed_by_name {
                let k = companies.partition_point(|&(s, _)| s < i);
                if let Some(&(_, a)) = k.checked_sub(1).and_then(|k| companies.get(k)) {
                    self.claim(i, i + 2, a);
                    i += 2;
                    continue;
                }
            }
            // "the North", "The South": the country named with that word.
            if matches!(next, "North" | "South" | "East" | "West") && !followed_by_name {
                if let Some(&Some(a)) = compass.get(next) {
                    self.claim(i, i + 2, a);
                    i += 2;
                    continue;
                }
            }
            i += 1;
        }
        // "Thomas' sister", "Trump’s son": a relative named through a person.
        for i in 1..n.saturating_sub(1) {
            if self.toks[i].kind != TokKind::Possessive
                || self.owner[i + 1] != NONE
                || self.owner[i - 1] == NONE
            {
                continue;
            }
            let person = self.owner[i - 1] as usize;
            let kin = self.word(i + 1);
            let is_kin = matches!(
                kin,
                "sister"
                    | "brother"
                    | "wife"
                    | "husband"
                    | "son"
                    | "daughter"
                    | "mother"
                    | "father"
                    | "widow"
                    | "widower"
                    | "spokesman"
                    | "spokeswoman"
                    | "spokesperson"
                    | "lawyer"
                    | "attorney"
            );
            if is_kin && self.actors[person].kind == ActorKind::Person {
                let name = format!("{}'s {kin}", self.actors[person].name);
                let a = self.actor(format!("k:{person} {kin}"), &name, ActorKind::Person);
                self.claim(i + 1, i + 2, a);
            }
        }
        // "North and South Korea": the first half names a country too.
        for i in 0..n.saturating_sub(3) {
            let w = self.word(i);
            if matches!(w, "North" | "South" | "East" | "West")
                && self.word(i + 1) == "and"
                && self.owner[i] == NONE
            {
                if let Some((2, Known::Country(_))) = self.known_at(i + 2) {
                    let tail = self.word(i + 3);
                    let full = format!("{w} {tail}");
                    let idx = self.lex.countries.iter().position(|c| c.name == full);
                    if let Some(c) = idx {
                        let a = self.actor(
                            format!("c:{c}"),
                            self.lex.countries[c].name,
                            ActorKind::Country,
                        );
                        self.claim(i, i + 1, a);
                    }
                }
            }
        }
    }

    /// An organisation named like a company: a legal suffix, or no word
    /// of a public body ("Commission", "Ministry").
    fn is_company(&self, a: usize) -> bool {
        let actor = &self.actors[a];
        actor.kind == ActorKind::Organization
            && self.known_org_free(a)
            && actor
                .aliases
                .iter()
                .flatten()
                .all(|w| is_corporate_suffix(w) || !self.lex.org_words.contains(w.as_str()))
    }

    /// Not a lexicon organisation (those are public bodies and alliances).
    fn known_org_free(&self, a: usize) -> bool {
        !self.org_actor.contains(&(a as u32))
    }

    fn compass_country(&self, word: &str) -> Option<usize> {
        let mut found = None;
        for (a, actor) in self.actors.iter().enumerate() {
            if actor.kind == ActorKind::Country
                && actor.name.split(' ').next() == Some(word)
                && actor.name.contains(' ')
            {
                if found.is_some() {
                    return None;
                }
                found = Some(a);
            }
        }
        found
    }

    fn finish(self) -> Found {
        let mut ments = self.ments;
        order::sort_by_rank(&mut ments, |&(s, _, _)| order::ascending(s));
        // Actors in order of first mention; unmentioned ones are dropped.
        let mut new_id = vec![NONE; self.actors.len()];
        let mut actors: Vec<Actor> = Vec::new();
        let mut out_ments = Vec::with_capacity(ments.len());
        for &(s, e, a) in &ments {
            if new_id[a] == NONE {
                new_id[a] = actors.len() as u32;
                let b = &self.actors[a];
                actors.push(Actor {
                    id: ActorId(new_id[a]),
                    name: b.name.clone(),
                    kind: b.kind,
                    mentions: Vec::new(),
                });
            }
            let id = new_id[a];
            let span = Span::new(self.toks[s].span().start, self.toks[e - 1].span().end);
            actors[id as usize].mentions.push(span);
            out_ments.push(Ment {
                tok_start: s,
                tok_end: e,
                actor: ActorId(id),
            });
        }
        let _ = (self.blocks, self.text);
        Found {
            actors,
            ments: out_ments,
        }
    }
}
