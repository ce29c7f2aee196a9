//! Exports an analysis as CSV and Markdown.
