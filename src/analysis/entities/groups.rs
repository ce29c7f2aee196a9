//! Groups and unnamed people, found from their nouns rather than from
//! capitals: groups ("Military analysts", "European leaders", "the
//! international community", "analysts at Acme Bank"), anonymous sources
//! ("a diplomatic source", "sources familiar with the talks", "a White
//! House official"), national bodies named in lowercase ("the French
//! foreign ministry", "Russia's defence ministry") and counted
//! nationalities ("100 Nicaraguans").
//!
//! Each finder only reads the context and returns a [`Phrase`]; [`find`]
//! registers it. The noun lists (group nouns, anonymous nouns, group
//! modifiers) are lexicon files.

use crate::analysis::case::lowercase;
use crate::analysis::lexicon::{flag, Known};
use crate::analysis::sentences::SentInfo;
use crate::analysis::text::{is_all_caps, is_cap, TokKind};
use crate::analysis::ActorKind;

use super::claims::Candidate;
use super::context::Context;
use super::registry::Registry;
use super::words::is_determiner;

/// Proposes the groups, anonymous sources and national bodies of every
/// sentence outside headings.
pub fn find(ctx: &Context, reg: &mut Registry, cands: &mut Vec<Candidate>) {
    for &SentInfo {
        tok_start, tok_end, ..
    } in ctx.sents
    {
        if ctx.heading.get(tok_start).copied().unwrap_or(false) {
            continue;
        }
        for i in tok_start..tok_end {
            if ctx.toks[i].kind != TokKind::Word {
                continue;
            }
            if let Some(p) = counted(ctx, i, tok_start).or_else(|| nation(ctx, i, tok_start)) {
                p.add(reg, cands);
                continue;
            }
            if matches!(ctx.word(i), "ministry" | "embassy" | "parliament") {
                if let Some(p) = national_body(ctx, i, tok_start) {
                    p.add(reg, cands);
                }
                continue;
            }
            if !ctx.has(i, flag::ANON_NOUN | flag::GROUP_NOUN)
                && !ctx.word(i).eq_ignore_ascii_case("community")
            {
                continue;
            }
            let lower = ctx.lower(i);
            if ctx.has(i, flag::ANON_NOUN) {
                if let Some(p) = anonymous(ctx, i, tok_start, tok_end, &lower) {
                    p.add(reg, cands);
                    continue;
                }
            }
            if ctx.has(i, flag::GROUP_NOUN) || lower == "community" {
                if let Some(p) = group(ctx, i, tok_start, &lower) {
                    p.add(reg, cands);
                }
            }
        }
    }
}

/// A phrase naming an actor: its tokens, its registry key, its name.
struct Phrase {
    start: usize,
    end: usize,
    key: String,
    name: String,
    kind: ActorKind,
}

impl Phrase {
    /// Proposes the phrase as a mention of its actor.
    fn add(self, reg: &mut Registry, cands: &mut Vec<Candidate>) {
        let a = reg.actor(self.key, &self.name, self.kind);
        // Name a group by its people ("European leaders") rather than by
        // the collective ("European leadership") when the text has both
        // (only `group` keys the two alike).
        if self.kind == ActorKind::Group
            && reg.actors[a].name.ends_with("leadership")
            && !self.name.ends_with("leadership")
        {
            reg.actors[a].name = self.name;
        }
        cands.push(Candidate {
            tok_start: self.start,
            tok_end: self.end,
            actor: a,
        });
    }
}

/// "100 Nicaraguans": a counted group of a nationality.
fn counted(ctx: &Context, i: usize, sent_start: usize) -> Option<Phrase> {
    let Some((len, Known::Demonym(_))) = ctx.known_at(i) else {
        return None;
    };
    let end = i + len as usize;
    let plural = ctx.word(end - 1).ends_with('s');
    if !(plural && i > sent_start && ctx.toks[i - 1].kind == TokKind::Num) {
        return None;
    }
    let phrase = ctx.span_text(i - 1, end).to_string();
    Some(Phrase {
        start: i - 1,
        end,
        key: format!("g:{phrase}"),
        name: phrase,
        kind: ActorKind::Group,
    })
}

/// "Palestinians protested", "the Libyan people": a people as a group. A
/// plural demonym stands alone (not "Nicaraguans living abroad" after a
/// number, which `counted` takes, nor a modifier of a noun after it).
fn nation(ctx: &Context, i: usize, sent_start: usize) -> Option<Phrase> {
    let Some((len, Known::Demonym(_))) = ctx.known_at(i) else {
        return None;
    };
    let end = i + len as usize;
    let after = ctx.word(end);
    let (start, end) = if after == "people" && ctx.same_line(end) {
        let the = i > sent_start && ctx.word(i - 1).eq_ignore_ascii_case("the");
        (if the { i - 1 } else { i }, end + 1)
    } else {
        let plural = ctx.word(end - 1).ends_with('s') && ctx.word(end - 1).len() > 3;
        // A noun after it makes the demonym a modifier ("Palestinians
        // leaders" is rare; "Syrians fled" is common).
        let noun_after = ctx.is_name_word(end) || ctx.has(end, flag::GROUP_NOUN | flag::ANON_NOUN);
        if !plural || noun_after || (i > sent_start && ctx.toks[i - 1].kind == TokKind::Num) {
            return None;
        }
        (i, end)
    };
    let name = ctx.span_text(start, end).to_string();
    let key = format!(
        "g:{}",
        crate::analysis::case::lowercase(ctx.span_text(i, end))
    );
    Some(Phrase {
        start,
        end,
        key,
        name,
        kind: ActorKind::Group,
    })
}

/// "a diplomatic source who …", "a White House official", "sources
/// familiar with the preparations", "a spokeswoman for the police".
fn anonymous(
    ctx: &Context,
    i: usize,
    sent_start: usize,
    sent_end: usize,
    lower: &str,
) -> Option<Phrase> {
    // "official Li Yuecheng": a role before a name is a title.
    if ctx.is_name_word(i + 1) && ctx.same_line(i + 1) {
        return None;
    }
    let mut left = i;
    let mut n = 0;
    while left > sent_start && n < 3 {
        let p = left - 1;
        let w = ctx.word(p);
        if ctx.toks[p].kind != TokKind::Word || is_determiner(w) {
            break;
        }
        // "Later ministry officials said": a sentence adverb.
        if is_cap(w) && ctx.initial[p] && ctx.has(p, flag::COMMON) {
            break;
        }
        if is_cap(w)
            && ctx
                .known_at(p)
                .is_some_and(|(_, k)| !matches!(k, Known::Demonym(_) | Known::Org(_)))
        {
            break;
        }
        if matches!(
            w,
            "of" | "and"
                | "to"
                | "in"
                | "for"
                | "with"
                | "by"
                | "on"
                | "at"
                | "that"
                | "said"
                | "says"
                | "told"
                | "his"
                | "her"
                | "their"
                | "its"
        ) {
            break;
        }
        left = p;
        n += 1;
    }
    let det = left.checked_sub(1).map(|p| ctx.word(p)).unwrap_or("");
    // "Ned Price, a State Department spokesman,": an apposition to a
    // name describes that person, not an unnamed source.
    if left >= 3 && ctx.is_punct(left - 2, ',') && ctx.is_name_word(left - 3) {
        return None;
    }
    let indefinite = matches!(
        det,
        "a" | "an"
            | "A"
            | "An"
            | "one"
            | "two"
            | "three"
            | "several"
            | "some"
            | "Some"
            | "another"
            | "One"
            | "Two"
            | "Three"
            | "Several"
    );
    let plural = lower.ends_with('s');
    let next = ctx.word(i + 1);
    let extends = matches!(next, "familiar" | "close" | "briefed")
        || (next == "with" && ctx.word(i + 2) == "knowledge");
    // "people" is a source only as "people familiar with …".
    if lower == "people" && !extends {
        return None;
    }
    let according = left >= 2
        && ctx.word(left - 1) == "to"
        && ctx.word(left - 2).eq_ignore_ascii_case("according");
    if !(indefinite || (plural && (extends || according || ctx.has(i + 1, flag::SPEECH_VERB)))) {
        return None;
    }
    // Extend over "familiar with the X", "close to the X", "for the X".
    let mut end = i + 1;
    if matches!(next, "familiar" | "close" | "briefed") {
        let mut j = i + 2;
        if matches!(ctx.word(j), "with" | "to" | "on") {
            j += 1;
            let stop = (j + 4).min(sent_end);
            while j < stop
                && ctx.toks[j].kind == TokKind::Word
                && !matches!(ctx.word(j), "said" | "says" | "who" | "and")
            {
                j += 1;
            }
            end = j;
        }
    } else if next == "for"
        && ctx.word(i + 2) == "the"
        && ctx.toks.get(i + 3).is_some_and(|t| t.kind == TokKind::Word)
    {
        end = i + 4;
        // "a spokesperson for the Labour Party": the whole name.
        while end < sent_end
            && end < i + 8
            && ctx.is_name_word(end)
            && ctx.is_name_word(end - 1)
            && ctx.same_line(end)
        {
            end += 1;
        }
    }
    let phrase = ctx.span_text(left, end).to_string();
    let key = format!("x:{}", lowercase(&phrase));
    // "a White House official": the organisation keeps its own mention,
    // the unnamed person is the noun.
    if (left..i).any(|k| {
        is_cap(ctx.word(k))
            && !ctx.initial[k]
            && !matches!(ctx.known_at(k), Some((_, Known::Demonym(_))))
    }) {
        left = i;
    }
    let name = if indefinite {
        format!("{} {}", lowercase(det), phrase)
    } else {
        phrase.clone()
    };
    Some(Phrase {
        start: left,
        end,
        key,
        name,
        kind: ActorKind::Anonymous,
    })
}

/// "the French foreign ministry", "Russia's defence ministry", "the
/// Chinese embassy": a state's body named in lowercase.
fn national_body(ctx: &Context, i: usize, sent_start: usize) -> Option<Phrase> {
    let mut left = i;
    let mut n = 0;
    while left > sent_start && n < 2 {
        let w = ctx.word(left - 1);
        if ctx.toks[left - 1].kind != TokKind::Word
            || is_cap(w)
            || is_determiner(w)
            || w.len() < 4
            || !w.chars().all(|c| c.is_ascii_lowercase())
        {
            break;
        }
        left -= 1;
        n += 1;
    }
    let owner = (1..=2usize).find_map(|len| {
        let p = left.checked_sub(len)?;
        match ctx.known_at(p) {
            Some((l, Known::Demonym(_))) if l as usize == len && p >= sent_start => Some(p),
            _ => None,
        }
    });
    let owner = owner.or_else(|| {
        // "Russia's": a country and a possessive.
        let p = left.checked_sub(2)?;
        (ctx.toks[left - 1].kind == TokKind::Possessive).then_some(())?;
        (1..=2usize).find_map(|len| {
            let q = (p + 1).checked_sub(len)?;
            matches!(ctx.known_at(q), Some((l, Known::Country(_))) if l as usize == len)
                .then_some(q)
        })
    });
    let start = owner?;
    if (start..=i).any(|k| ctx.heading[k]) {
        return None;
    }
    let phrase = ctx.span_text(start, i + 1).to_string();
    Some(Phrase {
        start,
        end: i + 1,
        key: format!("o:{}", lowercase(&phrase)),
        name: phrase,
        kind: ActorKind::Organization,
    })
}

/// "European leaders", "Security experts", "Analysts", "the
/// international community", "Russian forces".
fn group(ctx: &Context, i: usize, sent_start: usize, lower: &str) -> Option<Phrase> {
    let mut left = i;
    let mut modifiers = 0;
    while left > sent_start && modifiers < 2 {
        let p = left - 1;
        let w = ctx.word(p);
        if ctx.toks[p].kind != TokKind::Word {
            break;
        }
        let is_demonym = matches!(ctx.known_at(p), Some((1, Known::Demonym(_))));
        let two_word_demonym =
            p > sent_start && matches!(ctx.known_at(p - 1), Some((2, Known::Demonym(_))));
        if two_word_demonym {
            left = p - 1;
            modifiers += 1;
            continue;
        }
        let ok = is_demonym
            || ctx.has(p, flag::GROUP_MODIFIER)
            || (is_cap(w) && ctx.initial[p] && !ctx.has(p, flag::COMMON) && ctx.known_at(p).is_none())
            || (is_all_caps(w) && ctx.known_at(p).is_none() && !is_org_acronym(ctx, p))
            // "the South Korean puppet military": one word after a demonym.
            || (modifiers == 0 && !is_cap(w) && lower == "military" && demonym_before(ctx, p, sent_start));
        if !ok {
            break;
        }
        left = p;
        modifiers += 1;
    }
    let capital_noun = is_cap(ctx.word(i)) && ctx.initial[i];
    if lower == "community" && modifiers == 0 {
        return None;
    }
    // "analysts at Morgan Stanley", "economists from the IMF": the
    // employer names the group.
    let mut end = i + 1;
    if lower.ends_with('s') && matches!(ctx.word(i + 1), "at" | "from") && ctx.same_line(i + 2) {
        let mut j = i + 2;
        if matches!(ctx.word(j), "the" | "The") {
            j += 1;
        }
        let name_start = j;
        while j < ctx.toks.len()
            && j < name_start + 5
            && ctx.same_line(j)
            && (ctx.is_name_word(j) || ctx.word(j) == "of" && ctx.is_name_word(j + 1))
        {
            j += 1;
        }
        // A name with its own evidence ("the University of Oxford")
        // stays an actor of its own.
        let place = (name_start..j).any(|k| ctx.known_at(k).is_some() || ctx.is_org_word(k));
        if j > name_start && !place {
            end = j;
        }
    }
    if modifiers == 0 && !capital_noun && end == i + 1 {
        return None;
    }
    // "European and NATO leaders": a group named after another actor.
    if left > 0 && !ctx.word(left - 1).is_empty() && is_all_caps(ctx.word(left - 1)) {
        return None;
    }
    let phrase = ctx.span_text(left, end).to_string();
    let norm = lowercase(&phrase).replace("leadership", "leaders");
    Some(Phrase {
        start: left,
        end,
        key: format!("g:{norm}"),
        name: phrase,
        kind: ActorKind::Group,
    })
}

/// A demonym ends right before token `p`.
fn demonym_before(ctx: &Context, p: usize, sent_start: usize) -> bool {
    (1..=2).any(|len| {
        p >= sent_start + len
            && matches!(ctx.known_at(p - len), Some((l, Known::Demonym(_))) if l as usize == len)
    })
}

/// A lexicon organisation starts at token `i` ("NATO").
fn is_org_acronym(ctx: &Context, i: usize) -> bool {
    matches!(ctx.known_at(i), Some((_, Known::Org(_))))
}

#[cfg(test)]
mod tests {
    use super::super::context::Parsed;
    use super::*;

    /// What this stage alone proposes: (mention text, kind, actor name).
    fn phrases(text: &str) -> Vec<(String, ActorKind, String)> {
        let p = Parsed::new(text);
        let ctx = p.context();
        let mut reg = Registry::new(ctx.lex);
        let mut cands = Vec::new();
        find(&ctx, &mut reg, &mut cands);
        cands
            .iter()
            .map(|c| {
                let actor = &reg.actors[c.actor];
                (
                    ctx.span_text(c.tok_start, c.tok_end).to_string(),
                    actor.kind,
                    actor.name.clone(),
                )
            })
            .collect()
    }

    fn one(text: &str, kind: ActorKind, name: &str) -> (String, ActorKind, String) {
        (text.to_string(), kind, name.to_string())
    }

    #[test]
    fn a_group_noun_with_modifiers_is_a_group() {
        assert_eq!(
            phrases("They said European leaders met security experts."),
            [
                one("European leaders", ActorKind::Group, "European leaders"),
                one("security experts", ActorKind::Group, "security experts"),
            ]
        );
        // A bare noun inside a sentence names no one in particular.
        assert!(phrases("She met experts on Monday.").is_empty());
    }

    #[test]
    fn the_employer_after_at_names_the_group() {
        assert_eq!(
            phrases("She said economists at Acme Capital expect a cut."),
            [one(
                "economists at Acme Capital",
                ActorKind::Group,
                "economists at Acme Capital"
            )]
        );
    }

    #[test]
    fn the_collective_and_its_people_are_one_group_named_by_the_people() {
        let found = phrases("The European leadership met. Later European leaders spoke.");
        assert_eq!(found.len(), 2);
        assert!(found.iter().all(|(_, _, name)| name == "European leaders"));
    }

    #[test]
    fn an_indefinite_source_is_anonymous() {
        assert_eq!(
            phrases("The deal is close, a diplomatic source said."),
            [one(
                "diplomatic source",
                ActorKind::Anonymous,
                "a diplomatic source"
            )]
        );
        assert_eq!(
            phrases("Sources familiar with the talks said it was close."),
            [one(
                "Sources familiar with the talks",
                ActorKind::Anonymous,
                "Sources familiar with the talks"
            )]
        );
    }

    #[test]
    fn an_organisation_before_an_unnamed_official_keeps_its_own_mention() {
        let found = phrases("It was agreed, a White House official said.");
        assert_eq!(
            found,
            [one(
                "official",
                ActorKind::Anonymous,
                "a White House official"
            )]
        );
    }

    #[test]
    fn people_and_appositions_are_no_sources() {
        assert!(phrases("Many people said it was late.").is_empty());
        assert!(phrases("Jane Doe, a senior official, said no.").is_empty());
        assert!(phrases("The official Jane Doe said no.").is_empty());
    }

    #[test]
    fn a_state_body_in_lowercase_is_an_organisation() {
        assert_eq!(
            phrases("The French foreign ministry said no."),
            [one(
                "French foreign ministry",
                ActorKind::Organization,
                "French foreign ministry"
            )]
        );
        assert_eq!(
            phrases("It was Ukraine's defence ministry."),
            [one(
                "Ukraine's defence ministry",
                ActorKind::Organization,
                "Ukraine's defence ministry"
            )]
        );
        assert!(phrases("The ministry said no.").is_empty());
    }

    #[test]
    fn a_counted_nationality_is_a_group() {
        assert_eq!(
            phrases("They said 40 Ukrainians left."),
            [one("40 Ukrainians", ActorKind::Group, "40 Ukrainians")]
        );
    }

    #[test]
    fn headings_are_skipped() {
        assert!(phrases("European leaders meet\n\nThe talks began.").is_empty());
    }
}
