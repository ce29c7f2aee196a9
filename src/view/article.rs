//! The article as parts (headings, paragraphs, lists) made of flat,
//! non-overlapping segments, each carrying the highlights that cover it.

use crate::analysis::{order, ActorId, Analysis, Block, BlockKind, Span};

/// The whole article, ready to be turned into DOM nodes part by part.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArticleModel {
    pub parts: Vec<Part>,
}

/// One top-level element of the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    /// `level` is 2 or 3 (`h2`, `h3`); `idx` numbers the headings from 0.
    Heading {
        level: u8,
        idx: usize,
        block: BlockView,
    },
    Paragraph(BlockView),
    /// "By Jane Doe": shown apart from the text, and in the outline.
    Byline(BlockView),
    /// "(Reporting by …; editing by …)", "Photo: …": small print.
    Credit(BlockView),
    List {
        ordered: bool,
        items: Vec<BlockView>,
    },
}

/// Where a list item block sits in [`Analysis::lists`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ItemRef {
    pub list: usize,
    pub item: usize,
}

/// A heading, paragraph or list item, cut into segments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlockView {
    pub span: Span,
    pub item: Option<ItemRef>,
    pub segments: Vec<Segment>,
}

/// A run of text with the same highlights. Segments of a block are sorted,
/// contiguous and cover the block exactly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    pub span: Span,
    pub actor: Option<ActorId>,
    pub quote: Option<usize>,
    /// The list whose lead-in sentence this is part of.
    pub lead: Option<usize>,
}

impl ArticleModel {
    pub fn new(text: &str, analysis: &Analysis) -> ArticleModel {
        let layers = Layers::new(analysis);
        let fallback;
        let blocks: &[Block] = if analysis.blocks.is_empty() {
            fallback = fallback_blocks(text);
            &fallback
        } else {
            &analysis.blocks
        };
        let mut parts: Vec<Part> = Vec::new();
        let mut n_headings = 0;
        let mut prev_end = 0;
        for block in blocks {
            // Overlapping blocks would print text twice; the engine never
            // sends them, but the view must not trust that blindly.
            if block.span.start < prev_end {
                continue;
            }
            prev_end = block.span.end;
            let view = |item| BlockView {
                span: block.span,
                item,
                segments: segments(block.span, &layers),
            };
            match block.kind {
                BlockKind::Heading => {
                    let level = heading_level(text, block.span);
                    parts.push(Part::Heading {
                        level,
                        idx: n_headings,
                        block: view(None),
                    });
                    n_headings += 1;
                }
                BlockKind::Paragraph => parts.push(Part::Paragraph(view(None))),
                BlockKind::Byline => parts.push(Part::Byline(view(None))),
                BlockKind::Credit => parts.push(Part::Credit(view(None))),
                BlockKind::ListItem => {
                    let item = find(&layers.items, block.span);
                    let block_view = view(item);
                    let same_list = |items: &Vec<BlockView>| match (items.last(), item) {
                        (Some(last), Some(item)) => {
                            last.item.is_none_or(|prev| prev.list == item.list)
                        }
                        _ => true,
                    };
                    match parts.last_mut() {
                        Some(Part::List { items, .. }) if same_list(items) => {
                            items.push(block_view)
                        }
                        _ => parts.push(Part::List {
                            ordered: is_ordered(text, block.span),
                            items: vec![block_view],
                        }),
                    }
                }
            }
        }
        ArticleModel { parts }
    }

    /// The headings in order: (heading index, level, span).
    pub fn outline(&self) -> Vec<(usize, u8, Span)> {
        let headings = self.parts.iter().filter_map(|part| match part {
            Part::Heading { level, idx, block } => Some((*idx, *level, block.span)),
            _ => None,
        });
        headings.collect()
    }
}

/// Every highlight as sorted, non-overlapping intervals, one list per layer.
struct Layers {
    actors: Vec<(Span, ActorId)>,
    quotes: Vec<(Span, usize)>,
    leads: Vec<(Span, usize)>,
    items: Vec<(Span, ItemRef)>,
}

impl Layers {
    fn new(analysis: &Analysis) -> Layers {
        let mentions = analysis
            .actors
            .iter()
            .flat_map(|actor| actor.mentions.iter().map(|&span| (span, actor.id)));
        let quotes = analysis
            .quotes
            .iter()
            .enumerate()
            .map(|(idx, quote)| (quote.span, idx));
        let leads = analysis
            .lists
            .iter()
            .enumerate()
            .filter_map(|(idx, list)| Some((list.lead?, idx)));
        let items = analysis.lists.iter().enumerate().flat_map(|(list, l)| {
            l.items
                .iter()
                .enumerate()
                .map(move |(item, &span)| (span, ItemRef { list, item }))
        });
        Layers {
            actors: disjoint(mentions.collect()),
            quotes: disjoint(quotes.collect()),
            leads: disjoint(leads.collect()),
            items: disjoint(items.collect()),
        }
    }
}

/// Sorts intervals and keeps, among overlapping ones, the one that starts
/// first (the longest on a tie): "President Volodymyr Zelenskyy" wins over
/// a nested "Volodymyr Zelenskyy" of another actor.
fn disjoint<T: Copy>(mut spans: Vec<(Span, T)>) -> Vec<(Span, T)> {
    spans.retain(|(span, _)| !span.is_empty());
    order::sort_by_rank(&mut spans, |(span, _)| {
        order::then(order::ascending(span.start), order::descending(span.end))
    });
    let mut kept: Vec<(Span, T)> = Vec::with_capacity(spans.len());
    for (span, value) in spans {
        if kept.last().is_none_or(|(last, _)| last.end <= span.start) {
            kept.push((span, value));
        }
    }
    kept
}

/// The intervals of `sorted` that overlap `block`, clipped to it.
fn clip<T: Copy>(sorted: &[(Span, T)], block: Span) -> Vec<(Span, T)> {
    let first = sorted.partition_point(|(span, _)| span.end <= block.start);
    let overlapping = sorted[first..]
        .iter()
        .take_while(|(span, _)| span.start < block.end);
    let clipped = overlapping.map(|&(span, value)| {
        (
            Span::new(span.start.max(block.start), span.end.min(block.end)),
            value,
        )
    });
    clipped.filter(|(span, _)| !span.is_empty()).collect()
}

fn find<T: Copy>(sorted: &[(Span, T)], block: Span) -> Option<T> {
    clip(sorted, block).first().map(|&(_, value)| value)
}

fn segments(block: Span, layers: &Layers) -> Vec<Segment> {
    if block.is_empty() {
        return Vec::new();
    }
    let actors = clip(&layers.actors, block);
    let quotes = clip(&layers.quotes, block);
    let leads = clip(&layers.leads, block);
    let mut cuts = vec![block.start, block.end];
    let spans = actors
        .iter()
        .map(|(s, _)| s)
        .chain(quotes.iter().map(|(s, _)| s))
        .chain(leads.iter().map(|(s, _)| s));
    for span in spans {
        cuts.push(span.start);
        cuts.push(span.end);
    }
    order::sort(&mut cuts);
    cuts.dedup();
    let (mut actor_idx, mut quote_idx, mut lead_idx) = (0, 0, 0);
    let pieces = cuts.windows(2).map(|w| {
        let span = Span::new(w[0], w[1]);
        Segment {
            span,
            actor: covering(&actors, &mut actor_idx, span),
            quote: covering(&quotes, &mut quote_idx, span),
            lead: covering(&leads, &mut lead_idx, span),
        }
    });
    pieces.collect()
}

/// The value of the interval covering `piece`; `cursor` only moves forward,
/// so a block's segments are found in one pass.
fn covering<T: Copy>(sorted: &[(Span, T)], cursor: &mut usize, piece: Span) -> Option<T> {
    while sorted
        .get(*cursor)
        .is_some_and(|(span, _)| span.end <= piece.start)
    {
        *cursor += 1;
    }
    let (span, value) = sorted.get(*cursor)?;
    span.contains(piece).then_some(*value)
}

/// The text between the start of the line and the block: markers such as
/// "## " or "1. " that the block span leaves out.
fn line_prefix(text: &str, span: Span) -> &str {
    let line_start = text[..span.start].rfind('\n').map_or(0, |idx| idx + 1);
    &text[line_start..span.start]
}

/// `h3` for "## Sub-heading" and deeper, `h2` otherwise.
fn heading_level(text: &str, span: Span) -> u8 {
    let hashes = line_prefix(text, span)
        .chars()
        .filter(|&c| c == '#')
        .count();
    if hashes >= 2 {
        3
    } else {
        2
    }
}

fn is_ordered(text: &str, span: Span) -> bool {
    line_prefix(text, span)
        .trim_start()
        .starts_with(|c: char| c.is_ascii_digit())
}

/// Paragraph per non-blank line, for when the engine gives no blocks.
fn fallback_blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let offset = line.find(trimmed).unwrap_or(0);
            let span = Span::new(start + offset, start + offset + trimmed.len());
            blocks.push(Block {
                kind: BlockKind::Paragraph,
                span,
            });
        }
        start += line.len();
    }
    blocks
}
