//! What every stage reads and none changes: the tokens with their text,
//! and per-token facts computed once, up front.
//!
//! One lexicon lookup per token answers every "is this word in list X?"
//! (its [`flag`] bits), and the longest lexicon name starting at each token
//! is matched once and packed into four bytes, so the stages ask these
//! questions in constant time and never allocate to ask them.

use std::borrow::Cow;

use super::words::is_function_word;
use crate::analysis::blocks::BlockInfo;
use crate::analysis::case::lowercase;
use crate::analysis::lexicon::{self, flag, Known, Lexicon};
use crate::analysis::sentences::SentInfo;
use crate::analysis::text::{is_cap, is_double_quote, TokKind, Token};
use crate::analysis::BlockKind;

/// The tokens of one text and their read-only facts.
pub struct Context<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    pub blocks: &'a [BlockInfo],
    pub sents: &'a [SentInfo],
    pub lex: &'static Lexicon,
    /// Per token: first of its sentence (or right after an opening mark).
    pub initial: Vec<bool>,
    /// Per token: inside a heading.
    pub heading: Vec<bool>,
    /// Per token: its [`flag`] bits.
    flags: Vec<u16>,
    /// Per token: the longest lexicon name starting here, packed by
    /// [`pack_known`] into 4 bytes (this vector is as long as the text).
    known: Vec<u32>,
}

impl<'a> Context<'a> {
    pub fn new(
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
        let mut ctx = Context {
            text,
            toks,
            blocks,
            sents,
            lex,
            initial,
            heading,
            flags: vec![0; n],
            known: vec![0; n],
        };
        for i in 0..n {
            let w = ctx.word(i);
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
            ctx.flags[i] = f;
            if f & flag::KNOWN != 0 {
                ctx.known[i] = pack_known(ctx.match_known(i));
            }
        }
        ctx
    }

    /// The text of word or number token `i`; "" for punctuation and past the end.
    pub fn word(&self, i: usize) -> &'a str {
        match self.toks.get(i) {
            Some(t) if t.kind == TokKind::Word || t.kind == TokKind::Num => &self.text[t.span()],
            _ => "",
        }
    }

    /// The word in lowercase, allocating only when it has capitals.
    pub fn lower(&self, i: usize) -> Cow<'a, str> {
        let w = self.word(i);
        if w.chars().any(char::is_uppercase) {
            Cow::Owned(lowercase(w))
        } else {
            Cow::Borrowed(w)
        }
    }

    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_punct(c))
    }

    /// Two tokens with no line break between them.
    pub fn same_line(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.line_start)
    }

    /// The text from token `start` to the end of token `end - 1`.
    pub fn span_text(&self, start: usize, end: usize) -> &'a str {
        &self.text[self.toks[start].span().start..self.toks[end - 1].span().end]
    }

    /// The lexicon name starting at token `i`: its length in tokens and what it is.
    pub fn known_at(&self, i: usize) -> Option<(u8, Known)> {
        unpack_known(self.known.get(i).copied().unwrap_or(0))
    }

    /// Token `i` is in one of the lists of `bits`.
    /// Token `i`'s [`flag`] bits (0 past the end).
    pub fn flags(&self, i: usize) -> u16 {
        self.flags.get(i).copied().unwrap_or(0)
    }

    pub fn has(&self, i: usize, bits: u16) -> bool {
        self.flags.get(i).is_some_and(|f| f & bits != 0)
    }

    pub fn is_title(&self, i: usize) -> bool {
        self.has(i, flag::TITLE)
    }

    pub fn is_org_word(&self, i: usize) -> bool {
        self.has(i, flag::ORG_WORD)
    }

    pub fn is_first_name(&self, i: usize) -> bool {
        self.has(i, flag::FIRST_NAME)
    }

    /// A capitalised word that can be part of a name.
    pub fn is_name_word(&self, i: usize) -> bool {
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

/// A text with its tokens, blocks and sentences, for the stages' tests.
#[cfg(test)]
pub struct Parsed {
    text: String,
    toks: Vec<Token>,
    blocks: Vec<BlockInfo>,
    sents: Vec<SentInfo>,
}

#[cfg(test)]
impl Parsed {
    pub fn new(text: &str) -> Self {
        use crate::analysis::{blocks, sentences, text as tokens};
        let mut toks = tokens::tokenize(text);
        let (blocks, _) = blocks::blocks(text, &mut toks);
        let sents = sentences::sentences(text, &toks, &blocks);
        Parsed {
            text: text.to_string(),
            toks,
            blocks,
            sents,
        }
    }

    pub fn context(&self) -> Context<'_> {
        Context::new(&self.text, &self.toks, &self.blocks, &self.sents)
    }
}

#[cfg(test)]
impl Context<'_> {
    /// The index of the first token whose text is `word`.
    pub fn find(&self, word: &str) -> usize {
        (0..self.toks.len())
            .find(|&i| &self.text[self.toks[i].span()] == word)
            .unwrap_or_else(|| panic!("no token {word:?}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_starts_after_its_opening_mark() {
        let p = Parsed::new("The mayor spoke. \u{201c}We won,\u{201d} Jane Doe said.");
        let ctx = p.context();
        assert!(ctx.initial[ctx.find("The")]);
        assert!(!ctx.initial[ctx.find("mayor")]);
        assert!(ctx.initial[ctx.find("We")]);
        assert!(!ctx.initial[ctx.find("Jane")]);
    }

    #[test]
    fn lexicon_names_are_matched_once_with_their_length() {
        let p = Parsed::new("Officials in the United States and Ukrainian troops.");
        let ctx = p.context();
        assert!(matches!(
            ctx.known_at(ctx.find("United")),
            Some((2, Known::Country(_)))
        ));
        assert!(matches!(
            ctx.known_at(ctx.find("Ukrainian")),
            Some((1, Known::Demonym(_)))
        ));
        assert_eq!(ctx.known_at(ctx.find("troops")), None);
        // Past the end asks nothing of the vectors.
        assert_eq!(ctx.known_at(usize::MAX), None);
    }

    #[test]
    fn a_lexicon_name_does_not_run_across_a_line_break() {
        let p = Parsed::new("They met in the United\nStates yesterday.");
        let ctx = p.context();
        assert_eq!(ctx.known_at(ctx.find("United")), None);
        assert!(!ctx.same_line(ctx.find("States")));
    }

    #[test]
    fn capitalised_words_take_the_lowercase_lists_flags() {
        let p = Parsed::new("Analysts said the analysts left.");
        let ctx = p.context();
        assert!(ctx.has(ctx.find("Analysts"), flag::GROUP_NOUN));
        assert!(ctx.has(ctx.find("analysts"), flag::GROUP_NOUN));
        assert!(ctx.has(ctx.find("said"), flag::SPEECH_VERB));
    }

    #[test]
    fn name_words_exclude_common_words_opening_a_sentence() {
        let p = Parsed::new("The talks began on Monday. Later Jane Doe met New York Police.");
        let ctx = p.context();
        assert!(!ctx.is_name_word(ctx.find("The")));
        assert!(!ctx.is_name_word(ctx.find("Monday")));
        assert!(!ctx.is_name_word(ctx.find("Later")));
        assert!(!ctx.is_name_word(ctx.find("talks")));
        assert!(ctx.is_name_word(ctx.find("Jane")));
        assert!(ctx.is_name_word(ctx.find("New")));
    }

    #[test]
    fn a_particle_glued_to_a_name_is_a_name_word() {
        let p = Parsed::new("They met al-Amr in town.");
        let ctx = p.context();
        assert!(ctx.is_name_word(ctx.find("al-Amr")));
        assert_eq!(ctx.word(ctx.find("town") + 1), "");
        assert_eq!(ctx.lower(ctx.find("They")), "they");
    }
}
