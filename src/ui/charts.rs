//! SVG drawn by the app: the overview strip (where the main actors and the
//! quotes fall along the article) and the who-is-quoted chart.
//!
//! Horizontal positions are percentages, so the drawings fit any width with
//! text at its normal size; labels sit above their tracks.

use leptos::prelude::*;

use super::article::go_to;
use super::state::{AppState, Target};
use crate::view::{overview, percent, quote_chart, Part};

const OVERVIEW_ROWS: usize = 6;
const OVERVIEW_BINS: usize = 240;
const ROW_HEIGHT: usize = 30;
const MAX_SPEAKERS: usize = 12;
const BAR_ROW_HEIGHT: usize = 46;

/// Where the most mentioned actors and the quotes appear, left to right
/// from the start of the article to its end.
#[component]
pub fn Overview() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let doc = state.doc.get();
        let headings: Vec<usize> = doc
            .article
            .parts
            .iter()
            .filter_map(|part| match part {
                Part::Heading { block, .. } => Some(block.span.start),
                _ => None,
            })
            .collect();
        let data = overview(
            &doc.analysis,
            doc.text.len(),
            &headings,
            OVERVIEW_ROWS,
            OVERVIEW_BINS,
        );
        let n_rows = data.rows.len() + 1;
        let height = n_rows * ROW_HEIGHT + 4;
        let x = |at: f64| percent(at * 0.994);
        let rows = data
            .rows
            .iter()
            .enumerate()
            .map(|(row, r)| {
                let id = r.actor;
                let y = row * ROW_HEIGHT;
                let label = format!("{} ({})", doc.actor_name(id), doc.n_mentions(id));
                let ticks = r
                    .ticks
                    .iter()
                    .map(|&at| {
                        view! {
                            <rect class="ov-tick" x=x(at) y=y + 15 width="4" height="12"></rect>
                        }
                    })
                    .collect_view();
                view! {
                    <g class=format!("ov-row {}", doc.colour_class(id)) data-actor=id.0.to_string()
                        on:click=move |_| state.select(Some(id))>
                        <title>{format!("{label}: click to select")}</title>
                        <text class="ov-label" x="0" y=y + 11>{label}</text>
                        <rect class="ov-track" x="0" y=y + 19 width="100%" height="4"></rect>
                        {ticks}
                    </g>
                }
            })
            .collect_view();
        let y = data.rows.len() * ROW_HEIGHT;
        let quote_ticks = data.quotes.iter().map(|tick| {
            let colour = tick.speaker.map_or("unattributed".to_string(), |id| doc.colour_class(id));
            let quote = tick.quote;
            view! {
                <rect class=format!("ov-quote {colour}") x=x(tick.at) y=y + 15 width="6" height="12"
                    on:click=move |_| go_to(state, Target::Quote(quote))>
                    <title>{format!("Quote {}", quote + 1)}</title>
                </rect>
            }
        }).collect_view();
        let lines = data
            .headings
            .iter()
            .map(|&at| {
                view! {
                    <line class="ov-heading" x1=x(at) x2=x(at) y1="0" y2=height.to_string()></line>
                }
            })
            .collect_view();
        let n_quotes = doc.analysis.quotes.len();
        let summary = format!(
            "Overview of the article from start to end: where the {} most mentioned actors and the {n_quotes} quotes appear.",
            data.rows.len()
        );
        let label = summary.clone();
        view! {
            <figure class="figure">
                <figcaption class="figure__caption">"Where they appear" <span class="muted">" · start → end"</span></figcaption>
                <svg class="overview" data-testid="overview" role="img" aria-label=label
                    width="100%" height=height.to_string()>
                    <title>{summary}</title>
                    {lines}
                    {rows}
                    <g class="ov-row ov-row--quotes">
                        <text class="ov-label" x="0" y=y + 11>{format!("Quotes ({n_quotes})")}</text>
                        <rect class="ov-track" x="0" y=y + 19 width="100%" height="4"></rect>
                        {quote_ticks}
                    </g>
                </svg>
            </figure>
        }
    }
}

/// Who gets quoted: a bar per speaker for the number of quotes, a thin one
/// for the words quoted.
#[component]
pub fn QuoteChart() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let doc = state.doc.get();
        let chart = quote_chart(&doc.analysis, &doc.text);
        let max_quotes = chart.max_quotes().max(1) as f64;
        let max_words = chart.max_words().max(1) as f64;
        let shown = chart.bars.len().min(MAX_SPEAKERS);
        let height = (shown.max(1) * BAR_ROW_HEIGHT).to_string();
        let bars = chart.bars.iter().take(MAX_SPEAKERS).enumerate().map(|(row, bar)| {
            let y = row * BAR_ROW_HEIGHT;
            let id = bar.speaker;
            let label = format!(
                "{} — {} quote{} · {} words",
                doc.actor_name(id),
                bar.n_quotes,
                if bar.n_quotes == 1 { "" } else { "s" },
                bar.n_words
            );
            let quotes_width = percent(bar.n_quotes as f64 / max_quotes);
            let words_width = percent(bar.n_words as f64 / max_words);
            view! {
                <g class=format!("qc-row {}", doc.colour_class(id)) on:click=move |_| state.select(Some(id))>
                    <text class="qc-label" x="0" y=y + 13>{label.clone()}</text>
                    <rect class="qc-bar" data-testid="bar" data-count=bar.n_quotes.to_string()
                        data-words=bar.n_words.to_string() data-actor=id.0.to_string()
                        x="0" y=y + 19 width=quotes_width height="14">
                        <title>{label}</title>
                    </rect>
                    <rect class="qc-words" data-testid="words-bar" x="0" y=y + 36 width=words_width height="4"></rect>
                </g>
            }
        }).collect_view();
        let summary = if chart.bars.is_empty() {
            "No attributed quotes.".to_string()
        } else {
            let top = &chart.bars[0];
            format!(
                "Quotes per speaker, {} speakers; most quoted: {} with {}.",
                chart.bars.len(),
                doc.actor_name(top.speaker),
                top.n_quotes
            )
        };
        let unattributed = (chart.n_unattributed > 0).then(|| {
            view! {
                <p class="muted">{format!(
                    "Unattributed: {} quote{} · {} words",
                    chart.n_unattributed,
                    if chart.n_unattributed == 1 { "" } else { "s" },
                    chart.unattributed_words
                )}</p>
            }
        });
        let more = (chart.bars.len() > MAX_SPEAKERS)
            .then(|| view! { <p class="muted">{format!("… and {} more speakers", chart.bars.len() - MAX_SPEAKERS)}</p> });
        let label = summary.clone();
        view! {
            <figure class="figure panel">
                <figcaption class="panel__title">"Who is quoted"</figcaption>
                <p class="legend-line muted">
                    <span class="key key--bar" aria-hidden="true"></span>" quotes "
                    <span class="key key--words" aria-hidden="true"></span>" words"
                </p>
                <svg class="quote-chart" data-testid="quote-chart" role="img" aria-label=label
                    width="100%" height=height>
                    <title>{summary}</title>
                    {bars}
                    {chart.bars.is_empty().then(|| view! { <text class="qc-label" x="0" y="16">"No attributed quotes"</text> })}
                </svg>
                {unattributed}
                {more}
            </figure>
        }
    }
}
