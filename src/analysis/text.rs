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
    /// Byte offsets as `u32` keep a token at 20 bytes: the token vector is
    /// the largest allocation, and texts above 4 GB are out of scope.
    start: u32,
    end: u32,
    pub kind: TokKind,
    /// A line break lies between this token and the previous one.
    pub line_start: bool,
}

impl Token {
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct(c)
    }
}

/// Whether a word starts with an uppercase letter.
pub fn is_cap(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => word.chars().next().is_some_and(char::is_uppercase),
    }
}

/// `char::is_alphanumeric` with the ASCII case answered inline: the web
/// build is optimised for size, which leaves the standard call out of line.
#[inline(always)]
fn is_alnum(c: char) -> bool {
    match c.is_ascii() {
        true => c.is_ascii_alphanumeric(),
        false => c.is_alphanumeric(),
    }
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
    matches!(
        c,
        '"' | '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{00ab}' | '\u{00bb}'
    )
}

/// The char starting at byte `i`, if any.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    // Most text is ASCII: skip the UTF-8 decoder for it.
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some(b as char);
    }
    text.get(i..)?.chars().next()
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// Splits the text into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    // Offsets are kept as u32: a longer text is cut at the last char
    // boundary below 4 GB rather than overflowing.
    let mut limit = text.len().min(u32::MAX as usize);
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let text = &text[..limit];
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 4 + 16);
    let mut i = 0;
    let mut newline = true;
    let mut prev = ' ';
    while let Some(c) = char_at(text, i) {
        let len = c.len_utf8();
        if c.is_whitespace() {
            newline |= is_line_break(c);
            prev = c;
            i += len;
            continue;
        }
        let start = i;
        let next = char_at(text, i + len);
        let after_next = next.and_then(|n| char_at(text, i + len + n.len_utf8()));
        let kind;
        if c.is_ascii_digit() {
            i += len;
            while let Some(d) = char_at(text, i) {
                if d.is_ascii_digit() {
                    i += 1;
                } else if (d == '.' || d == ',')
                    && char_at(text, i + 1).is_some_and(|e| e.is_ascii_digit())
                {
                    i += 2;
                } else {
                    break;
                }
            }
            // "747s": a number glued to letters is a word.
            if char_at(text, i).is_some_and(char::is_alphabetic) {
                i = scan_word(text, i);
                kind = TokKind::Word;
            } else {
                kind = TokKind::Num;
            }
        } else if is_alnum(c) {
            i = scan_word(text, i);
            kind = TokKind::Word;
        } else if is_apostrophe(c)
            && !prev.is_whitespace()
            && matches!(next, Some('s' | 'S'))
            && !after_next.is_some_and(is_alnum)
        {
            i += len + 1;
            kind = TokKind::Possessive;
        } else if is_apostrophe(c)
            && matches!(prev, 's' | 'S')
            && !next.is_some_and(is_alnum)
            && tokens
                .last()
                .is_some_and(|t| t.kind == TokKind::Word && t.end as usize == start)
        {
            i += len;
            kind = TokKind::Possessive;
        } else {
            i += len;
            kind = TokKind::Punct(c);
        }
        tokens.push(Token {
            start: start as u32,
            end: i as u32,
            kind,
            line_start: newline,
        });
        newline = false;
        prev = match text.as_bytes()[i - 1] {
            b if b < 0x80 => b as char,
            _ => text[..i].chars().next_back().unwrap_or(' '),
        };
    }
    tokens
}

/// Scans a word from byte `i` and returns the byte after it.
fn scan_word(text: &str, mut i: usize) -> usize {
    // Chars taken since the last hyphen ("D-N.Y."), and the last two.
    let mut count = 0;
    let mut p1 = '\0';
    let mut p2 = '\0';
    while let Some(c) = char_at(text, i) {
        let len = c.len_utf8();
        let n1 = char_at(text, i + len);
        let next_alnum = n1.is_some_and(is_alnum);
        let take = if is_alnum(c) {
            true
        } else {
            match c {
                '-' | '&' | '\u{2011}' => next_alnum,
                // An apostrophe inside a word ("I’m", "O'Brien") but not a
                // possessive "’s" at the word's end.
                _ if is_apostrophe(c) && next_alnum => {
                    let n2 = n1.and_then(|n| char_at(text, i + len + n.len_utf8()));
                    let s_end = matches!(n1, Some('s' | 'S')) && !n2.is_some_and(is_alnum);
                    !s_end
                }
                // Dotted abbreviations: "U.S.", "U.K.", "a.m.": single
                // letters each followed by a dot.
                '.' if count == 1 || p2 == '.' => {
                    let letter = n1.filter(|n| n.is_alphabetic());
                    if let Some(l) =
                        letter.filter(|l| char_at(text, i + len + l.len_utf8()) == Some('.'))
                    {
                        i += len + l.len_utf8();
                        p2 = '.';
                        p1 = l;
                        count += 2;
                        continue;
                    }
                    if p2 == '.' {
                        // The final dot of "U.S." belongs to the word.
                        return i + len;
                    }
                    false
                }
                _ => false,
            }
        };
        if !take {
            break;
        }
        p2 = p1;
        p1 = c;
        count = if c == '-' { 0 } else { count + 1 };
        i += len;
    }
    i
}
