//! Measures the embedded name recogniser on the GUM validation split:
//! `cargo run --release --bin gum-eval -- ../shared/train/gum`.
//!
//! Precision, recall and F1 of proper-name mentions of persons,
//! organisations and places, untyped, typed and per type; a mention is
//! found when a predicted name overlaps its gold span.

use std::process::ExitCode;

use article_explorer::analysis::recognizer::{train, Model};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir] = args.as_slice() else {
        eprintln!("usage: gum-eval GUM_DIR   (../shared/train/gum)");
        return ExitCode::from(2);
    };
    match train::load(std::path::Path::new(dir)) {
        Ok(docs) => {
            print!("{}", train::validate(&docs, &Model::embedded()).table());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gum-eval: {e}");
            ExitCode::from(2)
        }
    }
}
