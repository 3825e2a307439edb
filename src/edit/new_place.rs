//! New places from the regional gazetteer: a claim about a town the data does not have yet
//! adds the town to `places.toml`, with the gazetteer's coordinates and names, before the
//! claim.

use super::NewPlace;
use crate::store::gazetteer::{GazetteerIndex, GazetteerPlace};
use crate::store::names::match_key;
use crate::store::{PlaceKind, Store};

/// Where a place placed by hand says its coordinates come from (`source` in places.toml).
pub const PLACED_BY_HAND: &str = "placed by hand";

/// What the gazetteer says of a name the data does not know.
#[derive(Debug, Clone, PartialEq)]
pub enum FromGazetteer {
    /// A place the data does not have: it can be added.
    New(NewPlace),
    /// The gazetteer's place is one the data has, under another name.
    Known { gazetteer: String, data: String },
}

/// The gazetteer's place for a name the data does not know (by id, name or any alias; the
/// most populous when several share the name), and whether the data has it under another
/// name. `None` when the gazetteer does not know the name either.
pub fn lookup(store: &Store, name: &str) -> Option<FromGazetteer> {
    let g = GazetteerIndex::bundled().lookup(name)?;
    // Where the data has the place (under one of the gazetteer's names for it), it wins.
    if let Some(n) = g.names().find(|n| store.place_names.knows(n)) {
        let data = match store.find_place(n) {
            crate::store::Lookup::Found(p) => store.places[p].name.clone(),
            _ => "several places".to_owned(),
        };
        return Some(FromGazetteer::Known {
            gazetteer: g.name.clone(),
            data,
        });
    }
    Some(FromGazetteer::New(new_place(g)))
}

impl NewPlace {
    /// What the claim form says of it: "new place: Hīt (33.6366, 42.8277), from the regional
    /// gazetteer; it will be added to places.toml".
    pub fn sentence(&self) -> String {
        let from = if self.source == PLACED_BY_HAND {
            "placed by hand"
        } else {
            "from the regional gazetteer"
        };
        format!(
            "new place: {} ({:.4}, {:.4}), {from}; it will be added to {}",
            self.name,
            self.lat,
            self.lon,
            crate::store::load::PLACES_FILE
        )
    }
}

/// The `[[place]]` entry for a gazetteer place: its names (each once), its coordinates, a
/// kind from its population, and where it comes from.
fn new_place(g: &GazetteerPlace) -> NewPlace {
    let mut seen = vec![match_key(&g.name)];
    let mut aliases = Vec::new();
    for a in &g.aliases {
        let key = match_key(a);
        if !key.is_empty() && !seen.contains(&key) {
            seen.push(key);
            aliases.push(a.clone());
        }
    }
    let kind = match g.population {
        100_000.. => PlaceKind::City,
        1..10_000 => PlaceKind::Village,
        _ => PlaceKind::Town,
    };
    let id = match g.geonameid {
        Some(n) => format!(", GeoNames id {n}"),
        None => String::new(),
    };
    NewPlace {
        id: g.id.clone(),
        name: g.name.clone(),
        kind,
        country: g.country.clone(),
        lat: g.latitude,
        lon: g.longitude,
        aliases,
        source: format!("GeoNames cities500 (CC BY 4.0, geonames.org){id}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_town_the_data_lacks_is_new_and_one_it_has_is_known() {
        let store = crate::bundled::store();
        match lookup(&store, "Hit") {
            Some(FromGazetteer::New(p)) => {
                assert_eq!(p.id, "hit");
                assert_eq!(p.country, "IQ");
                assert!((33.0..34.5).contains(&p.lat), "{}", p.lat);
                assert!(p.source.contains("GeoNames"));
                assert!(!p.aliases.iter().any(|a| match_key(a) == "hit"));
            }
            other => panic!("{other:?}"),
        }
        // By an alias, in Arabic script.
        assert!(matches!(lookup(&store, "هيت"), Some(FromGazetteer::New(p)) if p.id == "hit"));
        // Abu Kamal is in the data: the gazetteer's record of it is not a new place.
        assert!(matches!(
            lookup(&store, "Abu Kamal"),
            Some(FromGazetteer::Known { data, .. }) if data == "Abu Kamal"
        ));
        assert_eq!(lookup(&store, "Atlantis"), None);
        assert_eq!(lookup(&store, "  "), None);
    }
}
