//! Wire datelines: "BRUSSELS —", "BERLIN (Reuters) -", "WASHINGTON, Dec 3
//! (Reuters) -". The all-caps city opening a paragraph of wire copy is a
//! place; the agency in brackets is found later, as a speaking name or a
//! known organisation.
//!
//! A stage of its own because it reads blocks, not sentences: a dateline
//! is the start of a paragraph, whatever the sentence splitter made of it.

use crate::analysis::blocks::BlockInfo;
use crate::analysis::case::lowercase;
use crate::analysis::text::{is_all_caps, TokKind};
use crate::analysis::{ActorKind, BlockKind};

use super::claims::Candidate;
use super::context::Context;
use super::registry::Registry;

/// Proposes the place of each paragraph's dateline.
pub fn find(ctx: &Context, reg: &mut Registry, cands: &mut Vec<Candidate>) {
    for &BlockInfo {
        kind,
        tok_start,
        tok_end,
        ..
    } in ctx.blocks
    {
        if kind != BlockKind::Paragraph {
            continue;
        }
        let mut end = tok_start;
        while end < tok_end && end < tok_start + 3 && ctx.toks[end].kind == TokKind::Word {
            let w = ctx.word(end);
            if w.chars().count() < 2 || !is_all_caps(w) || !w.chars().all(char::is_alphabetic) {
                break;
            }
            end += 1;
        }
        if end == tok_start || ctx.known_at(tok_start).is_some() {
            continue;
        }
        // A dash or an opening bracket right after, or after a date.
        let dash = |k: usize| {
            matches!(
                ctx.toks.get(k).map(|t| t.kind),
                Some(TokKind::Punct('\u{2014}' | '\u{2013}' | '-' | '('))
            )
        };
        let opens =
            dash(end) || (ctx.is_punct(end, ',') && (end + 1..(end + 6).min(tok_end)).any(dash));
        if !opens {
            continue;
        }
        // "NEW YORK" is named "New York".
        let name: Vec<String> = (tok_start..end)
            .map(|k| {
                let w = ctx.word(k);
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_string() + &lowercase(c.as_str()))
                    .unwrap_or_default()
            })
            .collect();
        let name = name.join(" ");
        let a = reg.actor(format!("l:{name}"), &name, ActorKind::Place);
        cands.push(Candidate {
            tok_start,
            tok_end: end,
            actor: a,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::context::Parsed;
    use super::*;

    /// The places this stage alone proposes, by their text and name.
    fn places(text: &str) -> Vec<(String, String)> {
        let p = Parsed::new(text);
        let ctx = p.context();
        let mut reg = Registry::new(ctx.lex);
        let mut cands = Vec::new();
        find(&ctx, &mut reg, &mut cands);
        cands
            .iter()
            .map(|c| {
                assert_eq!(reg.actors[c.actor].kind, ActorKind::Place);
                (
                    ctx.span_text(c.tok_start, c.tok_end).to_string(),
                    reg.actors[c.actor].name.clone(),
                )
            })
            .collect()
    }

    fn pair(text: &str, name: &str) -> (String, String) {
        (text.to_string(), name.to_string())
    }

    #[test]
    fn an_all_caps_city_before_a_dash_is_a_place() {
        assert_eq!(
            places("The talks\n\nBRUSSELS \u{2014} Ministers met on Monday."),
            [pair("BRUSSELS", "Brussels")]
        );
        assert_eq!(
            places("SAN ANTONIO (Wire) - The council voted."),
            [pair("SAN ANTONIO", "San Antonio")]
        );
    }

    #[test]
    fn a_date_may_stand_between_the_city_and_the_dash() {
        assert_eq!(
            places("LIMA, Dec 3 (Wire) - The council voted."),
            [pair("LIMA", "Lima")]
        );
    }

    #[test]
    fn all_caps_without_a_dash_or_mid_paragraph_is_no_dateline() {
        assert!(places("NASA said on Monday it would launch.").is_empty());
        assert!(places("The council met. LIMA \u{2014} no.").is_empty());
        assert!(places("A \u{2014} B.").is_empty());
    }
}
