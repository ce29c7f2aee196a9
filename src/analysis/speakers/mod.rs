//! Who said each quote, by an explicit order of evidence:
//!
//! 1. a cue in the quote's own sentence ([`cues`]): after it (`," said X`,
//!    `," X said`, `, according to X`, `— X`), before it (`X said: "`,
//!    `X told the court that "`), or on the line under a pull quote;
//! 2. a cue in the sentence just before a quote that opens its sentence: a
//!    lead-in ending with a colon, or reported speech (`X issued a
//!    statement …`, `X said …`);
//! 3. the quote chain: the previous quote's speaker, when nothing between
//!    the two quotes gives the turn to anyone else.
//!
//! Pronouns (`she said`) are resolved by salience ([`pronouns`]).
//!
//! An attribution whose speaker is no actor (a document, a body, a name the
//! entity stage missed) is *unresolved*: the quote gets no speaker, and the
//! weaker evidence is not consulted, so a quote is never handed to the
//! previous speaker or to another actor nearby instead.

mod cues;
mod pronouns;

use std::cell::{Cell, RefCell};

use super::blocks::BlockInfo;
use super::entities::Ment;
use super::quotes::QuoteInfo;
use super::sentences::SentInfo;
use super::text::{TokKind, Token};
use super::{Actor, ActorId, ActorKind, Attribution, BlockKind, Span};

/// A quote's speaker, the words that name it, and how it was found.
#[derive(Clone, Copy, Debug)]
pub struct Found {
    pub speaker: ActorId,
    pub cue: Option<Span>,
    pub how: Attribution,
}

/// Finds the speaker of every quote, in order; `None` where nothing names one
/// or the attribution names no actor.
pub fn speakers(
    text: &str,
    tokens: &[Token],
    blocks: &[BlockInfo],
    sents: &[SentInfo],
    quotes: &[QuoteInfo],
    actors: &[Actor],
    ments: &[Ment],
) -> Vec<Option<Found>> {
    let cx = Cx {
        text,
        tokens,
        blocks,
        sents,
        quotes,
        actors,
        ments,
        gender: RefCell::new(pronouns::genders(text, tokens, actors, ments)),
        spoken: RefCell::new(Vec::with_capacity(quotes.len())),
        resolving: Cell::new(false),
    };
    for qi in 0..quotes.len() {
        let found = cx
            .own_sentence(qi)
            .or_else(|| cx.neighbour(qi))
            .or_else(|| cx.chain(qi))
            .found();
        cx.spoken.borrow_mut().push(found);
    }
    cx.spoken.into_inner()
}

/// What one piece of evidence says about a quote's speaker.
#[derive(Clone, Copy, Debug)]
enum Evidence {
    Speaker(Found),
    /// An attribution whose speaker is not an actor: the quote gets no
    /// speaker, and weaker evidence is not consulted.
    Unresolved(Who),
    /// No attribution here: look at the next kind of evidence.
    Absent,
}

/// What an unresolved attribution seems to name; it decides which
/// pronouns the unresolved speaker can stand behind (see [`pronouns`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    /// A role or a name: "the head of a lobby", "Pekka Pesonen".
    Person,
    /// A document or a body: "the joint statement", "the city".
    Thing,
}

impl Evidence {
    fn or_else(self, next: impl FnOnce() -> Evidence) -> Evidence {
        match self {
            Evidence::Absent => next(),
            decided => decided,
        }
    }

    fn found(self) -> Option<Found> {
        match self {
            Evidence::Speaker(f) => Some(f),
            _ => None,
        }
    }

    /// The same evidence, seen from a neighbouring sentence.
    fn nearby(self) -> Evidence {
        match self {
            Evidence::Speaker(f) if f.how == Attribution::Cue => Evidence::Speaker(Found {
                how: Attribution::Nearby,
                ..f
            }),
            other => other,
        }
    }

    /// An attribution was there: if it gave nothing, it is unresolved.
    fn required(self, who: Who) -> Evidence {
        match self {
            Evidence::Absent => Evidence::Unresolved(who),
            decided => decided,
        }
    }

    /// Widens the cue of a found speaker to cover `span` too.
    fn with_cue(self, span: Span) -> Evidence {
        match self {
            Evidence::Speaker(f) => Evidence::Speaker(Found {
                cue: Some(f.cue.map_or(span, |c| {
                    Span::new(c.start.min(span.start), c.end.max(span.end))
                })),
                ..f
            }),
            other => other,
        }
    }
}

fn speaker(actor: ActorId, cue: Span, how: Attribution) -> Evidence {
    Evidence::Speaker(Found {
        speaker: actor,
        cue: Some(cue),
        how,
    })
}

struct Cx<'a> {
    text: &'a str,
    tokens: &'a [Token],
    blocks: &'a [BlockInfo],
    sents: &'a [SentInfo],
    quotes: &'a [QuoteInfo],
    actors: &'a [Actor],
    ments: &'a [Ment],
    /// Per actor: `Some(true)` a woman, `Some(false)` a man, as far as the
    /// article tells; pronouns resolved along the way add to it.
    gender: RefCell<Vec<Option<bool>>>,
    /// The speakers found so far, one per earlier quote.
    spoken: RefCell<Vec<Option<Found>>>,
    /// A pronoun is being resolved (earlier sentences' pronouns are then
    /// not resolved in turn, which keeps the pass linear).
    resolving: Cell<bool>,
}

impl Cx<'_> {
    fn word(&self, i: usize) -> &str {
        match self.tokens.get(i) {
            Some(t) if t.kind == TokKind::Word => &self.text[t.span()],
            _ => "",
        }
    }

    fn is_punct(&self, i: usize, c: char) -> bool {
        self.tokens.get(i).is_some_and(|t| t.is_punct(c))
    }

    fn first_tok_at(&self, byte: usize) -> usize {
        self.tokens.partition_point(|t| t.span().start < byte)
    }

    /// The index of the sentence holding token `tok` (or the next one).
    fn sent_of(&self, tok: usize) -> usize {
        self.sents.partition_point(|s| s.tok_end <= tok)
    }

    /// The index of the block holding token `tok` (or the next one).
    fn block_of(&self, tok: usize) -> usize {
        self.blocks.partition_point(|b| b.tok_end <= tok)
    }

    /// The mention that covers token `tok`.
    fn covering(&self, tok: usize) -> Option<Ment> {
        let i = self.ments.partition_point(|m| m.tok_start <= tok);
        let m = self.ments.get(i.checked_sub(1)?)?;
        (tok < m.tok_end).then_some(*m)
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

    fn span(&self, start: usize, end: usize) -> Span {
        let end = end.max(start + 1).min(self.tokens.len());
        Span::new(
            self.tokens[start.min(end - 1)].span().start,
            self.tokens[end - 1].span().end,
        )
    }

    fn inside_quote(&self, tok: usize) -> bool {
        let byte = self.tokens[tok].span().start;
        let i = self.quotes.partition_point(|q| q.outer.end <= byte);
        self.quotes
            .get(i)
            .is_some_and(|q| q.outer.start <= byte && byte < q.outer.end)
    }

    /// Evidence 1: a cue in the quote's own sentence, or under a pull quote.
    fn own_sentence(&self, qi: usize) -> Evidence {
        let q = &self.quotes[qi];
        if q.pull {
            return self.pull_attribution(q);
        }
        let open_tok = self.first_tok_at(q.outer.start);
        let close_tok = self.first_tok_at(q.outer.end);
        // `“… ended.” Jane wrote that …` starts a new sentence: a cue after
        // a quote that ends like a sentence must follow in lowercase.
        let ends_sentence = self.text[q.span].ends_with(['.', '!', '?']);
        let next_cap = self
            .word(close_tok)
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        let after = if q.closed && !(ends_sentence && next_cap) {
            self.after(close_tok, self.after_end(close_tok))
        } else {
            Evidence::Absent
        };
        after
            .or_else(|| {
                // Before the quote, from its sentence's start or the last
                // quote of the paragraph.
                let sent = self.sent_of(open_tok);
                let mut start = self
                    .sents
                    .get(sent)
                    .map_or(open_tok, |s| s.tok_start.min(open_tok));
                if let Some(prev) = qi.checked_sub(1).map(|p| &self.quotes[p]) {
                    if prev.end_block == q.block {
                        start = start.max(self.first_tok_at(prev.outer.end));
                    }
                }
                self.before(start, open_tok)
            })
            .or_else(|| self.next_line(q, close_tok))
    }

    /// Where a cue after the quote can end: its sentence's end (abbreviations
    /// such as "Gov." do not end it), a semicolon, the next quote or line.
    fn after_end(&self, close_tok: usize) -> usize {
        let sent_end = self
            .sents
            .get(self.sent_of(close_tok))
            .map_or(close_tok, |s| s.tok_end)
            .max(close_tok);
        let limit = sent_end.min(close_tok + 40).min(self.tokens.len());
        let mut end = close_tok;
        while end < limit && !self.tokens[end].line_start {
            match self.tokens[end].kind {
                TokKind::Punct(';') => break,
                TokKind::Punct(c) if super::text::is_double_quote(c) => break,
                _ => end += 1,
            }
        }
        end
    }

    /// Evidence 2: a cue in the sentence before a quote that opens its
    /// sentence: a lead-in ending with a colon, or reported speech.
    fn neighbour(&self, qi: usize) -> Evidence {
        let q = &self.quotes[qi];
        let open_tok = self.first_tok_at(q.outer.start);
        let s = self.sent_of(open_tok);
        let Some(sent) = self.sents.get(s) else {
            return Evidence::Absent;
        };
        let opens_sentence =
            (sent.tok_start..open_tok).all(|k| self.tokens[k].kind != TokKind::Word);
        if !opens_sentence || s == 0 {
            return Evidence::Absent;
        }
        let prev = &self.sents[s - 1];
        // The sentence just before, in this paragraph or ending the last
        // one (not a headline: it paraphrases).
        let prev_block = self.block_of(prev.tok_start);
        if prev_block + 1 < self.block_of(sent.tok_start)
            || self
                .blocks
                .get(prev_block)
                .is_none_or(|b| b.kind != BlockKind::Paragraph)
        {
            return Evidence::Absent;
        }
        // A sentence with quotes of its own hands over by the quote chain.
        let quoted = self.quotes[..qi]
            .iter()
            .rev()
            .take_while(|p| p.outer.end > prev.span.start)
            .any(|p| p.outer.start < prev.span.end);
        if quoted || prev.tok_end == 0 {
            return Evidence::Absent;
        }
        if self.is_punct(prev.tok_end - 1, ':') {
            return self.before(prev.tok_start, prev.tok_end).nearby();
        }
        self.reported_speech(prev).nearby()
    }

    /// The speaker of a sentence of reported speech: the subject of its
    /// first verb of saying.
    fn reported_speech(&self, sent: &SentInfo) -> Evidence {
        let end = sent.tok_end.min(sent.tok_start + 300);
        let Some((verb, act)) = (sent.tok_start..end)
            .filter(|&k| !self.inside_quote(k))
            .find_map(|k| self.act(k).map(|a| (k, a)))
        else {
            return Evidence::Absent;
        };
        self.attribution_at(sent.tok_start, verb, act, sent.tok_end)
    }

    /// Evidence 3: the previous quote's speaker, when this quote continues
    /// the turn: in the same paragraph with nothing between the two
    /// sentences that names anyone else or attributes anything, or opening
    /// the next paragraph right after a paragraph that ended with that quote.
    fn chain(&self, qi: usize) -> Evidence {
        let Some(p) = qi.checked_sub(1) else {
            return Evidence::Absent;
        };
        let Some(prev) = self.spoken.borrow()[p] else {
            return Evidence::Absent;
        };
        let (pq, q) = (&self.quotes[p], &self.quotes[qi]);
        let close_tok = self.first_tok_at(pq.outer.end);
        let open_tok = self.first_tok_at(q.outer.start);
        let prev_sent_end = self
            .sents
            .get(self.sent_of(close_tok.saturating_sub(1)))
            .map_or(close_tok, |s| s.tok_end.max(close_tok));
        let continues = if pq.end_block == q.block {
            let gap = prev_sent_end.min(open_tok)..open_tok;
            !gap.clone().any(|k| self.act(k).is_some())
                && self.ments_in(gap.start, gap.end).iter().all(|m| {
                    m.actor == prev.speaker
                        || matches!(self.kind(m), ActorKind::Place | ActorKind::Country)
                        || self.inside_quote(m.tok_start)
                })
        } else {
            let block = &self.blocks[q.block];
            pq.end_block + 1 == q.block
                && open_tok == block.tok_start
                && prev_sent_end >= self.blocks[pq.end_block].tok_end
        };
        if !continues {
            return Evidence::Absent;
        }
        Evidence::Speaker(Found {
            speaker: prev.speaker,
            cue: None,
            how: Attribution::Continued,
        })
    }
}
