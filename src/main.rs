//! Mounts the web app (wasm32); natively there is nothing to run.

#[cfg(target_arch = "wasm32")]
fn main() {
    article_explorer::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("article-explorer is a web app: run it with `scripts/serve` (see README).");
}
