//! The `check` helper: an article with inline markup for what the analysis
//! must find.
//!
//! - `[[Trump|t]]` a mention of actor `t`; every mention with the same label
//!   must belong to one actor, different labels to different actors.
//!   `[[Trump|t:person]]` also checks the actor's kind.
//! - `{{We will win|t}}` a quote whose speaker is actor `t`; `{{…|-}}` a
//!   quote with no speaker.
//!
//! Mentions and quotes are checked exactly: anything found that is not
//! marked fails the case, so each case also guards precision.

use std::collections::HashMap;

use article_explorer::analysis::{analyze, Analysis, Span};

pub struct Marked {
    pub text: String,
    /// (span, label, kind)
    pub mentions: Vec<(Span, String, Option<String>)>,
    /// (span, speaker label or "-")
    pub quotes: Vec<(Span, String)>,
}

/// Strips the markup, remembering what it marked.
pub fn parse(marked: &str) -> Marked {
    let mut text = String::new();
    let mut mentions = Vec::new();
    let mut quotes = Vec::new();
    // (is_quote, start in text)
    let mut stack: Vec<(bool, usize)> = Vec::new();
    let mut rest = marked;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("[[") {
            stack.push((false, text.len()));
            rest = r;
        } else if let Some(r) = rest.strip_prefix("{{") {
            stack.push((true, text.len()));
            rest = r;
        } else if rest.starts_with('|') && !stack.is_empty() {
            let close = if stack.last().unwrap().0 { "}}" } else { "]]" };
            let end = rest.find(close).expect("unclosed markup");
            let label = &rest[1..end];
            let (is_quote, start) = stack.pop().unwrap();
            let span = Span {
                start,
                end: text.len(),
            };
            if is_quote {
                quotes.push((span, label.to_string()));
            } else {
                let (label, kind) = match label.split_once(':') {
                    Some((l, k)) => (l.to_string(), Some(k.to_string())),
                    None => (label.to_string(), None),
                };
                mentions.push((span, label, kind));
            }
            rest = &rest[end + 2..];
        } else {
            let c = rest.chars().next().unwrap();
            text.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    mentions.sort_by_key(|m| m.0);
    quotes.sort_by_key(|q| q.0);
    Marked {
        text,
        mentions,
        quotes,
    }
}

/// Analyses the unmarked text and compares it with the markup.
pub fn check(marked: &str) -> Analysis {
    let m = parse(marked);
    let analysis = analyze(&m.text);
    let text = &m.text;
    let show = |s: Span| format!("{:?}@{}", &text[s.start..s.end], s.start);

    // Mentions: exactly the marked spans, grouped as labelled.
    let mut got: Vec<(Span, usize)> = Vec::new();
    for (ai, actor) in analysis.actors.iter().enumerate() {
        for &s in &actor.mentions {
            got.push((s, ai));
        }
    }
    got.sort();
    let want: Vec<Span> = m.mentions.iter().map(|x| x.0).collect();
    let got_spans: Vec<Span> = got.iter().map(|x| x.0).collect();
    assert_eq!(
        got_spans.iter().map(|&s| show(s)).collect::<Vec<_>>(),
        want.iter().map(|&s| show(s)).collect::<Vec<_>>(),
        "mentions differ in {text:?}\nactors: {:#?}",
        analysis
            .actors
            .iter()
            .map(|a| (&a.name, a.kind))
            .collect::<Vec<_>>()
    );
    let mut label_actor: HashMap<&str, usize> = HashMap::new();
    let mut actor_label: HashMap<usize, &str> = HashMap::new();
    for ((span, label, kind), (_, ai)) in m.mentions.iter().zip(&got) {
        let prev = *label_actor.entry(label).or_insert(*ai);
        assert_eq!(
            prev,
            *ai,
            "{} should belong with the other `{label}` mentions in {text:?}",
            show(*span)
        );
        let prev_label = *actor_label.entry(*ai).or_insert(label);
        assert_eq!(
            prev_label,
            label,
            "{} and `{prev_label}` mentions are one actor in {text:?}",
            show(*span)
        );
        if let Some(kind) = kind {
            assert_eq!(
                analysis.actors[*ai].kind.as_str(),
                kind,
                "kind of {}",
                show(*span)
            );
        }
    }

    // Quotes: exactly the marked spans, with the labelled speakers.
    let got_quotes: Vec<String> = analysis.quotes.iter().map(|q| show(q.span)).collect();
    let want_quotes: Vec<String> = m.quotes.iter().map(|q| show(q.0)).collect();
    assert_eq!(got_quotes, want_quotes, "quotes differ in {text:?}");
    for (q, (span, label)) in analysis.quotes.iter().zip(&m.quotes) {
        let got = q.speaker.map(|a| a.index());
        let want = if label == "-" {
            None
        } else {
            Some(
                *label_actor
                    .get(label.as_str())
                    .unwrap_or_else(|| panic!("speaker `{label}` is never marked")),
            )
        };
        assert_eq!(
            got.map(|a| &analysis.actors[a].name),
            want.map(|a| &analysis.actors[a].name),
            "speaker of {} in {text:?}",
            show(*span)
        );
    }
    analysis
}

/// The texts of the items of every list, and each list's lead and topic.
pub fn lists(text: &str) -> Vec<(Option<String>, Option<String>, Vec<String>)> {
    let a = analyze(text);
    a.lists
        .iter()
        .map(|l| {
            (
                l.lead.map(|s| text[s.start..s.end].to_string()),
                l.topic.clone(),
                l.items
                    .iter()
                    .map(|s| text[s.start..s.end].to_string())
                    .collect(),
            )
        })
        .collect()
}
