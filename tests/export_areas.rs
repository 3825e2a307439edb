//! `frontline export areas`: the areas of control and front lines as GeoJSON, valid geometry,
//! read back by GDAL (`ogrinfo`, from gdal-bin) with the fields QGIS needs.

use assert_cmd::Command;
use geo::{Contains, LineString, MultiPolygon, Point, Polygon, Validation, Winding};
use serde_json::Value;
use tempfile::TempDir;

fn export(dir: &TempDir, name: &str, args: &[&str]) -> Value {
    let out = dir.path().join(name);
    let output = Command::cargo_bin("frontline")
        .expect("the frontline binary")
        .args(["export", "areas", "--out"])
        .arg(&out)
        .args(args)
        .output()
        .expect("ran frontline");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap()
}

fn ring(v: &Value) -> LineString<f64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|c| (c[0].as_f64().unwrap(), c[1].as_f64().unwrap()))
        .collect::<Vec<_>>()
        .into()
}

fn multi_polygon(geometry: &Value) -> MultiPolygon<f64> {
    assert_eq!(geometry["type"], "MultiPolygon");
    MultiPolygon::new(
        geometry["coordinates"]
            .as_array()
            .unwrap()
            .iter()
            .map(|rings| {
                let rings = rings.as_array().unwrap();
                let polygon = Polygon::new(ring(&rings[0]), rings[1..].iter().map(ring).collect());
                // Closed rings, exterior counter-clockwise and holes clockwise (RFC 7946).
                for r in &rings[..] {
                    let r = r.as_array().unwrap();
                    assert!(r.len() >= 4 && r.first() == r.last(), "a closed ring");
                }
                assert!(polygon.exterior().is_ccw());
                assert!(polygon.interiors().iter().all(|h| h.is_cw()));
                polygon
            })
            .collect(),
    )
}

#[test]
fn areas_at_an_instant_are_valid_and_hold_their_places() {
    let dir = TempDir::new().unwrap();
    let value = export(&dir, "areas.geojson", &["--at", "2017-11-11"]);
    assert_eq!(value["type"], "FeatureCollection");
    let features = value["features"].as_array().unwrap();
    let areas: Vec<&Value> = features
        .iter()
        .filter(|f| f["properties"]["kind"] == "area")
        .collect();
    let fronts: Vec<&Value> = features
        .iter()
        .filter(|f| f["properties"]["kind"] == "front")
        .collect();
    for f in &features[..] {
        assert_eq!(f["properties"]["inferred"], true);
        assert_eq!(f["properties"]["date"], "2017-11-11");
    }
    // On the 11th Islamic State has retaken Abu Kamal; Iraqi forces hold Al-Qa'im.
    let held_by = |holder: &str| {
        areas
            .iter()
            .find(|f| f["properties"]["holder"] == holder && f["properties"]["status"] == "held")
            .unwrap_or_else(|| panic!("an area held by {holder}"))
    };
    let is = held_by("islamic_state");
    assert!(
        is["properties"]["places"]
            .as_str()
            .unwrap()
            .split("; ")
            .any(|p| p == "abu_kamal")
    );
    assert_eq!(is["properties"]["holder_name"], "Islamic State");
    let shape = multi_polygon(&is["geometry"]);
    assert!(shape.is_valid(), "{:?}", shape.validation_errors());
    assert!(
        shape.contains(&Point::new(40.91854, 34.45226)),
        "Abu Kamal is in it"
    );
    let iraq = multi_polygon(&held_by("iraqi_government")["geometry"]);
    assert!(!iraq.contains(&Point::new(40.91854, 34.45226)));
    for f in &areas {
        let shape = multi_polygon(&f["geometry"]);
        assert!(
            shape.is_valid(),
            "{}: {:?}",
            f["properties"],
            shape.validation_errors()
        );
    }
    // A front line between the two, naming both.
    let front = fronts
        .iter()
        .find(|f| {
            let p = &f["properties"];
            p["holder_a"] == "islamic_state" && p["holder_b"] == "iraqi_government"
        })
        .expect("a front line between Islamic State and Iraqi forces");
    assert_eq!(front["geometry"]["type"], "LineString");
    assert!(front["geometry"]["coordinates"].as_array().unwrap().len() >= 2);
    // Unknown places (Husaybah, never reported by then) make no area.
    assert!(!areas.iter().any(|f| {
        f["properties"]["places"]
            .as_str()
            .unwrap()
            .contains("husaybah")
    }));
}

#[test]
fn daily_areas_are_read_by_gdal_with_a_date_field() {
    let dir = TempDir::new().unwrap();
    let value = export(
        &dir,
        "daily.geojson",
        &["--daily", "--from", "2017-11-08", "--to", "2017-11-12"],
    );
    let features = value["features"].as_array().unwrap();
    let mut dates: Vec<&str> = features
        .iter()
        .filter_map(|f| f["properties"]["date"].as_str())
        .collect();
    dates.dedup();
    assert_eq!(
        dates,
        [
            "2017-11-08",
            "2017-11-09",
            "2017-11-10",
            "2017-11-11",
            "2017-11-12"
        ]
    );
    // On the 9th the Syrian government holds Abu Kamal; on the 11th Islamic State again.
    let holder_of_abu_kamal = |date: &str| {
        features
            .iter()
            .find(|f| {
                let p = &f["properties"];
                p["date"] == date
                    && p["kind"] == "area"
                    && p["places"]
                        .as_str()
                        .unwrap()
                        .split("; ")
                        .any(|x| x == "abu_kamal")
            })
            .map(|f| f["properties"]["holder"].clone())
    };
    assert_eq!(
        holder_of_abu_kamal("2017-11-09"),
        Some(Value::from("syrian_government"))
    );
    assert_eq!(
        holder_of_abu_kamal("2017-11-11"),
        Some(Value::from("islamic_state"))
    );

    let file = dir.path().join("daily.geojson");
    let output = std::process::Command::new("ogrinfo")
        .args(["-ro", "-al", "-so"])
        .arg(&file)
        .output()
        .expect("ogrinfo (apt-get install gdal-bin) reads the export");
    let info = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{info}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(info.contains("Layer name: frontline_areas"), "{info}");
    assert!(
        info.contains(&format!("Feature Count: {}", features.len())),
        "{info}"
    );
    // Areas and front lines in one layer: GDAL reports mixed geometry.
    assert!(info.contains("Geometry: Unknown (any)"), "{info}");
    for field in [
        "date: Date",
        "holder: String",
        "holder_name: String",
        "places: String",
        "inferred: Integer(Boolean)",
        "status: String",
        "holder_a: String",
        "holder_b: String",
    ] {
        assert!(info.contains(field), "{field} in\n{info}");
    }
    // Every geometry is read: the WKT GDAL prints names both kinds.
    let output = std::process::Command::new("ogrinfo")
        .args(["-ro", "-al", "-geom=SUMMARY"])
        .arg(&file)
        .output()
        .unwrap();
    let all = String::from_utf8_lossy(&output.stdout);
    assert!(all.contains("MULTIPOLYGON : "), "{all}");
    assert!(all.contains("LINESTRING : "), "{all}");
    assert!(!String::from_utf8_lossy(&output.stderr).contains("ERROR"));
}

#[test]
fn a_bad_instant_is_refused_before_anything_is_written() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("x.geojson");
    let output = Command::cargo_bin("frontline")
        .unwrap()
        .args(["export", "areas", "--at", "eleventh", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("eleventh"));
    assert!(!out.exists());
}

/// `--reach` sets how far a kind's cells reach: Deir ez-Zor (a city, alone in its part of the
/// map) holds a larger area at 40 km than at the default 25, and a smaller one at 10.
#[test]
fn the_reach_by_kind_is_taken_from_the_command_line() {
    use geo::Area;
    let dir = TempDir::new().unwrap();
    let syrian_area = |name: &str, args: &[&str]| {
        let mut all = vec!["--at", "2017-11-11"];
        all.extend_from_slice(args);
        let value = export(&dir, name, &all);
        let feature = value["features"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| {
                f["properties"]["kind"] == "area"
                    && f["properties"]["holder"] == "syrian_government"
            })
            .cloned()
            .expect("an area held by the Syrian government");
        multi_polygon(&feature["geometry"]).unsigned_area()
    };
    let default = syrian_area("default.geojson", &[]);
    let wide = syrian_area("wide.geojson", &["--reach", "city=40"]);
    let narrow = syrian_area(
        "narrow.geojson",
        &["--reach", "city=10", "--reach", "town=5"],
    );
    assert!(wide > default * 1.5, "{wide} against {default}");
    assert!(narrow < default * 0.5, "{narrow} against {default}");

    let out = Command::cargo_bin("frontline")
        .unwrap()
        .args(["export", "areas", "--reach", "hamlet=3", "--out"])
        .arg(dir.path().join("bad.geojson"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "`hamlet` is not a kind of place; the kinds are city, town, village, crossing"
        ),
        "{err}"
    );
    assert!(!dir.path().join("bad.geojson").exists());
}
