//! The data and basemap compiled into the binary, so that `frontline` works from any directory
//! and offline.

use include_dir::{Dir, include_dir};

use crate::store::DataSource;

/// The bundled data directory (`data/`).
pub static DATA: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/data");
/// The bundled assets (`assets/`: basemap GeoJSON, fonts).
pub static ASSETS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/assets");

pub fn data_source() -> DataSource {
    DataSource::Embedded(&DATA)
}

/// An asset's bytes, e.g. `basemap/rivers.geojson`.
pub fn asset(path: &str) -> Option<&'static [u8]> {
    ASSETS.get_file(path).map(|f| f.contents())
}
