//! The actors being built, and the keys that find them again.
//!
//! Every stage that names an actor comes here: a key ("p:Doe" for a
//! person's surname, "o:nato" for an organisation, "c:12" for a lexicon
//! country, "t:president" for the one person holding a title) leads to the
//! actor, so a surname, an acronym or "the president" later in the text
//! joins the actor an earlier, fuller name created. A key two people claim
//! (two Smiths) is [`AMBIGUOUS`] and names neither.
//!
//! The alias and back-reference passes read what the name-finding stages
//! left here: each actor's kind, its aliases (the word sequences that name
//! it), its title and country, and the short forms given in brackets.

use crate::analysis::case::lowercase;
use crate::analysis::lexicon::{FastMap, Known, Lexicon};
use crate::analysis::text::TokKind;
use crate::analysis::ActorKind;

use super::claims::Candidate;
use super::context::Context;
use super::runs::{Name, NameKind};
use super::words::surname;

/// A key two actors claim: it names neither alone. Also what
/// [`Registry::person`] returns for a bare surname two people share.
pub const AMBIGUOUS: usize = usize::MAX;

/// No actor: in the per-token owners and the lexicon actor caches.
pub const NONE: u32 = u32::MAX;

/// An actor while the stages build it.
pub struct ActorB {
    pub name: String,
    pub kind: ActorKind,
    /// Word sequences that name this actor anywhere in the text.
    pub aliases: Vec<Vec<String>>,
    /// For a person introduced as "Ukrainian President X": the country and
    /// the lowercase title head ("president").
    pub descriptor: Option<(u32, String)>,
}

/// The actors in order of creation (an actor's index is its identity until
/// [`super::claims::Claims::found`] numbers them by first mention).
pub struct Registry<'a> {
    pub actors: Vec<ActorB>,
    pub by_key: FastMap<String, usize>,
    /// Org actors with an explicit short form: "(NATO)", "(“NuScale”)",
    /// with the token of the short form.
    pub short_forms: Vec<(usize, usize)>,
    /// Actors of names already seen, by their text: repeated names skip
    /// building keys (most names in an article recur).
    person_cache: FastMap<&'a str, usize>,
    org_cache: FastMap<&'a str, usize>,
    /// Actor of each lexicon country and organisation, once created.
    country_actor: Vec<u32>,
    org_actor: Vec<u32>,
}

impl<'a> Registry<'a> {
    pub fn new(lex: &Lexicon) -> Self {
        Registry {
            actors: Vec::new(),
            by_key: FastMap::default(),
            short_forms: Vec::new(),
            person_cache: FastMap::default(),
            org_cache: FastMap::default(),
            country_actor: vec![NONE; lex.countries.len()],
            org_actor: vec![NONE; lex.orgs.len()],
        }
    }

    /// The actor of `key`, created with `name` and `kind` if there is none.
    /// A person keeps the longest name given.
    pub fn actor(&mut self, key: String, name: &str, kind: ActorKind) -> usize {
        // A name wrapped over two lines (a soft break) is the same name.
        let key = crate::analysis::blocks::one_line(key);
        let name = crate::analysis::blocks::one_line(name.to_string());
        let name = name.as_str();
        if let Some(&a) = self.by_key.get(&key) {
            if name.len() > self.actors[a].name.len() && kind == ActorKind::Person {
                self.actors[a].name = name.to_string();
            }
            return a;
        }
        let a = self.actors.len();
        self.actors.push(ActorB {
            name: name.to_string(),
            kind,
            aliases: Vec::new(),
            descriptor: None,
        });
        self.by_key.insert(key, a);
        a
    }

    /// Lets actor `a` own `key`; a key two actors claim belongs to neither.
    pub fn claim_key(&mut self, key: String, a: usize) {
        match self.by_key.get(&key) {
            None => {
                self.by_key.insert(key, a);
            }
            Some(&b) if b != a => {
                self.by_key.insert(key, AMBIGUOUS);
            }
            _ => {}
        }
    }

    /// Makes the actors of pass 1's names, in text order, and proposes
    /// their mentions: a name joins the actor of an earlier name it
    /// matches, a titled person owns the title ("t:president") and keeps
    /// the country it is of, and a role description before a person's name
    /// is another mention of that person.
    pub fn add_names(&mut self, ctx: &Context<'a>, names: &[Name], cands: &mut Vec<Candidate>) {
        for name in names {
            let (start, end) = (name.tok_start, name.tok_end);
            let a = match name.kind {
                NameKind::Organization => self.org(ctx, start, end),
                NameKind::Person => self.person(ctx, start, end),
            };
            if a == AMBIGUOUS {
                continue;
            }
            cands.push(Candidate {
                tok_start: start,
                tok_end: end,
                actor: a,
            });
            if let Some(short) = name.short {
                self.short_forms.push((a, short));
            }
            if let Some(left) = name.role {
                cands.push(Candidate {
                    tok_start: left,
                    tok_end: start - 1,
                    actor: a,
                });
            }
            if let Some(title) = name.title {
                let head = ctx.lower(title).into_owned();
                if !ctx.heading[start] {
                    self.claim_key(format!("t:{head}"), a);
                }
                if let Some(c) = name.country {
                    if self.actors[a].descriptor.is_none() {
                        self.actors[a].descriptor = Some((c, head));
                    }
                }
            }
        }
    }

    /// The person named by tokens `start..end`, or [`AMBIGUOUS`] for a bare
    /// surname two people share.
    pub fn person(&mut self, ctx: &Context<'a>, start: usize, end: usize) -> usize {
        let text = ctx.span_text(start, end);
        if let Some(&a) = self.person_cache.get(text) {
            return a;
        }
        let a = self.person_uncached(ctx, start, end);
        if end - start >= 2 && a != AMBIGUOUS {
            self.person_cache.insert(text, a);
        }
        a
    }

    fn person_uncached(&mut self, ctx: &Context<'a>, start: usize, end: usize) -> usize {
        let words: Vec<String> = (start..end)
            .filter(|&k| ctx.toks[k].kind == TokKind::Word)
            .map(|k| ctx.word(k).to_string())
            .collect();
        let full = ctx.span_text(start, end).to_string();
        let surname = surname(&words).to_string();
        // A surname alone joins the person of that surname, a full name
        // joins an earlier "President Surname".
        let key_full = format!("p:{}", words.join(" "));
        let key_sur = format!("p:{surname}");
        let key_first = format!("f:{}", words.first().map(String::as_str).unwrap_or(""));
        // A one-word name's full key is its surname key, which may be AMBIGUOUS.
        let a = if let Some(&a) = self.by_key.get(&key_full).filter(|&&a| a != AMBIGUOUS) {
            a
        } else if words.len() == 1 && self.by_key.get(&key_first).is_some_and(|&a| a != AMBIGUOUS) {
            // "Thomas" after "Thomas Sam": the one person of that first name.
            self.by_key[&key_first]
        } else if self.by_key.get(&key_sur) == Some(&AMBIGUOUS) {
            if words.len() == 1 {
                return AMBIGUOUS;
            }
            self.new_person(&key_full, &full, &words)
        } else if let Some(&a) = self.by_key.get(&key_sur) {
            let a_words = self.actors[a].aliases.first().map(|w| w.len()).unwrap_or(0);
            if words.len() > 1 && a_words > 1 {
                // Two different people sharing a surname: keep them apart and
                // let neither own the bare surname.
                self.by_key.insert(key_sur.clone(), AMBIGUOUS);
                self.new_person(&key_full, &full, &words)
            } else {
                if words.len() > 1 {
                    self.by_key.insert(key_full, a);
                    self.actors[a].name = full.clone();
                    self.actors[a].aliases.insert(0, words.clone());
                }
                a
            }
        } else {
            let a = self.new_person(&key_full, &full, &words);
            if words.len() > 1 && !self.by_key.contains_key(&key_sur) {
                self.by_key.insert(key_sur, a);
            }
            a
        };
        if words.len() > 1 && ctx.lex.first_names.contains(words[0].as_str()) {
            self.claim_key(key_first, a);
        }
        a
    }

    fn new_person(&mut self, key: &str, full: &str, words: &[String]) -> usize {
        let a = self.actor(key.to_string(), full, ActorKind::Person);
        if self.actors[a].aliases.is_empty() {
            self.actors[a].aliases.push(words.to_vec());
        }
        a
    }

    /// The organisation named by tokens `start..end`.
    pub fn org(&mut self, ctx: &Context<'a>, start: usize, end: usize) -> usize {
        let text = ctx.span_text(start, end);
        match self.org_cache.get(text) {
            Some(&a) => a,
            None => {
                let a = self.org_uncached(ctx, start, end);
                self.org_cache.insert(text, a);
                a
            }
        }
    }

    fn org_uncached(&mut self, ctx: &Context<'a>, start: usize, end: usize) -> usize {
        let words: Vec<String> = (start..end)
            .filter(|&k| ctx.toks[k].kind == TokKind::Word)
            .map(|k| ctx.word(k).to_string())
            .collect();
        let name = ctx.span_text(start, end).to_string();
        // "Regime" in a headline and "regime" in the body are one name.
        let mut key = format!("o:{}", lowercase(&words.join(" ")));
        // A known expansion ("North Atlantic Treaty Organization") is the
        // same actor as its short form ("NATO").
        if let Some((len, Known::Org(o))) = ctx.known_at(start) {
            if start + len as usize == end {
                key = format!("o:{}", lowercase(ctx.lex.orgs[o as usize].name));
            }
        }
        let a = self.actor(key, &name, ActorKind::Organization);
        if self.actors[a].aliases.iter().all(|w| *w != words) {
            self.actors[a].aliases.push(words.clone());
        }
        a
    }

    /// The actor of lexicon country `c`.
    pub fn country(&mut self, lex: &Lexicon, c: u32) -> usize {
        match self.country_actor[c as usize] {
            NONE => {
                let a = self.actor(
                    format!("c:{c}"),
                    lex.countries[c as usize].name,
                    ActorKind::Country,
                );
                self.country_actor[c as usize] = a as u32;
                a
            }
            a => a as usize,
        }
    }

    /// The actor of lexicon organisation `o`, named by its short form, with
    /// its short and long names as aliases (so "the Administration" finds
    /// NASA).
    pub fn known_org(&mut self, lex: &Lexicon, o: u32) -> usize {
        let org = &lex.orgs[o as usize];
        let a = match self.org_actor[o as usize] {
            NONE => {
                let a = self.actor(
                    format!("o:{}", lowercase(org.name)),
                    org.name,
                    ActorKind::Organization,
                );
                self.org_actor[o as usize] = a as u32;
                a
            }
            a => a as usize,
        };
        if self.actors[a].aliases.is_empty() {
            let words = |n: &str| n.split(' ').map(str::to_string).collect::<Vec<_>>();
            self.actors[a].aliases.push(words(org.name));
            if let Some(long) = org.long {
                self.actors[a].aliases.push(words(long));
            }
        }
        a
    }

    /// Actor `a` is a lexicon organisation (those are public bodies and
    /// alliances, never companies).
    pub fn is_known_org(&self, a: usize) -> bool {
        self.org_actor.contains(&(a as u32))
    }
}

#[cfg(test)]
mod tests {
    use super::super::context::Parsed;
    use super::*;

    #[test]
    fn a_surname_alone_joins_the_person_named_in_full() {
        let p = Parsed::new("Jane Doe spoke. Later Doe left.");
        let ctx = p.context();
        let mut reg = Registry::new(ctx.lex);
        let jane = ctx.find("Jane");
        let a = reg.person(&ctx, jane, jane + 2);
        let doe = ctx.find("left") - 1;
        assert_eq!(reg.person(&ctx, doe, doe + 1), a);
        assert_eq!(reg.actors[a].name, "Jane Doe");
        assert_eq!(reg.actors.len(), 1);
    }

    #[test]
    fn a_full_name_joins_the_surname_seen_first_and_names_it() {
        let p = Parsed::new("Doe spoke. Jane Doe left.");
        let ctx = p.context();
        let mut reg = Registry::new(ctx.lex);
        let a = reg.person(&ctx, 0, 1);
        let jane = ctx.find("Jane");
        assert_eq!(reg.person(&ctx, jane, jane + 2), a);
        assert_eq!(reg.actors[a].name, "Jane Doe");
        assert_eq!(reg.actors[a].aliases[0], ["Jane", "Doe"]);
    }

    #[test]
    fn a_surname_two_people_share_names_neither() {
        let p = Parsed::new("Jane Doe met John Doe. Doe left.");
        let ctx = p.context();
        let mut reg = Registry::new(ctx.lex);
        let jane = ctx.find("Jane");
        let john = ctx.find("John");
        let a = reg.person(&ctx, jane, jane + 2);
        let b = reg.person(&ctx, john, john + 2);
        assert_ne!(a, b);
        let doe = ctx.find("left") - 1;
        assert_eq!(reg.person(&ctx, doe, doe + 1), AMBIGUOUS);
        assert_eq!(reg.by_key["p:Doe"], AMBIGUOUS);
    }

    #[test]
    fn a_first_name_alone_joins_the_one_person_of_that_name() {
        let p = Parsed::new("Thomas Sam spoke. Thomas left.");
        let ctx = p.context();
        let mut reg = Registry::new(ctx.lex);
        let a = reg.person(&ctx, 0, 2);
        let thomas = ctx.find("left") - 1;
        assert_eq!(reg.person(&ctx, thomas, thomas + 1), a);
    }

    #[test]
    fn a_key_claimed_twice_is_ambiguous() {
        let mut reg = Registry::new(crate::analysis::lexicon::get());
        reg.claim_key("t:president".to_string(), 0);
        reg.claim_key("t:president".to_string(), 0);
        assert_eq!(reg.by_key["t:president"], 0);
        reg.claim_key("t:president".to_string(), 1);
        assert_eq!(reg.by_key["t:president"], AMBIGUOUS);
    }

    #[test]
    fn a_known_expansion_is_the_actor_of_its_short_form() {
        let p = Parsed::new("The North Atlantic Treaty Organization met.");
        let ctx = p.context();
        let mut reg = Registry::new(ctx.lex);
        let north = ctx.find("North");
        let a = reg.org(&ctx, north, north + 4);
        let Some((_, Known::Org(o))) = ctx.known_at(north) else {
            panic!("NATO's expansion is in the lexicon");
        };
        assert_eq!(reg.known_org(ctx.lex, o), a);
        assert!(reg.is_known_org(a));
        assert_eq!(reg.actors[a].kind, ActorKind::Organization);
    }

    #[test]
    fn an_organisation_in_a_headline_and_in_the_body_is_one() {
        let p = Parsed::new("Acme Regime\n\nThe Acme regime said no.");
        let ctx = p.context();
        let mut reg = Registry::new(ctx.lex);
        let a = reg.org(&ctx, 0, 2);
        let acme = ctx.find("regime") - 1;
        assert_eq!(reg.org(&ctx, acme, acme + 2), a);
        assert_eq!(reg.actors[a].aliases.len(), 2);
    }

    #[test]
    fn names_become_actors_with_their_title_role_and_short_form() {
        let p = Parsed::new(
            "Kenyan President Paul Okoro met the Kestrel Energy Agency (KEA). \
             Kenya's energy minister, Maria Lopez, said no.",
        );
        let ctx = p.context();
        let names = super::super::runs::names(&ctx);
        let mut reg = Registry::new(ctx.lex);
        let mut cands = Vec::new();
        reg.add_names(&ctx, &names, &mut cands);
        let texts: Vec<&str> = cands
            .iter()
            .map(|c| ctx.span_text(c.tok_start, c.tok_end))
            .collect();
        assert_eq!(
            texts,
            [
                "Paul Okoro",
                "Kestrel Energy Agency",
                "Maria Lopez",
                "Kenya's energy minister"
            ]
        );
        let okoro = cands[0].actor;
        assert_eq!(reg.by_key["t:president"], okoro);
        assert!(matches!(&reg.actors[okoro].descriptor, Some((_, t)) if t == "president"));
        assert_eq!(cands[3].actor, cands[2].actor);
        assert_eq!(reg.short_forms, [(cands[1].actor, ctx.find("KEA"))]);
    }
}
