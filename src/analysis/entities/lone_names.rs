//! Names with no evidence but their place (pass 2, after the aliases):
//! a lone capitalised word as the subject of a speech verb ("Greenpeace
//! said") and a name after a role and "at" ("chief economist at Pantheon
//! Macroeconomics"). Both are organisations most likely: the alias pass
//! has already taken the surnames of the people it knows, and only free
//! tokens are claimed.

use crate::analysis::case::lowercase;
use crate::analysis::lexicon::flag;
use crate::analysis::text::is_cap;
use crate::analysis::ActorKind;

use super::claims::Claims;
use super::context::Context;
use super::registry::Registry;

/// Claims speaking names, then employers.
pub fn claim<'a>(ctx: &Context<'a>, reg: &mut Registry<'a>, claims: &mut Claims) {
    speaking(ctx, reg, claims);
    employers(ctx, reg, claims);
}

/// "Greenpeace said": a lone unknown name as the subject of a speech verb.
fn speaking(ctx: &Context, reg: &mut Registry, claims: &mut Claims) {
    for i in 0..ctx.toks.len().saturating_sub(1) {
        if claims.owner(i).is_some() || !ctx.has(i + 1, flag::SPEECH_VERB) || !ctx.same_line(i + 1)
        {
            continue;
        }
        let w = ctx.word(i);
        let lone = i == 0 || !ctx.is_name_word(i - 1) || !ctx.same_line(i);
        if !lone
            || !ctx.is_name_word(i)
            || ctx.known_at(i).is_some()
            || ctx.is_title(i)
            || ctx.is_first_name(i)
        {
            continue;
        }
        if ctx.has(
            i,
            flag::GROUP_NOUN
                | flag::ANON_NOUN
                | flag::COMMON
                | flag::ORG_WORD
                | flag::PLACE_WORD
                | flag::ROLE,
        ) {
            continue;
        }
        // "Kyiv’s", "Trump’s": a possessive is no subject here.
        if is_cap(ctx.word(i + 1)) {
            continue;
        }
        let a = reg.actor(format!("o:{}", lowercase(w)), w, ActorKind::Organization);
        if reg.actors[a].aliases.is_empty() {
            reg.actors[a].aliases.push(vec![w.to_string()]);
        }
        claims.claim(i, i + 1, a);
    }
}

/// "chief economist at Pantheon Macroeconomics", "a professor at
/// Kyungnam": a name after a role and "at" is an employer.
fn employers<'a>(ctx: &Context<'a>, reg: &mut Registry<'a>, claims: &mut Claims) {
    for i in 2..ctx.toks.len() {
        if ctx.word(i - 1) != "at"
            || !ctx.has(i - 2, flag::ROLE)
            || is_cap(ctx.word(i - 2))
            || claims.owner(i).is_some()
        {
            continue;
        }
        let mut end = i;
        while end < ctx.toks.len()
            && end < i + 4
            && ctx.same_line(end)
            && ctx.is_name_word(end)
            && claims.is_free(end)
        {
            end += 1;
        }
        let evidence_free = (i..end).all(|k| {
            ctx.known_at(k).is_none()
                && !ctx.is_first_name(k)
                && !ctx.is_title(k)
                && !ctx.has(k, flag::PLACE_WORD)
                && !ctx.lex.abbreviations.contains(ctx.lower(k).as_ref())
        });
        if end == i || !evidence_free || ctx.initial[i] {
            continue;
        }
        let org = reg.org(ctx, i, end);
        claims.claim(i, end, org);
    }
}

#[cfg(test)]
mod tests {
    use super::super::{aliases, claimed_by};
    use super::*;

    fn org(text: &str) -> (String, String, ActorKind) {
        (text.to_string(), text.to_string(), ActorKind::Organization)
    }

    #[test]
    fn a_lone_name_before_a_speech_verb_is_an_organisation() {
        assert_eq!(
            claimed_by(
                "The plan failed, Kestrelpeace said.",
                &[aliases::claim],
                claim
            ),
            [org("Kestrelpeace")]
        );
    }

    #[test]
    fn a_known_word_or_a_pair_before_a_speech_verb_is_none() {
        // A first name, a group noun, two capitalised words.
        assert!(claimed_by("The plan failed, Maria said.", &[aliases::claim], claim).is_empty());
        assert!(claimed_by("It failed. Analysts said so.", &[aliases::claim], claim).is_empty());
        assert!(claimed_by("It failed, Blue Kestrel said.", &[aliases::claim], claim).is_empty());
    }

    #[test]
    fn a_name_after_a_role_and_at_is_the_employer() {
        assert_eq!(
            claimed_by(
                "said Jo Ray, chief economist at Kestrel Macroeconomics.",
                &[aliases::claim],
                claim
            ),
            [org("Kestrel Macroeconomics")]
        );
        // A place or a known name after "at" is no employer.
        assert!(claimed_by("said a professor at Berlin.", &[aliases::claim], claim).is_empty());
    }
}
