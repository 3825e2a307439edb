//! ACLED-format CSV with damage: each bad row is named at its own line and cell, with that
//! line's text, whatever the line ends; the rest of the file loads.

mod common;

use common::acled::*;
use frontline::store::Severity;

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
