//! The analysis compiled to WebAssembly for the Node benchmark in
//! scripts/bench-wasm. `load` copies the article into wasm memory once;
//! `run` analyses it and returns a count, so Node times only the analysis.

#[cfg(target_arch = "wasm32")]
mod wasm {
    use std::cell::RefCell;

    use article_explorer::analysis::analyze;
    use wasm_bindgen::prelude::*;

    thread_local! {
        static TEXT: RefCell<String> = const { RefCell::new(String::new()) };
    }

    /// Keeps the article for later `run` calls; returns its length in bytes.
    #[wasm_bindgen]
    pub fn load(text: &str) -> usize {
        TEXT.with(|t| *t.borrow_mut() = text.to_string());
        text.len()
    }

    /// Analyses the loaded article; returns actors + quotes + list items.
    #[wasm_bindgen]
    pub fn run() -> u32 {
        TEXT.with(|t| {
            let a = analyze(&t.borrow());
            (a.actors.len() + a.quotes.len() + a.lists.iter().map(|l| l.items.len()).sum::<usize>())
                as u32
        })
    }
}
