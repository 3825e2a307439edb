//! Fitting the view to the data: the places with events, centred, at the largest zoom at which
//! they all fit (walkers has no fit-to-bounds).

use walkers::{MapMemory, Position, lat_lon};

use crate::store::Store;

/// Places the view is fitted to: those with events dated closer than the year, or else those
/// with any event, or all when none has any. A claim known only to the year ("lost this
/// year") is background to the dated story: framing it too would zoom out until the towns
/// the story is about crowd into one another (the bundled Mosul is 300 km from the rest).
fn fit_places(store: &Store) -> Vec<(f64, f64)> {
    let with = |dated: bool| -> Vec<(f64, f64)> {
        store
            .places
            .iter()
            .enumerate()
            .filter(|(i, _)| {
                store
                    .timeline
                    .place_events(*i)
                    .any(|e| !dated || store.events[e].precision != crate::store::Precision::Year)
            })
            .map(|(_, p)| (p.lat, p.lon))
            .collect()
    };
    let dated = with(true);
    let with_events = if dated.is_empty() { with(false) } else { dated };
    if with_events.is_empty() {
        store.places.iter().map(|p| (p.lat, p.lon)).collect()
    } else {
        with_events
    }
}

/// (south, north, west, east) of lat/lon points.
fn bbox(pts: &[(f64, f64)]) -> (f64, f64, f64, f64) {
    pts.iter().fold(
        (f64::MAX, f64::MIN, f64::MAX, f64::MIN),
        |(a, b, c, d), &(lat, lon)| (a.min(lat), b.max(lat), c.min(lon), d.max(lon)),
    )
}

/// The middle of the places the view is fitted to; none when the data has no places.
pub(crate) fn data_centre(store: &Store) -> Option<Position> {
    let pts = fit_places(store);
    if pts.is_empty() {
        return None;
    }
    let (lat0, lat1, lon0, lon1) = bbox(&pts);
    Some(lat_lon((lat0 + lat1) / 2.0, (lon0 + lon1) / 2.0))
}

/// Web-Mercator y of a latitude, in units of the world's width.
fn mercator_y(lat: f64) -> f64 {
    let s = lat.to_radians().sin();
    0.5 - (((1.0 + s) / (1.0 - s)).ln()) / (4.0 * std::f64::consts::PI)
}

/// Centres the view on the data and picks the largest zoom at which it all fits, with a margin
/// for labels. Leaves the view as it is when the data has no places.
pub fn fit(memory: &mut MapMemory, store: &Store, size: egui::Vec2) {
    fit_above(memory, store, size, 0.0);
}

/// Latitude of a Web-Mercator y (the inverse of [`mercator_y`]).
fn mercator_lat(y: f64) -> f64 {
    (std::f64::consts::PI * (1.0 - 2.0 * y))
        .sinh()
        .atan()
        .to_degrees()
}

/// Like [`fit`], with the data in the part of the map above the bottom `reserved` points (where
/// the legend overlay is), so that the legend covers no place.
pub fn fit_above(memory: &mut MapMemory, store: &Store, size: egui::Vec2, reserved: f32) {
    fit_between(memory, store, size, [0.0, reserved, 0.0]);
}

/// Like [`fit`], with the data between the top `top` and the bottom `bottom` points (where
/// overlays are), so that they cover no place, and `side` more points of margin left and right.
pub fn fit_between(
    memory: &mut MapMemory,
    store: &Store,
    size: egui::Vec2,
    [top, bottom, side]: [f32; 3],
) {
    let reserved = bottom - top;
    let size = egui::vec2(
        (size.x - 2.0 * side).max(100.0),
        (size.y - top - bottom).max(100.0),
    );
    let pts = fit_places(store);
    if pts.is_empty() {
        return;
    }
    let (lat0, lat1, lon0, lon1) = bbox(&pts);
    let dx = ((lon1 - lon0) / 360.0).max(1e-6);
    let dy = (mercator_y(lat0) - mercator_y(lat1)).abs().max(1e-6);
    let w = (size.x as f64 - 160.0).max(100.0);
    let h = (size.y as f64 - 120.0).max(100.0);
    let zoom = (w / (256.0 * dx))
        .log2()
        .min((h / (256.0 * dy)).log2())
        // A single place (or a few close together) is shown with some country around it.
        .clamp(2.0, 10.0);
    let _ = memory.set_zoom(zoom);
    // The centre of the whole map is `reserved / 2` points below the centre of the data.
    let world = 256.0 * 2f64.powf(zoom);
    let y = (mercator_y(lat0) + mercator_y(lat1)) / 2.0 + f64::from(reserved) / 2.0 / world;
    memory.center_at(lat_lon(mercator_lat(y), (lon0 + lon1) / 2.0));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mercator_latitudes_round_trip() {
        for lat in [-60.0, 0.0, 34.45, 70.0] {
            assert!((mercator_lat(mercator_y(lat)) - lat).abs() < 1e-9, "{lat}");
        }
    }
}
