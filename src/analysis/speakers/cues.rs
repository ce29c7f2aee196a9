//! Attribution cues: a verb of saying and the noun phrase that is its
//! subject (`X said`, `said X`, `according to X`, `— X`).
//!
//! The speaker is the head of that phrase, not any actor in it: in "The IMF
//! mission chief for Kenya, Haimanot Teferra, said" the head is "chief", a
//! person whose name is the apposition, not the IMF; in "Copa-Cogeca, which
//! represents EU farmers, said" the relative clause is skipped, and the head
//! is "Copa-Cogeca". A head that is no actor leaves the cue unresolved.

use super::{speaker, Cx, Evidence, QuoteInfo, Who};
use crate::analysis::case::lowercase;
use crate::analysis::entities::Ment;
use crate::analysis::lexicon;
use crate::analysis::text::{is_cap, is_double_quote, TokKind};
use crate::analysis::{ActorKind, Attribution};

/// A speech act at a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Act {
    /// A verb of saying; its subject is before it (or after, inverted).
    Verb,
    /// `according to X`, `in the words of X`: the speaker starts at the index.
    Source(usize),
}

/// Adverbs and auxiliaries between a subject and its verb.
const ADVERBS: &[&str] = &[
    "again",
    "already",
    "also",
    "angrily",
    "bluntly",
    "briefly",
    "could",
    "did",
    "does",
    "earlier",
    "even",
    "famously",
    "firmly",
    "first",
    "flatly",
    "further",
    "had",
    "has",
    "have",
    "later",
    "may",
    "might",
    "never",
    "often",
    "once",
    "only",
    "openly",
    "previously",
    "privately",
    "publicly",
    "quickly",
    "recently",
    "repeatedly",
    "reportedly",
    "separately",
    "simply",
    "still",
    "subsequently",
    "then",
    "today",
    "tonight",
    "will",
    "would",
    "yesterday",
];

/// Words that end a clause: the subject of a later verb starts after them.
const CLAUSE_WORDS: &[&str] = &[
    "after", "although", "and", "as", "because", "before", "but", "if", "nor", "or", "since", "so",
    "that", "then", "though", "until", "when", "whereas", "while", "yet",
];

const RELATIVES: &[&str] = &["when", "where", "which", "who", "whom", "whose"];

/// Words that open a phrase leading into a clause ("Last week, …").
const INTRO_WORDS: &[&str] = &[
    "after",
    "as",
    "before",
    "despite",
    "during",
    "earlier",
    "following",
    "however",
    "last",
    "later",
    "meanwhile",
    "separately",
    "since",
    "this",
    "today",
    "under",
    "when",
    "while",
    "without",
    "yesterday",
];

/// Prepositions that end a noun phrase's head ("the head *of* a lobby").
const PREPOSITIONS: &[&str] = &[
    "about", "at", "for", "from", "in", "of", "on", "over", "to", "with", "within",
];

/// Words that open an attribution's clause after the quote but start a new
/// clause with its own subject.
const BREAKERS: &[&str] = &["although", "because", "but", "though", "whereas", "while"];

/// Nouns of a statement someone issues; `X's statement added` is X's.
const STATEMENTS: &[&str] = &[
    "announcement",
    "interview",
    "letter",
    "message",
    "post",
    "remarks",
    "response",
    "statement",
    "tweet",
];

/// Verbs that issue a statement: `X issued a statement`.
const ISSUING: &[&str] = &["issued", "posted", "published", "released", "sent"];

impl Cx<'_> {
    /// The speech act at token `k`, if any.
    pub(super) fn act(&self, k: usize) -> Option<Act> {
        let w = self.word(k);
        if w.is_empty() {
            return None;
        }
        if lexicon::get().speech_verbs.contains(w) {
            // "was told to", "is said to", "when asked": someone else
            // speaks to the subject, or no one is named.
            let passive = matches!(
                self.word(k.wrapping_sub(1)),
                "was" | "were" | "is" | "are" | "be" | "been" | "being" | "when" | "if" | "once"
            );
            return (!passive).then_some(Act::Verb);
        }
        // "…,” the statement read.
        if matches!(w, "read" | "reads") && STATEMENTS.contains(&self.word(k.wrapping_sub(1))) {
            return Some(Act::Verb);
        }
        if w == "attributed" && self.word(k + 1) == "to" {
            return Some(Act::Source(k + 2));
        }
        if w.eq_ignore_ascii_case("according") && self.word(k + 1) == "to" {
            return Some(Act::Source(k + 2));
        }
        if w.eq_ignore_ascii_case("in")
            && self.word(k + 1) == "the"
            && self.word(k + 2) == "words"
            && self.word(k + 3) == "of"
        {
            return Some(Act::Source(k + 4));
        }
        if ISSUING.contains(&w) && (k + 1..k + 4).any(|j| STATEMENTS.contains(&self.word(j))) {
            return Some(Act::Verb);
        }
        None
    }

    /// `," said X`, `," X said`, `, according to X`, `— X` in tokens
    /// `start..end` after a quote.
    pub(super) fn after(&self, start: usize, end: usize) -> Evidence {
        let mut i = start;
        while i < end && matches!(self.tokens[i].kind, TokKind::Punct(',' | ')')) {
            i += 1;
        }
        if i < end && self.is_dash(i) {
            return self
                .noun_phrase_after(i + 1, end)
                .with_cue(self.span(i, i + 1));
        }
        let Some(verb) = (i..end.min(i + 12)).find(|&k| self.act(k).is_some()) else {
            return Evidence::Absent;
        };
        // `“legal rape” on Facebook, while Warsaw said …`: a new clause
        // with its own speaker, not this quote's attribution.
        if (i..verb).any(|k| BREAKERS.contains(&self.word(k))) {
            return Evidence::Absent;
        }
        let act = self.act(verb).unwrap_or(Act::Verb);
        self.attribution_at(i, verb, act, end)
    }

    /// `X said: “`, `X told the court that, …, “`, `Zelenskyy: “`,
    /// `according to X, “` in tokens `start..end` before a quote.
    pub(super) fn before(&self, start: usize, end: usize) -> Evidence {
        if end <= start {
            return Evidence::Absent;
        }
        // `Zelenskyy: “…”`: a name opening its clause, then a colon.
        if end >= start + 2 && self.is_punct(end - 1, ':') {
            if let Some(m) = self.covering(end - 2).filter(|m| m.tok_end == end - 1) {
                let speaks = matches!(
                    self.kind(&m),
                    ActorKind::Person
                        | ActorKind::Anonymous
                        | ActorKind::Organization
                        | ActorKind::Group
                );
                if speaks && self.opens_clause(start, m.tok_start) {
                    return speaker(m.actor, self.span(m.tok_start, end), Attribution::Cue);
                }
            }
        }
        let Some(verb) = (start..end).rev().find(|&k| self.act(k).is_some()) else {
            return Evidence::Absent;
        };
        let act = self.act(verb).unwrap_or(Act::Verb);
        self.attribution_at(start, verb, act, end)
    }

    /// The speaker of the speech act at `verb` in the clause `start..end`:
    /// its subject before it, or after it when inverted (`said X`) or when
    /// it names a source (`according to X`).
    pub(super) fn attribution_at(
        &self,
        start: usize,
        verb: usize,
        act: Act,
        end: usize,
    ) -> Evidence {
        let verb_span = self.span(verb, verb + 1);
        match act {
            Act::Source(from) => self
                .noun_phrase_after(from, end)
                .required(Who::Person)
                .with_cue(verb_span),
            Act::Verb => match self.subject_before(start, verb) {
                Evidence::Absent if self.word(verb) != "told" => self
                    .noun_phrase_after(verb + 1, end)
                    .required(Who::Person)
                    .with_cue(verb_span),
                // "…,” the ministry told AFP: the one told is the listener.
                Evidence::Absent => Evidence::Unresolved(Who::Person),
                found => found.with_cue(verb_span),
            },
        }
    }

    /// The subject of the verb at `verb`, looking back no further than
    /// `start`: the noun phrase before it, past adverbs, an apposition
    /// (`Smith, head of Y,`), a relative clause (`, which …,`) or an age.
    pub(super) fn subject_before(&self, start: usize, verb: usize) -> Evidence {
        let lo = verb.saturating_sub(60).max(start);
        let mut e = verb;
        loop {
            if e > lo && ADVERBS.contains(&lowercase(self.word(e - 1)).as_str()) {
                e -= 1;
            } else if e > lo + 1 && self.word(e - 1) == "as" && self.word(e - 2) == "quoted" {
                // "Smith was quoted as saying".
                e -= 2;
                if e > lo && matches!(self.word(e - 1), "was" | "is" | "were" | "are" | "been") {
                    e -= 1;
                }
            } else {
                break;
            }
        }
        if e == lo {
            return Evidence::Absent;
        }
        // The clause before the verb, cut into pieces at commas and
        // brackets, right to left: "Sen. Rand Paul | R-Ky. | who voted
        // against it |". A separator just before the verb closes an
        // insertion: an apposition and incidental pieces (an age, a party,
        // a relative clause), the subject before them.
        let insertion = self.is_separator(e - 1);
        let mut pieces: Vec<(usize, usize)> = Vec::new();
        let mut end = if insertion { e - 1 } else { e };
        while pieces.len() < 6 {
            let sep = (lo..end).rev().find(|&k| self.is_separator(k));
            let from = sep.map_or(lo, |k| k + 1);
            if insertion && self.is_incidental(from, end) {
                // A relative clause is skipped whole, whatever it holds.
                match sep {
                    Some(k) => end = k,
                    None => break,
                }
                continue;
            }
            // The clause may begin inside this piece ("…, and Smith said").
            let mut b = end;
            while b > from && !self.is_boundary(b - 1) {
                b -= 1;
            }
            if b < end {
                pieces.push((b, end));
            }
            match sep {
                Some(k) if b == from => end = k,
                _ => break,
            }
        }
        if pieces.is_empty() {
            return self.no_subject(verb, end);
        }
        let mut real = pieces.iter().copied();
        let (core, apposition) = match (insertion, real.next(), real.next()) {
            (true, Some(right), Some(left)) if !self.is_intro(left.0, left.1) => {
                (left, Some(right))
            }
            (_, Some(right), _) => (right, None),
            (_, None, _) => return Evidence::Absent,
        };
        let (mut b, core_end) = core;
        while b < core_end && CLAUSE_WORDS.contains(&self.word(b)) {
            b += 1;
        }
        if b + 1 == core_end && RELATIVES.contains(&self.word(b)) {
            // "Smith met Jones, who said …": the relative's antecedent.
            return match b.checked_sub(1).filter(|&c| c > start) {
                Some(comma) => self.subject_before(start, comma),
                None => Evidence::Absent,
            };
        }
        if b == core_end {
            return self.no_subject(verb, b);
        }
        self.noun_phrase(b, core_end, apposition)
    }

    /// A verb with no subject of its own before it in its clause.
    fn no_subject(&self, verb: usize, b: usize) -> Evidence {
        let Some(prev) = b.checked_sub(1) else {
            return Evidence::Absent;
        };
        let w = self.word(prev);
        // "the company called it “…” and said …", "she said, adding that
        // …": the subject of the sentence's earlier verb of saying.
        if matches!(w, "and" | "or" | "but" | "then") {
            return self.elided_subject(verb, prev);
        }
        if self.word(verb).ends_with("ing") {
            return self.elided_subject(verb, verb);
        }
        match self.tokens[prev].kind {
            TokKind::Word => Evidence::Unresolved(Who::Person),
            _ => Evidence::Absent,
        }
    }

    /// A comma or bracket between the pieces of a subject.
    fn is_separator(&self, k: usize) -> bool {
        matches!(self.tokens[k].kind, TokKind::Punct(',' | '(' | ')')) && self.covering(k).is_none()
    }

    /// A phrase that leads into a clause rather than naming its subject:
    /// "In Washington,", "Asked whether …,", "Last week,".
    fn is_intro(&self, s: usize, t: usize) -> bool {
        let first = lowercase(self.word(s));
        let named = self.ments_in(s, t).iter().any(|m| {
            matches!(
                self.kind(m),
                ActorKind::Person | ActorKind::Organization | ActorKind::Anonymous
            )
        });
        INTRO_WORDS.contains(&first.as_str())
            || PREPOSITIONS.contains(&first.as_str())
            || (!named && (first.ends_with("ing") || first.ends_with("ed")))
    }

    /// The subject of a verb coordinated with an earlier verb of saying in
    /// its sentence (`X called it “…” and said …`), found at that verb.
    fn elided_subject(&self, verb: usize, conjunction: usize) -> Evidence {
        let sent_start = self
            .sents
            .get(self.sent_of(verb))
            .map_or(0, |s| s.tok_start)
            .max(verb.saturating_sub(60));
        let earlier = (sent_start..conjunction)
            .rev()
            .filter(|&k| !self.inside_quote(k))
            .find_map(|k| self.act(k).map(|a| (k, a)));
        match earlier {
            Some((k, act)) => self.attribution_at(sent_start, k, act, conjunction),
            None => self.sentence_subject(sent_start, conjunction),
        }
    }

    /// The actor that opens a sentence as its subject ("Jespersen was a
    /// proponent of … and wrote:"), after an introductory phrase.
    fn sentence_subject(&self, sent_start: usize, end: usize) -> Evidence {
        let mut b = sent_start;
        if let Some(comma) = (b..end.min(b + 12)).find(|&k| self.is_punct(k, ',')) {
            if self.is_intro(b, comma) {
                b = comma + 1;
            }
        }
        while b < end && matches!(self.word(b), "the" | "The" | "a" | "A" | "an" | "An") {
            b += 1;
        }
        if b >= end {
            return Evidence::Absent;
        }
        if let Some(ev) = self.pronoun(b) {
            return ev.with_cue(self.span(b, b + 1));
        }
        match self.covering(b) {
            Some(m) if !matches!(self.kind(&m), ActorKind::Place) => {
                speaker(m.actor, self.span(m.tok_start, m.tok_end), Attribution::Cue)
            }
            _ => Evidence::Unresolved(self.who(b)),
        }
    }

    /// The noun phrase starting at `start` (after an inverted verb, a
    /// dash or "according to"), up to its first punctuation, with the
    /// apposition that may follow it.
    pub(super) fn noun_phrase_after(&self, start: usize, end: usize) -> Evidence {
        let end = end.min(start + 40).min(self.tokens.len());
        let stop = |k: usize| {
            k < end
                && self.covering(k).is_none()
                && ((matches!(self.tokens[k].kind, TokKind::Punct(c) if !matches!(c, '.' | '-' | '&')))
                    || (self.is_punct(k, '.') && !self.is_abbreviation_dot(k))
                    || self.tokens[k].line_start && k > start
                    || RELATIVES.contains(&self.word(k))
                    || self.word(k) == "that"
                    || self.act(k).is_some())
        };
        let mut e = start;
        while e < end && !stop(e) {
            e += 1;
        }
        if e == start {
            return Evidence::Absent;
        }
        let apposition = if e < end && self.is_punct(e, ',') {
            let s = e + 1;
            let mut t = s;
            while t < end && !stop(t) {
                t += 1;
            }
            (t > s).then_some((s, t))
        } else {
            None
        };
        self.noun_phrase(start, e, apposition)
    }

    /// Who the noun phrase `b..e` names, with an optional apposition.
    fn noun_phrase(&self, b: usize, e: usize, apposition: Option<(usize, usize)>) -> Evidence {
        if b >= e {
            return Evidence::Absent;
        }
        let cue = self.span(b, e);
        if e - b == 1 {
            if let Some(ev) = self.pronoun(b) {
                return ev.with_cue(cue);
            }
        }
        if let Some(actor) = self.partitive(b, e) {
            return speaker(actor, cue, Attribution::Pronoun);
        }
        // A person or source named last: "Special Envoy for Climate John
        // Kerry", "a spokeswoman for the police".
        if let Some(m) = self.covering(e - 1) {
            if matches!(
                self.kind(&m),
                ActorKind::Person | ActorKind::Anonymous | ActorKind::Group
            ) {
                return self.named(m, apposition, cue);
            }
        }
        // Else the head is the word before the first preposition outside a
        // name: "the head of a lobby", "The IMF mission chief for Kenya".
        let h = (b + 1..e)
            .find(|&k| self.covering(k).is_none() && PREPOSITIONS.contains(&self.word(k)))
            .unwrap_or(e);
        let head = h - 1;
        // "Cornyn's statement added": a statement speaks for its author.
        if head >= b + 2
            && STATEMENTS.contains(&self.word(head))
            && self.tokens[head - 1].kind == TokKind::Possessive
        {
            if let Some(m) = self.covering(head - 2) {
                return speaker(m.actor, cue, Attribution::Cue);
            }
        }
        // "a statement from the ministry": its author.
        if STATEMENTS.contains(&self.word(head)) && matches!(self.word(h), "from" | "by" | "of") {
            let author = self
                .ments_in(h + 1, e)
                .iter()
                .find(|m| self.kind(m) != ActorKind::Place);
            if let Some(m) = author {
                return speaker(m.actor, cue, Attribution::Cue);
            }
        }
        match self.covering(head) {
            Some(m) if self.kind(&m) != ActorKind::Place => self.named(m, apposition, cue),
            _ => match self.appositive_person(apposition) {
                Some(m) => speaker(m.actor, cue, Attribution::Cue),
                None => Evidence::Unresolved(self.who(head)),
            },
        }
    }

    /// The actor a phrase's head names; an unnamed source or a group with a
    /// named person in apposition is that person.
    fn named(
        &self,
        m: Ment,
        apposition: Option<(usize, usize)>,
        cue: crate::analysis::Span,
    ) -> Evidence {
        let actor = match self.kind(&m) {
            ActorKind::Anonymous | ActorKind::Group => {
                self.appositive_person(apposition).unwrap_or(m).actor
            }
            _ => m.actor,
        };
        speaker(actor, cue, Attribution::Cue)
    }

    /// A person named by an apposition (`, Mari Tanaka,`), possibly after a
    /// title; never inside a relative clause.
    fn appositive_person(&self, apposition: Option<(usize, usize)>) -> Option<Ment> {
        let (s, t) = apposition?;
        if RELATIVES.contains(&self.word(s)) {
            return None;
        }
        let m = *self.ments_in(s, t).first()?;
        let titled = (s..m.tok_start).all(|k| is_cap(self.word(k)) || self.is_punct(k, '.'));
        (titled && self.kind(&m) == ActorKind::Person).then_some(m)
    }

    /// What an unresolved head seems to be: a capitalised word (a missed
    /// name) or a role is a person, a lowercase noun is a thing.
    fn who(&self, head: usize) -> Who {
        let w = self.word(head);
        let lex = lexicon::get();
        let lower = lowercase(w);
        let singular = lower.strip_suffix('s').unwrap_or(&lower);
        let role = lex.roles.contains(lower.as_str())
            || lex.roles.contains(singular)
            || lex.anon_nouns.contains(lower.as_str())
            || lex.titles.contains(w);
        if is_cap(w) || role || lower.contains("secretary") {
            Who::Person
        } else {
            Who::Thing
        }
    }

    /// An age (`42`), a party and state (`D-N.Y.`), a relative clause or a
    /// participle phrase (`based in Ohio`) between commas: not the speaker.
    fn is_incidental(&self, s: usize, t: usize) -> bool {
        if s >= t {
            return true;
        }
        let first = self.word(s);
        RELATIVES.contains(&first)
            || ((first.ends_with("ing") || first.ends_with("ed"))
                && first.chars().next().is_some_and(char::is_lowercase))
            || (t - s <= 3
                && self.covering(s).is_none()
                && (s..t).all(|k| {
                    let tok = &self.tokens[k];
                    tok.kind == TokKind::Num
                        || matches!(tok.kind, TokKind::Punct(_))
                        || (self.word(k).contains('-') && is_cap(self.word(k)))
                        || self.word(k).chars().all(|c| c.is_uppercase() || c == '.')
                }))
    }

    /// Where a clause can start: punctuation, a line break or a
    /// conjunction — but never inside a name.
    fn is_boundary(&self, k: usize) -> bool {
        if self.covering(k).is_some() {
            return false;
        }
        let tok = &self.tokens[k];
        match tok.kind {
            TokKind::Punct(c) => !matches!(c, '.' | '-' | '&' | '\'' | '\u{2019}'),
            TokKind::Word => {
                let w = self.word(k);
                // ", who …," is a piece of its own, not a new clause.
                let relative = RELATIVES.contains(&w) && !(k > 0 && self.is_punct(k - 1, ','));
                // "who asked not to be named": a verb inside a relative
                // clause starts no clause of its own.
                let in_relative =
                    (k.saturating_sub(3)..k).any(|j| RELATIVES.contains(&self.word(j)));
                CLAUSE_WORDS.contains(&w)
                    || relative
                    || (self.act(k).is_some() && !in_relative)
                    || self.tokens.get(k + 1).is_some_and(|t| t.line_start)
            }
            _ => false,
        }
    }

    /// Whether tokens `start..at` hold only determiners and titles: the
    /// name at `at` opens its clause (`Zelenskyy: “`, not `told the BBC: “`).
    fn opens_clause(&self, start: usize, at: usize) -> bool {
        let mut k = at;
        while k > start {
            let w = self.word(k - 1);
            let det = matches!(w, "the" | "The" | "a" | "A" | "an" | "An");
            if det || (is_cap(w) && lexicon::get().titles.contains(w)) {
                k -= 1;
            } else {
                break;
            }
        }
        k == start
            || self.tokens[k].line_start
            || matches!(self.tokens[k - 1].kind, TokKind::Punct(_))
    }

    /// The dot of "Mr." or of an initial, which ends no phrase.
    fn is_abbreviation_dot(&self, k: usize) -> bool {
        let w = self.word(k.wrapping_sub(1));
        let glued = k > 0 && self.tokens[k - 1].span().end == self.tokens[k].span().start;
        glued
            && ((w.chars().count() == 1 && is_cap(w))
                || lexicon::get().abbreviations.contains(lowercase(w).as_str()))
    }

    fn is_dash(&self, k: usize) -> bool {
        matches!(
            self.tokens[k].kind,
            TokKind::Punct('\u{2014}' | '\u{2013}' | '\u{2015}')
        )
    }

    /// "One of them, who asked not to be named, said": the subject opens
    /// with "one of them" and names no one, so it is one of the unnamed
    /// sources or the group mentioned last.
    fn partitive(&self, b: usize, e: usize) -> Option<crate::analysis::ActorId> {
        let opens = matches!(
            lowercase(self.word(b)).as_str(),
            "one" | "another" | "some" | "two" | "both" | "several" | "each" | "none"
        ) && self.word(b + 1) == "of"
            && matches!(self.word(b + 2), "them" | "those");
        if !opens || b + 3 > e || !self.ments_in(b, e).is_empty() {
            return None;
        }
        let before = self.ments.partition_point(|m| m.tok_start < b);
        self.ments[before.saturating_sub(200)..before]
            .iter()
            .rev()
            .filter(|m| !self.inside_quote(m.tok_start))
            .find(|m| matches!(self.kind(m), ActorKind::Anonymous | ActorKind::Group))
            .map(|m| m.actor)
    }

    /// The named attribution after a pull quote: `… — Jane Doe` or
    /// `… Program. Charles Bolden, NASA Administrator`.
    pub(super) fn pull_attribution(&self, q: &QuoteInfo) -> Evidence {
        let mut start = self.first_tok_at(q.span.end);
        while start < self.tokens.len()
            && matches!(self.tokens[start].kind, TokKind::Punct(c) if is_double_quote(c) || c == '.')
        {
            start += 1;
        }
        if start < self.tokens.len() && self.is_dash(start) {
            start += 1;
        }
        let mut end = start;
        while end < self.tokens.len() && (end == start || !self.tokens[end].line_start) {
            end += 1;
        }
        self.noun_phrase_after(start, end).required(Who::Person)
    }

    /// The attribution on the line under a quoted paragraph: `“…”` then
    /// `— Secretary Blinken, 12 May 2021`.
    pub(super) fn next_line(&self, q: &QuoteInfo, close_tok: usize) -> Evidence {
        let block = &self.blocks[q.end_block];
        let Some(next) = self.blocks.get(q.end_block + 1) else {
            return Evidence::Absent;
        };
        let rest_of_block =
            (close_tok..block.tok_end).all(|k| self.tokens[k].kind != TokKind::Word);
        let words = (next.tok_start..next.tok_end)
            .filter(|&k| self.tokens[k].kind == TokKind::Word)
            .count();
        let dash = next.tok_start < self.tokens.len()
            && (self.is_dash(next.tok_start) || self.is_punct(next.tok_start, '-'));
        if !q.closed || !rest_of_block || !dash || words > 12 {
            return Evidence::Absent;
        }
        self.noun_phrase_after(next.tok_start + 1, next.tok_end)
            .required(Who::Person)
            .with_cue(self.span(next.tok_start, next.tok_start + 1))
    }
}
