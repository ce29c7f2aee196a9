//! The earlier texts kept in the browser, newest first, so that replacing
//! the article (the sample, Clear, a file, a shared link) never loses what
//! was there: each replaced text is remembered and one click brings it
//! back.

use super::summary::{excerpt, plural, word_count};

/// How many earlier texts are kept.
pub const MAX_KEPT_TEXTS: usize = 5;
/// At most this many bytes of earlier texts in all (browsers keep about
/// 5 M characters per site, and the draft needs room too). The newest text
/// is kept even when it alone is longer.
pub const MAX_KEPT_BYTES: usize = 2_500_000;

/// Puts `text` first in `history` (newest first), unless it is blank.
/// An equal older entry moves up rather than being kept twice; the oldest
/// go when there are more than [`MAX_KEPT_TEXTS`] or [`MAX_KEPT_BYTES`].
///
/// # Examples
///
/// ```
/// use article_explorer::view::remember;
/// let mut history = vec!["b".to_string(), "a".to_string()];
/// assert!(remember(&mut history, "a"));
/// assert_eq!(history, ["a", "b"]);
/// assert!(!remember(&mut history, "  \n"));
/// ```
pub fn remember(history: &mut Vec<String>, text: &str) -> bool {
    if text.trim().is_empty() {
        return false;
    }
    history.retain(|kept| kept != text);
    history.insert(0, text.to_string());
    history.truncate(MAX_KEPT_TEXTS);
    let mut total: usize = history.iter().map(String::len).sum();
    while total > MAX_KEPT_BYTES && history.len() > 1 {
        total -= history.pop().map_or(0, |gone| gone.len());
    }
    true
}

/// The newest kept text that is not `current`: what "Restore previous
/// text" brings back.
pub fn previous<'a>(history: &'a [String], current: &str) -> Option<&'a str> {
    history
        .iter()
        .map(String::as_str)
        .find(|kept| *kept != current)
}

/// How a kept text is listed: its first line, cut, and its length.
///
/// # Examples
///
/// ```
/// use article_explorer::view::history_title;
/// assert_eq!(history_title("\n Budget vote \nThe council met."), "Budget vote · 5 words");
/// ```
pub fn history_title(text: &str) -> String {
    let first = text.lines().map(str::trim).find(|line| !line.is_empty());
    format!(
        "{} · {}",
        excerpt(first.unwrap_or(""), 60),
        plural(word_count(text), "word", "words")
    )
}
