//! The map: the offline basemap, markers and labels as walkers plugins, with the legend, the
//! attribution and the view controls laid over it. OpenStreetMap tiles only when asked for.

use egui::{Color32, Ui, UiBuilder, vec2};
use walkers::{HttpOptions, HttpTiles, Map, MapMemory, lat_lon, sources::OpenStreetMap};

use super::basemap::{Basemap, BasemapPlugin, ProjectionCache};
use super::legend::Legend;
use super::markers::{
    DrawnMarkers, LabelsPlugin, MarkerSprites, MarkersPlugin, PlaceProjection, PlacedLabels, Scene,
};
use crate::store::{PlaceIx, Store};

pub struct MapView {
    pub memory: MapMemory,
    /// Fit the view to the data on the next frame (the map's size is only known then).
    pub needs_fit: bool,
    /// Keep the view fitted to the data while the map's size settles (first frames, window
    /// resizes) until the user pans or zooms.
    auto_fit: bool,
    fitted_size: egui::Vec2,
    /// Whether OpenStreetMap tiles are shown (network; off by default).
    pub osm: bool,
    tiles: Option<HttpTiles>,
    basemap: Basemap,
    cache: ProjectionCache,
    sprites: MarkerSprites,
    projection: PlaceProjection,
    labels: PlacedLabels,
    markers: DrawnMarkers,
    pub legend: Legend,
}

impl MapView {
    pub fn new(memory: Option<MapMemory>, osm: bool) -> MapView {
        MapView {
            needs_fit: memory.is_none(),
            auto_fit: memory.is_none(),
            fitted_size: egui::Vec2::ZERO,
            memory: memory.unwrap_or_default(),
            osm,
            tiles: None,
            basemap: Basemap::bundled(),
            cache: ProjectionCache::default(),
            sprites: MarkerSprites::default(),
            projection: PlaceProjection::default(),
            labels: PlacedLabels::default(),
            markers: DrawnMarkers::default(),
            legend: Legend,
        }
    }

    /// Where a place's marker was drawn in the last frame (for tests and tools: which point to
    /// click to hit it).
    pub fn place_on_screen(&self, place: PlaceIx) -> Option<egui::Pos2> {
        self.projection.screen_position(place)
    }

    /// Draws the map with its legend beneath; returns the place whose marker was clicked.
    pub fn ui(&mut self, ui: &mut Ui, scene: Scene) -> Option<PlaceIx> {
        egui::Panel::bottom("legend")
            .resizable(false)
            .show(ui, |ui| {
                ui.add_space(2.0);
                self.legend.ui(ui, scene);
            });
        let rect = ui.available_rect_before_wrap();
        if self.needs_fit || (self.auto_fit && rect.size() != self.fitted_size) {
            fit(&mut self.memory, scene.store, rect.size());
            self.needs_fit = false;
            self.fitted_size = rect.size();
        }
        if self.osm && self.tiles.is_none() {
            self.tiles = Some(osm_tiles(ui.ctx()));
        }
        let mut clicked = None;
        let projection = std::cell::RefCell::new(std::mem::take(&mut self.projection));
        let center = data_center(scene.store);
        let tiles = if self.osm {
            self.tiles.as_mut().map(|t| t as &mut dyn walkers::Tiles)
        } else {
            None
        };
        let mut map = Map::new(None, &mut self.memory, center).with_plugin(BasemapPlugin {
            basemap: &self.basemap,
            cache: &mut self.cache,
            avoid: &scene.store.places,
            projection: &projection,
            over_tiles: self.osm,
        });
        if let Some(tiles) = tiles {
            map = map.with_layer(tiles, 1.0);
        }
        let map = map
            .with_plugin(MarkersPlugin {
                scene,
                clicked: &mut clicked,
                sprites: &mut self.sprites,
                projection: &projection,
                drawn: &mut self.markers,
            })
            .with_plugin(LabelsPlugin {
                scene,
                projection: &projection,
                placed: &mut self.labels,
            });
        let osm = &mut self.osm;
        let mut fit_now = false;
        let mut zoom: i8 = 0;
        let shown = map.show(ui, |ui, _response, _projector, _memory| {
            let r = ui.max_rect();
            // View controls, top right.
            ui.scope_builder(UiBuilder::new().max_rect(egui::Rect::from_min_size(r.right_top() + vec2(-260.0, 8.0), vec2(252.0, 30.0))), |ui| {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    overlay_frame().show(ui, |ui| {
                        if ui.button("Fit to data").on_hover_text("Fit the view to the places with events").clicked() {
                            fit_now = true;
                        }
                        if ui.button("−").on_hover_text("Zoom out").clicked() {
                            zoom = -1;
                        }
                        if ui.button("+").on_hover_text("Zoom in").clicked() {
                            zoom = 1;
                        }
                        ui.checkbox(osm, "OSM tiles").on_hover_text("Show OpenStreetMap tiles under the data (uses the network; cached on disk)");
                    });
                });
            });
            attribution(ui, r, *osm);
        });
        self.projection = projection.into_inner();
        let r = &shown.response;
        if r.dragged()
            || (r.hovered()
                && ui.input(|i| i.smooth_scroll_delta != egui::Vec2::ZERO || i.zoom_delta() != 1.0))
            || zoom != 0
        {
            self.auto_fit = false;
        }
        if fit_now {
            self.needs_fit = true;
            self.auto_fit = true;
        }
        match zoom {
            1 => _ = self.memory.zoom_in(),
            -1 => _ = self.memory.zoom_out(),
            _ => {}
        }
        clicked
    }
}

pub fn overlay_frame() -> egui::Frame {
    egui::Frame::NONE
        .fill(Color32::from_white_alpha(225))
        .stroke(egui::Stroke::new(1.0, Color32::from_gray(190)))
        .corner_radius(4.0)
        .inner_margin(6.0)
}

fn attribution(ui: &mut Ui, r: egui::Rect, osm: bool) {
    let mut text = "Basemap: Natural Earth · Places: GeoNames (geonames.org, CC BY 4.0)".to_owned();
    if osm {
        text.push_str(" · Tiles © OpenStreetMap contributors");
    }
    let painter = ui.painter();
    let galley = painter.layout_no_wrap(
        text,
        egui::FontId::proportional(11.0),
        Color32::from_gray(60),
    );
    let pos = r.right_bottom() - galley.size() - vec2(6.0, 4.0);
    painter.rect_filled(
        egui::Rect::from_min_size(pos, galley.size()).expand(2.0),
        2.0,
        Color32::from_white_alpha(200),
    );
    painter.galley(pos, galley, Color32::from_gray(60));
}

fn osm_tiles(ctx: &egui::Context) -> HttpTiles {
    let cache = directories::ProjectDirs::from("org", "Frontline", "frontline")
        .map(|d| d.cache_dir().join("tiles"));
    let options = HttpOptions {
        cache,
        user_agent: Some(walkers::HeaderValue::from_static(concat!(
            "Frontline/",
            env!("CARGO_PKG_VERSION")
        ))),
        ..Default::default()
    };
    HttpTiles::with_options(OpenStreetMap, options, ctx.clone())
}

/// Places the view is fitted to: those with events, or all when none has any.
fn fit_places(store: &Store) -> Vec<(f64, f64)> {
    let with_events: Vec<(f64, f64)> = store
        .places
        .iter()
        .enumerate()
        .filter(|(i, _)| store.timeline.place_events(*i).next().is_some())
        .map(|(_, p)| (p.lat, p.lon))
        .collect();
    if with_events.is_empty() {
        store.places.iter().map(|p| (p.lat, p.lon)).collect()
    } else {
        with_events
    }
}

fn data_center(store: &Store) -> walkers::Position {
    let pts = fit_places(store);
    if pts.is_empty() {
        return lat_lon(34.9, 40.9);
    }
    let (lat0, lat1, lon0, lon1) = bbox(&pts);
    lat_lon((lat0 + lat1) / 2.0, (lon0 + lon1) / 2.0)
}

fn bbox(pts: &[(f64, f64)]) -> (f64, f64, f64, f64) {
    pts.iter().fold(
        (f64::MAX, f64::MIN, f64::MAX, f64::MIN),
        |(a, b, c, d), &(lat, lon)| (a.min(lat), b.max(lat), c.min(lon), d.max(lon)),
    )
}

/// Web-Mercator y of a latitude, in units of the world's width.
fn mercator_y(lat: f64) -> f64 {
    let s = lat.to_radians().sin();
    0.5 - (((1.0 + s) / (1.0 - s)).ln()) / (4.0 * std::f64::consts::PI)
}

/// Centres the view on the data and picks the largest zoom at which it all fits, with a margin
/// for labels (walkers has no fit-to-bounds).
pub fn fit(memory: &mut MapMemory, store: &Store, size: egui::Vec2) {
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
    memory.center_at(lat_lon((lat0 + lat1) / 2.0, (lon0 + lon1) / 2.0));
}
