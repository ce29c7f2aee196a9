//! Actors: finding names, classifying them and grouping their mentions.
//!
//! Three passes over the tokens, each linear:
//! 1. evidence: capitalised runs split into titles, organisations and
//!    person names; group phrases ("Military analysts") and anonymous
//!    sources ("a diplomatic source") from their nouns;
//! 2. aliases: every later occurrence of a surname, acronym or country name
//!    (and capitals used as metonyms) joins its actor;
//! 3. back-references: "the Ukrainian leader", "the Department", "the North".
//!
//! A capitalised word alone is no actor: a name needs evidence (a first
//! name, a title, an organisation word, a lexicon entry, a speech verb).

use std::borrow::Cow;

use super::blocks::BlockInfo;
use super::lexicon::{flag, FastMap, Known};
use super::sentences::SentInfo;
use super::text::{is_cap, TokKind, Token};
use super::{Actor, ActorId, ActorKind};

mod aliases;
mod claims;
mod context;
mod datelines;
mod groups;
mod known;
mod lone_names;
mod orgs;
mod persons;
mod registry;
mod runs;
mod words;

use claims::{Candidate, Claims};
use context::Context;
use registry::{Registry, AMBIGUOUS};

use words::is_corporate_suffix;

/// A mention located by tokens.
#[derive(Clone, Copy, Debug)]
pub struct Ment {
    pub tok_start: usize,
    pub tok_end: usize,
    pub actor: ActorId,
}

/// Actors with their mentions, and the mentions in text order.
pub struct Found {
    pub actors: Vec<Actor>,
    pub ments: Vec<Ment>,
}

/// Finds the actors of a tokenized text.
pub fn find(text: &str, tokens: &[Token], blocks: &[BlockInfo], sents: &[SentInfo]) -> Found {
    let mut b = Builder::new(text, tokens, blocks, sents);
    let names = runs::names(&b.ctx);
    b.reg.add_names(&b.ctx, &names, &mut b.cands);
    datelines::find(&b.ctx, &mut b.reg, &mut b.cands);
    groups::find(&b.ctx, &mut b.reg, &mut b.cands);
    b.claims = Claims::settle(b.ctx.toks.len(), std::mem::take(&mut b.cands));
    aliases::claim(&b.ctx, &mut b.reg, &mut b.claims);
    lone_names::claim(&b.ctx, &mut b.reg, &mut b.claims);
    b.back_references();
    b.claims.found(&b.ctx, &b.reg.actors)
}

struct Builder<'a> {
    ctx: Context<'a>,
    reg: Registry<'a>,
    cands: Vec<Candidate>,
    claims: Claims,
}

impl<'a> Builder<'a> {
    fn new(
        text: &'a str,
        toks: &'a [Token],
        blocks: &'a [BlockInfo],
        sents: &'a [SentInfo],
    ) -> Self {
        let ctx = Context::new(text, toks, blocks, sents);
        let n = toks.len();
        Builder {
            reg: Registry::new(ctx.lex),
            cands: Vec::new(),
            claims: Claims::settle(n, Vec::new()),
            ctx,
        }
    }

    // ---------------------------------------------------------------- pass 3

    fn back_references(&mut self) {
        let n = self.ctx.toks.len();
        // Lookup tables built once, so each reference costs a hash lookup
        // rather than a scan over all actors or mentions.
        let mut by_descriptor: FastMap<(u32, String), usize> = FastMap::default();
        let mut by_country: FastMap<u32, usize> = FastMap::default();
        for (a, actor) in self.reg.actors.iter().enumerate() {
            if let Some((c, title)) = &actor.descriptor {
                by_descriptor.entry((*c, title.clone())).or_insert(a);
                by_country.entry(*c).or_insert(a);
            }
        }
        let mut org_mentions: FastMap<String, Vec<(usize, usize)>> = FastMap::default();
        self.claims.order_mentions();
        for &(s, _, a) in self.claims.ments() {
            if self.reg.actors[a].kind == ActorKind::Organization {
                for w in self.reg.actors[a].aliases.iter().flatten() {
                    org_mentions.entry(w.clone()).or_default().push((s, a));
                }
            }
        }
        // A word in two aliases of one actor was pushed twice in a row.
        for mentions in org_mentions.values_mut() {
            mentions.dedup();
        }
        // Unnamed sources in mention order, by their noun: "the source",
        // "the official" after "a diplomatic source", "a senior official".
        let mut sources: FastMap<String, Vec<(usize, usize)>> = FastMap::default();
        for &(s, e, a) in self.claims.ments() {
            if self.reg.actors[a].kind == ActorKind::Anonymous && e - s <= 4 {
                sources
                    .entry(self.ctx.lower(e - 1).into_owned())
                    .or_default()
                    .push((s, a));
            }
        }
        // Companies in mention order, for "the company", "the firm".
        let companies: Vec<(usize, usize)> = self
            .claims
            .ments()
            .iter()
            .filter(|&&(_, _, a)| self.is_company(a))
            .map(|&(s, _, a)| (s, a))
            .collect();
        let compass: FastMap<&str, Option<usize>> = ["North", "South", "East", "West"]
            .into_iter()
            .map(|w| (w, self.compass_country(w)))
            .collect();
        let mut i = 0;
        while i + 1 < n {
            let w = self.ctx.word(i);
            if !(w == "the" || w == "The") || self.claims.owner(i + 1).is_some() {
                i += 1;
                continue;
            }
            // "the Ukrainian leader", "The Ukrainian president".
            if let Some((len, Known::Demonym(c))) = self.ctx.known_at(i + 1) {
                let head = i + 1 + len as usize;
                let hw = self.ctx.lower(head);
                if !hw.is_empty() && self.claims.is_free(head) {
                    let person = if hw == "leader" {
                        by_country.get(&c).copied()
                    } else {
                        by_descriptor.get(&(c, hw.to_string())).copied()
                    };
                    if let Some(a) = person {
                        self.claims.claim(i, head + 1, a);
                        i = head + 1;
                        continue;
                    }
                }
                // "The Chinese government": the state itself.
                if hw == "government" && self.claims.is_free(head) {
                    let name = self.ctx.lex.countries[c as usize].name;
                    let a = self.reg.actor(format!("c:{c}"), name, ActorKind::Country);
                    self.claims.claim(i, head + 1, a);
                    i = head + 1;
                    continue;
                }
            }
            let next = self.ctx.word(i + 1);
            // "the president", "The Minister": the one person given that title.
            if self.ctx.is_title(i + 1) || self.ctx.has(i + 1, flag::ROLE) && !is_cap(next) {
                let head = self.ctx.lower(i + 1);
                let key = format!("t:{head}");
                let followed = self.ctx.is_name_word(i + 2) && self.ctx.same_line(i + 2)
                    || matches!(self.ctx.word(i + 2), "of" | "for");
                if let Some(&a) = self.reg.by_key.get(&key).filter(|&&a| a != AMBIGUOUS) {
                    if !followed && self.claims.is_free(i + 1) && head.len() > 3 {
                        self.claims.claim(i, i + 2, a);
                        i += 2;
                        continue;
                    }
                }
            }
            // "the Sams": a family named by the surname its members share.
            if let Some(stem) = next.strip_suffix('s').filter(|s| is_cap(s) && s.len() > 1) {
                if self.reg.by_key.contains_key(&format!("p:{stem}")) {
                    let name = self.ctx.span_text(i, i + 2).to_string();
                    let a = self
                        .reg
                        .actor(format!("g:family {stem}"), &name, ActorKind::Group);
                    self.claims.claim(i, i + 2, a);
                    i += 2;
                    continue;
                }
            }
            let followed_by_name = self.ctx.is_name_word(i + 2) && self.ctx.same_line(i + 2)
                || self.ctx.word(i + 2) == "of";
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
            let org_noun = self.ctx.is_org_word(i + 1)
                || (next != capitalised
                    && self.ctx.lex.org_words.contains(capitalised.as_ref())
                    && next.len() > 4);
            if org_noun && !followed_by_name {
                let org = org_mentions.get(capitalised.as_ref()).and_then(|v| {
                    let k = v.partition_point(|&(s, _)| s < i);
                    k.checked_sub(1).map(|k| v[k].1)
                });
                if let Some(a) = org {
                    self.claims.claim(i + 1, i + 2, a);
                    i += 2;
                    continue;
                }
            }
            // "the source said": the unnamed source of that noun named last.
            if self.ctx.has(i + 1, flag::ANON_NOUN) && !is_cap(next) && !followed_by_name {
                let found = sources.get(next).and_then(|v| {
                    let k = v.partition_point(|&(s, _)| s < i);
                    k.checked_sub(1).map(|k| v[k].1)
                });
                if let Some(a) = found {
                    self.claims.claim(i, i + 2, a);
                    i += 2;
                    continue;
                }
            }
            // "the company", "the firm": the company named last.
            if matches!(next, "company" | "firm") && !followed_by_name {
                let k = companies.partition_point(|&(s, _)| s < i);
                if let Some(&(_, a)) = k.checked_sub(1).and_then(|k| companies.get(k)) {
                    self.claims.claim(i, i + 2, a);
                    i += 2;
                    continue;
                }
            }
            // "the North", "The South": the country named with that word.
            if matches!(next, "North" | "South" | "East" | "West") && !followed_by_name {
                if let Some(&Some(a)) = compass.get(next) {
                    self.claims.claim(i, i + 2, a);
                    i += 2;
                    continue;
                }
            }
            i += 1;
        }
        // "Thomas' sister", "Trump’s son": a relative named through a person.
        for i in 1..n.saturating_sub(1) {
            if self.ctx.toks[i].kind != TokKind::Possessive
                || self.claims.owner(i + 1).is_some()
                || self.claims.is_free(i - 1)
            {
                continue;
            }
            let Some(person) = self.claims.owner(i - 1) else {
                continue;
            };
            let kin = self.ctx.word(i + 1);
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
            if is_kin && self.reg.actors[person].kind == ActorKind::Person {
                let name = format!("{}'s {kin}", self.reg.actors[person].name);
                let a = self
                    .reg
                    .actor(format!("k:{person} {kin}"), &name, ActorKind::Person);
                self.claims.claim(i + 1, i + 2, a);
            }
        }
        // "North and South Korea": the first half names a country too.
        for i in 0..n.saturating_sub(3) {
            let w = self.ctx.word(i);
            if matches!(w, "North" | "South" | "East" | "West")
                && self.ctx.word(i + 1) == "and"
                && self.claims.is_free(i)
            {
                if let Some((2, Known::Country(_))) = self.ctx.known_at(i + 2) {
                    let tail = self.ctx.word(i + 3);
                    let full = format!("{w} {tail}");
                    let idx = self.ctx.lex.countries.iter().position(|c| c.name == full);
                    if let Some(c) = idx {
                        let a = self.reg.actor(
                            format!("c:{c}"),
                            self.ctx.lex.countries[c].name,
                            ActorKind::Country,
                        );
                        self.claims.claim(i, i + 1, a);
                    }
                }
            }
        }
    }

    /// An organisation named like a company: a legal suffix, or no word
    /// of a public body ("Commission", "Ministry").
    fn is_company(&self, a: usize) -> bool {
        let actor = &self.reg.actors[a];
        actor.kind == ActorKind::Organization
            && !self.reg.is_known_org(a)
            && actor
                .aliases
                .iter()
                .flatten()
                .all(|w| is_corporate_suffix(w) || !self.ctx.lex.org_words.contains(w.as_str()))
    }

    fn compass_country(&self, word: &str) -> Option<usize> {
        let mut found = None;
        for (a, actor) in self.reg.actors.iter().enumerate() {
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
}

/// Runs the stages before a pass 2 or pass 3 stage, then the stage, on a
/// small text: what the stage alone claimed, as (text, actor name, kind).
#[cfg(test)]
fn claimed_by(
    text: &str,
    stage: impl for<'a> FnOnce(&Context<'a>, &mut Registry<'a>, &mut Claims),
) -> Vec<(String, String, ActorKind)> {
    let p = context::Parsed::new(text);
    let ctx = p.context();
    let mut reg = Registry::new(ctx.lex);
    let mut cands = Vec::new();
    reg.add_names(&ctx, &runs::names(&ctx), &mut cands);
    datelines::find(&ctx, &mut reg, &mut cands);
    groups::find(&ctx, &mut reg, &mut cands);
    let mut claims = Claims::settle(ctx.toks.len(), cands);
    let before = claims.ments().len();
    stage(&ctx, &mut reg, &mut claims);
    // Stages only add mentions (pass 3 sorts the earlier ones first).
    claims.ments()[before..]
        .iter()
        .map(|&(s, e, a)| {
            let actor = &reg.actors[a];
            (
                ctx.span_text(s, e).to_string(),
                actor.name.clone(),
                actor.kind,
            )
        })
        .collect()
}
