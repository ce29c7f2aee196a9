//! Actors: finding names, classifying them and grouping their mentions.
//!
//! [`find`] reads as the list of stages. Each is a linear pass over the
//! tokens; each reads the [`Context`] (the tokens and the facts computed
//! once per token) and adds to what the earlier stages built:
//!
//! | stage | reads | adds |
//! |---|---|---|
//! | `runs` (+ `orgs`, `persons`) | context | [`runs::Name`]s: persons and organisations in capitalised runs |
//! | `Registry::add_names` | names | actors, their keys and aliases; candidates |
//! | `datelines` | context (paragraph starts) | place actors; candidates |
//! | `groups` | context (sentences) | groups, anonymous sources, national bodies; candidates |
//! | `Claims::settle` | candidates | token owners, longest candidate first |
//! | `aliases` (+ `known`) | registry, claims | mentions of names seen before and of lexicon names |
//! | `lone_names` | context, claims | organisations from "X said" and "economist at X" |
//! | `backrefs` | registry, claims | "the president", "the ministry", "the company", kin |
//! | `sayers` | context, claims | documents, bodies and roles that speak: "the statement said", "the city said" |
//! | `learned` | context, registry, claims, model | people and organisations the rules left, decided by the name recogniser; places |
//! | `aliases` (again) | the recogniser's actors | their mentions elsewhere |
//! | `Claims::found` | registry, claims | [`Found`]: actors numbered by first mention, and places |
//!
//! Pass 1 proposes; [`Claims`] decides which proposal owns each token
//! (mentions never overlap); passes 2 to 4 only claim free tokens. The
//! rules need evidence for a name (a first name, a title, an organisation
//! word, a lexicon entry, a speech verb); what they leave, the learned
//! recogniser decides from the words and their context (pass 4).
//!
//! Two seams are plain data: the [`runs::Name`]s of pass 1 (a recogniser
//! can relabel them or add its own before `add_names`), and the
//! [`Registry`] after pass 1, which is all the alias pass reads besides
//! the context and the claims.

use super::blocks::BlockInfo;
use super::recognizer::Model;
use super::sentences::SentInfo;
use super::text::Token;
use super::{Actor, ActorId, Span};

mod aliases;
mod backrefs;
mod claims;
mod context;
mod datelines;
mod groups;
mod known;
mod learned;
mod lone_names;
mod orgs;
mod persons;
mod registry;
mod runs;
mod sayers;
pub(crate) mod words;

use claims::Claims;
use context::Context;
use registry::Registry;

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
    /// Names of places that are no actors ("in Osaka"), in text order.
    pub places: Vec<Span>,
}

/// Finds the actors of a tokenized text.
pub fn find(
    text: &str,
    tokens: &[Token],
    blocks: &[BlockInfo],
    sents: &[SentInfo],
    model: &Model,
) -> Found {
    let ctx = Context::new(text, tokens, blocks, sents);
    let (mut reg, mut claims) = rules(&ctx);

    // Pass 4: what the rules left, decided by the learned recogniser; its
    // names are then linked at their other occurrences.
    let known = reg.actors.len();
    let mut cands = Vec::new();
    let places = learned::recognise(&ctx, &mut reg, &claims, model, &mut cands);
    claims.settle_more(cands);
    learned::surnames_of_new_people(&reg, &mut claims, known);
    aliases::claim_from(&ctx, &mut reg, &mut claims, known);

    let places = learned::place_spans(&ctx, &claims, &places);
    claims.found(&ctx, &reg.actors, places)
}

/// Passes 1 to 3, the rules.
fn rules<'a>(ctx: &Context<'a>) -> (Registry<'a>, Claims) {
    let mut reg = Registry::new(ctx.lex);

    // Pass 1: names from evidence, proposed as candidates that may overlap.
    let names = runs::names(ctx);
    let mut cands = Vec::new();
    reg.add_names(ctx, &names, &mut cands);
    datelines::find(ctx, &mut reg, &mut cands);
    groups::find(ctx, &mut reg, &mut cands);
    let mut claims = Claims::settle(ctx.toks.len(), cands);

    // Pass 2: names seen before, lexicon names, lone names; free tokens only.
    aliases::claim(ctx, &mut reg, &mut claims);
    lone_names::claim(ctx, &mut reg, &mut claims);

    // Pass 3: "the president", "the ministry", "the North".
    backrefs::claim(ctx, &mut reg, &mut claims);
    // Unnamed speakers: "the joint statement said", "the city said".
    sayers::claim(ctx, &mut reg, &mut claims);
    (reg, claims)
}

/// The candidates the learned recogniser sees in a text, with their
/// features over `model`'s vocabulary: what training labels (native only,
/// for `recognizer::train`).
#[cfg(not(target_arch = "wasm32"))]
pub fn training_candidates(text: &str, model: &Model) -> Vec<(Span, Vec<u32>)> {
    let mut tokens = super::text::tokenize(text);
    let (blocks, _) = super::blocks::blocks(text, &mut tokens);
    let sents = super::sentences::sentences(text, &tokens, &blocks);
    let ctx = Context::new(text, &tokens, &blocks, &sents);
    let (reg, claims) = rules(&ctx);
    let facts = learned::Facts {
        ctx: &ctx,
        reg: &reg,
        claims: &claims,
    };
    learned::features_of(&facts, model)
}

/// A pass 2 or pass 3 stage, for the tests.
#[cfg(test)]
type Stage = for<'a> fn(&Context<'a>, &mut Registry<'a>, &mut Claims);

/// Runs pass 1, then the `earlier` stages, then `stage` on a small text:
/// what `stage` alone claimed, as (text, actor name, kind).
#[cfg(test)]
fn claimed_by(
    text: &str,
    earlier: &[Stage],
    stage: Stage,
) -> Vec<(String, String, super::ActorKind)> {
    let p = context::Parsed::new(text);
    let ctx = p.context();
    let mut reg = Registry::new(ctx.lex);
    let mut cands = Vec::new();
    reg.add_names(&ctx, &runs::names(&ctx), &mut cands);
    datelines::find(&ctx, &mut reg, &mut cands);
    groups::find(&ctx, &mut reg, &mut cands);
    let mut claims = Claims::settle(ctx.toks.len(), cands);
    for earlier in earlier {
        earlier(&ctx, &mut reg, &mut claims);
    }
    let before = claims.ments().len();
    stage(&ctx, &mut reg, &mut claims);
    // Stages only add mentions (pass 3 puts the earlier ones in text order first).
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
