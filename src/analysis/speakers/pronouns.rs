//! Pronoun speakers (`she said`, `it added`) resolved by salience, and the
//! gender of people as the article tells it.
//!
//! The antecedent is looked for in the pronoun's own sentence, then in up
//! to four sentences before it in its paragraph, or, from a paragraph's
//! first sentence, in the paragraph before. In
//! each earlier sentence its speaker (of its quotes, or the subject of its
//! reported speech, appositions included) comes first, then the actors it
//! names in text order, the subject before the object. A sentence whose
//! speaker is a person the engine does not know ("Its secretary-general,
//! Pekka Pesonen, warned …" with the name missed) stops the search: the
//! pronoun most likely means that person, so the quote gets no speaker
//! rather than someone named earlier.
//!
//! "he" and "she" take a person whose gender fits: from a title ("Mr",
//! "Ms"), a kin or role word ("his wife", "spokeswoman"), an earlier
//! pronoun resolved to the same person, and last from first-name lists.

use super::{Cx, Evidence, SentInfo, Who};
use crate::analysis::case::lowercase;
use crate::analysis::entities::Ment;
use crate::analysis::lexicon;
use crate::analysis::text::{is_cap, TokKind, Token};
use crate::analysis::{Actor, ActorId, ActorKind, Attribution};

/// Sentences looked at before the pronoun's own.
const SENTENCES_BACK: usize = 4;
/// Actors looked at per sentence (keeps the pass linear).
const PER_SENTENCE: usize = 40;

const FEMALE: &[&str] = &[
    "actress",
    "aunt",
    "businesswoman",
    "chairwoman",
    "congresswoman",
    "councilwoman",
    "dame",
    "daughter",
    "duchess",
    "girlfriend",
    "granddaughter",
    "grandmother",
    "lady",
    "madam",
    "madame",
    "miss",
    "mme",
    "mother",
    "mrs",
    "ms",
    "niece",
    "princess",
    "queen",
    "sister",
    "spokeswoman",
    "widow",
    "wife",
    "woman",
];

const MALE: &[&str] = &[
    "boyfriend",
    "brother",
    "businessman",
    "chairman",
    "congressman",
    "councilman",
    "duke",
    "father",
    "grandfather",
    "grandson",
    "husband",
    "king",
    "lord",
    "man",
    "mr",
    "nephew",
    "prince",
    "sir",
    "son",
    "spokesman",
    "uncle",
    "widower",
];

impl Cx<'_> {
    /// A speaker named by the pronoun at `tok`, or `None` if the word is no
    /// subject pronoun.
    pub(super) fn pronoun(&self, tok: usize) -> Option<Evidence> {
        let pronoun = lowercase(self.word(tok));
        let kinds: &[ActorKind] = match pronoun.as_str() {
            "he" | "she" => &[ActorKind::Person, ActorKind::Anonymous],
            "it" => &[ActorKind::Organization, ActorKind::Country],
            "they" => &[
                ActorKind::Group,
                ActorKind::Anonymous,
                ActorKind::Organization,
            ],
            _ => return None,
        };
        if self.resolving.get() {
            // Looking for an earlier sentence's speaker while resolving
            // another pronoun: its own pronoun adds nothing.
            return Some(Evidence::Absent);
        }
        self.resolving.set(true);
        let ev = self.resolve(tok, &pronoun, kinds);
        self.resolving.set(false);
        Some(ev)
    }

    fn resolve(&self, tok: usize, pronoun: &str, kinds: &[ActorKind]) -> Evidence {
        let cue = self.span(tok, tok + 1);
        let blocks = |who: Who| match pronoun {
            "he" | "she" => who == Who::Person,
            "it" => who == Who::Thing,
            _ => true,
        };
        let mut s = self.sent_of(tok);
        let mut paragraph_breaks = 0;
        for step in 0..=SENTENCES_BACK {
            let Some(sent) = self.sents.get(s) else {
                break;
            };
            let upto = if step == 0 { tok } else { sent.tok_end };
            let mut candidates: Vec<ActorId> = Vec::new();
            if step > 0 {
                match self.sentence_speaker(sent) {
                    Evidence::Speaker(f) => candidates.push(f.speaker),
                    Evidence::Unresolved(who) if blocks(who) => {
                        return Evidence::Unresolved(who);
                    }
                    _ if pronoun != "it" && self.opens_with_missed_name(sent) => {
                        return Evidence::Unresolved(Who::Person);
                    }
                    _ => {}
                }
            }
            let ments: Vec<&Ment> = self
                .ments_in(sent.tok_start, upto)
                .iter()
                .filter(|m| !self.inside_quote(m.tok_start))
                .take(PER_SENTENCE)
                .collect();
            // "he met John Edleston": the same pronoun as the subject, so
            // the actors named after it are its objects, and the pronoun
            // goes on meaning whoever it meant before.
            let first_fit = ments
                .iter()
                .find(|m| kinds.contains(&self.kind(m)))
                .map_or(upto, |m| m.tok_start);
            let same_pronoun_first = pronoun != "it"
                && (sent.tok_start..first_fit.min(sent.tok_start + 60))
                    .any(|k| lowercase(self.word(k)) == pronoun && !self.inside_quote(k));
            if !same_pronoun_first {
                candidates.extend(ments.iter().map(|m| m.actor));
            }
            let fit = candidates.into_iter().find(|&a| {
                kinds.contains(&self.actors[a.index()].kind) && self.gender_fits(a, pronoun)
            });
            if let Some(actor) = fit {
                self.learn_gender(actor, pronoun);
                return super::speaker(actor, cue, Attribution::Pronoun);
            }
            if s == 0 {
                break;
            }
            // The paragraph before is looked at only from the first
            // sentence of the pronoun's own paragraph.
            if self.tokens[sent.tok_start].line_start {
                paragraph_breaks += 1;
                if paragraph_breaks > 1 || step > 0 {
                    break;
                }
            }
            s -= 1;
        }
        Evidence::Unresolved(Who::Person)
    }

    /// The speaker a sentence is about: of its quotes, else of its
    /// reported speech.
    fn sentence_speaker(&self, sent: &SentInfo) -> Evidence {
        let spoken = self.spoken.borrow();
        let first = self
            .quotes
            .partition_point(|q| q.outer.end <= sent.span.start);
        let quoted = (first..spoken.len().min(first + 8))
            .take_while(|&i| self.quotes[i].outer.start < sent.span.end)
            .find_map(|i| spoken[i]);
        drop(spoken);
        match quoted {
            Some(f) => Evidence::Speaker(f),
            None => self.reported_speech(sent),
        }
    }

    /// "Pekka Pesonen visited the farm.": two capitalised words that open
    /// the sentence, are no actor's name and no title of one.
    fn opens_with_missed_name(&self, sent: &SentInfo) -> bool {
        let lex = lexicon::get();
        let k = sent.tok_start;
        let end = sent.tok_end.min(k + 4);
        let name = |i: usize| {
            let w = self.word(i);
            i < end
                && is_cap(w)
                && !lex.titles.contains(w)
                && !lex.common_capitalized.contains(w)
                && !lex.months_days.contains(w)
        };
        name(k) && name(k + 1) && self.ments_in(k, end).is_empty()
    }

    fn gender_fits(&self, actor: ActorId, pronoun: &str) -> bool {
        let female = self.gender.borrow()[actor.index()];
        match pronoun {
            "he" => female != Some(true),
            "she" => female != Some(false),
            _ => true,
        }
    }

    /// "he said" resolved to someone of unknown gender tells it.
    fn learn_gender(&self, actor: ActorId, pronoun: &str) {
        let mut gender = self.gender.borrow_mut();
        let g = &mut gender[actor.index()];
        if g.is_none() {
            *g = match pronoun {
                "he" => Some(false),
                "she" => Some(true),
                _ => None,
            };
        }
    }
}

/// Each person's gender as far as the article tells it: a title or kin
/// word at any mention ("Mr. Tedeschi", "his wife Manju Sam", ", a
/// spokeswoman for …"), else the first-name lists.
pub(super) fn genders(
    text: &str,
    tokens: &[Token],
    actors: &[Actor],
    ments: &[Ment],
) -> Vec<Option<bool>> {
    let mut out: Vec<Option<bool>> = vec![None; actors.len()];
    let word = |i: usize| -> String {
        match tokens.get(i) {
            Some(t) if t.kind == TokKind::Word => lowercase(&text[t.span()]),
            _ => String::new(),
        }
    };
    let gendered = |w: &str| {
        if FEMALE.contains(&w) {
            Some(true)
        } else if MALE.contains(&w) {
            Some(false)
        } else {
            None
        }
    };
    for m in ments {
        let a = m.actor.index();
        if out[a].is_some() || actors[a].kind != ActorKind::Person {
            continue;
        }
        // A title or kin word just before the name ("Mr. Smith", "his
        // wife Manju"), inside it, or in an apposition after it (", a
        // spokeswoman for …", not ", whose wife …").
        let dot = m.tok_start > 0 && tokens[m.tok_start - 1].is_punct('.');
        let before = m.tok_start.saturating_sub(1 + usize::from(dot))..m.tok_start;
        let inside = m.tok_start..m.tok_end.min(m.tok_start + 8);
        let relative = matches!(word(m.tok_end + 1).as_str(), "who" | "whose" | "which");
        let apposition = tokens
            .get(m.tok_end)
            .filter(|t| t.is_punct(',') && !relative)
            .map_or(0..0, |_| m.tok_end + 1..m.tok_end + 4);
        out[a] = before
            .chain(inside)
            .chain(apposition)
            .find_map(|i| gendered(&word(i)));
    }
    let lex = lexicon::get();
    for (a, actor) in actors.iter().enumerate() {
        if out[a].is_some() || actor.kind != ActorKind::Person {
            continue;
        }
        let first = actor.name.split(' ').next().unwrap_or("");
        out[a] = if lex.female_names.contains(first) {
            Some(true)
        } else if lex.first_names.contains(first) {
            Some(false)
        } else {
            None
        };
    }
    out
}
