//! Pass 1: capitalised runs and the names in them.
//!
//! A run is a stretch of name words on one line, with the connectors,
//! initials, particles and possessives that can sit inside a name ("Bank
//! of England", "Antony J. Blinken", "Osama bin Laden", "Korean People's
//! Army"). Each run is segmented into organisations (`orgs.rs`), titled
//! persons and person names (`persons.rs`); a capitalised word with no
//! evidence (a first name, a title, an organisation word, a lexicon
//! entry, a speech verb nearby) yields nothing here.
//!
//! The output is plain data, a [`Name`] per name found, in text order,
//! so a later step can relabel names or add its own before the registry
//! turns them into actors. Lexicon names (countries, capitals, known
//! organisations) are left to the alias pass; here they only matter
//! before a title ("Ukrainian President X").

use crate::analysis::case::lowercase;
use crate::analysis::lexicon::{flag, Known};
use crate::analysis::text::{is_cap, is_double_quote, TokKind};

use super::context::Context;
use super::words::{is_camel_case, is_corporate_suffix, is_particle};
use super::{orgs, persons};

/// What a name found in pass 1 names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameKind {
    Person,
    Organization,
}

/// A name found in a capitalised run, with the evidence the registry needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Name {
    pub tok_start: usize,
    pub tok_end: usize,
    pub kind: NameKind,
    /// A titled person's title word (its last, "President" in "Ukrainian
    /// President X"): "the president" later means this person.
    pub title: Option<usize>,
    /// The country or demonym before the title ("Ukrainian"): "the
    /// Ukrainian president" later means this person.
    pub country: Option<u32>,
    /// "Ukraine's energy minister, Herman Halushchenko,": where the role
    /// description before the name starts (it ends before the comma).
    pub role: Option<usize>,
    /// An organisation's short form in brackets right after it: its token
    /// ("NATO" in "North Atlantic Treaty Organization (NATO)").
    pub short: Option<usize>,
}

impl Name {
    pub fn person(tok_start: usize, tok_end: usize) -> Self {
        Name {
            tok_start,
            tok_end,
            kind: NameKind::Person,
            title: None,
            country: None,
            role: None,
            short: None,
        }
    }

    /// An organisation, with the short form that follows it, if any.
    pub fn org(ctx: &Context, tok_start: usize, tok_end: usize) -> Self {
        Name {
            kind: NameKind::Organization,
            short: short_form(ctx, tok_end),
            ..Name::person(tok_start, tok_end)
        }
    }
}

/// The names of every sentence's capitalised runs, in text order.
pub fn names(ctx: &Context) -> Vec<Name> {
    let mut out = Vec::new();
    for s in ctx.sents {
        let mut i = s.tok_start;
        while i < s.tok_end {
            if ctx.is_name_word(i) {
                let end = run_end(ctx, i, s.tok_end);
                segment(ctx, &mut out, i, end);
                i = end.max(i + 1);
            } else {
                i += 1;
            }
        }
    }
    out
}

/// The end of a run of name words, connectors and initials.
fn run_end(ctx: &Context, start: usize, limit: usize) -> usize {
    let mut i = start + 1;
    while i < limit && ctx.same_line(i) {
        let t = &ctx.toks[i];
        if ctx.is_name_word(i) {
            i += 1;
            continue;
        }
        let w = ctx.word(i);
        let prev_word = ctx.word(i - 1);
        // "J." after an initial, "Mr." after a title abbreviation.
        if t.is_punct('.') && t.span().start == ctx.toks[i - 1].span().end {
            let initial = prev_word.chars().count() == 1 && is_cap(prev_word);
            let abbrev = ctx.lex.titles.contains(prev_word)
                && ctx
                    .lex
                    .abbreviations
                    .contains(lowercase(prev_word).as_str());
            if (initial || abbrev) && i + 1 < limit && ctx.is_name_word(i + 1) {
                i += 1;
                continue;
            }
            break;
        }
        // "People's Army": a possessive inside a name is kept when a name
        // word follows; the segmenting below decides where names split.
        if t.kind == TokKind::Possessive && i + 1 < limit && ctx.is_name_word(i + 1) {
            i += 1;
            continue;
        }
        // "Mark van der Berg", "Osama bin Laden": lowercase particles.
        if is_particle(w)
            && i + 1 < limit
            && (ctx.is_name_word(i + 1) || is_particle(ctx.word(i + 1)))
            && (ctx.has(start, flag::FIRST_NAME | flag::TITLE)
                || (start..i).rev().take(8).any(|k| ctx.is_org_word(k)))
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
            let next_ok = ctx.is_name_word(i + 1)
                || (ctx.word(i + 1) == "the" && i + 2 < limit && ctx.is_name_word(i + 2));
            if next_ok {
                i += 1;
                continue;
            }
        }
        break;
    }
    // Never end on a connector or possessive.
    while i > start + 1 && !ctx.is_name_word(i - 1) {
        i -= 1;
    }
    i
}

/// Splits the run `start..end` into organisations, titled persons and names.
fn segment(ctx: &Context, out: &mut Vec<Name>, start: usize, end: usize) {
    // "Ortega-Murillo regime", "Yonhap news agency".
    let org_noun = match (ctx.word(end), ctx.word(end + 1)) {
        ("regime" | "agency", _) => 1,
        ("news", "agency") => 2,
        _ => 0,
    };
    let plain = (start..end)
        .all(|k| !ctx.is_title(k) && ctx.known_at(k).is_none() && !ctx.is_first_name(k));
    if org_noun > 0 && plain && ctx.same_line(end) {
        out.push(Name::org(ctx, start, end + org_noun));
        return;
    }
    // "CenterPoint Energy said": a brand-like name of two or three words.
    let words = end - start;
    if plain
        && (2..=3).contains(&words)
        && is_camel_case(ctx.word(start))
        && (start..end).all(|k| ctx.toks[k].kind == TokKind::Word)
    {
        out.push(Name::org(ctx, start, end));
        return;
    }
    let mut used = vec![false; end - start];
    orgs::in_run(ctx, out, start, end, &mut used);
    let heading = ctx.heading[start];
    let mut i = start;
    while i < end {
        if used[i - start] {
            i += 1;
            continue;
        }
        if let Some((len, _)) = ctx.known_at(i) {
            let len = len as usize;
            // "Georgia Smith": a first name that is also a country.
            let person_first =
                ctx.is_first_name(i) && len == 1 && i + 1 < end && ctx.is_name_word(i + 1);
            if !person_first {
                // Country, capital, demonym or known org: the alias pass
                // marks it; here it only precedes a title.
                if is_title_at(ctx, i + len, end) && !heading {
                    let country = match ctx.known_at(i) {
                        Some((_, Known::Country(c) | Known::Demonym(c))) => Some(c),
                        _ => None,
                    };
                    i = persons::titled(ctx, out, i + len, end, &used, start, country);
                    continue;
                }
                i += len;
                continue;
            }
        }
        // "Principal Deputy Attorney General": a word that qualifies
        // the title after it.
        let qualifier = ctx.is_name_word(i)
            && !ctx.is_first_name(i)
            && is_title_at(ctx, i + 1, end)
            && !used.get(i + 1 - start).copied().unwrap_or(true);
        if (ctx.is_title(i) || qualifier) && !heading {
            i = persons::titled(ctx, out, i, end, &used, start, None);
            continue;
        }
        // "Bowler Shane Warne", "Striker Harry Kane": a capitalised word
        // opening the sentence before a first name and a surname is a
        // description, not part of the name.
        if i == start
            && ctx.initial[i]
            && !ctx.is_first_name(i)
            && i + 2 < end
            && ctx.is_first_name(i + 1)
            && ctx.is_name_word(i + 2)
            && ctx.known_at(i).is_none()
            && !ctx.is_org_word(i)
        {
            i += 1;
            continue;
        }
        if ctx.toks[i].kind == TokKind::Word && ctx.is_name_word(i) {
            let name_end = persons::name_end(ctx, i, end, &used, start, 4);
            if name_end > i {
                if persons::is_person_name(ctx, i, name_end, start)
                    && (!heading || (ctx.is_first_name(i) && name_end - i >= 2))
                {
                    // "Ukraine's energy minister, Herman Halushchenko,":
                    // the role description names the same person.
                    out.push(Name {
                        role: persons::role_apposition(ctx, i, name_end),
                        ..Name::person(i, name_end)
                    });
                }
                i = name_end;
                continue;
            }
        }
        i += 1;
    }
}

fn is_title_at(ctx: &Context, i: usize, end: usize) -> bool {
    i < end && ctx.is_title(i)
}

/// "Name (ACR)", "Name [ACR]", "Name (“Short”)": the token of a short form
/// given right after the name ending before token `end`.
pub fn short_form(ctx: &Context, end: usize) -> Option<usize> {
    let mut j = end;
    if !(ctx.is_punct(j, '(') || ctx.is_punct(j, '[')) {
        return None;
    }
    j += 1;
    if matches!(ctx.toks.get(j).map(|t| t.kind), Some(TokKind::Punct(c)) if is_double_quote(c)) {
        j += 1;
    }
    let short = ctx.word(j);
    let closes = |k: usize| {
        ctx.is_punct(k, ')')
            || ctx.is_punct(k, ']')
            || matches!(ctx.toks.get(k).map(|t| t.kind), Some(TokKind::Punct(c)) if is_double_quote(c))
    };
    (!short.is_empty() && is_cap(short) && closes(j + 1)).then_some(j)
}

#[cfg(test)]
mod tests {
    use super::super::context::Parsed;
    use super::*;

    /// Pass 1's names: (text, kind).
    fn names_of(text: &str) -> Vec<(String, NameKind)> {
        let p = Parsed::new(text);
        let ctx = p.context();
        names(&ctx)
            .iter()
            .map(|n| (ctx.span_text(n.tok_start, n.tok_end).to_string(), n.kind))
            .collect()
    }

    fn person(text: &str) -> (String, NameKind) {
        (text.to_string(), NameKind::Person)
    }

    fn org(text: &str) -> (String, NameKind) {
        (text.to_string(), NameKind::Organization)
    }

    #[test]
    fn a_run_splits_into_an_organisation_and_a_person() {
        assert_eq!(
            names_of("The Acme Holdings chief Maria Lopez resigned."),
            [org("Acme Holdings"), person("Maria Lopez")]
        );
    }

    #[test]
    fn capitals_without_evidence_name_no_one() {
        assert!(names_of("They swam in Blue Lagoon yesterday.").is_empty());
        assert!(names_of("The Tuesday vote was close.").is_empty());
    }

    #[test]
    fn connectors_initials_and_particles_stay_inside_a_run() {
        assert_eq!(
            names_of("It was the Bank of England that moved."),
            [org("Bank of England")]
        );
        assert_eq!(
            names_of("They met Paul J. Smith and Paul van der Berg."),
            [person("Paul J. Smith"), person("Paul van der Berg")]
        );
    }

    #[test]
    fn a_legal_suffix_ends_a_company_name() {
        assert_eq!(
            names_of("Shares in Kestrel SpA and Osprey rose."),
            [org("Kestrel SpA")]
        );
    }

    #[test]
    fn a_brand_or_a_regime_is_an_organisation() {
        assert_eq!(
            names_of("Then CenterPoint Energy said no."),
            [org("CenterPoint Energy")]
        );
        assert_eq!(
            names_of("They fled the Ortega-Murillo regime."),
            [org("Ortega-Murillo regime")]
        );
    }

    #[test]
    fn a_short_form_in_brackets_is_kept_with_its_organisation() {
        let p = Parsed::new("The Kestrel Energy Agency (KEA) said no.");
        let ctx = p.context();
        let found = names(&ctx);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, NameKind::Organization);
        assert_eq!(found[0].short, Some(ctx.find("KEA")));
    }

    #[test]
    fn a_line_break_ends_a_run() {
        let run_length = |text: &str| {
            let p = Parsed::new(text);
            let ctx = p.context();
            run_end(&ctx, 0, ctx.toks.len())
        };
        assert_eq!(run_length("Maria Lopez Holdings"), 3);
        assert_eq!(run_length("Maria\nLopez Holdings"), 1);
        // Never ending on a connector.
        assert_eq!(run_length("Bank of"), 1);
    }
}
