//! Which actor owns each token: mentions never overlap.
//!
//! The name-finding stages propose [`Candidate`]s freely, overlapping or
//! not; [`Claims::settle`] lets the longest claim its tokens first. The
//! later passes then claim only free tokens, one mention at a time, so a
//! name found by strong evidence is never overwritten by a weaker guess.

use crate::analysis::order;
use crate::analysis::{Actor, ActorId, Span};

use super::context::Context;
use super::registry::{ActorB, NONE};
use super::{Found, Ment};

/// A proposed mention: tokens `tok_start..tok_end` name actor `actor`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub tok_start: usize,
    pub tok_end: usize,
    pub actor: usize,
}

pub struct Claims {
    /// Per token: the actor whose mention covers it, or [`NONE`].
    owner: Vec<u32>,
    /// Mentions as (first token, end token, actor), in the order claimed.
    ments: Vec<(usize, usize, usize)>,
}

impl Claims {
    /// Claims for `n_tokens` tokens from the candidates, longest first
    /// (and leftmost first among equals); a candidate overlapping one
    /// already placed is dropped.
    pub fn settle(n_tokens: usize, cands: Vec<Candidate>) -> Self {
        let mut claims = Claims {
            owner: vec![NONE; n_tokens],
            ments: Vec::new(),
        };
        claims.settle_more(cands);
        claims
    }

    /// Places more candidates the same way, on the tokens still free.
    pub fn settle_more(&mut self, mut cands: Vec<Candidate>) {
        order::sort_by_rank(&mut cands, |c| {
            order::then(
                order::descending(c.tok_end - c.tok_start),
                order::ascending(c.tok_start),
            )
        });
        for c in &cands {
            self.claim(c.tok_start, c.tok_end, c.actor);
        }
    }

    /// Gives tokens `start..end` to `actor` if all are free.
    pub fn claim(&mut self, start: usize, end: usize, actor: usize) -> bool {
        if end <= start
            || end > self.owner.len()
            || self.owner[start..end].iter().any(|&o| o != NONE)
        {
            return false;
        }
        self.owner[start..end].fill(actor as u32);
        self.ments.push((start, end, actor));
        true
    }

    /// The actor owning token `i`; `None` when it is free or past the end.
    pub fn owner(&self, i: usize) -> Option<usize> {
        match self.owner.get(i) {
            Some(&a) if a != NONE => Some(a as usize),
            _ => None,
        }
    }

    /// Token `i` exists and no mention covers it.
    pub fn is_free(&self, i: usize) -> bool {
        self.owner.get(i) == Some(&NONE)
    }

    /// Gives every mention of actor `from` to actor `to`.
    pub fn reassign(&mut self, from: usize, to: usize) {
        for m in self.ments.iter_mut().filter(|m| m.2 == from) {
            m.2 = to;
            self.owner[m.0..m.1].fill(to as u32);
        }
    }

    /// The mentions so far, as (first token, end token, actor).
    pub fn ments(&self) -> &[(usize, usize, usize)] {
        &self.ments
    }

    /// Puts the mentions so far in text order.
    pub fn order_mentions(&mut self) {
        order::sort_by_rank(&mut self.ments, |&(s, _, _)| order::ascending(s));
    }

    /// The mentioned actors in order of first mention (unmentioned ones are
    /// dropped), with their mentions in text order.
    pub fn found(mut self, ctx: &Context, actors: &[ActorB], places: Vec<Span>) -> Found {
        self.order_mentions();
        let mut new_id = vec![NONE; actors.len()];
        let mut out: Vec<Actor> = Vec::new();
        let mut out_ments = Vec::with_capacity(self.ments.len());
        for &(s, e, a) in &self.ments {
            if new_id[a] == NONE {
                new_id[a] = out.len() as u32;
                let b = &actors[a];
                out.push(Actor {
                    id: ActorId(new_id[a]),
                    name: b.name.clone(),
                    kind: b.kind,
                    mentions: Vec::new(),
                });
            }
            let id = new_id[a];
            let span = Span::new(ctx.toks[s].span().start, ctx.toks[e - 1].span().end);
            out[id as usize].mentions.push(span);
            out_ments.push(Ment {
                tok_start: s,
                tok_end: e,
                actor: ActorId(id),
            });
        }
        Found {
            actors: out,
            ments: out_ments,
            places,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::context::Parsed;
    use super::super::registry::Registry;
    use super::*;
    use crate::analysis::ActorKind;

    fn cand(tok_start: usize, tok_end: usize, actor: usize) -> Candidate {
        Candidate {
            tok_start,
            tok_end,
            actor,
        }
    }

    #[test]
    fn the_longest_candidate_claims_its_tokens_first() {
        let claims = Claims::settle(6, vec![cand(1, 2, 0), cand(0, 3, 1), cand(2, 4, 2)]);
        assert_eq!(claims.ments(), &[(0, 3, 1)]);
        assert_eq!(claims.owner(1), Some(1));
        assert_eq!(claims.owner(3), None);
        assert!(claims.is_free(3));
        assert!(!claims.is_free(6), "past the end is not free");
    }

    #[test]
    fn among_equals_the_leftmost_wins() {
        let claims = Claims::settle(4, vec![cand(2, 4, 0), cand(1, 3, 1), cand(0, 2, 2)]);
        assert_eq!(claims.ments(), &[(0, 2, 2), (2, 4, 0)]);
    }

    #[test]
    fn a_claim_fails_on_taken_or_missing_tokens() {
        let mut claims = Claims::settle(3, Vec::new());
        assert!(claims.claim(0, 2, 0));
        assert!(!claims.claim(1, 3, 1));
        assert!(!claims.claim(2, 4, 1));
        assert!(!claims.claim(2, 2, 1));
        assert!(claims.claim(2, 3, 1));
    }

    #[test]
    fn actors_are_numbered_by_first_mention_and_unmentioned_ones_dropped() {
        let p = Parsed::new("Acme hired Jane Doe.");
        let ctx = p.context();
        let mut reg = Registry::new(ctx.lex);
        reg.actor("g:nobody".into(), "nobody", ActorKind::Group);
        let jane = reg.actor("p:Jane Doe".into(), "Jane Doe", ActorKind::Person);
        let acme = reg.actor("o:acme".into(), "Acme", ActorKind::Organization);
        let mut claims = Claims::settle(ctx.toks.len(), Vec::new());
        claims.claim(2, 4, jane);
        claims.claim(0, 1, acme);
        let found = claims.found(&ctx, &reg.actors, Vec::new());
        let names: Vec<&str> = found.actors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["Acme", "Jane Doe"]);
        assert_eq!(&ctx.text[found.actors[1].mentions[0]], "Jane Doe");
        assert_eq!(found.ments[0].actor, ActorId(0));
        assert_eq!(found.ments[1].actor, ActorId(1));
    }
}
