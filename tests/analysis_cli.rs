//! The `analyze` CLI: a file or stdin in, the analysis JSON out; a bad path
//! is a clear error with exit code 2.

use std::io::Write;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_analyze");

#[test]
fn file_in_json_out_with_char_offsets() {
    let dir = std::env::temp_dir().join(format!("analyze-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("a.txt");
    // "é" is two bytes but one char: offsets must count chars.
    std::fs::write(&path, "Café talk. “We will win,” said Jane Doe.").unwrap();
    let out = Command::new(BIN).arg(&path).output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let q = &v["quotes"][0];
    assert_eq!(q["text"], "We will win");
    assert_eq!(q["start"], 12);
    assert_eq!(v["actors"][0]["name"], "Jane Doe");
    assert_eq!(q["speaker"], v["actors"][0]["id"]);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn stdin_with_dash() {
    let mut child = Command::new(BIN)
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("President Joe Biden spoke.".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["actors"][0]["kind"], "person");
}

#[test]
fn bad_path_is_exit_code_2_with_a_message() {
    let out = Command::new(BIN).arg("/no/such/file.txt").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/file.txt"));
}

#[test]
fn no_argument_is_exit_code_2() {
    let out = Command::new(BIN).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}
