//! Native tests of what keeps a reader's work and says how sure a speaker
//! is: the history of replaced texts and the speaker notes of quotes.

use article_explorer::analysis::{Actor, ActorId, ActorKind, Analysis, Attribution, Quote, Span};
use article_explorer::view::{
    history_title, previous, remember, speaker_note, Doc, MAX_KEPT_BYTES, MAX_KEPT_TEXTS,
};

#[test]
fn history_keeps_the_newest_texts_once_each() {
    let mut history: Vec<String> = Vec::new();
    for text in ["one", "two", "", "   ", "one", "three"] {
        remember(&mut history, text);
    }
    assert_eq!(
        history,
        ["three", "one", "two"],
        "blank texts are not kept, repeats move up"
    );
    for n in 0..10 {
        remember(&mut history, &format!("text {n}"));
    }
    assert_eq!(history.len(), MAX_KEPT_TEXTS);
    assert_eq!(history[0], "text 9");
}

#[test]
fn history_keeps_within_its_byte_budget_but_always_the_newest() {
    let big = "x".repeat(MAX_KEPT_BYTES / 2 + 1);
    let mut history = vec!["small".to_string()];
    remember(&mut history, &big);
    remember(&mut history, &big.replace('x', "y"));
    assert_eq!(history.len(), 1, "two big texts do not fit together");
    assert!(history[0].starts_with('y'));
    let huge = "z".repeat(MAX_KEPT_BYTES + 10);
    remember(&mut history, &huge);
    assert_eq!(
        history,
        [huge],
        "the newest text is kept even alone over the budget"
    );
}

#[test]
fn previous_skips_the_text_on_screen() {
    let history = vec!["sample".to_string(), "mine".to_string()];
    assert_eq!(previous(&history, "sample"), Some("mine"));
    assert_eq!(previous(&history, "other"), Some("sample"));
    assert_eq!(previous(&["same".to_string()], "same"), None);
    assert_eq!(previous(&[], ""), None);
}

#[test]
fn history_titles_name_the_first_line_and_length() {
    assert_eq!(history_title("Budget\nOne two."), "Budget · 3 words");
    let long = format!("{}\nx", "word ".repeat(30));
    assert!(history_title(&long).contains('…'));
    assert_eq!(history_title("single"), "single · 1 word");
}

/// One quote per way of finding a speaker, plus one with none.
fn doc_with_every_attribution() -> Doc {
    let text = "Jane Doe: “a” “b” “c” “d” “e”";
    let span = |needle: &str| {
        let start = text.find(needle).unwrap();
        Span::new(start, start + needle.len())
    };
    let quote = |needle, how: Option<Attribution>| Quote {
        span: span(needle),
        speaker: how.map(|_| ActorId(0)),
        cue: None,
        attribution: how,
    };
    let analysis = Analysis {
        actors: vec![Actor {
            id: ActorId(0),
            name: "Jane Doe".into(),
            kind: ActorKind::Person,
            mentions: vec![span("Jane Doe")],
        }],
        quotes: vec![
            quote("a", Some(Attribution::Cue)),
            quote("b", Some(Attribution::Nearby)),
            quote("c", Some(Attribution::Pronoun)),
            quote("d", Some(Attribution::Continued)),
            quote("e", None),
        ],
        ..Analysis::default()
    };
    Doc::new(text.to_string(), analysis)
}

#[test]
fn only_a_speaker_named_at_the_quote_reads_certain() {
    let doc = doc_with_every_attribution();
    let notes: Vec<(String, bool)> = (0..5)
        .map(|idx| {
            let note = speaker_note(&doc, idx);
            (note.badge.clone(), note.is_uncertain())
        })
        .collect();
    assert_eq!(
        notes,
        [
            ("Jane Doe".to_string(), false),
            ("Jane Doe?".to_string(), true),
            ("Jane Doe?".to_string(), true),
            ("Jane Doe?".to_string(), true),
            ("Unattributed".to_string(), false),
        ]
    );
    assert_eq!(
        speaker_note(&doc, 0).label,
        "Speaker: Jane Doe, named with the quote"
    );
    assert_eq!(
        speaker_note(&doc, 2).label,
        "Speaker: Jane Doe, inferred from a pronoun (he, she, they)"
    );
    assert_eq!(
        speaker_note(&doc, 3).label,
        "Speaker: Jane Doe, carried over from the previous quote"
    );
    assert_eq!(speaker_note(&doc, 4).label, "No speaker found");
    assert_eq!(
        speaker_note(&doc, 99).badge,
        "Unattributed",
        "an unknown quote is not a panic"
    );
}
