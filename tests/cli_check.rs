//! `check` on small data directories written here, each broken in one way: every problem is
//! named with its file and line, and what to do about it.

mod common;

use common::cli::{frontline, json_of, row, run};
use common::small_data::*;
use serde_json::Value;

// ---------------------------------------------------------------- small data directories

#[test]
fn the_small_data_directory_is_valid() {
    let data = Data::new();
    let (code, out) = data.check();
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("1 articles, 2 places, 2 actors, 2 events, 2 quotes; 0 errors, 0 warnings"),
        "{out}"
    );
    assert!(out.contains(&data.path().display().to_string()), "{out}");

    let (code, stdout, stderr) = run(frontline().arg("--data").arg(data.path()).args([
        "state",
        "--at",
        "2017-11-11",
        "--json",
    ]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    let rows: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(row(&rows, "abu_kamal")["holder"], "islamic_state");
    assert_eq!(row(&rows, "al_qaim")["status"], "unknown");
}

#[test]
fn malformed_toml() {
    let data = Data::new();
    data.edit("events.toml", "kind = \"recapture\"", "kind = \"recapture");
    data.check_fails(
        1,
        &[
            "error: malformed TOML",
            "events.toml:16:",
            "kind = \"recapture",
            "hint: check quotes",
        ],
    );
}

#[test]
fn a_quote_not_found_verbatim_shows_the_closest_passage() {
    let data = Data::new();
    data.edit(
        "events.toml",
        "quote = \"Daesh recaptured Bukamal on Saturday\"",
        "quote = \"Daesh recaptured the town of Bukamal on Saturday\"",
    );
    data.check_fails(
        1,
        &[
            "error: quote not found verbatim in article \"report\" (articles/report.txt)",
            "events.toml:22:9",
            "the closest passage, line 3 of articles/report.txt: \"Daesh recaptured Bukamal on Saturday",
        ],
    );
}

#[test]
fn a_quote_with_other_quote_marks_is_a_near_miss() {
    let data = Data::new();
    data.write(
        "articles/report.txt",
        &ARTICLE_TEXT.replace("Daesh recaptured", "Daesh’s fighters recaptured"),
    );
    data.edit(
        "events.toml",
        "quote = \"Daesh recaptured Bukamal on Saturday\"",
        "quote = \"Daesh's fighters recaptured Bukamal on Saturday\"",
    );
    data.check_fails(
        1,
        &[
            "error: quote not found verbatim",
            "events.toml:22:9",
            "the article has \"Daesh’s fighters recaptured Bukamal on Saturday\" (quote marks, dashes or spaces differ)",
        ],
    );
}

#[test]
fn an_unknown_place_gets_a_suggestion() {
    let data = Data::new();
    data.edit("events.toml", "place = \"Bukamal\"", "place = \"Bukamel\"");
    data.check_fails(
        1,
        &[
            "error: unknown place \"Bukamel\"",
            "events.toml:14:9",
            "did you mean \"Abu Kamal\"? Places are defined in places.toml",
        ],
    );
}

#[test]
fn an_unknown_actor_gets_a_suggestion() {
    let data = Data::new();
    data.edit(
        "events.toml",
        "to = \"islamic_state\"",
        "to = \"islamic_stat\"",
    );
    data.check_fails(
        1,
        &[
            "error: unknown actor \"islamic_stat\" in `to`",
            "events.toml:18:6",
            "did you mean \"Islamic State\"? Actors are defined in actors.toml",
        ],
    );
}

#[test]
fn a_date_phrase_that_contradicts_the_event_date() {
    // "on Saturday" in an article of Sunday 12 Nov is 11 Nov, not 10 Nov.
    let data = Data::new();
    data.edit(
        "events.toml",
        "date = \"2017-11-11\"",
        "date = \"2017-11-10\"",
    );
    data.check_fails(
        1,
        &[
            "events.toml:23:15",
            "\"on Saturday\" in an article of Sun 12 Nov 2017 means Sat 11 Nov 2017, but the event is dated Fri 10 Nov 2017",
        ],
    );
}

#[test]
fn a_date_phrase_that_is_not_in_its_quote() {
    let data = Data::new();
    data.edit(
        "events.toml",
        "date_phrase = \"on Thursday\"",
        "date_phrase = \"last Thursday\"",
    );
    data.check_fails(
        1,
        &[
            "events.toml:11:15",
            "date_phrase \"last Thursday\" is not in the quote",
        ],
    );
}

#[test]
fn an_event_after_the_article_that_reports_it() {
    let data = Data::new();
    data.edit(
        "events.toml",
        "date = \"2017-11-11\"\nkind = \"recapture\"",
        "date = \"2017-11-13\"\nkind = \"recapture\"",
    );
    let out = data.check_fails(
        2,
        &[
            "events.toml:15:8",
            "the event is dated Mon 13 Nov 2017 but article \"report\" is of Sun 12 Nov 2017",
        ],
    );
    // The date phrase is checked too.
    assert!(out.contains("events.toml:23:15"), "{out}");
}

#[test]
fn contradictory_events_at_one_instant() {
    let data = Data::new();
    data.append(
        "events.toml",
        r#"
[[event]]
place = "abu_kamal"
date = "2017-11-11"
kind = "report"
to = "syrian_government"

[[event.source]]
article = "report"
quote = "Syrian forces overran Bukamal"
"#,
    );
    data.check_fails(
        1,
        &[
            "events.toml:25:1",
            "contradictory events for one place at one instant: this one leaves it held by Syrian government but the event at events.toml:13 leaves it held by Islamic State",
            "give each claim its own date (or time)",
        ],
    );
}

#[test]
fn two_events_at_one_instant_that_agree_are_fine() {
    let data = Data::new();
    data.append(
        "events.toml",
        r#"
[[event]]
place = "abu_kamal"
date = "2017-11-11"
kind = "report"
to = "Daesh"

[[event.source]]
article = "report"
quote = "IS held the town"
prefix = "fightback.\n"
"#,
    );
    let (code, out) = data.check();
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("3 events, 3 quotes; 0 errors"), "{out}");
}

#[test]
fn a_missing_article_file() {
    let data = Data::new();
    std::fs::remove_file(data.path().join("articles/report.txt")).unwrap();
    let out = data.check_fails(
        1,
        &[
            "articles.toml:3:8",
            "error: article file \"articles/report.txt\": file not found",
            "hint: put the article's text in that file",
            // The quotes from it are counted once, not reported as naming an unknown article.
            "2 quote(s) citing article \"report\" were not checked: its entry has an error",
        ],
    );
    assert!(!out.contains("unknown article"), "{out}");
}

#[test]
fn an_unknown_article() {
    let data = Data::new();
    data.edit(
        "events.toml",
        "article = \"report\"\nquote = \"Syrian",
        "article = \"reprot\"\nquote = \"Syrian",
    );
    data.check_fails(
        1,
        &[
            "events.toml:9:11",
            "error: unknown article \"reprot\"",
            "did you mean \"report\"?",
        ],
    );
}

#[test]
fn a_quote_that_occurs_twice_needs_a_prefix_or_suffix() {
    let data = Data::new();
    let event = r#"
[[event]]
place = "abu_kamal"
date = "2017-11-12"
kind = "report"
to = "islamic_state"

[[event.source]]
article = "report"
quote = "IS held the town"
"#;
    data.append("events.toml", event);
    data.check_fails(
        1,
        &[
            "events.toml:33:9",
            "the quote occurs 2 times in articles/report.txt (line 4)",
            "prefix = \"...\"",
            "suffix = \"...\"",
        ],
    );

    // A suffix that singles one out makes it valid.
    let data = Data::new();
    data.append(
        "events.toml",
        &format!("{event}suffix = \", a monitor said\"\n"),
    );
    let (code, out) = data.check();
    assert_eq!(code, 0, "{out}");
}

#[test]
fn an_event_whose_from_equals_to() {
    let data = Data::new();
    data.edit(
        "events.toml",
        "from = \"syrian_government\"",
        "from = \"islamic_state\"",
    );
    data.check_fails(
        1,
        &[
            "events.toml:18:6",
            "`from` and `to` are the same: this event changes nothing",
            "use kind = \"report\" without `from`",
        ],
    );
}

#[test]
fn a_duplicate_place_id() {
    let data = Data::new();
    data.append(
        "places.toml",
        r#"
[[place]]
id = "abu_kamal"
name = "Abu Kamal again"
kind = "city"
lat = 34.4
lon = 40.9
"#,
    );
    data.check_fails(
        1,
        &[
            "places.toml:19:6",
            "duplicate place id \"abu_kamal\" (first defined on line 2)",
            "ids must be unique",
        ],
    );
}

#[test]
fn an_event_in_the_events_folder_is_reported_with_its_file() {
    let data = Data::new();
    std::fs::remove_file(data.path().join("events.toml")).unwrap();
    data.write(
        "events/abu_kamal.toml",
        &EVENTS.replace("place = \"Bukamal\"", "place = \"Bukamel\""),
    );
    data.check_fails(
        1,
        &["events/abu_kamal.toml:14:9", "unknown place \"Bukamel\""],
    );
}

#[test]
fn a_data_directory_without_events() {
    let data = Data::new();
    std::fs::remove_file(data.path().join("events.toml")).unwrap();
    data.check_fails(
        1,
        &["no events: neither events.toml nor any events/*.toml file exists"],
    );
}

#[test]
fn a_missing_data_directory() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-dir");
    let (code, stdout, stderr) = run(frontline().arg("check").arg("--data").arg(&missing));
    let out = format!("{stdout}{stderr}");
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("the data directory does not exist"), "{out}");
    assert!(out.contains(&missing.display().to_string()), "{out}");
    assert!(out.contains("1 errors, 0 warnings"), "{out}");
}

#[test]
fn warnings_alone_exit_0() {
    let data = Data::new();
    // A date phrase the checker does not understand is a warning, not an error.
    data.edit(
        "events.toml",
        "quote = \"Daesh recaptured Bukamal on Saturday\"\ndate_phrase = \"on Saturday\"",
        "quote = \"Daesh recaptured Bukamal on Saturday after a fierce fightback\"\ndate_phrase = \"after a fierce fightback\"",
    );
    let (code, out) = data.check();
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("events.toml:23:15"), "{out}");
    assert!(
        out.contains("warning: date_phrase \"after a fierce fightback\" is not understood"),
        "{out}"
    );
    assert!(out.contains("0 errors, 1 warnings"), "{out}");
}

#[test]
fn state_and_quotes_on_invalid_data_show_what_is_valid() {
    let data = Data::new();
    data.edit("events.toml", "place = \"Bukamal\"", "place = \"Bukamel\"");
    let (code, stdout, stderr) = run(frontline().arg("--data").arg(data.path()).args([
        "state",
        "--at",
        "2017-11-11",
        "--json",
    ]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stderr.contains("warning: the data has 1 errors; showing what is valid"),
        "{stderr}"
    );
    // The invalid recapture is left out: the capture of 9 Nov still holds.
    let rows: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(row(&rows, "abu_kamal")["holder"], "syrian_government");

    let (code, stdout, stderr) =
        run(frontline()
            .arg("--data")
            .arg(data.path())
            .args(["quotes", "abu_kamal", "--json"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    let events: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(events.as_array().unwrap().len(), 1);
}

#[test]
fn a_name_shared_by_two_places_asks_for_an_id() {
    let data = Data::new();
    data.append(
        "places.toml",
        r#"
[[place]]
id = "al_qaim_crossing"
name = "Al-Qa'im crossing"
kind = "border_crossing"
country = "IQ"
lat = 34.37
lon = 41.05
aliases = ["Al Qaim"]
"#,
    );
    let (code, stdout, stderr) = run(frontline()
        .arg("--data")
        .arg(data.path())
        .args(["quotes", "al qaim"]));
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert_eq!(stdout, "");
    assert!(
        stderr.contains(
            "error: \"al qaim\" names several places: al_qaim, al_qaim_crossing; use an id"
        ),
        "{stderr}"
    );
    // Its id still finds it.
    let (code, stdout, stderr) = run(frontline()
        .arg("--data")
        .arg(data.path())
        .args(["quotes", "al_qaim_crossing"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.starts_with("Al-Qa'im crossing (al_qaim_crossing"),
        "{stdout}"
    );
}

#[test]
fn diff_between_8_and_12_november_lists_abu_kamal_changing_hands_twice() {
    let rows = json_of(&[
        "diff",
        "--from",
        "2017-11-08",
        "--to",
        "2017-11-12",
        "--json",
    ]);
    let abu = row(&rows, "abu_kamal");
    assert_eq!(abu["before"]["holder"], "islamic_state");
    assert_eq!(abu["after"]["holder"], "islamic_state");
    let changes: Vec<&str> = abu["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter(|e| e["change"] == true)
        .map(|e| e["date"].as_str().expect("date"))
        .collect();
    assert_eq!(changes, ["2017-11-09", "2017-11-11"]);
    // Deir ez-Zor fell on the 3rd: nothing changed there in these days.
    assert!(
        rows.as_array()
            .expect("rows")
            .iter()
            .all(|r| r["place"] != "deir_ez_zor")
    );
    let (code, text, _) =
        run(frontline().args(["diff", "--from", "2017-11-08", "--to", "2017-11-12"]));
    assert_eq!(code, 0);
    assert!(
        text.contains("Abu Kamal: from IS to IS; changed 2 times"),
        "{text}"
    );
    assert!(text.contains("Sat 11 Nov 2017 · recaptured · IS"), "{text}");
}
