//! The figures the README claims, each held above a floor near today's
//! value: the dev-set scores (`../shared/eval/score.py`), the project's own
//! corpus, and the name recogniser on the GUM validation split. The data
//! lives beside the project in `../shared`, as on every machine that runs
//! this suite; a missing folder fails the test rather than skipping it.

use std::path::PathBuf;
use std::process::Command;

use article_explorer::analysis::recognizer::{train, Model};

fn shared(rel: &str) -> PathBuf {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel);
    assert!(
        p.exists(),
        "{} is missing: the quality checks read the shared eval and training data",
        p.display()
    );
    p
}

/// The TOTAL line of `score.py --json` over a folder of gold files.
fn score(dir: PathBuf) -> serde_json::Value {
    let cmd = format!("{} {{}}", env!("CARGO_BIN_EXE_analyze"));
    let out = Command::new("python3")
        .arg(shared("eval/score.py"))
        .arg("--json")
        .arg("--dir")
        .arg(&dir)
        .arg("--cmd")
        .arg(cmd)
        .output()
        .expect("python3 runs the scorer");
    assert!(
        out.status.success(),
        "score.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("score.py --json prints one JSON object")
}

fn at_least(scores: &serde_json::Value, key: &str, floor: f64) {
    let v = scores[key].as_f64().unwrap_or(-1.0);
    assert!(
        v >= floor,
        "{key} is {v}, below its floor {floor}: {scores}"
    );
}

#[test]
fn dev_set_scores_stay_above_their_floors() {
    let s = score(shared("eval/dev"));
    at_least(&s, "actor_f1", 0.96);
    at_least(&s, "mention_f1", 0.955);
    at_least(&s, "quote_f1", 0.99);
    at_least(&s, "speaker_acc", 0.96);
    at_least(&s, "item_f1", 1.0);
    assert_eq!(s["offset_errors"], 0, "{s}");
}

#[test]
fn own_corpus_scores_stay_above_their_floors() {
    let s = score(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus"));
    at_least(&s, "actor_f1", 0.95);
    at_least(&s, "mention_f1", 0.95);
    at_least(&s, "quote_f1", 1.0);
    at_least(&s, "speaker_acc", 1.0);
    at_least(&s, "item_f1", 1.0);
}

#[test]
fn recogniser_scores_on_the_gum_validation_split_stay_above_their_floors() {
    let docs = train::load(&shared("train/gum")).expect("the GUM corpus loads");
    let r = train::validate(&docs, &Model::embedded());
    let table = r.table();
    assert!(r.untyped.f1() >= 0.80, "untyped F1 fell:\n{table}");
    assert!(r.typed.f1() >= 0.695, "typed F1 fell:\n{table}");
    assert!(r.per_type[0].f1() >= 0.685, "person F1 fell:\n{table}");
    assert!(r.per_type[1].f1() >= 0.57, "organization F1 fell:\n{table}");
    assert!(r.per_type[2].f1() >= 0.75, "place F1 fell:\n{table}");
}

/// The committed weights are exactly what `cargo run --release --bin train`
/// writes: training is deterministic, and nothing was tuned by hand.
#[test]
fn embedded_weights_are_what_training_writes() {
    let docs = train::load(&shared("train/gum")).expect("the GUM corpus loads");
    let trained = train::train_all(&docs, train::EPOCHS);
    let stale = "is stale: run `cargo run --release --bin train -- ../shared/train/gum`";
    let vocab = include_bytes!("../src/analysis/recognizer/vocab.bin");
    assert!(
        trained.vocab.as_slice() == vocab.as_slice(),
        "vocab.bin {stale}"
    );
    let weights = include_bytes!("../src/analysis/recognizer/weights.bin");
    assert!(
        trained.weights.as_slice() == weights.as_slice(),
        "weights.bin {stale}"
    );
}
