//! What the page says about text that was not pasted clean: hard-wrapped
//! lines that were joined, a web page whose furniture was left out, and
//! who is credited for the article.

use crate::analysis::{Analysis, CreditRole, Reflow};

/// "Joined 31 wrapped lines into 9 paragraphs.", or nothing when no line
/// was joined.
///
/// # Examples
///
/// ```
/// use article_explorer::analysis::Reflow;
/// use article_explorer::view::reflow_notice;
/// assert_eq!(reflow_notice(Reflow { lines: 31, paragraphs: 9 }).as_deref(),
///            Some("Joined 31 wrapped lines into 9 paragraphs."));
/// assert_eq!(reflow_notice(Reflow::default()), None);
/// ```
pub fn reflow_notice(reflow: Reflow) -> Option<String> {
    if reflow.lines == 0 {
        return None;
    }
    let paragraphs = match reflow.paragraphs {
        1 => "1 paragraph".to_string(),
        n => format!("{n} paragraphs"),
    };
    Some(format!(
        "Joined {} wrapped lines into {paragraphs}.",
        reflow.lines
    ))
}

/// "Kept the article, left out 14 lines of page navigation and ads."
pub fn cleaned_notice(left_out: usize) -> String {
    match left_out {
        0 => "Kept the text of the pasted page.".to_string(),
        1 => "Kept the article, left out 1 line of page navigation and ads.".to_string(),
        n => format!("Kept the article, left out {n} lines of page navigation and ads."),
    }
}

/// The credited names by role, in order of first credit: ("By", "Jane
/// Wanjiru and Tom Okello"), ("Reporting", "Yuki Sato").
pub fn credits(text: &str, analysis: &Analysis) -> Vec<(&'static str, String)> {
    let mut out: Vec<(CreditRole, Vec<&str>)> = Vec::new();
    for credit in &analysis.credits {
        let Some(name) = text.get(credit.name.start..credit.name.end) else {
            continue;
        };
        match out.iter_mut().find(|(role, _)| *role == credit.role) {
            Some((_, names)) if !names.contains(&name) => names.push(name),
            Some(_) => {}
            None => out.push((credit.role, vec![name])),
        }
    }
    out.into_iter()
        .map(|(role, names)| (role_label(role), join_names(&names)))
        .collect()
}

fn role_label(role: CreditRole) -> &'static str {
    match role {
        CreditRole::Author => "By",
        CreditRole::Reporting => "Reporting",
        CreditRole::Writing => "Writing",
        CreditRole::Editing => "Editing",
        CreditRole::Picture => "Pictures",
        CreditRole::Other => "Credits",
    }
}

/// "A", "A and B", "A, B and C"; names on one line.
fn join_names(names: &[&str]) -> String {
    let names: Vec<String> = names
        .iter()
        .map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    match names.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}
