//! The land the areas are clipped to: the basemap's countries less its lakes, with a grid of
//! its shore and edge segments, so that a cell far from any shore is kept whole without a
//! polygon operation (most of them: ten thousand intersections would cost a second).

use std::collections::HashMap;

use geo::{BooleanOps, Contains, Coord, LineString, MultiPolygon, Point, Polygon, Rect};

/// The side of a grid bin, in degrees.
const BIN: f64 = 0.25;

pub(crate) struct Land {
    pub(crate) shape: MultiPolygon<f64>,
    /// Every boundary segment of `shape`, and the bins each one crosses.
    segments: Vec<[Coord<f64>; 2]>,
    bins: HashMap<(i32, i32), Vec<u32>>,
}

/// How a rectangle lies against the land.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lies {
    Inside,
    Outside,
    /// Some boundary segment crosses it: only a polygon operation can tell.
    Across,
}

fn bin(v: f64) -> i32 {
    (v / BIN).floor() as i32
}

impl Land {
    /// The bundled basemap's land: its countries less its lakes. None when the basemap has no
    /// countries (then nothing is clipped).
    pub(crate) fn bundled() -> Option<Land> {
        let polygons = |layer: &str| -> Vec<Polygon<f64>> {
            crate::geo::bundled_features(layer)
                .iter()
                .flat_map(|f| crate::geo::polygons(&f["geometry"]))
                .filter_map(|rings| {
                    let mut rings = rings.into_iter().map(|r| {
                        LineString::from(r.into_iter().map(|[x, y]| (x, y)).collect::<Vec<_>>())
                    });
                    let exterior = rings.next()?;
                    Some(Polygon::new(exterior, rings.collect()))
                })
                .collect()
        };
        let countries = polygons("countries");
        if countries.is_empty() {
            return None;
        }
        let land = geo::unary_union(&countries);
        let lakes = MultiPolygon::new(polygons("lakes"));
        Some(Land::new(land.difference(&lakes)))
    }

    pub(crate) fn new(shape: MultiPolygon<f64>) -> Land {
        let mut segments = Vec::new();
        for polygon in &shape {
            for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
                for line in ring.lines() {
                    segments.push([line.start, line.end]);
                }
            }
        }
        let mut bins: HashMap<(i32, i32), Vec<u32>> = HashMap::new();
        for (i, [a, b]) in segments.iter().enumerate() {
            for x in bin(a.x.min(b.x))..=bin(a.x.max(b.x)) {
                for y in bin(a.y.min(b.y))..=bin(a.y.max(b.y)) {
                    bins.entry((x, y)).or_default().push(i as u32);
                }
            }
        }
        Land {
            shape,
            segments,
            bins,
        }
    }

    /// Whether a point is on land.
    pub(crate) fn contains(&self, lon: f64, lat: f64) -> bool {
        self.shape.contains(&Point::new(lon, lat))
    }

    /// How a rectangle (lon/lat) lies against the land: whether some boundary segment's box
    /// meets it (conservative: then [`Lies::Across`]), else inside or outside as its centre is.
    pub(crate) fn lies(&self, rect: Rect<f64>) -> Lies {
        if self.crosses(rect) {
            return Lies::Across;
        }
        let c = rect.center();
        if self.contains(c.x, c.y) {
            Lies::Inside
        } else {
            Lies::Outside
        }
    }

    /// Whether some boundary segment's box meets a rectangle (lon/lat).
    pub(crate) fn crosses(&self, rect: Rect<f64>) -> bool {
        let (min, max) = (rect.min(), rect.max());
        for x in bin(min.x)..=bin(max.x) {
            for y in bin(min.y)..=bin(max.y) {
                let Some(list) = self.bins.get(&(x, y)) else {
                    continue;
                };
                let crosses = list.iter().any(|&i| {
                    let [a, b] = self.segments[i as usize];
                    a.x.max(b.x) >= min.x
                        && a.x.min(b.x) <= max.x
                        && a.y.max(b.y) >= min.y
                        && a.y.min(b.y) <= max.y
                });
                if crosses {
                    return true;
                }
            }
        }
        false
    }
}
