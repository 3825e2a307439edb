//! ACLED's locations as Frontline places. ACLED spells one town several ways ("Abu Kamal",
//! "Al Bukamal"); rows are one place when they are within about a kilometre of each other, or
//! when their names are aliases of one town in the bundled regional gazetteer, so that the map
//! shows one marker and one history per town.

use std::collections::HashMap;

use super::super::super::names::match_key;
use super::actors::slug;

/// Rows this close (km) are one place.
const SAME_PLACE_KM: f64 = 1.0;
/// Rows naming one gazetteer town are one place when this close (km): a town is a few
/// kilometres across, and two towns of one name are further apart.
const SAME_TOWN_KM: f64 = 15.0;
/// Grid cells of this many degrees (about 1.1 km of latitude), for the search of neighbours.
const CELL_DEG: f64 = 0.01;

/// One place found in the file.
pub struct FoundPlace {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub lat: f64,
    pub lon: f64,
    pub country: String,
    pub geo_precision: Option<u8>,
    pub line: usize,
    pub offset: usize,
}

/// The places of a file, with the indexes that merge rows into them.
pub struct Places {
    pub found: Vec<FoundPlace>,
    /// Grid cell -> places in it.
    grid: HashMap<(i32, i32), Vec<usize>>,
    /// Match key of a name -> the town it names (a gazetteer id), from the bundled gazetteer.
    towns: HashMap<String, String>,
    /// (match key, or town) -> places of that name.
    by_name: HashMap<String, Vec<usize>>,
    /// Explicit ids (Frontline's own `tags`: `place=ID`) -> place.
    by_id: HashMap<String, usize>,
}

/// A row's location, as written.
pub struct Location<'a> {
    pub id: Option<&'a str>,
    pub name: &'a str,
    pub lat: f64,
    pub lon: f64,
    pub country: &'a str,
    pub geo_precision: Option<u8>,
}

impl Places {
    /// `towns`: every name of every town known ahead (name, town id).
    pub fn new<'a>(towns: impl IntoIterator<Item = (&'a str, &'a str)>) -> Places {
        let mut map = HashMap::new();
        for (name, town) in towns {
            let key = match_key(name);
            if !key.is_empty() {
                map.entry(key).or_insert_with(|| town.to_owned());
            }
        }
        Places {
            found: Vec::new(),
            grid: HashMap::new(),
            towns: map,
            by_name: HashMap::new(),
            by_id: HashMap::new(),
        }
    }

    /// The place of a row's location: a known one if it is the same, else a new one.
    pub fn place_of(&mut self, loc: &Location, line: usize, offset: usize) -> usize {
        if let Some(id) = loc.id
            && let Some(&ix) = self.by_id.get(id)
        {
            return ix;
        }
        let key = match_key(loc.name);
        let name_key = self.towns.get(&key).cloned().unwrap_or(key);
        let same = loc
            .id
            .is_none()
            .then(|| self.nearby(loc, &name_key))
            .flatten();
        if let Some(ix) = same {
            let p = &mut self.found[ix];
            if p.name != loc.name && !p.aliases.iter().any(|a| a == loc.name) {
                p.aliases.push(loc.name.to_owned());
                self.by_name.entry(name_key).or_default().push(ix);
            }
            return ix;
        }
        let ix = self.found.len();
        let id = self.unique_id(loc.id.map_or_else(|| slug(loc.name), str::to_owned));
        self.by_id.insert(id.clone(), ix);
        self.grid
            .entry(cell(loc.lat, loc.lon))
            .or_default()
            .push(ix);
        self.by_name.entry(name_key).or_default().push(ix);
        self.found.push(FoundPlace {
            id,
            name: loc.name.to_owned(),
            aliases: Vec::new(),
            lat: loc.lat,
            lon: loc.lon,
            country: loc.country.to_owned(),
            geo_precision: loc.geo_precision,
            line,
            offset,
        });
        ix
    }

    /// A place within a kilometre, or of the same town's name within a town's reach.
    fn nearby(&self, loc: &Location, name_key: &str) -> Option<usize> {
        let (cx, cy) = cell(loc.lat, loc.lon);
        let close = (-1..=1)
            .flat_map(|dx| (-1..=1).map(move |dy| (cx + dx, cy + dy)))
            .filter_map(|c| self.grid.get(&c))
            .flatten()
            .copied()
            .find(|&ix| {
                let p = &self.found[ix];
                haversine_km(p.lat, p.lon, loc.lat, loc.lon) <= SAME_PLACE_KM
            });
        close.or_else(|| {
            self.by_name.get(name_key)?.iter().copied().find(|&ix| {
                let p = &self.found[ix];
                haversine_km(p.lat, p.lon, loc.lat, loc.lon) <= SAME_TOWN_KM
            })
        })
    }

    fn unique_id(&self, base: String) -> String {
        let base = if base.is_empty() {
            "place".to_owned()
        } else {
            base
        };
        let mut id = base.clone();
        let mut n = 1;
        while self.by_id.contains_key(&id) {
            n += 1;
            id = format!("{base}_{n}");
        }
        id
    }
}

/// The great-circle distance in kilometres.
fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().asin()
}

fn cell(lat: f64, lon: f64) -> (i32, i32) {
    (
        (lat / CELL_DEG).floor() as i32,
        (lon / CELL_DEG).floor() as i32,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loc(name: &str, lat: f64, lon: f64) -> Location<'_> {
        Location {
            id: None,
            name,
            lat,
            lon,
            country: "Syria",
            geo_precision: Some(1),
        }
    }

    #[test]
    fn two_names_at_one_spot_are_one_place_and_far_apart_are_two() {
        let mut p = Places::new([]);
        let a = p.place_of(&loc("Abu Kamal", 34.4522, 40.9185), 2, 0);
        let b = p.place_of(&loc("Al Bukamal", 34.4550, 40.9200), 3, 0);
        let c = p.place_of(&loc("Hajin", 34.69, 40.83), 4, 0);
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(p.found[a].aliases, vec!["Al Bukamal".to_owned()]);
    }

    #[test]
    fn gazetteer_aliases_join_rows_a_few_kilometres_apart() {
        let mut p = Places::new([("Abu Kamal", "abu_kamal"), ("Al-Bukamal", "abu_kamal")]);
        let a = p.place_of(&loc("Abu Kamal", 34.4522, 40.9185), 2, 0);
        let b = p.place_of(&loc("Al Bukamal", 34.48, 40.95), 3, 0);
        assert_eq!(a, b);
        let mut q = Places::new([]);
        let a = q.place_of(&loc("Abu Kamal", 34.4522, 40.9185), 2, 0);
        let b = q.place_of(&loc("Al Bukamal", 34.48, 40.95), 3, 0);
        assert_ne!(a, b, "without the alias, 4 km apart are two places");
    }
}
