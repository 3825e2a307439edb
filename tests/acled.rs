//! ACLED-format CSV as a data source, on files the tests write themselves (ACLED's terms do not
//! allow shipping its data): every column form, merged places, precision, bad rows at their
//! a large file, and Frontline's own CSV export loading back with the same holders (damaged
//! files are in `acled_damage.rs`).

mod common;

use chrono::{Duration, NaiveDate};
use frontline::export::{ExportOptions, write_acled_csv};
use frontline::store::{DataSource, Precision, Store};

use common::acled::*;

#[test]
fn an_acled_file_opens_with_both_date_forms_quoted_cells_and_precision() {
    let tmp = tempfile::tempdir().unwrap();
    let text = [
        HEADER.to_owned(),
        row("SYR1", "2017-11-09", 1, "Government regains territory", SYR, IS, "Abu Kamal", 34.4523, 40.9185,
            "\"On 9 November 2017, regime forces took Abu Kamal, the last town held by IS\nin Syria, \"\"reports say\"\".\""),
        row("SYR2", "11 November 2017", 2, "Non-state actor overtakes territory", IS, SYR, "Al Bukamal", 34.4530, 40.9190,
            "IS retook the town."),
        row("SYR3", "12 November 2017", 1, "Armed clash", SYR, IS, "Hajin", 34.69, 40.83, "Clashes near Hajin."),
        row("SYR4", "19 November 2017", 3, "Government regains territory", SYR, IS, "Abu Kamal", 34.4523, 40.9185, "Regime forces took the town again."),
    ]
    .join("\n");
    let path = write(tmp.path(), "syria.csv", &text);
    let store = load(&path);
    assert_eq!(
        store.diagnostics.error_count(),
        0,
        "{:?}",
        store.diagnostics.items
    );
    // "Abu Kamal" and "Al Bukamal" at the same coordinates are one place; the clash changes nothing.
    assert_eq!(store.places.len(), 1, "{:?}", store.places);
    assert_eq!(store.places[0].aliases, vec!["Al Bukamal".to_owned()]);
    assert_eq!(store.events.len(), 3);
    assert_eq!(store.other_rows, 1);
    assert_eq!(holder_name(&store, 0, "2017-11-08"), None);
    assert_eq!(holder_name(&store, 0, "2017-11-09").as_deref(), Some(SYR));
    assert_eq!(holder_name(&store, 0, "2017-11-11").as_deref(), Some(IS));
    assert_eq!(holder_name(&store, 0, "2017-11-19").as_deref(), Some(SYR));
    assert_eq!(store.events[1].precision, Precision::Week);
    assert_eq!(store.events[2].precision, Precision::Month);
    // The notes are the article and the quote, with the comma, the line break and the quotes.
    let ev = &store.events[0];
    let quote = ev.quotes[0].exact(&store.articles);
    assert!(
        quote.contains("held by IS\nin Syria, \"reports say\"."),
        "{quote}"
    );
    let art = &store.articles[ev.quotes[0].article];
    assert_eq!(art.outlet.as_deref(), Some("Reuters"));
    assert_eq!(
        art.date,
        Some(NaiveDate::from_ymd_opt(2017, 11, 9).unwrap())
    );
    // The conventions' colours.
    let colour = |name: &str| store.actors.iter().find(|a| a.name == name).unwrap().colour;
    assert_eq!(colour(SYR), [0xd6, 0x20, 0x20]);
    assert_eq!(colour(IS), [0x1a, 0x1a, 0x1a]);
}

#[test]
fn extra_and_missing_optional_columns_are_accepted_in_any_order() {
    let tmp = tempfile::tempdir().unwrap();
    let text = "notes,longitude,latitude,location,actor2,actor1,sub_event_type,event_date,my_own_column\n\
        Taken.,40.9185,34.4523,Abu Kamal,Islamic State (Syria),Military Forces of Syria (2000-),Government regains territory,2017-11-09,x\n";
    let store = load(&write(tmp.path(), "few.csv", text));
    assert_eq!(
        store.diagnostics.error_count(),
        0,
        "{:?}",
        store.diagnostics.items
    );
    assert_eq!(holder_name(&store, 0, "2017-11-09").as_deref(), Some(SYR));
    assert_eq!(store.events[0].precision, Precision::Day);
}

#[test]
fn a_gazetteer_alias_joins_two_names_a_few_kilometres_apart() {
    let tmp = tempfile::tempdir().unwrap();
    let text = [
        HEADER.to_owned(),
        row(
            "A1",
            "2017-11-09",
            1,
            "Government regains territory",
            SYR,
            IS,
            "Abu Kamal",
            34.4523,
            40.9185,
            "One.",
        ),
        row(
            "A2",
            "2017-11-10",
            1,
            "Non-state actor overtakes territory",
            IS,
            SYR,
            "Al-Bukamal",
            34.48,
            40.95,
            "Two.",
        ),
        row(
            "A3",
            "2017-11-10",
            1,
            "Non-state actor overtakes territory",
            IS,
            SYR,
            "Hajin",
            34.70,
            40.95,
            "Three.",
        ),
    ]
    .join("\n");
    let store = load(&write(tmp.path(), "alias.csv", &text));
    assert_eq!(
        store.diagnostics.error_count(),
        0,
        "{:?}",
        store.diagnostics.items
    );
    assert_eq!(store.places.len(), 2, "{:?}", store.places);
}

/// A large file, in release: `cargo test --release --test acled -- --ignored` (a debug build
/// takes over a minute).
#[test]
#[ignore]
fn a_file_of_100000_rows_loads() {
    let tmp = tempfile::tempdir().unwrap();
    let mut text = String::from(HEADER);
    for i in 0..100_000u32 {
        let (a1, a2, sub) = if i % 2 == 0 {
            (SYR, IS, "Government regains territory")
        } else {
            (IS, SYR, "Non-state actor overtakes territory")
        };
        let town = i % 500;
        let date = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap() + Duration::days(i64::from(i / 50));
        text.push('\n');
        text.push_str(&row(
            &format!("SYR{i}"),
            &date.to_string(),
            1,
            sub,
            a1,
            a2,
            &format!("Town {town}"),
            33.0 + f64::from(town) * 0.01,
            38.0 + f64::from(town % 50) * 0.05,
            &format!("\"On {date}, {a1} took Town {town} from {a2}.\""),
        ));
    }
    let path = write(tmp.path(), "big.csv", &text);
    let started = std::time::Instant::now();
    let store = load(&path);
    assert_eq!(
        store.diagnostics.error_count(),
        0,
        "{:?}",
        store.diagnostics.items.first()
    );
    assert_eq!(store.events.len(), 100_000);
    assert_eq!(store.places.len(), 500);
    eprintln!("100,000 rows loaded in {:?}", started.elapsed());
}

/// Frontline's own CSV export loads back with every holder of every place, every day.
#[test]
fn the_csv_export_loads_back_with_the_same_holders_every_day() {
    let original = Store::load(&DataSource::Dir(common::bundled_dir()));
    let tmp = tempfile::tempdir().unwrap();
    let mut out = Vec::new();
    write_acled_csv(&original, &ExportOptions::default(), &mut out).unwrap();
    let path = tmp.path().join("exported.csv");
    std::fs::write(&path, out).unwrap();
    let back = load(&path);
    assert_eq!(
        back.diagnostics.error_count(),
        0,
        "{:?}",
        back.diagnostics.items
    );
    let (start, end) = original.span().unwrap();
    let mut d = start.date() - Duration::days(1);
    let mut compared = 0;
    while d <= end.date() + Duration::days(1) {
        for (p, place) in original.places.iter().enumerate() {
            let want = holder_name(&original, p, &d.to_string());
            let got = back
                .places
                .iter()
                .position(|q| q.id == place.id)
                .and_then(|q| holder_name(&back, q, &d.to_string()));
            assert_eq!(got, want, "{} on {d}", place.id);
            compared += 1;
        }
        d += Duration::days(1);
    }
    assert!(compared > 50);
}

#[test]
fn check_as_json_and_as_github_annotations_on_a_broken_directory() {
    let (_tmp, root) = common::bundled_copy();
    common::edit(
        &root,
        "events.toml",
        "place = \"al_qaim\"",
        "place = \"al_qaimm\"",
    );
    let line = std::fs::read_to_string(root.join("events.toml"))
        .unwrap()
        .lines()
        .position(|l| l.contains("al_qaimm"))
        .unwrap()
        + 1;

    let (code, json) = check(&root, "json");
    assert_eq!(code, 1);
    let items: serde_json::Value = serde_json::from_str(&json).unwrap();
    let items = items.as_array().unwrap();
    let bad = items
        .iter()
        .find(|i| i["message"].as_str().unwrap().contains("al_qaimm"))
        .unwrap();
    assert_eq!(bad["file"], "events.toml");
    assert_eq!(bad["line"], line);
    assert_eq!(bad["column"], 9);
    assert_eq!(bad["severity"], "error");
    assert!(bad["hint"].as_str().unwrap().contains("Al-Qa'im"), "{bad}");

    let (code, github) = check(&root, "github");
    assert_eq!(code, 1);
    let prefix = format!(
        "::error file={}/events.toml,line={line},col=9::",
        root.display().to_string().replace(':', "%3A")
    );
    let annotation = github.lines().find(|l| l.contains("al_qaimm")).unwrap();
    assert!(annotation.starts_with(&prefix), "{annotation}\n{prefix}");
    assert_eq!(github.lines().count(), items.len());
}

#[test]
fn check_annotates_the_bad_rows_of_a_csv_file() {
    let tmp = tempfile::tempdir().unwrap();
    let text = [
        HEADER.to_owned(),
        row(
            "OK1",
            "2017-11-09",
            1,
            "Government regains territory",
            SYR,
            IS,
            "Abu Kamal",
            34.4523,
            40.9185,
            "Taken.",
        ),
        row(
            "BAD1",
            "9 Novembre 2017",
            1,
            "Government regains territory",
            SYR,
            IS,
            "Hajin",
            34.69,
            40.83,
            "x",
        ),
    ]
    .join("\n");
    let path = write(tmp.path(), "rows.csv", &text);
    let (code, github) = check(&path, "github");
    assert_eq!(code, 1);
    let dir = tmp.path().display().to_string().replace(':', "%3A");
    assert_eq!(github.lines().count(), 1, "{github}");
    assert!(
        github.starts_with(&format!(
            "::error file={dir}/rows.csv,line=3,col=6::\"9 Novembre 2017\" is not a date"
        )),
        "{github}"
    );
    let (code, _) = check(&path, "human");
    assert_eq!(code, 1);
}

/// `import acled` writes a TOML data directory that checks clean and replays the same.
#[test]
fn import_acled_writes_a_data_directory_with_the_same_states_every_day() {
    let original = Store::load(&DataSource::Dir(common::bundled_dir()));
    let tmp = tempfile::tempdir().unwrap();
    let mut out = Vec::new();
    write_acled_csv(&original, &ExportOptions::default(), &mut out).unwrap();
    let csv = tmp.path().join("exported.csv");
    std::fs::write(&csv, out).unwrap();
    let dir = tmp.path().join("imported");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_frontline"))
        .args(["import", "acled"])
        .arg(&csv)
        .arg("--out")
        .arg(&dir)
        .status()
        .unwrap();
    assert!(status.success());
    let (code, _) = check(&dir, "human");
    assert_eq!(code, 0);
    let from_csv = load(&csv);
    let from_dir = load(&dir);
    assert_eq!(
        from_dir.diagnostics.error_count(),
        0,
        "{:?}",
        from_dir.diagnostics.items
    );
    assert_eq!(from_dir.events.len(), from_csv.events.len());
    let (start, end) = from_csv.span().unwrap();
    let mut d = start.date();
    while d <= end.date() {
        for (p, place) in from_csv.places.iter().enumerate() {
            let q = from_dir
                .places
                .iter()
                .position(|x| x.id == place.id)
                .unwrap();
            assert_eq!(
                holder_name(&from_dir, q, &d.to_string()),
                holder_name(&from_csv, p, &d.to_string()),
                "{} on {d}",
                place.id
            );
        }
        d += Duration::days(1);
    }
}
