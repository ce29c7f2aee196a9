//! Small word predicates the stages share: closed lists too short for a
//! lexicon file (function words, legal suffixes, name particles,
//! determiners) and the shape of a name's words.

/// Capitalised words that never start a name, even mid-sentence.
pub fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "I" | "A"
            | "An"
            | "The"
            | "And"
            | "Or"
            | "But"
            | "Of"
            | "In"
            | "On"
            | "At"
            | "To"
            | "For"
            | "By"
            | "With"
            | "As"
            | "If"
    )
}

/// The legal suffix of a company's name ("Acme Corporation", "Foo Inc").
pub fn is_corporate_suffix(w: &str) -> bool {
    matches!(
        w,
        "Corporation"
            | "Corp"
            | "Inc"
            | "Incorporated"
            | "Ltd"
            | "Limited"
            | "LLC"
            | "PLC"
            | "Plc"
            | "AG"
            | "SA"
            | "GmbH"
            | "SpA"
            | "NV"
            | "PJSC"
            | "Oyj"
            | "ASA"
            | "LLP"
            | "Company"
            | "Co"
            | "Holdings"
    )
}

/// The family name among a person's name words: the last, except in a
/// Korean-style "Cho Tae-yul", "Kim Jong-un", whose family name comes first
/// (a hyphenated given name with a lowercase second part).
pub fn surname(words: &[String]) -> &str {
    let Some(last) = words.last() else { return "" };
    let korean = words.len() == 2
        && last.split_once('-').is_some_and(|(a, b)| {
            !a.is_empty() && b.chars().next().is_some_and(char::is_lowercase)
        });
    if korean {
        &words[0]
    } else {
        last
    }
}

/// Organisation words that open their name in Romance languages.
pub fn is_leading_org_word(w: &str) -> bool {
    matches!(
        w,
        "Universidad"
            | "Universidade"
            | "Université"
            | "Università"
            | "Instituto"
            | "Institut"
            | "Banco"
            | "Banque"
            | "Ministerio"
            | "Ministério"
            | "Ministère"
            | "Partido"
            | "Parti"
            | "Agencia"
            | "Agence"
            | "Fundación"
            | "Fundação"
            | "Fondation"
    )
}

/// A brand-like word with a capital inside ("CenterPoint", "YouTube",
/// "OpenAI"), unlike surnames such as "McDonald", "MacArthur", "DeSantis".
pub fn is_camel_case(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() > 4
        && !w.starts_with("Mac")
        && b.iter()
            .enumerate()
            .skip(3)
            .any(|(k, c)| c.is_ascii_uppercase() && b[k - 1].is_ascii_lowercase())
}

/// Lowercase particles inside personal names.
pub fn is_particle(w: &str) -> bool {
    matches!(
        w,
        "van"
            | "von"
            | "der"
            | "den"
            | "de"
            | "da"
            | "das"
            | "del"
            | "di"
            | "do"
            | "bin"
            | "ibn"
            | "al"
            | "le"
            | "la"
            | "du"
            | "dos"
    )
}

/// Articles and small counts that open a noun phrase ("a", "the", "several").
pub fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "A"
            | "An"
            | "the"
            | "The"
            | "one"
            | "One"
            | "two"
            | "Two"
            | "three"
            | "Three"
            | "several"
            | "Several"
            | "some"
            | "Some"
            | "other"
            | "Other"
            | "another"
            | "Another"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(names: &[&str]) -> Vec<String> {
        names.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn the_surname_is_last_except_in_korean_style_names() {
        assert_eq!(surname(&words(&["Jane", "Doe"])), "Doe");
        assert_eq!(surname(&words(&["Kim", "Jong-un"])), "Kim");
        // A hyphenated surname with a capital second part is still last.
        assert_eq!(surname(&words(&["Anna", "Smith-Jones"])), "Smith-Jones");
        assert_eq!(surname(&[]), "");
    }

    #[test]
    fn camel_case_is_a_brand_not_a_scottish_or_dutch_surname() {
        assert!(is_camel_case("CenterPoint"));
        assert!(is_camel_case("YouTube"));
        assert!(!is_camel_case("McDonald"));
        assert!(!is_camel_case("MacArthur"));
        assert!(!is_camel_case("DeSantis"));
        assert!(!is_camel_case("Doe"));
    }

    #[test]
    fn closed_lists_match_their_exact_forms() {
        assert!(is_function_word("The") && !is_function_word("the"));
        assert!(is_corporate_suffix("GmbH") && !is_corporate_suffix("Group"));
        assert!(is_particle("van") && !is_particle("Van"));
        assert!(is_determiner("several") && is_determiner("Several"));
        assert!(!is_determiner("his"));
        assert!(is_leading_org_word("Universidad") && !is_leading_org_word("University"));
    }
}
