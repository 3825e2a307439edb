//! Each place's cell: the part of its Voronoi cell (the points nearer to it than to any other
//! place) within its reach, on land. The cells depend on the places alone, not on their
//! states, so they are made once per data and only coloured anew when the states change.
//!
//! The Delaunay triangulation (spade) gives each place its neighbours; its cell is then a
//! polygon round the place (its reach) cut by the bisector with each neighbour, which is the
//! Voronoi cell clipped to the reach without the unbounded cells of the hull. The cut edges
//! are tagged with the neighbour, so that where two cells meet (where a front line can run)
//! is known exactly.

use std::collections::HashMap;

use geo::{
    BooleanOps, BoundingRect, Contains, Coord, LineString, MultiLineString, MultiPolygon, Polygon,
    Rect,
};
use spade::{DelaunayTriangulation, Point2, Triangulation};

use super::AreaSettings;
use super::land::{Land, Lies};
use crate::store::{Place, PlaceIx};

/// The sides of the polygon that stands for a place's reach.
const REACH_SIDES: usize = 24;
/// Kilometres per degree of latitude.
const KM_PER_DEGREE: f64 = 111.2;

/// A local plane in kilometres, centred on the places, where distances are nearly true over a
/// region (an equirectangular projection at the places' mean latitude).
#[derive(Debug, Clone, Copy)]
struct Plane {
    lon0: f64,
    lat0: f64,
    kx: f64,
}

impl Plane {
    fn around(points: &[[f64; 2]]) -> Plane {
        let n = points.len().max(1) as f64;
        let lon0 = points.iter().map(|p| p[0]).sum::<f64>() / n;
        let lat0 = points.iter().map(|p| p[1]).sum::<f64>() / n;
        Plane {
            lon0,
            lat0,
            kx: KM_PER_DEGREE * lat0.to_radians().cos().max(0.05),
        }
    }
    fn km(&self, [lon, lat]: [f64; 2]) -> [f64; 2] {
        [
            (lon - self.lon0) * self.kx,
            (lat - self.lat0) * KM_PER_DEGREE,
        ]
    }
    fn lon_lat(&self, [x, y]: [f64; 2]) -> Coord<f64> {
        Coord {
            x: self.lon0 + x / self.kx,
            y: self.lat0 + y / KM_PER_DEGREE,
        }
    }
}

/// What an edge of a cell borders: the end of the place's reach, or the neighbour site.
const REACH: u32 = u32::MAX;

/// Where two neighbouring cells meet.
#[derive(Debug, Clone)]
pub struct Shared {
    pub a: u32,
    pub b: u32,
    /// The common edge, on land: usually one segment, in lon/lat.
    pub lines: Vec<[Coord<f64>; 2]>,
}

/// The cells of a set of places.
#[derive(Debug, Clone, Default)]
pub struct Cells {
    /// Per site (a position; places at the same position share one): its places.
    pub site_places: Vec<Vec<PlaceIx>>,
    /// Per place: its site (None for a place without valid coordinates).
    pub place_site: Vec<Option<u32>>,
    /// Per site: its position (lon/lat), its cell (lon/lat, exterior rings counter-clockwise;
    /// empty when nothing of it is on land) and the cell's bounding box.
    pub sites: Vec<Coord<f64>>,
    pub cells: Vec<MultiPolygon<f64>>,
    pub bounds: Vec<Option<Rect<f64>>>,
    /// Pairs of sites whose cells share an edge.
    pub shared: Vec<Shared>,
    /// The sites whose cells' boxes meet each bin of a grid (for [`Cells::site_at`]).
    grid: HashMap<(i32, i32), Vec<u32>>,
}

/// The side of a bin of the grid of cells, in degrees.
const GRID: f64 = 0.1;

fn grid_bin(v: f64) -> i32 {
    (v / GRID).floor() as i32
}

impl Cells {
    /// The cells of the places, clipped to the bundled basemap's land.
    pub fn of(places: &[Place], settings: &AreaSettings) -> Cells {
        let land = land();
        Cells::with_land(places, settings, land)
    }

    pub(crate) fn with_land(
        places: &[Place],
        settings: &AreaSettings,
        land: Option<&Land>,
    ) -> Cells {
        // One site per distinct position (spade keeps one vertex of duplicates).
        let mut order: Vec<PlaceIx> = (0..places.len())
            .filter(|&p| places[p].lon.is_finite() && places[p].lat.is_finite())
            .filter(|&p| places[p].lat.abs() <= 85.0 && places[p].lon.abs() <= 180.0)
            .collect();
        order.sort_by(|&a, &b| {
            (places[a].lon, places[a].lat)
                .partial_cmp(&(places[b].lon, places[b].lat))
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(a.cmp(&b))
        });
        let mut site_places: Vec<Vec<PlaceIx>> = Vec::new();
        let mut place_site = vec![None; places.len()];
        let mut lon_lat: Vec<[f64; 2]> = Vec::new();
        for p in order {
            let at = [places[p].lon, places[p].lat];
            if lon_lat.last() != Some(&at) {
                lon_lat.push(at);
                site_places.push(Vec::new());
            }
            place_site[p] = Some(site_places.len() as u32 - 1);
            site_places.last_mut().expect("pushed above").push(p);
        }
        // A site's reach is its largest place's.
        let reach: Vec<f64> = site_places
            .iter()
            .map(|ps| {
                ps.iter()
                    .map(|&p| settings.reach_km(places[p].kind))
                    .fold(0.0, f64::max)
            })
            .collect();
        let plane = Plane::around(&lon_lat);
        let km: Vec<[f64; 2]> = lon_lat.iter().map(|&p| plane.km(p)).collect();
        let neighbours = neighbours(&km);
        // Each cell as a convex polygon in km, each vertex with the tag of the edge it starts.
        let convex: Vec<Vec<([f64; 2], u32)>> = (0..km.len())
            .map(|i| cell(i, &km, &reach, &neighbours[i]))
            .collect();
        let sites: Vec<Coord<f64>> = lon_lat.iter().map(|&[x, y]| Coord { x, y }).collect();
        // Whether each place is on land, and how its cell lies against the land: tested once,
        // as a point in the land's polygons costs a walk over all their edges.
        let on_land: Vec<bool> = sites
            .iter()
            .map(|s| land.is_some_and(|l| l.contains(s.x, s.y)))
            .collect();
        let mut lies = Vec::with_capacity(km.len());
        let mut cells = Vec::with_capacity(km.len());
        for (i, polygon) in convex.iter().enumerate() {
            let ring: Vec<Coord<f64>> = polygon.iter().map(|&(p, _)| plane.lon_lat(p)).collect();
            let shape = if ring.len() < 3 {
                MultiPolygon::new(Vec::new())
            } else {
                MultiPolygon::new(vec![Polygon::new(LineString::new(ring), Vec::new())])
            };
            let (cell, how) = clip_to_land(shape, on_land[i], land);
            cells.push(cell);
            lies.push(how);
        }
        let mut shared = Vec::new();
        for (i, ns) in neighbours.iter().enumerate() {
            for &j in ns.iter().filter(|&&j| j > i as u32) {
                let common = common_edge(&convex[i], i as u32, &convex[j as usize], j);
                let Some([p, q]) = common else { continue };
                let segment = [plane.lon_lat(p), plane.lon_lat(q)];
                let j_ = j as usize;
                let lines = if lies[i] == Some(Lies::Inside) && lies[j_] == Some(Lies::Inside) {
                    vec![segment] // on the edge of two cells wholly on land
                } else {
                    clip_segment_to_land(segment, [on_land[i], on_land[j_]], land)
                };
                if !lines.is_empty() {
                    shared.push(Shared {
                        a: i as u32,
                        b: j,
                        lines,
                    });
                }
            }
        }
        let bounds: Vec<Option<Rect<f64>>> = cells.iter().map(|c| c.bounding_rect()).collect();
        let mut grid: HashMap<(i32, i32), Vec<u32>> = HashMap::new();
        for (i, b) in bounds.iter().enumerate() {
            let Some(b) = b else { continue };
            for x in grid_bin(b.min().x)..=grid_bin(b.max().x) {
                for y in grid_bin(b.min().y)..=grid_bin(b.max().y) {
                    grid.entry((x, y)).or_default().push(i as u32);
                }
            }
        }
        Cells {
            grid,
            site_places,
            place_site,
            sites,
            cells,
            bounds,
            shared,
        }
    }
}

impl Cells {
    /// The site whose cell holds a point (lon/lat), if any.
    pub fn site_at(&self, lon: f64, lat: f64) -> Option<u32> {
        let point = geo::Point::new(lon, lat);
        self.grid
            .get(&(grid_bin(lon), grid_bin(lat)))?
            .iter()
            .copied()
            .find(|&i| self.cells[i as usize].contains(&point))
    }
}

/// The bundled land, read once.
fn land() -> Option<&'static Land> {
    static LAND: std::sync::OnceLock<Option<Land>> = std::sync::OnceLock::new();
    LAND.get_or_init(Land::bundled).as_ref()
}

/// Each site's Delaunay neighbours.
fn neighbours(km: &[[f64; 2]]) -> Vec<Vec<u32>> {
    let mut out = vec![Vec::new(); km.len()];
    let points = km.iter().map(|&[x, y]| Point2::new(x, y)).collect();
    // Valid, distinct coordinates cannot fail; without a triangulation every cell is its reach.
    let Ok(triangulation) = DelaunayTriangulation::<Point2<f64>>::bulk_load_stable(points) else {
        return out;
    };
    for edge in triangulation.undirected_edges() {
        let [a, b] = edge.vertices();
        let (a, b) = (a.fix().index() as u32, b.fix().index() as u32);
        out[a as usize].push(b);
        out[b as usize].push(a);
    }
    out
}

/// Site `i`'s cell: its reach, a polygon round it, cut by the bisector with each neighbour
/// near enough to matter.
fn cell(i: usize, km: &[[f64; 2]], reach: &[f64], neighbours: &[u32]) -> Vec<([f64; 2], u32)> {
    let [cx, cy] = km[i];
    let r = reach[i];
    let mut polygon: Vec<([f64; 2], u32)> = (0..REACH_SIDES)
        .map(|k| {
            let a = std::f64::consts::TAU * k as f64 / REACH_SIDES as f64;
            ([cx + r * a.cos(), cy + r * a.sin()], REACH)
        })
        .collect();
    for &j in neighbours {
        let [nx, ny] = km[j as usize];
        let (dx, dy) = (nx - cx, ny - cy);
        let distance = dx.hypot(dy);
        if distance / 2.0 >= r || distance == 0.0 {
            continue; // the bisector is beyond the reach
        }
        // Keep the points p with (p - m)·d <= 0, m the midpoint.
        let m = [(cx + nx) / 2.0, (cy + ny) / 2.0];
        let side = |p: [f64; 2]| (p[0] - m[0]) * dx + (p[1] - m[1]) * dy;
        polygon = cut(&polygon, side, j);
        if polygon.len() < 3 {
            return Vec::new();
        }
    }
    polygon
}

/// A convex polygon cut by a half-plane (`side(p) <= 0` is kept); the new edge is tagged.
fn cut(
    polygon: &[([f64; 2], u32)],
    side: impl Fn([f64; 2]) -> f64,
    tag: u32,
) -> Vec<([f64; 2], u32)> {
    let mut out = Vec::with_capacity(polygon.len() + 1);
    for (k, &(a, edge)) in polygon.iter().enumerate() {
        let (b, _) = polygon[(k + 1) % polygon.len()];
        let (sa, sb) = (side(a), side(b));
        let at = |t: f64| [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
        match (sa <= 0.0, sb <= 0.0) {
            (true, true) => out.push((a, edge)),
            (true, false) => {
                out.push((a, edge));
                out.push((at(sa / (sa - sb)), tag));
            }
            (false, true) => out.push((at(sa / (sa - sb)), edge)),
            (false, false) => {}
        }
    }
    out
}

/// The edge cells `a` and `b` have in common: the overlap of `a`'s edge tagged `b` and `b`'s
/// tagged `a` (they lie on one bisector; a smaller reach can make one shorter).
fn common_edge(
    a: &[([f64; 2], u32)],
    ia: u32,
    b: &[([f64; 2], u32)],
    ib: u32,
) -> Option<[[f64; 2]; 2]> {
    let edge = |poly: &[([f64; 2], u32)], tag: u32| {
        let k = poly.iter().position(|&(_, t)| t == tag)?;
        Some([poly[k].0, poly[(k + 1) % poly.len()].0])
    };
    let [p, q] = edge(a, ib)?;
    let [r, s] = edge(b, ia)?;
    let d = [q[0] - p[0], q[1] - p[1]];
    let length2 = d[0] * d[0] + d[1] * d[1];
    if length2 <= 1e-18 {
        return None;
    }
    let t = |x: [f64; 2]| ((x[0] - p[0]) * d[0] + (x[1] - p[1]) * d[1]) / length2;
    let (tr, ts) = (t(r), t(s));
    let (lo, hi) = (tr.min(ts).max(0.0), tr.max(ts).min(1.0));
    (hi - lo > 1e-9).then(|| {
        let at = |t: f64| [p[0] + d[0] * t, p[1] + d[1] * t];
        [at(lo), at(hi)]
    })
}

/// A cell clipped to land, when its place is on land (a place beyond the basemap's land, where
/// the basemap says nothing, keeps its cell), and how it lay against the land (None: not
/// clipped).
fn clip_to_land(
    cell: MultiPolygon<f64>,
    on_land: bool,
    land: Option<&Land>,
) -> (MultiPolygon<f64>, Option<Lies>) {
    let (Some(land), Some(bounds)) = (land, cell.bounding_rect()) else {
        return (cell, None);
    };
    if !on_land {
        return (cell, None);
    }
    // The cell's box holds its place, which is on land: with no shore across the box, all of
    // it is.
    if !land.crosses(bounds) {
        return (cell, Some(Lies::Inside));
    }
    (cell.intersection(&land.shape), Some(Lies::Across))
}

/// A shared edge's parts on land (the whole of it when either place is beyond the land).
fn clip_segment_to_land(
    segment: [Coord<f64>; 2],
    on_land: [bool; 2],
    land: Option<&Land>,
) -> Vec<[Coord<f64>; 2]> {
    let Some(land) = land else {
        return vec![segment];
    };
    if on_land.contains(&false) {
        return vec![segment];
    }
    match land.lies(Rect::new(segment[0], segment[1])) {
        Lies::Inside => vec![segment],
        Lies::Outside => Vec::new(),
        Lies::Across => {
            let line = MultiLineString::new(vec![LineString::new(segment.to_vec())]);
            land.shape
                .clip(&line, false)
                .into_iter()
                .flat_map(|ls| ls.lines().map(|l| [l.start, l.end]).collect::<Vec<_>>())
                .collect()
        }
    }
}
