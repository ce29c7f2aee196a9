//! Native tests of the article view model: blocks become parts, highlights
//! become flat segments, and nothing the engine could send makes it panic.

use article_explorer::analysis::{
    Actor, ActorId, ActorKind, Analysis, Attribution, Block, BlockKind, List, Quote, Span,
};
use article_explorer::view::{BlockView, Doc, Part};

/// The `nth` (from 0) occurrence of `needle` in `text`.
fn span(text: &str, needle: &str, nth: usize) -> Span {
    let start = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("no {needle:?} #{nth}"))
        .0;
    Span::new(start, start + needle.len())
}

fn actor(id: u32, name: &str, kind: ActorKind, mentions: Vec<Span>) -> Actor {
    Actor {
        id: ActorId(id),
        name: name.to_string(),
        kind,
        mentions,
    }
}

/// One block per line: "# " heading, "- " or "1. " list item, else paragraph.
fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        let (kind, skip) = if let Some(rest) = body.strip_prefix("## ") {
            (BlockKind::Heading, body.len() - rest.len())
        } else if let Some(rest) = body.strip_prefix("# ") {
            (BlockKind::Heading, body.len() - rest.len())
        } else if let Some(rest) = body.strip_prefix("- ") {
            (BlockKind::ListItem, body.len() - rest.len())
        } else if body.starts_with("1. ") || body.starts_with("2. ") {
            (BlockKind::ListItem, 3)
        } else {
            (BlockKind::Paragraph, 0)
        };
        if !body.is_empty() {
            out.push(Block {
                kind,
                span: Span::new(start + skip, start + body.len()),
            });
        }
        start += line.len();
    }
    out
}

/// The model as compact markup: `{id:text}` mentions, `<qN>…</qN>` quotes,
/// `<leadN>…</leadN>` lead-ins, one line per part.
fn markup(doc: &Doc) -> String {
    fn block(doc: &Doc, view: &BlockView) -> String {
        let mut out = String::new();
        let (mut lead, mut quote) = (None, None);
        for seg in &view.segments {
            if seg.lead != lead || seg.quote != quote {
                if let Some(q) = quote {
                    out.push_str(&format!("</q{q}>"));
                }
                if seg.lead != lead {
                    if let Some(l) = lead {
                        out.push_str(&format!("</lead{l}>"));
                    }
                    if let Some(l) = seg.lead {
                        out.push_str(&format!("<lead{l}>"));
                    }
                }
                if let Some(q) = seg.quote {
                    out.push_str(&format!("<q{q}>"));
                }
                (lead, quote) = (seg.lead, seg.quote);
            }
            match seg.actor {
                Some(id) => out.push_str(&format!("{{{}:{}}}", id.0, doc.slice(seg.span))),
                None => out.push_str(doc.slice(seg.span)),
            }
        }
        if let Some(q) = quote {
            out.push_str(&format!("</q{q}>"));
        }
        if let Some(l) = lead {
            out.push_str(&format!("</lead{l}>"));
        }
        out
    }
    let parts = doc.article.parts.iter().map(|part| match part {
        Part::Heading {
            level, block: b, ..
        } => format!("h{level}: {}", block(doc, b)),
        Part::Paragraph(b) => format!("p: {}", block(doc, b)),
        Part::Byline(b) => format!("byline: {}", block(doc, b)),
        Part::Credit(b) => format!("credit: {}", block(doc, b)),
        Part::List { ordered, items } => {
            let tag = if *ordered { "ol" } else { "ul" };
            let items: Vec<String> = items
                .iter()
                .map(|b| match b.item {
                    Some(r) => format!("[{}.{}] {}", r.list, r.item, block(doc, b)),
                    None => block(doc, b),
                })
                .collect();
            format!("{tag}: {}", items.join(" | "))
        }
    });
    parts.collect::<Vec<_>>().join("\n")
}

fn check(text: &str, analysis: Analysis, expected: &str) {
    let doc = Doc::new(text.to_string(), analysis);
    assert_eq!(markup(&doc), expected.trim());
}

#[test]
fn plain_paragraphs_without_highlights() {
    let text = "One line.\nTwo line.";
    let analysis = Analysis {
        blocks: blocks(text),
        ..Analysis::default()
    };
    check(text, analysis, "p: One line.\np: Two line.");
}

#[test]
fn text_without_blocks_falls_back_to_one_paragraph_per_line() {
    let text = "  First.\n\nSecond.  \n";
    check(text, Analysis::default(), "p: First.\np: Second.");
}

#[test]
fn mentions_inside_a_quote_nest_in_it() {
    let text = "“Ukraine will win,” said Zelenskyy.";
    let analysis = Analysis {
        actors: vec![
            actor(
                0,
                "Ukraine",
                ActorKind::Country,
                vec![span(text, "Ukraine", 0)],
            ),
            actor(
                1,
                "Volodymyr Zelenskyy",
                ActorKind::Person,
                vec![span(text, "Zelenskyy", 0)],
            ),
        ],
        quotes: vec![Quote {
            span: span(text, "Ukraine will win,", 0),
            speaker: Some(ActorId(1)),
            cue: None,
            attribution: Some(Attribution::Cue),
        }],
        blocks: blocks(text),
        ..Analysis::default()
    };
    check(
        text,
        analysis,
        "p: “<q0>{0:Ukraine} will win,</q0>” said {1:Zelenskyy}.",
    );
}

#[test]
fn overlapping_mentions_keep_the_earliest_longest() {
    let text = "President Donald Trump spoke.";
    let analysis = Analysis {
        actors: vec![
            actor(
                0,
                "Donald Trump",
                ActorKind::Person,
                vec![span(text, "President Donald Trump", 0)],
            ),
            actor(1, "Trump", ActorKind::Person, vec![span(text, "Trump", 0)]),
        ],
        blocks: blocks(text),
        ..Analysis::default()
    };
    check(text, analysis, "p: {0:President Donald Trump} spoke.");
}

#[test]
fn headings_lists_and_lead_ins() {
    let text = "# Title\n## Security\nExperts say guarantees might include:\n- Weapons\n- Training\n1. First\n2. Second";
    let analysis = Analysis {
        lists: vec![
            List {
                lead: Some(span(text, "Experts say guarantees might include:", 0)),
                topic: Some("guarantees".into()),
                items: vec![span(text, "Weapons", 0), span(text, "Training", 0)],
            },
            List {
                lead: None,
                topic: None,
                items: vec![span(text, "First", 0), span(text, "Second", 0)],
            },
        ],
        blocks: blocks(text),
        ..Analysis::default()
    };
    check(
        text,
        analysis,
        "
h2: Title
h3: Security
p: <lead0>Experts say guarantees might include:</lead0>
ul: [0.0] Weapons | [0.1] Training
ol: [1.0] First | [1.1] Second",
    );
}

#[test]
fn quote_across_two_paragraphs_is_cut_at_the_block_edge() {
    let text = "He said “one\ntwo” then.";
    let start = text.find("one").unwrap();
    let end = text.find("two").unwrap() + 3;
    let analysis = Analysis {
        quotes: vec![Quote {
            span: Span::new(start, end),
            speaker: None,
            cue: None,
            attribution: None,
        }],
        blocks: blocks(text),
        ..Analysis::default()
    };
    check(
        text,
        analysis,
        "p: He said “<q0>one</q0>\np: <q0>two</q0>” then.",
    );
}

#[test]
fn spans_out_of_bounds_or_inside_a_character_are_dropped_not_panicked_on() {
    let text = "Café au lait";
    let analysis = Analysis {
        actors: vec![actor(
            0,
            "X",
            ActorKind::Place,
            vec![Span::new(3, 4), Span::new(0, 99), Span::new(0, 3)],
        )],
        quotes: vec![Quote {
            span: Span::new(6, 500),
            speaker: Some(ActorId(7)),
            cue: Some(Span::new(0, 1000)),
            attribution: Some(Attribution::Cue),
        }],
        lists: vec![List {
            lead: Some(Span::new(40, 50)),
            topic: None,
            items: vec![Span { start: 4, end: 2 }],
        }],
        blocks: vec![
            Block {
                kind: BlockKind::Paragraph,
                span: Span::new(0, text.len()),
            },
            Block {
                kind: BlockKind::Paragraph,
                span: Span::new(2, 5),
            },
            Block {
                kind: BlockKind::Heading,
                span: Span::new(0, 4000),
            },
        ],
        ..Analysis::default()
    };
    check(text, analysis, "p: {0:Caf}é au lait");
}

#[test]
fn segments_cover_each_block_exactly() {
    let text = article_explorer::SAMPLE;
    let mut analysis = Analysis {
        blocks: blocks(text),
        ..Analysis::default()
    };
    let words = [
        "Ukraine",
        "Trump",
        "Zelenskyy",
        "NATO",
        "Washington",
        "Russia",
    ];
    for (idx, word) in words.iter().enumerate() {
        let mentions = text
            .match_indices(word)
            .map(|(s, w)| Span::new(s, s + w.len()))
            .collect();
        analysis
            .actors
            .push(actor(idx as u32, word, ActorKind::Country, mentions));
    }
    let doc = Doc::new(text.to_string(), analysis);
    let views = doc.article.parts.iter().flat_map(|part| match part {
        Part::Heading { block, .. }
        | Part::Paragraph(block)
        | Part::Byline(block)
        | Part::Credit(block) => vec![block],
        Part::List { items, .. } => items.iter().collect(),
    });
    let mut n_mentions = 0;
    for view in views {
        let mut at = view.span.start;
        for seg in &view.segments {
            assert_eq!(seg.span.start, at);
            assert!(!seg.span.is_empty());
            at = seg.span.end;
            n_mentions += usize::from(seg.actor.is_some());
        }
        assert_eq!(at, view.span.end);
    }
    assert!(n_mentions > 20);
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    fn any_span(max: usize) -> impl Strategy<Value = Span> {
        (0..max, 0..max).prop_map(|(start, end)| Span { start, end })
    }

    proptest! {
        /// Whatever spans the engine might send, the view model is built
        /// without panicking and every part's text can be sliced.
        #[test]
        fn doc_new_is_total(
            text in "(\\PC|\n|[#\\-1. ]){0,80}",
            mentions in prop::collection::vec(any_span(90), 0..8),
            quotes in prop::collection::vec((any_span(90), prop::option::of(0u32..4)), 0..4),
            blocks in prop::collection::vec((any_span(90), 0u8..5), 0..8),
        ) {
            let kinds = [BlockKind::Heading, BlockKind::Paragraph, BlockKind::ListItem, BlockKind::Byline, BlockKind::Credit];
            let analysis = Analysis {
                actors: vec![actor(0, "A", ActorKind::Person, mentions.clone()), actor(1, "B", ActorKind::Group, mentions)],
                quotes: quotes.into_iter().map(|(span, speaker)| Quote { span, speaker: speaker.map(ActorId), cue: Some(span), attribution: speaker.map(|_| Attribution::Cue) }).collect(),
                lists: vec![List { lead: None, topic: Some(String::new()), items: blocks.iter().map(|b| b.0).collect() }],
                blocks: blocks.into_iter().map(|(span, kind)| Block { kind: kinds[kind as usize], span }).collect(),
                ..Analysis::default()
            };
            let doc = Doc::new(text.clone(), analysis);
            let _ = markup(&doc);
            let real = Doc::new(text.clone(), article_explorer::analysis::analyze(&text));
            let _ = markup(&real);
        }
    }
}
