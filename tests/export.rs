//! CSV and Markdown exports and download file names, on hand-built analyses.

use article_explorer::analysis::{
    Actor, ActorId, ActorKind, Analysis, Attribution, List, Quote, Span,
};
use article_explorer::export::{file_name, markdown_summary, quotes_csv};

/// The byte span of the first `needle` in `text`.
fn span_of(text: &str, needle: &str) -> Span {
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    Span::new(start, start + needle.len())
}

fn actor(id: u32, name: &str, kind: ActorKind, n_mentions: usize) -> Actor {
    let mentions = (0..n_mentions).map(|i| Span::new(i, i)).collect();
    Actor {
        id: ActorId(id),
        name: name.to_string(),
        kind,
        mentions,
    }
}

fn quote(text: &str, words: &str, speaker: Option<u32>) -> Quote {
    Quote {
        span: span_of(text, words),
        speaker: speaker.map(ActorId),
        cue: None,
        attribution: speaker.map(|_| Attribution::Cue),
    }
}

/// An analysis with one quote of `words`, spoken by "Jane Doe".
fn one_quote(text: &str, words: &str) -> Analysis {
    Analysis {
        actors: vec![actor(0, "Jane Doe", ActorKind::Person, 1)],
        quotes: vec![quote(text, words, Some(0))],
        ..Analysis::default()
    }
}

fn check_csv_row(text: &str, words: &str, expected_row: &str) {
    let csv = quotes_csv(text, &one_quote(text, words));
    assert_eq!(
        csv,
        format!("speaker,kind,quote,position,attribution\r\n{expected_row},cue\r\n"),
        "quote {words:?}"
    );
}

#[test]
fn csv_has_header_only_without_quotes() {
    assert_eq!(
        quotes_csv("No quotes here.", &Analysis::default()),
        "speaker,kind,quote,position,attribution\r\n"
    );
}

#[test]
fn csv_plain_fields_are_unquoted() {
    check_csv_row(
        "Jane Doe said \"We will win\".",
        "We will win",
        "Jane Doe,person,We will win,15",
    );
}

#[test]
fn csv_quotes_fields_with_commas_quotes_and_line_breaks() {
    check_csv_row("x “Yes, now”", "Yes, now", "Jane Doe,person,\"Yes, now\",3");
    check_csv_row(
        "x «He said \"no\"»",
        "He said \"no\"",
        "Jane Doe,person,\"He said \"\"no\"\"\",3",
    );
    check_csv_row("x “one\ntwo”", "one\ntwo", "Jane Doe,person,\"one\ntwo\",3");
    check_csv_row(
        "x “one\r\ntwo”",
        "one\r\ntwo",
        "Jane Doe,person,\"one\r\ntwo\",3",
    );
}

#[test]
fn csv_guards_formula_starts() {
    for (words, field) in [
        (
            "=HYPERLINK(\"http://evil\")",
            "\"'=HYPERLINK(\"\"http://evil\"\")\"",
        ),
        ("+1 for peace", "\"'+1 for peace\""),
        ("-2 degrees", "\"'-2 degrees\""),
        ("@SUM(A1)", "\"'@SUM(A1)\""),
        ("\tcmd", "\"'\tcmd\""),
        ("\rcmd", "\"'\rcmd\""),
    ] {
        let text = format!("x “{words}”");
        check_csv_row(&text, words, &format!("Jane Doe,person,{field},3"));
    }
}

#[test]
fn csv_does_not_guard_formula_characters_inside_a_field() {
    check_csv_row("x “a=b+c-d@e”", "a=b+c-d@e", "Jane Doe,person,a=b+c-d@e,3");
}

#[test]
fn csv_guards_speaker_names_too() {
    let text = "“Hi”";
    let analysis = Analysis {
        actors: vec![actor(0, "=cmd|' /C calc'!A0", ActorKind::Person, 1)],
        quotes: vec![quote(text, "Hi", Some(0))],
        ..Analysis::default()
    };
    assert!(quotes_csv(text, &analysis).contains("\r\n\"'=cmd|' /C calc'!A0\",person,Hi,1,cue\r\n"));
}

#[test]
fn csv_position_counts_characters_not_bytes() {
    // "Zelenskyy" in Cyrillic is 2 bytes a letter; the emoji is 4 bytes.
    check_csv_row("Зеленський 🇺🇦: «Мир»", "Мир", "Jane Doe,person,Мир,16");
}

#[test]
fn csv_unattributed_and_dangling_speakers_are_empty() {
    let text = "“One” and “Two”";
    let analysis = Analysis {
        quotes: vec![quote(text, "One", None), quote(text, "Two", Some(7))],
        ..Analysis::default()
    };
    assert_eq!(
        quotes_csv(text, &analysis),
        "speaker,kind,quote,position,attribution\r\n,,One,1,\r\n,,Two,11,\r\n"
    );
}

#[test]
fn csv_rows_follow_quote_order_and_kinds() {
    let text = "“A” said the source. “B” said Kyiv.";
    let analysis = Analysis {
        actors: vec![
            actor(0, "a diplomatic source", ActorKind::Anonymous, 1),
            actor(1, "Ukraine", ActorKind::Country, 1),
        ],
        quotes: vec![quote(text, "A", Some(0)), quote(text, "B", Some(1))],
        ..Analysis::default()
    };
    let csv = quotes_csv(text, &analysis);
    assert_eq!(
        csv,
        "speaker,kind,quote,position,attribution\r\na diplomatic source,anonymous,A,1,cue\r\nUkraine,country,B,22,cue\r\n"
    );
}

#[test]
fn csv_survives_spans_outside_the_text() {
    let analysis = Analysis {
        quotes: vec![Quote {
            span: Span::new(2, 99),
            speaker: None,
            cue: None,
            attribution: None,
        }],
        ..Analysis::default()
    };
    assert_eq!(
        quotes_csv("short", &analysis),
        "speaker,kind,quote,position,attribution\r\n,,,2,\r\n"
    );
}

const ARTICLE: &str = "Leaders meet in Washington\n\
“This meeting represents an opportunity,” said a diplomatic source.\n\
“Ukraine seeks peace,” Zelenskyy said. “But not at any cost.”\n\
Experts say the guarantees might include:\n\
- Defensive weapons\n\
- Intelligence sharing\n";

fn article_analysis() -> Analysis {
    let text = ARTICLE;
    Analysis {
        actors: vec![
            actor(0, "Volodymyr Zelenskyy", ActorKind::Person, 3),
            actor(1, "Washington", ActorKind::Place, 1),
            actor(2, "a diplomatic source", ActorKind::Anonymous, 1),
            actor(3, "Experts", ActorKind::Group, 1),
        ],
        quotes: vec![
            quote(text, "This meeting represents an opportunity,", Some(2)),
            quote(text, "Ukraine seeks peace,", Some(0)),
            quote(text, "But not at any cost.", Some(0)),
        ],
        lists: vec![List {
            lead: Some(span_of(text, "Experts say the guarantees might include:")),
            topic: Some("guarantees".into()),
            items: vec![
                span_of(text, "Defensive weapons"),
                span_of(text, "Intelligence sharing"),
            ],
        }],
        ..Analysis::default()
    }
}

#[test]
fn markdown_summary_of_a_small_article() {
    let expected = "\
# Leaders meet in Washington

4 actors, 3 quotes, 1 list.

## Actors

### People

- Volodymyr Zelenskyy (3 mentions)

### Places

- Washington (1 mention)

### Groups

- Experts (1 mention)

### Anonymous sources

- a diplomatic source (1 mention)

## Quotes

### Volodymyr Zelenskyy

> Ukraine seeks peace,

> But not at any cost.

### a diplomatic source

> This meeting represents an opportunity,

## Lists

**Experts say the guarantees might include:**

- Defensive weapons
- Intelligence sharing
";
    assert_eq!(markdown_summary(ARTICLE, &article_analysis()), expected);
}

#[test]
fn markdown_summary_of_nothing_found_is_title_and_counts() {
    assert_eq!(
        markdown_summary("Just a line.", &Analysis::default()),
        "# Just a line.\n\n0 actors, 0 quotes, 0 lists.\n"
    );
    assert_eq!(
        markdown_summary("", &Analysis::default()),
        "# Article\n\n0 actors, 0 quotes, 0 lists.\n"
    );
}

#[test]
fn markdown_unattributed_quotes_come_last_and_listless_leads_are_numbered() {
    let text = "“Who said this?” “Doe said this.”\n- a\n- b";
    let analysis = Analysis {
        actors: vec![actor(0, "Doe", ActorKind::Person, 1)],
        quotes: vec![
            quote(text, "Who said this?", None),
            quote(text, "Doe said this.", Some(0)),
        ],
        lists: vec![List {
            lead: None,
            topic: None,
            items: vec![span_of(text, "a"), span_of(text, "b")],
        }],
        ..Analysis::default()
    };
    let md = markdown_summary(text, &analysis);
    assert!(
        md.contains("### Doe\n\n> Doe said this.\n\n### Unattributed\n\n> Who said this?\n"),
        "{md}"
    );
    assert!(md.contains("**List 1**\n\n- a\n- b\n"), "{md}");
}

/// The Markdown for one quote of `words`, as its blockquote line.
fn quote_line(words: &str) -> String {
    let text = format!("“{words}”");
    let md = markdown_summary(&text, &one_quote(&text, words));
    let line = md
        .lines()
        .find(|line| line.starts_with("> "))
        .expect("a blockquote");
    line.to_string()
}

#[test]
fn markdown_escapes_links_images_and_html() {
    for (words, escaped) in [
        (
            "[click](http://evil.example)",
            "> \\[click\\](http://evil.example)",
        ),
        (
            "![x](http://evil.example/p.png)",
            "> !\\[x\\](http://evil.example/p.png)",
        ),
        (
            "<img src=x onerror=alert(1)>",
            "> \\<img src=x onerror=alert(1)\\>",
        ),
        ("<http://evil.example>", "> \\<http://evil.example\\>"),
        ("[a]: http://evil.example", "> \\[a\\]: http://evil.example"),
        ("&lt;script&gt;", "> \\&lt;script\\&gt;"),
    ] {
        assert_eq!(quote_line(words), escaped, "{words}");
    }
}

#[test]
fn markdown_escapes_emphasis_code_and_tables() {
    for (words, escaped) in [
        ("*bold* _it_", "> \\*bold\\* \\_it\\_"),
        ("`code` ~~gone~~", "> \\`code\\` \\~\\~gone\\~\\~"),
        ("a | b", "> a \\| b"),
        ("$5 and $6", "> \\$5 and \\$6"),
        ("back\\slash", "> back\\\\slash"),
        ("#1 # 2", "> \\#1 \\# 2"),
    ] {
        assert_eq!(quote_line(words), escaped, "{words}");
    }
}

#[test]
fn markdown_escapes_line_start_markers_only_at_the_start() {
    for (words, escaped) in [
        ("- not a list", "> \\- not a list"),
        ("+ not a list", "> \\+ not a list"),
        ("= not a heading", "> \\= not a heading"),
        ("1. not a list", "> 1\\. not a list"),
        ("2024) not a list", "> 2024\\) not a list"),
        ("> not nested", "> \\> not nested"),
        ("well-known 1.5 a+b", "> well-known 1.5 a+b"),
    ] {
        assert_eq!(quote_line(words), escaped, "{words}");
    }
}

#[test]
fn markdown_joins_multiline_article_text_into_one_line() {
    assert_eq!(
        quote_line("one\n\n# two\n   - three"),
        "> one \\# two - three"
    );
}

#[test]
fn markdown_escapes_actor_names_list_text_and_title() {
    let text = "<b>Title</b>\n“q”\n- [x](y)";
    let analysis = Analysis {
        actors: vec![actor(0, "*Evil* Corp", ActorKind::Organization, 2)],
        quotes: vec![quote(text, "q", Some(0))],
        lists: vec![List {
            lead: Some(span_of(text, "<b>Title</b>")),
            topic: None,
            items: vec![span_of(text, "[x](y)")],
        }],
        ..Analysis::default()
    };
    let md = markdown_summary(text, &analysis);
    assert!(md.starts_with("# \\<b\\>Title\\</b\\>\n"), "{md}");
    assert!(md.contains("- \\*Evil\\* Corp (2 mentions)\n"), "{md}");
    assert!(md.contains("### \\*Evil\\* Corp\n"), "{md}");
    assert!(
        md.contains("**\\<b\\>Title\\</b\\>**\n\n- \\[x\\](y)\n"),
        "{md}"
    );
}

#[test]
fn file_names_are_slugs_of_the_first_line() {
    for (text, ext, expected) in [
        (
            "Leaders meet in Washington\nBody",
            "md",
            "leaders-meet-in-washington.md",
        ),
        (
            "\n\n   Trump, Zelenskyy & NATO: “talks”  \n",
            "csv",
            "trump-zelenskyy-nato-talks.csv",
        ),
        (
            "Zürich Überraschung für Ärzte",
            "txt",
            "zürich-überraschung-für-ärzte.txt",
        ),
        ("../../etc/passwd", "txt", "etc-passwd.txt"),
        ("C:\\Windows\\system32", "txt", "c-windows-system32.txt"),
        ("", "md", "article.md"),
        ("   \n  \n", "md", "article.md"),
        ("!!! ??? ...", "md", "article.md"),
        ("CON", "txt", "con-article.txt"),
        ("Nul", "csv", "nul-article.csv"),
        ("A headline", ".csv", "a-headline.csv"),
        ("A headline", "c/s\\v", "a-headline.csv"),
        ("A headline", "", "a-headline"),
        ("evil\u{202e}gpj.exe", "txt", "evil-gpj-exe.txt"),
    ] {
        assert_eq!(file_name(text, ext), expected, "{text:?}");
    }
}

#[test]
fn file_names_are_cut_at_a_word_within_60_characters() {
    let text = "European and NATO leaders will meet with Ukrainian President Volodymyr Zelenskyy";
    let name = file_name(text, "md");
    assert_eq!(
        name,
        "european-and-nato-leaders-will-meet-with-ukrainian-president.md"
    );
    assert!(name.trim_end_matches(".md").chars().count() <= 60);
    let long_word = "a".repeat(100);
    assert_eq!(
        file_name(&long_word, "md"),
        format!("{}.md", "a".repeat(60))
    );
}

#[test]
fn csv_and_markdown_say_how_each_speaker_was_found() {
    let text = "Doe said: “One.” “Two.” She said: “Three.”";
    let mut analysis = Analysis {
        actors: vec![actor(0, "Doe", ActorKind::Person, 1)],
        quotes: vec![
            quote(text, "One.", Some(0)),
            quote(text, "Two.", Some(0)),
            quote(text, "Three.", Some(0)),
        ],
        ..Analysis::default()
    };
    analysis.quotes[1].attribution = Some(Attribution::Continued);
    analysis.quotes[2].attribution = Some(Attribution::Pronoun);
    let csv = quotes_csv(text, &analysis);
    let hows: Vec<&str> = csv
        .lines()
        .skip(1)
        .map(|row| row.rsplit(',').next().unwrap())
        .collect();
    assert_eq!(hows, ["cue", "continued", "pronoun"]);
    let md = markdown_summary(text, &analysis);
    assert!(
        md.contains(
            "> One.\n\n> Two.\n>\n> *Speaker carried over from the previous quote.*\n\n\
             > Three.\n>\n> *Speaker inferred from a pronoun (he, she, they).*\n"
        ),
        "{md}"
    );
}

#[test]
fn the_spreadsheet_mark_is_a_utf8_byte_order_mark() {
    assert_eq!(
        article_explorer::export::UTF8_BOM.as_bytes(),
        [0xef, 0xbb, 0xbf]
    );
}
