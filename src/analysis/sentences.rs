//! Sentence boundaries inside blocks, aware of abbreviations and initials.
//!
//! "U.S.", "Mr.", "Gen.", "Jan.", "J." and decimals do not end a sentence;
//! a closing quotation mark or bracket right after the stop stays with it.

use super::blocks::BlockInfo;
use super::case::lowercase;
use super::lexicon;
use super::text::{is_cap, is_double_quote, TokKind, Token};
use super::Span;

#[derive(Clone, Copy, Debug)]
pub struct SentInfo {
    pub span: Span,
    pub tok_start: usize,
    pub tok_end: usize,
}

/// Splits every block into sentences.
pub fn sentences(text: &str, tokens: &[Token], blocks: &[BlockInfo]) -> Vec<SentInfo> {
    let mut out = Vec::new();
    for block in blocks {
        let mut start = block.tok_start;
        let mut i = block.tok_start;
        while i < block.tok_end {
            if is_stop(text, tokens, i, block.tok_start) {
                let mut end = i + 1;
                // Closers attached to the stop: `.”`, `.)`, `?'`.
                while end < block.tok_end
                    && is_closer(text, &tokens[end])
                    && tokens[end].span().start == tokens[end - 1].span().end
                {
                    end += 1;
                }
                if end >= block.tok_end || starts_sentence(text, &tokens[end]) {
                    push(&mut out, tokens, start, end);
                    start = end;
                    i = end;
                    continue;
                }
            } else if tokens[i].kind == TokKind::Word && text[tokens[i].span()].ends_with('.') {
                // "… in the U.S. The talks …": a dotted abbreviation ends a
                // sentence only before a word that usually starts one.
                let next = tokens.get(i + 1).filter(|_| i + 1 < block.tok_end);
                if next.is_some_and(|n| lexicon::get().common_capitalized.contains(&text[n.span()]))
                {
                    push(&mut out, tokens, start, i + 1);
                    start = i + 1;
                }
            }
            i += 1;
        }
        if start < block.tok_end {
            push(&mut out, tokens, start, block.tok_end);
        }
    }
    out
}

fn push(out: &mut Vec<SentInfo>, tokens: &[Token], start: usize, end: usize) {
    out.push(SentInfo {
        span: Span::new(tokens[start].span().start, tokens[end - 1].span().end),
        tok_start: start,
        tok_end: end,
    });
}

/// A `.`, `!`, `?` or `…` that can end a sentence.
fn is_stop(text: &str, tokens: &[Token], i: usize, block_start: usize) -> bool {
    match tokens[i].kind {
        TokKind::Punct('!' | '?' | '\u{2026}') => true,
        TokKind::Punct('.') => {
            if i == block_start {
                return false;
            }
            let prev = &tokens[i - 1];
            if prev.kind != TokKind::Word || prev.span().end != tokens[i].span().start {
                return true;
            }
            let word = &text[prev.span()];
            // An initial ("J.") or a known abbreviation ("Gen.", "Jan.").
            let initial = word.chars().count() == 1 && is_cap(word);
            let abbrev = lexicon::get()
                .abbreviations
                .contains(lowercase(word).as_str());
            !(initial || abbrev)
        }
        _ => false,
    }
}

fn is_closer(text: &str, token: &Token) -> bool {
    match token.kind {
        TokKind::Punct(c) => is_double_quote(c) || matches!(c, ')' | ']' | '\u{2019}' | '\''),
        _ => {
            let _ = text;
            false
        }
    }
}

/// Whether a token can open a sentence: a capital, a digit, an opening mark.
fn starts_sentence(text: &str, token: &Token) -> bool {
    match token.kind {
        TokKind::Word => text[token.span()]
            .chars()
            .next()
            .is_some_and(|c| !c.is_lowercase()),
        TokKind::Num => true,
        TokKind::Punct(c) => {
            is_double_quote(c)
                || matches!(
                    c,
                    '(' | '[' | '\u{2018}' | '\'' | '-' | '\u{2014}' | '\u{2013}'
                )
        }
        TokKind::Possessive => false,
    }
}
