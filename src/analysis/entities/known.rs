//! Lexicon names as mentions (pass 2): countries and their short forms,
//! capitals standing for their state ("Kyiv’s concerns", "Washington
//! may"), known organisations, and regions that act ("Europe will").
//!
//! A lexicon name inside a longer name ("New Mexico", "South China
//! Karst") is not one, and a capital or region is an actor only as a
//! metonym: a subject that acts, a possessive, or one side of a relation
//! between states ("talks with Beijing"); "in Berlin" stays a place.

use crate::analysis::lexicon::Known;
use crate::analysis::text::{is_all_caps, is_cap, TokKind};
use crate::analysis::ActorKind;

use super::claims::Claims;
use super::context::Context;
use super::registry::Registry;

/// Claims the lexicon name `what` of `len` tokens at token `i` for its
/// actor, if it names one here.
pub fn claim(
    ctx: &Context,
    reg: &mut Registry,
    claims: &mut Claims,
    i: usize,
    len: usize,
    what: Known,
) -> bool {
    let end = i + len;
    if (i..end).any(|k| claims.owner(k).is_some()) {
        return false;
    }
    // Part of a longer name: "South China Karst", "New Mexico".
    // Headlines capitalise every word, so there the rule cannot apply.
    let in_heading = ctx.heading[i];
    let prev_name = i > 0
        && !in_heading
        && ctx.same_line(i)
        && ctx.is_name_word(i - 1)
        && !ctx.is_title(i - 1)
        && ctx.known_at(i - 1).is_none()
        && !ctx.initial[i - 1];
    let next_name = end < ctx.toks.len()
        && !in_heading
        && !is_all_caps(ctx.word(end))
        && ctx.same_line(end)
        && ctx.is_name_word(end)
        && !ctx.is_title(end)
        && !ctx.is_org_word(end)
        && ctx.known_at(end).is_none();
    match what {
        Known::Country(c) => {
            if prev_name || next_name {
                return false;
            }
            let a = reg.country(ctx.lex, c);
            claims.claim(i, end, a)
        }
        Known::Capital(c) => {
            if prev_name || next_name || !metonym(ctx, reg, claims, i, end) {
                return false;
            }
            let a = reg.country(ctx.lex, c);
            claims.claim(i, end, a)
        }
        Known::Org(o) => {
            // "Crown Prince": a one-word name inside a longer one.
            let acronym = is_all_caps(ctx.word(i));
            if len == 1 && (prev_name || !acronym && (next_name || ctx.is_title(end))) {
                return false;
            }
            let a = reg.known_org(ctx.lex, o);
            claims.claim(i, end, a)
        }
        Known::Place => {
            // A region is an actor only when it acts ("Europe’s
            // response", "Europe will"), as a capital is.
            if prev_name || next_name || !metonym(ctx, reg, claims, i, end) {
                return false;
            }
            let name = ctx.span_text(i, end).to_string();
            let a = reg.actor(format!("l:{name}"), &name, ActorKind::Place);
            claims.claim(i, end, a)
        }
        Known::Demonym(_) => false,
    }
}

/// A capital standing for its state: "Kyiv’s concerns", "Washington may".
fn metonym(ctx: &Context, reg: &Registry, claims: &Claims, start: usize, end: usize) -> bool {
    // "Seattle, Washington": a place after a place, not a state.
    if start >= 2 && ctx.is_punct(start - 1, ',') && ctx.is_name_word(start - 2) {
        return false;
    }
    // "sanctions against Moscow", "talks with Beijing", "between
    // Washington and Beijing": a relation between states. "in Berlin"
    // stays a place.
    let prev = if start > 0 && ctx.same_line(start) {
        ctx.word(start - 1)
    } else {
        ""
    };
    if matches!(prev, "against" | "with" | "between" | "toward" | "towards") {
        return true;
    }
    if prev == "and"
        && start >= 2
        && claims
            .owner(start - 2)
            .is_some_and(|a| reg.actors[a].kind == ActorKind::Country)
    {
        return true;
    }
    let Some(next) = ctx.toks.get(end) else {
        return false;
    };
    if next.kind == TokKind::Possessive {
        return true;
    }
    let subject = ctx.initial[start];
    // "Tokyo and Seoul agreed": two capitals as one subject.
    if ctx.word(end) == "and" && ctx.same_line(end + 1) {
        if let Some((len, Known::Capital(_))) = ctx.known_at(end + 1) {
            return acts(ctx, end + 1 + len as usize, subject);
        }
    }
    acts(ctx, end, subject)
}

/// Token `k` is a verb of a state acting: a modal, an auxiliary or a
/// verb of stance, or any past tense after a sentence's subject
/// ("Beijing reacted cautiously").
fn acts(ctx: &Context, k: usize, subject: bool) -> bool {
    let w = ctx.word(k);
    matches!(
        w,
        "may"
            | "might"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "must"
            | "has"
            | "had"
            | "is"
            | "was"
            | "says"
            | "said"
            | "wants"
            | "insists"
            | "accused"
            | "announced"
            | "warned"
            | "denied"
            | "rejected"
            | "believes"
            | "hopes"
            | "refused"
            | "plans"
            | "argues"
            | "claims"
            | "demanded"
            | "responded"
    ) || (subject && ctx.same_line(k) && w.len() > 4 && w.ends_with("ed") && !is_cap(w))
}

#[cfg(test)]
mod tests {
    use super::super::{aliases, claimed_by};

    /// What the alias scan claims for lexicon names: (text, actor name).
    fn known(text: &str) -> Vec<(String, String)> {
        claimed_by(text, &[], aliases::claim)
            .into_iter()
            .map(|(text, name, _)| (text, name))
            .collect()
    }

    fn pair(text: &str, name: &str) -> (String, String) {
        (text.to_string(), name.to_string())
    }

    #[test]
    fn a_country_and_its_short_form_name_the_country() {
        assert_eq!(
            known("Trade between Germany and the People's Republic of China grew."),
            [
                pair("Germany", "Germany"),
                pair("People's Republic of China", "China")
            ]
        );
    }

    #[test]
    fn a_capital_that_acts_stands_for_its_state() {
        assert_eq!(
            known("Beijing warned on Monday."),
            [pair("Beijing", "China")]
        );
        assert_eq!(
            known("They share Kyiv\u{2019}s concerns."),
            [pair("Kyiv", "Ukraine")]
        );
        assert_eq!(
            known("Sanctions against Beijing grew."),
            [pair("Beijing", "China")]
        );
        assert!(known("They met in Berlin on Monday.").is_empty());
    }

    #[test]
    fn a_region_is_an_actor_only_when_it_acts() {
        assert_eq!(known("Europe will respond."), [pair("Europe", "Europe")]);
        assert!(known("They toured Europe in May.").is_empty());
    }

    #[test]
    fn a_lexicon_name_inside_a_longer_name_is_none() {
        assert!(known("They visited the Germany Kestrel Fund.").is_empty());
    }

    #[test]
    fn a_known_organisation_is_named_by_its_short_form() {
        assert_eq!(
            known("Leaders of NATO met. NATO agreed."),
            [pair("NATO", "NATO"), pair("NATO", "NATO")]
        );
        // A one-word lexicon name before a title is part of a longer name.
        assert!(known("They met Crown Prince Kestrel.").is_empty());
    }
}
