//! Trains the name recogniser on the GUM corpus and writes the weights the
//! crate embeds: `cargo run --release --bin train -- ../shared/train/gum`.
//!
//! Deterministic: the same corpus gives the same bytes. It prints the
//! measure of `gum-eval` on the validation split for the new weights.

use std::process::ExitCode;

use article_explorer::analysis::recognizer::train::{self, Report};
use article_explorer::analysis::recognizer::Model;

/// Passes over the training examples.
const EPOCHS: usize = 12;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir] = args.as_slice() else {
        eprintln!("usage: train GUM_DIR   (../shared/train/gum)");
        return ExitCode::from(2);
    };
    let docs = match train::load(std::path::Path::new(dir)) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("train: {e}");
            return ExitCode::from(2);
        }
    };
    let (mut training, mut held_out) = (Vec::new(), Vec::new());
    for d in &docs {
        let ex = train::examples(d);
        if d.is_validation() {
            held_out.extend(ex);
        } else {
            training.extend(ex);
        }
    }
    let weights = train::train(&training, EPOCHS);
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src/analysis/recognizer/weights.bin"
    );
    if let Err(e) = std::fs::write(path, &weights) {
        eprintln!("train: cannot write {path}: {e}");
        return ExitCode::from(1);
    }
    let nonzero = weights.iter().filter(|&&w| w != 0).count();
    println!(
        "{} training and {} validation candidates; {} of {} weights non-zero; wrote {path}",
        training.len(),
        held_out.len(),
        nonzero,
        weights.len()
    );
    println!(
        "validation candidates labelled right: {}",
        permille(train::candidate_accuracy(&weights, &held_out))
    );
    let Some(model) = Model::from_bytes(&weights) else {
        return ExitCode::from(1);
    };
    print_report(&train::validate(&docs, &model));
    ExitCode::SUCCESS
}

/// A ratio as "0.812" without float formatting (the crate keeps float
/// formatting out of its code; see tests/tidy.rs).
fn permille(x: f64) -> String {
    let m = (x * 1000.0).round() as i64;
    format!("{}.{:03}", m / 1000, m % 1000)
}

fn print_report(r: &Report) {
    println!("validation split, proper-name mentions (found = overlaps the gold span):");
    println!("                precision  recall  F1     (predicted / gold)");
    let line = |name: &str, c: &train::Counts| {
        println!(
            "  {name:<12}  {}      {}   {}  ({} / {})",
            permille(c.precision()),
            permille(c.recall()),
            permille(c.f1()),
            c.predicted,
            c.gold
        );
    };
    line("untyped", &r.untyped);
    line("typed", &r.typed);
    line("person", &r.per_type[0]);
    line("organization", &r.per_type[1]);
    line("place", &r.per_type[2]);
}
