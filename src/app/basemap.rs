//! The offline basemap: countries, borders, rivers and lakes from Natural Earth, bundled as
//! GeoJSON and triangulated once at start-up. Drawn by [`BasemapPlugin`] under the markers.

use egui::{Align2, Color32, FontId, Mesh, Pos2, Shape, Stroke, pos2};
use serde_json::Value;
use walkers::{MapMemory, Plugin, Projector, lon_lat};

use super::theme;
use crate::geo::{self, Line};

pub struct Area {
    pub name: String,
    pub iso: String,
    /// Vertices in lon/lat and triangle indices (earcut).
    pub vertices: Vec<[f64; 2]>,
    pub triangles: Vec<u32>,
    pub outlines: Vec<Line>,
    /// Where to write the name.
    pub label_at: [f64; 2],
}

pub struct River {
    pub name: String,
    /// Euphrates and Tigris are drawn wider than channels.
    pub major: bool,
    pub lines: Vec<Line>,
}

#[derive(Default)]
pub struct Basemap {
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
                    let name = f["properties"]["name"].as_str().unwrap_or("").to_owned();
                    River {
                        major: name == "Euphrates" || name == "Tigris",
                        name,
                        lines: geo::lines(&f["geometry"]),
                    }
                })
                .collect(),
        }
    }

    /// Every vertex, in drawing order, for the projection cache.
    fn all_points(&self) -> impl Iterator<Item = [f64; 2]> + '_ {
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
}

fn area(feature: &Value) -> Option<Area> {
    let props = &feature["properties"];
    let mut vertices: Vec<[f64; 2]> = Vec::new();
    let mut triangles = Vec::new();
    let mut outlines = Vec::new();
    let mut best = (0.0, [0.0, 0.0]);
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
        if let Some(outer) = poly.first() {
            let (a, c) = ring_area_centroid(outer);
            if a > best.0 {
                best = (a, c);
            }
        }
        outlines.extend(poly);
    }
    if vertices.is_empty() {
        return None;
    }
    Some(Area {
        name: props["name"].as_str().unwrap_or("").to_owned(),
        iso: props["iso_a3"].as_str().unwrap_or("").to_owned(),
        vertices,
        triangles,
        outlines,
        label_at: best.1,
    })
}

/// Area and centroid of a ring (shoelace), in degrees.
fn ring_area_centroid(ring: &[[f64; 2]]) -> (f64, [f64; 2]) {
    let (mut a, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for w in ring.windows(2) {
        let cross = w[0][0] * w[1][1] - w[1][0] * w[0][1];
        a += cross;
        cx += (w[0][0] + w[1][0]) * cross;
        cy += (w[0][1] + w[1][1]) * cross;
    }
    if a.abs() < 1e-12 {
        return (0.0, ring.first().copied().unwrap_or([0.0, 0.0]));
    }
    (a.abs() / 2.0, [cx / (3.0 * a), cy / (3.0 * a)])
}

/// Screen positions of the basemap's vertices are cached per zoom level in world pixels;
/// each frame only adds the pan offset.
#[derive(Default)]
pub struct ProjectionCache {
    zoom: f64,
    world: Vec<[f64; 2]>,
}

impl ProjectionCache {
    fn update(&mut self, basemap: &Basemap, projector: &Projector) {
        if self.zoom == projector.zoom() && !self.world.is_empty() {
            return;
        }
        let projection = projector.projection();
        let zoom = projector.zoom();
        self.world = basemap
            .all_points()
            .map(|p| {
                let px = projection.project(lon_lat(p[0], p[1]), zoom);
                [px.x(), px.y()]
            })
            .collect();
        self.zoom = zoom;
    }
}

/// Draws the basemap.
pub struct BasemapPlugin<'a> {
    pub basemap: &'a Basemap,
    pub cache: &'a mut ProjectionCache,
    /// Places that country names keep clear of.
    pub avoid: &'a [crate::store::Place],
    pub projection: &'a std::cell::RefCell<super::markers::PlaceProjection>,
    /// Tiles are shown under the basemap: draw lines and names only, no fills.
    pub over_tiles: bool,
}

impl Plugin for BasemapPlugin<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut egui::Ui,
        _response: &egui::Response,
        projector: &Projector,
        _memory: &MapMemory,
    ) {
        let Self {
            basemap,
            cache,
            avoid,
            projection,
            over_tiles,
        } = *self;
        cache.update(basemap, projector);
        // Offset from world pixels to screen, from one reference point.
        let reference = lon_lat(40.0, 35.0);
        let world_ref = projector.projection().project(reference, projector.zoom());
        let screen_ref = projector.project(reference);
        let (dx, dy) = (
            screen_ref.x as f64 - world_ref.x(),
            screen_ref.y as f64 - world_ref.y(),
        );
        let mut points = cache
            .world
            .iter()
            .map(|w| pos2((w[0] + dx) as f32, (w[1] + dy) as f32));
        let painter = ui.painter().with_clip_rect(projector.clip_rect());
        if !over_tiles {
            painter.rect_filled(projector.clip_rect(), 0.0, theme::MAP_BACKGROUND);
        }

        let areas: Vec<(&Area, Color32, bool)> = basemap
            .countries
            .iter()
            .map(|c| {
                let fill = match c.iso.as_str() {
                    "SYR" => theme::LAND_SYRIA,
                    "IRQ" => theme::LAND_IRAQ,
                    _ => theme::LAND,
                };
                (c, fill, false)
            })
            .chain(basemap.lakes.iter().map(|l| (l, theme::WATER, true)))
            .collect();
        // Fills, in the order the cache holds the vertices.
        for (a, fill, _) in &areas {
            let screen: Vec<Pos2> = points.by_ref().take(a.vertices.len()).collect();
            let mut mesh = Mesh::default();
            for p in &screen {
                mesh.colored_vertex(*p, *fill);
            }
            mesh.indices = a.triangles.clone();
            if !over_tiles {
                painter.add(Shape::mesh(mesh));
            }
        }
        // Outlines: country edges are coastline-free here, so only lakes get one.
        for (a, _, is_lake) in &areas {
            for ring in &a.outlines {
                let pts: Vec<Pos2> = points.by_ref().take(ring.len()).collect();
                if *is_lake {
                    painter.add(Shape::line(pts, Stroke::new(0.8, theme::RIVER)));
                }
            }
        }
        for line in &basemap.borders {
            let pts: Vec<Pos2> = points.by_ref().take(line.len()).collect();
            painter.add(Shape::line(
                pts.clone(),
                Stroke::new(3.0, theme::BORDER.gamma_multiply(0.25)),
            ));
            painter.add(Shape::dashed_line(
                &pts,
                Stroke::new(1.2, theme::BORDER),
                6.0,
                3.0,
            ));
        }
        for river in &basemap.rivers {
            let width = if river.major { 2.2 } else { 1.0 };
            for line in &river.lines {
                let pts: Vec<Pos2> = points.by_ref().take(line.len()).collect();
                painter.add(Shape::line(pts, Stroke::new(width, theme::RIVER)));
            }
        }
        // Country names, large and quiet: at a point of the view inside the country, so that
        // they show wherever the map is panned.
        let clip = projector.clip_rect();
        // Clear of the view controls at the top.
        let view = egui::Rect::from_min_max(
            clip.min + egui::vec2(90.0, 60.0),
            clip.max - egui::vec2(90.0, 30.0),
        );
        // The markers in view, projected once for every country.
        let near = view.expand2(egui::vec2(110.0, 30.0));
        let markers: Vec<Pos2> = projection
            .borrow_mut()
            .update(avoid, projector)
            .iter()
            .copied()
            .filter(|p| near.contains(*p))
            .collect();
        for c in &basemap.countries {
            if let Some(at) = label_spot(c, view, projector, &markers) {
                painter.text(
                    at,
                    Align2::CENTER_CENTER,
                    c.name.to_uppercase(),
                    FontId::proportional(16.0),
                    theme::COUNTRY_LABEL,
                );
            }
        }
        // River names along the two big rivers, once each, where the line is on screen.
        for river in basemap.rivers.iter().filter(|r| r.major) {
            let mut placed = false;
            for line in &river.lines {
                for w in line.windows(2) {
                    if placed {
                        break;
                    }
                    let a = projector.project(lon_lat(w[0][0], w[0][1])).to_pos2();
                    let b = projector.project(lon_lat(w[1][0], w[1][1])).to_pos2();
                    let mid = a + (b - a) * 0.5;
                    let inner = projector.clip_rect().shrink(80.0);
                    if inner.contains(mid)
                        && (b - a).length() > 1.0
                        && river_label_spot(mid, projector)
                    {
                        painter.text(
                            mid + egui::vec2(0.0, -10.0),
                            Align2::CENTER_BOTTOM,
                            &river.name,
                            FontId::proportional(12.0),
                            theme::RIVER,
                        );
                        placed = true;
                    }
                }
            }
        }
    }
}

/// A point of `view` inside the country, searched on a coarse grid from the view's edges
/// inwards (the centre is where the data is).
fn label_spot(
    area: &Area,
    view: egui::Rect,
    projector: &Projector,
    markers: &[Pos2],
) -> Option<Pos2> {
    const N: usize = 6;
    let mut spots: Vec<Pos2> = (0..N * N)
        .map(|i| {
            let (fx, fy) = (
                (i % N) as f32 / (N - 1) as f32,
                (i / N) as f32 / (N - 1) as f32,
            );
            egui::pos2(
                view.left() + fx * view.width(),
                view.top() + fy * view.height(),
            )
        })
        .collect();
    let c = view.center();
    spots.sort_by(|a, b| (b.distance(c)).total_cmp(&a.distance(c)));
    spots.into_iter().find(|p| {
        if markers
            .iter()
            .any(|m| (m.x - p.x).abs() < 110.0 && (m.y - p.y).abs() < 30.0)
        {
            return false;
        }
        let point = projector.unproject(p.to_vec2());
        // Even-odd over all rings handles holes and multi-polygons alike.
        area.outlines
            .iter()
            .filter(|ring| geo::point_in_ring(point.x(), point.y(), ring))
            .count()
            % 2
            == 1
    })
}

/// River labels go in the upper-left part of the view, away from the towns at the border.
fn river_label_spot(p: Pos2, projector: &Projector) -> bool {
    let r = projector.clip_rect();
    p.x < r.left() + r.width() * 0.45 && p.y < r.top() + r.height() * 0.55
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_basemap_has_every_layer() {
        let b = Basemap::bundled();
        assert!(b.countries.iter().any(|c| c.iso == "SYR"));
        assert!(b.countries.iter().any(|c| c.iso == "IRQ"));
        assert!(
            b.countries
                .iter()
                .all(|c| !c.triangles.is_empty() && c.triangles.len() % 3 == 0)
        );
        assert!(b.rivers.iter().any(|r| r.name == "Euphrates" && r.major));
        assert!(!b.borders.is_empty());
        assert!(!b.lakes.is_empty());
        // Syria's label point lies in Syria's box.
        let syria = b.countries.iter().find(|c| c.iso == "SYR").unwrap();
        assert!(
            (36.0..42.5).contains(&syria.label_at[0]) && (32.0..37.5).contains(&syria.label_at[1])
        );
    }
}
