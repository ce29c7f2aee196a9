//! Pass 2: every later occurrence of a name seen before joins its actor.
//!
//! The registry's actors give the alias table: each person's names and
//! (when it names only them) surname, each organisation's names, its
//! brand-like first word ("NuScale" for "NuScale Power LLC"), its name
//! without a legal suffix ("Acme" for "Acme Corporation"), its short form
//! in brackets, and the initials of its long names ("USTDA"). One scan
//! over the free tokens then claims, at each capitalised word, the longest
//! alias starting there, else a lexicon name (`known.rs`), else initials.

use crate::analysis::case::uppercase;
use crate::analysis::lexicon::{flag, FastMap};
use crate::analysis::order;
use crate::analysis::text::{is_all_caps, is_cap, TokKind};
use crate::analysis::ActorKind;

use super::claims::Claims;
use super::context::Context;
use super::known;
use super::registry::Registry;
use super::words::{is_corporate_suffix, surname};

/// Claims the aliases, lexicon names and initials among the free tokens.
pub fn claim(ctx: &Context, reg: &mut Registry, claims: &mut Claims) {
    claim_from(ctx, reg, claims, 0);
}

/// [`claim`] with the aliases of actors `from..` only: the names a later
/// stage added.
pub fn claim_from(ctx: &Context, reg: &mut Registry, claims: &mut Claims, from: usize) {
    let aliases = Aliases::new(ctx, reg, from);
    let n = ctx.toks.len();
    let mut i = 0;
    while i < n {
        if claims.owner(i).is_some() || ctx.toks[i].kind != TokKind::Word {
            i += 1;
            continue;
        }
        let w = ctx.word(i);
        if !w.as_bytes()[0].is_ascii_uppercase() && !is_cap(w) {
            i += 1;
            continue;
        }
        // A person's surname is a name only when capitalised as one.
        if let Some((len, a)) = aliases.at(ctx, i) {
            if claims.claim(i, i + len, a) {
                i += len;
                continue;
            }
        }
        if let Some((len, what)) = ctx.known_at(i) {
            let len = len as usize;
            if known::claim(ctx, reg, claims, i, len, what) {
                i += len;
                continue;
            }
        }
        if is_all_caps(w) && w.len() >= 3 {
            if let Some(&a) = aliases.initials.get(w) {
                claims.claim(i, i + 1, a);
            }
        }
        i += 1;
    }
}

/// The names of the actors found so far.
struct Aliases {
    /// By first word: word sequences and their actor, longest first.
    by_first: FastMap<String, Vec<(Vec<String>, usize)>>,
    /// Initials of organisation names of three or more words, with and
    /// without their function words ("USTDA", "NATO").
    initials: FastMap<String, usize>,
}

impl Aliases {
    fn new(ctx: &Context, reg: &Registry, from: usize) -> Self {
        let mut table = Aliases {
            by_first: FastMap::default(),
            initials: FastMap::default(),
        };
        // Short forms of organisations: "(KCNA)".
        for &(a, short) in reg.short_forms.iter().filter(|(a, _)| *a >= from) {
            table.add(vec![ctx.word(short).to_string()], a);
        }
        for (a, actor) in reg.actors.iter().enumerate().skip(from) {
            match actor.kind {
                ActorKind::Person => {
                    for words in &actor.aliases {
                        table.add(words.clone(), a);
                        if let Some(surname) = Some(surname(words)).filter(|s| !s.is_empty()) {
                            if words.len() > 1
                                && reg.by_key.get(&format!("p:{surname}")) == Some(&a)
                            {
                                table.add(vec![surname.to_string()], a);
                            }
                        }
                    }
                }
                ActorKind::Organization => {
                    for words in &actor.aliases {
                        table.add_org(ctx, words, a);
                    }
                }
                _ => {}
            }
        }
        for entries in table.by_first.values_mut() {
            order::sort_by_rank(entries, |(w, _)| order::descending(w.len()));
        }
        table
    }

    fn add(&mut self, words: Vec<String>, a: usize) {
        if let Some(first) = words.first() {
            self.by_first
                .entry(first.clone())
                .or_default()
                .push((words, a));
        }
    }

    /// An organisation's name and the shorter forms it goes by.
    fn add_org(&mut self, ctx: &Context, words: &[String], a: usize) {
        self.add(words.to_vec(), a);
        // "NuScale Power LLC" is also "NuScale".
        let first = &words[0];
        let inner_cap =
            first.chars().skip(1).any(char::is_uppercase) && first.chars().any(char::is_lowercase);
        if words.len() > 1 && inner_cap {
            self.add(vec![first.clone()], a);
        }
        // "Acme Corporation" is also "Acme": a company is named without
        // its legal suffix.
        if let Some((last, stem)) = words.split_last() {
            let plain_stem = stem.first().is_some_and(|w| {
                is_cap(w)
                    && !ctx.lex.common_capitalized.contains(w.as_str())
                    && ctx
                        .lex
                        .flags
                        .get(w.as_str())
                        .is_none_or(|f| f & (flag::KNOWN | flag::ORG_WORD | flag::TITLE) == 0)
            });
            if is_corporate_suffix(last) && plain_stem && stem.iter().all(|w| is_cap(w)) {
                self.add(stem.to_vec(), a);
            }
        }
        if words.len() >= 3 {
            let mut with_fn = String::new();
            let mut without_fn = String::new();
            for w in words {
                let letters: String = w.chars().filter(|c| c.is_uppercase()).collect();
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
            self.initials.entry(without_fn).or_insert(a);
            self.initials.entry(with_fn).or_insert(a);
        }
    }

    /// The longest alias starting at token `i` (on one line): its length
    /// in tokens and its actor.
    fn at(&self, ctx: &Context, i: usize) -> Option<(usize, usize)> {
        let entries = self.by_first.get(ctx.word(i))?;
        let (words, a) = entries.iter().find(|(words, _)| {
            words
                .iter()
                .enumerate()
                .all(|(k, x)| ctx.word(i + k) == x && (k == 0 || ctx.same_line(i + k)))
        })?;
        Some((words.len(), *a))
    }
}

#[cfg(test)]
mod tests {
    use super::super::claimed_by;
    use super::*;

    fn mention(text: &str, name: &str, kind: ActorKind) -> (String, String, ActorKind) {
        (text.to_string(), name.to_string(), kind)
    }

    #[test]
    fn a_surname_later_joins_the_person() {
        assert_eq!(
            claimed_by("Maria Lopez spoke first. Then Lopez left.", &[], claim),
            [mention("Lopez", "Maria Lopez", ActorKind::Person)]
        );
    }

    #[test]
    fn a_surname_in_lowercase_is_no_name() {
        assert!(claimed_by("Maria Lopez spoke. A lopez is no name.", &[], claim).is_empty());
    }

    #[test]
    fn a_shared_surname_names_neither_person() {
        assert!(claimed_by("Maria Lopez met Paul Lopez. Lopez left.", &[], claim).is_empty());
    }

    #[test]
    fn a_company_is_named_without_its_legal_suffix_or_by_its_brand() {
        assert_eq!(
            claimed_by("Kestrel Corporation grew. Kestrel said so.", &[], claim),
            [mention(
                "Kestrel",
                "Kestrel Corporation",
                ActorKind::Organization
            )]
        );
        assert_eq!(
            claimed_by("NuScale Power LLC grew. Then NuScale hired.", &[], claim),
            [mention(
                "NuScale",
                "NuScale Power LLC",
                ActorKind::Organization
            )]
        );
    }

    #[test]
    fn short_forms_and_initials_name_the_organisation() {
        // The short form in brackets is a mention too.
        let kea = mention("KEA", "Kestrel Energy Agency", ActorKind::Organization);
        assert_eq!(
            claimed_by(
                "The Kestrel Energy Agency (KEA) met. KEA said no.",
                &[],
                claim
            ),
            [kea.clone(), kea]
        );
        assert_eq!(
            claimed_by(
                "The Kestrel Trade and Development Agency met. KTDA agreed.",
                &[],
                claim
            ),
            [mention(
                "KTDA",
                "Kestrel Trade and Development Agency",
                ActorKind::Organization
            )]
        );
    }

    #[test]
    fn lexicon_names_are_claimed_in_the_same_scan() {
        assert_eq!(
            claimed_by("Officials in Germany agreed.", &[], claim),
            [mention("Germany", "Germany", ActorKind::Country)]
        );
    }
}
