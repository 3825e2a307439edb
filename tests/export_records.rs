//! The record exporters on the bundled data: W3C annotations whose selectors point at the quote
//! in its article, and ACLED-format CSV that replays to the same holders and is safe to open in
//! a spreadsheet.

mod common;

use std::collections::HashMap;

use chrono::{Duration, NaiveDate};
use frontline::export::{
    ExportFormat, ExportOptions, escape_cell, export, unescape_cell, write_acled_csv,
    write_annotations, write_geojson,
};
use frontline::store::{Control, PlaceIx, Store};
use serde_json::Value;

use common::export::{day, features, geojson, load, place, place_features, store};

fn annotations() -> Value {
    let mut out = Vec::new();
    write_annotations(store(), &ExportOptions::default(), &mut out).unwrap();
    serde_json::from_slice(&out).unwrap()
}

/// The text of `chars[from..to]` of a string, counting code points.
fn chars(text: &str, from: usize, to: usize) -> String {
    text.chars().skip(from).take(to - from).collect()
}

#[test]
fn every_annotation_selects_its_quote_in_its_article() {
    let doc = annotations();
    assert_eq!(doc["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(doc["type"], "AnnotationCollection");
    let items = doc["first"]["items"].as_array().unwrap();
    assert_eq!(items.len(), store().quote_count());
    assert_eq!(doc["total"], store().quote_count());
    let articles: HashMap<String, &str> = store()
        .articles
        .iter()
        .map(|a| (format!("urn:frontline:article:{}", a.id), a.text.as_str()))
        .collect();
    for item in items {
        assert_eq!(item["type"], "Annotation");
        let target = &item["target"];
        let text = articles[target["source"].as_str().unwrap()];
        let quote = &target["selector"][0];
        let position = &target["selector"][1];
        assert_eq!(quote["type"], "TextQuoteSelector");
        assert_eq!(position["type"], "TextPositionSelector");
        let start = position["start"].as_u64().unwrap() as usize;
        let end = position["end"].as_u64().unwrap() as usize;
        let exact = quote["exact"].as_str().unwrap();
        assert!(!exact.is_empty());
        assert_eq!(chars(text, start, end), exact);
        let prefix = quote["prefix"].as_str().unwrap();
        let suffix = quote["suffix"].as_str().unwrap();
        let total = text.chars().count();
        assert_eq!(prefix.chars().count(), start.min(32));
        assert_eq!(suffix.chars().count(), (total - end).min(32));
        assert_eq!(chars(text, start - prefix.chars().count(), start), prefix);
        assert_eq!(chars(text, end, end + suffix.chars().count()), suffix);
    }
}

#[test]
fn annotations_tag_the_place_and_the_actors_and_describe_the_claim() {
    let doc = annotations();
    let items = doc["first"]["items"].as_array().unwrap();
    let recaptured = items
        .iter()
        .find(|i| {
            i["target"]["selector"][0]["exact"]
                == "Daesh recaptured Bukamal in eastern Syria on Saturday"
        })
        .unwrap();
    let bodies = recaptured["body"].as_array().unwrap();
    let tags: Vec<&str> = bodies
        .iter()
        .filter(|b| b["purpose"] == "tagging")
        .map(|b| b["value"].as_str().unwrap())
        .collect();
    assert_eq!(
        tags,
        ["Abu Kamal", "Islamic State", "Syrian government and allies"]
    );
    let describing: Vec<&Value> = bodies
        .iter()
        .filter(|b| b["purpose"] == "describing")
        .collect();
    assert_eq!(describing.len(), 1);
    let claim = describing[0]["value"].as_str().unwrap();
    assert!(claim.contains("11 November 2017"), "{claim}");
    assert!(claim.contains("held by Islamic State"), "{claim}");
    assert!(bodies.iter().all(|b| b["type"] == "TextualBody"));
}

fn csv_text(store: &Store) -> String {
    let mut out = Vec::new();
    write_acled_csv(store, &ExportOptions::default(), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn csv_rows(text: &str) -> (Vec<String>, Vec<HashMap<String, String>>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| {
            header
                .iter()
                .cloned()
                .zip(r.unwrap().iter().map(|c| unescape_cell(c).to_owned()))
                .collect()
        })
        .collect();
    (header, rows)
}

#[test]
fn csv_has_acleds_31_columns_in_acleds_order() {
    let (header, rows) = csv_rows(&csv_text(store()));
    let acled = "event_id_cnty, event_date, year, time_precision, disorder_type, event_type, \
        sub_event_type, actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2, \
        interaction, civilian_targeting, iso, region, country, admin1, admin2, admin3, location, \
        latitude, longitude, geo_precision, source, source_scale, notes, fatalities, tags, \
        timestamp";
    assert_eq!(header, acled.split(", ").collect::<Vec<_>>());
    assert_eq!(header.len(), 31);
    assert_eq!(rows.len(), store().events.len());
}

#[test]
fn csv_codes_the_changes_of_abu_kamal_as_acled_does() {
    let (_, rows) = csv_rows(&csv_text(store()));
    let row = |date: &str| {
        rows.iter()
            .find(|r| r["location"] == "Abu Kamal" && r["event_date"] == date)
            .unwrap()
    };
    let captured = row("2017-11-09");
    assert_eq!(captured["event_type"], "Battles");
    assert_eq!(captured["disorder_type"], "Political violence");
    assert_eq!(captured["sub_event_type"], "Government regains territory");
    assert_eq!(captured["actor1"], "Syrian government and allies");
    assert_eq!(captured["actor2"], "Islamic State");
    assert_eq!(captured["inter1"], "State forces");
    assert_eq!(captured["interaction"], "State forces-Rebel group");
    assert_eq!(captured["time_precision"], "1");
    assert_eq!(captured["year"], "2017");
    assert_eq!(captured["iso"], "760");
    assert_eq!(captured["latitude"], "34.45226");
    assert_eq!(captured["longitude"], "40.91854");
    assert_eq!(captured["source"], "outlet not named; Middle East Eye");
    assert!(captured["notes"].contains(
        "Syrian regime forces and allied militia from Lebanon, Iraq and Iran overran Bukamal on Thursday"
    ));

    let recaptured = row("2017-11-11");
    assert_eq!(
        recaptured["sub_event_type"],
        "Non-state actor overtakes territory"
    );
    assert_eq!(recaptured["actor1"], "Islamic State");
    assert_eq!(recaptured["actor2"], "Syrian government and allies");

    let still_held = row("2017-11-12");
    assert_eq!(still_held["event_type"], "Strategic developments");
    assert_eq!(still_held["sub_event_type"], "Other");
    assert_eq!(still_held["actor1"], "Islamic State");
    assert_eq!(still_held["actor2"], "");

    let qaim = rows
        .iter()
        .find(|r| r["location"] == "Al-Qa'im" && r["event_date"] == "2017-11-03")
        .unwrap();
    assert_eq!(qaim["sub_event_type"], "Armed clash");
    assert_eq!(qaim["actor1"], "Iraqi government forces");
    assert_eq!(qaim["actor2"], "Islamic State");
    let qaim_taken = rows
        .iter()
        .find(|r| r["location"] == "Al-Qa'im" && r["event_date"] == "2017-11-11")
        .unwrap();
    assert_eq!(qaim_taken["time_precision"], "2");
}

#[test]
fn every_quote_is_in_the_notes_of_its_event() {
    let (_, rows) = csv_rows(&csv_text(store()));
    for ev in &store().events {
        let row = rows.iter().find(|r| r["event_id_cnty"] == ev.id).unwrap();
        for q in &ev.quotes {
            assert!(
                row["notes"].contains(q.exact(&store().articles)),
                "{}: {}",
                ev.id,
                row["notes"]
            );
        }
    }
}

/// Read back as ACLED's conventions say (a clash: contested between the two actors; any other
/// row: held by actor1), the CSV gives every place the holders the store gives it.
#[test]
fn csv_replays_to_the_same_holders() {
    let (_, rows) = csv_rows(&csv_text(store()));
    let actor = |name: &str| store().actors.iter().position(|a| a.name == name).unwrap();
    let mut history: HashMap<PlaceIx, Vec<(NaiveDate, Control)>> = HashMap::new();
    for r in &rows {
        let place_id = r["tags"]
            .split("; ")
            .find_map(|t| t.strip_prefix("place="))
            .unwrap();
        let control = if r["tags"].contains("status=lost") {
            Control::Lost(actor(&r["actor1"]), None)
        } else if r["sub_event_type"] == "Armed clash" {
            Control::contested(actor(&r["actor1"]), actor(&r["actor2"]))
        } else {
            Control::Held(actor(&r["actor1"]))
        };
        history
            .entry(place(place_id))
            .or_default()
            .push((day(&r["event_date"]), control));
    }
    let (start, end) = store().span().unwrap();
    let mut d = NaiveDate::from_ymd_opt(2017, 9, 1).unwrap();
    while d <= end.date() {
        let end_of_day = d.and_hms_opt(23, 59, 59).unwrap();
        for p in 0..store().places.len() {
            let replayed = history
                .get(&p)
                .and_then(|h| h.iter().rev().find(|(date, _)| *date <= d))
                .map(|&(_, c)| c);
            assert_eq!(replayed, store().state_at(p, end_of_day).control, "{d}");
        }
        d += Duration::days(1);
    }
    assert!(start.date() > NaiveDate::from_ymd_opt(2017, 9, 1).unwrap());
}

#[test]
fn a_formula_in_the_data_is_escaped_in_the_csv_and_reads_back_unchanged() {
    let (_tmp, root) = common::bundled_copy();
    let formula = "=HYPERLINK(\"http://example.com\",\"Islamic State\")";
    common::edit(
        &root,
        "actors.toml",
        "name = \"Islamic State\"",
        &format!("name = {}", toml_string(formula)),
    );
    common::edit(&root, "places.toml", "name = \"Rawa\"", "name = \"@Rawa\"");
    let store = load(&root);
    let text = csv_text(&store);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().clone();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let mut seen = 0;
    for record in reader.records() {
        let record = record.unwrap();
        for (i, cell) in record.iter().enumerate() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{} = {cell:?}",
                &header[i]
            );
        }
        if record[column("actor1")].contains("HYPERLINK") {
            seen += 1;
            assert_eq!(&record[column("actor1")], format!("'{formula}"));
            assert_eq!(unescape_cell(&record[column("actor1")]), formula);
        }
        if record[column("location")].contains("Rawa") {
            assert_eq!(&record[column("location")], "'@Rawa");
            assert_eq!(unescape_cell(&record[column("location")]), "@Rawa");
        }
    }
    assert!(seen > 0, "no row has the edited actor as actor1");
    assert_eq!(escape_cell(formula), format!("'{formula}"));
}

fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

#[test]
fn export_picks_the_writer_of_the_format() {
    for format in ExportFormat::ALL {
        let mut via_export = Vec::new();
        export(store(), format, &ExportOptions::default(), &mut via_export).unwrap();
        let mut direct = Vec::new();
        let options = ExportOptions::default();
        match format {
            ExportFormat::GeoJson => write_geojson(store(), &options, &mut direct),
            ExportFormat::Csv => write_acled_csv(store(), &options, &mut direct),
            ExportFormat::Annotations => write_annotations(store(), &options, &mut direct),
        }
        .unwrap();
        assert_eq!(via_export, direct, "{format}");
        assert!(!direct.is_empty());
    }
}

#[test]
fn geojson_daily_window_has_one_feature_per_place_per_day() {
    let doc = geojson(&ExportOptions {
        daily: true,
        from: Some(day("2017-11-10")),
        to: Some(day("2017-11-11")),
    });
    assert_eq!(features(&doc).len(), store().places.len() * 2);
    let abu_kamal: Vec<&str> = place_features(&doc, "abu_kamal")
        .iter()
        .map(|p| p["holder"].as_str().unwrap())
        .collect();
    assert_eq!(abu_kamal, ["syrian_government", "islamic_state"]);
}

/// A store with nothing in it still gives valid documents (and an error where there is nothing
/// to count days from).
#[test]
fn an_empty_store_exports_empty_documents() {
    let empty = Store::default();
    for format in ExportFormat::ALL {
        let mut out = Vec::new();
        export(&empty, format, &ExportOptions::default(), &mut out).unwrap();
        match format {
            ExportFormat::Csv => {
                assert_eq!(csv_rows(std::str::from_utf8(&out).unwrap()).1.len(), 0)
            }
            ExportFormat::GeoJson => {
                let doc: Value = serde_json::from_slice(&out).unwrap();
                assert_eq!(features(&doc).len(), 0);
            }
            ExportFormat::Annotations => {
                let doc: Value = serde_json::from_slice(&out).unwrap();
                assert_eq!(doc["total"], 0);
                assert_eq!(doc["first"]["items"].as_array().unwrap().len(), 0);
            }
        }
    }
    let daily = ExportOptions {
        daily: true,
        ..Default::default()
    };
    let err = export(&empty, ExportFormat::GeoJson, &daily, Vec::new()).unwrap_err();
    assert!(
        matches!(err, frontline::export::ExportError::NoDates),
        "{err}"
    );
}
