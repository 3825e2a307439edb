//! The command line's errors as values: what `run_to` returns, what it writes, and how each
//! error ends the process.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;

use super::*;

fn cli(args: &[&str]) -> Cli {
    Cli::try_parse_from(std::iter::once("frontline").chain(args.iter().copied()))
        .expect("valid arguments")
}

/// Runs a terminal command on the bundled data, into a buffer.
fn run_on_bundled(args: &[&str]) -> (Result<ExitCode, CliError>, String) {
    let cli = cli(args);
    let Some(Command::Terminal(command)) = &cli.command else {
        panic!("{args:?} is not a terminal command");
    };
    let mut out = Vec::new();
    let result = run_to(&cli, command, &mut out);
    (result, String::from_utf8(out).expect("UTF-8 output"))
}

/// A writer that fails every write with the given kind of error.
struct Failing(io::ErrorKind);

impl Write for Failing {
    fn write(&mut self, _: &[u8]) -> io::Result<usize> {
        Err(self.0.into())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn screenshot_and_the_app_are_not_terminal_commands() {
    assert!(matches!(
        cli(&["screenshot", "--out", "x.png"]).command,
        Some(Command::Screenshot { .. })
    ));
    assert!(cli(&["--at", "2017-11-10"]).command.is_none());
    for args in [
        &["check"][..],
        &["state", "--at", "2017-11-10"],
        &["quotes", "Rawa"],
    ] {
        assert!(
            matches!(cli(args).command, Some(Command::Terminal(_))),
            "{args:?}"
        );
    }
}

#[test]
fn a_bare_date_is_the_end_of_that_day_and_a_bad_one_says_how_to_write_it() {
    let at = parse_at("2017-11-10").unwrap();
    assert_eq!(at.to_string(), "2017-11-10 23:59:59");
    assert_eq!(
        parse_at("2017-11-10T06:00").unwrap().to_string(),
        "2017-11-10 06:00:00"
    );
    let err = parse_at("10/11/2017").unwrap_err();
    assert_eq!(err.input, "10/11/2017");
    let message = err.to_string();
    assert!(
        message.contains("\"10/11/2017\" is not a date"),
        "{message}"
    );
    assert!(message.contains("YYYY-MM-DD"), "{message}");
}

#[test]
fn places_resolve_by_alias_and_unknown_ones_come_with_a_suggestion_or_the_list() {
    let store = crate::bundled::store();
    let p = resolve_place(&store, "albu kamal").unwrap();
    assert_eq!(store.places[p].id, "abu_kamal");
    assert_eq!(
        resolve_place(&store, "Abu Kamel"),
        Err(PlaceError::Misspelt {
            name: "Abu Kamel".into(),
            suggestion: "Abu Kamal".into()
        })
    );
    let Err(PlaceError::Unknown { name, known }) = resolve_place(&store, "Paris") else {
        panic!("Paris is unknown and like no place");
    };
    assert_eq!(name, "Paris");
    assert_eq!(known.len(), store.places.len());
    assert!(known.iter().any(|k| k == "Abu Kamal"));
}

#[test]
fn a_usage_error_is_returned_before_anything_is_written() {
    let (result, out) = run_on_bundled(&["quotes", "Paris"]);
    let err = result.unwrap_err();
    assert!(matches!(err, CliError::Place(PlaceError::Unknown { .. })));
    assert_eq!(err.exit_code(), ExitCode::from(2));
    assert_eq!(out, "");

    let (result, out) = run_on_bundled(&["state", "--at", "yesterday"]);
    let err = result.unwrap_err();
    assert!(matches!(err, CliError::Instant(_)));
    assert!(err.to_string().contains("\"yesterday\" is not a date"));
    assert_eq!(out, "");
}

#[test]
fn commands_that_succeed_write_their_output() {
    let (result, out) = run_on_bundled(&["check"]);
    assert_eq!(result.unwrap(), ExitCode::SUCCESS);
    assert!(out.contains("0 errors, 0 warnings"), "{out}");
    let (result, out) = run_on_bundled(&["quotes", "Bukamal", "--json"]);
    assert_eq!(result.unwrap(), ExitCode::SUCCESS);
    assert!(out.starts_with('['), "{out}");
}

#[test]
fn a_closed_pipe_ends_quietly_and_other_output_errors_do_not() {
    let cli = cli(&["state", "--at", "2017-11-10"]);
    let Some(Command::Terminal(command)) = &cli.command else {
        panic!("state is a terminal command");
    };
    let closed = run_to(&cli, command, &mut Failing(io::ErrorKind::BrokenPipe)).unwrap_err();
    assert!(closed.is_closed_pipe());
    assert_eq!(closed.exit_code(), ExitCode::SUCCESS);

    let full = run_to(&cli, command, &mut Failing(io::ErrorKind::StorageFull)).unwrap_err();
    assert!(!full.is_closed_pipe());
    assert_eq!(full.exit_code(), ExitCode::from(2));
    assert!(
        full.to_string().starts_with("cannot write the output: "),
        "{full}"
    );
}

#[test]
fn synth_errors_are_command_line_errors() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("corpus");
    let (result, out) =
        run_on_bundled(&["synth", "--places", "0", "--out", target.to_str().unwrap()]);
    let err = result.unwrap_err();
    assert!(matches!(
        err,
        CliError::Synth(crate::synth::SynthError::NoPlaces)
    ));
    assert_eq!(err.to_string(), "--places must be at least 1");
    assert_eq!(out, "");
    assert!(!target.exists(), "nothing written");
}

#[test]
fn every_export_of_the_app_can_be_asked_for_on_the_command_line() {
    use crate::export::target::ExportTarget;
    use clap::ValueEnum;
    let mut reached = Vec::new();
    for kind in ExportKind::value_variants() {
        for daily in [false, true] {
            for out in ["x.gif", "x.mp4"] {
                if let Ok(t) = kind.target(daily, std::path::Path::new(out)) {
                    reached.push(t);
                }
            }
        }
    }
    for t in ExportTarget::ALL {
        assert!(reached.contains(&t), "{t:?} cannot be asked for");
    }
    assert!(reached.iter().all(|t| ExportTarget::ALL.contains(t)));
}
