//! Shared UI state: one `Copy` bundle of signals provided as context.
//!
//! Selection and highlight targets are `Copy` ids, so signals stay trivial
//! and nothing here holds DOM nodes except the article's `NodeRef`.

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;

use crate::analysis::{analyze, ActorId};
use crate::view::Doc;

/// A quote or list item the reader asked to see in the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Quote(usize),
    Item { list: usize, item: usize },
    Heading(usize),
}

/// What the tooltip is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TipOf {
    /// A mention of this actor.
    Mention(ActorId),
    /// Quote `n`, for its speaker and how the speaker was found.
    Quote(usize),
    /// A chart mark, in the words of its label.
    Mark(String),
}

/// Where the tooltip points, in viewport pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct Tip {
    pub of: TipOf,
    pub x: f64,
    pub y: f64,
}

/// The parts of the explorer panel a phone shows one at a time, in a
/// sheet over the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    Actors,
    Quotes,
    Lists,
    Overview,
}

impl Pane {
    pub const ALL: [Pane; 4] = [Pane::Actors, Pane::Quotes, Pane::Lists, Pane::Overview];

    /// The name in `data-pane` attributes, which CSS matches.
    pub fn as_str(self) -> &'static str {
        match self {
            Pane::Actors => "actors",
            Pane::Quotes => "quotes",
            Pane::Lists => "lists",
            Pane::Overview => "overview",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Pane::Actors => "Actors",
            Pane::Quotes => "Quotes",
            Pane::Lists => "Lists",
            Pane::Overview => "Overview",
        }
    }
}

/// A replacement of the text area's text that the browser's own undo does
/// not know about (too long for it, or the text area was folded away), so
/// Ctrl+Z in the text area gives `previous` back while `shown` is there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Undo {
    /// Hash of the text put in the text area.
    pub shown: u64,
    /// The text it replaced.
    pub previous: String,
}

#[derive(Clone, Copy)]
pub struct AppState {
    /// The article on display and everything derived from it.
    pub doc: RwSignal<Arc<Doc>>,
    /// True from a change of text until its article is drawn.
    pub busy: RwSignal<bool>,
    /// Share of the article drawn so far while drawing a long one.
    pub progress: RwSignal<Option<f64>>,
    /// Bumped each time the article finishes drawing.
    pub rendered: RwSignal<u32>,
    pub selected: RwSignal<Option<ActorId>>,
    /// Position among the selected actor's highlighted mentions.
    pub mention: RwSignal<Option<usize>>,
    /// How many mentions of the selected actor are highlighted.
    pub n_selected: RwSignal<usize>,
    pub show_actors: RwSignal<bool>,
    pub show_quotes: RwSignal<bool>,
    pub show_lists: RwSignal<bool>,
    pub tip: RwSignal<Option<Tip>>,
    pub target: RwSignal<Option<Target>>,
    /// The text area is open where it folds away (phones, narrow windows).
    pub editing: RwSignal<bool>,
    /// The explorer pane open in the sheet on a phone.
    pub pane: RwSignal<Option<Pane>>,
    /// Whether N, P, 1–3, E and A work as shortcuts (WCAG 2.1.4: they can
    /// be turned off).
    pub single_keys: RwSignal<bool>,
    /// The rendered article container.
    pub article: NodeRef<html::Article>,
    /// The article text area.
    pub input: NodeRef<html::Textarea>,
    /// Increments on each requested analysis so stale ones give up.
    pub analysis_gen: StoredValue<u32>,
    /// Increments on each article render so stale frames give up.
    pub render_gen: StoredValue<u32>,
    /// Milliseconds the last analysis took; sets the typing pause.
    pub work_ms: StoredValue<f64>,
    /// The last replacement of the text that only the app can undo.
    pub undo: StoredValue<Option<Undo>>,
}

impl AppState {
    /// State showing `doc`.
    pub fn new(doc: Doc) -> AppState {
        // With no text yet, the text area is what a newcomer needs to see.
        let editing = doc.text.trim().is_empty();
        AppState {
            doc: RwSignal::new(Arc::new(doc)),
            busy: RwSignal::new(false),
            progress: RwSignal::new(None),
            rendered: RwSignal::new(0),
            selected: RwSignal::new(None),
            mention: RwSignal::new(None),
            n_selected: RwSignal::new(0),
            show_actors: RwSignal::new(true),
            show_quotes: RwSignal::new(true),
            show_lists: RwSignal::new(true),
            tip: RwSignal::new(None),
            target: RwSignal::new(None),
            editing: RwSignal::new(editing),
            pane: RwSignal::new(None),
            single_keys: RwSignal::new(true),
            article: NodeRef::new(),
            input: NodeRef::new(),
            analysis_gen: StoredValue::new(0),
            render_gen: StoredValue::new(0),
            work_ms: StoredValue::new(0.0),
            undo: StoredValue::new(None),
        }
    }

    /// State showing `text` analysed.
    pub fn analysed(text: &str) -> AppState {
        AppState::new(Doc::new(text.to_string(), analyze(text)))
    }

    /// Selects an actor (or none) and forgets the mention position.
    pub fn select(self, actor: Option<ActorId>) {
        self.selected.set(actor);
        self.mention.set(None);
    }

    /// What Escape does: no selection, no tooltip, no target.
    pub fn clear(self) {
        self.select(None);
        self.tip.set(None);
        self.target.set(None);
    }

    /// Whether there is an article to share or export.
    pub fn has_text(self) -> bool {
        self.doc.with(|doc| !doc.text.trim().is_empty())
    }

    /// Replaces the document, keeping the selection when it still exists.
    pub fn show(self, doc: Doc) {
        let n_actors = doc.analysis.actors.len();
        if self
            .selected
            .get_untracked()
            .is_some_and(|id| id.index() >= n_actors)
        {
            self.select(None);
        }
        self.tip.set(None);
        self.target.set(None);
        self.doc.set(Arc::new(doc));
    }
}
