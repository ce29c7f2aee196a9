//! The view model stays pure: nothing under `src/view/` may name Leptos,
//! `web-sys`, `wasm-bindgen` or `js-sys`, so it builds and is tested natively.

use std::fs;
use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("readable dir") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn view_model_names_no_web_crate() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/view"),
        &mut files,
    );
    assert!(!files.is_empty());
    for file in files {
        let text = fs::read_to_string(&file).expect("readable file");
        for banned in ["leptos", "web_sys", "wasm_bindgen", "js_sys"] {
            assert!(!text.contains(banned), "{} names {banned}", file.display());
        }
    }
}

#[test]
fn article_text_reaches_the_dom_only_as_text() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui"),
        &mut files,
    );
    for file in files {
        let text = fs::read_to_string(&file).expect("readable file");
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
