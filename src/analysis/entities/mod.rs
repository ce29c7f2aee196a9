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
use super::case::{lowercase, uppercase};
use super::lexicon::{flag, FastMap, Known};
use super::order;
use super::sentences::SentInfo;
use super::text::{is_all_caps, is_cap, TokKind, Token};
use super::{Actor, ActorId, ActorKind};

mod claims;
mod context;
mod datelines;
mod groups;
mod orgs;
mod persons;
mod registry;
mod runs;
mod words;

use claims::{Candidate, Claims};
use context::Context;
use registry::{Registry, AMBIGUOUS};

use words::{is_corporate_suffix, surname};

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
    b.aliases();
    b.speaking_names();
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

    // ---------------------------------------------------------------- pass 2

    fn aliases(&mut self) {
        // Short forms and initials of organisations: "(KCNA)", "USTDA".
        let mut table: FastMap<String, Vec<(Vec<String>, usize)>> = FastMap::default();
        let add = |table: &mut FastMap<String, Vec<(Vec<String>, usize)>>,
                   words: Vec<String>,
                   a: usize| {
            if let Some(first) = words.first() {
                table.entry(first.clone()).or_default().push((words, a));
            }
        };
        for (a, short) in std::mem::take(&mut self.reg.short_forms) {
            add(&mut table, vec![self.ctx.word(short).to_string()], a);
        }
        let mut initials: FastMap<String, usize> = FastMap::default();
        for (a, actor) in self.reg.actors.iter().enumerate() {
            match actor.kind {
                ActorKind::Person => {
                    for words in &actor.aliases {
                        add(&mut table, words.clone(), a);
                        if let Some(surname) = Some(surname(words)).filter(|s| !s.is_empty()) {
                            if words.len() > 1
                                && self.reg.by_key.get(&format!("p:{surname}")) == Some(&a)
                            {
                                add(&mut table, vec![surname.to_string()], a);
                            }
                        }
                    }
                }
                ActorKind::Organization => {
                    for words in &actor.aliases {
                        add(&mut table, words.clone(), a);
                        // "NuScale Power LLC" is also "NuScale".
                        let first = &words[0];
                        let inner_cap = first.chars().skip(1).any(char::is_uppercase)
                            && first.chars().any(char::is_lowercase);
                        if words.len() > 1 && inner_cap {
                            add(&mut table, vec![first.clone()], a);
                        }
                        // "Acme Corporation" is also "Acme": a company is
                        // named without its legal suffix.
                        if let Some((last, stem)) = words.split_last() {
                            let plain_stem = stem.first().is_some_and(|w| {
                                is_cap(w)
                                    && !self.ctx.lex.common_capitalized.contains(w.as_str())
                                    && !self.ctx.lex.flags.get(w.as_str()).is_some_and(|f| {
                                        f & (flag::KNOWN | flag::ORG_WORD | flag::TITLE) != 0
                                    })
                            });
                            if is_corporate_suffix(last)
                                && plain_stem
                                && stem.iter().all(|w| is_cap(w))
                            {
                                add(&mut table, stem.to_vec(), a);
                            }
                        }
                        if words.len() >= 3 {
                            let mut with_fn = String::new();
                            let mut without_fn = String::new();
                            for w in words {
                                let letters: String =
                                    w.chars().filter(|c| c.is_uppercase()).collect();
                                let init = if w.contains('.') {
                                    letters
                                } else {
                                    w.chars().next().map(String::from).unwrap_or_default()
                                };
                                if is_cap(w) {
                                    without_fn.push_str(&init);
                                }
                                with_fn.push_str(&uppercase(&init));
                            }
                            initials.entry(without_fn).or_insert(a);
                            initials.entry(with_fn).or_insert(a);
                        }
                    }
                }
                _ => {}
            }
        }
        for entries in table.values_mut() {
            order::sort_by_rank(entries, |(w, _)| order::descending(w.len()));
        }
        let n = self.ctx.toks.len();
        let mut i = 0;
        while i < n {
            if self.claims.owner(i).is_some() || self.ctx.toks[i].kind != TokKind::Word {
                i += 1;
                continue;
            }
            let w = self.ctx.word(i);
            if !w.as_bytes()[0].is_ascii_uppercase() && !is_cap(w) {
                i += 1;
                continue;
            }
            if let Some(entries) = table.get(w) {
                let hit = entries.iter().find(|(words, _)| {
                    words.iter().enumerate().all(|(k, x)| {
                        self.ctx.word(i + k) == x && (k == 0 || self.ctx.same_line(i + k))
                    })
                });
                if let Some((words, a)) = hit {
                    let len = words.len();
                    // A person's surname is a name only when capitalised as one.
                    if self.claims.claim(i, i + len, *a) {
                        i += len;
                        continue;
                    }
                }
            }
            if let Some((len, what)) = self.ctx.known_at(i) {
                let len = len as usize;
                if self.known_mention(i, len, what) {
                    i += len;
                    continue;
                }
            }
            if is_all_caps(w) && w.len() >= 3 {
                if let Some(&a) = initials.get(w) {
                    self.claims.claim(i, i + 1, a);
                }
            }
            i += 1;
        }
    }

    /// "Greenpeace said": a lone unknown name as the subject of a speech
    /// verb. Not a surname already known (the alias pass took those), so
    /// most likely an organisation.
    fn speaking_names(&mut self) {
        for i in 0..self.ctx.toks.len().saturating_sub(1) {
            if self.claims.owner(i).is_some()
                || !self.ctx.has(i + 1, flag::SPEECH_VERB)
                || !self.ctx.same_line(i + 1)
            {
                continue;
            }
            let w = self.ctx.word(i);
            let lone = i == 0 || !self.ctx.is_name_word(i - 1) || !self.ctx.same_line(i);
            if !lone
                || !self.ctx.is_name_word(i)
                || self.ctx.known_at(i).is_some()
                || self.ctx.is_title(i)
                || self.ctx.is_first_name(i)
            {
                continue;
            }
            if self.ctx.has(
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
            if is_cap(self.ctx.word(i + 1)) {
                continue;
            }
            let a = self
                .reg
                .actor(format!("o:{}", lowercase(w)), w, ActorKind::Organization);
            if self.reg.actors[a].aliases.is_empty() {
                self.reg.actors[a].aliases.push(vec![w.to_string()]);
            }
            self.claims.claim(i, i + 1, a);
        }
        // "chief economist at Pantheon Macroeconomics", "a professor at
        // Kyungnam": a name after a role and "at" is an employer.
        for i in 2..self.ctx.toks.len() {
            if self.ctx.word(i - 1) != "at"
                || !self.ctx.has(i - 2, flag::ROLE)
                || is_cap(self.ctx.word(i - 2))
                || self.claims.owner(i).is_some()
            {
                continue;
            }
            let mut end = i;
            while end < self.ctx.toks.len()
                && end < i + 4
                && self.ctx.same_line(end)
                && self.ctx.is_name_word(end)
                && self.claims.is_free(end)
            {
                end += 1;
            }
            let evidence_free = (i..end).all(|k| {
                self.ctx.known_at(k).is_none()
                    && !self.ctx.is_first_name(k)
                    && !self.ctx.is_title(k)
                    && !self.ctx.has(k, flag::PLACE_WORD)
                    && !self
                        .ctx
                        .lex
                        .abbreviations
                        .contains(self.ctx.lower(k).as_ref())
            });
            if end == i || !evidence_free || self.ctx.initial[i] {
                continue;
            }
            let org = self.reg.org(&self.ctx, i, end);
            self.claims.claim(i, end, org);
        }
    }

    /// A lexicon name as a mention: countries and their short forms,
    /// capitals used as metonyms, known organisations, regions.
    fn known_mention(&mut self, i: usize, len: usize, what: Known) -> bool {
        let end = i + len;
        if (i..end).any(|k| self.claims.owner(k).is_some()) {
            return false;
        }
        // Part of a longer name: "South China Karst", "New Mexico".
        // Headlines capitalise every word, so there the rule cannot apply.
        let in_heading = self.ctx.heading[i];
        let prev_name = i > 0
            && !in_heading
            && self.ctx.same_line(i)
            && self.ctx.is_name_word(i - 1)
            && !self.ctx.is_title(i - 1)
            && self.ctx.known_at(i - 1).is_none()
            && !self.ctx.initial[i - 1];
        let next_name = end < self.ctx.toks.len()
            && !in_heading
            && !is_all_caps(self.ctx.word(end))
            && self.ctx.same_line(end)
            && self.ctx.is_name_word(end)
            && !self.ctx.is_title(end)
            && !self.ctx.is_org_word(end)
            && self.ctx.known_at(end).is_none();
        match what {
            Known::Country(c) => {
                if prev_name || next_name {
                    return false;
                }
                let a = self.reg.country(self.ctx.lex, c);
                self.claims.claim(i, end, a)
            }
            Known::Capital(c) => {
                if prev_name || next_name || !self.metonym(i, end) {
                    return false;
                }
                let a = self.reg.country(self.ctx.lex, c);
                self.claims.claim(i, end, a)
            }
            Known::Org(o) => {
                // "Crown Prince": a one-word name inside a longer one.
                let acronym = is_all_caps(self.ctx.word(i));
                if len == 1 && (prev_name || !acronym && (next_name || self.ctx.is_title(end))) {
                    return false;
                }
                let a = self.reg.known_org(self.ctx.lex, o);
                self.claims.claim(i, end, a)
            }
            Known::Place => {
                // A region is an actor only when it acts ("Europe’s
                // response", "Europe will"), as a capital is.
                if prev_name || next_name || !self.metonym(i, end) {
                    return false;
                }
                let name = self.ctx.span_text(i, end).to_string();
                let a = self.reg.actor(format!("l:{name}"), &name, ActorKind::Place);
                self.claims.claim(i, end, a)
            }
            Known::Demonym(_) => false,
        }
    }

    /// A capital standing for its state: "Kyiv’s concerns", "Washington may".
    fn metonym(&self, start: usize, end: usize) -> bool {
        // "Seattle, Washington": a place after a place, not a state.
        if start >= 2 && self.ctx.is_punct(start - 1, ',') && self.ctx.is_name_word(start - 2) {
            return false;
        }
        // "sanctions against Moscow", "talks with Beijing", "between
        // Washington and Beijing": a relation between states. "in Berlin"
        // stays a place.
        let prev = if start > 0 && self.ctx.same_line(start) {
            self.ctx.word(start - 1)
        } else {
            ""
        };
        if matches!(prev, "against" | "with" | "between" | "toward" | "towards") {
            return true;
        }
        if prev == "and"
            && start >= 2
            && self
                .claims
                .owner(start - 2)
                .is_some_and(|a| self.reg.actors[a].kind == ActorKind::Country)
        {
            return true;
        }
        let Some(next) = self.ctx.toks.get(end) else {
            return false;
        };
        if next.kind == TokKind::Possessive {
            return true;
        }
        let subject = self.ctx.initial[start];
        // "Tokyo and Seoul agreed": two capitals as one subject.
        if self.ctx.word(end) == "and" && self.ctx.same_line(end + 1) {
            if let Some((len, Known::Capital(_))) = self.ctx.known_at(end + 1) {
                return self.acts(end + 1 + len as usize, subject);
            }
        }
        self.acts(end, subject)
    }

    /// Token `k` is a verb of a state acting: a modal, an auxiliary or a
    /// verb of stance, or any past tense after a sentence's subject
    /// ("Beijing reacted cautiously").
    fn acts(&self, k: usize, subject: bool) -> bool {
        let w = self.ctx.word(k);
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
        ) || (subject && self.ctx.same_line(k) && w.len() > 4 && w.ends_with("ed") && !is_cap(w))
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
