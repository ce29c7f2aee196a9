//! The notices about pasted text and the credits line, natively.

use article_explorer::analysis::{analyze, Reflow};
use article_explorer::view::{cleaned_notice, credits, reflow_notice, ArticleModel, Part};

#[test]
fn reflow_notice_counts_lines_and_paragraphs() {
    let notice = |lines, paragraphs| reflow_notice(Reflow { lines, paragraphs });
    assert_eq!(notice(0, 0), None);
    assert_eq!(
        notice(3, 1).as_deref(),
        Some("Joined 3 wrapped lines into 1 paragraph.")
    );
    assert_eq!(
        notice(31, 9).as_deref(),
        Some("Joined 31 wrapped lines into 9 paragraphs.")
    );
}

#[test]
fn cleaned_notice_counts_what_was_left_out() {
    assert_eq!(cleaned_notice(0), "Kept the text of the pasted page.");
    assert_eq!(
        cleaned_notice(1),
        "Kept the article, left out 1 line of page navigation and ads."
    );
    assert_eq!(
        cleaned_notice(14),
        "Kept the article, left out 14 lines of page navigation and ads."
    );
}

#[test]
fn credits_are_grouped_by_role_in_order() {
    let text = "Talks end without a deal\n\
                By Jane Wanjiru and Tom Okello\n\
                The talks ended on Tuesday without a deal, officials said.\n\
                (Reporting by Yuki Sato and Ana Ruiz; editing by Kenji Ito)\n";
    let a = analyze(text);
    assert_eq!(
        credits(text, &a),
        [
            ("By", "Jane Wanjiru and Tom Okello".to_string()),
            ("Reporting", "Yuki Sato and Ana Ruiz".to_string()),
            ("Editing", "Kenji Ito".to_string()),
        ]
    );
}

#[test]
fn byline_and_credit_lines_are_parts_of_their_own_and_credited_in_the_outline() {
    let text = "Talks end without a deal\n\
                By Jane Wanjiru\n\
                The talks ended on Tuesday without a deal, officials said.\n\
                Photo: Ana Ruiz/AFP\n";
    let a = analyze(text);
    let model = ArticleModel::new(text, &a);
    let kinds: Vec<&str> = model
        .parts
        .iter()
        .map(|part| match part {
            Part::Heading { .. } => "heading",
            Part::Paragraph(_) => "paragraph",
            Part::Byline(_) => "byline",
            Part::Credit(_) => "credit",
            Part::List { .. } => "list",
        })
        .collect();
    assert_eq!(kinds, ["heading", "byline", "paragraph", "credit"]);
    let byline = model.parts.iter().find_map(|part| match part {
        Part::Byline(block) => Some(block.span),
        _ => None,
    });
    assert_eq!(
        byline.map(|s| &text[s.start..s.end]),
        Some("By Jane Wanjiru")
    );
    // Only the title is a heading in the outline; the byline is among the
    // credits above it.
    assert_eq!(model.outline().len(), 1);
    assert_eq!(
        credits(text, &a),
        [
            ("By", "Jane Wanjiru".to_string()),
            ("Pictures", "Ana Ruiz and AFP".to_string())
        ]
    );
}
