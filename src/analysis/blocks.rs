//! Lines into blocks: headings, paragraphs and list items.
//!
//! Articles pasted from the web put one paragraph on a line; a blank line is
//! just spacing. A heading is a short line that does not end like a sentence.

use super::text::{TokKind, Token};
use super::{BlockKind, Span};

/// A block with the range of its tokens.
#[derive(Clone, Copy, Debug)]
pub struct BlockInfo {
    pub kind: BlockKind,
    /// The block's text (for a list item: without its marker).
    pub span: Span,
    /// Tokens `tok_start..tok_end` lie inside `span`.
    pub tok_start: usize,
    pub tok_end: usize,
}

/// A heading has at most this many words.
const HEADING_MAX_WORDS: usize = 16;

/// Splits the text into blocks, one per non-blank line.
pub fn blocks(text: &str, tokens: &[Token]) -> Vec<BlockInfo> {
    let mut out = Vec::new();
    let mut tok = 0;
    let mut line_start = 0;
    let bytes = text.as_bytes();
    while line_start < text.len() {
        let line_end = memchr_newline(bytes, line_start);
        let line = &text[line_start..line_end];
        let trimmed_start = line_start + (line.len() - line.trim_start().len());
        let trimmed_end = line_start + line.trim_end().len();
        if trimmed_start < trimmed_end {
            while tok < tokens.len() && tokens[tok].span().start < trimmed_start {
                tok += 1;
            }
            let tok_start = tok;
            while tok < tokens.len() && tokens[tok].span().end <= trimmed_end {
                tok += 1;
            }
            let line_toks = &tokens[tok_start..tok];
            let span = Span::new(trimmed_start, trimmed_end);
            let block = match list_marker(text, line_toks) {
                Some(n) if n < line_toks.len() => BlockInfo {
                    kind: BlockKind::ListItem,
                    span: Span::new(line_toks[n].span().start, trimmed_end),
                    tok_start: tok_start + n,
                    tok_end: tok,
                },
                _ => BlockInfo {
                    kind: if is_heading(text, span, line_toks) {
                        BlockKind::Heading
                    } else {
                        BlockKind::Paragraph
                    },
                    span,
                    tok_start,
                    tok_end: tok,
                },
            };
            out.push(block);
        }
        line_start = line_end + 1;
    }
    attribution_lines(text, tokens, &mut out);
    out
}

/// `– Secretary Blinken, 12 May 2021` under a quoted paragraph is the
/// quote's attribution, not a one-item list or a heading: it becomes a
/// paragraph (with its dash) that the speaker stage reads.
fn attribution_lines(text: &str, tokens: &[Token], out: &mut [BlockInfo]) {
    for i in 1..out.len() {
        let (prev, block) = (out[i - 1], out[i]);
        let next_is_item = out
            .get(i + 1)
            .is_some_and(|b| b.kind == BlockKind::ListItem);
        let after_quote = prev.kind == BlockKind::Paragraph
            && text[prev.span]
                .chars()
                .next_back()
                .is_some_and(|c| super::text::is_double_quote(c) || c == '\u{2019}');
        let dash_tok = match block.kind {
            BlockKind::ListItem => block.tok_start.checked_sub(1),
            _ => Some(block.tok_start),
        };
        let dash = dash_tok
            .filter(|&k| k >= prev.tok_end)
            .and_then(|k| tokens.get(k).map(|t| (k, t)))
            .filter(|(_, t)| {
                matches!(
                    t.kind,
                    TokKind::Punct('-' | '\u{2013}' | '\u{2014}' | '\u{2015}')
                )
            });
        let words = (block.tok_start..block.tok_end)
            .filter(|&k| tokens[k].kind == TokKind::Word)
            .count();
        if let Some((k, t)) = dash {
            if after_quote && !next_is_item && words <= 12 {
                out[i] = BlockInfo {
                    kind: BlockKind::Paragraph,
                    span: Span::new(t.span().start, block.span.end),
                    tok_start: k,
                    tok_end: block.tok_end,
                };
            }
        }
    }
}

fn memchr_newline(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |p| from + p)
}

/// The number of marker tokens a list line starts with: `-`, `*`, `•`,
/// `–`, `1.`, `1)`, `a)`, `(a)`.
fn list_marker(text: &str, toks: &[Token]) -> Option<usize> {
    let first = toks.first()?;
    let gap_after = |i: usize| {
        toks.get(i + 1)
            .is_some_and(|next| next.span().start > toks[i].span().end)
    };
    match first.kind {
        TokKind::Punct(
            '-' | '*' | '\u{2022}' | '\u{2013}' | '\u{25aa}' | '\u{25cf}' | '\u{00b7}',
        ) if gap_after(0) => Some(1),
        TokKind::Num if first.span().len() <= 3 => {
            let second = toks.get(1)?;
            let closes = second.is_punct('.') || second.is_punct(')');
            (closes && second.span().start == first.span().end && gap_after(1)).then_some(2)
        }
        TokKind::Word if first.span().len() == 1 => {
            let c = text[first.span()].chars().next()?;
            let second = toks.get(1)?;
            (c.is_ascii_lowercase() && second.is_punct(')') && gap_after(1)).then_some(2)
        }
        TokKind::Punct('(') => {
            let letter = toks.get(1)?;
            let close = toks.get(2)?;
            let short = letter.span().len() <= 2 && letter.kind != TokKind::Punct('(');
            (short && close.is_punct(')') && gap_after(2)).then_some(3)
        }
        _ => None,
    }
}

/// A short line that does not end like a sentence.
fn is_heading(text: &str, span: Span, toks: &[Token]) -> bool {
    let words = toks
        .iter()
        .filter(|t| t.kind == TokKind::Word || t.kind == TokKind::Num)
        .count();
    if words == 0 || words > HEADING_MAX_WORDS {
        return false;
    }
    let last = text[span].chars().next_back().unwrap_or('.');
    let first = text[span].chars().next().unwrap_or('a');
    // A line opening with a quotation mark is a pull quote, not a heading.
    if super::text::is_double_quote(first) {
        return false;
    }
    !matches!(
        last,
        '.' | '!' | '?' | ':' | ';' | ',' | '"' | '\u{201d}' | '\u{201c}' | '\u{2019}' | '\u{2026}'
    )
}
