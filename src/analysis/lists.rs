//! Bulleted and numbered lists with the sentence that introduces them.

use super::blocks::BlockInfo;
use super::case::lowercase;
use super::sentences::SentInfo;
use super::{BlockKind, List, Span};

/// Groups consecutive list items into lists and finds each list's lead.
pub fn lists(text: &str, blocks: &[BlockInfo], sents: &[SentInfo]) -> Vec<List> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        if blocks[i].kind != BlockKind::ListItem {
            i += 1;
            continue;
        }
        let first = i;
        while i < blocks.len() && blocks[i].kind == BlockKind::ListItem {
            i += 1;
        }
        let items: Vec<Span> = blocks[first..i].iter().map(|b| b.span).collect();
        let lead = first
            .checked_sub(1)
            .and_then(|p| lead_of(text, &blocks[p], sents));
        let topic = lead.and_then(|l| topic(&text[l]));
        out.push(List { lead, topic, items });
    }
    out
}

/// The last sentence of the block before a list, when it ends with a colon.
fn lead_of(text: &str, block: &BlockInfo, sents: &[SentInfo]) -> Option<Span> {
    if block.kind != BlockKind::Paragraph || !text[block.span].ends_with(':') {
        return None;
    }
    let idx = sents.partition_point(|s| s.span.end < block.span.end);
    let sent = sents.get(idx).filter(|s| block.span.contains(s.span))?;
    Some(sent.span)
}

/// A topic word from the lead: the plural noun after "these", "the
/// following", "several"…: "these guarantees might include:" → "guarantees".
pub fn topic(lead: &str) -> Option<String> {
    let words: Vec<&str> = lead
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    const DETERMINERS: &[&str] = &[
        "these",
        "those",
        "following",
        "several",
        "some",
        "many",
        "such",
        "various",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
    ];
    for (k, w) in words.iter().enumerate() {
        if !DETERMINERS.contains(&lowercase(w).as_str()) {
            continue;
        }
        // Skip up to two adjectives: the first word ending in "s" is the noun.
        for next in words.iter().skip(k + 1).take(3) {
            let lower = lowercase(next);
            if lower.len() > 3
                && lower.ends_with('s')
                && !lower.ends_with("ss")
                && !lower.ends_with("ous")
            {
                return Some(lower);
            }
        }
    }
    None
}
