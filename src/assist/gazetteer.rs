//! The bundled regional gazetteer (GeoNames, CC BY 4.0): the populated places of Syria and Iraq,
//! for the places an article names that the data does not have yet.

use serde::Deserialize;

/// The gazetteer compiled into the program (`assets/gazetteer/region.json`).
const BUNDLED: &str = include_str!("../../assets/gazetteer/region.json");

/// One populated place.
#[derive(Debug, Clone, Deserialize)]
pub struct GazetteerPlace {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub latitude: f64,
    pub longitude: f64,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    #[serde(default)]
    pub population: u64,
    /// GeoNames' own id, for provenance.
    #[serde(default)]
    pub geonameid: Option<u64>,
}

/// A list of places with their names and coordinates.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Gazetteer {
    pub places: Vec<GazetteerPlace>,
}

impl Gazetteer {
    /// The bundled regional gazetteer.
    pub fn bundled() -> Gazetteer {
        // The file is part of the source tree and checked by a test: a parse failure is a
        // build defect, not a user error.
        Gazetteer::from_json(BUNDLED).expect("the bundled gazetteer is valid JSON")
    }

    /// Reads a gazetteer in the bundled file's format (`{"places": [{id, name, aliases,
    /// latitude, longitude, country, population}]}`).
    pub(crate) fn from_json(json: &str) -> Result<Gazetteer, serde_json::Error> {
        serde_json::from_str(json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_gazetteer_loads_with_coordinates_in_the_region() {
        let g = Gazetteer::bundled();
        assert!(g.places.len() > 400, "{}", g.places.len());
        for p in &g.places {
            assert!(matches!(p.country.as_str(), "SY" | "IQ"), "{}", p.id);
            assert!((29.0..38.0).contains(&p.latitude), "{}", p.id);
            assert!((35.0..49.0).contains(&p.longitude), "{}", p.id);
        }
        assert!(g.places.iter().any(|p| p.id == "hit"));
    }
}
