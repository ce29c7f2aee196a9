//! Measures the embedded name recogniser on the GUM validation split:
//! `cargo run --release --bin gum-eval -- ../shared/train/gum`.
//!
//! Precision, recall and F1 of proper-name mentions of persons,
//! organisations and places, untyped, typed and per type; a mention is
//! found when a predicted name overlaps its gold span.

// The training data and the measure are read from disk: native only (the
// web build compiles every binary of the crate too).
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::process::ExitCode;

    use article_explorer::analysis::recognizer::{train, Model};

    pub fn main() -> ExitCode {
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
}
