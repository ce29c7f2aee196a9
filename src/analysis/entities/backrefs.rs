//! Pass 3: references back to actors named earlier.
//!
//! "the Ukrainian leader" and "the president" mean the person introduced
//! with that country and title; "the ministry" the organisation of that
//! kind named last; "the company" the company named last; "the source"
//! the unnamed source of that noun; "the Sams" a family; "the North" the
//! country named with that word. Then relatives named through a person
//! ("Trump’s son") and the first half of "North and South Korea".
//!
//! The actors and mentions of passes 1 and 2 are indexed once, up front,
//! so each reference costs a hash lookup or a binary search, not a scan.

use std::borrow::Cow;

use crate::analysis::lexicon::{flag, FastMap, Known};
use crate::analysis::text::{is_cap, TokKind};
use crate::analysis::ActorKind;

use super::claims::Claims;
use super::context::Context;
use super::registry::{Registry, AMBIGUOUS};
use super::words::is_corporate_suffix;

/// Claims the back-references, then relatives, then "North and South X".
pub fn claim(ctx: &Context, reg: &mut Registry, claims: &mut Claims) {
    claims.order_mentions();
    let earlier = Earlier::new(ctx, reg, claims);
    the_references(ctx, reg, claims, &earlier);
    relatives(ctx, reg, claims);
    compass_pairs(ctx, reg, claims);
}

/// The actors and mentions that "the …" can refer back to.
struct Earlier {
    /// Persons by country and lowercase title ("Ukrainian" + "president").
    by_descriptor: FastMap<(u32, String), usize>,
    /// The first person described with each country.
    by_country: FastMap<u32, usize>,
    /// Organisation mentions in text order, by each word of the
    /// organisation's names: "the Department" finds "Justice Department".
    org_mentions: FastMap<String, Vec<(usize, usize)>>,
    /// Unnamed sources in mention order, by their noun: "the source",
    /// "the official" after "a diplomatic source", "a senior official".
    sources: FastMap<String, Vec<(usize, usize)>>,
    /// Companies in mention order, for "the company", "the firm".
    companies: Vec<(usize, usize)>,
    /// The one country whose name starts with each compass word.
    compass: FastMap<&'static str, Option<usize>>,
}

impl Earlier {
    /// Indexes the mentions of `claims`, which must be in text order.
    fn new(ctx: &Context, reg: &Registry, claims: &Claims) -> Self {
        let mut by_descriptor: FastMap<(u32, String), usize> = FastMap::default();
        let mut by_country: FastMap<u32, usize> = FastMap::default();
        for (a, actor) in reg.actors.iter().enumerate() {
            if let Some((c, title)) = &actor.descriptor {
                by_descriptor.entry((*c, title.clone())).or_insert(a);
                by_country.entry(*c).or_insert(a);
            }
        }
        let mut org_mentions: FastMap<String, Vec<(usize, usize)>> = FastMap::default();
        for &(s, _, a) in claims.ments() {
            if reg.actors[a].kind == ActorKind::Organization {
                for w in reg.actors[a].aliases.iter().flatten() {
                    org_mentions.entry(w.clone()).or_default().push((s, a));
                }
            }
        }
        // A word in two aliases of one actor was pushed twice in a row.
        for mentions in org_mentions.values_mut() {
            mentions.dedup();
        }
        let mut sources: FastMap<String, Vec<(usize, usize)>> = FastMap::default();
        for &(s, e, a) in claims.ments() {
            if reg.actors[a].kind == ActorKind::Anonymous && e - s <= 4 {
                sources
                    .entry(ctx.lower(e - 1).into_owned())
                    .or_default()
                    .push((s, a));
            }
        }
        let companies: Vec<(usize, usize)> = claims
            .ments()
            .iter()
            .filter(|&&(_, _, a)| is_company(ctx, reg, a))
            .map(|&(s, _, a)| (s, a))
            .collect();
        let compass = ["North", "South", "East", "West"]
            .into_iter()
            .map(|w| (w, compass_country(reg, w)))
            .collect();
        Earlier {
            by_descriptor,
            by_country,
            org_mentions,
            sources,
            companies,
            compass,
        }
    }
}

/// The actor of the last mention before token `i` in `mentions` (in text order).
fn last_before(mentions: &[(usize, usize)], i: usize) -> Option<usize> {
    let k = mentions.partition_point(|&(s, _)| s < i);
    k.checked_sub(1).map(|k| mentions[k].1)
}

/// "the Ukrainian president", "the president", "the Sams", "the
/// ministry", "the source", "the company", "the North".
fn the_references(ctx: &Context, reg: &mut Registry, claims: &mut Claims, earlier: &Earlier) {
    let n = ctx.toks.len();
    let mut i = 0;
    while i + 1 < n {
        let w = ctx.word(i);
        if !(w == "the" || w == "The") || claims.owner(i + 1).is_some() {
            i += 1;
            continue;
        }
        // "the Ukrainian leader", "The Ukrainian president".
        if let Some((len, Known::Demonym(c))) = ctx.known_at(i + 1) {
            let head = i + 1 + len as usize;
            let hw = ctx.lower(head);
            if !hw.is_empty() && claims.is_free(head) {
                let person = if hw == "leader" {
                    earlier.by_country.get(&c).copied()
                } else {
                    earlier.by_descriptor.get(&(c, hw.to_string())).copied()
                };
                if let Some(a) = person {
                    claims.claim(i, head + 1, a);
                    i = head + 1;
                    continue;
                }
            }
            // "The Chinese government": the state itself.
            if hw == "government" && claims.is_free(head) {
                let a = reg.country(ctx.lex, c);
                claims.claim(i, head + 1, a);
                i = head + 1;
                continue;
            }
        }
        let next = ctx.word(i + 1);
        // "the president", "The Minister": the one person given that title.
        if ctx.is_title(i + 1) || ctx.has(i + 1, flag::ROLE) && !is_cap(next) {
            let head = ctx.lower(i + 1);
            let key = format!("t:{head}");
            let followed = ctx.is_name_word(i + 2) && ctx.same_line(i + 2)
                || matches!(ctx.word(i + 2), "of" | "for");
            if let Some(&a) = reg.by_key.get(&key).filter(|&&a| a != AMBIGUOUS) {
                if !followed && claims.is_free(i + 1) && head.len() > 3 {
                    claims.claim(i, i + 2, a);
                    i += 2;
                    continue;
                }
            }
        }
        // "the Sams": a family named by the surname its members share.
        if let Some(stem) = next.strip_suffix('s').filter(|s| is_cap(s) && s.len() > 1) {
            if reg.by_key.contains_key(&format!("p:{stem}")) {
                let name = ctx.span_text(i, i + 2).to_string();
                let a = reg.actor(format!("g:family {stem}"), &name, ActorKind::Group);
                claims.claim(i, i + 2, a);
                i += 2;
                continue;
            }
        }
        let followed_by_name =
            ctx.is_name_word(i + 2) && ctx.same_line(i + 2) || ctx.word(i + 2) == "of";
        // "the Department", "the ministry": the organisation of that
        // kind named before.
        let capitalised: Cow<str> = match next.as_bytes().first() {
            Some(b) if b.is_ascii_lowercase() => {
                let mut c = next.to_string();
                c[..1].make_ascii_uppercase();
                Cow::Owned(c)
            }
            _ => Cow::Borrowed(next),
        };
        let org_noun = ctx.is_org_word(i + 1)
            || (next != capitalised
                && ctx.lex.org_words.contains(capitalised.as_ref())
                && next.len() > 4);
        if org_noun && !followed_by_name {
            let org = earlier
                .org_mentions
                .get(capitalised.as_ref())
                .and_then(|v| last_before(v, i));
            if let Some(a) = org {
                claims.claim(i + 1, i + 2, a);
                i += 2;
                continue;
            }
        }
        // "the source said": the unnamed source of that noun named last.
        if ctx.has(i + 1, flag::ANON_NOUN) && !is_cap(next) && !followed_by_name {
            if let Some(a) = earlier.sources.get(next).and_then(|v| last_before(v, i)) {
                claims.claim(i, i + 2, a);
                i += 2;
                continue;
            }
        }
        // "the company", "the firm": the company named last.
        if matches!(next, "company" | "firm") && !followed_by_name {
            if let Some(a) = last_before(&earlier.companies, i) {
                claims.claim(i, i + 2, a);
                i += 2;
                continue;
            }
        }
        // "the North", "The South": the country named with that word.
        if matches!(next, "North" | "South" | "East" | "West") && !followed_by_name {
            if let Some(&Some(a)) = earlier.compass.get(next) {
                claims.claim(i, i + 2, a);
                i += 2;
                continue;
            }
        }
        i += 1;
    }
}

/// "Thomas' sister", "Trump’s son": a relative named through a person.
fn relatives(ctx: &Context, reg: &mut Registry, claims: &mut Claims) {
    for i in 1..ctx.toks.len().saturating_sub(1) {
        if ctx.toks[i].kind != TokKind::Possessive || claims.owner(i + 1).is_some() {
            continue;
        }
        let Some(person) = claims.owner(i - 1) else {
            continue;
        };
        let kin = ctx.word(i + 1);
        let is_kin = matches!(
            kin,
            "sister"
                | "brother"
                | "wife"
                | "husband"
                | "son"
                | "daughter"
                | "mother"
                | "father"
                | "widow"
                | "widower"
                | "spokesman"
                | "spokeswoman"
                | "spokesperson"
                | "lawyer"
                | "attorney"
        );
        if is_kin && reg.actors[person].kind == ActorKind::Person {
            let name = format!("{}'s {kin}", reg.actors[person].name);
            let a = reg.actor(format!("k:{person} {kin}"), &name, ActorKind::Person);
            claims.claim(i + 1, i + 2, a);
        }
    }
}

/// "North and South Korea": the first half names a country too.
fn compass_pairs(ctx: &Context, reg: &mut Registry, claims: &mut Claims) {
    for i in 0..ctx.toks.len().saturating_sub(3) {
        let w = ctx.word(i);
        if matches!(w, "North" | "South" | "East" | "West")
            && ctx.word(i + 1) == "and"
            && claims.is_free(i)
        {
            if let Some((2, Known::Country(_))) = ctx.known_at(i + 2) {
                let full = format!("{w} {}", ctx.word(i + 3));
                let idx = ctx.lex.countries.iter().position(|c| c.name == full);
                if let Some(c) = idx {
                    let a = reg.country(ctx.lex, c as u32);
                    claims.claim(i, i + 1, a);
                }
            }
        }
    }
}

/// An organisation named like a company: a legal suffix, or no word of a
/// public body ("Commission", "Ministry"), and not a lexicon organisation.
fn is_company(ctx: &Context, reg: &Registry, a: usize) -> bool {
    let actor = &reg.actors[a];
    actor.kind == ActorKind::Organization
        && !reg.is_known_org(a)
        && actor
            .aliases
            .iter()
            .flatten()
            .all(|w| is_corporate_suffix(w) || !ctx.lex.org_words.contains(w.as_str()))
}

/// The one country actor whose name has two or more words and starts with
/// `word` ("North" → "North Korea"); none if there are two.
fn compass_country(reg: &Registry, word: &str) -> Option<usize> {
    let mut found = None;
    for (a, actor) in reg.actors.iter().enumerate() {
        if actor.kind == ActorKind::Country
            && actor.name.split(' ').next() == Some(word)
            && actor.name.contains(' ')
        {
            if found.is_some() {
                return None;
            }
            found = Some(a);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::super::{aliases, claimed_by, lone_names};
    use super::*;

    /// What pass 3 alone claims after passes 1 and 2: (text, actor name).
    fn refs(text: &str) -> Vec<(String, String)> {
        claimed_by(text, &[aliases::claim, lone_names::claim], claim)
            .into_iter()
            .map(|(text, name, _)| (text, name))
            .collect()
    }

    fn pair(text: &str, name: &str) -> (String, String) {
        (text.to_string(), name.to_string())
    }

    #[test]
    fn the_country_and_title_name_the_person_introduced_with_them() {
        assert_eq!(
            refs("Kenyan President Paul Okoro spoke. The Kenyan president left."),
            [pair("The Kenyan president", "Paul Okoro")]
        );
        assert_eq!(
            refs("Kenyan President Paul Okoro spoke. The Kenyan leader left."),
            [pair("The Kenyan leader", "Paul Okoro")]
        );
    }

    #[test]
    fn the_title_alone_names_its_one_holder() {
        assert_eq!(
            refs("Mayor Maria Lopez spoke. Later the mayor left."),
            [pair("the mayor", "Maria Lopez")]
        );
        // Two mayors: "the mayor" names neither.
        assert!(refs("Mayor Maria Lopez met Mayor Paul Okoro. The mayor left.").is_empty());
    }

    #[test]
    fn the_organisation_word_names_the_organisation_named_before() {
        assert_eq!(
            refs("The Kestrel Energy Agency met. The agency agreed."),
            [pair("agency", "Kestrel Energy Agency")]
        );
    }

    #[test]
    fn the_company_is_the_company_named_last() {
        assert_eq!(
            refs("Kestrel Corporation and Osprey Holdings met. The company agreed."),
            [pair("The company", "Osprey Holdings")]
        );
    }

    #[test]
    fn the_source_is_the_unnamed_source_named_last() {
        assert_eq!(
            refs("It is close, a diplomatic source said. The source added more."),
            [pair("The source", "a diplomatic source")]
        );
    }

    #[test]
    fn a_state_is_named_by_its_government_and_its_compass_word() {
        assert_eq!(
            refs("Talks with the Chinese government began."),
            [pair("the Chinese government", "China")]
        );
        assert_eq!(
            refs("North Korea fired a missile. Then the North fired again."),
            [pair("the North", "North Korea")]
        );
        assert_eq!(
            refs("Tension between North and South Korea grew."),
            [pair("North", "North Korea")]
        );
    }

    #[test]
    fn a_relative_and_a_family_are_named_through_the_person() {
        assert_eq!(
            refs("Maria Lopez spoke. Lopez\u{2019}s sister left."),
            [pair("sister", "Maria Lopez's sister")]
        );
        assert_eq!(
            refs("Maria Lopez spoke. The Lopezs left."),
            [pair("The Lopezs", "The Lopezs")]
        );
    }
}
