//! The command line on the bundled data: `check`, `state` and `quotes` (`check` on broken data
//! directories is in `cli_check.rs`).

mod common;

use common::cli::{frontline, json_of, row, run};
use serde_json::Value;

// ---------------------------------------------------------------- the bundled data

#[test]
fn check_on_the_bundled_data_succeeds() {
    let (code, stdout, stderr) = run(frontline().arg("check"));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains("the bundled data: 5 articles, 13 places"),
        "{stdout}"
    );
    assert!(stdout.contains("0 errors, 0 warnings"), "{stdout}");
    assert!(!stdout.contains("error:"), "{stdout}");
}

#[test]
fn state_json_at_10_november() {
    let rows = json_of(&["state", "--at", "2017-11-10", "--json"]);
    assert_eq!(rows.as_array().unwrap().len(), 13);
    let ak = row(&rows, "abu_kamal");
    for field in [
        "place",
        "name",
        "status",
        "holder",
        "holder_name",
        "contested_by",
        "since",
        "last_reported",
        "sources",
    ] {
        assert!(ak.get(field).is_some(), "no field {field} in {ak}");
    }
    assert_eq!(ak["name"], "Abu Kamal");
    assert_eq!(ak["status"], "held");
    assert_eq!(ak["holder"], "syrian_government");
    assert_eq!(ak["holder_name"], "Syrian government and allies");
    assert_eq!(ak["contested_by"], serde_json::json!([]));
    assert_eq!(ak["since"], "2017-11-09");
    assert_eq!(ak["last_reported"], "2017-11-09");
    assert!(ak["sources"].as_u64().unwrap() > 0);

    let qaim = row(&rows, "al_qaim");
    assert_eq!(qaim["status"], "contested");
    assert_eq!(qaim["holder"], Value::Null);
    let mut by: Vec<&str> = qaim["contested_by"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    by.sort();
    assert_eq!(by, ["iraqi_government", "islamic_state"]);

    let husaybah = row(&rows, "husaybah");
    assert_eq!(husaybah["status"], "unknown");
    assert_eq!(husaybah["holder"], Value::Null);
    assert_eq!(husaybah["since"], Value::Null);
    assert_eq!(husaybah["sources"], 0);
}

#[test]
fn state_json_at_11_november() {
    let rows = json_of(&["state", "--at", "2017-11-11", "--json"]);
    let ak = row(&rows, "abu_kamal");
    assert_eq!(ak["status"], "held");
    assert_eq!(ak["holder"], "islamic_state");
    assert_eq!(ak["since"], "2017-11-11");
    assert_eq!(row(&rows, "rummanah")["holder"], "iraqi_government");
    assert_eq!(row(&rows, "al_qaim")["holder"], "iraqi_government");
}

#[test]
fn state_at_a_time_of_day() {
    // Before midnight on 8 Nov the government had not yet taken Abu Kamal.
    let rows = json_of(&["state", "--at", "2017-11-08T23:59", "--json"]);
    assert_eq!(row(&rows, "abu_kamal")["holder"], "islamic_state");
    let rows = json_of(&["state", "--at", "2017-11-09T00:00", "--json"]);
    assert_eq!(row(&rows, "abu_kamal")["holder"], "syrian_government");
}

#[test]
fn state_as_a_table() {
    let (code, stdout, stderr) = run(frontline().args(["state", "--at", "2017-11-10"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains("State at Fri 10 Nov 2017 23:59"),
        "{stdout}"
    );
    let line = stdout
        .lines()
        .find(|l| l.starts_with("Abu Kamal"))
        .expect("a row for Abu Kamal");
    assert!(
        line.contains("held by Syrian government and allies"),
        "{line}"
    );
    assert!(line.contains("Thu 9 Nov 2017"), "{line}");
}

/// `frontline state --at ... | head -3`: when the reader has gone, the output stops quietly,
/// without a panic and with success, for every command that prints.
#[test]
fn output_into_a_closed_pipe_stops_quietly() {
    let commands: [&[&str]; 5] = [
        &["state", "--at", "2017-11-12"],
        &["state", "--at", "2017-11-12", "--json"],
        &["quotes", "Abu Kamal"],
        &["quotes", "Abu Kamal", "--json"],
        &["check"],
    ];
    for args in commands {
        // A pipe whose reading end is closed before the command starts: its first write fails.
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_frontline"))
            .args(args)
            .stdout(writer)
            .output()
            .expect("ran frontline");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
    }
}

#[test]
fn state_with_a_bad_date_exits_2() {
    for bad in ["2017-13-40", "10 Nov", ""] {
        let (code, stdout, stderr) = run(frontline().args(["state", "--at", bad]));
        assert_eq!(code, 2, "{bad:?}: {stdout}{stderr}");
        assert!(stdout.is_empty(), "{bad:?}: {stdout}");
        assert!(stderr.contains("is not a date"), "{bad:?}: {stderr}");
        assert!(stderr.contains("YYYY-MM-DD"), "{bad:?}: {stderr}");
    }
}

#[test]
fn quotes_json_of_bukamal() {
    let events = json_of(&["quotes", "Bukamal", "--json"]);
    let events = events.as_array().expect("a JSON array");
    let dates: Vec<&str> = events.iter().map(|e| e["date"].as_str().unwrap()).collect();
    assert_eq!(
        dates,
        ["2017-11-03", "2017-11-09", "2017-11-11", "2017-11-12"]
    );
    for e in events {
        assert_eq!(e["place"], "abu_kamal");
        for field in ["from", "to", "status"] {
            assert!(e.get(field).is_some(), "no field {field} in {e}");
        }
        let quotes = e["quotes"].as_array().expect("quotes");
        assert!(!quotes.is_empty(), "{e}");
        for q in quotes {
            assert!(q["article"].is_string(), "{q}");
            let text = q["text"].as_str().expect("text");
            let (start, end) = (q["start"].as_u64().unwrap(), q["end"].as_u64().unwrap());
            assert_eq!(end - start, text.chars().count() as u64, "{q}");
        }
    }
    // The capture of 9 Nov.
    assert_eq!(events[1]["from"], "islamic_state");
    assert_eq!(events[1]["to"], "syrian_government");
    assert_eq!(events[1]["status"], "held");
    // The report of 3 Nov has no `from`.
    assert_eq!(events[0]["from"], Value::Null);
    assert_eq!(events[0]["to"], "islamic_state");
}

#[test]
fn quotes_json_of_a_contested_place() {
    let events = json_of(&["quotes", "Al Qaim", "--json"]);
    let first = &events.as_array().unwrap()[0];
    assert_eq!(first["place"], "al_qaim");
    assert_eq!(first["status"], "contested");
    let mut to: Vec<&str> = first["to"]
        .as_array()
        .expect("two actors")
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    to.sort();
    assert_eq!(to, ["iraqi_government", "islamic_state"]);
}

#[test]
fn quotes_as_text() {
    let (code, stdout, stderr) = run(frontline().args(["quotes", "albu kamal"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.starts_with("Abu Kamal (abu_kamal, city, SY)"),
        "{stdout}"
    );
    assert!(stdout.contains("overran Bukamal on Thursday"), "{stdout}");
}

#[test]
fn quotes_of_an_unknown_place_exits_2() {
    let (code, stdout, stderr) = run(frontline().args(["quotes", "Paris"]));
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(stderr.contains("no place called \"Paris\""), "{stderr}");
    // No close name: the known places are listed instead.
    assert!(stderr.contains("known places: Abu Kamal"), "{stderr}");
}

#[test]
fn quotes_of_a_misspelt_place_suggests_it() {
    let (code, stdout, stderr) = run(frontline().args(["quotes", "Abu Kamel"]));
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(
        stderr.contains("no place called \"Abu Kamel\"; did you mean \"Abu Kamal\"?"),
        "{stderr}"
    );
}
