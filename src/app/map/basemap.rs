//! The offline basemap: countries, borders, rivers and lakes from Natural Earth, bundled as
//! GeoJSON and triangulated once at start-up. What the map shows of the region (which
//! countries stand out, which rivers are major) comes from the layers' properties, not from
//! the code. Drawn by [`super::basemap_plugin::BasemapPlugin`] under the markers.

use serde_json::Value;

use crate::geo::{self, Line};

pub(crate) struct Area {
    pub name: String,
    /// Vertices in lon/lat and triangle indices (earcut).
    pub vertices: Vec<[f64; 2]>,
    pub triangles: Vec<u32>,
    pub outlines: Vec<Line>,
    /// The land tone the layer gives the area (its `fill` property, `"#rrggbb"`), if any.
    pub fill: Option<[u8; 3]>,
}

pub(crate) struct River {
    pub name: String,
    /// Drawn wide and named: a river of Natural Earth's `scalerank` 4 or less (the Euphrates
    /// and the Tigris here), not a channel.
    pub major: bool,
    pub lines: Vec<Line>,
}

#[derive(Default)]
pub(crate) struct Basemap {
    pub countries: Vec<Area>,
    pub lakes: Vec<Area>,
    pub borders: Vec<Line>,
    pub rivers: Vec<River>,
}

impl Basemap {
    /// Loads the bundled GeoJSON. Missing or malformed layers are left empty: the map still
    /// works without them.
    pub fn bundled() -> Basemap {
        let layer = geo::bundled_features;
        Basemap {
            countries: layer("countries").iter().filter_map(area).collect(),
            lakes: layer("lakes").iter().filter_map(area).collect(),
            borders: layer("borders")
                .iter()
                .flat_map(|f| geo::lines(&f["geometry"]))
                .collect(),
            rivers: layer("rivers")
                .iter()
                .map(|f| {
                    let props = &f["properties"];
                    River {
                        name: props["name"].as_str().unwrap_or("").to_owned(),
                        major: props["scalerank"]
                            .as_u64()
                            .is_some_and(|rank| rank <= MAJOR_RIVER_RANK),
                        lines: geo::lines(&f["geometry"]),
                    }
                })
                .collect(),
        }
    }

    /// Every vertex, in drawing order, for the projection cache: the areas' triangulated
    /// vertices, their outlines, the borders, the rivers.
    pub fn points(&self) -> impl Iterator<Item = [f64; 2]> + '_ {
        let areas = self.countries.iter().chain(&self.lakes);
        areas
            .clone()
            .flat_map(|a| a.vertices.iter().copied())
            .chain(areas.flat_map(|a| a.outlines.iter().flatten().copied()))
            .chain(self.borders.iter().flatten().copied())
            .chain(
                self.rivers
                    .iter()
                    .flat_map(|r| r.lines.iter().flatten().copied()),
            )
    }

    /// The middle of what the basemap covers (lon, lat): where the map looks when the data
    /// has no places to fit the view to.
    pub(crate) fn centre(&self) -> Option<[f64; 2]> {
        let (lon0, lon1, lat0, lat1) = self.points().fold(
            (f64::MAX, f64::MIN, f64::MAX, f64::MIN),
            |(a, b, c, d), [lon, lat]| (a.min(lon), b.max(lon), c.min(lat), d.max(lat)),
        );
        (lon0 <= lon1).then(|| [(lon0 + lon1) / 2.0, (lat0 + lat1) / 2.0])
    }
}

/// Natural Earth ranks rivers from 0 (the most important) to 10; at 4 or less a river is a
/// major one of its region.
const MAJOR_RIVER_RANK: u64 = 4;

/// `"#f4f0e6"` as bytes.
fn parse_hex_colour(s: &str) -> Option<[u8; 3]> {
    let hex = s.strip_prefix('#').filter(|h| h.len() == 6)?;
    let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

fn area(feature: &Value) -> Option<Area> {
    let props = &feature["properties"];
    let mut vertices: Vec<[f64; 2]> = Vec::new();
    let mut triangles = Vec::new();
    let mut outlines = Vec::new();
    for poly in geo::polygons(&feature["geometry"]) {
        let base = vertices.len() as u32;
        let mut flat = Vec::new();
        let mut holes = Vec::new();
        for (i, ring) in poly.iter().enumerate() {
            if i > 0 {
                holes.push(flat.len() / 2);
            }
            flat.extend(ring.iter().flat_map(|p| [p[0], p[1]]));
            vertices.extend(ring.iter().copied());
        }
        if let Ok(tris) = earcutr::earcut(&flat, &holes, 2) {
            triangles.extend(tris.into_iter().map(|t| base + t as u32));
        }
        outlines.extend(poly);
    }
    if vertices.is_empty() {
        return None;
    }
    Some(Area {
        name: props["name"].as_str().unwrap_or("").to_owned(),
        vertices,
        triangles,
        outlines,
        fill: props["fill"].as_str().and_then(parse_hex_colour),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_colours() {
        assert_eq!(parse_hex_colour("#0a10ff"), Some([10, 16, 255]));
        assert_eq!(parse_hex_colour("0a10ff"), None);
        assert_eq!(parse_hex_colour("#0a10f"), None);
        assert_eq!(parse_hex_colour("#0a10fg"), None);
    }

    #[test]
    fn bundled_basemap_has_every_layer() {
        let b = Basemap::bundled();
        assert!(b.countries.iter().any(|c| c.name == "Syria"));
        assert!(b.countries.iter().any(|c| c.name == "Iraq"));
        assert!(
            b.countries
                .iter()
                .all(|c| !c.triangles.is_empty() && c.triangles.len() % 3 == 0)
        );
        // The layers' properties say what stands out: the Euphrates and the Tigris are major
        // rivers (Natural Earth's rank), channels are not; Syria and Iraq have their own tone.
        assert!(b.rivers.iter().any(|r| r.name == "Euphrates" && r.major));
        assert!(b.rivers.iter().any(|r| r.name == "Tigris" && r.major));
        assert!(
            b.rivers
                .iter()
                .any(|r| r.name == "Hindiyah Channel" && !r.major)
        );
        let fill = |name: &str| b.countries.iter().find(|c| c.name == name).unwrap().fill;
        assert_eq!(fill("Syria"), Some([0xf4, 0xf0, 0xe6]));
        assert_eq!(fill("Iraq"), Some([0xf0, 0xec, 0xde]));
        assert_eq!(fill("Turkey"), None);
        // The middle of the region the basemap covers (37-45 E, 32-38 N).
        let [lon, lat] = b.centre().unwrap();
        assert!(
            (lon - 41.0).abs() < 0.1 && (lat - 35.0).abs() < 0.1,
            "{lon} {lat}"
        );
        assert_eq!(Basemap::default().centre(), None);
        assert!(!b.borders.is_empty());
        assert!(!b.lakes.is_empty());
    }
}
