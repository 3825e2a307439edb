//! ACLED-format CSV as a data source, on files the tests write themselves (ACLED's terms do not
//! allow shipping its data): every column form, merged places, precision, bad rows at their
//! line, a large file, and Frontline's own CSV export loading back with the same holders.

mod common;

use std::path::{Path, PathBuf};

use chrono::{Duration, NaiveDate};
use frontline::export::{ExportOptions, write_acled_csv};
use frontline::store::{Control, DataSource, Precision, Severity, Store};

const HEADER: &str = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp";

/// A row in ACLED's 31 columns from the cells that matter.
#[allow(clippy::too_many_arguments)]
fn row(
    id: &str,
    date: &str,
    tp: u8,
    sub: &str,
    a1: &str,
    a2: &str,
    loc: &str,
    lat: f64,
    lon: f64,
    notes: &str,
) -> String {
    format!(
        "{id},{date},2017,{tp},Political violence,Battles,{sub},{a1},,State forces,{a2},,Rebel group,12,,760,Middle East,Syria,Deir ez-Zor,Albu Kamal,,{loc},{lat},{lon},1,Reuters,International,{notes},0,,1510000000"
    )
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn load(path: &Path) -> Store {
    Store::load(&DataSource::Dir(path.to_path_buf()))
}

fn day_end(s: &str) -> chrono::NaiveDateTime {
    s.parse::<NaiveDate>()
        .unwrap()
        .and_hms_opt(23, 59, 59)
        .unwrap()
}

fn holder_name(store: &Store, place: usize, at: &str) -> Option<String> {
    match store.state_at(place, day_end(at)).control {
        Some(Control::Held(a)) => Some(store.actors[a].name.clone()),
        Some(Control::Contested(a, b)) => Some(format!(
            "{} / {}",
            store.actors[a].name, store.actors[b].name
        )),
        Some(Control::Lost(a, _)) => Some(format!("lost by {}", store.actors[a].name)),
        None => None,
    }
}

const SYR: &str = "Military Forces of Syria (2000-)";
const IS: &str = "Islamic State (Syria)";

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

#[test]
fn bad_rows_are_reported_at_their_line_and_the_rest_loads() {
    let tmp = tempfile::tempdir().unwrap();
    let text = [
        HEADER.to_owned(),
        // line 2-3: a quoted cell spanning two lines, fine.
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
            "\"two\nlines\"",
        ),
        row(
            "BAD1",
            "2017-13-40",
            1,
            "Government regains territory",
            SYR,
            IS,
            "Hajin",
            34.69,
            40.83,
            "x",
        ), // line 4
        row(
            "BAD2",
            "2017-11-10",
            1,
            "Government regains territory",
            SYR,
            IS,
            "Hajin",
            34.69,
            40.83,
            "x",
        )
        .replace("34.69", "north"), // line 5
        "only,three,cells".to_owned(), // line 6
        row(
            "OK2",
            "2017-11-10",
            1,
            "Non-state actor overtakes territory",
            IS,
            SYR,
            "Abu Kamal",
            34.4523,
            40.9185,
            "y",
        ), // line 7
        row(
            "BAD3",
            "2017-11-11",
            1,
            "Government regains territory",
            SYR,
            IS,
            "Hajin",
            34.69,
            40.83,
            "\"never closed",
        ), // line 8
    ]
    .join("\n");
    let store = load(&write(tmp.path(), "bad.csv", &text));
    let problems: Vec<(usize, &str)> = store
        .diagnostics
        .items
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| (d.line, d.message.as_str()))
        .collect();
    assert!(store.diagnostics.items.iter().all(|d| d.file == "bad.csv"));
    assert_eq!(problems.len(), 4, "{problems:?}");
    assert_eq!(problems[0].0, 4);
    assert!(
        problems[0].1.contains("\"2017-13-40\" is not a date"),
        "{problems:?}"
    );
    assert_eq!(problems[1].0, 5);
    assert!(problems[1].1.contains("latitude \"north\""), "{problems:?}");
    assert_eq!(problems[2].0, 6);
    assert!(problems[2].1.contains("3 cells"), "{problems:?}");
    assert_eq!(problems[3].0, 8);
    assert!(problems[3].1.contains("unterminated quote"), "{problems:?}");
    // The date's column: the cell after event_id_cnty.
    assert_eq!(store.diagnostics.items[0].col, 6);
    assert_eq!(store.events.len(), 2);
    assert_eq!(holder_name(&store, 0, "2017-11-10").as_deref(), Some(IS));

    let missing = load(&write(
        tmp.path(),
        "missing.csv",
        "event_date,actor1,location\n2017-11-09,X,Y\n",
    ));
    let d = &missing.diagnostics.items[0];
    assert_eq!((d.file.as_str(), d.line), ("missing.csv", 1));
    assert!(
        d.message.contains("sub_event_type, latitude, longitude"),
        "{}",
        d.message
    );
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

fn check(data: &Path, format: &str) -> (i32, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_frontline"))
        .args(["check", "--format", format, "--data"])
        .arg(data)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
    )
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

/// Every kind of damage is reported at its own line (the header is line 1; a quoted cell
/// spanning lines counts them), pointing at its own cell, whichever line ends the file uses:
/// spreadsheets save CSV with `\r\n`.
#[test]
fn every_kind_of_damage_is_named_at_its_line_and_cell_with_either_line_end() {
    let good = |id: &str, day: u32, notes: &str| {
        row(
            id,
            &format!("2017-11-{day:02}"),
            1,
            "Government regains territory",
            SYR,
            IS,
            "Hajin",
            34.69,
            40.83,
            notes,
        )
    };
    let lines = [
        HEADER.to_owned(),
        good("A1", 1, "\"a note\nover two lines\""), // lines 2-3
        good("A2", 2, "b"),                          // line 4
        good("A3", 3, "c").replace("2017-11-03", "2017-13-45"), // line 5: bad date
        good("A4", 4, "d"),                          // line 6
        good("A5", 5, "e").replace("34.69", "north"), // line 7: bad latitude
        good("A6", 6, "f").replace("40.83", "400"),  // line 8: bad longitude
        "only,three,cells".to_owned(),               // line 9: wrong number of cells
        good("A2", 9, "g"),                          // line 10: duplicate event_id_cnty
        good("A9", 10, "\"never closed"),            // line 11: unterminated quote
    ];
    for end in ["\n", "\r\n"] {
        let tmp = tempfile::tempdir().unwrap();
        let text = lines.join(end) + end;
        let store = load(&write(tmp.path(), "damaged.csv", &text));
        let found: Vec<(usize, &str, &str)> = store
            .diagnostics
            .items
            .iter()
            .map(|d| {
                let span = d.span.clone().expect("every problem has a place");
                (d.line, &text[span], d.message.as_str())
            })
            .collect();
        let expected = [
            (5, "2017-13-45", "\"2017-13-45\" is not a date"),
            (7, "north", "latitude \"north\""),
            (8, "400", "longitude \"400\""),
            (9, "only", "3 cells"),
            (10, "A2", "duplicate event_id_cnty \"A2\""),
            (11, "never closed", "unterminated quote"),
        ];
        assert_eq!(found.len(), expected.len(), "{end:?}: {found:#?}");
        for ((line, cell, message), (want_line, want_cell, want_message)) in
            found.iter().zip(expected)
        {
            assert_eq!(*line, want_line, "{end:?}: {message}");
            // An unterminated cell runs on to the end of its line, where it is shown.
            assert!(cell.starts_with(want_cell), "{end:?}: {message}: {cell:?}");
            assert!(!cell.contains(['\n', '\r']), "{end:?}: {message}: {cell:?}");
            assert!(message.contains(want_message), "{end:?}: {message}");
        }
        // The line shown is the line named: its text holds the cell at the column given.
        for d in &store.diagnostics.items {
            let shown = text.split('\n').nth(d.line - 1).unwrap();
            let at: String = shown.chars().skip(d.col - 1).collect();
            let cell = &text[d.span.clone().unwrap()];
            assert!(
                at.starts_with(cell),
                "{end:?}: line {} is {shown:?}, col {}",
                d.line,
                d.col
            );
        }
        // The good rows load, the multi-line note whole.
        assert_eq!(store.events.len(), 3, "{end:?}");
        assert_eq!(store.articles[0].text, "a note\nover two lines");
    }

    // A missing column is the header's problem: line 1, in either form.
    for end in ["\n", "\r\n"] {
        let tmp = tempfile::tempdir().unwrap();
        let text = [
            "event_id_cnty,event_date,actor1,location",
            "A1,2017-11-09,X,Y",
        ]
        .join(end);
        let store = load(&write(tmp.path(), "header.csv", &text));
        let d = &store.diagnostics.items[0];
        assert_eq!(d.line, 1, "{end:?}");
        assert!(
            d.message
                .contains("missing required column(s): sub_event_type, latitude, longitude"),
            "{}",
            d.message
        );
    }
}

/// A file saved with old Mac line ends (`\r` alone) still reads row by row.
#[test]
fn a_file_with_carriage_returns_alone_reads_row_by_row() {
    let tmp = tempfile::tempdir().unwrap();
    let rows = [
        HEADER.to_owned(),
        row(
            "C1",
            "2017-11-09",
            1,
            "Government regains territory",
            SYR,
            IS,
            "Abu Kamal",
            34.4523,
            40.9185,
            "taken",
        ),
        row(
            "C2",
            "2017-11-10",
            1,
            "Non-state actor overtakes territory",
            IS,
            SYR,
            "Abu Kamal",
            34.4523,
            40.9185,
            "retaken",
        ),
    ];
    let store = load(&write(tmp.path(), "mac.csv", &(rows.join("\r") + "\r")));
    assert_eq!(
        store.diagnostics.error_count(),
        0,
        "{:?}",
        store.diagnostics.items
    );
    assert_eq!(store.events.len(), 2);
    assert_eq!(holder_name(&store, 0, "2017-11-10").as_deref(), Some(IS));
}
