//! Data for the overview strip (where actors and quotes fall along the
//! article) and the who-is-quoted chart.

use std::collections::HashMap;

use crate::analysis::{order, ActorId, Analysis};

use super::summary::{prominence, word_count};

/// Positions are fractions of the article length in `0.0..=1.0`, binned so a
/// 1 MB article draws no more marks than a short one.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Overview {
    pub rows: Vec<OverviewRow>,
    pub quotes: Vec<QuoteTick>,
    pub headings: Vec<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct OverviewRow {
    pub actor: ActorId,
    pub ticks: Vec<f64>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct QuoteTick {
    pub at: f64,
    /// The first quote in this bin.
    pub quote: usize,
    pub speaker: Option<ActorId>,
}

/// The overview of the `max_rows` most mentioned actors and of all quotes,
/// with positions rounded to `bins` steps. `headings` are heading offsets.
pub fn overview(
    analysis: &Analysis,
    text_len: usize,
    headings: &[usize],
    max_rows: usize,
    bins: usize,
) -> Overview {
    let bins = bins.max(1);
    let bin = |offset: usize| -> usize {
        if text_len == 0 {
            return 0;
        }
        (offset.min(text_len) as u128 * bins as u128 / text_len as u128) as usize
    };
    let at = |bin: usize| bin as f64 / bins as f64;
    let rows = prominence(analysis).into_iter().take(max_rows).map(|id| {
        let mut bins_hit: Vec<usize> = analysis.actors[id.index()]
            .mentions
            .iter()
            .map(|m| bin(m.start))
            .collect();
        bins_hit.dedup();
        OverviewRow {
            actor: id,
            ticks: bins_hit.into_iter().map(at).collect(),
        }
    });
    let mut quotes: Vec<QuoteTick> = Vec::new();
    let mut last_bin = None;
    for (idx, quote) in analysis.quotes.iter().enumerate() {
        let b = bin(quote.span.start);
        if last_bin != Some(b) {
            quotes.push(QuoteTick {
                at: at(b),
                quote: idx,
                speaker: quote.speaker,
            });
            last_bin = Some(b);
        }
    }
    let headings = headings.iter().map(|&offset| at(bin(offset))).collect();
    Overview {
        rows: rows.collect(),
        quotes,
        headings,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SpeakerBar {
    pub speaker: ActorId,
    pub n_quotes: usize,
    pub n_words: usize,
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
                    });
                    chart.bars.len() - 1
                });
                chart.bars[bar].n_quotes += 1;
                chart.bars[bar].n_words += n_words;
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
