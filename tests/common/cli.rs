//! Running the `frontline` binary and reading what it prints.

use assert_cmd::Command;
use serde_json::Value;

/// The binary built with the tests.
pub fn frontline() -> Command {
    Command::cargo_bin("frontline").expect("the frontline binary")
}

/// Runs the command; returns its exit code and its stdout and stderr together.
pub fn run(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().expect("ran frontline");
    (
        out.status.code().expect("exit code"),
        String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    )
}

/// The row of `state --json` about a place (by id).
pub fn row<'a>(rows: &'a Value, place: &str) -> &'a Value {
    rows.as_array()
        .expect("a JSON array")
        .iter()
        .find(|r| r["place"] == place)
        .unwrap_or_else(|| panic!("no row for {place}"))
}

/// What a command that succeeds prints, as JSON.
pub fn json_of(args: &[&str]) -> Value {
    let (code, stdout, stderr) = run(frontline().args(args));
    assert_eq!(code, 0, "{args:?}\n{stdout}{stderr}");
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}):\n{stdout}"))
}
