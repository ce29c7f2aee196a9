//! The analysis as JSON, with character offsets (Unicode scalar values).
//!
//! Byte offsets become character offsets here and nowhere else, in one
//! linear pass over the text.

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
    // Written by hand rather than through a `serde_json::Value` tree: the
    // tree costs several hundred bytes per mention on long texts.
    let chars = CharOffsets::new(text, analysis);
    let mut out = String::with_capacity(text.len() * 2 + 256);
    let span = |out: &mut String, s: Span| {
        out.push_str(&format!(
            "{{\"start\": {}, \"end\": {}, \"text\": ",
            chars.get(s.start),
            chars.get(s.end)
        ));
        push_str(out, &text[s]);
        out.push('}');
    };
    out.push_str("{\n  \"actors\": [");
    for (i, a) in analysis.actors.iter().enumerate() {
        out.push_str(if i == 0 { "\n    " } else { ",\n    " });
        out.push_str(&format!("{{\"id\": \"a{}\", \"name\": ", a.id.0));
        push_str(&mut out, &a.name);
        out.push_str(&format!(
            ", \"kind\": \"{}\", \"mentions\": [",
            a.kind.as_str()
        ));
        for (k, &m) in a.mentions.iter().enumerate() {
            if k > 0 {
                out.push_str(", ");
            }
            span(&mut out, m);
        }
        out.push_str("]}");
    }
    out.push_str("\n  ],\n  \"quotes\": [");
    for (i, q) in analysis.quotes.iter().enumerate() {
        out.push_str(if i == 0 { "\n    " } else { ",\n    " });
        span(&mut out, q.span);
        out.pop();
        match q.speaker {
            Some(a) => out.push_str(&format!(", \"speaker\": \"a{}\"", a.0)),
            None => out.push_str(", \"speaker\": null"),
        }
        out.push_str(", \"cue\": ");
        match q.cue {
            Some(c) => span(&mut out, c),
            None => out.push_str("null"),
        }
        match q.attribution {
            Some(a) => out.push_str(&format!(", \"attribution\": \"{}\"", a.as_str())),
            None => out.push_str(", \"attribution\": null"),
        }
        out.push('}');
    }
    out.push_str("\n  ],\n  \"lists\": [");
    for (i, l) in analysis.lists.iter().enumerate() {
        out.push_str(if i == 0 { "\n    " } else { ",\n    " });
        out.push_str("{\"lead\": ");
        match l.lead {
            Some(s) => span(&mut out, s),
            None => out.push_str("null"),
        }
        out.push_str(", \"topic\": ");
        match &l.topic {
            Some(t) => push_str(&mut out, t),
            None => out.push_str("null"),
        }
        out.push_str(", \"items\": [");
        for (k, &it) in l.items.iter().enumerate() {
            out.push_str(if k == 0 { "\n      " } else { ",\n      " });
            span(&mut out, it);
        }
        out.push_str("]}");
    }
    out.push_str("\n  ],\n  \"headings\": [");
    let headings = analysis
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Heading);
    for (i, b) in headings.enumerate() {
        out.push_str(if i == 0 { "\n    " } else { ",\n    " });
        span(&mut out, b.span);
    }
    out.push_str("\n  ],\n  \"places\": [");
    for (i, &p) in analysis.places.iter().enumerate() {
        out.push_str(if i == 0 { "\n    " } else { ",\n    " });
        span(&mut out, p);
    }
    // Who made the article (bylines, credit lines), apart from its actors.
    out.push_str("\n  ],\n  \"credits\": [");
    for (i, c) in analysis.credits.iter().enumerate() {
        out.push_str(if i == 0 { "\n    " } else { ",\n    " });
        span(&mut out, c.name);
        out.pop();
        out.push_str(&format!(", \"role\": \"{}\"}}", c.role.as_str()));
    }
    out.push_str("\n  ],\n  \"sentences\": [");
    for (i, s) in analysis.sentences.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&format!("[{}, {}]", chars.get(s.start), chars.get(s.end)));
    }
    out.push_str("]\n}");
    out
}

/// Appends `s` as a JSON string literal.
fn push_str(out: &mut String, s: &str) {
    out.push_str(&serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string()));
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
        a.actors
            .iter()
            .flat_map(|x| x.mentions.iter())
            .for_each(|&m| add(m));
        for q in &a.quotes {
            add(q.span);
            if let Some(c) = q.cue {
                add(c);
            }
        }
        for l in &a.lists {
            l.lead
                .into_iter()
                .chain(l.items.iter().copied())
                .for_each(&mut add);
        }
        a.blocks.iter().for_each(|b| add(b.span));
        a.credits.iter().for_each(|c| add(c.name));
        a.sentences.iter().for_each(|&s| add(s));
        a.places.iter().for_each(|&p| add(p));
        super::order::sort(&mut bytes);
        bytes.dedup();
        let mut chars = Vec::with_capacity(bytes.len());
        let mut n_chars = 0;
        let mut next = 0;
        for (b, _) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
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
