//! A fuzz target for the analysis, built on proptest (cargo-fuzz needs a
//! nightly compiler). Each input is analysed twice; the run fails on a
//! panic, a broken invariant (see `hostile_support`), a difference between
//! the two runs, invalid JSON, or one input taking seconds (a freeze).
//!
//! `FUZZ_CASES` sets the number of inputs (default 300, quick enough for
//! `cargo test`); `FUZZ_SEED` fixes the random seed to replay a run. The
//! long run and its figures: `scripts/fuzz`, `docs/HARDENING.md`.

mod hostile_support;

use std::cell::Cell;
use std::time::{Duration, Instant};

use article_explorer::analysis::{analyze, to_json};
use article_explorer::SAMPLE;
use hostile_support::broken_invariant;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed, TestCaseError, TestRunner};

/// Far longer than any fuzz input should take, even in a debug build on a
/// busy machine: a case this slow is a freeze, not a slow machine.
const FREEZE: Duration = Duration::from_secs(10);

/// Pieces that exercise the analysis' edge cases: every quote mark, line
/// endings, list markers, controls, scripts, names and titles, markup.
const HOSTILE: &[&str] = &[
    "\u{201c}",
    "\u{201d}",
    "\"",
    "\u{ab}",
    "\u{bb}",
    "\u{201e}",
    "\u{2018}",
    "\u{2019}",
    "'",
    "\u{300c}",
    "\u{300d}",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "\u{2028}",
    "\t",
    " ",
    "\u{a0}",
    "\0",
    "\u{7}",
    "\u{1b}",
    "\u{7f}",
    "\u{85}",
    "\u{feff}",
    "- ",
    "* ",
    "\u{2022} ",
    "1. ",
    "10) ",
    "a) ",
    "#",
    ":",
    ".",
    ",",
    ";",
    "?",
    "!",
    "\u{2014}",
    "(",
    ")",
    "...",
    "President",
    "Jane",
    "Doe",
    "Jane Doe",
    "Mr.",
    "Dr.",
    "U.S.",
    "NATO",
    "the Ministry of Defence",
    "Ukraine",
    "Ukrainian",
    "said",
    "told",
    "according to",
    "he",
    "she",
    "they",
    "a source",
    "officials",
    "'s",
    "\u{2019}s",
    "\u{301}",
    "\u{200d}",
    "\u{200f}",
    "\u{202e}",
    "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}",
    "\u{1f1fa}\u{1f1e6}",
    "\u{4e60}\u{8fd1}\u{5e73}",
    "\u{0633}\u{0644}\u{0627}\u{0645}",
    "\u{05e9}\u{05dc}\u{05d5}\u{05dd}",
    "\u{10348}",
    "<script>",
    "</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:",
    "&amp;",
    "&#x3c;",
    "<!--",
    "]]>",
];

fn hostile_soup() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(HOSTILE), any::<bool>()), 0..200).prop_map(|v| {
        v.into_iter().fold(String::new(), |mut s, (p, space)| {
            s.push_str(p);
            if space {
                s.push(' ');
            }
            s
        })
    })
}

/// An edit to real text.
#[derive(Clone, Debug)]
enum Edit {
    Insert(usize, &'static str),
    Delete(usize, usize),
    Duplicate(usize, usize),
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The sample article with random insertions, deletions and duplications.
fn mutated_sample() -> impl Strategy<Value = String> {
    let edit = prop_oneof![
        (any::<usize>(), prop::sample::select(HOSTILE)).prop_map(|(i, p)| Edit::Insert(i, p)),
        (any::<usize>(), 0usize..400).prop_map(|(i, n)| Edit::Delete(i, n)),
        (any::<usize>(), 0usize..400).prop_map(|(i, n)| Edit::Duplicate(i, n)),
    ];
    prop::collection::vec(edit, 1..40).prop_map(|edits| {
        let mut s = SAMPLE.to_string();
        for e in edits {
            let len = s.len().max(1);
            match e {
                Edit::Insert(i, p) => {
                    let i = floor_boundary(&s, i % len);
                    s.insert_str(i, p);
                }
                Edit::Delete(i, n) => {
                    let a = floor_boundary(&s, i % len);
                    let b = floor_boundary(&s, a + n);
                    s.replace_range(a..b, "");
                }
                Edit::Duplicate(i, n) => {
                    let a = floor_boundary(&s, i % len);
                    let b = floor_boundary(&s, a + n);
                    let copy = s[a..b].to_string();
                    s.insert_str(b, &copy);
                }
            }
        }
        s
    })
}

fn inputs() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(any::<u8>(), 0..2000)
            .prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        hostile_soup(),
        mutated_sample(),
    ]
}

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.trim().parse().ok())
}

#[test]
fn fuzz_analysis() {
    let cases = env_u64("FUZZ_CASES").unwrap_or(300) as u32;
    let mut config = Config {
        cases,
        max_shrink_iters: 2000,
        failure_persistence: None,
        ..Config::default()
    };
    // A printed seed, so any run can be replayed with FUZZ_SEED.
    let seed = env_u64("FUZZ_SEED").unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64)
    });
    config.rng_seed = RngSeed::Fixed(seed);
    let mut runner = TestRunner::new(config);
    let started = Instant::now();
    // Figures for the report (the runner's closure is `Fn`).
    let (n, bytes, slowest) = (
        Cell::new(0u64),
        Cell::new(0u64),
        Cell::new((Duration::ZERO, 0usize)),
    );
    let slowest_text = std::cell::RefCell::new(String::new());
    let result = runner.run(&inputs(), |text| {
        let t = Instant::now();
        let a = analyze(&text);
        let took = t.elapsed();
        n.set(n.get() + 1);
        bytes.set(bytes.get() + text.len() as u64);
        if took > slowest.get().0 {
            slowest.set((took, text.len()));
            *slowest_text.borrow_mut() = text.clone();
        }
        prop_assert!(
            took < FREEZE,
            "analysis took {took:?} for {} bytes",
            text.len()
        );
        if let Some(what) = broken_invariant(&text, &a) {
            return Err(TestCaseError::fail(what));
        }
        prop_assert_eq!(&a, &analyze(&text), "not deterministic");
        let json = to_json(&text, &a);
        prop_assert!(
            serde_json::from_str::<serde_json::Value>(&json).is_ok(),
            "invalid JSON"
        );
        Ok(())
    });
    let (n, bytes, slowest) = (n.get(), bytes.get(), slowest.get());
    eprintln!(
        "fuzz: seed {seed}: {n} inputs ({} cases asked, {:.1} MB) in {:.1} s; slowest {:.1} ms for {} bytes",
        cases,
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64(),
        slowest.0.as_secs_f64() * 1e3,
        slowest.1,
    );
    // Kept for a look at what is slow (`target/fuzz-slowest.txt`).
    let out = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz-slowest.txt");
    _ = std::fs::write(&out, slowest_text.borrow().as_bytes());
    if let Err(e) = result {
        panic!("fuzz found a failing input: {e}");
    }
}
