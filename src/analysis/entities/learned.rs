//! The learned stage: capitalised runs no rule claimed, decided by the
//! name recogniser (`analysis::recognizer`).
//!
//! It runs after the rule passes, so it only sees what they could not
//! place, and before a last alias pass, which links its names at their
//! other occurrences. All occurrences of one run vote together ("one
//! sense per document"). People and organisations become actors; places
//! are names, not actors ("in Osaka" acts on nothing).
//!
//! Some runs are no names whatever the model says, and are left out of
//! its candidates (in training too): titles and the leftovers of title
//! chains, headline words (a headline capitalises every word; its names
//! are linked from the body), letters after a person's name ("QC",
//! "R-Texas"), a word describing the person named right after it
//! ("Bowler Shane Warne"), quoted titles, a bare organisation word ("the
//! Bank"), a word qualifying the title after it ("Crown Prince") and
//! "Jan." before a day.

use crate::analysis::lexicon::{flag, FastMap, Known};
use crate::analysis::recognizer::{self, DocStats, Label, Model, TokenFacts};
use crate::analysis::text::{is_all_caps, is_cap, is_double_quote, TokKind, Token};
use crate::analysis::{ActorKind, Span};

use super::claims::{Candidate, Claims};
use super::context::Context;
use super::registry::{Registry, AMBIGUOUS};

/// What the recogniser reads: the context and what the rules claimed.
pub struct Facts<'c, 'a> {
    pub ctx: &'c Context<'a>,
    pub reg: &'c Registry<'a>,
    pub claims: &'c Claims,
}

impl TokenFacts for Facts<'_, '_> {
    fn text(&self) -> &str {
        self.ctx.text
    }
    fn tokens(&self) -> &[Token] {
        self.ctx.toks
    }
    fn flags(&self, i: usize) -> u16 {
        self.ctx.flags(i)
    }
    fn known(&self, i: usize) -> Option<(u8, Known)> {
        self.ctx.known_at(i)
    }
    fn initial(&self, i: usize) -> bool {
        self.ctx.initial.get(i).copied().unwrap_or(false)
    }
    fn heading(&self, i: usize) -> bool {
        self.ctx.heading.get(i).copied().unwrap_or(false)
    }
    fn claimed(&self, i: usize) -> Option<ActorKind> {
        self.claims.owner(i).map(|a| self.reg.actors[a].kind)
    }
}

/// The runs the recogniser decides, as token ranges.
pub fn candidates(facts: &Facts) -> Vec<(usize, usize)> {
    let ctx = facts.ctx;
    let mut cands = recognizer::candidates(facts);
    cands.retain(|&(s, e)| {
        let single = e == s + 1;
        ctx.known_at(s).is_none()
            && !ctx.is_title(s)
            && !ctx.heading[s]
            && !in_title_chain(facts, s)
            && !after_person(facts, s, e)
            && !(single && facts.claimed(e) == Some(ActorKind::Person) && ctx.same_line(e))
            && !quoted(ctx, s, e)
            && !(single && ctx.is_org_word(s))
            && !(ctx.is_title(e) && ctx.same_line(e) && !(s..e).any(|k| ctx.is_org_word(k)))
            && !(single
                && ctx.is_punct(e, '.')
                && ctx.lex.abbreviations.contains(ctx.lower(s).as_ref()))
    });
    cands
}

/// Decides the candidates with `model`: people and organisations join the
/// registry as candidates for the claims; places are returned.
pub fn recognise<'a>(
    ctx: &Context<'a>,
    reg: &mut Registry<'a>,
    claims: &Claims,
    model: &Model,
    out: &mut Vec<Candidate>,
) -> Vec<(usize, usize)> {
    let facts = Facts { ctx, reg, claims };
    let cands = candidates(&facts);
    if cands.is_empty() {
        return Vec::new();
    }
    let doc = DocStats::new(&facts, &cands);
    let mut feats = Vec::new();
    let mut votes: FastMap<&'a str, ([i32; Label::COUNT], i32)> = FastMap::default();
    for &(s, e) in &cands {
        recognizer::features(&facts, model, &doc, s, e, &mut feats);
        let scores = model.scores(&feats);
        let v = votes
            .entry(ctx.span_text(s, e))
            .or_insert(([0; Label::COUNT], 0));
        for (t, x) in v.0.iter_mut().zip(scores) {
            *t += x;
        }
        v.1 += 1;
    }
    let mut places = Vec::new();
    for (s, e) in cands {
        // One sense per document: a run that already names an actor ("Kamau
        // said" made an organisation) is that actor wherever it stands.
        if let Some(a) = existing(ctx, reg, s, e) {
            out.push(Candidate {
                tok_start: s,
                tok_end: e,
                actor: a,
            });
            continue;
        }
        let label = votes
            .get(ctx.span_text(s, e))
            .map_or(Label::None, |(scores, n)| recognizer::best(scores, *n));
        let actor = match head_kind(ctx, s, e, label) {
            Label::Person => reg.person(ctx, s, e),
            Label::Organization => {
                let a = reg.org(ctx, s, e);
                // "the Pacific Islands Forum (PIF)": the short form joins it.
                if let Some(short) = super::runs::short_form(ctx, e) {
                    reg.short_forms.push((a, short));
                }
                a
            }
            Label::Place => {
                places.push((s, e));
                continue;
            }
            Label::None | Label::Other => continue,
        };
        if actor != AMBIGUOUS {
            out.push(Candidate {
                tok_start: s,
                tok_end: e,
                actor,
            });
        }
    }
    places
}

/// "Castro said" made an organisation of a lone name before the recogniser
/// found "Xiomara Castro": a one-word organisation named like the surname
/// of a person found since is that person.
pub fn surnames_of_new_people(reg: &Registry, claims: &mut Claims, known: usize) {
    // The one-word organisations of the rules, by name (the first of each),
    // so each new person costs one lookup.
    let mut lone_orgs: FastMap<&str, usize> = FastMap::default();
    for (o, a) in reg.actors.iter().enumerate().take(known) {
        if a.kind == ActorKind::Organization && a.aliases.len() == 1 && !reg.is_known_org(o) {
            lone_orgs.entry(a.name.as_str()).or_insert(o);
        }
    }
    for p in known..reg.actors.len() {
        let person = &reg.actors[p];
        let Some(words) = person.aliases.first().filter(|w| w.len() >= 2) else {
            continue;
        };
        if person.kind != ActorKind::Person {
            continue;
        }
        if let Some(&o) = lone_orgs.get(super::words::surname(words)) {
            claims.reassign(o, p);
        }
    }
}

/// The actor an earlier pass gave exactly this name, if any.
fn existing(ctx: &Context, reg: &Registry, s: usize, e: usize) -> Option<usize> {
    let text = ctx.span_text(s, e);
    let org = format!("o:{}", crate::analysis::case::lowercase(text));
    [format!("p:{text}"), org]
        .iter()
        .filter_map(|k| reg.by_key.get(k).copied())
        .find(|&a| a != AMBIGUOUS)
}

/// The training examples' candidates of a text, with their features.
#[cfg(not(target_arch = "wasm32"))]
pub fn features_of(facts: &Facts, model: &Model) -> Vec<(Span, Vec<u32>)> {
    let cands = candidates(facts);
    let doc = DocStats::new(facts, &cands);
    let toks = facts.ctx.toks;
    cands
        .into_iter()
        .map(|(s, e)| {
            let mut feats = Vec::new();
            recognizer::features(facts, model, &doc, s, e, &mut feats);
            (
                Span::new(toks[s].span().start, toks[e - 1].span().end),
                feats,
            )
        })
        .collect()
}

/// The kind a name's head word gives it, over the model's guess: names
/// end in what they name ("Udvar-Hazy Center" is a place, "Pantheon
/// Macroeconomics Group" an organisation), or open with it before "of"
/// ("University of Oxford").
fn head_kind(ctx: &Context, s: usize, e: usize, label: Label) -> Label {
    if matches!(label, Label::None | Label::Other) {
        return label;
    }
    let head = if ctx.word(s + 1) == "of" && e > s + 2 {
        s
    } else {
        e - 1
    };
    if ctx.is_org_word(head) {
        Label::Organization
    } else if ctx.has(head, flag::PLACE_WORD) {
        Label::Place
    } else if label == Label::Person
        && (s..e).any(|k| ctx.is_org_word(k) || ctx.has(k, flag::PLACE_WORD))
    {
        // A person's name holds no "Museum": the run is a longer name.
        Label::Other
    } else {
        label
    }
}

/// Letters after a person's name: "Jane Doe QC", "John Roe, MP",
/// "Sen. Cornyn (R-Texas)".
fn after_person(facts: &Facts, s: usize, e: usize) -> bool {
    let ctx = facts.ctx;
    let w = ctx.word(s);
    let letters = e == s + 1 && (is_all_caps(w) || w.contains('-'));
    let mut p = s;
    while p > 0 && (ctx.is_punct(p - 1, ',') || ctx.is_punct(p - 1, '(')) {
        p -= 1;
    }
    letters && p > 0 && facts.claimed(p - 1) == Some(ActorKind::Person)
}

/// The rest of a title chain the rules read ("Deputy Assistant Secretary
/// of State for European and Eurasian Affairs", "Secretary of Foreign
/// Affairs"): walking back over capitalised words and connectors on the
/// same line reaches a title before any claimed name.
fn in_title_chain(facts: &Facts, s: usize) -> bool {
    let ctx = facts.ctx;
    let mut k = s;
    while k > 0 && s - k < 12 && ctx.same_line(k) {
        k -= 1;
        let w = ctx.word(k);
        if facts.claimed(k).is_some() {
            return false;
        }
        if ctx.is_title(k) {
            return true;
        }
        let connector = matches!(w, "of" | "for" | "and" | "the");
        if !connector && !(ctx.toks[k].kind == TokKind::Word && is_cap(w)) {
            return false;
        }
    }
    false
}

/// A run inside a pair of quote marks that hold only capitalised words:
/// a title or a term ("“The Lord Of The Rings Returns”").
fn quoted(ctx: &Context, s: usize, e: usize) -> bool {
    let mark = |k: usize| matches!(ctx.toks.get(k).map(|t| t.kind), Some(TokKind::Punct(c)) if is_double_quote(c));
    let title_word = |k: usize| match ctx.toks[k].kind {
        TokKind::Word => is_cap(ctx.word(k)),
        TokKind::Punct(c) => !is_double_quote(c) && !matches!(c, '.' | '!' | '?'),
        TokKind::Num | TokKind::Possessive => true,
    };
    let mut left = s;
    while left > 0 && s - left < 12 && !mark(left - 1) && title_word(left - 1) {
        left -= 1;
    }
    let mut right = e;
    while right < ctx.toks.len() && right - e < 12 && !mark(right) && title_word(right) {
        right += 1;
    }
    left > 0 && mark(left - 1) && mark(right)
}

/// Places as spans: the recogniser's, and the capitals and regions of the
/// lexicon that no pass made an actor ("in Berlin"), never overlapping a
/// mention.
pub fn place_spans(ctx: &Context, claims: &Claims, learned: &[(usize, usize)]) -> Vec<Span> {
    let mut places = learned.to_vec();
    for i in 0..ctx.toks.len() {
        if let Some((len, Known::Capital(_) | Known::Place)) = ctx.known_at(i) {
            places.push((i, i + len as usize));
        }
    }
    crate::analysis::order::sort_by_rank(&mut places, |&(s, _)| {
        crate::analysis::order::ascending(s)
    });
    let mut out = Vec::new();
    let mut next_free = 0;
    for (s, e) in places {
        if s >= next_free && e <= ctx.toks.len() && (s..e).all(|k| claims.is_free(k)) {
            out.push(Span::new(
                ctx.toks[s].span().start,
                ctx.toks[e - 1].span().end,
            ));
            next_free = e;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::context::Parsed;
    use super::super::rules;
    use super::*;

    /// The runs the recogniser is asked about, after the rule passes.
    fn candidates_of(text: &str) -> Vec<String> {
        let p = Parsed::new(text);
        let ctx = p.context();
        let (reg, claims) = rules(&ctx);
        let facts = Facts {
            ctx: &ctx,
            reg: &reg,
            claims: &claims,
        };
        candidates(&facts)
            .into_iter()
            .map(|(s, e)| ctx.span_text(s, e).to_string())
            .collect()
    }

    #[test]
    fn runs_the_rules_leave_are_asked_about() {
        assert_eq!(
            candidates_of("Tea grows well near Nyeri, where Wanjiru Kamau farms."),
            ["Tea", "Nyeri", "Wanjiru Kamau"]
        );
    }

    #[test]
    fn runs_keep_particles_and_hyphens_and_leave_the_sentence_opener() {
        assert_eq!(
            candidates_of(
                "Yesterday Luiz Inácio Lula da Silva met J. K. Rowling and Leung Chun-ying."
            ),
            ["Yesterday", "Luiz Inácio Lula da Silva", "Leung Chun-ying"]
        );
        // A word opening the sentence joins no name through "of".
        assert_eq!(
            candidates_of("Shares of Rakuten fell."),
            ["Shares", "Rakuten"]
        );
    }

    #[test]
    fn titles_headlines_letters_and_quoted_titles_are_not_asked_about() {
        // The rest of a title chain, and letters after a name.
        assert!(candidates_of(
            "The Deputy Secretary of State for European and Eurasian Affairs spoke."
        )
        .is_empty());
        assert!(candidates_of("Jane Roe, QC, appealed.")
            .iter()
            .all(|c| c != "QC"));
        // A headline's words; a quoted title; a bare organisation word.
        assert!(candidates_of("Farmers Fear Late Rains\n\nIt rained.").is_empty());
        assert!(candidates_of("They sang \u{201c}Clean Rivers Now\u{201d} twice.").is_empty());
        assert!(candidates_of("The Bank will decide.").is_empty());
    }

    #[test]
    fn the_head_word_gives_the_kind() {
        let p = Parsed::new("Kenyatta Museum and Kamau Holdings Group");
        let ctx = p.context();
        assert_eq!(head_kind(&ctx, 0, 2, Label::Person), Label::Place);
        assert_eq!(head_kind(&ctx, 3, 6, Label::Person), Label::Organization);
        assert_eq!(head_kind(&ctx, 0, 1, Label::Other), Label::Other);
    }
}
