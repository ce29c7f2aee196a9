//! Native CLI: `analyze FILE` (or `-` for stdin) prints the analysis JSON.

fn main() {
    eprintln!("not implemented yet");
    std::process::exit(1);
}
