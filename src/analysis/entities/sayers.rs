//! Unnamed speakers: the subject of a verb of saying that is no name but a
//! document, a body or a role — "the joint statement said", "the city
//! said", "the report's authors wrote", "Their secretary-general warned",
//! "…," said the ministry. Each becomes an actor of its own (a body an
//! organisation, a document or a role an unnamed source), so a quote it
//! speaks has a speaker rather than none or someone else's.
//!
//! It runs after the back-references, which give "the ministry" to the
//! ministry named before; only free tokens are claimed.

use crate::analysis::case::lowercase;
use crate::analysis::lexicon::flag;
use crate::analysis::text::{is_cap, TokKind};
use crate::analysis::ActorKind;

use super::claims::Claims;
use super::context::Context;
use super::registry::Registry;

/// What a head noun names when it speaks.
fn head_kind(lower: &str) -> Option<ActorKind> {
    let kind = match lower {
        // Documents speak for whoever issued them.
        "statement" | "report" | "letter" | "communique" | "communiqué" | "declaration"
        | "ruling" | "filing" | "memo" | "memorandum" | "release" | "study" | "survey"
        | "document" | "editorial" | "complaint" | "lawsuit" | "indictment" | "notice"
        | "bulletin" | "assessment" | "audit" | "review" | "verdict" | "judgment" | "judgement"
        | "authors" | "researchers" => ActorKind::Anonymous,
        // Roles without a name: one unnamed person.
        "chief" | "head" | "boss" | "secretary-general" | "director" | "leader" | "chairman"
        | "chairwoman" | "chair" | "president" | "governor" | "mayor" | "minister"
        | "spokesperson" | "spokesman" | "spokeswoman" => ActorKind::Anonymous,
        // Bodies.
        "city" | "council" | "government" | "ministry" | "department" | "agency" | "committee"
        | "commission" | "court" | "tribunal" | "board" | "union" | "company" | "firm" | "bank"
        | "police" | "embassy" | "church" | "university" | "hospital" | "administration"
        | "regulator" | "club" | "team" | "league" | "association" | "federation"
        | "organisation" | "organization" | "party" | "campaign" | "group" | "prosecutor"
        | "prosecutors" | "army" | "military" | "municipality" | "state" | "authority"
        | "authorities" | "school" => ActorKind::Organization,
        _ => return None,
    };
    Some(kind)
}

/// Determiners that open such a subject ("the", "its", "their").
fn is_opener(lower: &str) -> bool {
    matches!(
        lower,
        "the" | "its" | "their" | "his" | "her" | "a" | "an" | "our"
    )
}

/// Claims the unnamed speakers before or right after a verb of saying.
pub fn claim(ctx: &Context, reg: &mut Registry, claims: &mut Claims) {
    let n = ctx.toks.len();
    for verb in 0..n {
        if !ctx.has(verb, flag::SPEECH_VERB) || is_cap(ctx.word(verb)) {
            continue;
        }
        if let Some((start, end, head)) = before(ctx, claims, verb) {
            add(ctx, reg, claims, start, end, head);
        } else if let Some((start, end, head)) = after(ctx, claims, verb) {
            add(ctx, reg, claims, start, end, head);
        }
    }
}

fn add(
    ctx: &Context,
    reg: &mut Registry,
    claims: &mut Claims,
    start: usize,
    end: usize,
    head: usize,
) {
    let Some(kind) = head_kind(&ctx.lower(head)) else {
        return;
    };
    let phrase = ctx.span_text(start, end).to_string();
    let key = format!("u:{}", lowercase(&phrase));
    let a = reg.actor(key, &phrase, kind);
    claims.claim(start, end, a);
}

/// "the joint statement said", "Their secretary-general warned": the
/// phrase right before the verb (an adverb may sit between), from its
/// determiner to its head noun, all free and lowercase but the
/// determiner.
fn before(ctx: &Context, claims: &Claims, verb: usize) -> Option<(usize, usize, usize)> {
    let mut head = verb.checked_sub(1)?;
    if ctx.word(head).ends_with("ly") && ctx.same_line(head + 1) {
        head = head.checked_sub(1)?;
    }
    phrase_ending_at(ctx, claims, head).filter(|_| ctx.same_line(verb))
}

/// `"…," said the ministry.`: the phrase right after the verb, ending the
/// clause.
fn after(ctx: &Context, claims: &Claims, verb: usize) -> Option<(usize, usize, usize)> {
    let det = verb + 1;
    if !is_opener(&ctx.lower(det)) || !ctx.same_line(det) {
        return None;
    }
    let mut head = det + 1;
    while head < ctx.toks.len() && head < det + 4 && ctx.same_line(head) {
        let ends = ctx.is_punct(head + 1, '.')
            || ctx.is_punct(head + 1, ',')
            || ctx.word(head + 1) == "in";
        if head_kind(&ctx.lower(head)).is_some() && ends {
            return phrase_ending_at(ctx, claims, head).filter(|&(s, _, _)| s == det);
        }
        head += 1;
    }
    None
}

/// The phrase whose head noun is token `head`: back over lowercase
/// modifiers and a possessive ("the report's authors") to a determiner.
fn phrase_ending_at(ctx: &Context, claims: &Claims, head: usize) -> Option<(usize, usize, usize)> {
    let w = ctx.word(head);
    if w.is_empty() || is_cap(w) || head_kind(&ctx.lower(head)).is_none() || !claims.is_free(head) {
        return None;
    }
    let mut k = head;
    for _ in 0..5 {
        let p = k.checked_sub(1)?;
        if !claims.is_free(p) || !ctx.same_line(k) {
            return None;
        }
        let t = &ctx.toks[p];
        let lower = ctx.lower(p);
        if t.kind == TokKind::Word && is_opener(&lower) {
            // "a statement" and "an official" are the anonymous pass's.
            return (!matches!(lower.as_ref(), "a" | "an")).then_some((p, head + 1, head));
        }
        let modifier =
            (t.kind == TokKind::Word && !is_cap(ctx.word(p)) && !ctx.has(p, flag::SPEECH_VERB))
                || t.kind == TokKind::Possessive;
        if !modifier || matches!(lower.as_ref(), "and" | "or" | "that" | "which" | "who") {
            return None;
        }
        k = p;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::{backrefs, claimed_by, lone_names};
    use super::*;

    fn sayers(text: &str) -> Vec<(String, ActorKind)> {
        let back: super::super::Stage = |c, r, k| backrefs::claim(c, r, k);
        claimed_by(
            text,
            &[super::super::aliases::claim, lone_names::claim, back],
            claim,
        )
        .into_iter()
        .map(|(t, _, k)| (t, k))
        .collect()
    }

    #[test]
    fn documents_bodies_and_roles_that_speak_are_actors() {
        assert_eq!(
            sayers("The joint statement said talks would go on."),
            [("The joint statement".to_string(), ActorKind::Anonymous)]
        );
        assert_eq!(
            sayers("Rents will rise, the city said in a statement."),
            [("the city".to_string(), ActorKind::Organization)]
        );
        assert_eq!(
            sayers("Their secretary-general warned that prices would fall."),
            [("Their secretary-general".to_string(), ActorKind::Anonymous)]
        );
    }

    #[test]
    fn a_noun_that_does_not_speak_is_no_actor() {
        assert!(sayers("The city is large and the report is long.").is_empty());
        assert!(sayers("She read the statement aloud.").is_empty());
    }
}
