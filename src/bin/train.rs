//! Trains the name recogniser on the GUM corpus and writes the weights and
//! vocabulary the crate embeds:
//! `cargo run --release --bin train -- ../shared/train/gum`.
//!
//! Deterministic: the same corpus gives the same bytes. It prints the
//! measure of `gum-eval` on the validation split for the new model.

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
        let trained = train::train_all(&docs, train::EPOCHS);
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/analysis/recognizer");
        for (name, bytes) in [
            ("weights.bin", &trained.weights),
            ("vocab.bin", &trained.vocab),
        ] {
            let path = format!("{dir}/{name}");
            if let Err(e) = std::fs::write(&path, bytes) {
                eprintln!("train: cannot write {path}: {e}");
                return ExitCode::from(1);
            }
        }
        let Some(model) = Model::from_bytes(&trained.weights, &trained.vocab) else {
            return ExitCode::from(1);
        };
        let held_out: Vec<train::Example> = docs
            .iter()
            .filter(|d| d.is_validation())
            .flat_map(|d| train::examples(d, &model))
            .collect();
        let nonzero = trained.weights.iter().filter(|&&w| w != 0).count();
        println!(
            "wrote {dir}/weights.bin ({} of {} weights non-zero) and vocab.bin",
            nonzero,
            trained.weights.len()
        );
        println!(
            "validation candidates labelled right: {} of {}",
            train::permille(train::candidate_accuracy(&model, &held_out)),
            held_out.len()
        );
        print!("{}", train::validate(&docs, &model).table());
        ExitCode::SUCCESS
    }
}
