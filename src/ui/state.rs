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

/// Where the mention tooltip points, in viewport pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tip {
    pub actor: ActorId,
    pub x: f64,
    pub y: f64,
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
}

impl AppState {
    /// State showing `doc`.
    pub fn new(doc: Doc) -> AppState {
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
            article: NodeRef::new(),
            input: NodeRef::new(),
            analysis_gen: StoredValue::new(0),
            render_gen: StoredValue::new(0),
            work_ms: StoredValue::new(0.0),
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
