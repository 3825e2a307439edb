//! The bundled regional gazetteer (GeoNames, CC BY 4.0): the populated places of Syria and Iraq,
//! for the places an article names that the data does not have yet (the assistant, the
//! workbench's new places) and for joining an ACLED file's spellings of one town. It lives in
//! the store because the ACLED reader needs it; the layers above take it from here.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::names::match_key;

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

impl GazetteerPlace {
    /// Every name the place goes by: its id, its name, then its aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        [self.id.as_str(), self.name.as_str()]
            .into_iter()
            .chain(self.aliases.iter().map(String::as_str))
    }
}

/// A gazetteer with its places by the match key of every name (id, name, alias; case and
/// accents ignored), for finding the place a name stands for.
pub struct GazetteerIndex {
    pub gazetteer: Gazetteer,
    by_key: HashMap<String, Vec<usize>>,
}

impl GazetteerIndex {
    pub fn new(gazetteer: Gazetteer) -> GazetteerIndex {
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, g) in gazetteer.places.iter().enumerate() {
            for name in g.names() {
                let key = match_key(name);
                if key.is_empty() {
                    continue;
                }
                let entry = by_key.entry(key).or_default();
                if !entry.contains(&i) {
                    entry.push(i);
                }
            }
        }
        GazetteerIndex { gazetteer, by_key }
    }

    /// The bundled gazetteer, indexed once: the claim form asks every frame, and every
    /// ACLED-format file read asks again.
    pub fn bundled() -> &'static GazetteerIndex {
        static INDEX: OnceLock<GazetteerIndex> = OnceLock::new();
        INDEX.get_or_init(|| GazetteerIndex::new(Gazetteer::bundled()))
    }

    /// The place a name stands for (by id, name or any alias; the most populous when several
    /// share the name), or `None` when no place goes by it.
    pub fn lookup(&self, name: &str) -> Option<&GazetteerPlace> {
        let key = match_key(name.trim());
        if key.is_empty() {
            return None;
        }
        self.by_key
            .get(&key)?
            .iter()
            .map(|&i| &self.gazetteer.places[i])
            .max_by_key(|g| g.population)
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

    fn place(id: &str, name: &str, aliases: &[&str], population: u64) -> GazetteerPlace {
        GazetteerPlace {
            id: id.into(),
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            latitude: 34.0,
            longitude: 40.0,
            country: "SY".into(),
            population,
            geonameid: None,
        }
    }

    #[test]
    fn a_name_finds_its_place_by_id_name_or_alias_and_the_most_populous_wins() {
        let ix = GazetteerIndex::new(Gazetteer {
            places: vec![
                place("tell_small", "Tell Abyad", &["Tal Abyad"], 100),
                place("tell_big", "Tall Abyad", &["Tell Abyad", "تل أبيض"], 40_000),
                place("hit", "Hīt", &["Heet"], 60_000),
            ],
        });
        let id = |name: &str| ix.lookup(name).map(|p| p.id.as_str());
        assert_eq!(id("hit"), Some("hit"));
        // Accents and case are ignored; an alias is a name.
        assert_eq!(id("HIT"), Some("hit"));
        assert_eq!(id(" heet "), Some("hit"));
        // Two places called "Tell Abyad": the larger one.
        assert_eq!(id("Tell Abyad"), Some("tell_big"));
        assert_eq!(id("Tal Abyad"), Some("tell_small"));
        assert_eq!(id("تل أبيض"), Some("tell_big"));
        assert_eq!(id("Atlantis"), None);
        assert_eq!(id("  "), None);
    }

    #[test]
    fn the_bundled_index_finds_a_town_by_its_arabic_alias() {
        let hit = GazetteerIndex::bundled()
            .lookup("هيت")
            .map(|p| p.id.as_str());
        assert_eq!(hit, Some("hit"));
    }
}
