//! The tokenizer: words, numbers, possessives and punctuation with byte spans.
//!
//! One pass over the chars; every later stage works on this token vector
//! instead of rescanning the text.

use super::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    /// Letters, with inner hyphens, ampersands, apostrophes ("I’m") and the
    /// dots of dotted abbreviations ("U.S.").
    Word,
    /// Digits, with inner `.`/`,` between digits ("4,500", "3.1").
    Num,
    /// A possessive ending: "’s", "'s", or a bare apostrophe after an s.
    Possessive,
    /// Any other single non-space char.
    Punct(char),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokKind,
    /// A line break lies between this token and the previous one.
    pub line_start: bool,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct(c)
    }
}

/// Whether a word starts with an uppercase letter.
pub fn is_cap(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a word has no lowercase letter and at least two letters ("NATO").
pub fn is_all_caps(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

pub fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Double quotation marks of every common style.
pub fn is_double_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{00ab}' | '\u{00bb}')
}

/// Splits the text into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let byte = |i: usize| chars.get(i).map(|&(b, _)| b).unwrap_or(text.len());
    let mut tokens = Vec::with_capacity(n / 4);
    let mut i = 0;
    let mut newline = true;
    while i < n {
        let c = chars[i].1;
        if c.is_whitespace() {
            if c == '\n' || c == '\r' || c == '\u{2028}' || c == '\u{2029}' {
                newline = true;
            }
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if c.is_ascii_digit() {
            i += 1;
            while i < n {
                let d = chars[i].1;
                if d.is_ascii_digit() {
                    i += 1;
                } else if (d == '.' || d == ',') && at(i + 1).is_some_and(|e| e.is_ascii_digit()) {
                    i += 2;
                } else {
                    break;
                }
            }
            // "COP26", "G7", "747s": a number glued to letters is a word.
            if at(i).is_some_and(char::is_alphabetic) {
                i = scan_word(&chars, i);
                kind = TokKind::Word;
            } else {
                kind = TokKind::Num;
            }
        } else if c.is_alphanumeric() {
            i = scan_word(&chars, i);
            kind = TokKind::Word;
        } else if is_apostrophe(c)
            && i > 0
            && !chars[i - 1].1.is_whitespace()
            && matches!(at(i + 1), Some('s') | Some('S'))
            && !at(i + 2).is_some_and(char::is_alphanumeric)
        {
            i += 2;
            kind = TokKind::Possessive;
        } else if is_apostrophe(c)
            && i > 0
            && matches!(chars[i - 1].1, 's' | 'S')
            && !at(i + 1).is_some_and(char::is_alphanumeric)
            && tokens.last().is_some_and(|t: &Token| t.kind == TokKind::Word && t.span.end == chars[i].0)
        {
            i += 1;
            kind = TokKind::Possessive;
        } else {
            i += 1;
            kind = TokKind::Punct(c);
        }
        tokens.push(Token { span: Span::new(byte(start), byte(i)), kind, line_start: newline });
        newline = false;
    }
    tokens
}

/// Scans a word from `i` and returns the index after it.
fn scan_word(chars: &[(usize, char)], mut i: usize) -> usize {
    let n = chars.len();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let start = i;
    while i < n {
        let c = chars[i].1;
        if c.is_alphanumeric() {
            i += 1;
            continue;
        }
        let next_alnum = at(i + 1).is_some_and(char::is_alphanumeric);
        match c {
            '-' | '&' | '\u{2011}' if next_alnum => i += 1,
            // An apostrophe inside a word ("I’m", "O'Brien") but not a
            // possessive "’s" at the word's end.
            _ if is_apostrophe(c) && next_alnum => {
                let s_end = matches!(at(i + 1), Some('s') | Some('S'))
                    && !at(i + 2).is_some_and(char::is_alphanumeric);
                if s_end {
                    break;
                }
                i += 1;
            }
            // Dotted abbreviations: "U.S.", "U.K.", "a.m.": single letters
            // each followed by a dot.
            '.' if i - start == 1 || (i >= 2 && chars[i - 2].1 == '.') => {
                if at(i + 1).is_some_and(char::is_alphabetic) && at(i + 2) == Some('.') {
                    i += 2;
                } else if i >= 2 && chars[i - 2].1 == '.' {
                    // The final dot of "U.S." belongs to the word.
                    i += 1;
                    break;
                } else {
                    break;
                }
            }
            _ => break,
        }
    }
    i
}
