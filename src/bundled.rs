//! The data and basemap compiled into the binary, so that `frontline` works from any directory
//! and offline.

use include_dir::{Dir, include_dir};

use crate::store::{DataSource, Store};

/// The bundled data directory (`data/`).
pub(crate) static DATA: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/data");
/// The bundled basemap (`assets/basemap/`: Natural Earth GeoJSON).
pub(crate) static BASEMAP: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/assets/basemap");

pub fn data_source() -> DataSource {
    DataSource::Embedded(&DATA)
}

/// The bundled data, loaded and validated.
pub fn store() -> Store {
    Store::load(&data_source())
}

/// A basemap layer's bytes, e.g. `rivers.geojson`.
pub(crate) fn basemap_layer(file: &str) -> Option<&'static [u8]> {
    BASEMAP.get_file(file).map(|f| f.contents())
}
