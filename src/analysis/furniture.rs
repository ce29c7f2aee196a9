//! Wire furniture: bylines ("By Jane Doe") and credit lines ("(Reporting by
//! Yuki Sato; editing by Kenji Ito)", "Photo: Jane Doe/AFP").
//!
//! They name the people who made the article, not the people it is about:
//! such a line is neither a heading nor a list item, its names are listed
//! as [`Credit`]s, and its mentions are kept out of the actors. Datelines
//! ("NAIROBI, Dec 1 (Reuters) –") open a paragraph and stay in it (the
//! entities stage makes the city a place); a dateline alone on its line
//! joins the paragraph it opens (see `blocks`).

use super::case::lowercase;
use super::entities::{Found, Ment};
use super::lexicon;
use super::text::{is_cap, TokKind, Token};
use super::{order, Actor, ActorId, BlockKind, Credit, CreditRole, Span};
use crate::analysis::blocks::BlockInfo;

/// A byline or credit line has at most this many words.
const MAX_WORDS: usize = 40;

/// Words that open a byline: "By", "Story by", "Written by".
const BYLINE_LEADS: &[&str] = &["by ", "story by ", "text by ", "words by ", "written by "];

/// What opens a credit line, lowercase, after an optional bracket.
#[rustfmt::skip]
const CREDIT_LEADS: &[&str] = &[
    "additional reporting by", "compiled by", "editing by", "edited by", "graphics by",
    "photos by", "photo by", "pictures by", "produced by", "reporting by", "research by",
    "writing by",
];

/// Labels that credit a picture ("Photo: Jane Doe/AFP"); with more than a
/// few words after them the line is a caption, not a credit.
#[rustfmt::skip]
const PICTURE_LABELS: &[&str] = &[
    "credit:", "graphic:", "illustration:", "image credit:", "image:", "images:",
    "photo credit:", "photo:", "photograph:", "photography:", "photos:", "picture:", "video:",
];

/// The kind of a furniture line, or `None` for article text.
pub fn kind(text: &str, span: Span, toks: &[Token]) -> Option<BlockKind> {
    let words = toks
        .iter()
        .filter(|t| matches!(t.kind, TokKind::Word | TokKind::Num))
        .count();
    if words == 0 || words > MAX_WORDS {
        return None;
    }
    let body = &text[span];
    let head = lower_head(body.trim_start_matches(['(', '[']));
    if CREDIT_LEADS.iter().any(|lead| head.starts_with(lead))
        || body.starts_with('\u{a9}')
        || head.starts_with("copyright ")
    {
        return Some(BlockKind::Credit);
    }
    if let Some(label) = PICTURE_LABELS.iter().find(|label| head.starts_with(*label)) {
        let after = body.len() - body.trim_start_matches(['(', '[']).len() + label.len();
        let rest = body.get(after..).unwrap_or("");
        return (rest.split_whitespace().count() <= 8).then_some(BlockKind::Credit);
    }
    let lead = BYLINE_LEADS.iter().find(|lead| head.starts_with(*lead))?;
    is_byline(text, toks, lead.split(' ').count() - 1).then_some(BlockKind::Byline)
}

/// "Photo: Jane Doe/AFP": a credit line that starts with a picture label.
pub fn is_picture_credit(line: &str) -> bool {
    let head = lower_head(line.trim_start_matches(['(', '[']));
    PICTURE_LABELS.iter().any(|label| head.starts_with(label))
}

/// A dateline alone on its line: "NAIROBI, Dec 1 (Reuters) –",
/// "WASHINGTON —", "SAN FRANCISCO, Calif. (AP) -". A city in capitals,
/// perhaps a region or date after a comma, and a dash or an agency in
/// brackets to end it.
pub fn is_dateline(line: &str) -> bool {
    if line.len() > 80 {
        return false;
    }
    let rest = line.trim_end_matches(['-', '\u{2013}', '\u{2014}', ' ']);
    let dash = rest.len() < line.len();
    let (rest, agency) = match rest.strip_suffix(')').and_then(|r| r.rsplit_once('(')) {
        Some((before, name)) if !name.is_empty() && is_cap(name) => (before.trim_end(), true),
        _ => (rest, false),
    };
    let (city, after) = rest.split_once(',').unwrap_or((rest, ""));
    let letters = city.chars().filter(|c| c.is_alphabetic()).count();
    let caps = city
        .chars()
        .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '-' | '\''));
    (dash || agency) && letters >= 2 && caps && after.split_whitespace().count() <= 4
}

/// The names credited in bylines and credit lines, in text order.
pub fn credits(text: &str, tokens: &[Token], blocks: &[BlockInfo]) -> Vec<Credit> {
    let mut out = Vec::new();
    for block in blocks {
        let mut role = match block.kind {
            BlockKind::Byline => CreditRole::Author,
            BlockKind::Credit => CreditRole::Other,
            _ => continue,
        };
        let toks = &tokens[block.tok_start..block.tok_end];
        let word = |i: usize| match toks.get(i) {
            Some(t) if t.kind == TokKind::Word => &text[t.span()],
            _ => "",
        };
        // A byline's names come after its "by".
        let mut i = match block.kind {
            BlockKind::Byline => toks
                .iter()
                .position(|t| text[t.span()].eq_ignore_ascii_case("by"))
                .map_or(0, |by| by + 1),
            _ => 0,
        };
        while i < toks.len() {
            // After "|" or "·" a byline goes on with dates and updates.
            if block.kind == BlockKind::Byline
                && matches!(toks[i].kind, TokKind::Punct('|' | '\u{b7}'))
            {
                break;
            }
            if let Some(r) = role_word(&lowercase(word(i))) {
                role = r;
                i += 1;
                continue;
            }
            if !is_name_word(word(i)) || word(i).eq_ignore_ascii_case("by") {
                i += 1;
                continue;
            }
            let start = i;
            i += 1;
            while i < toks.len() {
                let glued = toks[i].span().start == toks[i - 1].span().end;
                let initial_dot =
                    toks[i].is_punct('.') && glued && word(i - 1).chars().count() == 1;
                let particle = matches!(
                    word(i),
                    "de" | "van" | "von" | "der" | "da" | "del" | "bin" | "al"
                ) && is_name_word(word(i + 1));
                if is_name_word(word(i)) || initial_dot || particle {
                    i += 1;
                } else {
                    break;
                }
            }
            // "in Tokyo", "from Nairobi": where, not who.
            let place = start > 0 && matches!(word(start - 1), "in" | "from" | "at");
            if !place && role_word(&lowercase(word(start))).is_none() {
                let name = Span::new(toks[start].span().start, toks[i - 1].span().end);
                out.push(Credit { name, role });
            }
        }
    }
    out
}

/// Drops the mentions inside bylines and credit lines, and the actors left
/// with none: the people who made the article are not in it.
pub fn keep_apart(found: &mut Found, tokens: &[Token], blocks: &[BlockInfo]) {
    let furniture: Vec<(usize, usize)> = blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Byline | BlockKind::Credit))
        .map(|b| (b.tok_start, b.tok_end))
        .collect();
    if furniture.is_empty() {
        return;
    }
    let mut next = 0;
    let mut ments: Vec<Ment> = Vec::with_capacity(found.ments.len());
    for m in found.ments.drain(..) {
        while furniture
            .get(next)
            .is_some_and(|&(_, end)| end <= m.tok_start)
        {
            next += 1;
        }
        let inside = furniture
            .get(next)
            .is_some_and(|&(start, end)| m.tok_start < end && start < m.tok_end);
        if !inside {
            ments.push(m);
        }
    }
    order::sort_by_rank(&mut ments, |m| order::ascending(m.tok_start));
    // Renumber the actors left in order of first mention, as `entities`
    // does.
    let old = std::mem::take(&mut found.actors);
    let mut new_id = vec![u32::MAX; old.len()];
    for m in &mut ments {
        let a = m.actor.index();
        if new_id[a] == u32::MAX {
            new_id[a] = found.actors.len() as u32;
            found.actors.push(Actor {
                id: ActorId(new_id[a]),
                name: old[a].name.clone(),
                kind: old[a].kind,
                mentions: Vec::new(),
            });
        }
        m.actor = ActorId(new_id[a]);
        let span = Span::new(
            tokens[m.tok_start].span().start,
            tokens[m.tok_end - 1].span().end,
        );
        found.actors[m.actor.index()].mentions.push(span);
    }
    found.ments = ments;
}

/// The first few words of a line in lowercase ASCII, single-spaced.
fn lower_head(body: &str) -> String {
    let mut head = String::new();
    for word in body.split_whitespace().take(4) {
        head.push_str(&word.to_ascii_lowercase());
        head.push(' ');
    }
    head
}

/// "By Jane Doe and John Smith, Reuters": after the lead, names (and the
/// words that join them) up to the end or to a separator, and no sentence.
fn is_byline(text: &str, toks: &[Token], lead_words: usize) -> bool {
    let mut words = toks
        .iter()
        .filter(|t| t.kind == TokKind::Word)
        .skip(lead_words);
    let Some(first) = words.next() else {
        return false;
    };
    let first = &text[first.span()];
    // "By Tuesday, the talks…", "By The Numbers".
    let lex = lexicon::get();
    if !is_name_word(first)
        || lex.months_days.contains(first)
        || lex.common_capitalized.contains(first)
    {
        return false;
    }
    let last = text[toks[toks.len() - 1].span()].chars().next_back();
    if matches!(last, Some('.' | '!' | '?' | ':')) && !toks.iter().any(|t| t.is_punct('|')) {
        // "By Jane Doe." is rare; "By J." is an initial.
        let initial = toks.len() >= 2 && text[toks[toks.len() - 2].span()].chars().count() == 1;
        if !initial {
            return false;
        }
    }
    // Up to the first separator, only names and the words that join them.
    for t in toks
        .iter()
        .skip_while(|t| t.kind != TokKind::Word)
        .skip(lead_words)
    {
        match t.kind {
            TokKind::Punct(',' | '|' | '\u{b7}' | ';' | '/' | '\u{2014}' | '\u{2013}') => {
                return true
            }
            TokKind::Word => {
                let w = &text[t.span()];
                let joins = matches!(
                    w,
                    "and"
                        | "in"
                        | "for"
                        | "of"
                        | "de"
                        | "van"
                        | "von"
                        | "der"
                        | "da"
                        | "del"
                        | "bin"
                        | "al"
                );
                if !(is_name_word(w) || joins) {
                    return false;
                }
            }
            TokKind::Num => return false,
            _ => {}
        }
    }
    true
}

fn is_name_word(word: &str) -> bool {
    is_cap(word) && word.chars().any(char::is_alphabetic)
}

fn role_word(lower: &str) -> Option<CreditRole> {
    Some(match lower {
        "by" => return None,
        "reporting" | "reported" => CreditRole::Reporting,
        "writing" | "written" => CreditRole::Writing,
        "editing" | "edited" => CreditRole::Editing,
        "photo" | "photos" | "photograph" | "photography" | "photographs" | "picture"
        | "pictures" | "image" | "images" | "illustration" | "graphic" | "graphics" | "video"
        | "credit" => CreditRole::Picture,
        "additional" | "compiled" | "produced" | "research" | "copyright" => CreditRole::Other,
        _ => return None,
    })
}
