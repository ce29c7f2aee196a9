//! The overview strip (where the main actors and the quotes fall along the
//! article) and the who-is-quoted chart, drawn as plain HTML: every mark is
//! a button that says what it is on hover and focus (`data-tip`) and goes
//! there on click. Positions and lengths are percentages set through the
//! CSSOM, so the charts fit any width, print inside the margins, and the
//! page's Content-Security-Policy (no inline styles) holds.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::article::{go_to, show_actor};
use super::render::query_all;
use super::state::{AppState, Target, Tip, TipOf};
use crate::analysis::ActorId;
use crate::view::{
    mention_mark_label, overview, percent, plural, quote_chart, quote_mark_label, Mark, Part,
};

/// Actor rows in the overview, most mentioned first (plus the selected
/// actor when it is not among them).
const OVERVIEW_ROWS: usize = 6;
/// Steps along the article: about a mark per 4 px in a side panel.
const OVERVIEW_BINS: usize = 80;
/// Speakers in the who-is-quoted chart.
const MAX_SPEAKERS: usize = 12;

/// Where the most mentioned actors and the quotes appear, left to right
/// from the start of the article to its end.
#[component]
pub fn Overview() -> impl IntoView {
    let state = expect_context::<AppState>();
    let strip = move || {
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
            // The selected actor gets a row when it is not among the top ones.
            state.selected.get(),
        );
        let lines = move || {
            data.headings
                .iter()
                .map(|&at| view! { <span class="ov-heading" aria-hidden="true" style:left=percent(at)></span> })
                .collect_view()
        };
        let rows = data
            .rows
            .iter()
            .map(|row| {
                let id = row.actor;
                let name = doc.actor_name(id).to_string();
                let n = doc.n_mentions(id);
                let marks = row
                    .marks
                    .iter()
                    .enumerate()
                    .map(|(idx, mark)| {
                        let first = mark.first;
                        mark_button(idx, mark, "", mention_mark_label(&name, mark, n), move || {
                            show_actor(state, id, first)
                        })
                    })
                    .collect_view();
                let class = format!(
                    "ov-row {}{}",
                    doc.colour_class(id),
                    if row.extra { " ov-row--extra" } else { "" }
                );
                let pressed = move || (state.selected.get() == Some(id)).to_string();
                view! {
                    <div class=class data-actor=id.0.to_string()>
                        <button type="button" class="ov-label" aria-pressed=pressed
                            on:click=move |_| show_actor(state, id, 0)>
                            <span class="swatch" aria-hidden="true"></span>
                            {name.clone()}" "<span class="count" aria-label=plural(n, "mention", "mentions")>{n}</span>
                        </button>
                        <div class="ov-track" role="group" aria-label=format!("Mentions of {name} along the article")>
                            {lines()}
                            {marks}
                        </div>
                    </div>
                }
            })
            .collect_view();
        let n_quotes = doc.analysis.quotes.len();
        let quote_marks = data
            .quotes
            .iter()
            .enumerate()
            .map(|(idx, mark)| {
                let quote = mark.first;
                let colour = match mark.count {
                    1 => doc
                        .analysis
                        .quotes
                        .get(quote)
                        .and_then(|q| q.speaker)
                        .map_or("unattributed".to_string(), |id| doc.colour_class(id)),
                    // Several speakers may share the bin.
                    _ => "unattributed".to_string(),
                };
                mark_button(
                    idx,
                    mark,
                    &colour,
                    quote_mark_label(&doc, mark),
                    move || go_to(state, Target::Quote(quote)),
                )
            })
            .collect_view();
        view! {
            {rows}
            <div class="ov-row ov-row--quotes">
                <p class="ov-label ov-label--static">{format!("Quotes ({n_quotes})")}</p>
                <div class="ov-track" role="group" aria-label="Quotes along the article">
                    {lines()}
                    {quote_marks}
                </div>
            </div>
        }
    };
    view! {
        <figure class="panel chart" data-pane="overview" aria-labelledby="overview-h">
            <figcaption id="overview-h" class="panel__title">
                "Where they appear" <span class="muted small">" · start → end of the article"</span>
            </figcaption>
            <div class="ov" data-testid="overview"
                on:keydown=move |ev: ev::KeyboardEvent| rove(&ev)
                on:mouseover=move |ev: ev::MouseEvent| show_chart_tip(state, ev.target())
                on:mouseout=move |_| state.tip.set(None)
                on:focusin=move |ev: ev::FocusEvent| show_chart_tip(state, ev.target())
                on:focusout=move |_| state.tip.set(None)>
                {strip}
            </div>
        </figure>
    }
}

/// One mark of a track: a button as wide as its bin and as high as its
/// count. Only the first mark of a track is a Tab stop; arrow keys move
/// along the track ([`rove`]).
fn mark_button(
    idx: usize,
    mark: &Mark,
    colour: &str,
    label: String,
    go: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <button type="button" class=format!("ov-mark ov-mark--l{} {colour}", mark.level)
            tabindex=if idx == 0 { "0" } else { "-1" }
            style:left=percent(mark.at) style:width=percent(mark.width)
            aria-label=label.clone() data-tip=label data-count=mark.count.to_string()
            on:click=move |_| go()></button>
    }
}

/// Arrow keys, Home and End move focus along a track of marks.
fn rove(ev: &ev::KeyboardEvent) {
    let Some(mark) = ev
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .filter(|el| el.class_list().contains("ov-mark"))
    else {
        return;
    };
    let Some(track) = mark.closest(".ov-track").ok().flatten() else {
        return;
    };
    let marks = query_all(&track, ".ov-mark");
    let Some(at) = marks.iter().position(|m| m.is_same_node(Some(&mark))) else {
        return;
    };
    let to = match ev.key().as_str() {
        "ArrowRight" | "ArrowDown" => (at + 1).min(marks.len() - 1),
        "ArrowLeft" | "ArrowUp" => at.saturating_sub(1),
        "Home" => 0,
        "End" => marks.len() - 1,
        _ => return,
    };
    ev.prevent_default();
    for (idx, m) in marks.iter().enumerate() {
        _ = m.set_attribute("tabindex", if idx == to { "0" } else { "-1" });
    }
    if let Some(el) = marks[to].dyn_ref::<web_sys::HtmlElement>() {
        _ = el.focus();
    }
}

/// Shows the tooltip of the chart mark at or around an event target.
fn show_chart_tip(state: AppState, target: Option<web_sys::EventTarget>) {
    let el = target
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|el| el.closest("[data-tip]").ok().flatten());
    let Some(el) = el else {
        state.tip.set(None);
        return;
    };
    let text = el.get_attribute("data-tip").unwrap_or_default();
    let rect = el.get_bounding_client_rect();
    state.tip.set(Some(Tip {
        of: TipOf::Mark(text),
        x: rect.left(),
        y: rect.bottom(),
    }));
}

/// Who gets quoted: a bar per speaker for the number of quotes (the part
/// whose speaker was inferred hatched), a thin one for the words quoted.
#[component]
pub fn QuoteChart() -> impl IntoView {
    let state = expect_context::<AppState>();
    let chart = move || {
        let doc = state.doc.get();
        let chart = quote_chart(&doc.analysis, &doc.text);
        let max_quotes = chart.max_quotes().max(1) as f64;
        let max_words = chart.max_words().max(1) as f64;
        let bars = chart.bars.iter().take(MAX_SPEAKERS).map(|bar| {
            let id = bar.speaker;
            let name = doc.actor_name(id).to_string();
            // "Jane Doe: 3 quotes (1 inferred), 18 words", shown whole, so
            // what is read out is what is seen.
            let label = bar.label(&name);
            let counts = label[name.len()..].to_string();
            let quotes_width = percent(bar.n_quotes as f64 / max_quotes);
            let words_width = percent(bar.n_words as f64 / max_words);
            let inferred_width = percent(bar.n_inferred as f64 / bar.n_quotes.max(1) as f64);
            let first_quote = doc.quotes_of(id).first().copied();
            view! {
                <li>
                    <button type="button" class=format!("qc-row {}", doc.colour_class(id))
                        data-testid="bar" data-count=bar.n_quotes.to_string()
                        data-words=bar.n_words.to_string() data-actor=id.0.to_string()
                        data-tip=label
                        on:click=move |_| go_to_speaker(state, id, first_quote)>
                        <span class="qc-label">
                            <span class="swatch" aria-hidden="true"></span>
                            <span class="qc-name">{name}</span>
                            <span class="count">{counts}</span>
                        </span>
                        <span class="qc-bar" style:width=quotes_width>
                            <span class="qc-bar__inferred" style:width=inferred_width></span>
                        </span>
                        <span class="qc-words" data-testid="words-bar" style:width=words_width></span>
                    </button>
                </li>
            }
        }).collect_view();
        let summary = match chart.bars.first() {
            None => "No attributed quotes.".to_string(),
            Some(top) => format!(
                "Quotes per speaker, {} speakers; most quoted: {} with {}.",
                chart.bars.len(),
                doc.actor_name(top.speaker),
                top.n_quotes
            ),
        };
        let unattributed = (chart.n_unattributed > 0).then(|| {
            view! {
                <p class="muted small">{format!(
                    "Unattributed: {} · {}",
                    plural(chart.n_unattributed, "quote", "quotes"),
                    plural(chart.unattributed_words, "word", "words"),
                )}</p>
            }
        });
        let more = (chart.bars.len() > MAX_SPEAKERS)
            .then(|| view! { <p class="muted small">{format!("… and {} more speakers", chart.bars.len() - MAX_SPEAKERS)}</p> });
        view! {
            <ul class="plain qc" data-testid="quote-chart" aria-label=summary
                on:mouseover=move |ev: ev::MouseEvent| show_chart_tip(state, ev.target())
                on:mouseout=move |_| state.tip.set(None)
                on:focusin=move |ev: ev::FocusEvent| show_chart_tip(state, ev.target())
                on:focusout=move |_| state.tip.set(None)>
                {bars}
            </ul>
            {chart.bars.is_empty().then(|| view! { <p class="muted small">"No attributed quotes."</p> })}
            {unattributed}
            {more}
        }
    };
    view! {
        <figure class="panel chart" data-pane="quotes" aria-labelledby="qc-h">
            <figcaption id="qc-h" class="panel__title">"Who is quoted"</figcaption>
            <p class="legend-line muted">
                <span class="key key--bar" aria-hidden="true"></span>" quotes, in the speaker’s colour "
                <span class="key key--inferred" aria-hidden="true"></span>" speaker inferred "
                <span class="key key--words" aria-hidden="true"></span>" words quoted"
            </p>
            {chart}
        </figure>
    }
}

/// A speaker's bar: select the speaker and go to their first quote.
fn go_to_speaker(state: AppState, id: ActorId, first_quote: Option<usize>) {
    state.select(Some(id));
    match first_quote {
        Some(quote) => go_to(state, Target::Quote(quote)),
        None => show_actor(state, id, 0),
    }
}
