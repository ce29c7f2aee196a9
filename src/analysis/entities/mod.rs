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
use super::text::{is_all_caps, is_cap, is_double_quote, TokKind, Token};
use super::{Actor, ActorId, ActorKind};

mod claims;
mod context;
mod datelines;
mod groups;
mod registry;
mod words;

use claims::{Candidate, Claims};
use context::Context;
use registry::{Registry, AMBIGUOUS};

use words::{
    is_camel_case, is_corporate_suffix, is_determiner, is_leading_org_word, is_particle, surname,
};

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
    b.evidence();
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

    // ---------------------------------------------------------------- pass 1

    fn evidence(&mut self) {
        for s in 0..self.ctx.sents.len() {
            let SentInfo {
                tok_start, tok_end, ..
            } = self.ctx.sents[s];
            let mut i = tok_start;
            while i < tok_end {
                if self.starts_run(i) {
                    let end = self.run_end(i, tok_end);
                    self.run(i, end);
                    i = end.max(i + 1);
                } else {
                    i += 1;
                }
            }
        }
    }

    fn starts_run(&self, i: usize) -> bool {
        self.ctx.is_name_word(i)
    }

    /// The end of a run of name words, connectors and initials.
    fn run_end(&self, start: usize, limit: usize) -> usize {
        let mut i = start + 1;
        while i < limit && self.ctx.same_line(i) {
            let t = &self.ctx.toks[i];
            if self.ctx.is_name_word(i) {
                i += 1;
                continue;
            }
            let w = self.ctx.word(i);
            let prev_word = self.ctx.word(i - 1);
            // "J." after an initial, "Mr." after a title abbreviation.
            if t.is_punct('.') && t.span().start == self.ctx.toks[i - 1].span().end {
                let initial = prev_word.chars().count() == 1 && is_cap(prev_word);
                let abbrev = self.ctx.lex.titles.contains(prev_word)
                    && self
                        .ctx
                        .lex
                        .abbreviations
                        .contains(lowercase(prev_word).as_str());
                if (initial || abbrev) && i + 1 < limit && self.ctx.is_name_word(i + 1) {
                    i += 1;
                    continue;
                }
                break;
            }
            // "People's Army": a possessive inside a name is kept when a name
            // word follows; the segmenting below decides where names split.
            if t.kind == TokKind::Possessive && i + 1 < limit && self.ctx.is_name_word(i + 1) {
                i += 1;
                continue;
            }
            // "Mark van der Berg", "Osama bin Laden": lowercase particles.
            if is_particle(w)
                && i + 1 < limit
                && (self.ctx.is_name_word(i + 1) || is_particle(self.ctx.word(i + 1)))
                && (self.ctx.has(start, flag::FIRST_NAME | flag::TITLE)
                    || (start..i).rev().take(8).any(|k| self.ctx.is_org_word(k)))
            {
                i += 1;
                continue;
            }
            // A legal suffix ends a company's name: "Eni SpA and Repsol"
            // are two companies.
            let connector = (matches!(w, "of" | "for" | "on")
                || (matches!(w, "and" | "&") && !is_corporate_suffix(prev_word)))
                || (w == "the" && matches!(prev_word, "of" | "for"));
            if connector && i + 1 < limit {
                let next_ok = self.ctx.is_name_word(i + 1)
                    || (self.ctx.word(i + 1) == "the"
                        && i + 2 < limit
                        && self.ctx.is_name_word(i + 2));
                if next_ok {
                    i += 1;
                    continue;
                }
            }
            break;
        }
        // Never end on a connector or possessive.
        while i > start + 1 && !self.ctx.is_name_word(i - 1) {
            i -= 1;
        }
        i
    }

    /// Splits one run into organisations, titled persons and names.
    fn run(&mut self, start: usize, end: usize) {
        // "Ortega-Murillo regime", "Yonhap news agency".
        let org_noun = match (self.ctx.word(end), self.ctx.word(end + 1)) {
            ("regime" | "agency", _) => 1,
            ("news", "agency") => 2,
            _ => 0,
        };
        let plain = (start..end).all(|k| {
            !self.ctx.is_title(k) && self.ctx.known_at(k).is_none() && !self.ctx.is_first_name(k)
        });
        if org_noun > 0 && plain && self.ctx.same_line(end) {
            self.org(start, end + org_noun);
            return;
        }
        // "CenterPoint Energy said": a brand-like name of two or three words.
        let words = end - start;
        if plain
            && (2..=3).contains(&words)
            && is_camel_case(self.ctx.word(start))
            && (start..end).all(|k| self.ctx.toks[k].kind == TokKind::Word)
        {
            self.org(start, end);
            return;
        }
        let mut used = vec![false; end - start];
        self.orgs_in_run(start, end, &mut used);
        let heading = self.ctx.heading[start];
        let mut i = start;
        while i < end {
            if used[i - start] {
                i += 1;
                continue;
            }
            if let Some((len, _)) = self.ctx.known_at(i) {
                let len = len as usize;
                // "Georgia Smith": a first name that is also a country.
                let person_first = self.ctx.is_first_name(i)
                    && len == 1
                    && i + 1 < end
                    && self.ctx.is_name_word(i + 1);
                if !person_first {
                    // Country, capital, demonym or known org: the alias pass
                    // marks it; here it only precedes a title.
                    if self.is_title_at(i + len, end) && !heading {
                        let country = match self.ctx.known_at(i) {
                            Some((_, Known::Country(c) | Known::Demonym(c))) => Some(c),
                            _ => None,
                        };
                        i = self.titled_person(i + len, end, &used, start, country);
                        continue;
                    }
                    i += len;
                    continue;
                }
            }
            // "Principal Deputy Attorney General": a word that qualifies
            // the title after it.
            let qualifier = self.ctx.is_name_word(i)
                && !self.ctx.is_first_name(i)
                && self.is_title_at(i + 1, end)
                && !used.get(i + 1 - start).copied().unwrap_or(true);
            if (self.ctx.is_title(i) || qualifier) && !heading {
                i = self.titled_person(i, end, &used, start, None);
                continue;
            }
            if self.ctx.toks[i].kind == TokKind::Word && self.ctx.is_name_word(i) {
                let name_end = self.name_end(i, end, &used, start, 4);
                if name_end > i {
                    if self.is_person_name(i, name_end, start)
                        && (!heading || (self.ctx.is_first_name(i) && name_end - i >= 2))
                    {
                        let a = self.person(i, name_end, None);
                        // "Ukraine's energy minister, Herman Halushchenko,":
                        // the role description names the same person.
                        if let (Some(left), true) =
                            (self.role_apposition(i, name_end), a != AMBIGUOUS)
                        {
                            self.cands.push(Candidate {
                                tok_start: left,
                                tok_end: i - 1,
                                actor: a,
                            });
                        }
                    }
                    i = name_end;
                    continue;
                }
            }
            i += 1;
        }
    }

    fn is_title_at(&self, i: usize, end: usize) -> bool {
        i < end && self.ctx.is_title(i)
    }

    /// "Ukraine's energy minister, Herman Halushchenko, said": a name set
    /// off by commas right after a lowercase role noun. Returns where the
    /// role description starts (its modifiers and a possessive owner).
    fn role_apposition(&self, i: usize, end: usize) -> Option<usize> {
        if i < 2 || !self.ctx.is_punct(i - 1, ',') {
            return None;
        }
        // The role noun, possibly followed by its field: "commissioner for
        // political affairs, Abdel-Fatau Musah,".
        let mut role = i - 2;
        let mut n = 0;
        while !(self.ctx.has(role, flag::ROLE) && !is_cap(self.ctx.word(role))) {
            let w = self.ctx.word(role);
            let plain = self.ctx.toks[role].kind == TokKind::Word
                && !is_cap(w)
                && !self.ctx.has(role, flag::SPEECH_VERB)
                && !matches!(
                    w,
                    "and"
                        | "or"
                        | "said"
                        | "says"
                        | "who"
                        | "which"
                        | "that"
                        | "is"
                        | "was"
                        | "has"
                        | "had"
                );
            if role == 0 || n >= 4 || !plain || !self.ctx.same_line(role) {
                return None;
            }
            role -= 1;
            n += 1;
        }
        if n > 0 && !matches!(self.ctx.word(role + 1), "for" | "of" | "on" | "at") {
            return None;
        }
        let closed = self.ctx.is_punct(end, ',')
            || self.ctx.is_punct(end, '.')
            || (self.ctx.has(end, flag::SPEECH_VERB) && !is_cap(self.ctx.word(end)));
        if !closed || !self.ctx.same_line(i) {
            return None;
        }
        let mut left = role;
        let mut n = 0;
        while left > 0 && n < 3 {
            let p = left - 1;
            let w = self.ctx.word(p);
            // "her South Korean counterpart": a demonym is a modifier too.
            let demonym = matches!(self.ctx.known_at(p), Some((1 | 2, Known::Demonym(_))))
                || (p > 0 && matches!(self.ctx.known_at(p - 1), Some((2, Known::Demonym(_)))));
            let modifier = self.ctx.toks[p].kind == TokKind::Word
                && (!is_cap(w) || demonym)
                && !is_determiner(w)
                && !self.ctx.has(p, flag::SPEECH_VERB)
                && !matches!(
                    w,
                    "and"
                        | "or"
                        | "of"
                        | "to"
                        | "in"
                        | "for"
                        | "with"
                        | "by"
                        | "on"
                        | "at"
                        | "as"
                        | "that"
                        | "who"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                        | "is"
                        | "was"
                );
            if !modifier || !self.ctx.same_line(left) {
                break;
            }
            left = p;
            n += 1;
        }
        // "Ukraine's": a possessive owner opens the description.
        if left >= 2
            && self.ctx.toks[left - 1].kind == TokKind::Possessive
            && is_cap(self.ctx.word(left - 2))
            && self.ctx.same_line(left - 1)
        {
            left -= 2;
            let owner_end = left;
            while left > 0
                && left + 4 > owner_end
                && self.ctx.is_name_word(left - 1)
                && self.ctx.same_line(left)
                && !self.ctx.initial[left]
            {
                left -= 1;
            }
        }
        Some(left)
    }

    /// Evidence that the name words `i..end` are a person.
    fn is_person_name(&self, i: usize, end: usize, run_start: usize) -> bool {
        let words: Vec<usize> = (i..end)
            .filter(|&k| self.ctx.toks[k].kind == TokKind::Word)
            .collect();
        if words.iter().any(|&k| {
            let w = self.ctx.word(k);
            is_camel_case(w)
                || self.ctx.is_org_word(k)
                || self.ctx.has(
                    k,
                    flag::PLACE_WORD | flag::GROUP_NOUN | flag::ANON_NOUN | flag::COMMON,
                )
                || is_all_caps(w)
                || self.ctx.known_at(k).is_some() && words.len() == 1
        }) {
            return false;
        }
        // "Jan. 5": an abbreviation that is also a first name.
        let abbreviated = words.len() == 1
            && self.ctx.is_punct(i + 1, '.')
            && self
                .ctx
                .lex
                .abbreviations
                .contains(self.ctx.lower(i).as_ref());
        if self.ctx.is_first_name(i)
            && !abbreviated
            && !(words.len() == 1 && self.ctx.known_at(i).is_some())
        {
            return true;
        }
        // "Enoh T. Ebong": a middle initial.
        if words.len() >= 3
            && words[1..words.len() - 1]
                .iter()
                .any(|&k| self.ctx.word(k).chars().count() == 1)
        {
            return true;
        }
        if i == run_start && words.len() <= 3 {
            // "senior party official Li Yuecheng", "his wife Manju Sam".
            if i > 0
                && self.ctx.has(i - 1, flag::ROLE)
                && !is_cap(self.ctx.word(i - 1))
                && self.ctx.same_line(i)
            {
                return true;
            }
            // "Rishi Sunak said on Tuesday": two or three name words as the
            // subject of a speech verb.
            if (2..=3).contains(&words.len())
                && self.ctx.has(end, flag::SPEECH_VERB)
                && !is_cap(self.ctx.word(end))
            {
                return true;
            }
            // "Ned Price, a State Department spokesman, said": an apposition
            // naming a role.
            if (2..=3).contains(&words.len()) && self.ctx.is_punct(end, ',') {
                let mut k = end + 1;
                while k < (end + 8).min(self.ctx.toks.len())
                    && !self.ctx.is_punct(k, ',')
                    && !self.ctx.is_punct(k, '.')
                {
                    if self.ctx.has(k, flag::ROLE) || self.ctx.is_title(k) {
                        return true;
                    }
                    k += 1;
                }
            }
            if (2..=3).contains(&words.len()) && self.role_apposition(i, end).is_some() {
                return true;
            }
            // "…, said Herman Halushchenko, the minister": two or three name
            // words right after a lowercase speech verb, ending a clause.
            let clause_end = self.ctx.is_punct(end, ',')
                || self.ctx.is_punct(end, '.')
                || !self.ctx.same_line(end);
            if (2..=3).contains(&words.len())
                && i > 0
                && self.ctx.has(i - 1, flag::SPEECH_VERB)
                && !is_cap(self.ctx.word(i - 1))
                && clause_end
            {
                return true;
            }
            // "Thomas Sam, 42,": a name with an age.
            if self.ctx.is_punct(end, ',')
                && self
                    .ctx
                    .toks
                    .get(end + 1)
                    .is_some_and(|t| t.kind == TokKind::Num)
                && self.ctx.is_punct(end + 2, ',')
            {
                return true;
            }
            // "…,” said Smith." / "Smith said": named next to a speech verb
            // that follows a quotation.
            let after_quote = |k: usize| {
                k > 0
                    && matches!(self.ctx.toks[k - 1].kind, TokKind::Punct(c) if is_double_quote(c) || c == ',')
            };
            if i > 0
                && self.ctx.has(i - 1, flag::SPEECH_VERB)
                && after_quote(i - 1)
                && !self.ctx.initial[i]
            {
                return true;
            }
            let right_after_mark = i > 0
                && matches!(self.ctx.toks[i - 1].kind, TokKind::Punct(c) if is_double_quote(c));
            if self.ctx.has(end, flag::SPEECH_VERB)
                && after_quote(i)
                && (words.len() >= 2 || right_after_mark)
            {
                return true;
            }
        }
        false
    }

    /// The end of a person name starting at `i`: name words and initials.
    fn name_end(
        &self,
        i: usize,
        end: usize,
        used: &[bool],
        run_start: usize,
        max_words: usize,
    ) -> usize {
        let mut k = i;
        let mut words = 0;
        while k < end && !used[k - run_start] {
            let t = &self.ctx.toks[k];
            if t.kind == TokKind::Word {
                let w = self.ctx.word(k);
                if words > 0 && is_particle(w) && k + 1 < end && !used[k + 1 - run_start] {
                    k += 1;
                    continue;
                }
                if !self.ctx.is_name_word(k)
                    || self.ctx.is_title(k)
                    || self.ctx.is_org_word(k)
                    || self.ctx.has(k, flag::PLACE_WORD)
                    || words >= max_words
                {
                    break;
                }
                // "… Space Museum Steven F. Udvar-Hazy": a first name starts
                // a new name.
                if words >= 2 && self.ctx.is_first_name(k) && !self.ctx.is_first_name(i) {
                    break;
                }
                if words > 0 && self.ctx.known_at(k).is_some() && !self.ctx.is_first_name(k) {
                    break;
                }
                words += 1;
                k += 1;
            } else if t.is_punct('.') && k > i && self.ctx.word(k - 1).chars().count() == 1 {
                k += 1;
            } else {
                break;
            }
        }
        // "Lula da" when the surname after the particle did not fit.
        while k > i + 1 && is_particle(self.ctx.word(k - 1)) {
            k -= 1;
        }
        k
    }

    /// A title chain ("Assistant Secretary of State for …") and the name
    /// after it. Returns where the chain and name end.
    fn titled_person(
        &mut self,
        i: usize,
        end: usize,
        used: &[bool],
        run_start: usize,
        country: Option<u32>,
    ) -> usize {
        let mut k = i;
        let mut head = String::new();
        let mut phrase_words: Vec<usize> = Vec::new();
        while k < end && !used[k - run_start] {
            let qualifier = !self.ctx.is_title(k)
                && self.ctx.is_name_word(k)
                && !self.ctx.is_first_name(k)
                && k + 1 < end
                && !used[k + 1 - run_start]
                && self.ctx.is_title(k + 1);
            if qualifier {
                k += 1;
                continue;
            }
            if self.ctx.is_title(k) {
                head = self.ctx.lower(k).into_owned();
                k += 1;
                if self.ctx.is_punct(k, '.') {
                    k += 1;
                }
                continue;
            }
            // "of State", "for Climate", "of Washington": part of the title.
            if matches!(self.ctx.word(k), "of" | "for") && k + 1 < end && !used[k + 1 - run_start] {
                k += 1;
                if self.ctx.word(k) == "the" {
                    k += 1;
                }
                while k < end
                    && !used[k - run_start]
                    && !self.ctx.is_first_name(k)
                    && !self.ctx.is_title(k)
                {
                    if self.ctx.toks[k].kind == TokKind::Word && self.ctx.is_name_word(k) {
                        phrase_words.push(k);
                    }
                    k += 1;
                }
                continue;
            }
            break;
        }
        // "Secretary of Foreign Affairs Enrique Manalo": the title's last
        // word sits before a first name.
        if k + 1 < end
            && !used[k - run_start]
            && !used[k + 1 - run_start]
            && !self.ctx.is_first_name(k)
            && self.ctx.is_first_name(k + 1)
            && self.ctx.is_name_word(k)
        {
            k += 1;
        }
        let mut name_start = k;
        let mut name_end = self.name_end(k, end, used, run_start, 4);
        if name_end == name_start && phrase_words.len() >= 3 {
            // No first name known: a long title ends with "Firstname Surname".
            let n = phrase_words.len();
            name_start = phrase_words[n - 2];
            name_end = phrase_words[n - 1] + 1;
        }
        if name_end > name_start && !(name_start..name_end).any(|t| self.ctx.is_org_word(t)) {
            let a = self.person(name_start, name_end, None);
            if !head.is_empty()
                && a != AMBIGUOUS
                && self.ctx.heading.get(name_start) == Some(&false)
            {
                self.reg.claim_key(format!("t:{head}"), a);
            }
            if let (Some(c), false, true) = (country, head.is_empty(), a != AMBIGUOUS) {
                if self.reg.actors[a].descriptor.is_none() {
                    self.reg.actors[a].descriptor = Some((c, head));
                }
            }
        }
        name_end.max(k).max(i + 1)
    }

    fn person(&mut self, start: usize, end: usize, _hint: Option<()>) -> usize {
        let a = self.reg.person(&self.ctx, start, end);
        if a != AMBIGUOUS {
            self.cands.push(Candidate {
                tok_start: start,
                tok_end: end,
                actor: a,
            });
        }
        a
    }

    /// Organisations: name words ending in an organisation word, plus "of …".
    fn orgs_in_run(&mut self, start: usize, end: usize, used: &mut [bool]) {
        let mut k = start;
        while k < end {
            if !(self.ctx.is_org_word(k) && self.ctx.toks[k].kind == TokKind::Word) {
                k += 1;
                continue;
            }
            let mut last = k;
            while last + 1 < end && self.ctx.is_org_word(last + 1) {
                last += 1;
            }
            // "Universidad San Francisco de Quito", "Banco Santander": in
            // Romance languages the organisation word leads its name.
            if is_leading_org_word(self.ctx.word(k))
                && k == last
                && last + 1 < end
                && self.ctx.is_name_word(last + 1)
            {
                let mut right = last + 1;
                while right < end
                    && (self.ctx.is_name_word(right)
                        || is_particle(self.ctx.word(right))
                            && right + 1 < end
                            && self.ctx.is_name_word(right + 1))
                {
                    right += 1;
                }
                self.org(k, right);
                for u in &mut used[k - start..right - start] {
                    *u = true;
                }
                k = right;
                continue;
            }
            // "Air Force Base": the organisation word only describes a place.
            if last + 1 < end
                && self.ctx.is_name_word(last + 1)
                && !self.ctx.is_title(last + 1)
                && self.ctx.toks[last + 1].kind == TokKind::Word
            {
                k = last + 1;
                continue;
            }
            let mut right = last + 1;
            // "Court for the District of New Jersey": phrases may chain.
            while right < end && matches!(self.ctx.word(right), "of" | "for") {
                let mut j = right + 1;
                if self.ctx.word(j) == "the" {
                    j += 1;
                }
                let phrase_start = j;
                // "Ministry of Foreign Affairs": a title word inside the
                // phrase when a plain name word follows it.
                let field = |j: usize| {
                    self.ctx.is_title(j)
                        && j + 1 < end
                        && self.ctx.is_name_word(j + 1)
                        && !self.ctx.is_title(j + 1)
                        && !self.ctx.is_first_name(j + 1)
                };
                // "University of Rio Grande do Sul": a particle between names.
                let particle = |j: usize| {
                    j > phrase_start
                        && is_particle(self.ctx.word(j))
                        && j + 1 < end
                        && self.ctx.is_name_word(j + 1)
                };
                while j < end
                    && (self.ctx.is_name_word(j)
                        && (!self.ctx.is_title(j) || field(j))
                        && !self.ctx.is_first_name(j)
                        || (self.ctx.word(j) == "and" && j > phrase_start)
                        || particle(j))
                {
                    j += 1;
                }
                while j > phrase_start && self.ctx.word(j - 1) == "and" {
                    j -= 1;
                }
                if j > phrase_start {
                    right = j;
                } else {
                    break;
                }
            }
            let mut left = k;
            while left > start {
                let p = left - 1;
                let t = &self.ctx.toks[p];
                let ok = match t.kind {
                    TokKind::Word => {
                        let w = self.ctx.word(p);
                        // "Justice Department": a title word can name an
                        // organisation's field; "Mr", "Dr" cannot.
                        (self.ctx.is_name_word(p)
                            && !(self.ctx.is_title(p)
                                && self.ctx.lex.abbreviations.contains(lowercase(w).as_str())))
                            || ((w == "and" || w == "&")
                                && p > start
                                && self.ctx.is_name_word(p - 1))
                    }
                    // "Korean People's Army", but "Saudi Arabia's Civil
                    // Defense Authority" is two names.
                    TokKind::Possessive => {
                        p > start
                            && matches!(
                                self.ctx.word(p - 1),
                                "People" | "Peoples" | "Women" | "Workers"
                            )
                    }
                    TokKind::Punct('.') => p > start && self.ctx.word(p - 1).chars().count() == 1,
                    _ => false,
                };
                if !ok {
                    break;
                }
                left = p;
            }
            while left < k && matches!(self.ctx.word(left), "and" | "&") {
                left += 1;
            }
            let bare = left == k && right == last + 1 && last == k;
            if !bare {
                self.org(left, right);
                for u in &mut used[left - start..right - start] {
                    *u = true;
                }
            }
            k = right.max(k + 1);
        }
    }

    fn org(&mut self, start: usize, end: usize) -> usize {
        let a = self.reg.org(&self.ctx, start, end);
        self.cands.push(Candidate {
            tok_start: start,
            tok_end: end,
            actor: a,
        });
        // "Name (ACR)", "Name [ACR]", "Name (“Short”)": a short form.
        let mut j = end;
        if self.ctx.is_punct(j, '(') || self.ctx.is_punct(j, '[') {
            j += 1;
            if matches!(self.ctx.toks.get(j).map(|t| t.kind), Some(TokKind::Punct(c)) if is_double_quote(c))
            {
                j += 1;
            }
            let short = self.ctx.word(j);
            let closes = |k: usize| {
                self.ctx.is_punct(k, ')')
                    || self.ctx.is_punct(k, ']')
                    || matches!(self.ctx.toks.get(k).map(|t| t.kind), Some(TokKind::Punct(c)) if is_double_quote(c))
            };
            if !short.is_empty() && is_cap(short) && closes(j + 1) {
                self.reg.short_forms.push((a, j));
            }
        }
        a
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
            let org = self.org(i, end);
            if let Some(c) = self.cands.pop() {
                self.claims.claim(c.tok_start, c.tok_end, org);
            }
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
