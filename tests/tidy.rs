//! Tidy checks: the analysis core and the view model stay pure, article
//! text reaches the DOM only as text, the lexicons stay sorted and
//! deduplicated, and the source keeps to the small sorts and case mappings.

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

/// The Rust sources under `src/<dir>`, with their text.
fn sources(dir: &str) -> Vec<(std::path::PathBuf, String)> {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(dir),
        &mut files,
    );
    assert!(!files.is_empty(), "no sources under src/{dir}");
    files
        .into_iter()
        .map(|file| {
            let text = fs::read_to_string(&file).expect("readable file");
            (file, text)
        })
        .collect()
}

#[test]
fn analysis_core_names_no_ui_crate() {
    for (file, text) in sources("analysis") {
        for banned in ["leptos", "web_sys"] {
            assert!(
                !text.contains(banned),
                "{} names `{banned}`: the analysis core must stay pure",
                file.display()
            );
        }
    }
}

/// The view model builds and is tested natively.
#[test]
fn view_model_names_no_web_crate() {
    for (file, text) in sources("view") {
        for banned in ["leptos", "web_sys", "wasm_bindgen", "js_sys"] {
            assert!(!text.contains(banned), "{} names {banned}", file.display());
        }
    }
}

#[test]
fn article_text_reaches_the_dom_only_as_text() {
    for (file, text) in sources("ui") {
        for banned in [
            "inner_html",
            "set_inner_html",
            "outer_html",
            "insert_adjacent_html",
        ] {
            assert!(!text.contains(banned), "{} uses {banned}", file.display());
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

/// Standard calls that each bring kilobytes of code or tables into the
/// Wasm build have small equivalents in the crate (docs/PERF.md, size).
#[test]
fn source_uses_the_small_sorts_and_case_mappings() {
    let banned = [
        (".sort()", "analysis::order::sort"),
        (".sort_by", "analysis::order::sort_by_rank"),
        (".sort_unstable", "analysis::order::sort"),
        (".to_lowercase()", "analysis::case::lowercase"),
        (".to_uppercase()", "analysis::case::uppercase"),
        ("{:.", "integer formatting (no float formatting code)"),
    ];
    for (file, text) in sources("") {
        // The two modules that hold the replacements compare them with
        // the standard calls in their tests.
        if file.ends_with("analysis/order.rs") || file.ends_with("analysis/case.rs") {
            continue;
        }
        for (call, instead) in banned {
            assert!(
                !text.contains(call),
                "{} calls `{call}`: use {instead}, which keeps the Wasm build small",
                file.display()
            );
        }
    }
}

/// State flows one way through the UI: no module of `src/ui/` imports,
/// directly or through others, a module that imports it (there were
/// editor → guard → storage → editor and share ↔ transfer).
#[test]
fn ui_modules_import_each_other_in_one_direction() {
    let modules: Vec<(String, Vec<String>)> = sources("ui")
        .into_iter()
        .filter(|(file, _)| !file.ends_with("ui/mod.rs"))
        .map(|(file, text)| {
            let name = file.file_stem().unwrap().to_string_lossy().into_owned();
            let mut uses: Vec<String> = text
                .split("super::")
                .skip(1)
                .map(|rest| {
                    rest.chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect::<String>()
                })
                .filter(|used| !used.is_empty() && *used != name)
                .collect();
            uses.dedup();
            (name, uses)
        })
        .collect();
    let uses_of = |name: &str| {
        modules
            .iter()
            .find(|(module, _)| module == name)
            .map(|(_, uses)| uses.clone())
            .unwrap_or_default()
    };
    for (start, _) in &modules {
        // Every module reachable from `start` must not lead back to it.
        let mut seen: Vec<String> = Vec::new();
        let mut stack: Vec<(String, String)> = uses_of(start)
            .into_iter()
            .map(|next| (next.clone(), format!("{start} → {next}")))
            .collect();
        while let Some((module, path)) = stack.pop() {
            assert_ne!(&module, start, "src/ui imports in a cycle: {path}");
            if seen.contains(&module) {
                continue;
            }
            seen.push(module.clone());
            for next in uses_of(&module) {
                stack.push((next.clone(), format!("{path} → {next}")));
            }
        }
    }
}
