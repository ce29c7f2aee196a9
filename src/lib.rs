//! Article Explorer: paste a news article and see who is in it, who says
//! what, and what is listed, analysed entirely in the browser.
//!
//! - [`analysis`]: the pure core, text in, [`analysis::Analysis`] out.
//! - [`view`]: the pure view model the UI draws (segments, colours, charts).
//! - `ui` (wasm only): the Leptos components that render it.

pub mod analysis;
pub mod export;
pub mod import;
pub mod share;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod ui;

/// The article shown on first load.
pub const SAMPLE: &str = include_str!("../assets/sample.txt");
