//! Where the synthetic places are: strung along the Tigris and the Euphrates of the bundled
//! basemap and along made-up tributaries, each pushed a little off its river, so that they
//! lie on land in the region the basemap shows.

use std::collections::HashSet;

use super::rng::Rng;
use super::vocabulary::{ACTORS, place_name, slug};
use crate::geo::{self, Line};
use crate::store::PlaceKind;
use crate::store::names::match_key;

/// A place being generated.
pub(super) struct SynthPlace {
    pub id: String,
    pub name: String,
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 code of the country it is in.
    pub country: &'static str,
    pub lon: f64,
    pub lat: f64,
}

/// Tributaries stay inside this box (lon, lat), the region the basemap covers.
const REGION_LON: std::ops::RangeInclusive<f64> = 37.0..=45.0;
const REGION_LAT: std::ops::RangeInclusive<f64> = 32.0..=38.0;

/// How many points near a river are tried for a place before one on land is given up on.
const TRIES_FOR_LAND: usize = 50;

/// `n` places with distinct names, along the rivers, on land.
pub(super) fn places(rng: &mut Rng, n: usize) -> Vec<SynthPlace> {
    let rivers = Rivers::new(river_lines(rng, (n / 60).clamp(2, 40)));
    let land = Land::bundled();
    let mut keys = HashSet::new();
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let mut at = rivers.point_near(rng);
        for _ in 1..TRIES_FOR_LAND {
            if land.contains(at) {
                break;
            }
            at = rivers.point_near(rng);
        }
        let kind = match rng.below(100) {
            0..=3 => PlaceKind::City,
            4..=23 => PlaceKind::Town,
            24..=27 => PlaceKind::BorderCrossing,
            _ => PlaceKind::Village,
        };
        let mut name = place_name(rng);
        let mut tries = 0;
        while keys.contains(&match_key(&name)) {
            tries += 1;
            name = if tries < 8 {
                place_name(rng)
            } else {
                format!("{} {}", place_name(rng), i)
            };
        }
        keys.insert(match_key(&name));
        if kind == PlaceKind::BorderCrossing {
            name.push_str(" crossing");
            keys.insert(match_key(&name));
        }
        let (lon, lat) = ((at[0] * 1e5).round() / 1e5, (at[1] * 1e5).round() / 1e5);
        out.push(SynthPlace {
            id: format!("{}_{i}", slug(&name)),
            name,
            kind,
            country: country(lon, lat),
            lon,
            lat,
        });
    }
    out
}

/// River lines and their lengths, to draw points along them evenly.
struct Rivers {
    lines: Vec<Line>,
    /// Each line's segment lengths, and each line's total.
    lengths: Vec<Vec<f64>>,
    totals: Vec<f64>,
}

impl Rivers {
    fn new(lines: Vec<Line>) -> Rivers {
        let lengths: Vec<Vec<f64>> = lines.iter().map(|l| segment_lengths(l)).collect();
        let totals = lengths.iter().map(|l| l.iter().sum()).collect();
        Rivers {
            lines,
            lengths,
            totals,
        }
    }

    /// A point along a river, pushed off it a little (lon, lat).
    fn point_near(&self, rng: &mut Rng) -> [f64; 2] {
        let r = rng.weighted(&self.totals);
        let (line, lengths) = (&self.lines[r], &self.lengths[r]);
        let mut at = rng.unit() * self.totals[r];
        let mut seg = 0;
        while seg + 1 < lengths.len() && at > lengths[seg] {
            at -= lengths[seg];
            seg += 1;
        }
        let (a, b) = (line[seg], line[seg + 1]);
        let f = if lengths[seg] > 0.0 {
            (at / lengths[seg]).clamp(0.0, 1.0)
        } else {
            0.0
        };
        let off = (rng.unit() - 0.5) * 0.08;
        let len = lengths[seg].max(1e-9);
        let (nx, ny) = (-(b[1] - a[1]) / len, (b[0] - a[0]) / len);
        [
            (a[0] + (b[0] - a[0]) * f + nx * off).clamp(-180.0, 180.0),
            (a[1] + (b[1] - a[1]) * f + ny * off).clamp(-90.0, 90.0),
        ]
    }
}

/// The basemap's land: inside a country and not in a lake.
struct Land {
    countries: Vec<Vec<Line>>,
    lakes: Vec<Vec<Line>>,
}

impl Land {
    fn bundled() -> Land {
        let polygons = |layer: &str| {
            geo::bundled_features(layer)
                .iter()
                .flat_map(|f| geo::polygons(&f["geometry"]))
                .collect()
        };
        Land {
            countries: polygons("countries"),
            lakes: polygons("lakes"),
        }
    }

    /// Without a basemap, anywhere will do.
    fn contains(&self, [lon, lat]: [f64; 2]) -> bool {
        let within = |polygons: &[Vec<Line>]| {
            polygons
                .iter()
                .any(|rings| geo::polygon_contains(rings, lon, lat))
        };
        (self.countries.is_empty() || within(&self.countries)) && !within(&self.lakes)
    }
}

/// Iraq to the east and south-east of the Euphrates' crossing of the border, Syria elsewhere:
/// a rough line, enough for a made-up corpus.
fn country(lon: f64, lat: f64) -> &'static str {
    if lon > 41.0 && lat < 35.2 || lon > 42.3 {
        "IQ"
    } else {
        "SY"
    }
}

/// River lines from the bundled basemap, plus made-up tributaries.
fn river_lines(rng: &mut Rng, tributaries: usize) -> Vec<Line> {
    let mut lines: Vec<Line> = geo::bundled_features("rivers")
        .iter()
        .flat_map(|f| geo::lines(&f["geometry"]))
        .collect();
    lines.retain(|l| l.len() >= 2);
    if lines.is_empty() {
        // No basemap: one made-up river across the region.
        lines.push(
            (0..60)
                .map(|i| [37.5 + i as f64 * 0.12, 36.5 - i as f64 * 0.06])
                .collect(),
        );
    }
    // Tributaries: random walks that end on a point of a main river.
    let main = lines.clone();
    for _ in 0..tributaries {
        let river = rng.pick(&main);
        let mouth = *rng.pick(river);
        let mut heading = rng.unit() * std::f64::consts::TAU;
        let steps = 15 + rng.below(30);
        let mut p = mouth;
        let mut line = vec![p];
        for _ in 0..steps {
            heading += (rng.unit() - 0.5) * 0.6;
            p = [p[0] + heading.cos() * 0.06, p[1] + heading.sin() * 0.05];
            if !REGION_LON.contains(&p[0]) || !REGION_LAT.contains(&p[1]) {
                break;
            }
            line.push(p);
        }
        if line.len() >= 2 {
            line.reverse();
            lines.push(line);
        }
    }
    lines
}

fn segment_lengths(line: &[[f64; 2]]) -> Vec<f64> {
    line.windows(2)
        .map(|w| ((w[1][0] - w[0][0]).powi(2) + (w[1][1] - w[0][1]).powi(2)).sqrt())
        .collect()
}

/// How likely each actor is to hold or attack a place: strongest near its home region.
pub(super) fn actor_weights(p: &SynthPlace) -> Vec<f64> {
    ACTORS
        .iter()
        .map(|a| {
            let d = ((p.lon - a.home.0).powi(2) + (p.lat - a.home.1).powi(2)).sqrt();
            (-d / 1.2).exp() + 0.01
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_lie_on_land_inside_the_basemap() {
        let mut rng = Rng::new(11);
        let places = places(&mut rng, 600);
        assert_eq!(places.len(), 600);
        let land = Land::bundled();
        assert!(!land.countries.is_empty() && !land.lakes.is_empty());
        // Lake Assad is water; Deir ez-Zor is on land; the open sea is off the map.
        assert!(!land.contains([38.2, 35.95]));
        assert!(land.contains([40.14, 35.33]));
        assert!(!land.contains([30.0, 33.0]));
        let wet: Vec<(&str, f64, f64)> = places
            .iter()
            .filter(|p| !land.contains([p.lon, p.lat]))
            .map(|p| (p.name.as_str(), p.lon, p.lat))
            .collect();
        assert!(wet.is_empty(), "{wet:?}");
    }

    /// At the ACLED-sized scale too (ignored: a few seconds in a debug build).
    #[test]
    #[ignore]
    fn ten_thousand_places_lie_on_land() {
        let places = places(&mut Rng::new(1), 10_000);
        let land = Land::bundled();
        let wet = places
            .iter()
            .filter(|p| !land.contains([p.lon, p.lat]))
            .count();
        assert_eq!(wet, 0, "{wet} of 10,000 places are off land");
    }

    #[test]
    fn places_have_distinct_names_and_ids() {
        let mut rng = Rng::new(12);
        let places = places(&mut rng, 300);
        let keys: HashSet<String> = places.iter().map(|p| match_key(&p.name)).collect();
        let ids: HashSet<&str> = places.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(keys.len(), 300);
        assert_eq!(ids.len(), 300);
    }

    #[test]
    fn actors_are_strongest_at_home() {
        for (i, a) in ACTORS.iter().enumerate() {
            let at_home = SynthPlace {
                id: String::new(),
                name: String::new(),
                kind: PlaceKind::Town,
                country: "SY",
                lon: a.home.0,
                lat: a.home.1,
            };
            let w = actor_weights(&at_home);
            let strongest = (0..w.len()).max_by(|&x, &y| w[x].total_cmp(&w[y]));
            assert_eq!(strongest, Some(i), "{}", a.id);
        }
    }
}
