//! Where things at fixed coordinates (the places, the basemap's vertices) are on screen. Their
//! world pixels are computed once per zoom level, so that a frame only adds the pan offset.
//! One cache, shared by the plugins of a frame: the basemap (whose country names keep clear of
//! places), the markers and the labels.

use egui::Pos2;
use walkers::{Projector, lon_lat};

use super::basemap::Basemap;
use crate::store::{Place, PlaceIx};

/// The projector's zoom, as bits, so that it compares exactly.
type ZoomKey = u64;

#[derive(Default)]
pub(crate) struct Projection {
    /// The zoom the places' world pixels are for (`None`: not computed for these places).
    places_zoom: Option<ZoomKey>,
    places_world: Vec<[f64; 2]>,
    places_offset: [f64; 2],
    places_screen: Vec<Pos2>,
    /// Counts the changes of the places' screen positions, so that what is laid out over them
    /// can be kept until then.
    version: u64,
    basemap_zoom: Option<ZoomKey>,
    basemap_world: Vec<[f64; 2]>,
}

/// What to add to a world pixel (at the projector's zoom) to get a screen point. The view's
/// centre is the reference: near it, the screen coordinates are small and exact in `f32`.
pub(crate) fn world_to_screen(projector: &Projector) -> [f64; 2] {
    let centre = projector.clip_rect().center();
    let world = projector
        .projection()
        .project(projector.unproject(centre.to_vec2()), projector.zoom());
    [centre.x as f64 - world.x(), centre.y as f64 - world.y()]
}

/// World pixels of lon/lat points at the projector's zoom.
fn world_pixels(projector: &Projector, points: impl Iterator<Item = [f64; 2]>) -> Vec<[f64; 2]> {
    let projection = projector.projection();
    let zoom = projector.zoom();
    points
        .map(|[lon, lat]| {
            let w = projection.project(lon_lat(lon, lat), zoom);
            [w.x(), w.y()]
        })
        .collect()
}

impl Projection {
    /// Brings the places' screen positions up to date with the view. The places must be the
    /// same from frame to frame until [`Projection::forget_places`].
    pub(crate) fn update_places(&mut self, places: &[Place], projector: &Projector) {
        let zoom = projector.zoom().to_bits();
        let fresh = self.places_zoom != Some(zoom) || self.places_world.len() != places.len();
        if fresh {
            self.places_world = world_pixels(projector, places.iter().map(|p| [p.lon, p.lat]));
            self.places_zoom = Some(zoom);
        }
        let offset = world_to_screen(projector);
        if fresh || offset != self.places_offset {
            self.places_screen = self
                .places_world
                .iter()
                .map(|w| Pos2::new((w[0] + offset[0]) as f32, (w[1] + offset[1]) as f32))
                .collect();
            self.places_offset = offset;
            self.version += 1;
        }
    }

    /// The screen position of every place, in the order of the places, as last updated.
    pub fn places(&self) -> &[Pos2] {
        &self.places_screen
    }

    /// The places changed (the data was reloaded): project them anew.
    pub(crate) fn forget_places(&mut self) {
        self.places_zoom = None;
        self.places_world.clear();
        self.places_screen.clear();
        self.version += 1;
    }

    /// A place's screen position as last computed.
    pub fn place(&self, place: PlaceIx) -> Option<Pos2> {
        self.places_screen.get(place).copied()
    }

    /// Changes whenever the places' screen positions do (pan, zoom, other places).
    pub fn version(&self) -> u64 {
        self.version
    }

    /// The screen position of every basemap vertex, in the order of [`Basemap::points`].
    pub fn basemap<'a>(
        &'a mut self,
        basemap: &Basemap,
        projector: &Projector,
    ) -> impl Iterator<Item = Pos2> + 'a {
        let zoom = projector.zoom().to_bits();
        if self.basemap_zoom != Some(zoom) {
            self.basemap_world = world_pixels(projector, basemap.points());
            self.basemap_zoom = Some(zoom);
        }
        let [dx, dy] = world_to_screen(projector);
        self.basemap_world
            .iter()
            .map(move |w| Pos2::new((w[0] + dx) as f32, (w[1] + dy) as f32))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Rect, pos2};
    use walkers::{MapMemory, MercatorProjection, lat_lon};

    #[test]
    fn cached_positions_match_the_projector() {
        let mut memory = MapMemory::default();
        memory.set_zoom(8.0).unwrap();
        memory.center_at(lat_lon(34.6, 41.2));
        let clip = Rect::from_min_size(pos2(100.0, 50.0), egui::vec2(800.0, 600.0));
        let projector = Projector::new(clip, &MercatorProjection, &memory, lat_lon(0.0, 0.0));
        let store = crate::bundled::store();
        let mut projection = Projection::default();
        projection.update_places(&store.places, &projector);
        let screen = projection.places().to_vec();
        for (p, at) in store.places.iter().zip(&screen) {
            let exact = projector.project(lat_lon(p.lat, p.lon)).to_pos2();
            assert!(
                (exact - *at).length() < 0.01,
                "{}: {exact:?} vs {at:?}",
                p.name
            );
        }
        let version = projection.version();
        projection.update_places(&store.places, &projector);
        assert_eq!(projection.version(), version, "same view, same positions");
        projection.forget_places();
        assert_ne!(projection.version(), version);
    }
}
