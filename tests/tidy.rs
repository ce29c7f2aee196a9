//! Tidy checks: the analysis core stays pure, and its lexicons stay sorted
//! and deduplicated.

use std::fs;
use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("readable dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn analysis_core_names_no_ui_crate() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/analysis");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    assert!(!files.is_empty());
    for file in files {
        let text = fs::read_to_string(&file).expect("readable file");
        for banned in ["leptos", "web_sys"] {
            assert!(
                !text.contains(banned),
                "{} names `{banned}`: the analysis core must stay pure",
                file.display()
            );
        }
    }
}

#[test]
fn lexicons_are_sorted_and_deduplicated() {
    for (name, text) in article_explorer::analysis::lexicon::FILES {
        let lines: Vec<&str> = text.lines().collect();
        for w in lines.windows(2) {
            assert!(
                w[0] < w[1],
                "{name}: {:?} must come before {:?} (sorted, no duplicates)",
                w[1],
                w[0]
            );
        }
        assert!(
            lines.iter().all(|l| !l.trim().is_empty() && l.trim() == *l),
            "{name}: blank or padded line"
        );
    }
}

#[test]
fn every_lexicon_file_is_loaded() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/analysis/lexicon");
    let loaded: Vec<&str> = article_explorer::analysis::lexicon::FILES
        .iter()
        .map(|(n, _)| *n)
        .collect();
    for entry in fs::read_dir(dir).expect("lexicon dir").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".txt") {
            assert!(
                loaded.contains(&name.as_str()),
                "{name} is not in lexicon::FILES"
            );
        }
    }
}
