//! Trains the name recogniser on the GUM corpus and writes the weights the
//! crate embeds: `cargo run --release --bin train -- ../shared/train/gum`.
//!
//! Deterministic: the same corpus gives the same bytes. It prints the
//! measure of `gum-eval` on the validation split for the new weights.

use std::process::ExitCode;

use article_explorer::analysis::recognizer::train;
use article_explorer::analysis::recognizer::Model;

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
    let weights = train::train(&training, train::EPOCHS);
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
        train::permille(train::candidate_accuracy(&weights, &held_out))
    );
    let Some(model) = Model::from_bytes(&weights) else {
        return ExitCode::from(1);
    };
    print!("{}", train::validate(&docs, &model).table());
    ExitCode::SUCCESS
}
