//! Direct quotations: pairing quote marks inside each block, and telling
//! speech from quoted terms and scare quotes.
//!
//! Marks are paired by what surrounds them, not by their glyph, because
//! pasted text often has a left mark where a right one belongs. A mark that
//! can only open, met inside an open quote, opens a nested quote (`"+5 % is
//! not "growth", it is "noise,"`), which stays part of the outer one.
//!
//! A quote left open at the end of a paragraph that ends like a sentence
//! goes on in the next paragraph that opens with a mark (the multi-paragraph
//! convention, one quote over all of them); one short paragraph without
//! marks in between, such as a photo caption, is stepped over.

use super::blocks::BlockInfo;
use super::case::lowercase;
use super::text::{is_apostrophe, is_double_quote};
use super::{BlockKind, Span};

#[derive(Clone, Copy, Debug)]
pub struct QuoteInfo {
    /// The words inside the marks, trimmed, without a trailing comma.
    pub span: Span,
    /// From the opening mark to the closing mark (or block end) inclusive.
    pub outer: Span,
    /// The block the quote opens in.
    pub block: usize,
    /// The block it ends in: later than `block` for a quote over several
    /// paragraphs.
    pub end_block: usize,
    /// Closed by a mark (not by the end of its paragraph).
    pub closed: bool,
    /// A pull quote without marks; the attribution follows in the block.
    pub pull: bool,
}

/// Finds the direct quotations of every block.
pub fn quotes(text: &str, blocks: &[BlockInfo]) -> Vec<QuoteInfo> {
    let mut out = Vec::new();
    // A quote left open by an earlier paragraph, waiting to be reopened.
    let mut carry: Option<Carry> = None;
    for (block_idx, block) in blocks.iter().enumerate() {
        let mut reopened = None;
        if let Some(c) = carry.take() {
            if block.kind == BlockKind::Paragraph && opens_with_mark(&text[block.span]) {
                reopened = Some(c);
            } else if !c.stepped_over && is_interruption(text, blocks, block_idx) {
                carry = Some(Carry {
                    stepped_over: true,
                    ..c
                });
                continue;
            } else {
                c.flush(text, &mut out);
            }
        }
        let before = out.len();
        let left_open = match scan_block(text, block_idx, block, reopened, true, &mut out) {
            Some(left_open) => left_open,
            None => {
                // Nesting left a quote open: the marks were not nested
                // after all; pair them again without nesting.
                out.truncate(before);
                scan_block(text, block_idx, block, reopened, false, &mut out).flatten()
            }
        };
        if let Some(mut c) = left_open {
            c.end_block = block_idx;
            if ends_like_sentence(&text[c.inner_start()..block.span.end]) {
                carry = Some(c);
            } else {
                c.flush(text, &mut out);
            }
        }
        if out.len() == before && reopened.is_none() && block.kind == BlockKind::Paragraph {
            if let Some(q) = pull_quote(text, block_idx, block) {
                out.push(q);
            }
        }
    }
    if let Some(c) = carry {
        c.flush(text, &mut out);
    }
    out
}

/// An open double quote: where its mark is and which blocks it has covered.
#[derive(Clone, Copy, Debug)]
struct Carry {
    open_at: usize,
    open_len: usize,
    block: usize,
    end_block: usize,
    /// Where the quote's text ends so far (the end of its last block).
    end: usize,
    /// A paragraph without marks was already stepped over.
    stepped_over: bool,
}

impl Carry {
    fn inner_start(&self) -> usize {
        self.open_at + self.open_len
    }

    /// Ends the quote at the end of the last paragraph it reached.
    fn flush(self, text: &str, out: &mut Vec<QuoteInfo>) {
        push(text, self, self.end, 0, false, out);
    }
}

fn opens_with_mark(body: &str) -> bool {
    let mut chars = body.chars();
    chars.next().is_some_and(is_double_quote) && chars.next().is_some_and(|c| !c.is_whitespace())
}

fn ends_like_sentence(s: &str) -> bool {
    s.trim_end()
        .trim_end_matches(['"', '\u{201d}', '\u{2019}', ')'])
        .ends_with(['.', '!', '?', '\u{2026}'])
}

/// A short paragraph without quote marks between two parts of a quote (a
/// caption, "Advertisement"), when the paragraph after it reopens the quote.
fn is_interruption(text: &str, blocks: &[BlockInfo], idx: usize) -> bool {
    let body = &text[blocks[idx].span];
    let next = blocks.get(idx + 1);
    blocks[idx].kind != BlockKind::ListItem
        && !body.contains(is_double_quote)
        && body.split_whitespace().count() <= 30
        && next.is_some_and(|n| n.kind == BlockKind::Paragraph && opens_with_mark(&text[n.span]))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    Either,
}

fn role(prev: Option<char>, c: char, next: Option<char>) -> Option<Role> {
    let can_open = prev.is_none_or(|p| {
        p.is_whitespace() || "([{\u{2014}\u{2013}-/".contains(p) || is_double_quote(p)
    }) && next.is_some_and(|n| !n.is_whitespace());
    let can_close = prev.is_some_and(|p| !p.is_whitespace())
        && next.is_none_or(|n| n.is_whitespace() || !n.is_alphanumeric());
    match (can_open, can_close) {
        (true, false) => Some(Role::Open),
        (false, true) => Some(Role::Close),
        (true, true) => Some(match c {
            '\u{201c}' | '\u{201e}' | '\u{00ab}' | '\u{2018}' => Role::Open,
            '\u{201d}' | '\u{00bb}' | '\u{2019}' => Role::Close,
            _ => Role::Either,
        }),
        (false, false) => None,
    }
}

/// Pairs the marks of one block, continuing `reopened` if the block reopens
/// an earlier quote. Returns the quote left open at the block's end (if
/// any), or `None` when nesting was assumed and left a quote open: the
/// marks were then more likely unbalanced than nested.
fn scan_block(
    text: &str,
    block_idx: usize,
    block: &BlockInfo,
    reopened: Option<Carry>,
    nesting: bool,
    out: &mut Vec<QuoteInfo>,
) -> Option<Option<Carry>> {
    let body = &text[block.span];
    let base = block.span.start;
    let mut open_double = reopened;
    let mut depth = 0usize;
    let mut nested = false;
    let mut open_single: Option<(usize, usize)> = None;
    let mut prev: Option<char> = None;
    let mut iter = body.char_indices().peekable();
    if reopened.is_some() {
        // The mark that reopens the quote belongs to it.
        prev = iter.next().map(|(_, c)| c);
    }
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        let pos = base + i;
        if is_double_quote(c) {
            match (role(prev, c, next), open_double) {
                (Some(Role::Open) | Some(Role::Either), None) => {
                    open_double = Some(Carry {
                        open_at: pos,
                        open_len: c.len_utf8(),
                        block: block_idx,
                        end_block: block_idx,
                        end: block.span.end,
                        stepped_over: false,
                    });
                    open_single = None;
                }
                (Some(Role::Open), Some(_)) if nesting => {
                    depth += 1;
                    nested = true;
                }
                (Some(Role::Close | Role::Either), Some(_)) if depth > 0 => depth -= 1,
                (Some(Role::Close) | Some(Role::Either), Some(open)) => {
                    let open = Carry {
                        end_block: block_idx,
                        ..open
                    };
                    push(text, open, pos, c.len_utf8(), true, out);
                    open_double = None;
                }
                _ => {}
            }
        } else if (c == '\u{2018}' || is_apostrophe(c)) && open_double.is_none() {
            // Single marks only at the top level: inside a double quote they
            // are nested quotes, part of the outer one.
            match (role(prev, c, next), open_single) {
                (Some(Role::Open), None) if c != '\u{2019}' => {
                    open_single = Some((pos, c.len_utf8()))
                }
                (Some(Role::Either), None) if c == '\u{2018}' => {
                    open_single = Some((pos, c.len_utf8()))
                }
                (Some(Role::Close | Role::Either), Some((at, len))) if c != '\u{2018}' => {
                    let open = Carry {
                        open_at: at,
                        open_len: len,
                        block: block_idx,
                        end_block: block_idx,
                        end: block.span.end,
                        stepped_over: false,
                    };
                    push(text, open, pos, c.len_utf8(), true, out);
                    open_single = None;
                }
                _ => {}
            }
        }
        prev = Some(c);
    }
    if nested && open_double.is_some() {
        return None;
    }
    Some(open_double.map(|o| Carry {
        end: block.span.end,
        ..o
    }))
}

fn push(
    text: &str,
    open: Carry,
    close_at: usize,
    close_len: usize,
    closed: bool,
    out: &mut Vec<QuoteInfo>,
) {
    let inner_start = open.inner_start();
    let raw = &text[inner_start..close_at];
    let lead = raw.len() - raw.trim_start().len();
    let mut inner = raw.trim();
    let ends_like_speech = inner.ends_with(['.', '!', '?', ',', '\u{2026}']);
    while let Some(rest) = inner.strip_suffix(',') {
        inner = rest.trim_end();
    }
    if inner.is_empty() {
        return;
    }
    let span = Span::new(inner_start + lead, inner_start + lead + inner.len());
    let after = &text[close_at + close_len..];
    if !is_speech(text, inner, ends_like_speech, open.open_at, after) || is_citation(inner, after) {
        return;
    }
    out.push(QuoteInfo {
        span,
        outer: Span::new(open.open_at, close_at + close_len),
        block: open.block,
        end_block: open.end_block,
        closed,
        pull: false,
    });
}

/// Whether quoted words are someone's speech rather than a quoted term, a
/// scare quote or a title.
///
/// Four words or more are speech unless mostly capitalised (a title).
/// Shorter words are speech when they end like speech, follow a colon, are
/// followed by a speech verb (`“Never,” she said`), or are credited to
/// someone: after a verb of calling (`called the move “reckless”`), or at
/// the end of a clause with a verb of saying (`said the safeguards were “too
/// little”`). A term introduced as one (`so-called`, `the word`, `a
/// “cybercrimes” law`) never is.
fn is_speech(text: &str, inner: &str, ends_like_speech: bool, open_at: usize, after: &str) -> bool {
    let words = inner
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    let capitalised = inner
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    let before = text[..open_at].trim_end();
    let after_colon = before.ends_with(':');
    let verbs = &super::lexicon::get().speech_verbs;
    // `“Short words”, it added`: a speech verb right after the quote.
    let cue_after = after
        .split_whitespace()
        .take(3)
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()))
        .any(|w| verbs.contains(w));
    if ends_like_speech {
        return words >= 2 || after_colon || cue_after;
    }
    if words >= 4 {
        return capitalised * 4 < words * 3;
    }
    if words == 0 || capitalised * 2 >= words {
        return false;
    }
    if (after_colon || cue_after) && words >= 2 {
        return true;
    }
    let lead = clause_before(before);
    let lead: Vec<&str> = lead.iter().map(String::as_str).collect();
    let last = lead.last().copied().unwrap_or("");
    if introduces_term(&lead) {
        return false;
    }
    // `called it “legal rape”`, `described the plan as “reckless and cruel”`.
    let characterised = lead.iter().rev().take(6).any(|w| CALLING.contains(w));
    if characterised {
        return true;
    }
    // `said the plan was “reckless”.`: credited by a verb of saying, at the
    // end of the clause, and not a noun's modifier (`a “cybercrimes” law`).
    let credited = lead.iter().enumerate().any(|(k, w)| {
        verbs.contains(w) && lead.get(k + 1) != Some(&"to") && !matches!(*w, "asked" | "continued")
    });
    credited && !DETERMINERS.contains(&last) && ends_clause(after)
}

/// Verbs that credit someone with words used to characterise something.
const CALLING: &[&str] = &[
    "branded",
    "branding",
    "called",
    "calling",
    "calls",
    "described",
    "describes",
    "describing",
    "dubbed",
    "labeled",
    "labelled",
    "termed",
];

const DETERMINERS: &[&str] = &[
    "a", "an", "another", "any", "each", "every", "her", "his", "its", "my", "no", "our", "some",
    "such", "that", "the", "their", "these", "this", "those", "your",
];

/// Words after which quoted words are a term, a name or a title.
const TERM_WORDS: &[&str] = &[
    "album",
    "book",
    "entitled",
    "film",
    "hashtag",
    "headlined",
    "label",
    "motto",
    "name",
    "named",
    "nickname",
    "phrase",
    "slogan",
    "so-called",
    "song",
    "term",
    "terms",
    "title",
    "titled",
    "word",
    "words",
];

fn introduces_term(lead: &[&str]) -> bool {
    let n = lead.len();
    let last = lead.last().copied().unwrap_or("");
    let as_known = n >= 2 && lead[n - 1] == "as" && matches!(lead[n - 2], "known" | "referred");
    TERM_WORDS.contains(&last) || as_known
}

/// The words of the clause before a quote, lowercased, from the last
/// sentence stop, line break or quote mark, at most 25 words back.
fn clause_before(before: &str) -> Vec<String> {
    let mut from = before.len().saturating_sub(240);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let window = &before[from..];
    let cut = window
        .rfind(|c: char| matches!(c, '!' | '?' | '\n' | ';') || is_double_quote(c))
        .map_or(0, |i| {
            i + window[i..].chars().next().map_or(1, char::len_utf8)
        });
    let abbreviations = &super::lexicon::get().abbreviations;
    let mut words: Vec<String> = Vec::new();
    for raw in window[cut..].split_whitespace() {
        let word = lowercase(raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'));
        // "… no. The plan": a full stop after a word that is no
        // abbreviation ends the sentence before.
        let stop = raw.ends_with('.')
            && word.len() > 1
            && !word.contains('.')
            && !abbreviations.contains(word.as_str());
        if !word.is_empty() {
            words.push(word);
        }
        if stop {
            words.clear();
        }
    }
    if words.len() > 25 {
        words.drain(..words.len() - 25);
    }
    words
}

/// Whether a quote ends its clause: punctuation, the end of the text, or a
/// word that starts a new phrase (`called it “legal rape” on Facebook`).
fn ends_clause(after: &str) -> bool {
    let rest = after.trim_start_matches([' ', '\t']);
    let Some(c) = rest.chars().next() else {
        return true;
    };
    if !c.is_alphanumeric() {
        return true;
    }
    let word: &str = rest
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    matches!(
        word,
        "after"
            | "amid"
            | "and"
            | "as"
            | "at"
            | "because"
            | "before"
            | "but"
            | "by"
            | "despite"
            | "during"
            | "for"
            | "from"
            | "if"
            | "in"
            | "on"
            | "or"
            | "over"
            | "since"
            | "than"
            | "to"
            | "when"
            | "while"
            | "with"
    )
}

/// A paragraph of quoted words ending with an unpunctuated attribution:
/// "… Program. Charles Bolden, NASA Administrator" or "… — Jane Doe".
fn pull_quote(text: &str, block_idx: usize, block: &BlockInfo) -> Option<QuoteInfo> {
    let body = &text[block.span];
    let last = body.chars().next_back()?;
    if matches!(last, '.' | '!' | '?' | ':' | ';' | ',') {
        return None;
    }
    let names = &super::lexicon::get().first_names;
    // The attribution starts at a dash, or after the sentence stop that
    // leaves a short tail opening with a first name: "Charles Bolden, …".
    let dash = body
        .rfind(['\u{2014}', '\u{2015}'])
        .map(|d| (d, d + '\u{2014}'.len_utf8()));
    let stops = body
        .char_indices()
        .filter(|&(i, c)| {
            matches!(c, '.' | '!' | '?') && body[i + 1..].starts_with([' ', '\n', '\r'])
        })
        .map(|(i, _)| (i + 1, i + 1));
    let (quote_end, _) = dash.into_iter().chain(stops).find(|&(end, tail_start)| {
        let tail = body[tail_start..].trim();
        let first = tail.split_whitespace().next().unwrap_or("");
        let n = tail.split_whitespace().count();
        end > 0
            && (1..=8).contains(&n)
            && first.chars().next().is_some_and(char::is_uppercase)
            && (Some(end) == dash.map(|d| d.0) || (names.contains(first) && tail.contains(',')))
    })?;
    let quote_text = body[..quote_end].trim_end();
    if quote_text.split_whitespace().count() < 6 {
        return None;
    }
    let words = quote_text.trim_matches(|c: char| c.is_whitespace() || is_double_quote(c));
    if is_citation(words, &body[quote_end..]) {
        return None;
    }
    let span = Span::new(block.span.start, block.span.start + quote_text.len());
    Some(QuoteInfo {
        span,
        outer: span,
        block: block_idx,
        end_block: block_idx,
        closed: true,
        pull: true,
    })
}

/// `"Man charged over attack" — ABC News, April 18, 2024`: a quoted title
/// in a list of sources, not speech. The title does not end like a sentence
/// and a dash leads to a publisher and a date on the same line.
fn is_citation(inner: &str, after: &str) -> bool {
    if inner.ends_with(['.', '!', '?']) {
        return false;
    }
    let Some(tail) = after
        .trim_start_matches([' ', '\t'])
        .strip_prefix(['\u{2014}', '\u{2013}', '-'])
    else {
        return false;
    };
    // A bounded look (a publisher and a date are short), so a paragraph
    // of many quotes stays linear.
    let line = tail.bytes().take(100).take_while(|&b| b != b'\n');
    let (mut comma, mut digit) = (false, false);
    for b in line {
        comma |= b == b',';
        digit |= b.is_ascii_digit();
    }
    comma && digit
}
