//! The map: the offline basemap, the markers and the labels as walkers plugins, with the legend,
//! the attribution and the view controls laid over it. OpenStreetMap tiles only when
//! asked for.
//!
//! - [`basemap`]: the bundled GeoJSON, triangulated; [`basemap_plugin`] draws it.
//! - [`projection`]: where places and basemap vertices are on screen, shared by the plugins.
//! - [`symbols`]: what a marker looks like; [`sprites`]: the markers' texture atlas.
//! - [`markers`], [`labels`]: the plugins over the basemap; [`legend`]: the overlay in a corner.
//! - [`areas`]: the inferred areas of control and front lines, under the markers, drawn into a
//!   texture ([`area_texture`]) between changes.
//! - [`fit`]: fitting the view to the data.

mod area_texture;
pub mod areas;
pub mod basemap;
pub mod basemap_plugin;
mod caption;
pub mod clusters;
pub mod fit;
pub mod labels;
pub mod legend;
pub mod markers;
pub mod projection;
mod reach_menu;
pub mod sprites;
pub mod symbols;
pub mod tiles;

use std::cell::RefCell;

use egui::{Color32, Rect, Ui, UiBuilder, vec2};
use walkers::{HttpOptions, HttpTiles, Map, MapMemory, lon_lat, sources::OpenStreetMap};

use super::action::Action;
use super::commands::{self, Command};
use super::panel::{View, ViewContext};
use super::theme;
use crate::app::state::toggles::Toggle;
use crate::store::PlaceIx;
use crate::view::scene::Scene;
use basemap::Basemap;
use basemap_plugin::BasemapPlugin;
use labels::{LabelsPlugin, PlacedLabels};
use legend::Legend;
use markers::{DrawnMarkers, MarkersPlugin};
use projection::Projection;
use sprites::SpriteAtlas;

/// About the height of the expanded legend overlay, with its margin.
const LEGEND_HEIGHT: f32 = 130.0;
/// About the height of the folded legend (one strip), with its margin.
const STRIP_HEIGHT: f32 = 34.0;

/// The map drawn for publishing: no view controls, legend, attribution or caption card (the
/// layout lays its own cards over it), the data fitted between the top `top` and the bottom
/// `bottom` points, and no place label under `avoid` (the layout's cards).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Bare {
    pub top: f32,
    pub bottom: f32,
    /// More margin left and right (the areas reach beyond the places).
    pub side: f32,
    pub avoid: Vec<Rect>,
}

pub struct MapView {
    pub memory: MapMemory,
    /// Fit the view to the data on the next frame (the map's size is only known then).
    needs_fit: bool,
    /// Keep the view fitted to the data while the map's size settles (first frames, window
    /// resizes) until the user pans or zooms.
    auto_fit: bool,
    fitted_size: egui::Vec2,
    /// The middle of the data, kept with the data's size: finding it walks every place's
    /// events, a fifth of a frame with ten thousand places.
    data_centre: Option<((usize, usize), Option<walkers::Position>)>,
    /// Where the map was drawn in the last frame.
    rect: Rect,
    tiles: Option<HttpTiles>,
    /// The tiles in view in the last frame: drawn, missing, loading.
    tile_count: tiles::TileCount,
    basemap: Basemap,
    projection: RefCell<Projection>,
    /// Where the basemap put the country names (see [`basemap_plugin::CountryLabels`]).
    country_labels: RefCell<basemap_plugin::CountryLabels>,
    sprites: SpriteAtlas,
    markers: DrawnMarkers,
    /// Which places the markers plugin drew in a cluster (the labels plugin leaves them out).
    clustered: RefCell<Vec<bool>>,
    labels: PlacedLabels,
    legend: Legend,
    /// The areas of control, kept until the states change.
    areas: areas::AreaLayer,
    /// Where the legend and the story's caption card were drawn in the last frame.
    legend_rect: Rect,
    caption_rect: Option<Rect>,
    /// Drawn for publishing (see [`Bare`]), or with its own overlays.
    pub(crate) bare: Option<Bare>,
}

/// What the markers and labels on screen depend on: while it stays the same (hovering,
/// reading a panel), laying them out again would give the same result.
#[derive(PartialEq, Clone, Copy)]
struct LayoutKey {
    scene: u64,
    projection: u64,
    clip: Rect,
    pixels_per_point: f32,
}

impl LayoutKey {
    fn new(scene: &Scene, projection: u64, clip: Rect, pixels_per_point: f32) -> LayoutKey {
        LayoutKey {
            scene: scene.revision(),
            projection,
            clip,
            pixels_per_point,
        }
    }
}

impl MapView {
    /// The map with the view of the last run, or fitted to the data when there is none.
    pub fn new(memory: Option<MapMemory>) -> MapView {
        MapView {
            needs_fit: memory.is_none(),
            auto_fit: memory.is_none(),
            fitted_size: egui::Vec2::ZERO,
            data_centre: None,
            rect: Rect::NOTHING,
            memory: memory.unwrap_or_default(),
            tiles: None,
            tile_count: tiles::TileCount::default(),
            basemap: Basemap::bundled(),
            projection: RefCell::default(),
            country_labels: RefCell::default(),
            sprites: SpriteAtlas::default(),
            markers: DrawnMarkers::default(),
            clustered: RefCell::default(),
            labels: PlacedLabels::default(),
            legend: Legend,
            areas: areas::AreaLayer::default(),
            legend_rect: Rect::NOTHING,
            caption_rect: None,
            bare: None,
        }
    }

    /// Where the legend was drawn in the last frame (nothing when publishing).
    pub fn legend_rect(&self) -> Rect {
        self.legend_rect
    }

    /// Where a story's caption card was drawn in the last frame, if one was.
    pub fn caption_rect(&self) -> Option<Rect> {
        self.caption_rect
    }

    /// Where the place labels were drawn in the last frame.
    pub fn label_rects(&self) -> Vec<Rect> {
        self.labels.rects()
    }

    /// Where the map was drawn in the last frame: how much of the window it has.
    pub fn rect(&self) -> Rect {
        self.rect
    }

    /// Where a place's marker was drawn in the last frame (for tests and tools: which point to
    /// click to hit it).
    pub fn place_on_screen(&self, place: PlaceIx) -> Option<egui::Pos2> {
        if self
            .markers
            .clusters
            .iter()
            .any(|c| c.places.contains(&place))
        {
            return None; // drawn in a cluster, not as a marker of its own
        }
        self.projection.borrow().place(place)
    }

    /// The clusters drawn in the last frame (for tests and tools).
    pub fn clusters(&self) -> &[clusters::DrawnCluster] {
        &self.markers.clusters
    }

    /// Fits the view to the data on the next frame, and keeps it fitted while the map's size
    /// settles.
    pub(crate) fn fit_to_data(&mut self) {
        self.needs_fit = true;
        self.auto_fit = true;
    }

    /// Zooms in (positive) or out (negative) by whole levels; the view stays where the user
    /// puts it from then on.
    pub fn zoom_by(&mut self, levels: i8) {
        for _ in 0..levels.unsigned_abs() {
            let _ = if levels > 0 {
                self.memory.zoom_in()
            } else {
                self.memory.zoom_out()
            };
        }
        self.auto_fit = false;
    }

    /// The view's centre `[lat, lon]` and zoom, as drawn: where the user or a step put it,
    /// or the data's centre it follows until then (a story's step records it).
    pub fn centre_and_zoom(&self, store: &crate::store::Store) -> ([f64; 2], f64) {
        let centre = self
            .memory
            .detached()
            .or_else(|| fit::data_centre(store))
            .or_else(|| self.basemap.centre().map(|[lon, lat]| lon_lat(lon, lat)))
            .unwrap_or(lon_lat(0.0, 0.0));
        ([centre.y(), centre.x()], self.memory.zoom())
    }

    /// Centres the view on a point, keeping the zoom; the view stays where it is put.
    pub fn centre_on(&mut self, lat: f64, lon: f64) {
        self.memory.center_at(lon_lat(lon, lat));
        self.auto_fit = false;
        self.needs_fit = false;
    }

    /// Centres the view on a point, at a zoom if given (a story's step); the view stays there.
    pub fn set_view(&mut self, lat: f64, lon: f64, zoom: Option<f64>) {
        self.memory.center_at(lon_lat(lon, lat));
        if let Some(zoom) = zoom {
            self.set_view_zoom(zoom);
        }
        self.needs_fit = false;
        self.auto_fit = false;
    }

    /// Sets the zoom (a story's step without a centre).
    pub fn set_view_zoom(&mut self, zoom: f64) {
        // Out of walkers' range: the zoom stays as it is.
        let _ = self.memory.set_zoom(zoom);
        self.needs_fit = false;
        self.auto_fit = false;
    }

    /// The data was reloaded: what was projected and laid out for the old places is dropped.
    pub(crate) fn data_changed(&mut self) {
        self.data_centre = None;
        self.projection.get_mut().forget_places();
        self.markers = DrawnMarkers::default();
        self.clustered.get_mut().clear();
        self.labels = PlacedLabels::default();
        self.areas.data_changed();
    }

    /// How far the areas reach, and when a state is stale.
    pub fn area_settings(&self) -> &crate::view::areas::AreaSettings {
        self.areas.settings()
    }

    pub fn set_area_settings(&mut self, settings: crate::view::areas::AreaSettings) {
        self.areas.set_settings(settings);
    }

    /// The areas of control as last drawn (for tests and tools).
    pub fn areas(&self) -> &crate::view::areas::Areas {
        self.areas.areas()
    }
}

impl View for MapView {
    /// Draws the map with its legend over it; a click on a marker selects its place.
    fn ui(&mut self, ui: &mut Ui, view: &ViewContext, actions: &mut Vec<Action>) {
        let rect = ui.available_rect_before_wrap();
        self.rect = rect;
        if self.needs_fit || (self.auto_fit && rect.size() != self.fitted_size) {
            // The legend takes the bottom-left corner: the data is fitted above it.
            let reserved = match &self.bare {
                Some(bare) => [bare.top, bare.bottom, bare.side],
                None if view.shown.legend => [0.0, LEGEND_HEIGHT, 0.0],
                None => [0.0, STRIP_HEIGHT, 0.0],
            };
            fit::fit_between(&mut self.memory, view.store, rect.size(), reserved);
            self.needs_fit = false;
            self.fitted_size = rect.size();
        }
        let show_tiles = view.shown.tiles;
        if show_tiles && self.tiles.is_none() {
            self.tiles = Some(osm_tiles(ui.ctx()));
        }
        let counts = (view.store.places.len(), view.store.events.len());
        let data_centre = match self.data_centre {
            Some((key, centre)) if key == counts => centre,
            _ => {
                let centre = fit::data_centre(view.store);
                self.data_centre = Some((counts, centre));
                centre
            }
        };
        let centre = data_centre
            .or_else(|| self.basemap.centre().map(|[lon, lat]| lon_lat(lon, lat)))
            .unwrap_or(lon_lat(0.0, 0.0));
        // With tiles, the basemap's fills are painted here, under them (see BasemapPlugin).
        let under_tiles = show_tiles.then(|| ui.painter().add(egui::Shape::Noop));
        let tile_note = self.tile_count.note();
        self.tile_count = tiles::TileCount::default();
        let mut counted = self
            .tiles
            .as_mut()
            .filter(|_| show_tiles)
            .map(|inner| tiles::Counted {
                inner,
                count: &mut self.tile_count,
            });
        // The caption card goes where the fewest labels were; labels keep out of it.
        let card = match &self.bare {
            Some(_) => None,
            None => caption::place_card(ui, view, rect, &self.labels.rects()),
        };
        self.caption_rect = card.map(|c| c.rect);
        let avoid: Vec<Rect> = match &self.bare {
            Some(bare) => bare.avoid.clone(),
            None => card.iter().map(|c| c.rect).collect(),
        };
        let bare = self.bare.is_some();
        let area_settings = self.areas.settings().clone();
        // A click on an area (selects its nearest place).
        let mut area_clicked = Vec::new();
        let mut map = Map::new(None, &mut self.memory, centre).with_plugin(BasemapPlugin {
            basemap: &self.basemap,
            avoid: &view.store.places,
            projection: &self.projection,
            under_tiles,
            country_labels: &self.country_labels,
            cards: self.bare.as_ref().map_or(&[], |b| b.avoid.as_slice()),
        });
        if let Some(counted) = counted.as_mut() {
            map = map.with_layer(counted as &mut dyn walkers::Tiles, 1.0);
        }
        let mut clicked = Vec::new();
        if view.shown.areas {
            let clusters = self
                .markers
                .clusters
                .iter()
                .map(|c| Rect::from_center_size(c.centre, vec2(2.0, 2.0) * (c.radius() + 1.0)))
                .collect();
            map = map.with_plugin(areas::AreasPlugin {
                view,
                layer: &mut self.areas,
                clusters,
                actions: &mut area_clicked,
            });
        }
        let map = map
            .with_plugin(MarkersPlugin {
                view,
                sprites: &mut self.sprites,
                projection: &self.projection,
                drawn: &mut self.markers,
                clustered: &self.clustered,
                actions: &mut clicked,
            })
            .with_plugin(LabelsPlugin {
                view,
                projection: &self.projection,
                placed: &mut self.labels,
                clustered: &self.clustered,
                avoid: &avoid,
            });
        let legend = &mut self.legend;
        let mut legend_rect = Rect::NOTHING;
        let shown = map.show(ui, |ui, response, projector, _memory| {
            let r = ui.max_rect();
            if bare {
                return;
            }
            // Where a click on the map is, for a place placed by hand in the claim form.
            if response.clicked()
                && let Some(pos) = response.interact_pointer_pos()
            {
                let at = projector.unproject(pos.to_vec2());
                actions.push(Action::MapClickedAt {
                    lat: at.y(),
                    lon: at.x(),
                });
            }
            // View controls, top right.
            let controls =
                Rect::from_min_size(r.right_top() + vec2(-400.0, 8.0), vec2(392.0, 30.0));
            ui.scope_builder(UiBuilder::new().max_rect(controls), |ui| {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    theme::overlay_frame().show(ui, |ui| {
                        commands::button(ui, Command::FitToData, false, actions);
                        commands::button(ui, Command::ZoomOut, false, actions);
                        commands::button(ui, Command::ZoomIn, false, actions);
                        commands::checkbox(ui, Command::Toggle(Toggle::Tiles), show_tiles, actions);
                        if view.shown.areas {
                            reach_menu::ui(ui, &area_settings, actions);
                        }
                        commands::checkbox(
                            ui,
                            Command::Toggle(Toggle::Areas),
                            view.shown.areas,
                            actions,
                        );
                    });
                });
            });
            // The legend, bottom left, over the map; the attribution keeps clear of it.
            legend_rect = egui::Area::new(egui::Id::unique("map-legend"))
                .order(egui::Order::Middle)
                .pivot(egui::Align2::LEFT_BOTTOM)
                .fixed_pos(r.left_bottom() + vec2(8.0, -8.0))
                .constrain_to(r)
                .show(ui.ctx(), |ui| {
                    ui.set_max_width((r.width() - 16.0).max(60.0));
                    legend.ui(ui, view, actions)
                })
                .response
                .rect;
            attribution(ui, r, legend_rect, show_tiles, tile_note);
            if let Some(card) = card {
                caption::caption_card(ui, view, card);
            }
            if let Some(compared) = view.compared {
                ring_changed(ui, compared, &self.projection.borrow());
            }
        });
        self.legend_rect = legend_rect;
        actions.append(&mut area_clicked);
        actions.append(&mut clicked);
        let r = &shown.response;
        if r.dragged()
            || (r.hovered()
                && ui.input(|i| i.smooth_scroll_delta != egui::Vec2::ZERO || i.zoom_delta() != 1.0))
        {
            self.auto_fit = false;
        }
    }
}

/// A ring around each place listed in the "what changed" window.
fn ring_changed(ui: &Ui, compared: &crate::app::state::compare::Compared, projection: &Projection) {
    let painter = ui.painter();
    let stroke = egui::Stroke::new(2.5, Color32::from_rgb(230, 90, 0));
    for c in &compared.changes {
        if let Some(pos) = projection.place(c.place) {
            painter.circle_stroke(pos, 13.0, stroke);
        }
    }
}

/// The sources of what the map shows, bottom right, clear of the legend (`legend`, bottom
/// left); with tiles on, whether they could not be loaded. The line wraps into the room right
/// of the legend; when that is too narrow it goes above the legend instead. It is a label in
/// the accessibility tree, so that tests can find where it is.
fn attribution(ui: &mut Ui, r: egui::Rect, legend: egui::Rect, osm: bool, tile_note: Option<&str>) {
    let mut text = crate::present::MAP_ATTRIBUTION.to_owned();
    if osm {
        text.push_str(" · Tiles © OpenStreetMap contributors");
        if let Some(note) = tile_note {
            text.push_str(" · ");
            text.push_str(note);
        }
    }
    let (right, bottom) = (r.right() - 6.0, r.bottom() - 4.0);
    let beside = right - (legend.right() + 10.0);
    let (wrap, bottom) = if beside >= 180.0 {
        (beside, bottom)
    } else {
        ((r.width() - 12.0).max(60.0), bottom.min(legend.top() - 6.0))
    };
    let colour = Color32::from_gray(60);
    let painter = ui.painter();
    let font = egui::FontId::proportional(11.0);
    let galley = painter.layout(text.clone(), font, colour, wrap);
    let size = galley.size();
    let rect = egui::Rect::from_min_size(egui::pos2(right - size.x, bottom - size.y), size);
    painter.rect_filled(rect.expand(2.0), 2.0, Color32::from_white_alpha(200));
    painter.galley(rect.min, galley, colour);
    let id = ui.scope_id().with("attribution");
    ui.interact(rect, id, egui::Sense::hover())
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &text));
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
