//! The basemap layer: land, lakes, borders and rivers under the markers, with the country
//! names (kept clear of the places) and the major rivers' names.

use egui::{Align2, Color32, FontId, Mesh, Pos2, Shape, Stroke};
use walkers::{MapMemory, Plugin, Projector, lon_lat};

use super::basemap::{Area, Basemap};
use super::projection::Projection;
use crate::app::theme;
use crate::store::Place;

/// Draws the basemap.
pub(crate) struct BasemapPlugin<'a> {
    pub basemap: &'a Basemap,
    /// Places that country names keep clear of.
    pub avoid: &'a [Place],
    pub projection: &'a std::cell::RefCell<Projection>,
    /// With tiles shown: a place painted before the tiles where the background and the fills
    /// go, so that wherever a tile is missing (offline, still loading) the offline basemap
    /// shows through instead of a black hole. Lines and names are drawn over the tiles.
    pub under_tiles: Option<egui::layers::ShapeIdx>,
    /// Where the country names went last frame, kept while the view and the places stay.
    pub country_labels: &'a std::cell::RefCell<CountryLabels>,
    /// What country and river names keep clear of besides the places: the publishing
    /// layout's cards.
    pub cards: &'a [egui::Rect],
}

/// The places' projection version, the view, the places (address and count) and the cards,
/// as bits.
type SpotsKey = (u64, [u32; 4], usize, usize, Vec<[u32; 4]>);

/// The free spots for country names, and what they were found for: the places' projection
/// (its version), the view, and which places (a reload makes new ones).
#[derive(Default)]
pub(crate) struct CountryLabels {
    key: Option<SpotsKey>,
    spots: Option<LabelSpots>,
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
            avoid,
            projection,
            under_tiles,
            country_labels,
            cards,
        } = *self;
        let mut projection = projection.borrow_mut();
        let mut points = projection.basemap(basemap, projector);
        let painter = ui.painter().with_clip_rect(projector.clip_rect());
        let mut fills = vec![Shape::rect_filled(
            projector.clip_rect(),
            0.0,
            theme::MAP_BACKGROUND,
        )];

        let areas: Vec<(&Area, Color32, bool)> = basemap
            .countries
            .iter()
            .map(|c| {
                let fill = c
                    .fill
                    .map_or(theme::LAND, |[r, g, b]| Color32::from_rgb(r, g, b));
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
            fills.push(Shape::mesh(mesh));
        }
        match under_tiles {
            Some(idx) => painter.set(idx, Shape::Vec(fills)),
            None => painter.extend(fills),
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
        drop(points);
        projection.update_places(avoid, projector);
        let key = (
            projection.version(),
            [view.min.x, view.min.y, view.max.x, view.max.y].map(f32::to_bits),
            avoid.as_ptr() as usize,
            avoid.len(),
            cards
                .iter()
                .map(|r| [r.min.x, r.min.y, r.max.x, r.max.y].map(f32::to_bits))
                .collect(),
        );
        let mut labels = country_labels.borrow_mut();
        if labels.key.as_ref() != Some(&key) || labels.spots.is_none() {
            // The markers near the view: a name keeps clear of them.
            let near = view.expand2(LabelSpots::CLEAR);
            let markers: Vec<Pos2> = projection
                .places()
                .iter()
                .copied()
                .filter(|p| near.contains(*p))
                .collect();
            let mut spots = LabelSpots::new(view, &markers);
            // A name is centred on its spot: it keeps half its width from a card.
            spots.free.retain(|p| {
                !cards
                    .iter()
                    .any(|c| c.expand2(LabelSpots::CLEAR * 0.5).contains(*p))
            });
            labels.spots = Some(spots);
            labels.key = Some(key);
        }
        let Some(spots) = labels.spots.as_ref() else {
            return;
        };
        for c in &basemap.countries {
            if let Some(at) = spots.inside(c, projector) {
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
                        && !cards.iter().any(|c| c.expand(40.0).contains(mid))
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

/// Where a country's name may go: a coarse grid over the view, searched from the view's edges
/// inwards (the centre is where the data is), leaving out the spots a marker is near. Each
/// marker is looked at once, whatever the number of countries: with ten thousand places,
/// testing every spot against every marker cost more than the rest of the frame.
struct LabelSpots {
    /// The spots no marker is near, farthest from the centre first.
    free: Vec<Pos2>,
}

impl LabelSpots {
    const N: usize = 6;
    /// How far from a marker a name keeps, horizontally and vertically.
    const CLEAR: egui::Vec2 = egui::vec2(110.0, 30.0);

    fn new(view: egui::Rect, markers: &[Pos2]) -> LabelSpots {
        let n = Self::N;
        let step = egui::vec2(
            view.width() / (n - 1) as f32,
            view.height() / (n - 1) as f32,
        );
        let spot = |i: usize| {
            egui::pos2(
                view.left() + (i % n) as f32 * step.x,
                view.top() + (i / n) as f32 * step.y,
            )
        };
        // The grid columns (rows) within reach of a coordinate.
        let reach = |value: f32, origin: f32, step: f32, clear: f32| {
            if step <= 0.0 {
                return 0..n;
            }
            let lo = ((value - clear - origin) / step).ceil().max(0.0) as usize;
            let hi =
                (((value + clear - origin) / step).floor() + 1.0).clamp(0.0, n as f32) as usize;
            lo.min(n)..hi
        };
        let mut blocked = vec![false; n * n];
        for m in markers {
            for row in reach(m.y, view.top(), step.y, Self::CLEAR.y) {
                for col in reach(m.x, view.left(), step.x, Self::CLEAR.x) {
                    let s = spot(row * n + col);
                    if (m.x - s.x).abs() < Self::CLEAR.x && (m.y - s.y).abs() < Self::CLEAR.y {
                        blocked[row * n + col] = true;
                    }
                }
            }
        }
        let mut free: Vec<Pos2> = (0..n * n).filter(|&i| !blocked[i]).map(spot).collect();
        let c = view.center();
        free.sort_by(|a, b| b.distance(c).total_cmp(&a.distance(c)));
        LabelSpots { free }
    }

    /// The first free spot inside the country.
    fn inside(&self, area: &Area, projector: &Projector) -> Option<Pos2> {
        self.free.iter().copied().find(|p| {
            let point = projector.unproject(p.to_vec2());
            crate::geo::polygon_contains(&area.outlines, point.x(), point.y())
        })
    }
}

/// River labels go in the upper-left part of the view, away from the towns at the border.
fn river_label_spot(p: Pos2, projector: &Projector) -> bool {
    let r = projector.clip_rect();
    p.x < r.left() + r.width() * 0.45 && p.y < r.top() + r.height() * 0.55
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The grid walk blocks exactly the spots a marker is near, as testing every pair does.
    #[test]
    fn free_spots_are_those_no_marker_is_near() {
        let view = egui::Rect::from_min_max(egui::pos2(90.0, 60.0), egui::pos2(1190.0, 770.0));
        let markers: Vec<Pos2> = (0..500)
            .map(|i| {
                let (x, y) = ((i * 7919 % 1400) as f32, (i * 104_729 % 900) as f32);
                egui::pos2(x - 50.0, y - 40.0)
            })
            .collect();
        for markers in [&markers[..0], &markers[..3], &markers[..40], &markers[..]] {
            let spots = LabelSpots::new(view, markers);
            let n = LabelSpots::N;
            let brute: Vec<Pos2> = (0..n * n)
                .map(|i| {
                    egui::pos2(
                        view.left() + (i % n) as f32 * view.width() / (n - 1) as f32,
                        view.top() + (i / n) as f32 * view.height() / (n - 1) as f32,
                    )
                })
                .filter(|s| {
                    !markers.iter().any(|m| {
                        (m.x - s.x).abs() < LabelSpots::CLEAR.x
                            && (m.y - s.y).abs() < LabelSpots::CLEAR.y
                    })
                })
                .collect();
            let mut got = spots.free.clone();
            let key = |p: &Pos2| (p.x as i64, p.y as i64);
            got.sort_by_key(key);
            let mut want = brute;
            want.sort_by_key(key);
            assert_eq!(got, want, "{} markers", markers.len());
        }
        assert!(LabelSpots::new(view, &[]).free.len() == 36);
    }
}
