//! Training and measuring the recogniser on the GUM corpus (native only).
//!
//! GUM (Zeldes 2017; texts CC BY / CC BY-SA / public domain, annotations
//! CC BY 4.0; see `../shared/train/gum/README.md`) marks every entity
//! mention with its type and whether it is a proper name. A candidate's
//! label is the type of the innermost proper mention it overlaps: person,
//! organization and place as they are, every other proper type (works,
//! events, languages, days…) as [`Label::Other`], and no proper mention
//! as [`Label::None`].
//!
//! Training is an averaged perceptron, deterministic: the documents in
//! name order, the examples shuffled by a fixed-seed generator each epoch.
//! The averaged weights are scaled to `i8` (the class with the highest sum
//! wins, so one scale for the table changes no decision but rounding).

use serde::Deserialize;

use super::super::{analyze_with, ActorKind, Analysis, Span};
use super::{Label, Model, BITS};

const ROWS: usize = 1 << BITS;

/// One GUM document as `../shared/train/gum/*.json` stores it.
#[derive(Deserialize)]
pub struct Doc {
    pub doc: String,
    pub split: String,
    pub text: String,
    pub entities: Vec<Entity>,
}

#[derive(Deserialize)]
pub struct Entity {
    /// Char offsets into `text`.
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub kind: String,
    pub proper: bool,
}

/// A gold proper-name mention, in byte offsets.
#[derive(Clone, Copy, Debug)]
pub struct Gold {
    pub span: Span,
    pub label: Label,
}

impl Doc {
    pub fn is_validation(&self) -> bool {
        self.split == "validation"
    }

    /// The proper-name mentions, with byte spans, innermost first when
    /// they nest.
    pub fn gold(&self) -> Vec<Gold> {
        let bytes: Vec<usize> = self
            .text
            .char_indices()
            .map(|(b, _)| b)
            .chain([self.text.len()])
            .collect();
        let at = |c: usize| bytes.get(c).copied().unwrap_or(self.text.len());
        self.entities
            .iter()
            .filter(|e| e.proper)
            .map(|e| Gold {
                span: Span::new(at(e.start), at(e.end)),
                label: match e.kind.as_str() {
                    "person" => Label::Person,
                    "organization" => Label::Organization,
                    "place" => Label::Place,
                    _ => Label::Other,
                },
            })
            .collect()
    }
}

/// Reads every `*.json` of a GUM folder, in name order.
pub fn load(dir: &std::path::Path) -> Result<Vec<Doc>, String> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths = sorted_paths(paths);
    let mut docs = Vec::new();
    for p in paths {
        let text =
            std::fs::read_to_string(&p).map_err(|e| format!("cannot read {}: {e}", p.display()))?;
        let doc: Doc = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", p.display()))?;
        docs.push(doc);
    }
    if docs.is_empty() {
        return Err(format!("no GUM documents in {}", dir.display()));
    }
    Ok(docs)
}

/// Paths in byte order of their names: each one's rank is the number of
/// names before it (a few hundred files; `order` sorts by integer rank).
fn sorted_paths(paths: Vec<std::path::PathBuf>) -> Vec<std::path::PathBuf> {
    let names: Vec<String> = paths
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let mut ranked: Vec<(usize, std::path::PathBuf)> = paths
        .into_iter()
        .enumerate()
        .map(|(i, p)| (names.iter().filter(|n| **n < names[i]).count(), p))
        .collect();
    super::super::order::sort_by_rank(&mut ranked, |(r, _)| *r as u64);
    ranked.into_iter().map(|(_, p)| p).collect()
}

/// One training example: a candidate's features and its gold label.
pub struct Example {
    pub feats: Vec<u32>,
    pub label: Label,
}

/// The label of a candidate: the innermost proper mention it overlaps.
pub fn label_of(span: Span, gold: &[Gold]) -> Label {
    gold.iter()
        .filter(|g| g.span.start < span.end && span.start < g.span.end)
        .min_by_key(|g| g.span.end - g.span.start)
        .map_or(Label::None, |g| g.label)
}

/// The vocabulary bitset: every lowercase word written in
/// the training documents.
pub fn vocabulary(docs: &[Doc]) -> Vec<u8> {
    let mut counts: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
    for d in docs.iter().filter(|d| !d.is_validation()) {
        let words = d
            .text
            .split(|c: char| !c.is_alphabetic() && c != '-' && c != '\'')
            .filter(|w| !w.is_empty() && w.chars().all(char::is_lowercase));
        for w in words {
            *counts.entry(w).or_insert(0) += 1;
        }
    }
    let mut bits = vec![0u8; super::VOCAB_BYTES];
    for (w, n) in counts {
        if n >= 1 {
            let b = super::features::vocab_bit(w);
            bits[b / 8] |= 1 << (b % 8);
        }
    }
    bits
}

/// The examples of one document: every candidate the rules leave, with
/// features over the given vocabulary (the weights are not read).
pub fn examples(doc: &Doc, model: &Model) -> Vec<Example> {
    let gold = doc.gold();
    super::super::entities::training_candidates(&doc.text, model)
        .into_iter()
        .map(|(span, feats)| Example {
            label: label_of(span, &gold),
            feats,
        })
        .collect()
}

/// Passes over the training examples.
pub const EPOCHS: usize = 12;

/// A small deterministic generator (xorshift) for the epoch shuffles.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// The weights and vocabulary `cargo run --bin train` writes.
pub struct Trained {
    pub weights: Vec<u8>,
    pub vocab: Vec<u8>,
}

/// Trains on the training documents: the vocabulary, then the weights.
pub fn train_all(docs: &[Doc], epochs: usize) -> Trained {
    let vocab = vocabulary(docs);
    let zero = vec![0u8; ROWS * Label::COUNT];
    let model = Model::from_bytes(&zero, &vocab).expect("sizes match");
    let examples: Vec<Example> = docs
        .iter()
        .filter(|d| !d.is_validation())
        .flat_map(|d| examples(d, &model))
        .collect();
    Trained {
        weights: train(&examples, epochs),
        vocab,
    }
}

/// Trains the averaged perceptron; returns the `i8` weight table.
pub fn train(examples: &[Example], epochs: usize) -> Vec<u8> {
    // Several perceptrons, each seeing the examples in its own orders,
    // averaged: one run's decisions on rare names swing with the order of
    // the examples; the mean of a few is steadier.
    let n = ROWS * Label::COUNT;
    let mut sum = vec![0f64; n];
    for run in 0..RUNS {
        let avg = perceptron(
            examples,
            epochs,
            0x2545_f491_4f6c_dd1d ^ (run as u64 + 1) * 0x9e37_79b9,
        );
        for (s, a) in sum.iter_mut().zip(avg) {
            *s += a;
        }
    }
    let max = sum.iter().fold(0f64, |m, x| m.max(x.abs()));
    let scale = if max > 0.0 { 127.0 / max } else { 0.0 };
    sum.iter()
        .map(|x| (x * scale).round().clamp(-127.0, 127.0) as i8 as u8)
        .collect()
}

/// Perceptrons averaged by [`train`].
const RUNS: usize = 5;

/// One averaged perceptron over the examples, shuffled by `seed`.
fn perceptron(examples: &[Example], epochs: usize, seed: u64) -> Vec<f64> {
    let n = ROWS * Label::COUNT;
    let mut w = vec![0f64; n];
    // Sum of each weight over all steps, kept lazily: `total[k]` is right
    // as of step `stamp[k]`.
    let mut total = vec![0f64; n];
    let mut stamp = vec![0u64; n];
    let mut step = 0u64;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = Rng(seed);
    for _ in 0..epochs {
        for k in (1..order.len()).rev() {
            let j = (rng.next() % (k as u64 + 1)) as usize;
            order.swap(k, j);
        }
        for &e in &order {
            step += 1;
            let ex = &examples[e];
            let mut scores = [0f64; Label::COUNT];
            for &f in &ex.feats {
                let row = (f as usize & (ROWS - 1)) * Label::COUNT;
                for (c, s) in scores.iter_mut().enumerate() {
                    *s += w[row + c];
                }
            }
            let mut guess = 0;
            for c in 1..Label::COUNT {
                if scores[c] > scores[guess] {
                    guess = c;
                }
            }
            let truth = ex.label.index();
            if guess == truth {
                continue;
            }
            for &f in &ex.feats {
                let row = (f as usize & (ROWS - 1)) * Label::COUNT;
                for (c, delta) in [(truth, 1.0), (guess, -1.0)] {
                    let k = row + c;
                    total[k] += (step - stamp[k]) as f64 * w[k];
                    stamp[k] = step;
                    w[k] += delta;
                }
            }
        }
    }
    (0..n)
        .map(|k| (total[k] + (step - stamp[k]) as f64 * w[k]) / step.max(1) as f64)
        .collect()
}

/// Precision, recall and F1 counts of one measure.
#[derive(Clone, Copy, Debug, Default)]
pub struct Counts {
    /// Predictions that overlap a gold mention (of the right type).
    pub right: usize,
    pub predicted: usize,
    /// Gold mentions that some prediction overlaps.
    pub found: usize,
    pub gold: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.right, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: Counts) {
        self.right += o.right;
        self.predicted += o.predicted;
        self.found += o.found;
        self.gold += o.gold;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// The measure of the issue: proper-name mentions of persons,
/// organisations and places, found when a prediction overlaps the gold
/// span; untyped, typed, and per type.
#[derive(Clone, Copy, Debug, Default)]
pub struct Report {
    pub untyped: Counts,
    pub typed: Counts,
    /// Person, organization, place (typed).
    pub per_type: [Counts; 3],
}

const TYPES: [Label; 3] = [Label::Person, Label::Organization, Label::Place];

impl Report {
    /// The report as a table, for `train` and `gum-eval`.
    pub fn table(&self) -> String {
        let mut out = String::from(
            "validation split, proper-name mentions (found = overlaps the gold span):\n\
             \x20               precision  recall  F1     (predicted / gold)\n",
        );
        let rows = [
            ("untyped", &self.untyped),
            ("typed", &self.typed),
            ("person", &self.per_type[0]),
            ("organization", &self.per_type[1]),
            ("place", &self.per_type[2]),
        ];
        for (name, c) in rows {
            out.push_str(&format!(
                "  {name:<12}  {}      {}   {}  ({} / {})\n",
                permille(c.precision()),
                permille(c.recall()),
                permille(c.f1()),
                c.predicted,
                c.gold
            ));
        }
        out
    }
}

/// A ratio as "0.812" without float formatting (the crate keeps float
/// formatting code out of its build; see tests/tidy.rs).
pub fn permille(x: f64) -> String {
    let m = (x * 1000.0).round() as i64;
    format!("{}.{:03}", m / 1000, m % 1000)
}

/// The name mentions of an analysis: mentions of persons, organisations,
/// countries and places that start with a capital and not with an article
/// ("The Ukrainian leader" is a description, not a name), and the names of
/// places that are no actors.
pub fn predicted(text: &str, analysis: &Analysis) -> Vec<(Span, Label)> {
    let mut out: Vec<(Span, Label)> = analysis.places.iter().map(|&p| (p, Label::Place)).collect();
    for a in &analysis.actors {
        let label = match a.kind {
            ActorKind::Person => Label::Person,
            ActorKind::Organization => Label::Organization,
            ActorKind::Country | ActorKind::Place => Label::Place,
            ActorKind::Group | ActorKind::Anonymous => continue,
        };
        for &m in &a.mentions {
            let t = &text[m];
            let first = t.split(' ').next().unwrap_or("");
            let capital = t.chars().next().is_some_and(char::is_uppercase);
            if capital && !matches!(first, "The" | "A" | "An") {
                out.push((m, label));
            }
        }
    }
    out
}

/// Scores one document's predictions against its gold.
pub fn score(pred: &[(Span, Label)], gold: &[Gold]) -> Report {
    let gold: Vec<Gold> = gold
        .iter()
        .copied()
        .filter(|g| TYPES.contains(&g.label))
        .collect();
    let overlaps = |a: Span, b: Span| a.start < b.end && b.start < a.end;
    let count = |p: &[(Span, Label)], g: &[Gold], typed: bool| Counts {
        right: p
            .iter()
            .filter(|(s, l)| {
                g.iter()
                    .any(|x| overlaps(*s, x.span) && (!typed || x.label == *l))
            })
            .count(),
        predicted: p.len(),
        found: g
            .iter()
            .filter(|x| {
                p.iter()
                    .any(|(s, l)| overlaps(*s, x.span) && (!typed || x.label == *l))
            })
            .count(),
        gold: g.len(),
    };
    let mut r = Report {
        untyped: count(pred, &gold, false),
        typed: count(pred, &gold, true),
        ..Report::default()
    };
    for (k, t) in TYPES.iter().enumerate() {
        let p: Vec<(Span, Label)> = pred.iter().copied().filter(|(_, l)| l == t).collect();
        let g: Vec<Gold> = gold.iter().copied().filter(|x| x.label == *t).collect();
        r.per_type[k] = count(&p, &g, true);
    }
    r
}

/// The measure over the validation documents, with a given model.
pub fn validate(docs: &[Doc], model: &Model) -> Report {
    let mut total = Report::default();
    for d in docs.iter().filter(|d| d.is_validation()) {
        let r = score(
            &predicted(&d.text, &analyze_with(&d.text, model)),
            &d.gold(),
        );
        total.untyped.add(r.untyped);
        total.typed.add(r.typed);
        for k in 0..3 {
            total.per_type[k].add(r.per_type[k]);
        }
    }
    total
}

/// Accuracy of a model on the validation candidates alone (a quick check
/// while training; [`validate`] is the measure that counts).
pub fn candidate_accuracy(model: &Model, examples: &[Example]) -> f64 {
    let right = examples
        .iter()
        .filter(|e| super::best(&model.scores(&e.feats), 1) == e.label)
        .count();
    ratio(right, examples.len())
}
