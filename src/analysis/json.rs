//! The analysis as JSON, with character offsets (Unicode scalar values).
//!
//! Byte offsets become character offsets here and nowhere else, in one
//! linear pass over the text.

use serde_json::{json, Map, Value};

use super::{Analysis, BlockKind, Span};

/// Serialises an analysis of `text` to the JSON described in SCHEMA.md.
///
/// # Examples
///
/// ```
/// use article_explorer::analysis::{analyze, to_json};
/// let text = "\u{201c}We will win,\u{201d} said Jane Doe.";
/// let json = to_json(text, &analyze(text));
/// assert!(json.contains("\"quotes\""));
/// ```
pub fn to_json(text: &str, analysis: &Analysis) -> String {
    let chars = CharOffsets::new(text, analysis);
    let span = |s: Span| json!({"start": chars.get(s.start), "end": chars.get(s.end), "text": &text[s]});
    let actors: Vec<Value> = analysis
        .actors
        .iter()
        .map(|a| {
            json!({
                "id": format!("a{}", a.id.0),
                "name": a.name,
                "kind": a.kind.as_str(),
                "mentions": a.mentions.iter().map(|&m| span(m)).collect::<Vec<_>>(),
            })
        })
        .collect();
    let quotes: Vec<Value> = analysis
        .quotes
        .iter()
        .map(|q| {
            let mut v = span(q.span);
            let obj = v.as_object_mut().expect("span is an object");
            obj.insert("speaker".into(), q.speaker.map_or(Value::Null, |a| Value::String(format!("a{}", a.0))));
            obj.insert("cue".into(), q.cue.map_or(Value::Null, span));
            v
        })
        .collect();
    let lists: Vec<Value> = analysis
        .lists
        .iter()
        .map(|l| {
            json!({
                "lead": l.lead.map_or(Value::Null, span),
                "topic": l.topic,
                "items": l.items.iter().map(|&i| span(i)).collect::<Vec<_>>(),
            })
        })
        .collect();
    let headings: Vec<Value> =
        analysis.blocks.iter().filter(|b| b.kind == BlockKind::Heading).map(|b| span(b.span)).collect();
    let mut root = Map::new();
    root.insert("actors".into(), Value::Array(actors));
    root.insert("quotes".into(), Value::Array(quotes));
    root.insert("lists".into(), Value::Array(lists));
    root.insert("headings".into(), Value::Array(headings));
    root.insert(
        "sentences".into(),
        Value::Array(analysis.sentences.iter().map(|&s| json!([chars.get(s.start), chars.get(s.end)])).collect()),
    );
    serde_json::to_string_pretty(&Value::Object(root)).unwrap_or_default()
}

/// Byte offset → char offset for every offset the analysis uses.
struct CharOffsets {
    bytes: Vec<usize>,
    chars: Vec<usize>,
}

impl CharOffsets {
    fn new(text: &str, a: &Analysis) -> CharOffsets {
        let mut bytes: Vec<usize> = Vec::new();
        let mut add = |s: Span| {
            bytes.push(s.start);
            bytes.push(s.end);
        };
        a.actors.iter().flat_map(|x| x.mentions.iter()).for_each(|&m| add(m));
        for q in &a.quotes {
            add(q.span);
            if let Some(c) = q.cue {
                add(c);
            }
        }
        for l in &a.lists {
            l.lead.into_iter().chain(l.items.iter().copied()).for_each(&mut add);
        }
        a.blocks.iter().for_each(|b| add(b.span));
        a.sentences.iter().for_each(|&s| add(s));
        bytes.sort_unstable();
        bytes.dedup();
        let mut chars = Vec::with_capacity(bytes.len());
        let mut n_chars = 0;
        let mut next = 0;
        for (b, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            while next < bytes.len() && bytes[next] <= b {
                chars.push(n_chars);
                next += 1;
            }
            n_chars += 1;
        }
        while chars.len() < bytes.len() {
            chars.push(n_chars);
        }
        CharOffsets { bytes, chars }
    }

    fn get(&self, byte: usize) -> usize {
        match self.bytes.binary_search(&byte) {
            Ok(i) => self.chars[i],
            Err(_) => 0,
        }
    }
}
