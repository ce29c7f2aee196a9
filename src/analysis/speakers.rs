//! Who said each quote: cues after it (`," said X`, `," X said`,
//! `, according to X`, `— X`), cues before it (`X said: “`), pronouns, and
//! the speaker carried to the next quote of the same paragraph.
//!
//! A quote with no cue and nothing to carry gets no speaker: never a guess.

use super::case::lowercase;
use super::entities::Ment;
use super::lexicon;
use super::quotes::QuoteInfo;
use super::sentences::SentInfo;
use super::text::{is_double_quote, TokKind, Token};
use super::{Actor, ActorId, ActorKind, Attribution, Span};

/// A quote's speaker, the words that name it, and how it was found.
#[derive(Clone, Copy, Debug)]
pub struct Found {
    pub speaker: ActorId,
    pub cue: Option<Span>,
    pub how: Attribution,
}

/// Finds the speaker of every quote, in order; `None` where nothing names one.
pub fn speakers(
    text: &str,
    tokens: &[Token],
    sents: &[SentInfo],
    quotes: &[QuoteInfo],
    actors: &[Actor],
    ments: &[Ment],
) -> Vec<Option<Found>> {
    let cx = Cx {
        text,
        tokens,
        actors,
        ments,
        quotes,
    };
    let mut out: Vec<Option<Found>> = Vec::with_capacity(quotes.len());
    for (qi, q) in quotes.iter().enumerate() {
        let found = if q.pull {
            cx.pull_attribution(q)
        } else {
            cx.cue(qi, q, sents)
        };
        let found = found.or_else(|| {
            // The speaker of the previous quote in this paragraph, or of a
            // quote the previous paragraph left open.
            let prev = qi.checked_sub(1)?;
            let p = &quotes[prev];
            let same_block = p.block == q.block;
            let continued = !p.closed && p.block + 1 == q.block && cx.first_in_block(qi);
            if same_block || continued {
                out[prev].map(|f| Found {
                    speaker: f.speaker,
                    cue: None,
                    how: Attribution::Continued,
                })
            } else {
                None
            }
        });
        out.push(found);
    }
    out
}

fn found(speaker: ActorId, cue: Option<Span>, how: Attribution) -> Found {
    Found { speaker, cue, how }
}

struct Cx<'a> {
    text: &'a str,
    tokens: &'a [Token],
    actors: &'a [Actor],
    ments: &'a [Ment],
    quotes: &'a [QuoteInfo],
}

impl Cx<'_> {
    fn word(&self, i: usize) -> &str {
        match self.tokens.get(i) {
            Some(t) if t.kind == TokKind::Word => &self.text[t.span()],
            _ => "",
        }
    }

    fn first_tok_at(&self, byte: usize) -> usize {
        self.tokens.partition_point(|t| t.span().start < byte)
    }

    fn first_in_block(&self, qi: usize) -> bool {
        qi == 0 || self.quotes[qi - 1].block != self.quotes[qi].block
    }

    /// Mentions that start inside tokens `start..end`.
    fn ments_in(&self, start: usize, end: usize) -> &[Ment] {
        let a = self.ments.partition_point(|m| m.tok_start < start);
        let b = self.ments.partition_point(|m| m.tok_start < end);
        &self.ments[a..b.max(a)]
    }

    fn kind(&self, m: &Ment) -> ActorKind {
        self.actors[m.actor.index()].kind
    }

    /// The first person or anonymous source, else the first actor.
    fn preferred(&self, ms: &[Ment]) -> Option<Ment> {
        ms.iter()
            .find(|m| matches!(self.kind(m), ActorKind::Person | ActorKind::Anonymous))
            .or_else(|| ms.iter().find(|m| self.kind(m) != ActorKind::Place))
            .copied()
    }

    fn is_verb(&self, i: usize) -> bool {
        let w = self.word(i);
        lexicon::get().speech_verbs.contains(w)
            || (w.eq_ignore_ascii_case("according") && self.word(i + 1) == "to")
            || (w == "in"
                && self.word(i + 1) == "the"
                && self.word(i + 2) == "words"
                && self.word(i + 3) == "of")
    }

    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(
            self.tokens[start].span().start,
            self.tokens[end - 1].span().end,
        )
    }

    fn cue(&self, qi: usize, q: &QuoteInfo, sents: &[SentInfo]) -> Option<Found> {
        let open_tok = self.first_tok_at(q.outer.start);
        let close_tok = self.first_tok_at(q.outer.end);
        // After the quote, up to the end of its sentence (abbreviations
        // such as "Gov." do not end it), a semicolon or the next quote.
        let sent_end = sents
            .get(sents.partition_point(|s| s.tok_end <= close_tok))
            .map_or(close_tok, |s| s.tok_end)
            .max(close_tok);
        let limit = sent_end.min(close_tok + 40).min(self.tokens.len());
        let mut end = close_tok;
        while end < limit && !self.tokens[end].line_start {
            match self.tokens[end].kind {
                TokKind::Punct(';') => break,
                TokKind::Punct(c) if is_double_quote(c) => break,
                _ => end += 1,
            }
        }
        // `“… ended.” Jane wrote that …` starts a new sentence: a cue after
        // a quote that ends like a sentence must follow in lowercase.
        let ends_sentence = self.text[q.span].ends_with(['.', '!', '?']);
        let next_cap = self
            .word(close_tok)
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        if q.closed && !(ends_sentence && next_cap) {
            if let Some(found) = self.after(close_tok, end) {
                return Some(found);
            }
        }
        // Before the quote, from its sentence's start or the last quote.
        let sent = sents.partition_point(|s| s.tok_end <= open_tok);
        let mut start = sents
            .get(sent)
            .map_or(open_tok, |s| s.tok_start.min(open_tok));
        if let Some(prev) = qi.checked_sub(1).map(|p| &self.quotes[p]) {
            if prev.block == q.block {
                start = start.max(self.first_tok_at(prev.outer.end));
            }
        }
        if !self.first_in_block(qi) || start < open_tok {
            return self.before(start, open_tok);
        }
        // "Kerry said:" ending the previous paragraph introduces this one.
        let prev_sent = sent.checked_sub(1).and_then(|p| sents.get(p))?;
        let ends_with_colon =
            prev_sent.tok_end > 0 && self.tokens[prev_sent.tok_end - 1].is_punct(':');
        if ends_with_colon && self.tokens.get(open_tok).is_some_and(|t| t.line_start) {
            return self
                .before(prev_sent.tok_start, prev_sent.tok_end)
                .map(|f| Found {
                    how: if f.how == Attribution::Cue {
                        Attribution::Nearby
                    } else {
                        f.how
                    },
                    ..f
                });
        }
        None
    }

    /// `," said X`, `," X said`, `, according to X`, `— X`.
    fn after(&self, start: usize, end: usize) -> Option<Found> {
        let mut i = start;
        while i < end && matches!(self.tokens[i].kind, TokKind::Punct(',' | ')')) {
            i += 1;
        }
        if i < end
            && matches!(
                self.tokens[i].kind,
                TokKind::Punct('\u{2014}' | '\u{2013}' | '\u{2015}')
            )
        {
            let m = self.preferred(self.ments_in(i + 1, end))?;
            return Some(found(
                m.actor,
                Some(self.span(i, m.tok_end)),
                Attribution::Cue,
            ));
        }
        let verb = (i..end.min(i + 12)).find(|&k| self.is_verb(k))?;
        // `“legal rape” on Facebook, while Warsaw said …`: a new clause
        // with its own speaker, not this quote's attribution.
        if (i..verb).any(|k| {
            matches!(
                self.word(k),
                "while" | "whereas" | "but" | "although" | "though" | "because"
            )
        }) {
            return None;
        }
        if let Some(a) = self.pronoun(i, verb) {
            return Some(found(a, Some(self.span(i, verb + 1)), Attribution::Pronoun));
        }
        if let Some(a) = self.partitive(i, verb) {
            return Some(found(a, Some(self.span(i, verb + 1)), Attribution::Pronoun));
        }
        let before = self.preferred(self.ments_in(i, verb));
        if let Some(m) = before {
            return Some(found(
                m.actor,
                Some(self.span(i, verb + 1)),
                Attribution::Cue,
            ));
        }
        // "…,” the ministry told AFP: the one told is the listener.
        if self.word(verb) == "told" {
            return None;
        }
        let after = self.preferred(self.ments_in(verb + 1, end))?;
        Some(found(
            after.actor,
            Some(self.span(verb, after.tok_end)),
            Attribution::Cue,
        ))
    }

    /// `X said: “`, `X told the court that, …, “`, `said X: “`.
    fn before(&self, start: usize, end: usize) -> Option<Found> {
        // `Zelenskyy: “…”`: a name and a colon right before the quote.
        if end >= 2 && end > start + 1 && self.tokens[end - 1].is_punct(':') {
            let m = self
                .ments_in(start, end - 1)
                .last()
                .filter(|m| m.tok_end == end - 1);
            if let Some(m) = m.filter(|m| {
                matches!(
                    self.kind(m),
                    ActorKind::Person | ActorKind::Anonymous | ActorKind::Organization
                )
            }) {
                return Some(found(
                    m.actor,
                    Some(self.span(m.tok_start, end)),
                    Attribution::Cue,
                ));
            }
        }
        let verb = (start..end).rev().find(|&k| self.is_verb(k))?;
        if let Some(a) = self.pronoun(start, verb) {
            let cue = self.span(verb.saturating_sub(1).max(start), verb + 1);
            return Some(found(a, Some(cue), Attribution::Pronoun));
        }
        if let Some(a) = self.partitive(start, verb) {
            return Some(found(
                a,
                Some(self.span(start, verb + 1)),
                Attribution::Pronoun,
            ));
        }
        if let Some(m) = self.preferred(self.ments_in(start, verb)) {
            let cue = self.span(m.tok_start, verb + 1);
            return Some(found(m.actor, Some(cue), Attribution::Cue));
        }
        let m = self.preferred(self.ments_in(verb + 1, end))?;
        Some(found(
            m.actor,
            Some(self.span(verb, m.tok_end)),
            Attribution::Cue,
        ))
    }

    /// `he said`, `she added`, `it added`: the pronoun right before the verb
    /// (an adverb may sit between), resolved to the latest fitting actor
    /// mentioned outside quotes.
    fn pronoun(&self, start: usize, verb: usize) -> Option<ActorId> {
        let mut k = verb;
        let mut skipped = 0;
        while k > start && skipped < 2 {
            k -= 1;
            let w = lowercase(self.word(k));
            let kinds: &[ActorKind] = match w.as_str() {
                "he" | "she" => &[ActorKind::Person],
                "it" => &[ActorKind::Organization, ActorKind::Country],
                "they" => &[
                    ActorKind::Group,
                    ActorKind::Anonymous,
                    ActorKind::Organization,
                ],
                "also" | "later" | "then" | "had" | "has" | "have" | "once" | "further" => {
                    skipped += 1;
                    continue;
                }
                _ => return None,
            };
            let before = self.ments.partition_point(|m| m.tok_start < k);
            // Look back a bounded distance: a pronoun refers to someone
            // recent, and the bound keeps the pass linear.
            return self.ments[before.saturating_sub(200)..before]
                .iter()
                .rev()
                .filter(|m| !self.inside_quote(m.tok_start))
                .find(|m| kinds.contains(&self.kind(m)) && self.gender_fits(m.actor, &w))
                .map(|m| m.actor);
        }
        None
    }

    /// "One of them, who asked not to be named, said": the subject opens
    /// with "one of them" and names no one, so it is one of the unnamed
    /// sources or the group mentioned last.
    fn partitive(&self, start: usize, verb: usize) -> Option<ActorId> {
        let k = start;
        let opens = matches!(
            lowercase(self.word(k)).as_str(),
            "one" | "another" | "some" | "two" | "both" | "several" | "each" | "none"
        ) && self.word(k + 1) == "of"
            && matches!(self.word(k + 2), "them" | "those");
        if !opens || k + 3 > verb || !self.ments_in(k, verb).is_empty() {
            return None;
        }
        let before = self.ments.partition_point(|m| m.tok_start < k);
        self.ments[before.saturating_sub(200)..before]
            .iter()
            .rev()
            .filter(|m| !self.inside_quote(m.tok_start))
            .find(|m| matches!(self.kind(m), ActorKind::Anonymous | ActorKind::Group))
            .map(|m| m.actor)
    }

    /// "he" is not a person whose first name is a woman's, "she" not one
    /// whose first name is known and not a woman's.
    fn gender_fits(&self, actor: ActorId, pronoun: &str) -> bool {
        let lex = lexicon::get();
        let name = &self.actors[actor.index()].name;
        let first = name.split(' ').next().unwrap_or("");
        let last = name.rsplit(' ').next().unwrap_or("");
        let female = match last {
            "sister" | "wife" | "mother" | "daughter" | "widow" | "spokeswoman" => Some(true),
            "brother" | "husband" | "father" | "son" | "widower" | "spokesman" => Some(false),
            _ if lex.female_names.contains(first) => Some(true),
            _ if lex.first_names.contains(first) => Some(false),
            _ => None,
        };
        match pronoun {
            "he" => female != Some(true),
            "she" => female != Some(false),
            _ => true,
        }
    }

    fn inside_quote(&self, tok: usize) -> bool {
        let byte = self.tokens[tok].span().start;
        let i = self.quotes.partition_point(|q| q.outer.end <= byte);
        self.quotes
            .get(i)
            .is_some_and(|q| q.outer.start <= byte && byte < q.outer.end)
    }

    /// The named attribution after a pull quote.
    fn pull_attribution(&self, q: &QuoteInfo) -> Option<Found> {
        let start = self.first_tok_at(q.span.end);
        let mut end = start;
        while end < self.tokens.len() && (end == start || !self.tokens[end].line_start) {
            end += 1;
        }
        let m = self.preferred(self.ments_in(start, end))?;
        let cue = self.span(start.min(m.tok_start), end);
        Some(found(m.actor, Some(cue), Attribution::Cue))
    }
}
