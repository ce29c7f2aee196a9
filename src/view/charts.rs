//! Data for the overview strip (where actors and quotes fall along the
//! article) and the who-is-quoted chart, with the words each mark is
//! shown and read with.

use std::collections::HashMap;

use crate::analysis::{order, ActorId, Analysis};

use super::summary::{excerpt, plural, prominence, word_count};

/// Where the main actors and the quotes fall along the article, from its
/// start (0.0) to its end (1.0), binned so a 1 MB article draws no more
/// marks than a short one.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Overview {
    pub rows: Vec<OverviewRow>,
    pub quotes: Vec<Mark>,
    /// Heading positions, as fractions of the article.
    pub headings: Vec<f64>,
    /// How many bins the article was cut into.
    pub bins: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct OverviewRow {
    pub actor: ActorId,
    pub marks: Vec<Mark>,
    /// Shown only because it is selected: not among the top rows.
    pub extra: bool,
}

/// The mentions (or quotes) that fall in one bin of the strip.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mark {
    /// Start of the bin, as a fraction of the article.
    pub at: f64,
    /// Width of the bin, as a fraction of the article.
    pub width: f64,
    /// Index of the first mention (of its actor) or quote in the bin.
    pub first: usize,
    /// How many fall in the bin.
    pub count: usize,
    /// Height class 1–4: the count relative to the fullest bin of its row,
    /// so a dense row reads as a histogram, not as a solid bar.
    pub level: u8,
}

impl Mark {
    /// Indices of what the mark covers, inclusive.
    pub fn range(&self) -> (usize, usize) {
        (self.first, self.first + self.count.max(1) - 1)
    }
}

/// The overview of the `max_rows` most mentioned actors, plus `selected`
/// when it is not among them, and of all quotes, cut into `bins` steps.
/// `headings` are heading offsets in bytes.
pub fn overview(
    analysis: &Analysis,
    text_len: usize,
    headings: &[usize],
    max_rows: usize,
    bins: usize,
    selected: Option<ActorId>,
) -> Overview {
    let bins = bins.max(1);
    let bin = |offset: usize| -> usize {
        if text_len == 0 {
            return 0;
        }
        let b = offset.min(text_len) as u128 * bins as u128 / text_len as u128;
        (b as usize).min(bins - 1)
    };
    let mut ids: Vec<(ActorId, bool)> = prominence(analysis)
        .into_iter()
        .take(max_rows)
        .map(|id| (id, false))
        .collect();
    if let Some(id) = selected.filter(|id| id.index() < analysis.actors.len()) {
        if !ids.iter().any(|&(shown, _)| shown == id) {
            ids.push((id, true));
        }
    }
    let rows = ids.into_iter().map(|(id, extra)| OverviewRow {
        actor: id,
        marks: marks(
            analysis.actors[id.index()]
                .mentions
                .iter()
                .map(|m| bin(m.start)),
            bins,
        ),
        extra,
    });
    let rows = rows.collect();
    let quotes = marks(analysis.quotes.iter().map(|q| bin(q.span.start)), bins);
    let headings = headings
        .iter()
        .map(|&offset| bin(offset) as f64 / bins as f64)
        .collect();
    Overview {
        rows,
        quotes,
        headings,
        bins,
    }
}

/// Groups bin numbers in text order into marks.
fn marks(bins_hit: impl Iterator<Item = usize>, bins: usize) -> Vec<Mark> {
    let width = 1.0 / bins as f64;
    let mut marks: Vec<Mark> = Vec::new();
    let mut last_bin = None;
    for (idx, b) in bins_hit.enumerate() {
        if last_bin == Some(b) {
            if let Some(mark) = marks.last_mut() {
                mark.count += 1;
            }
            continue;
        }
        last_bin = Some(b);
        marks.push(Mark {
            at: b as f64 * width,
            width,
            first: idx,
            count: 1,
            level: 4,
        });
    }
    let max = marks.iter().map(|m| m.count).max().unwrap_or(1);
    for mark in &mut marks {
        // Rounded up, so one mention in a dense row still shows.
        mark.level = (mark.count * 4).div_ceil(max).clamp(1, 4) as u8;
    }
    marks
}

/// What an actor's mark is: "Jane Doe: mention 3 of 12" or
/// "Jane Doe: mentions 3–5 of 12".
pub fn mention_mark_label(name: &str, mark: &Mark, n_mentions: usize) -> String {
    let (first, last) = mark.range();
    match first == last {
        true => format!("{name}: mention {} of {n_mentions}", first + 1),
        false => format!(
            "{name}: mentions {}–{} of {n_mentions}",
            first + 1,
            last + 1
        ),
    }
}

/// What a quote mark is: "Quote 2 of 9, Jane Doe: “We will win”", or
/// "Quotes 2–4 of 9" for several.
pub fn quote_mark_label(doc: &super::Doc, mark: &Mark) -> String {
    let n = doc.analysis.quotes.len();
    let (first, last) = mark.range();
    if first != last {
        return format!("Quotes {}–{} of {n}", first + 1, last + 1);
    }
    let Some(quote) = doc.analysis.quotes.get(first) else {
        return format!("Quote {} of {n}", first + 1);
    };
    let speaker = match quote.speaker {
        Some(id) => doc.actor_name(id),
        None => "no speaker found",
    };
    format!(
        "Quote {} of {n}, {speaker}: “{}”",
        first + 1,
        excerpt(doc.slice(quote.span), 60)
    )
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SpeakerBar {
    pub speaker: ActorId,
    pub n_quotes: usize,
    pub n_words: usize,
    /// Quotes whose speaker was inferred rather than named at the quote.
    pub n_inferred: usize,
}

impl SpeakerBar {
    /// "Jane Doe: 3 quotes (1 inferred), 120 words".
    pub fn label(&self, name: &str) -> String {
        let inferred = match self.n_inferred {
            0 => String::new(),
            n => format!(" ({n} inferred)"),
        };
        format!(
            "{name}: {}{inferred}, {}",
            plural(self.n_quotes, "quote", "quotes"),
            plural(self.n_words, "word", "words"),
        )
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QuoteChart {
    /// Most quoted first; ties by most words, then first quoted.
    pub bars: Vec<SpeakerBar>,
    pub n_unattributed: usize,
    pub unattributed_words: usize,
}

impl QuoteChart {
    pub fn max_quotes(&self) -> usize {
        self.bars.iter().map(|bar| bar.n_quotes).max().unwrap_or(0)
    }

    pub fn max_words(&self) -> usize {
        self.bars.iter().map(|bar| bar.n_words).max().unwrap_or(0)
    }
}

/// Quotes and words per speaker.
pub fn quote_chart(analysis: &Analysis, text: &str) -> QuoteChart {
    let mut chart = QuoteChart::default();
    let mut bar_of: HashMap<ActorId, usize> = HashMap::new();
    for quote in &analysis.quotes {
        let n_words = word_count(text.get(quote.span.start..quote.span.end).unwrap_or(""));
        match quote.speaker {
            None => {
                chart.n_unattributed += 1;
                chart.unattributed_words += n_words;
            }
            Some(speaker) => {
                let bar = *bar_of.entry(speaker).or_insert_with(|| {
                    chart.bars.push(SpeakerBar {
                        speaker,
                        n_quotes: 0,
                        n_words: 0,
                        n_inferred: 0,
                    });
                    chart.bars.len() - 1
                });
                let bar = &mut chart.bars[bar];
                bar.n_quotes += 1;
                bar.n_words += n_words;
                if quote.attribution.is_some_and(|how| !how.is_certain()) {
                    bar.n_inferred += 1;
                }
            }
        }
    }
    order::sort_by_rank(&mut chart.bars, |bar| {
        order::then(
            order::descending(bar.n_quotes),
            order::descending(bar.n_words),
        )
    });
    chart
}

/// A fraction as a CSS percentage with two decimals ("42.5" → "42.50%"),
/// clamped to 0–100 %. Integer formatting: it keeps the float formatting
/// code out of the Wasm build.
pub fn percent(fraction: f64) -> String {
    let hundredths = (fraction.clamp(0.0, 1.0) * 10_000.0).round() as u32;
    format!("{}.{:02}%", hundredths / 100, hundredths % 100)
}
