//! Upper and lower case without the standard library's case tables.
//!
//! `char::to_lowercase` and `char::to_uppercase` carry a table of every
//! cased letter of Unicode, about 24 KB of WebAssembly. The articles this
//! tool reads are written in Latin, Greek and Cyrillic letters, whose case
//! pairs sit at fixed distances in a few ranges, listed here; any other
//! character keeps its case.

/// Case pairs: upper case letters from `first` to `last`, every `stride`
/// chars, each `distance` below its lower case letter.
struct Pairs {
    first: u32,
    last: u32,
    distance: u32,
    stride: u32,
}

const fn pairs(first: u32, last: u32, distance: u32, stride: u32) -> Pairs {
    Pairs {
        first,
        last,
        distance,
        stride,
    }
}

const PAIRS: [Pairs; 20] = [
    pairs(0xC0, 0xD6, 0x20, 1),   // À–Ö
    pairs(0xD8, 0xDE, 0x20, 1),   // Ø–Þ
    pairs(0x100, 0x12E, 1, 2),    // Ā–Į
    pairs(0x132, 0x136, 1, 2),    // Ĳ–Ķ
    pairs(0x139, 0x147, 1, 2),    // Ĺ–Ň
    pairs(0x14A, 0x176, 1, 2),    // Ŋ–Ŷ
    pairs(0x179, 0x17D, 1, 2),    // Ź–Ž
    pairs(0x1CD, 0x1DB, 1, 2),    // Ǎ–Ǜ
    pairs(0x1DE, 0x1EE, 1, 2),    // Ǟ–Ǯ
    pairs(0x200, 0x21E, 1, 2),    // Ȁ–Ȟ, with Ș and Ț
    pairs(0x386, 0x386, 0x26, 1), // Ά
    pairs(0x388, 0x38A, 0x25, 1), // Έ–Ί
    pairs(0x391, 0x3A1, 0x20, 1), // Α–Ρ
    pairs(0x3A3, 0x3AB, 0x20, 1), // Σ–Ϋ
    pairs(0x400, 0x40F, 0x50, 1), // Ѐ–Џ
    pairs(0x410, 0x42F, 0x20, 1), // А–Я
    pairs(0x460, 0x480, 1, 2),    // Ѡ–Ҁ
    pairs(0x48A, 0x4BE, 1, 2),    // Ҋ–Ҿ
    pairs(0x1E00, 0x1E94, 1, 2),  // Ḁ–Ẕ
    pairs(0x1EA0, 0x1EFE, 1, 2),  // Ạ–Ỿ, the Vietnamese letters
];

/// Pairs that fit no range: (upper, lower).
const SINGLES: [(char, char); 3] = [('Ÿ', 'ÿ'), ('Ό', 'ό'), ('Ώ', 'ώ')];

/// The lower case of a letter (`c` itself when it has none).
pub fn lower(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let u = c as u32;
    for p in &PAIRS {
        if (p.first..=p.last).contains(&u) && (u - p.first).is_multiple_of(p.stride) {
            return char::from_u32(u + p.distance).unwrap_or(c);
        }
    }
    match SINGLES.iter().find(|&&(up, _)| up == c) {
        Some(&(_, low)) => low,
        None if c == 'Ύ' => 'ύ',
        None => c,
    }
}

/// The upper case of a letter (`c` itself when it has none).
pub fn upper(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_uppercase();
    }
    let u = c as u32;
    for p in &PAIRS {
        let first = p.first + p.distance;
        if (first..=p.last + p.distance).contains(&u) && (u - first).is_multiple_of(p.stride) {
            return char::from_u32(u - p.distance).unwrap_or(c);
        }
    }
    match SINGLES.iter().find(|&&(_, low)| low == c) {
        Some(&(up, _)) => up,
        None => match c {
            'ύ' => 'Ύ',
            'ς' => 'Σ',
            'ı' => 'I',
            'ſ' => 'S',
            _ => c,
        },
    }
}

/// `s` in lower case.
pub fn lowercase(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.chars().map(lower).collect()
    }
}

/// `s` in upper case.
pub fn uppercase(s: &str) -> String {
    s.chars().map(upper).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn single(mut chars: impl Iterator<Item = char>) -> Option<char> {
        let c = chars.next()?;
        chars.next().is_none().then_some(c)
    }

    /// Every mapping made here is the standard library's.
    #[test]
    fn agrees_with_the_standard_library() {
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            if lower(c) != c {
                assert_eq!(Some(lower(c)), single(c.to_lowercase()), "lower {c:?}");
            }
            if upper(c) != c {
                assert_eq!(Some(upper(c)), single(c.to_uppercase()), "upper {c:?}");
            }
        }
    }

    /// In the Latin, Greek and Cyrillic blocks news is written in, every
    /// one-letter case mapping is made.
    #[test]
    fn covers_latin_greek_and_cyrillic() {
        let blocks = [
            0..0x250,
            0x386..0x3CF,
            0x400..0x4C0,
            0x1E00..0x1E96,
            0x1EA0..0x1F00,
        ];
        for c in blocks.into_iter().flatten().filter_map(char::from_u32) {
            // The Turkish dotted capital I lowers to two chars in Unicode;
            // its base letter is the useful lower case for matching.
            // The micro sign's upper case is the Greek letter mu.
            if c == 'İ' || c == 'µ' {
                continue;
            }
            // Letters of Latin Extended-B outside the pair ranges (African
            // and phonetic letters) keep their case.
            if (0x180..0x250).contains(&(c as u32))
                && !PAIRS
                    .iter()
                    .any(|p| (p.first..=p.last + p.distance).contains(&(c as u32)))
            {
                continue;
            }
            if let Some(l) = single(c.to_lowercase()) {
                assert_eq!(lower(c), l, "lower {c:?}");
            }
            if let Some(u) = single(c.to_uppercase()) {
                assert_eq!(upper(c), u, "upper {c:?}");
            }
        }
        assert_eq!(
            lowercase("ZELENSKYY Ștefan ÉLYSÉE Нато"),
            "zelenskyy ștefan élysée нато"
        );
        assert_eq!(uppercase("élysée Ψ ß"), "ÉLYSÉE Ψ ß");
    }
}
