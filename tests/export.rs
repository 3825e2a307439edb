//! The GeoJSON exporter on the bundled data: control periods that agree with the store at every
//! instant, and that GDAL types as DateTime (annotations and CSV are in `export_records.rs`).

mod common;

use std::process::Command;

use chrono::{Duration, NaiveDateTime};
use frontline::export::{ExportOptions, write_geojson};
use frontline::store::Control;
use serde_json::Value;

use common::export::{day, features, geojson, place, place_features, store};

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
