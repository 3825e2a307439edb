//! The exporters on the bundled data: GeoJSON control periods that agree with the store at every
//! instant (and that GDAL types as DateTime), W3C annotations whose selectors point at the quote
//! in its article, and ACLED-format CSV that replays to the same holders and is safe to open in
//! a spreadsheet.

mod common;

use std::collections::HashMap;
use std::process::Command;
use std::sync::LazyLock;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use frontline::export::{
    ExportFormat, ExportOptions, escape_cell, export, unescape_cell, write_acled_csv,
    write_annotations, write_geojson,
};
use frontline::store::{Control, DataSource, PlaceIx, Store};
use serde_json::Value;

static STORE: LazyLock<Store> = LazyLock::new(|| load(&common::bundled_dir()));

fn load(dir: &std::path::Path) -> Store {
    let store = Store::load(&DataSource::Dir(dir.to_path_buf()));
    assert_eq!(
        store.diagnostics.error_count(),
        0,
        "{:?}",
        store.diagnostics
    );
    store
}

fn store() -> &'static Store {
    &STORE
}

fn place(id: &str) -> PlaceIx {
    store().places.iter().position(|p| p.id == id).unwrap()
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn geojson(options: &ExportOptions) -> Value {
    let mut out = Vec::new();
    write_geojson(store(), options, &mut out).unwrap();
    serde_json::from_slice(&out).unwrap()
}

fn features(doc: &Value) -> &Vec<Value> {
    doc["features"].as_array().unwrap()
}

/// The properties of a place's features, in order.
fn place_features<'a>(doc: &'a Value, place: &str) -> Vec<&'a Value> {
    features(doc)
        .iter()
        .map(|f| &f["properties"])
        .filter(|p| p["place"] == place)
        .collect()
}

fn utc(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn parse_utc(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%SZ").unwrap()
}

/// `(status, holder, contested_by)` as the GeoJSON writes a state.
fn expected(control: Option<Control>) -> (String, Value, Value) {
    let id = |a: usize| store().actors[a].id.clone();
    match control {
        Some(Control::Held(a)) => ("held".into(), id(a).into(), Value::Null),
        Some(Control::Lost(..)) => ("lost".into(), Value::Null, Value::Null),
        Some(Control::Contested(a, b)) => (
            "contested".into(),
            Value::Null,
            format!("{}; {}", id(a), id(b)).into(),
        ),
        None => ("unknown".into(), Value::Null, Value::Null),
    }
}

fn state_of(props: &Value) -> (String, Value, Value) {
    (
        props["status"].as_str().unwrap().to_owned(),
        props["holder"].clone(),
        props["contested_by"].clone(),
    )
}

#[test]
fn geojson_has_abu_kamal_held_by_the_syrian_government_from_the_9th_to_the_11th() {
    let doc = geojson(&ExportOptions::default());
    assert_eq!(doc["type"], "FeatureCollection");
    assert!(doc["name"].as_str().is_some_and(|n| !n.is_empty()));
    let periods: Vec<(&str, &str, &str, Value)> = place_features(&doc, "abu_kamal")
        .into_iter()
        .map(|p| {
            (
                p["status"].as_str().unwrap(),
                p["holder"].as_str().unwrap_or(""),
                p["start"].as_str().unwrap(),
                p["end"].clone(),
            )
        })
        .collect();
    assert_eq!(
        periods,
        [
            (
                "held",
                "islamic_state",
                "2017-11-03T00:00:00Z",
                "2017-11-09T00:00:00Z".into()
            ),
            (
                "held",
                "syrian_government",
                "2017-11-09T00:00:00Z",
                "2017-11-11T00:00:00Z".into()
            ),
            ("held", "islamic_state", "2017-11-11T00:00:00Z", Value::Null),
        ]
    );
    let government = place_features(&doc, "abu_kamal")[1];
    assert_eq!(government["holder_name"], "Syrian government and allies");
    assert_eq!(government["colour"], "#d62020");
    assert_eq!(government["basis"], "stated");
    assert_eq!(government["time"], government["start"]);
    assert_eq!(
        government["sources"],
        "bukamal-recaptured-2017-11-12; albu-kamal-beirut; mee-albu-kamal"
    );
    assert_eq!(government["quotes"], 4);
    // The last period gathers the quotes of the recapture (11 Nov) and of the report of the
    // 12th.
    let s = store();
    let quotes_from_the_11th: usize = s
        .place_events(place("abu_kamal"))
        .into_iter()
        .map(|e| &s.events[e])
        .filter(|e| e.date >= day("2017-11-11"))
        .map(|e| e.quotes.len())
        .sum();
    assert!(quotes_from_the_11th >= 9 + 2);
    assert_eq!(
        place_features(&doc, "abu_kamal")[2]["quotes"],
        quotes_from_the_11th
    );
}

#[test]
fn geojson_points_are_longitude_then_latitude() {
    let doc = geojson(&ExportOptions::default());
    for f in features(&doc) {
        let p = &store().places[place(f["properties"]["place"].as_str().unwrap())];
        assert_eq!(f["geometry"]["type"], "Point");
        assert_eq!(
            f["geometry"]["coordinates"],
            serde_json::json!([p.lon, p.lat])
        );
        assert_eq!(f["properties"]["name"], p.name.as_str());
    }
}

#[test]
fn geojson_contested_inferred_and_never_reported_places() {
    let doc = geojson(&ExportOptions::default());
    let qaim = place_features(&doc, "al_qaim");
    assert_eq!(qaim[0]["status"], "contested");
    assert_eq!(qaim[0]["contested_by"], "islamic_state; iraqi_government");
    assert_eq!(qaim[0]["holder"], Value::Null);
    assert_eq!(qaim[1]["holder"], "iraqi_government");
    assert_eq!(qaim[1]["basis"], "inferred");

    let husaybah = place_features(&doc, "husaybah");
    assert_eq!(husaybah.len(), 1, "{husaybah:?}");
    assert_eq!(husaybah[0]["status"], "unknown");
    assert_eq!(husaybah[0]["start"], utc(store().span().unwrap().0));
    assert_eq!(husaybah[0]["end"], Value::Null);
    assert_eq!(husaybah[0]["sources"], Value::Null);
    assert_eq!(husaybah[0]["colour"], "#8c8c8c");

    // Unknown until its first event.
    let rummanah = place_features(&doc, "rummanah");
    assert_eq!(rummanah[0]["status"], "unknown");
    assert_eq!(rummanah[0]["end"], "2017-11-11T00:00:00Z");
    assert_eq!(rummanah[1]["holder"], "iraqi_government");
}

/// At every instant of the span, each place has exactly one period, and it says what the store
/// says.
#[test]
fn geojson_periods_agree_with_the_store_at_every_instant() {
    let doc = geojson(&ExportOptions::default());
    let (start, end) = store().span().unwrap();
    let mut t = start;
    while t <= end {
        for (ix, p) in store().places.iter().enumerate() {
            let here: Vec<&Value> = place_features(&doc, &p.id)
                .into_iter()
                .filter(|f| {
                    parse_utc(f["start"].as_str().unwrap()) <= t
                        && f["end"].as_str().is_none_or(|e| t < parse_utc(e))
                })
                .collect();
            assert_eq!(here.len(), 1, "{} at {t}: {here:?}", p.id);
            assert_eq!(
                state_of(here[0]),
                expected(store().state_at(ix, t).control),
                "{} at {t}",
                p.id
            );
        }
        t += Duration::hours(5);
    }
}

#[test]
fn geojson_daily_has_every_place_every_day_in_its_state_at_the_end_of_the_day() {
    let doc = geojson(&ExportOptions {
        daily: true,
        ..Default::default()
    });
    let (start, end) = store().span().unwrap();
    let days = (end.date() - start.date()).num_days() as usize + 1;
    assert_eq!(features(&doc).len(), store().places.len() * days);
    for f in features(&doc) {
        let props = &f["properties"];
        let from = parse_utc(props["start"].as_str().unwrap());
        let to = parse_utc(props["end"].as_str().unwrap());
        assert_eq!(to - from, Duration::days(1));
        assert_eq!(from.time(), chrono::NaiveTime::MIN);
        assert_eq!(props["time"], props["start"]);
        let ix = place(props["place"].as_str().unwrap());
        let last_second = to - Duration::seconds(1);
        assert_eq!(
            state_of(props),
            expected(store().state_at(ix, last_second).control),
            "{props}"
        );
    }
    // On the 9th, Abu Kamal's sources are those of the capture only.
    let ninth = place_features(&doc, "abu_kamal")
        .into_iter()
        .find(|p| p["start"] == "2017-11-09T00:00:00Z")
        .unwrap();
    assert_eq!(ninth["holder"], "syrian_government");
    assert_eq!(ninth["quotes"], 4);
}

#[test]
fn geojson_window_clips_the_periods() {
    let doc = geojson(&ExportOptions {
        from: Some(day("2017-11-10")),
        to: Some(day("2017-11-10")),
        ..Default::default()
    });
    let abu_kamal = place_features(&doc, "abu_kamal");
    assert_eq!(abu_kamal.len(), 1, "{abu_kamal:?}");
    assert_eq!(abu_kamal[0]["holder"], "syrian_government");
    assert_eq!(abu_kamal[0]["start"], "2017-11-10T00:00:00Z");
    assert_eq!(abu_kamal[0]["end"], "2017-11-11T00:00:00Z");
    assert_eq!(features(&doc).len(), store().places.len());
}

/// GDAL (and so QGIS) must read `start`, `end` and `time` as DateTime, not String or Date.
#[test]
fn gdal_reads_start_and_end_as_datetimes() {
    if Command::new("ogrinfo").arg("--version").output().is_err() {
        eprintln!(
            "skipped: ogrinfo is not on the PATH (apt-get install gdal-bin to run this check)"
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for daily in [false, true] {
        let path = dir.path().join(format!("control-{daily}.geojson"));
        let file = std::fs::File::create(&path).unwrap();
        write_geojson(
            store(),
            &ExportOptions {
                daily,
                ..Default::default()
            },
            std::io::BufWriter::new(file),
        )
        .unwrap();
        let out = Command::new("ogrinfo")
            .args(["-al", "-so"])
            .arg(&path)
            .output()
            .unwrap();
        let info = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "ogrinfo failed: {info}");
        let features = features(&geojson(&ExportOptions {
            daily,
            ..Default::default()
        }))
        .len();
        assert!(
            info.contains(&format!("Feature Count: {features}")),
            "{info}"
        );
        assert!(info.contains("Geometry: Point"), "{info}");
        for field in ["start: DateTime", "end: DateTime", "time: DateTime"] {
            assert!(
                info.lines().any(|l| l.trim().starts_with(field)),
                "{field} missing (daily: {daily}):\n{info}"
            );
        }
    }
}

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
