//! The bundled data loaded once for the export tests, and its places and days by name.

use std::sync::LazyLock;

use chrono::NaiveDate;
use frontline::export::{ExportOptions, write_geojson};
use frontline::store::{DataSource, PlaceIx, Store};
use serde_json::Value;

pub static STORE: LazyLock<Store> = LazyLock::new(|| load(&super::bundled_dir()));

pub fn load(dir: &std::path::Path) -> Store {
    let store = Store::load(&DataSource::Dir(dir.to_path_buf()));
    assert_eq!(
        store.diagnostics.error_count(),
        0,
        "{:?}",
        store.diagnostics
    );
    store
}

pub fn store() -> &'static Store {
    &STORE
}

pub fn place(id: &str) -> PlaceIx {
    store().places.iter().position(|p| p.id == id).unwrap()
}

pub fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

pub fn geojson(options: &ExportOptions) -> Value {
    let mut out = Vec::new();
    write_geojson(store(), options, &mut out).unwrap();
    serde_json::from_slice(&out).unwrap()
}

pub fn features(doc: &Value) -> &Vec<Value> {
    doc["features"].as_array().unwrap()
}

/// The properties of a place's features, in order.
pub fn place_features<'a>(doc: &'a Value, place: &str) -> Vec<&'a Value> {
    features(doc)
        .iter()
        .map(|f| &f["properties"])
        .filter(|p| p["place"] == place)
        .collect()
}
