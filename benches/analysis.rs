//! Analysis throughput on real text: the dev articles (read from
//! ../shared/eval/dev at bench time, else the sample article) repeated to
//! 1 MB and 10 MB, so the cost per byte at both sizes shows the analysis is
//! linear. Counts are checked too: a fast wrong answer fails.
//!
//! Run with `cargo bench --bench analysis`.

use std::path::Path;

use article_explorer::analysis::analyze;
use divan::counter::BytesCount;
use divan::Bencher;

fn main() {
    cpu_time_report();
    divan::main();
}

/// On-CPU time of this thread in nanoseconds (Linux `/proc/thread-self/schedstat`).
fn cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

/// Throughput by CPU time rather than wall time: on a shared machine the
/// wall clock also counts the time other processes held the CPU.
fn cpu_time_report() {
    if cpu_ns().is_none() {
        return;
    }
    for mb in [1, 10] {
        let text = text_of(mb);
        // The same number of runs at both sizes, so the medians compare.
        let mut times: Vec<u64> = (0..5)
            .map(|_| {
                let t0 = cpu_ns().unwrap_or(0);
                divan::black_box(analyze(divan::black_box(&text)));
                cpu_ns().unwrap_or(0).saturating_sub(t0)
            })
            .collect();
        times.sort_unstable();
        let median = times[2].max(1);
        let mbs = text.len() as f64 / 1e6 / (median as f64 / 1e9);
        println!(
            "cpu time, {mb} MB: {:.1} ms, {mbs:.1} MB/s (median of 5)",
            median as f64 / 1e6
        );
    }
}

/// The dev articles joined by blank lines, or the sample article.
fn corpus() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/dev");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    if texts.is_empty() {
        article_explorer::SAMPLE.to_string()
    } else {
        texts.join("\n\n")
    }
}

/// The corpus repeated until it reaches `mb` megabytes.
fn text_of(mb: usize) -> String {
    let base = corpus();
    let target = mb * 1_000_000;
    let mut out = String::with_capacity(target + base.len());
    while out.len() < target {
        out.push_str(&base);
        out.push_str("\n\n");
    }
    out
}

#[divan::bench(args = [1, 10], sample_count = 10, sample_size = 1)]
fn analyze_mb(bencher: Bencher, mb: usize) {
    let text = text_of(mb);
    let once = analyze(&corpus());
    let all = analyze(&text);
    // Every repetition finds the same quotes, so the count scales.
    assert!(!once.quotes.is_empty() && all.quotes.len() >= once.quotes.len() * mb);
    assert!(!all.actors.is_empty());
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| analyze(divan::black_box(&text)));
}
