//! Hostile and huge input, by name: each case must analyse without a panic,
//! keep every invariant (see `hostile_support`), and give the same answer
//! twice. Huge cases check that their results grow with the text, as a
//! linear analysis does; timing is left to `benches/analysis.rs`.

mod hostile_support;

use article_explorer::analysis::{analyze, to_json, Analysis};
use hostile_support::assert_invariants;

/// Analyses `text`, checks the invariants and determinism, returns the result.
fn check(name: &str, text: &str) -> Analysis {
    let a = analyze(text);
    assert_invariants(name, text, &a);
    assert_eq!(a, analyze(text), "{name}: not deterministic");
    // The JSON export walks every span again, in chars.
    let json: serde_json::Value = serde_json::from_str(&to_json(text, &a))
        .unwrap_or_else(|e| panic!("{name}: bad JSON: {e}"));
    assert!(json.is_object(), "{name}");
    a
}

/// For huge text: the invariants only (determinism and JSON are checked on
/// the small cases), so the debug-mode test stays quick.
fn check_huge(name: &str, text: &str) -> Analysis {
    let a = analyze(text);
    assert_invariants(name, text, &a);
    a
}

/// `piece` repeated until the text reaches `bytes`.
fn repeat_to(piece: &str, bytes: usize) -> String {
    piece.repeat(bytes.div_ceil(piece.len()))
}

const PARAGRAPH: &str =
    "President Jane Doe met German Chancellor Olaf Scholz in Berlin on Monday. \
\u{201c}We will stand together,\u{201d} Doe said after the talks. \
The ministry said it would publish its plans.\n\n";

#[test]
fn empty_and_whitespace_only() {
    for text in [
        "",
        " ",
        "\n",
        "\r\n",
        "\t\t",
        "\u{a0}",
        "\u{2028}\u{2029}",
        "\u{feff}",
        "   \n \n\t\n   ",
    ] {
        let a = check(&format!("{text:?}"), text);
        assert!(
            a.actors.is_empty() && a.quotes.is_empty() && a.lists.is_empty(),
            "{text:?}: {a:?}"
        );
    }
}

#[test]
fn a_single_one_megabyte_line() {
    // No line break anywhere: one block, one enormous paragraph.
    let line = repeat_to(PARAGRAPH.trim_end(), 1_000_000).replace('\n', " ");
    let a = check_huge("1 MB line", &line);
    assert!(a.blocks.len() <= 1, "{} blocks", a.blocks.len());
    assert!(a.quotes.len() > 1000, "{} quotes", a.quotes.len());
    // A 1 MB run with no spaces at all, and one of a single repeated letter.
    check_huge("1 MB word", &"x".repeat(1_000_000));
    check_huge("1 MB of quote marks", &"\u{201c}".repeat(333_333));
}

/// Doc-sized text at 1 MB and 10 MB: ten times the text gives ten times the
/// findings (a quadratic pass would show up as a test that never ends).
#[test]
fn ten_megabytes_of_text() {
    let small = repeat_to(PARAGRAPH, 1_000_000);
    let big = small.repeat(10);
    let a = check_huge("1 MB", &small);
    let b = check_huge("10 MB", &big);
    assert_eq!(b.quotes.len(), 10 * a.quotes.len());
    assert_eq!(b.sentences.len(), 10 * a.sentences.len());
    assert_eq!(b.blocks.len(), 10 * a.blocks.len());
    let mentions = |x: &Analysis| x.actors.iter().map(|a| a.mentions.len()).sum::<usize>();
    assert_eq!(mentions(&b), 10 * mentions(&a));
}

#[test]
fn ten_thousand_list_items() {
    let mut text = String::from("The agreement sets out these guarantees:\n");
    for i in 0..10_000 {
        text.push_str(&format!("- Guarantee number {i} for Ukraine\n"));
    }
    let a = check_huge("10,000 dash items", &text);
    assert_eq!(a.lists.iter().map(|l| l.items.len()).sum::<usize>(), 10_000);
    let numbered: String = (1..=10_000).map(|i| format!("{i}. Item {i}\n")).collect();
    check_huge("10,000 numbered items", &numbered);
}

#[test]
fn control_characters_and_nul() {
    let all: String = (0u32..0x20)
        .chain(0x7f..0xa0)
        .filter_map(char::from_u32)
        .collect();
    check("C0 and C1 controls", &all);
    check(
        "NUL inside a name",
        "President Jane\0 Doe said \u{201c}yes\0\u{201d}.\0",
    );
    check("NULs", &"\0".repeat(10_000));
    check(
        "controls between quotes",
        "\u{201c}\u{7}\u{8}\u{1b}[31m\u{201d} said \u{1b}Jane Doe\u{7f}.",
    );
}

#[test]
fn crlf_and_lone_cr_line_endings() {
    let lf = "Heading Here\n\nJane Doe said \u{201c}we go.\u{201d}\n\nThe plan:\n- one\n- two\n";
    let crlf = lf.replace('\n', "\r\n");
    let cr = lf.replace('\n', "\r");
    let a = check("LF", lf);
    let b = check("CRLF", &crlf);
    check("CR", &cr);
    check("mixed", "a\r\n\rb\n\r- x\r\n- y\r");
    assert_eq!(a.lists.len(), b.lists.len(), "CRLF lists");
    assert_eq!(a.quotes.len(), b.quotes.len(), "CRLF quotes");
}

#[test]
fn right_to_left_scripts() {
    check("Arabic", "\u{201c}\u{0633}\u{0646}\u{0646}\u{062a}\u{0635}\u{0631}\u{201d} \u{0642}\u{0627}\u{0644} \u{0627}\u{0644}\u{0631}\u{0626}\u{064a}\u{0633}.");
    check("Hebrew", "\u{05e9}\u{05dc}\u{05d5}\u{05dd} \u{05e2}\u{05d5}\u{05dc}\u{05dd}. President Jane Doe said \u{201c}\u{05db}\u{05df}\u{201d}.");
    check(
        "bidi controls",
        "\u{202e}Jane Doe\u{202c} said \u{2067}\u{201c}hello\u{201d}\u{2069} \u{200f}.",
    );
}

#[test]
fn cjk() {
    check("Chinese", "\u{4e60}\u{8fd1}\u{5e73}\u{8bf4}\u{ff1a}\u{300c}\u{6211}\u{4eec}\u{5c06}\u{8d62}\u{3002}\u{300d}\u{3002}");
    check("Japanese", "\u{5cb8}\u{7530}\u{6587}\u{96c4}\u{9996}\u{76f8}\u{306f}\u{300e}\u{7d9a}\u{3051}\u{308b}\u{300f}\u{3068}\u{8ff0}\u{3079}\u{305f}\u{3002}President Kishida said \u{201c}\u{306f}\u{3044}\u{201d}.");
    check("Korean", "\u{c724}\u{c11d}\u{c5f4} \u{b300}\u{d1b5}\u{b839}\u{c740} \u{201c}\u{c548}\u{b155}\u{201d}\u{c774}\u{b77c}\u{ace0} \u{b9d0}\u{d588}\u{b2e4}.");
}

#[test]
fn emoji_with_joiners() {
    let family = "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}\u{200d}\u{1f466}";
    let flag = "\u{1f1fa}\u{1f1e6}";
    let skin = "\u{1f44d}\u{1f3fd}";
    check(
        "emoji",
        &format!(
            "{family} President {flag} Jane{skin} Doe said \u{201c}{family}{flag}\u{201d}. {skin}"
        ),
    );
    check("joiners only", &"\u{200d}".repeat(1000));
    check("tags", "\u{1f3f4}\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f} Scotland said \u{201c}aye\u{201d}.");
}

#[test]
fn combining_marks() {
    check("marks after letters", "Jose\u{301} Marti\u{301} said \u{201c}s\u{301}i\u{301}\u{201d}. Zalgo: H\u{336}\u{321}\u{35c}e\u{337} said.");
    check(
        "marks first",
        "\u{301}\u{302}\u{303} \u{301}\u{201c}\u{301}x\u{201d}\u{301}",
    );
    check(
        "a thousand marks on one letter",
        &format!("A{}", "\u{301}".repeat(1000)),
    );
}

#[test]
fn unbalanced_and_mixed_quote_marks() {
    let marks = [
        "\u{201c}", "\u{201d}", "\"", "\u{ab}", "\u{bb}", "\u{201e}", "\u{2018}", "\u{2019}", "'",
    ];
    for a in marks {
        check(
            &format!("lone {a}"),
            &format!("Jane Doe said {a}we will win. The talks ended."),
        );
        for b in marks {
            check(
                &format!("{a}..{b}"),
                &format!("{a}We will win,{b} said Jane Doe. {b}Then{a} she left {a}"),
            );
        }
    }
    check("all marks", &marks.concat().repeat(100));
    check(
        "guillemets",
        "\u{ab} Nous gagnerons \u{bb}, a dit Jane Doe. \u{bb}reversed\u{ab}",
    );
    check(
        "German",
        "\u{201e}Wir schaffen das\u{201c}, sagte Angela Merkel.",
    );
}

#[test]
fn quotes_nested_ten_deep() {
    let pairs = [
        ("\u{201c}", "\u{201d}"),
        ("\u{2018}", "\u{2019}"),
        ("\"", "\""),
        ("\u{ab}", "\u{bb}"),
        ("'", "'"),
    ];
    let mut text = String::from("core");
    for depth in 0..10 {
        let (open, close) = pairs[depth % pairs.len()];
        text = format!("{open}level {depth} {text} end {depth}{close}");
    }
    let a = check(
        "nested ten deep",
        &format!("Jane Doe said {text}, Jane Doe said."),
    );
    for w in a.quotes.windows(2) {
        assert!(w[0].span.end <= w[1].span.start);
    }
    check("ten opens", &format!("{}x", "\u{201c}".repeat(10)));
    check("ten closes", &format!("x{}", "\u{201d}".repeat(10)));
}

#[test]
fn markup_and_injection_text_is_just_text() {
    let text = "President <img src=x onerror=alert(1)> Smith said \u{201c}<script>window.__pwned()</script>\u{201d}.\n\
                - <svg onload=alert(1)>\n- javascript:alert(1)\n";
    let a = check("markup", text);
    // Whatever the analysis makes of it, every span is a slice of the text.
    for actor in &a.actors {
        for &m in &actor.mentions {
            assert!(text.get(m.start..m.end).is_some());
        }
    }
}

/// Found by `tests/fuzz.rs`: a one-word name whose surname key had been
/// marked ambiguous was claimed for actor `usize::MAX` (index out of bounds).
#[test]
fn ambiguous_surname_alone_is_no_actor() {
    check(
        "ambiguous surname",
        "President U.S.Donald Trump Donald Trump conflict.\nPresident Trump\u{201c}\u{201c}",
    );
    check(
        "ambiguous surname, quoted",
        "President U.S.Donald Trump met Donald Trump.\n\u{201c}No,\u{201d} said President Trump.",
    );
}
