//! Native CLI: `analyze FILE` (or `-` for stdin) prints the analysis JSON.

use std::io::{Read, Write};
use std::process::ExitCode;

use article_explorer::analysis::{analyze, to_json};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [path] = args.as_slice() else {
        eprintln!("usage: analyze FILE   (or - to read stdin)");
        return ExitCode::from(2);
    };
    let text = if path == "-" {
        let mut buf = String::new();
        match std::io::stdin().read_to_string(&mut buf) {
            Ok(_) => buf,
            Err(e) => {
                eprintln!("analyze: cannot read stdin: {e}");
                return ExitCode::from(2);
            }
        }
    } else {
        match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("analyze: cannot read {path}: {e}");
                return ExitCode::from(2);
            }
        }
    };
    let mut json = to_json(&text, &analyze(&text));
    json.push('\n');
    match std::io::stdout().lock().write_all(json.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        // `analyze FILE | head`: the reader left, nothing more to say.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("analyze: cannot write the output: {e}");
            ExitCode::from(1)
        }
    }
}
