//! Candidates and their features.
//!
//! A candidate is a run of capitalised words no rule claimed, with the
//! connectors and initials names contain ("Luiz Inácio Lula da Silva",
//! "Bank of Korea", "J. K. Rowling"). Its features are hashed to `u32`
//! without building strings: a template number and the bytes it names go
//! through one small hash, so a candidate costs a few dozen hash steps.

use super::super::case::{lower, lowercase};
use super::super::entities::words::is_function_word;
use super::super::lexicon::{flag, FastMap, Known};
use super::super::text::{is_all_caps, is_cap, TokKind, Token};
use super::super::ActorKind;

/// What the recogniser reads about each token. The entity stages know it
/// already (lexicon flags, sentence starts, what earlier passes claimed).
pub trait TokenFacts {
    fn text(&self) -> &str;
    fn tokens(&self) -> &[Token];
    /// The token's lexicon [`flag`] bits.
    fn flags(&self, i: usize) -> u16;
    /// The longest lexicon name starting at the token: its length in
    /// tokens and what it is.
    fn known(&self, i: usize) -> Option<(u8, Known)>;
    /// First word of its sentence, or right after an opening mark.
    fn initial(&self, i: usize) -> bool;
    fn heading(&self, i: usize) -> bool;
    /// The kind of actor an earlier pass gave this token, if any.
    fn claimed(&self, i: usize) -> Option<ActorKind>;
}

/// The word of token `i`, or "" for anything else.
fn word<F: TokenFacts + ?Sized>(f: &F, i: usize) -> &str {
    match f.tokens().get(i) {
        Some(t) if t.kind == TokKind::Word => &f.text()[t.span()],
        _ => "",
    }
}

/// Capitalised words that never start a name: function words and the
/// pronouns that open sentences.
fn opens_no_name(w: &str) -> bool {
    is_function_word(w) || matches!(w, "It" | "He" | "She" | "We" | "They" | "You")
}

/// Lowercase words that join the words of one name.
fn is_connector(w: &str) -> bool {
    matches!(
        w,
        "of" | "for"
            | "de"
            | "da"
            | "do"
            | "dos"
            | "das"
            | "del"
            | "della"
            | "di"
            | "du"
            | "van"
            | "von"
            | "der"
            | "den"
            | "la"
            | "le"
            | "bin"
            | "ibn"
            | "al"
            | "y"
            | "&"
    )
}

/// A word that can be part of a name: capitalised ("Fiji", "McDonald",
/// "al-Sisi" too), not a function word.
fn is_name_word<F: TokenFacts + ?Sized>(f: &F, i: usize) -> bool {
    let w = word(f, i);
    // A title opens a titled name, which the rules read ("Governor Peter
    // Hall"): a run stops before it.
    if w.is_empty() || f.claimed(i).is_some() || f.flags(i) & flag::TITLE != 0 {
        return false;
    }
    if is_cap(w) {
        return !opens_no_name(w);
    }
    // "al-Sisi", "bin-Salman": a lowercase particle glued to a name.
    w.split_once('-')
        .is_some_and(|(p, rest)| p.len() <= 3 && is_cap(rest))
}

/// Runs of unclaimed name words, as token ranges, in text order.
pub fn candidates<F: TokenFacts + ?Sized>(f: &F) -> Vec<(usize, usize)> {
    let toks = f.tokens();
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !is_name_word(f, i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        let mut words = 1;
        // "Yesterday Luiz Inácio Lula da Silva": an everyday word opening
        // the sentence is no part of the name after it.
        let common_opener = f.initial(start) && f.flags(start) & flag::COMMON != 0;
        while end < toks.len() && !toks[end].line_start && words < 8 && !common_opener {
            if is_name_word(f, end) {
                end += 1;
                words += 1;
                continue;
            }
            let next_is_name =
                end + 1 < toks.len() && !toks[end + 1].line_start && is_name_word(f, end + 1);
            // "J. K. Rowling": the dot of an initial.
            let prev = word(f, end - 1);
            if toks[end].is_punct('.')
                && prev.chars().count() == 1
                && toks[end].span().start == toks[end - 1].span().end
                && next_is_name
            {
                end += 1;
                continue;
            }
            let w = word(f, end);
            // "Shares of Rakuten": a word opening the sentence joins no
            // name through "of" unless it names a body ("Bank of Korea").
            let opener = end == start + 1
                && f.initial(start)
                && f.flags(start) & (flag::ORG_WORD | flag::PLACE_WORD) == 0;
            if opener && matches!(w, "of" | "for") {
                break;
            }
            let joins = is_connector(w)
                || (w == "the" && matches!(prev, "of" | "for"))
                || (toks[end].is_punct('&'));
            if joins && (next_is_name || (w == "of" && word(f, end + 1) == "the")) {
                end += 1;
                continue;
            }
            break;
        }
        // Never end on a connector or a dot.
        while end > start + 1 && !is_name_word(f, end - 1) {
            end -= 1;
        }
        out.push((start, end));
        i = end;
    }
    out
}

/// Facts about the whole document that a single occurrence cannot show.
pub struct DocStats {
    /// Lowercase words (the first and last words of candidates) and how
    /// often the document writes them in lowercase.
    lower: FastMap<String, u32>,
    /// Candidate texts and how often each appears not at a sentence start.
    mid: FastMap<String, u32>,
}

impl DocStats {
    pub fn new<F: TokenFacts + ?Sized>(f: &F, cands: &[(usize, usize)]) -> DocStats {
        let mut lower: FastMap<String, u32> = FastMap::default();
        let mut mid: FastMap<String, u32> = FastMap::default();
        for &(s, e) in cands {
            lower.entry(lowercase(word(f, s))).or_insert(0);
            lower.entry(lowercase(word(f, e - 1))).or_insert(0);
            let n = mid.entry(span_text(f, s, e).to_string()).or_insert(0);
            if !f.initial(s) && !f.heading(s) {
                *n += 1;
            }
        }
        for t in f.tokens().iter().filter(|t| t.kind == TokKind::Word) {
            let w = &f.text()[t.span()];
            if w.chars().next().is_some_and(char::is_lowercase) {
                if let Some(n) = lower.get_mut(w) {
                    *n += 1;
                }
            }
        }
        DocStats { lower, mid }
    }

    fn lower_count(&self, w: &str) -> u32 {
        self.lower.get(lowercase(w).as_str()).copied().unwrap_or(0)
    }

    fn mid_count(&self, text: &str) -> u32 {
        self.mid.get(text).copied().unwrap_or(0)
    }
}

fn span_text<F: TokenFacts + ?Sized>(f: &F, s: usize, e: usize) -> &str {
    let t = f.tokens();
    &f.text()[t[s].span().start..t[e - 1].span().end]
}

/// A hash of a template number and the parts it names; the Fx hash
/// finished by a multiply so that the low bits (the table row) mix well.
struct H(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl H {
    fn new(template: u8) -> H {
        let mut h = H(0);
        h.add(u64::from(template) + 1);
        h
    }

    fn add(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(SEED);
    }

    fn str(mut self, s: &str) -> H {
        for b in s.bytes() {
            self.add(u64::from(b));
        }
        self.add(0xff);
        self
    }

    /// The string in lowercase, hashed char by char (no allocation).
    fn lower(mut self, s: &str) -> H {
        for c in s.chars() {
            self.add(u64::from(lower(c) as u32));
        }
        self.add(0xff);
        self
    }

    fn num(mut self, n: u64) -> H {
        self.add(n);
        self
    }

    fn done(self) -> u32 {
        (self.0.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as u32
    }
}

/// The word's shape: X for capitals, x for small letters, d for digits,
/// other chars as they are, runs collapsed ("Xx", "XX", "Xx-Xx", "X.").
fn shape(h: H, w: &str) -> H {
    let mut h = h;
    let mut last = '\0';
    for c in w.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if s != last {
            h.add(u64::from(s as u32));
            last = s;
        }
    }
    h.add(0xff);
    h
}

/// The last `n` chars of a word ("-stan", "-burg"), or all of a shorter one.
fn suffix(w: &str, n: usize) -> &str {
    match w.char_indices().rev().nth(n - 1) {
        Some((k, _)) => &w[k..],
        None => w,
    }
}

/// What a context token is: its lowercase word, or a class for the rest.
fn context(h: H, f: &(impl TokenFacts + ?Sized), i: Option<usize>) -> H {
    let toks = f.tokens();
    match i.and_then(|i| toks.get(i)) {
        None => h.str("<s>"),
        Some(t) => match t.kind {
            TokKind::Word => h.lower(&f.text()[t.span()]),
            TokKind::Num => h.str("<num>"),
            TokKind::Possessive => h.str("'s"),
            TokKind::Punct(c) => h.num(u64::from(c as u32)),
        },
    }
}

const FLAG_BITS: [u16; 11] = [
    flag::FIRST_NAME,
    flag::TITLE,
    flag::ORG_WORD,
    flag::MONTH_DAY,
    flag::COMMON,
    flag::PLACE_WORD,
    flag::SPEECH_VERB,
    flag::GROUP_NOUN,
    flag::GROUP_MODIFIER,
    flag::ANON_NOUN,
    flag::ROLE,
];

fn known_code(k: Option<(u8, Known)>) -> u64 {
    match k {
        None => 0,
        Some((_, Known::Country(_))) => 1,
        Some((_, Known::Capital(_))) => 2,
        Some((_, Known::Demonym(_))) => 3,
        Some((_, Known::Org(_))) => 4,
        Some((_, Known::Place)) => 5,
    }
}

fn kind_code(k: Option<ActorKind>) -> u64 {
    k.map_or(0, |k| k as u64 + 1)
}

/// The bit of a lowercase word in the vocabulary bitset.
pub fn vocab_bit(lower_word: &str) -> usize {
    (H::new(200).str(lower_word).done() >> (32 - super::VOCAB_HASH)) as usize
}

/// The hashed features of the candidate `start..end`, into `out`.
pub fn features<F: TokenFacts + ?Sized>(
    f: &F,
    model: &super::Model,
    doc: &DocStats,
    start: usize,
    end: usize,
    out: &mut Vec<u32>,
) {
    out.clear();
    let toks = f.tokens();
    let words: Vec<usize> = (start..end)
        .filter(|&k| toks[k].kind == TokKind::Word && is_cap(word(f, k)))
        .collect();
    let (Some(&first), Some(&last)) = (words.first(), words.last()) else {
        return;
    };
    let first_w = word(f, first);
    let last_w = word(f, last);
    let n = words.len().min(4) as u64;
    let initial = f.initial(start);
    let heading = f.heading(start);
    let text = span_text(f, start, end);
    let lower_seen = doc.lower_count(first_w) > 0;
    let mid = doc.mid_count(text);
    let mid_elsewhere = if initial || heading {
        mid
    } else {
        mid.saturating_sub(1)
    };
    let acronym = n == 1 && is_all_caps(first_w);

    let mut push = |h: H| out.push(h.done());
    push(H::new(0));
    // The words themselves.
    for &k in &words {
        push(H::new(1).lower(word(f, k)));
    }
    push(H::new(2).lower(first_w));
    push(H::new(3).lower(last_w));
    if n <= 3 {
        push(H::new(4).lower(text));
    }
    push(H::new(5).num(n));
    // Shapes and affixes.
    push(shape(H::new(6), first_w));
    push(shape(H::new(7), last_w));
    let mut seq = H::new(8);
    for &k in words.iter().take(4) {
        seq = shape(seq, word(f, k));
    }
    push(seq);
    push(H::new(9).lower(suffix(last_w, 3)));
    push(H::new(10).lower(suffix(last_w, 4)));
    push(H::new(11).lower(suffix(last_w, 2)));
    push(H::new(12).lower(suffix(first_w, 3)));
    push(H::new(13).num(u64::from(acronym)));
    push(H::new(14).num(u64::from(end - start > words.len())));
    // The word lists as features.
    for (b, bit) in FLAG_BITS.iter().enumerate() {
        if f.flags(first) & bit != 0 {
            push(H::new(15).num(b as u64));
        }
        if f.flags(last) & bit != 0 {
            push(H::new(16).num(b as u64));
        }
        if words.iter().any(|&k| f.flags(k) & bit != 0) {
            push(H::new(17).num(b as u64 * 8 + n));
        }
    }
    for &k in &words {
        let code = known_code(f.known(k));
        if code != 0 {
            push(H::new(18).num(code * 2 + u64::from(k == first)));
        }
    }
    // Where it stands, and what the document says elsewhere.
    push(H::new(19).num(u64::from(initial) + 2 * u64::from(heading)));
    push(H::new(20).num(u64::from(initial) * 16 + n));
    push(H::new(21).num(u64::from(initial) + 2 * u64::from(lower_seen) + 4 * u64::from(heading)));
    push(H::new(22).num(u64::from(initial) + 2 * u64::from(mid_elsewhere.min(3))));
    push(H::new(23).num(u64::from(doc.lower_count(last_w).min(3))));
    // The words around it.
    let prev = start.checked_sub(1);
    let prev2 = start.checked_sub(2);
    push(context(H::new(24), f, prev));
    push(context(H::new(25), f, prev2));
    push(context(H::new(26), f, Some(end)));
    push(context(H::new(27), f, Some(end + 1)));
    push(context(context(H::new(28), f, prev), f, Some(end)));
    push(context(H::new(29), f, prev).num(n));
    push(context(shape(H::new(30), first_w), f, prev));
    push(context(H::new(31), f, Some(end)).num(n));
    for (b, bit) in FLAG_BITS.iter().enumerate() {
        if prev.is_some_and(|p| f.flags(p) & bit != 0) {
            push(H::new(32).num(b as u64));
        }
        if f.flags(end) & bit != 0 && end < toks.len() {
            push(H::new(33).num(b as u64));
        }
    }
    // Everyday words: "Design" opening a sentence, "Harvest" in a heading.
    let common = |w: &str| model.common(&lowercase(w));
    let first_common = common(first_w);
    let all_common = words.iter().all(|&k| common(word(f, k)));
    push(H::new(37).num(u64::from(first_common) + 2 * u64::from(initial)));
    push(H::new(38).num(u64::from(common(last_w)) + 2 * n));
    push(
        H::new(39).num(u64::from(all_common) + 2 * u64::from(initial) + 4 * u64::from(lower_seen)),
    );
    push(H::new(34).num(kind_code(prev.and_then(|p| f.claimed(p)))));
    push(H::new(35).num(kind_code(f.claimed(end))));
    push(H::new(36).num(kind_code(prev2.and_then(|p| f.claimed(p)))));
}
