//! Property tests: for any input the analysis does not panic, its spans lie
//! on char boundaries inside the text, speakers are real actors, a quote
//! says how its speaker was found exactly when it has one, mentions and
//! quotes do not overlap, and the result is deterministic.

use article_explorer::analysis::{analyze, to_json, Analysis, Span};
use proptest::prelude::*;

/// Pieces of news text, mixed at random so the interesting paths (names,
/// titles, quotes, lists, possessives) are hit far more often than by
/// arbitrary strings.
const PIECES: &[&str] = &[
    "President",
    "Donald Trump",
    "Trump",
    "’s",
    "'s",
    "U.S.",
    "the United States",
    "Kyiv",
    "Ukraine",
    "Ukrainian",
    "the Ukrainian leader",
    "NATO",
    "(NATO)",
    "Department of State",
    "the Department",
    "said",
    "told",
    "added",
    "according to",
    "he",
    "she",
    "it",
    "a diplomatic source",
    "sources familiar with",
    "Security experts",
    "Analysts",
    "“",
    "”",
    "\"",
    "‘",
    "’",
    "'",
    ",",
    ".",
    ":",
    ";",
    " — ",
    "\n",
    "\n\n",
    "- ",
    "* ",
    "• ",
    "1. ",
    "a) ",
    "Mr.",
    "J.",
    "3.5",
    "Jan.",
    "the North",
    "North Korea",
    "and",
    "of",
    "the",
    "a",
    "é",
    "日本",
    "🙂",
    "\u{0301}",
    "Enoh T. Ebong",
    "(",
    ")",
    "[",
    "]",
    "KCNA",
    "Ministry",
    "Thomas",
    "Sam",
    "Sams",
    "sister",
    "official",
    "regime",
    "news agency",
    // Attribution paths of the speaker stage.
    ", which",
    ", who",
    "in the words of",
    "issued a statement",
    "called",
    "and said",
    "Ms.",
    "his wife",
    "One of them,",
    "\n– ",
    "the report's authors",
    "were",
];

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| {
        let mut s = String::new();
        for (i, p) in v.iter().enumerate() {
            if i > 0 && i % 3 != 0 {
                s.push(' ');
            }
            s.push_str(p);
        }
        s
    })
}

fn on_boundary(text: &str, s: Span) -> bool {
    s.start <= s.end
        && s.end <= text.len()
        && text.is_char_boundary(s.start)
        && text.is_char_boundary(s.end)
}

fn check_invariants(text: &str, a: &Analysis) -> Result<(), TestCaseError> {
    let mut all_mentions: Vec<Span> = Vec::new();
    for (i, actor) in a.actors.iter().enumerate() {
        prop_assert_eq!(actor.id.index(), i);
        prop_assert!(!actor.mentions.is_empty());
        for w in actor.mentions.windows(2) {
            prop_assert!(w[0].end <= w[1].start, "mentions of one actor overlap");
        }
        for &m in &actor.mentions {
            prop_assert!(on_boundary(text, m));
            prop_assert!(!m.is_empty());
            all_mentions.push(m);
        }
    }
    all_mentions.sort();
    for w in all_mentions.windows(2) {
        prop_assert!(
            w[0].end <= w[1].start,
            "mentions of different actors overlap"
        );
    }
    for w in a.quotes.windows(2) {
        prop_assert!(w[0].span.end <= w[1].span.start, "quotes overlap");
    }
    for q in &a.quotes {
        prop_assert!(on_boundary(text, q.span));
        if let Some(c) = q.cue {
            prop_assert!(on_boundary(text, c));
        }
        if let Some(s) = q.speaker {
            prop_assert!(s.index() < a.actors.len(), "speaker is no actor");
        }
        prop_assert_eq!(
            q.attribution.is_some(),
            q.speaker.is_some(),
            "how the speaker was found, exactly when there is one"
        );
    }
    for l in &a.lists {
        prop_assert!(!l.items.is_empty());
        for &s in l.items.iter().chain(l.lead.iter()) {
            prop_assert!(on_boundary(text, s));
        }
    }
    for b in &a.blocks {
        prop_assert!(on_boundary(text, b.span));
    }
    for w in a.blocks.windows(2) {
        prop_assert!(w[0].span.end <= w[1].span.start, "blocks out of order");
    }
    for &s in &a.sentences {
        prop_assert!(on_boundary(text, s));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_unicode_input(text in any::<String>()) {
        let a = analyze(&text);
        check_invariants(&text, &a)?;
        prop_assert_eq!(&a, &analyze(&text));
    }

    #[test]
    fn news_like_input(text in article()) {
        let a = analyze(&text);
        check_invariants(&text, &a)?;
        prop_assert_eq!(&a, &analyze(&text));
        prop_assert_eq!(to_json(&text, &a), to_json(&text, &analyze(&text)));
    }

    #[test]
    fn json_is_valid_with_char_offsets(text in article()) {
        let a = analyze(&text);
        let v: serde_json::Value = serde_json::from_str(&to_json(&text, &a)).expect("valid JSON");
        let chars: Vec<char> = text.chars().collect();
        for actor in v["actors"].as_array().unwrap() {
            for m in actor["mentions"].as_array().unwrap() {
                let (s, e) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
                let slice: String = chars[s..e].iter().collect();
                prop_assert_eq!(slice.as_str(), m["text"].as_str().unwrap());
            }
        }
        for q in v["quotes"].as_array().unwrap() {
            let (s, e) = (q["start"].as_u64().unwrap() as usize, q["end"].as_u64().unwrap() as usize);
            let slice: String = chars[s..e].iter().collect();
            prop_assert_eq!(slice.as_str(), q["text"].as_str().unwrap());
        }
    }
}

#[test]
fn empty_and_whitespace_inputs() {
    for text in ["", " ", "\n\n", "\t", "“", "”", "\"\"", "- ", "1.", "’s"] {
        let a = analyze(text);
        assert!(a.actors.is_empty(), "{text:?}");
    }
}
