//! Native tests of the overview strip and the who-is-quoted chart: binning,
//! the selected actor's extra row, dense rows as histograms, and the words
//! each mark is shown and read with.

use article_explorer::analysis::{Actor, ActorId, ActorKind, Analysis, Attribution, Quote, Span};
use article_explorer::view::{
    mention_mark_label, overview, percent, quote_chart, quote_mark_label, Doc, Mark,
};

fn actor(id: u32, n_mentions: usize) -> Actor {
    let mentions = (0..n_mentions)
        .map(|idx| Span::new(idx * 10, idx * 10 + 3))
        .collect();
    Actor {
        id: ActorId(id),
        name: format!("A{id}"),
        kind: ActorKind::Person,
        mentions,
    }
}

fn quote(start: usize, end: usize, speaker: Option<u32>, how: Attribution) -> Quote {
    Quote {
        span: Span::new(start, end),
        speaker: speaker.map(ActorId),
        cue: None,
        attribution: speaker.map(|_| how),
    }
}

fn said(start: usize, end: usize, speaker: Option<u32>) -> Quote {
    quote(start, end, speaker, Attribution::Cue)
}

/// (at, first, count) of a mark.
type Shape = (f64, usize, usize);

fn shape(marks: &[Mark]) -> Vec<Shape> {
    marks.iter().map(|m| (m.at, m.first, m.count)).collect()
}

#[test]
fn overview_bins_positions_and_keeps_the_top_rows() {
    let analysis = Analysis {
        actors: vec![actor(0, 3), actor(1, 1), actor(2, 2)],
        quotes: vec![
            said(50, 60, Some(0)),
            said(51, 52, None),
            said(90, 95, None),
        ],
        ..Analysis::default()
    };
    let data = overview(&analysis, 100, &[0, 40], 2, 10, None);
    assert_eq!(data.bins, 10);
    let rows: Vec<(u32, bool, Vec<Shape>)> = data
        .rows
        .iter()
        .map(|r| (r.actor.0, r.extra, shape(&r.marks)))
        .collect();
    assert_eq!(
        rows,
        [
            (0, false, vec![(0.0, 0, 1), (0.1, 1, 1), (0.2, 2, 1)]),
            (2, false, vec![(0.0, 0, 1), (0.1, 1, 1)]),
        ]
    );
    // Two quotes share a bin: one mark for both, pointing at the first.
    assert_eq!(shape(&data.quotes), [(0.5, 0, 2), (0.9, 2, 1)]);
    assert_eq!(data.headings, [0.0, 0.4]);
    // An empty article has nowhere to put anything, and must not divide by 0.
    assert!(overview(&Analysis::default(), 0, &[], 6, 400, None)
        .rows
        .is_empty());
}

#[test]
fn the_selected_actor_gets_a_row_when_not_among_the_top() {
    let analysis = Analysis {
        actors: vec![actor(0, 3), actor(1, 1), actor(2, 2)],
        ..Analysis::default()
    };
    let rows = |selected| -> Vec<(u32, bool)> {
        overview(&analysis, 100, &[], 2, 10, selected)
            .rows
            .iter()
            .map(|r| (r.actor.0, r.extra))
            .collect()
    };
    assert_eq!(rows(None), [(0, false), (2, false)]);
    assert_eq!(rows(Some(ActorId(1))), [(0, false), (2, false), (1, true)]);
    assert_eq!(
        rows(Some(ActorId(2))),
        [(0, false), (2, false)],
        "already shown"
    );
    assert_eq!(
        rows(Some(ActorId(9))),
        [(0, false), (2, false)],
        "no such actor"
    );
}

/// Regression: with hundreds of quotes the quotes row was painted as one
/// solid bar; marks now aggregate per bin and their height follows the count.
#[test]
fn a_dense_row_aggregates_into_a_histogram() {
    // 400 quotes: 300 in the first tenth of the article, 100 spread over the rest.
    let mut quotes: Vec<Quote> = (0..300).map(|i| said(i * 3, i * 3 + 2, None)).collect();
    quotes.extend((0..100).map(|i| said(1000 + i * 90, 1000 + i * 90 + 2, None)));
    let analysis = Analysis {
        quotes,
        ..Analysis::default()
    };
    let data = overview(&analysis, 10_000, &[], 6, 40, None);
    assert!(data.quotes.len() <= 40, "{} marks", data.quotes.len());
    let total: usize = data.quotes.iter().map(|m| m.count).sum();
    assert_eq!(total, 400, "every quote is in some mark");
    let fullest = data.quotes.iter().max_by_key(|m| m.count).unwrap();
    assert_eq!(fullest.level, 4);
    assert!(fullest.at < 0.1);
    let sparse = data.quotes.last().unwrap();
    assert!(sparse.count < fullest.count / 10);
    assert_eq!(
        sparse.level, 1,
        "a sparse bin is drawn low, not full height"
    );
    // Marks are in text order, do not overlap, and cover quotes in sequence.
    for pair in data.quotes.windows(2) {
        assert!(pair[0].at + pair[0].width <= pair[1].at + 1e-9);
        assert_eq!(pair[0].first + pair[0].count, pair[1].first);
    }
    // A sparse row keeps full-height ticks.
    let one = overview(
        &Analysis {
            actors: vec![actor(0, 3)],
            ..Analysis::default()
        },
        100,
        &[],
        6,
        40,
        None,
    );
    assert!(one.rows[0].marks.iter().all(|m| m.level == 4));
}

#[test]
fn marks_say_what_they_are() {
    let text = "Jane said “We will win the vote tomorrow” and “Yes”. Again “no”.";
    let start = |needle: &str| text.find(needle).unwrap();
    let span = |needle: &str| Span::new(start(needle), start(needle) + needle.len());
    let analysis = Analysis {
        actors: vec![Actor {
            id: ActorId(0),
            name: "Jane".into(),
            kind: ActorKind::Person,
            mentions: vec![Span::new(0, 4)],
        }],
        quotes: vec![
            Quote {
                span: span("We will win the vote tomorrow"),
                speaker: Some(ActorId(0)),
                cue: None,
                attribution: Some(Attribution::Cue),
            },
            Quote {
                span: span("Yes"),
                speaker: None,
                cue: None,
                attribution: None,
            },
            Quote {
                span: span("no"),
                speaker: None,
                cue: None,
                attribution: None,
            },
        ],
        ..Analysis::default()
    };
    let doc = Doc::new(text.to_string(), analysis);
    let mark = |first, count| Mark {
        at: 0.0,
        width: 0.1,
        first,
        count,
        level: 4,
    };
    assert_eq!(
        quote_mark_label(&doc, &mark(0, 1)),
        "Quote 1 of 3, Jane: “We will win the vote tomorrow”"
    );
    assert_eq!(
        quote_mark_label(&doc, &mark(2, 1)),
        "Quote 3 of 3, no speaker found: “no”"
    );
    assert_eq!(quote_mark_label(&doc, &mark(1, 2)), "Quotes 2–3 of 3");
    assert_eq!(
        mention_mark_label("Jane", &mark(0, 1), 12),
        "Jane: mention 1 of 12"
    );
    assert_eq!(
        mention_mark_label("Jane", &mark(2, 3), 12),
        "Jane: mentions 3–5 of 12"
    );
}

#[test]
fn quote_chart_counts_quotes_words_and_inferred_speakers() {
    let text = "one two three four five six seven";
    let analysis = Analysis {
        actors: vec![actor(0, 1), actor(1, 1)],
        quotes: vec![
            said(0, 7, Some(1)),
            said(8, 13, Some(0)),
            quote(14, 18, Some(0), Attribution::Pronoun),
            said(19, 33, None),
            quote(0, 999, Some(1), Attribution::Continued),
        ],
        ..Analysis::default()
    };
    let chart = quote_chart(&analysis, text);
    let bars: Vec<(u32, usize, usize, usize)> = chart
        .bars
        .iter()
        .map(|b| (b.speaker.0, b.n_quotes, b.n_words, b.n_inferred))
        .collect();
    // A span past the end counts as a quote of no words, not a panic.
    assert_eq!(bars, [(1, 2, 2, 1), (0, 2, 2, 1)]);
    assert_eq!((chart.n_unattributed, chart.unattributed_words), (1, 3));
    assert_eq!((chart.max_quotes(), chart.max_words()), (2, 2));
    assert_eq!(
        chart.bars[0].label("Jane Doe"),
        "Jane Doe: 2 quotes (1 inferred), 2 words"
    );
    let one = article_explorer::view::SpeakerBar {
        speaker: ActorId(0),
        n_quotes: 1,
        n_words: 1,
        n_inferred: 0,
    };
    assert_eq!(one.label("X"), "X: 1 quote, 1 word");
}

#[test]
fn percentages_for_css_lengths() {
    let cases = [
        (0.0, "0.00%"),
        (0.5, "50.00%"),
        (0.12345, "12.35%"),
        (1.0, "100.00%"),
        (2.0, "100.00%"),
        (-1.0, "0.00%"),
        (f64::NAN, "0.00%"),
    ];
    for (fraction, expected) in cases {
        assert_eq!(percent(fraction), expected, "{fraction}");
    }
}
