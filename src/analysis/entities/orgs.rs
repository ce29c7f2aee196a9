//! Organisations in a capitalised run (pass 1): name words ending in an
//! organisation word ("Acme Holdings", "State Department"), with the "of"
//! and "for" phrases that complete them ("Ministry of Foreign Affairs",
//! "Court for the District of New Jersey"), or led by one in Romance
//! languages ("Banco Santander").
//!
//! The words found here are marked used, so the person segmentation of
//! the same run leaves them alone.

use crate::analysis::case::lowercase;
use crate::analysis::text::TokKind;

use super::context::Context;
use super::runs::Name;
use super::words::{is_leading_org_word, is_particle};

/// Organisations: name words ending in an organisation word, plus "of …".
pub fn in_run(ctx: &Context, out: &mut Vec<Name>, start: usize, end: usize, used: &mut [bool]) {
    let mut k = start;
    while k < end {
        if !(ctx.is_org_word(k) && ctx.toks[k].kind == TokKind::Word) {
            k += 1;
            continue;
        }
        let mut last = k;
        while last + 1 < end && ctx.is_org_word(last + 1) {
            last += 1;
        }
        // "Universidad San Francisco de Quito", "Banco Santander": in
        // Romance languages the organisation word leads its name.
        if is_leading_org_word(ctx.word(k))
            && k == last
            && last + 1 < end
            && ctx.is_name_word(last + 1)
        {
            let mut right = last + 1;
            while right < end
                && (ctx.is_name_word(right)
                    || is_particle(ctx.word(right))
                        && right + 1 < end
                        && ctx.is_name_word(right + 1))
            {
                right += 1;
            }
            out.push(Name::org(ctx, k, right));
            for u in &mut used[k - start..right - start] {
                *u = true;
            }
            k = right;
            continue;
        }
        // "Air Force Base": the organisation word only describes a place.
        if last + 1 < end
            && ctx.is_name_word(last + 1)
            && !ctx.is_title(last + 1)
            && ctx.toks[last + 1].kind == TokKind::Word
        {
            k = last + 1;
            continue;
        }
        let mut right = last + 1;
        // "Court for the District of New Jersey": phrases may chain.
        while right < end && matches!(ctx.word(right), "of" | "for") {
            let mut j = right + 1;
            if ctx.word(j) == "the" {
                j += 1;
            }
            let phrase_start = j;
            // "Ministry of Foreign Affairs": a title word inside the
            // phrase when a plain name word follows it.
            let field = |j: usize| {
                ctx.is_title(j)
                    && j + 1 < end
                    && ctx.is_name_word(j + 1)
                    && !ctx.is_title(j + 1)
                    && !ctx.is_first_name(j + 1)
            };
            // "University of Rio Grande do Sul": a particle between names.
            let particle = |j: usize| {
                j > phrase_start
                    && is_particle(ctx.word(j))
                    && j + 1 < end
                    && ctx.is_name_word(j + 1)
            };
            while j < end
                && (ctx.is_name_word(j) && (!ctx.is_title(j) || field(j)) && !ctx.is_first_name(j)
                    || (ctx.word(j) == "and" && j > phrase_start)
                    || particle(j))
            {
                j += 1;
            }
            while j > phrase_start && ctx.word(j - 1) == "and" {
                j -= 1;
            }
            if j > phrase_start {
                right = j;
            } else {
                break;
            }
        }
        let mut left = k;
        while left > start {
            let p = left - 1;
            let t = &ctx.toks[p];
            let ok = match t.kind {
                TokKind::Word => {
                    let w = ctx.word(p);
                    // "Justice Department": a title word can name an
                    // organisation's field; "Mr", "Dr" cannot.
                    (ctx.is_name_word(p)
                        && !(ctx.is_title(p)
                            && ctx.lex.abbreviations.contains(lowercase(w).as_str())))
                        || ((w == "and" || w == "&") && p > start && ctx.is_name_word(p - 1))
                }
                // "Korean People's Army", but "Saudi Arabia's Civil
                // Defense Authority" is two names.
                TokKind::Possessive => {
                    p > start
                        && matches!(ctx.word(p - 1), "People" | "Peoples" | "Women" | "Workers")
                }
                TokKind::Punct('.') => p > start && ctx.word(p - 1).chars().count() == 1,
                _ => false,
            };
            if !ok {
                break;
            }
            left = p;
        }
        while left < k && matches!(ctx.word(left), "and" | "&") {
            left += 1;
        }
        let bare = left == k && right == last + 1 && last == k;
        if !bare {
            out.push(Name::org(ctx, left, right));
            for u in &mut used[left - start..right - start] {
                *u = true;
            }
        }
        k = right.max(k + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::super::context::Parsed;
    use super::super::runs::{names, NameKind};

    fn orgs(text: &str) -> Vec<String> {
        let p = Parsed::new(text);
        let ctx = p.context();
        names(&ctx)
            .iter()
            .filter(|n| n.kind == NameKind::Organization)
            .map(|n| ctx.span_text(n.tok_start, n.tok_end).to_string())
            .collect()
    }

    #[test]
    fn of_and_for_phrases_complete_an_organisation() {
        assert_eq!(
            orgs("The Ministry of Foreign Affairs said no."),
            ["Ministry of Foreign Affairs"]
        );
        assert_eq!(
            orgs("The Court for the District of Kestrel ruled."),
            ["Court for the District of Kestrel"]
        );
    }

    #[test]
    fn a_title_word_can_name_an_organisations_field() {
        assert_eq!(
            orgs("The Justice Department said no."),
            ["Justice Department"]
        );
    }

    #[test]
    fn a_leading_organisation_word_takes_the_name_after_it() {
        assert_eq!(orgs("Shares of Banco Kestrel rose."), ["Banco Kestrel"]);
    }

    #[test]
    fn an_organisation_word_before_a_name_only_describes_a_place() {
        assert!(orgs("They flew from Kestrel Air Force Base today.").is_empty());
    }

    #[test]
    fn a_possessive_joins_only_a_peoples_organisation() {
        assert_eq!(
            orgs("The Korean People's Army fired."),
            ["Korean People's Army"]
        );
    }
}
