//! Lines into blocks: headings, paragraphs, list items, bylines and credits.
//!
//! Articles pasted from the web put one paragraph on a line; a blank line is
//! just spacing. A heading is a short line that does not end like a sentence.
//!
//! Text copied from an e-mail or a PDF is hard-wrapped instead: every
//! paragraph is cut into lines of about the same width. That shape is
//! recognised from the lines themselves, and the breaks inside a paragraph
//! become soft: the lines join into one block (its span runs over the line
//! breaks, so offsets stay offsets into the text as pasted) and the first
//! token after a soft break stops counting as a line start for the later
//! stages. A break is soft when the next line's first word would not have
//! fitted on the line (that is why the wrapper broke there), or when the
//! line stops mid-sentence; headings, list items and blank-line breaks stay.

use super::furniture;
use super::text::{TokKind, Token};
use super::{BlockKind, Reflow, Span};

/// `s` with each run of whitespace that holds a line break turned into one
/// space: a name or phrase that a soft break cut reads as on one line.
pub fn one_line(s: String) -> String {
    if !s.contains(['\n', '\r']) {
        return s;
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

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

/// A title over its paragraph in wrapped text has at most this many words
/// (longer lines are sentences that go on).
const TITLE_MAX_WORDS: usize = 12;

/// Wrapped text has lines of at least this many and at most this many
/// characters: narrower is a column of words, wider is nobody's wrapping.
const MIN_WRAP: usize = 30;
const MAX_WRAP: usize = 200;

/// Splits the text into blocks: one per non-blank line, or per run of
/// hard-wrapped lines. Clears [`Token::line_start`] after the soft breaks
/// and counts what was joined.
pub fn blocks(text: &str, tokens: &mut [Token]) -> (Vec<BlockInfo>, Reflow) {
    let lines = lines(text, tokens);
    let width = wrap_width(text, &lines);
    let mut out = Vec::new();
    let mut reflow = Reflow::default();
    let mut first = 0;
    while first < lines.len() {
        let item = lines[first].marker.is_some().then_some(lines[first].indent);
        let mut last = first;
        while last + 1 < lines.len() {
            if !is_soft(text, tokens, &lines, last, width, item, last == first) {
                break;
            }
            last += 1;
            let line = &lines[last];
            if let Some(t) = tokens[line.tok_start..line.tok_end].first_mut() {
                t.line_start = false;
            }
        }
        if last > first {
            reflow.lines += last - first + 1;
            reflow.paragraphs += 1;
        }
        out.push(block(text, tokens, &lines[first], &lines[last]));
        first = last + 1;
    }
    attribution_lines(text, tokens, &mut out);
    (out, reflow)
}

/// A non-blank line.
#[derive(Clone, Copy, Debug)]
struct Line {
    /// Trimmed byte range.
    span: Span,
    /// Characters from the start of the line to the end of its text:
    /// the column its text reaches, indentation included.
    width: usize,
    /// Characters of its first word (up to the first space).
    first_word: usize,
    /// Characters of leading indentation.
    indent: usize,
    tok_start: usize,
    tok_end: usize,
    /// How many tokens its list marker takes, when it has one.
    marker: Option<usize>,
    /// A blank line (or the start of the text) comes before it.
    after_blank: bool,
}

fn lines(text: &str, tokens: &[Token]) -> Vec<Line> {
    let mut out = Vec::new();
    let mut tok = 0;
    let mut line_start = 0;
    let mut after_blank = true;
    let bytes = text.as_bytes();
    while line_start < text.len() {
        let line_end = memchr_newline(bytes, line_start);
        let line = &text[line_start..line_end];
        let body = line.trim_start();
        let trimmed_start = line_start + (line.len() - body.len());
        let trimmed_end = line_start + line.trim_end().len();
        if trimmed_start >= trimmed_end {
            after_blank = true;
            line_start = line_end + 1;
            continue;
        }
        while tok < tokens.len() && tokens[tok].span().start < trimmed_start {
            tok += 1;
        }
        let tok_start = tok;
        while tok < tokens.len() && tokens[tok].span().end <= trimmed_end {
            tok += 1;
        }
        let indent = text[line_start..trimmed_start].chars().count();
        let body = &text[trimmed_start..trimmed_end];
        let first_word = body.split_whitespace().next().unwrap_or("");
        out.push(Line {
            span: Span::new(trimmed_start, trimmed_end),
            width: indent + body.chars().count(),
            first_word: first_word.chars().count(),
            indent,
            tok_start,
            tok_end: tok,
            marker: list_marker(text, &tokens[tok_start..tok]).filter(|&n| n < tok - tok_start),
            after_blank,
        });
        after_blank = false;
        line_start = line_end + 1;
    }
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

/// The block made of `first..=last` (one line, or a run joined by soft
/// breaks).
fn block(text: &str, tokens: &[Token], first: &Line, last: &Line) -> BlockInfo {
    let span = Span::new(first.span.start, last.span.end);
    if let Some(n) = first.marker {
        return BlockInfo {
            kind: BlockKind::ListItem,
            span: Span::new(tokens[first.tok_start + n].span().start, span.end),
            tok_start: first.tok_start + n,
            tok_end: last.tok_end,
        };
    }
    let toks = &tokens[first.tok_start..last.tok_end];
    let kind = match furniture::kind(text, span, toks) {
        Some(kind) => kind,
        // A title too long for one line wraps too (but holds no sentence
        // stop).
        None if is_heading(text, span, toks)
            && (first.span == last.span || !has_inner_stop(&text[span])) =>
        {
            BlockKind::Heading
        }
        None => BlockKind::Paragraph,
    };
    BlockInfo {
        kind,
        span,
        tok_start: first.tok_start,
        tok_end: last.tok_end,
    }
}

/// Whether the text breaks its paragraphs into lines of one width, and
/// which. `None` for text with one paragraph per line.
///
/// A wrapper breaks a line before the word that would not fit, so the
/// width is at least each wrapped line's and less than each line's plus
/// the next word: the longest line (leaving out a tenth as outliers) and
/// the shortest such sum (likewise) bound it.
fn wrap_width(text: &str, lines: &[Line]) -> Option<Width> {
    // Lines with the sentence going on below, no longer than a line of
    // the same width would be. A heading over a paragraph has a far
    // longer line after it, and a list item another item, so neither
    // counts.
    let mut widths = [0u32; MAX_WRAP + 1];
    let mut sums = [0u32; 2 * MAX_WRAP + 2];
    let mut n = 0u32;
    for pair in lines.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if b.after_blank || b.marker.is_some() || !(MIN_WRAP..=MAX_WRAP).contains(&a.width) {
            continue;
        }
        // Only where the sentence surely goes on: a title over its
        // paragraph is as long as it likes.
        let goes_on = text[b.span].starts_with(char::is_lowercase);
        if goes_on && b.width <= a.width + a.width / 4 + 2 {
            widths[a.width] += 1;
            sums[(a.width + b.first_word).min(2 * MAX_WRAP + 1)] += 1;
            n += 1;
        }
    }
    if n < 2 {
        return None;
    }
    let width = percentile(&widths, n, 9);
    // The lines of wrapped text fill most of the width.
    let full: u32 = widths[width * 2 / 3..].iter().sum();
    if full * 10 < n * 7 {
        return None;
    }
    let below_sums = percentile(&sums, n, 1);
    Some(Width {
        most: width,
        at_most: below_sums.clamp(width, width + 3),
    })
}

/// The width hard-wrapped text was cut at, in characters.
#[derive(Clone, Copy, Debug)]
struct Width {
    /// The longest lines' width: where most wrapped lines end.
    most: usize,
    /// The most the width can be, given the words that did not fit.
    at_most: usize,
}

/// The smallest value with at least `tenths`/10 of the `n` counted values
/// at or below it.
fn percentile(counts: &[u32], n: u32, tenths: u32) -> usize {
    let mut seen = 0;
    for (value, &c) in counts.iter().enumerate() {
        seen += c;
        if seen * 10 >= n * tenths {
            return value;
        }
    }
    counts.len() - 1
}

/// Whether the break after `lines[i]` is soft: the next line goes on with
/// the same paragraph or list item. `item` is the indentation of the list
/// item this line belongs to, if it is in one; `opens` says that no line
/// was joined to this one yet.
fn is_soft(
    text: &str,
    tokens: &[Token],
    lines: &[Line],
    i: usize,
    width: Option<Width>,
    item: Option<usize>,
    opens: bool,
) -> bool {
    let (a, b) = (&lines[i], &lines[i + 1]);
    if b.after_blank {
        return false;
    }
    let a_text = &text[a.span];
    // "NAIROBI, Dec 1 (Reuters) –" alone on its line opens the paragraph
    // below; a byline or credit line never goes on a paragraph.
    if item.is_none() && furniture::is_dateline(a_text) {
        return true;
    }
    if furniture::kind(text, b.span, &tokens[b.tok_start..b.tok_end]).is_some() {
        // "Image: NASA." may be where a wrap put a caption's credit; a
        // byline or "(Reporting by …)" never is.
        let room_left = width.is_none_or(|w| a.width + 1 + b.first_word <= w.most);
        if room_left || !furniture::is_picture_credit(&text[b.span]) {
            return false;
        }
    }
    // A byline or credit line goes on only where it cannot end.
    if opens && furniture::kind(text, a.span, &tokens[a.tok_start..a.tok_end]).is_some() {
        let b_lower = text[b.span].starts_with(char::is_lowercase);
        let open_bracket = a_text.matches('(').count() > a_text.matches(')').count();
        return ends_with_joiner(a_text)
            || a_text.ends_with(';')
            || b_lower
            || (open_bracket && width.is_some());
    }
    // "- An item that goes on\n  on an indented line": Markdown's way.
    if item.is_some_and(|indent| b.marker.is_none() && b.indent > indent) {
        return true;
    }
    let Some(Width {
        most: width,
        at_most,
    }) = width
    else {
        // Too few lines to tell a width: only a line that stops
        // mid-sentence over one going on in lowercase is a wrap.
        let b_lower = text[b.span].starts_with(char::is_lowercase);
        return b_lower && b.marker.is_none() && ends_open(a_text) && a.width >= MIN_WRAP;
    };
    // Proportional fonts (PDF) make widths in characters uneven.
    let slack = (width / 10).max(2);
    if a.width > width + slack || b.width > width + slack {
        return false;
    }
    let fits = a.width + 1 + b.first_word <= width;
    let open = ends_open(a_text);
    if b.marker.is_some() {
        // A real item follows its lead-in, another item, or a line with
        // room left; a dash that a wrap put first ("(Reuters)\n– Kenya") is
        // the sentence's own.
        let dash = matches!(
            text[b.span].chars().next(),
            Some('-' | '\u{2013}' | '\u{2014}')
        );
        return dash && open && item.is_none() && !a_text.ends_with(':') && !fits;
    }
    let b_text = &text[b.span];
    let b_lower = b_text.chars().next().is_some_and(char::is_lowercase);
    let b_upper = b_text.chars().next().is_some_and(char::is_uppercase);
    // "… Eastside and\nMillbrook": a line that ends on "and", "of" or a
    // comma cannot end its paragraph or item.
    let joined = open && ends_with_joiner(a_text) && a.width * 2 >= width;
    let full = a.width + 1 + b.first_word + slack > width;
    if item.is_some() {
        // Items seldom end with a stop, so only a full line goes on, and
        // not into a capitalised line (the paragraph after the list)
        // unless another item follows that line.
        let item_next = lines
            .get(i + 2)
            .is_some_and(|c| !c.after_blank && c.marker.is_some());
        return joined
            || (!fits && (!b_upper || item_next))
            || (b_lower && open && a.width * 2 >= width);
    }
    if open {
        // The sentence goes on, unless the line had room for more (a
        // heading, a byline) and the next starts afresh. The text's first
        // line may be its title over a paragraph that starts afresh:
        // shorter than the wrapped lines, or longer than any line wrapped
        // at this width; where the next word would just about have fitted,
        // the title reading wins.
        let title = i == 0
            && b_upper
            && !a_text.contains([',', ';'])
            && !has_inner_stop(a_text)
            && a_text.split_whitespace().count() <= TITLE_MAX_WORDS
            && (a.width + 2 < width || a.width > at_most);
        let room = match title {
            true => a.width + 1 + b.first_word > at_most,
            false => full,
        };
        return joined || room || (b_lower && a.width * 3 >= width);
    }
    // "… he said:\nwarned", "… at 5 p.m.\nand": a stop that does not
    // end the sentence.
    if b_lower && a.width * 2 >= width {
        return true;
    }
    if fits {
        return false;
    }
    // A sentence ended at the wrap, and the next line is a new one of the
    // same paragraph, unless that line stands alone: a heading right over
    // the next paragraph. (Before a blank line it is the paragraph's last,
    // as in "… decision.\nJohn Cornyn, U.S. Senator".)
    let b_alone = match lines.get(i + 2) {
        Some(c) => !c.after_blank && b.width + 1 + c.first_word <= width,
        None => true,
    };
    !(b_alone && ends_open(b_text) && !b_lower)
}

/// A sentence stop inside the text, before a space.
fn has_inner_stop(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes
        .windows(2)
        .any(|w| matches!(w[0], b'.' | b'!' | b'?') && w[1].is_ascii_whitespace())
}

/// A line ending on a comma or a word that needs more after it.
fn ends_with_joiner(line: &str) -> bool {
    if line.ends_with([',', '-', '\u{2013}', '\u{2014}', '/', '(']) {
        return true;
    }
    let last = line.rsplit(char::is_whitespace).next().unwrap_or("");
    matches!(
        last,
        "a" | "an"
            | "and"
            | "as"
            | "at"
            | "but"
            | "by"
            | "for"
            | "from"
            | "in"
            | "into"
            | "of"
            | "on"
            | "or"
            | "that"
            | "the"
            | "to"
            | "which"
            | "who"
            | "with"
    )
}

/// Whether a line stops mid-sentence: no sentence stop at its end, and no
/// closing quotation mark or bracket right after one.
fn ends_open(line: &str) -> bool {
    let mut chars = line.chars().rev();
    let last = chars.next().unwrap_or('.');
    let stop = |c: char| matches!(c, '.' | '!' | '?' | ':' | '\u{2026}');
    if stop(last) {
        return false;
    }
    let closer = super::text::is_double_quote(last) || matches!(last, ')' | '\'' | '\u{2019}');
    !(closer && chars.next().is_some_and(stop))
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
