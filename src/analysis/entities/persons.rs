//! Person names in a capitalised run (pass 1): the evidence that name
//! words are a person, where a name ends, and titled persons ("Assistant
//! Secretary of State for X Jane Doe", "Ukrainian President X").
//!
//! Evidence is a first name, a middle initial, a role noun before the name
//! ("senior party official Li Yuecheng"), a speech verb after it ("Rishi
//! Sunak said"), an apposition naming a role ("Ned Price, a State
//! Department spokesman,"), an age ("Thomas Sam, 42,") or a quotation
//! next to it. Without any, a capitalised pair stays unnamed.

use crate::analysis::lexicon::{flag, Known};
use crate::analysis::text::{is_all_caps, is_cap, is_double_quote, TokKind};

use super::context::Context;
use super::runs::Name;
use super::words::{is_camel_case, is_determiner, is_particle};

/// A title chain ("Assistant Secretary of State for …") and the name
/// after it. Returns where the chain and name end.
pub fn titled(
    ctx: &Context,
    out: &mut Vec<Name>,
    i: usize,
    end: usize,
    used: &[bool],
    run_start: usize,
    country: Option<u32>,
) -> usize {
    let mut k = i;
    let mut title = None;
    let mut phrase_words: Vec<usize> = Vec::new();
    while k < end && !used[k - run_start] {
        let qualifier = !ctx.is_title(k)
            && ctx.is_name_word(k)
            && !ctx.is_first_name(k)
            && k + 1 < end
            && !used[k + 1 - run_start]
            && ctx.is_title(k + 1);
        if qualifier {
            k += 1;
            continue;
        }
        if ctx.is_title(k) {
            title = Some(k);
            k += 1;
            if ctx.is_punct(k, '.') {
                k += 1;
            }
            continue;
        }
        // "of State", "for Climate", "of Washington": part of the title.
        if matches!(ctx.word(k), "of" | "for") && k + 1 < end && !used[k + 1 - run_start] {
            k += 1;
            if ctx.word(k) == "the" {
                k += 1;
            }
            while k < end && !used[k - run_start] && !ctx.is_first_name(k) && !ctx.is_title(k) {
                if ctx.toks[k].kind == TokKind::Word && ctx.is_name_word(k) {
                    phrase_words.push(k);
                }
                k += 1;
            }
            continue;
        }
        break;
    }
    // "Secretary of Foreign Affairs Enrique Manalo": the title's last
    // word sits before a first name.
    if k + 1 < end
        && !used[k - run_start]
        && !used[k + 1 - run_start]
        && !ctx.is_first_name(k)
        && ctx.is_first_name(k + 1)
        && ctx.is_name_word(k)
    {
        k += 1;
    }
    let mut name_start = k;
    let mut name_end = name_end(ctx, k, end, used, run_start, 4);
    if name_end == name_start && phrase_words.len() >= 3 {
        // No first name known: a long title ends with "Firstname Surname".
        let n = phrase_words.len();
        name_start = phrase_words[n - 2];
        name_end = phrase_words[n - 1] + 1;
    }
    if name_end > name_start && !(name_start..name_end).any(|t| ctx.is_org_word(t)) {
        out.push(Name {
            title,
            country: country.filter(|_| title.is_some()),
            ..Name::person(name_start, name_end)
        });
    }
    name_end.max(k).max(i + 1)
}

/// The end of a person name starting at `i`: name words and initials.
pub fn name_end(
    ctx: &Context,
    i: usize,
    end: usize,
    used: &[bool],
    run_start: usize,
    max_words: usize,
) -> usize {
    let mut k = i;
    let mut words = 0;
    while k < end && !used[k - run_start] {
        let t = &ctx.toks[k];
        if t.kind == TokKind::Word {
            let w = ctx.word(k);
            if words > 0 && is_particle(w) && k + 1 < end && !used[k + 1 - run_start] {
                k += 1;
                continue;
            }
            // "Peter Hall", "Anna Park": a place word right after a first
            // name, ending the run, is a surname.
            let surname_place =
                words == 1 && ctx.is_first_name(k - 1) && k + 1 == end && !ctx.is_org_word(k);
            if !ctx.is_name_word(k)
                || ctx.is_title(k)
                || ctx.is_org_word(k)
                || (ctx.has(k, flag::PLACE_WORD) && !surname_place)
                || words >= max_words
            {
                break;
            }
            // "Jane Roe QC", "John Doe MP": letters after a name.
            if words >= 2 && is_all_caps(w) && w.chars().count() <= 4 {
                break;
            }
            // "… Space Museum Steven F. Udvar-Hazy": a first name starts
            // a new name.
            if words >= 2 && ctx.is_first_name(k) && !ctx.is_first_name(i) {
                break;
            }
            if words > 0 && ctx.known_at(k).is_some() && !ctx.is_first_name(k) {
                break;
            }
            words += 1;
            k += 1;
        } else if t.is_punct('.') && k > i && ctx.word(k - 1).chars().count() == 1 {
            k += 1;
        } else {
            break;
        }
    }
    // "Lula da" when the surname after the particle did not fit.
    while k > i + 1 && is_particle(ctx.word(k - 1)) {
        k -= 1;
    }
    k
}

/// Evidence that the name words `i..end` are a person.
pub fn is_person_name(ctx: &Context, i: usize, end: usize, run_start: usize) -> bool {
    let words: Vec<usize> = (i..end)
        .filter(|&k| ctx.toks[k].kind == TokKind::Word)
        .collect();
    // "Peter Hall": a first name and a place word as the surname.
    let place_surname = words.len() == 2 && ctx.is_first_name(words[0]);
    if words.iter().any(|&k| {
        let w = ctx.word(k);
        let place = ctx.has(k, flag::PLACE_WORD) && !(place_surname && k == words[1]);
        is_camel_case(w)
            || ctx.is_org_word(k)
            || place
            || ctx.has(k, flag::GROUP_NOUN | flag::ANON_NOUN | flag::COMMON)
            || is_all_caps(w)
            || ctx.known_at(k).is_some() && words.len() == 1
    }) {
        return false;
    }
    // "Jan. 5": an abbreviation that is also a first name.
    let abbreviated = words.len() == 1
        && ctx.is_punct(i + 1, '.')
        && ctx.lex.abbreviations.contains(ctx.lower(i).as_ref());
    if ctx.is_first_name(i) && !abbreviated && !(words.len() == 1 && ctx.known_at(i).is_some()) {
        return true;
    }
    // "Enoh T. Ebong": a middle initial.
    if words.len() >= 3
        && words[1..words.len() - 1]
            .iter()
            .any(|&k| ctx.word(k).chars().count() == 1)
    {
        return true;
    }
    if i == run_start && words.len() <= 3 {
        // "senior party official Li Yuecheng", "his wife Manju Sam".
        if i > 0 && ctx.has(i - 1, flag::ROLE) && !is_cap(ctx.word(i - 1)) && ctx.same_line(i) {
            return true;
        }
        // "Rishi Sunak said on Tuesday": two or three name words as the
        // subject of a speech verb.
        if (2..=3).contains(&words.len())
            && ctx.has(end, flag::SPEECH_VERB)
            && !is_cap(ctx.word(end))
        {
            return true;
        }
        // "Ned Price, a State Department spokesman, said": an apposition
        // naming a role.
        if (2..=3).contains(&words.len()) && ctx.is_punct(end, ',') {
            let mut k = end + 1;
            while k < (end + 8).min(ctx.toks.len())
                && !ctx.is_punct(k, ',')
                && !ctx.is_punct(k, '.')
            {
                if ctx.has(k, flag::ROLE) || ctx.is_title(k) {
                    return true;
                }
                k += 1;
            }
        }
        if (2..=3).contains(&words.len()) && role_apposition(ctx, i, end).is_some() {
            return true;
        }
        // "…, said Herman Halushchenko, the minister": two or three name
        // words right after a lowercase speech verb, ending a clause.
        let clause_end = ctx.is_punct(end, ',') || ctx.is_punct(end, '.') || !ctx.same_line(end);
        if (2..=3).contains(&words.len())
            && i > 0
            && ctx.has(i - 1, flag::SPEECH_VERB)
            && !is_cap(ctx.word(i - 1))
            && clause_end
        {
            return true;
        }
        // "Thomas Sam, 42,": a name with an age.
        if ctx.is_punct(end, ',')
            && ctx
                .toks
                .get(end + 1)
                .is_some_and(|t| t.kind == TokKind::Num)
            && ctx.is_punct(end + 2, ',')
        {
            return true;
        }
        // "…,” said Smith." / "Smith said": named next to a speech verb
        // that follows a quotation.
        let after_quote = |k: usize| {
            k > 0
                && matches!(ctx.toks[k - 1].kind, TokKind::Punct(c) if is_double_quote(c) || c == ',')
        };
        if i > 0 && ctx.has(i - 1, flag::SPEECH_VERB) && after_quote(i - 1) && !ctx.initial[i] {
            return true;
        }
        let right_after_mark =
            i > 0 && matches!(ctx.toks[i - 1].kind, TokKind::Punct(c) if is_double_quote(c));
        if ctx.has(end, flag::SPEECH_VERB)
            && after_quote(i)
            && (words.len() >= 2 || right_after_mark)
        {
            return true;
        }
    }
    false
}

/// "Ukraine's energy minister, Herman Halushchenko, said": a name set
/// off by commas right after a lowercase role noun. Returns where the
/// role description starts (its modifiers and a possessive owner).
pub fn role_apposition(ctx: &Context, i: usize, end: usize) -> Option<usize> {
    if i < 2 || !ctx.is_punct(i - 1, ',') {
        return None;
    }
    // The role noun, possibly followed by its field: "commissioner for
    // political affairs, Abdel-Fatau Musah,".
    let mut role = i - 2;
    let mut n = 0;
    while !ctx.has(role, flag::ROLE) || is_cap(ctx.word(role)) {
        let w = ctx.word(role);
        let plain = ctx.toks[role].kind == TokKind::Word
            && !is_cap(w)
            && !ctx.has(role, flag::SPEECH_VERB)
            && !matches!(
                w,
                "and"
                    | "or"
                    | "said"
                    | "says"
                    | "who"
                    | "which"
                    | "that"
                    | "is"
                    | "was"
                    | "has"
                    | "had"
            );
        if role == 0 || n >= 4 || !plain || !ctx.same_line(role) {
            return None;
        }
        role -= 1;
        n += 1;
    }
    if n > 0 && !matches!(ctx.word(role + 1), "for" | "of" | "on" | "at") {
        return None;
    }
    let closed = ctx.is_punct(end, ',')
        || ctx.is_punct(end, '.')
        || (ctx.has(end, flag::SPEECH_VERB) && !is_cap(ctx.word(end)));
    if !closed || !ctx.same_line(i) {
        return None;
    }
    let mut left = role;
    let mut n = 0;
    while left > 0 && n < 3 {
        let p = left - 1;
        let w = ctx.word(p);
        // "her South Korean counterpart": a demonym is a modifier too.
        let demonym = matches!(ctx.known_at(p), Some((1 | 2, Known::Demonym(_))))
            || (p > 0 && matches!(ctx.known_at(p - 1), Some((2, Known::Demonym(_)))));
        let modifier = ctx.toks[p].kind == TokKind::Word
            && (!is_cap(w) || demonym)
            && !is_determiner(w)
            && !ctx.has(p, flag::SPEECH_VERB)
            && !matches!(
                w,
                "and"
                    | "or"
                    | "of"
                    | "to"
                    | "in"
                    | "for"
                    | "with"
                    | "by"
                    | "on"
                    | "at"
                    | "as"
                    | "that"
                    | "who"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "is"
                    | "was"
            );
        if !modifier || !ctx.same_line(left) {
            break;
        }
        left = p;
        n += 1;
    }
    // "Ukraine's": a possessive owner opens the description.
    if left >= 2
        && ctx.toks[left - 1].kind == TokKind::Possessive
        && is_cap(ctx.word(left - 2))
        && ctx.same_line(left - 1)
    {
        left -= 2;
        let owner_end = left;
        while left > 0
            && left + 4 > owner_end
            && ctx.is_name_word(left - 1)
            && ctx.same_line(left)
            && !ctx.initial[left]
        {
            left -= 1;
        }
    }
    Some(left)
}

#[cfg(test)]
mod tests {
    use super::super::context::Parsed;
    use super::super::runs::{names, NameKind};

    /// Pass 1's person names with their title and role description.
    fn persons(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
        let p = Parsed::new(text);
        let ctx = p.context();
        names(&ctx)
            .iter()
            .filter(|n| n.kind == NameKind::Person)
            .map(|n| {
                (
                    ctx.span_text(n.tok_start, n.tok_end).to_string(),
                    n.title.map(|t| ctx.word(t).to_string()),
                    n.role
                        .map(|r| ctx.span_text(r, n.tok_start - 1).to_string()),
                )
            })
            .collect()
    }

    fn plain(name: &str) -> (String, Option<String>, Option<String>) {
        (name.to_string(), None, None)
    }

    #[test]
    fn a_title_chain_gives_the_person_its_last_title_word() {
        assert_eq!(
            persons("Deputy Secretary of State Maria Lopez said."),
            [(
                "Maria Lopez".to_string(),
                Some("Secretary".to_string()),
                None
            )]
        );
    }

    #[test]
    fn a_country_before_the_title_is_kept() {
        let p = Parsed::new("It was Ukrainian President Maria Lopez who spoke.");
        let ctx = p.context();
        let found = names(&ctx);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].title, Some(ctx.find("President")));
        assert!(found[0].country.is_some());
    }

    #[test]
    fn evidence_makes_a_capitalised_pair_a_person() {
        // A speech verb after the subject.
        assert_eq!(
            persons("Rishi Sunak said on Tuesday."),
            [plain("Rishi Sunak")]
        );
        // A middle initial.
        assert_eq!(persons("It was Enoh T. Ebong."), [plain("Enoh T. Ebong")]);
        // An age.
        assert_eq!(persons("Then Tomas Sam, 42, left."), [plain("Tomas Sam")]);
        // A role noun before the name.
        assert_eq!(
            persons("She met senior party official Li Yuecheng."),
            [plain("Li Yuecheng")]
        );
        // No evidence at all.
        assert!(persons("Then Tomas Sam left.").is_empty());
    }

    #[test]
    fn a_role_set_off_by_commas_before_the_name_describes_the_person() {
        assert_eq!(
            persons("Kenya's energy minister, Tomas Sam, said no."),
            [(
                "Tomas Sam".to_string(),
                None,
                Some("Kenya's energy minister".to_string())
            )]
        );
    }

    #[test]
    fn an_abbreviated_month_is_no_first_name() {
        assert!(persons("They met on Jan. 5 in town.").is_empty());
    }
}
