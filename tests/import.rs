//! HTML to text and file import: many small cases, plus fuzzing that the
//! converter never panics and never lets a script element through.

use article_explorer::import::{html_to_text, text_from_file, ImportError, MAX_FILE_BYTES};
use proptest::prelude::*;

fn check(html: &str, expected: &str) {
    assert_eq!(html_to_text(html), expected, "converting {html:?}");
}

#[test]
fn plain_text_passes_through_collapsed() {
    check("", "");
    check("Hello", "Hello");
    check("  Hello \n\t world  ", "Hello world");
}

#[test]
fn paragraphs_become_lines() {
    check("<p>One</p><p>Two</p>", "One\nTwo");
    check("<p>One<p>Two", "One\nTwo");
    check(
        "\n<p>\n  One\n  still one\n</p>\n\n<p>Two</p>\n",
        "One still one\nTwo",
    );
    check("<div>A<div>B</div>C</div>", "A\nB\nC");
    check(
        "<h1>Title</h1><h2>Sub</h2><h6>Small</h6>Body",
        "Title\nSub\nSmall\nBody",
    );
    check(
        "<section><article><p>In</p></article></section>After",
        "In\nAfter",
    );
    check("<blockquote>Quoted</blockquote>Said", "Quoted\nSaid");
}

#[test]
fn empty_blocks_leave_no_blank_lines() {
    check(
        "<p></p><p> </p><div><p>Only</p></div><p>&nbsp;</p><br><br>",
        "Only",
    );
}

#[test]
fn br_breaks_lines() {
    check(
        "One<br>Two<br/>Three<br />Four</br>Five",
        "One\nTwo\nThree\nFour\nFive",
    );
}

#[test]
fn inline_tags_do_not_break_or_glue_words() {
    check(
        "<p>A <b>bold</b> and <i>italic</i> <a href='x'>link</a>.</p>",
        "A bold and italic link.",
    );
    check("<p>un<em>believ</em>able</p>", "unbelievable");
    check("<span>a</span> <span>b</span>", "a b");
}

#[test]
fn bulleted_lists_become_dash_lines() {
    check(
        "<p>Includes:</p><ul><li>One</li><li>Two</li></ul>",
        "Includes:\n- One\n- Two",
    );
    check("<ul>\n  <li>One\n  <li>Two\n</ul>", "- One\n- Two");
    check("<ul><li><p>Para in item</p></li></ul>", "- Para in item");
    check("<li>Stray item</li>", "- Stray item");
    check("<ul><li></li><li>Only</li></ul>", "- Only");
}

#[test]
fn ordered_lists_are_numbered() {
    check(
        "<ol><li>First</li><li>Second</li><li>Third</li></ol>",
        "1. First\n2. Second\n3. Third",
    );
    check("<ol start=\"4\"><li>Four<li>Five</ol>", "4. Four\n5. Five");
    check("<ol start=x><li>One</ol>", "1. One");
}

#[test]
fn nested_lists_keep_their_own_markers() {
    check(
        "<ol><li>A<ul><li>a1</li><li>a2</li></ul></li><li>B</li></ol>",
        "1. A\n- a1\n- a2\n2. B",
    );
}

#[test]
fn nested_tags_keep_text_in_order() {
    check(
        "<div><p>One <span>two <b>three <i>four</i></b></span> five</p></div>",
        "One two three four five",
    );
}

#[test]
fn table_rows_become_lines_and_cells_stay_apart() {
    check(
        "<table><tr><td>a</td><td>b</td></tr><tr><th>c</th><td>d</td></tr></table>",
        "a b\nc d",
    );
}

#[test]
fn pre_keeps_its_lines() {
    check(
        "<pre>line one\nline  two\n\nthree</pre>After",
        "line one\nline two\nthree\nAfter",
    );
}

#[test]
fn named_entities_are_decoded() {
    check("&amp; &lt; &gt; &quot; &apos;", "& < > \" '");
    check("a&nbsp;b", "a b");
    check(
        "&mdash;&ndash;&lsquo;&rsquo;&ldquo;&rdquo;&hellip;",
        "—–‘’“”…",
    );
    check(
        "&laquo;Oui&raquo; &euro;5 &copy; &eacute;&Uuml;&ntilde;&ccedil;",
        "«Oui» €5 © éÜñç",
    );
}

#[test]
fn numeric_entities_are_decoded() {
    check("&#8220;Hi&#8221;", "“Hi”");
    check("&#x201C;Hi&#X201D;", "“Hi”");
    check("&#65&#66;", "AB");
    check("it&#146;s", "it’s");
    check(
        "&#0; &#xD800; &#x110000; &#99999999999999999999;",
        "\u{FFFD} \u{FFFD} \u{FFFD} \u{FFFD}",
    );
}

#[test]
fn unknown_or_broken_entities_stay_as_written() {
    check("AT&T and R&D", "AT&T and R&D");
    check("&bogus; &amp &# &#x; &;", "&bogus; &amp &# &#x; &;");
}

#[test]
fn entities_are_decoded_once() {
    check("&amp;lt;b&amp;gt;", "&lt;b&gt;");
}

#[test]
fn script_style_and_other_non_text_content_is_dropped() {
    check(
        "<p>Before</p><script>var x = '<p>not text</p>';</script><p>After</p>",
        "Before\nAfter",
    );
    check("<style>p { color: red }</style>Text", "Text");
    check("<noscript>Enable JS</noscript>Text", "Text");
    check("<template><p>Hidden</p></template>Text", "Text");
    check(
        "<svg><text>Chart label</text><g><text>More</text></g></svg>Text",
        "Text",
    );
    check("<math><mi>x</mi></math>Text", "Text");
    check(
        "<iframe>Fallback</iframe><textarea>Form</textarea>Text",
        "Text",
    );
    check("<SCRIPT type=module>alert(1)</SCRIPT >Text", "Text");
    check("<script>if (a </scripts> b) {}</script>Text", "Text");
    check(
        "<script src=x />Swallowed as in a browser</script>Text",
        "Text",
    );
}

#[test]
fn head_is_dropped_with_or_without_its_end_tag() {
    check(
        "<html><head><title>Tab</title><meta charset=utf-8></head><body><p>Body</p></body></html>",
        "Body",
    );
    check("<head><title>Tab</title><body>Body", "Body");
    check("<head><link rel=x><p>Body", "Body");
    check(
        "<!DOCTYPE html><html lang=en><head><style>x{}</style></head><h1>Hi</h1>",
        "Hi",
    );
}

#[test]
fn unclosed_svg_does_not_swallow_the_article() {
    check("<svg><path d='M0'><p>Article text</p>", "Article text");
    check("<svg/><p>After</p>", "After");
}

#[test]
fn comments_are_dropped() {
    check("A<!-- hidden -->B", "AB");
    check("A<!-- <p>not</p> -- -> still -->B", "AB");
    check("A<!-->B<!--->C", "ABC");
    check("A<!-- never closed <p>B</p>", "A");
    check(
        "<?xml version='1.0'?><!DOCTYPE html><![CDATA[x]]>Text",
        "Text",
    );
}

#[test]
fn attributes_are_ignored_even_with_markup_inside() {
    check(
        "<p title='a > b' data-x=\"<script>\" class=lead>Text</p>",
        "Text",
    );
    check(
        "<a href=\"javascript:alert(1)\" onclick='steal()'>Link</a>",
        "Link",
    );
    check("<img src=x onerror=alert(1) alt='Photo'>Caption", "Caption");
    check("<p a=1 b c = '2' d=\"3\"/>Text", "Text");
}

#[test]
fn malformed_markup_degrades_like_a_browser() {
    check("5 < 6 and 7 > 3", "5 < 6 and 7 > 3");
    check("a <3 b", "a <3 b");
    check("x <= y", "x <= y");
    check("<p>Unclosed <b>bold <i>italic", "Unclosed bold italic");
    check("</p></div>Stray ends</li>", "Stray ends");
    check("Text</>more</ 3>end", "Textmoreend");
    check("Text <p class='never closed", "Text");
    check("<p>Ok</p><", "Ok\n<");
    check("<<p>>x", "<\n>x");
    check("<é>", "<é>");
}

#[test]
fn dropped_markup_cannot_glue_a_bare_lt_into_a_tag() {
    check("<<b>script</b>>", "< script>");
    check("<<!-- x -->script>", "< script>");
    check("<\u{0}script>", "< script>");
    check("<&#115;cript>", "< script>");
    check("<<i>/p", "< /p");
    check("<<i>3", "<3");
}

#[test]
fn a_realistic_article_page() {
    let html = r#"<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Site | Talks</title>
<script>window.dataLayer = [];</script><link rel="stylesheet" href="s.css"></head>
<body><nav><a href="/">Home</a></nav>
<article>
  <h1>Leaders meet in Washington</h1>
  <p class="byline">By <a href="/j">Jane Doe</a></p>
  <p>&ldquo;This meeting represents an opportunity,&rdquo; said a diplomatic source.</p>
  <p>Security experts note that these guarantees might include:</p>
  <ul>
    <li>Commitments to provide defensive weapons&nbsp;systems</li>
    <li>Intelligence sharing</li>
  </ul>
  <!-- ad slot --><div class="ad"><script>loadAd()</script></div>
</article>
<footer>&copy; 2025 News</footer></body></html>"#;
    check(
        html,
        "Home\nLeaders meet in Washington\nBy Jane Doe\n\
         \u{201c}This meeting represents an opportunity,\u{201d} said a diplomatic source.\n\
         Security experts note that these guarantees might include:\n\
         - Commitments to provide defensive weapons systems\n- Intelligence sharing\n© 2025 News",
    );
}

#[test]
fn encoded_markup_is_article_text_not_markup() {
    // An article about web security quotes tags; they are its words.
    check(
        "<p>Never write &lt;script&gt; in a comment.</p>",
        "Never write <script> in a comment.",
    );
}

fn check_file(name: &str, bytes: &[u8], expected: &str) {
    assert_eq!(
        text_from_file(name, bytes).as_deref(),
        Ok(expected),
        "reading {name}"
    );
}

#[test]
fn text_files_are_read_as_utf8_with_newlines_normalised() {
    check_file(
        "a.txt",
        "Zelenskyy said “yes”.\nLine two".as_bytes(),
        "Zelenskyy said “yes”.\nLine two",
    );
    check_file("a.txt", b"\xEF\xBB\xBFWith BOM", "With BOM");
    check_file("a.txt", b"one\r\ntwo\rthree\n", "one\ntwo\nthree\n");
    check_file("notes.MD", b"# Title\r\n\r\n- item", "# Title\n\n- item");
    check_file("a.markdown", b"x", "x");
    check_file("a.text", b"", "");
    check_file("my.article.v2.txt", b"ok", "ok");
}

#[test]
fn utf16_text_files_with_a_bom_are_read() {
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("Olá\r\n“x”".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain("Olá".encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    check_file("a.txt", &le, "Olá\n“x”");
    check_file("a.txt", &be, "Olá");
}

#[test]
fn html_files_are_converted() {
    check_file(
        "page.html",
        b"<p>One</p>\r\n<p>Two &amp; more</p>",
        "One\nTwo & more",
    );
    check_file("PAGE.HTM", b"\xEF\xBB\xBF<h1>T</h1>", "T");
    check_file(
        "a.xhtml",
        b"<?xml version='1.0'?><html><body><p>X</p></body></html>",
        "X",
    );
}

fn check_file_error(name: &str, bytes: &[u8], expected: ImportError, message_part: &str) {
    let err = text_from_file(name, bytes).expect_err(name);
    assert_eq!(err, expected, "reading {name}");
    let message = err.to_string();
    assert!(
        message.contains(message_part),
        "{message:?} lacks {message_part:?}"
    );
}

#[test]
fn other_file_types_are_refused_by_extension() {
    let unsupported = |ext: &str| ImportError::UnsupportedType {
        ext: ext.to_string(),
    };
    check_file_error(
        "report.pdf",
        b"%PDF-1.7",
        unsupported("pdf"),
        "A .pdf file can't be read",
    );
    check_file_error(
        "Story.DOCX",
        b"PK",
        unsupported("docx"),
        "choose a .txt, .md or .html file",
    );
    check_file_error("README", b"text", unsupported(""), "no extension");
    check_file_error(".txt", b"text", unsupported(""), "no extension");
    check_file_error("dir.d/file", b"text", unsupported(""), "no extension");
    check_file_error("page.html.exe", b"MZ", unsupported("exe"), ".exe");
}

#[test]
fn invalid_utf8_is_refused_with_its_position() {
    check_file_error(
        "a.txt",
        b"caf\xE9 au lait",
        ImportError::InvalidUtf8 { valid_up_to: 3 },
        "position 3",
    );
    check_file_error(
        "a.html",
        b"<p>\xFF</p>",
        ImportError::InvalidUtf8 { valid_up_to: 3 },
        "save it as UTF-8",
    );
}

#[test]
fn files_over_the_cap_are_refused() {
    let big = vec![b'a'; MAX_FILE_BYTES + 1];
    let err = ImportError::TooLarge {
        len: MAX_FILE_BYTES + 1,
        limit: MAX_FILE_BYTES,
    };
    check_file_error("big.txt", &big, err, "larger than the 10 MB");
    let message = ImportError::TooLarge {
        len: 26 * 1024 * 1024 / 10 + 1,
        limit: MAX_FILE_BYTES,
    }
    .to_string();
    assert!(
        message.starts_with("This file is 2.6 MB, larger"),
        "{message}"
    );
    let at_cap = vec![b'a'; MAX_FILE_BYTES];
    assert_eq!(
        text_from_file("cap.txt", &at_cap).map(|t| t.len()),
        Ok(MAX_FILE_BYTES)
    );
}

/// Pieces of tag soup that, glued at random, make hostile markup.
fn soup() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "<",
        ">",
        "/",
        "</",
        "<!--",
        "-->",
        "<!",
        "'",
        "\"",
        "=",
        " ",
        "\n",
        "&",
        ";",
        "#",
        "x",
        "script",
        "SCRIPT",
        "style",
        "svg",
        "head",
        "title",
        "p",
        "li",
        "ol",
        "ul",
        "br",
        "pre",
        "<script>",
        "</script>",
        "<scr",
        "ipt>",
        "<p>",
        "<li>",
        "<ol start=9>",
        "<svg>",
        "</svg>",
        "&amp;",
        "&#60;",
        "é",
        "“",
        "text",
        "\u{0}",
        "\r",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|pieces| pieces.concat())
}

/// True when the input spells `<` as a character reference, the one way
/// article text can legitimately produce `<script` as words.
fn has_encoded_lt(html: &str) -> bool {
    let lower = html.to_ascii_lowercase();
    ["&lt", "&#60", "&#x3c", "&#0", "&#x0"]
        .iter()
        .any(|r| lower.contains(r))
}

proptest! {
    #[test]
    fn html_to_text_never_panics(html in any::<String>()) {
        let _ = html_to_text(&html);
    }

    #[test]
    fn html_to_text_never_panics_on_tag_soup(html in soup()) {
        let _ = html_to_text(&html);
    }

    #[test]
    fn output_never_contains_a_script_tag(html in soup()) {
        prop_assume!(!has_encoded_lt(&html));
        let text = html_to_text(&html);
        prop_assert!(!text.to_ascii_lowercase().contains("<script"), "{:?} gave {:?}", html, text);
    }

    #[test]
    fn output_has_no_blank_or_padded_lines(html in soup()) {
        let text = html_to_text(&html);
        for line in text.split('\n').filter(|_| !text.is_empty()) {
            prop_assert!(!line.is_empty(), "blank line in {:?}", text);
            prop_assert_eq!(line.trim(), line);
        }
    }

    #[test]
    fn text_files_never_panic(name in "[a-zA-Z.]{0,8}", bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let _ = text_from_file(&name, &bytes);
    }
}
