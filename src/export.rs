//! Exports an analysis for use elsewhere: quotes as CSV for a spreadsheet,
//! a Markdown summary for notes, and a safe file name for either.
//!
//! Everything written here comes from a pasted article, which may be
//! hostile, so CSV fields are guarded against formula injection and
//! Markdown text is escaped so it stays text. Offsets are converted from the
//! analysis's UTF-8 bytes to characters here, at the edge.

use crate::analysis::case::lowercase;
use crate::analysis::{Actor, ActorId, ActorKind, Analysis, Attribution, Span};

/// Marks a file as UTF-8 for spreadsheets: Excel reads a CSV without it
/// in the system's legacy code page and garbles accented names. Put at the
/// start of a downloaded CSV file, not of text copied to the clipboard.
pub const UTF8_BOM: &str = "\u{feff}";

/// The quotes as CSV (RFC 4180, CRLF line ends), one row per quote in text
/// order: `speaker,kind,quote,position,attribution`, where `position` is
/// the quote's start as a character offset into `text` and `attribution`
/// says how the speaker was found (`cue`, `nearby`, `pronoun`,
/// `continued`; see [`Attribution`]). Unattributed quotes have an empty
/// speaker, kind and attribution.
///
/// # Examples
///
/// ```
/// use article_explorer::analysis::{Actor, ActorId, ActorKind, Analysis, Attribution, Quote, Span};
/// use article_explorer::export::quotes_csv;
/// let text = "Doe: \u{201c}=1+1, yes\u{201d}";
/// let analysis = Analysis {
///     actors: vec![Actor { id: ActorId(0), name: "Doe".into(), kind: ActorKind::Person, mentions: vec![Span::new(0, 3)] }],
///     quotes: vec![Quote { span: Span::new(8, 17), speaker: Some(ActorId(0)), cue: None, attribution: Some(Attribution::Cue) }],
///     ..Analysis::default()
/// };
/// assert_eq!(quotes_csv(text, &analysis), "speaker,kind,quote,position,attribution\r\nDoe,person,\"'=1+1, yes\",6,cue\r\n");
/// ```
pub fn quotes_csv(text: &str, analysis: &Analysis) -> String {
    let mut out = String::from("speaker,kind,quote,position,attribution\r\n");
    let mut offsets = CharOffsets::new(text);
    for quote in &analysis.quotes {
        let speaker = quote.speaker.and_then(|id| actor(analysis, id));
        let fields = [
            speaker.map_or("", |actor| actor.name.as_str()),
            speaker.map_or("", |actor| actor.kind.as_str()),
            slice(text, quote.span),
        ];
        for field in fields {
            push_csv_field(&mut out, field);
            out.push(',');
        }
        out.push_str(&offsets.char_offset(quote.span.start).to_string());
        out.push(',');
        if speaker.is_some() {
            out.push_str(quote.attribution.map_or("", Attribution::as_str));
        }
        out.push_str("\r\n");
    }
    out
}

/// A Markdown summary: a title, the actors by kind with mention counts,
/// the quotes grouped by speaker as blockquotes (with a line saying how the
/// speaker was inferred when it was not named at the quote), and the lists
/// under their leads. Article text is escaped, so the summary renders as text and never
/// as links, images or HTML (a bare URL may still be autolinked by GitHub
/// flavoured renderers, but then it shows exactly where it points).
///
/// # Examples
///
/// ```
/// use article_explorer::analysis::Analysis;
/// use article_explorer::export::markdown_summary;
/// let md = markdown_summary("[Click](http://x) <b>now</b>\nBody.", &Analysis::default());
/// assert!(md.starts_with("# \\[Click\\](http://x) \\<b\\>now\\</b\\>\n"));
/// ```
pub fn markdown_summary(text: &str, analysis: &Analysis) -> String {
    let mut out = format!("# {}\n\n", escape_markdown(&title(text)));
    out.push_str(&counts_line(analysis));
    push_actors(&mut out, analysis);
    push_quotes(&mut out, text, analysis);
    push_lists(&mut out, text, analysis);
    out
}

/// A file name for a download: a lowercase slug of the article's first
/// non-empty line (at most 60 characters, cut at a word), then `.ext`.
/// Only letters, digits and single hyphens survive, so the name is safe on
/// every file system; an article with no usable words gives `article`.
///
/// # Examples
///
/// ```
/// use article_explorer::export::file_name;
/// assert_eq!(file_name("\n  Zelenskyy to meet Trump: what's next?\nBody", "csv"), "zelenskyy-to-meet-trump-what-s-next.csv");
/// assert_eq!(file_name("***", ".md"), "article.md");
/// ```
pub fn file_name(text: &str, ext: &str) -> String {
    let slug = slug(&title(text));
    let ext: String = ext.chars().filter(char::is_ascii_alphanumeric).collect();
    match ext.is_empty() {
        true => slug,
        false => format!("{slug}.{ext}"),
    }
}

const MAX_SLUG_CHARS: usize = 60;

fn actor(analysis: &Analysis, id: ActorId) -> Option<&Actor> {
    // An export must not panic on an analysis that is out of step with
    // its text or its own ids, so look up rather than index.
    analysis.actors.get(id.index())
}

/// The text under `span`, or "" when the span does not fit the text.
fn slice(text: &str, span: Span) -> &str {
    text.get(span.start..span.end).unwrap_or("")
}

/// Turns increasing byte offsets into character offsets in one pass.
struct CharOffsets<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharOffsets<'a> {
    fn new(text: &'a str) -> Self {
        CharOffsets {
            text,
            byte: 0,
            chars: 0,
        }
    }

    fn char_offset(&mut self, byte: usize) -> usize {
        // Quotes come in text order, so this rarely restarts.
        if byte < self.byte {
            (self.byte, self.chars) = (0, 0);
        }
        let byte = byte.min(self.text.len());
        // Count chars that start before `byte`, so an offset inside a
        // character still maps to that character.
        let between = &self.text.as_bytes()[self.byte..byte];
        self.chars += between.iter().filter(|&&b| (b as i8) >= -0x40).count();
        self.byte = byte;
        self.chars
    }
}

fn push_csv_field(out: &mut String, field: &str) {
    // A spreadsheet runs a cell that starts like a formula; a leading
    // apostrophe makes it text (OWASP's advice for CSV injection).
    let guard = field.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let needs_quotes = guard || field.contains([',', '"', '\r', '\n']);
    if needs_quotes {
        out.push('"');
    }
    if guard {
        out.push('\'');
    }
    out.push_str(&field.replace('"', "\"\""));
    if needs_quotes {
        out.push('"');
    }
}

/// The first non-empty line, whitespace collapsed: in a pasted article
/// that is the headline.
fn title(text: &str) -> String {
    let line = text
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty())
        .unwrap_or("Article");
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn slug(title: &str) -> String {
    let mut slug = String::new();
    for word in title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let word = lowercase(word);
        let n_chars = slug.chars().count() + word.chars().count() + usize::from(!slug.is_empty());
        if n_chars > MAX_SLUG_CHARS {
            if slug.is_empty() {
                slug = word.chars().take(MAX_SLUG_CHARS).collect();
            }
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(&word);
    }
    match slug.as_str() {
        "" => String::from("article"),
        // Windows refuses these names whatever the extension.
        name if WINDOWS_RESERVED.contains(&name) => format!("{slug}-article"),
        _ => slug,
    }
}

const WINDOWS_RESERVED: [&str; 22] = [
    "aux", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9", "con", "lpt1",
    "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9", "nul", "prn",
];

fn counts_line(analysis: &Analysis) -> String {
    format!("{}.\n", crate::view::count_phrases(analysis).join(", "))
}

fn push_actors(out: &mut String, analysis: &Analysis) {
    if analysis.actors.is_empty() {
        return;
    }
    out.push_str("\n## Actors\n");
    for kind in ActorKind::ALL {
        let mut actors = analysis
            .actors
            .iter()
            .filter(|actor| actor.kind == kind)
            .peekable();
        if actors.peek().is_none() {
            continue;
        }
        out.push_str(&format!("\n### {}\n\n", crate::view::kind_plural(kind)));
        for actor in actors {
            let n = actor.mentions.len();
            let mentions = if n == 1 { "mention" } else { "mentions" };
            out.push_str(&format!(
                "- {} ({n} {mentions})\n",
                escape_markdown(&actor.name)
            ));
        }
    }
}

fn push_quotes(out: &mut String, text: &str, analysis: &Analysis) {
    if analysis.quotes.is_empty() {
        return;
    }
    out.push_str("\n## Quotes\n");
    // Speakers in actor order (first mention), then the unattributed.
    let mut speakers: Vec<Option<ActorId>> =
        analysis.actors.iter().map(|actor| Some(actor.id)).collect();
    speakers.push(None);
    for speaker in speakers {
        let quotes = analysis.quotes.iter().filter(|quote| {
            // A dangling speaker id is as good as none.
            quote.speaker.filter(|&id| actor(analysis, id).is_some()) == speaker
        });
        let mut quotes = quotes.peekable();
        if quotes.peek().is_none() {
            continue;
        }
        let name = speaker
            .and_then(|id| actor(analysis, id))
            .map_or("Unattributed".to_string(), |actor| {
                escape_markdown(&actor.name)
            });
        out.push_str(&format!("\n### {name}\n"));
        for quote in quotes {
            out.push_str(&format!(
                "\n> {}\n",
                escape_markdown(slice(text, quote.span))
            ));
            // A speaker not named at the quote is a guess: say so.
            let inferred = quote.attribution.filter(|how| !how.is_certain());
            if let Some(how) = inferred.filter(|_| speaker.is_some()) {
                out.push_str(&format!(">\n> *Speaker {}.*\n", how.describe()));
            }
        }
    }
}

fn push_lists(out: &mut String, text: &str, analysis: &Analysis) {
    if analysis.lists.is_empty() {
        return;
    }
    out.push_str("\n## Lists\n");
    for (list_idx, list) in analysis.lists.iter().enumerate() {
        let lead = list
            .lead
            .map(|span| escape_markdown(slice(text, span)))
            .filter(|lead| !lead.is_empty());
        let lead = lead.unwrap_or_else(|| format!("List {}", list_idx + 1));
        out.push_str(&format!("\n**{lead}**\n\n"));
        for &item in &list.items {
            out.push_str(&format!("- {}\n", escape_markdown(slice(text, item))));
        }
    }
}

/// Escapes article text for one line of Markdown.
///
/// Line breaks become spaces (each item is one line). Every character that
/// can open inline markup (links and images via `[`, HTML, emphasis, code,
/// entities, tables, strikethrough, maths) gets a backslash; characters that only
/// matter at the start of a line (list and heading markers, `1.`) get one
/// there. Backslash escapes of ASCII punctuation are always literal in
/// CommonMark, so over-escaping is harmless.
fn escape_markdown(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let marker_end = ordered_marker_end(&text);
    let mut out = String::with_capacity(text.len() + 8);
    for (i, c) in text.char_indices() {
        let inline = "\\`*_[]<>#|~&$".contains(c);
        let line_start = i == 0 && "+-=".contains(c);
        if inline || line_start || marker_end == Some(i) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Where `1.` or `1)` punctuation would sit if `text` starts like an
/// ordered list item, so it can be escaped.
fn ordered_marker_end(text: &str) -> Option<usize> {
    let n_digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let next = text.as_bytes().get(n_digits)?;
    (n_digits > 0 && (*next == b'.' || *next == b')')).then_some(n_digits)
}
