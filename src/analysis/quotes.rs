//! Direct quotations: pairing quote marks inside each block, and telling
//! speech from quoted terms and scare quotes.
//!
//! Marks are paired by what surrounds them, not by their glyph, because
//! pasted text often has a left mark where a right one belongs. A quote left
//! open at the end of a paragraph runs to its end; the next paragraph then
//! reopens it with a fresh mark (the multi-paragraph convention).

use super::blocks::BlockInfo;
use super::text::{is_apostrophe, is_double_quote};
use super::{BlockKind, Span};

#[derive(Clone, Copy, Debug)]
pub struct QuoteInfo {
    /// The words inside the marks, trimmed, without a trailing comma.
    pub span: Span,
    /// From the opening mark to the closing mark (or block end) inclusive.
    pub outer: Span,
    pub block: usize,
    /// Closed by a mark (not by the end of its paragraph).
    pub closed: bool,
    /// A pull quote without marks; the attribution follows in the block.
    pub pull: bool,
}

/// Finds the direct quotations of every block.
pub fn quotes(text: &str, blocks: &[BlockInfo]) -> Vec<QuoteInfo> {
    let mut out = Vec::new();
    for (block_idx, block) in blocks.iter().enumerate() {
        let before = out.len();
        scan_block(text, block_idx, block, &mut out);
        if out.len() == before && block.kind == BlockKind::Paragraph {
            if let Some(q) = pull_quote(text, block_idx, block) {
                out.push(q);
            }
        }
    }
    out
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

fn scan_block(text: &str, block_idx: usize, block: &BlockInfo, out: &mut Vec<QuoteInfo>) {
    let body = &text[block.span];
    let base = block.span.start;
    // (byte offset of the mark, its length)
    let mut open_double: Option<(usize, usize)> = None;
    let mut open_single: Option<(usize, usize)> = None;
    let mut prev: Option<char> = None;
    let mut iter = body.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        let pos = base + i;
        if is_double_quote(c) {
            match (role(prev, c, next), open_double) {
                (Some(Role::Open), None) | (Some(Role::Either), None) => {
                    open_double = Some((pos, c.len_utf8()));
                    open_single = None;
                }
                (Some(Role::Close), Some(open)) | (Some(Role::Either), Some(open)) => {
                    push(text, block_idx, open, pos, c.len_utf8(), true, out);
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
                (Some(Role::Close | Role::Either), Some(open)) if c != '\u{2018}' => {
                    push(text, block_idx, open, pos, c.len_utf8(), true, out);
                    open_single = None;
                }
                _ => {}
            }
        }
        prev = Some(c);
    }
    if let Some(open) = open_double {
        push(text, block_idx, open, block.span.end, 0, false, out);
    }
}

fn push(
    text: &str,
    block: usize,
    (open_at, open_len): (usize, usize),
    close_at: usize,
    close_len: usize,
    closed: bool,
    out: &mut Vec<QuoteInfo>,
) {
    let inner_start = open_at + open_len;
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
    let words = inner
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    let capitalised = inner
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    // A quoted term or scare quote ("cybercrimes", 'quasi-state of war') is
    // short and does not end like speech; a quoted title is all capitals.
    let before = text[..open_at].trim_end();
    let after_colon = before.ends_with(':');
    // `“Short words”, it added`: a speech verb right after the quote.
    let verbs = &super::lexicon::get().speech_verbs;
    let cue_after = text[close_at + close_len..]
        .split_whitespace()
        .take(3)
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()))
        .any(|w| verbs.contains(w));
    // `called it “legal rape”`, `described the plan as “reckless and
    // cruel”`: someone's words used to characterise (a name given with
    // "called" is capitalised, and stays a title).
    let mut from = before.len().saturating_sub(80);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let characterised = before[from..].rsplit(char::is_whitespace).take(6).any(|w| {
        matches!(
            w,
            "called" | "calling" | "described" | "describing" | "branded" | "branding"
        )
    }) && capitalised * 2 < words;
    let speech = if ends_like_speech {
        words >= 2 || after_colon
    } else {
        (words >= 4 && capitalised * 4 < words * 3)
            || (words >= 2 && (after_colon || cue_after || characterised))
    };
    if !speech || is_citation(inner, &text[close_at + close_len..]) {
        return;
    }
    out.push(QuoteInfo {
        span,
        outer: Span::new(open_at, close_at + close_len),
        block,
        closed,
        pull: false,
    });
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
        closed: true,
        pull: true,
    })
}
