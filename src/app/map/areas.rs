//! The areas layer, under the markers: each place's cell filled in its holder's colour (a
//! contested cell split between both, a stale or lost one faint), and the front lines where
//! holders meet. Hovering an area names its holder and the places it is made of; clicking it
//! selects the nearest place. The areas are computed by [`crate::view::areas`]; here they are
//! kept until the states change, and their meshes until the zoom does (a pan only moves them).

use std::sync::Arc;

use egui::epaint::{TessellationOptions, Tessellator};
use egui::{Color32, Mesh, Pos2, Rect, Shape, Stroke, Vec2, pos2};
use walkers::{MapMemory, Plugin, Projector, lon_lat};

use super::area_texture::{self, AreaTexture, Key};
use super::projection::world_to_screen;
use crate::app::action::Action;
use crate::app::offscreen;
use crate::app::panel::ViewContext;
use crate::app::theme;
use crate::store::{PlaceIx, Store};
use crate::view::areas::{AreaKey, AreaSettings, AreaStatus, Areas, Cells, INFERRED_NOTE};

/// How opaque a cell's fill is (of 255): drawn in full, and faded.
const FILL_ALPHA: u8 = 95;
const FADED_ALPHA: u8 = 38;
/// Within this distance (points) of a place, the pointer is on its marker, not its area.
const MARKER_RADIUS: f32 = 11.0;

/// The areas and their meshes, kept by the map between frames.
#[derive(Default)]
pub(crate) struct AreaLayer {
    settings: AreaSettings,
    cells: Option<Arc<Cells>>,
    /// The scene's revision the looks were taken at, and each site's look.
    revision: Option<u64>,
    looks: Vec<Option<AreaKey>>,
    areas: Areas,
    /// Counts the changes of `areas`.
    generation: u64,
    /// The meshes relative to a world pixel, for a generation and zoom.
    world: Option<WorldMeshes>,
    /// The meshes on screen, for an offset: drawn in the frames where the areas or the zoom
    /// change (while scrubbing or zooming), when drawing them into the texture would not pay.
    screen: Option<([f64; 2], Arc<Mesh>, Arc<Mesh>)>,
    /// The meshes drawn into an image: what the other frames draw.
    texture: AreaTexture,
    /// The generation, zoom and offset of the last frame: the texture is drawn when the view
    /// has come to rest (drawing it costs tens of milliseconds at ten thousand places, too
    /// much to pay on every frame of a scrub, a zoom or a drag).
    last_view: Option<(u64, u64, [f64; 2])>,
}

struct WorldMeshes {
    generation: u64,
    zoom: u64,
    pixels_per_point: f32,
    /// The world pixel the meshes' coordinates count from.
    origin: [f64; 2],
    fills: Arc<Mesh>,
    fronts: Arc<Mesh>,
    /// What the meshes cover, in their coordinates.
    bounds: Rect,
}

impl AreaLayer {
    /// The data was reloaded: the cells are made again.
    pub(crate) fn data_changed(&mut self) {
        let settings = std::mem::take(&mut self.settings);
        *self = AreaLayer {
            settings,
            ..AreaLayer::default()
        };
    }

    /// Brings the areas up to the scene: computed again only when some cell's look changed.
    pub(crate) fn update(&mut self, view: &ViewContext) {
        let (store, scene) = (view.store, view.scene);
        let cells = self
            .cells
            .get_or_insert_with(|| Arc::new(Cells::of(&store.places, &self.settings)))
            .clone();
        if self.revision == Some(scene.revision()) {
            return;
        }
        self.revision = Some(scene.revision());
        let shown = |p: PlaceIx| scene.visible(p);
        let looks = Areas::looks(
            &cells,
            scene.states(),
            scene.cursor(),
            &self.settings,
            shown,
        );
        if looks != self.looks || self.generation == 0 {
            self.areas = Areas::of_looks(&cells, looks.clone(), scene.states(), shown);
            self.looks = looks;
            self.generation += 1;
        }
    }

    /// How far the areas reach, and when a state is stale.
    pub(crate) fn settings(&self) -> &AreaSettings {
        &self.settings
    }

    /// New settings: the cells and the areas are made again (a reach changes the cells).
    pub(crate) fn set_settings(&mut self, settings: AreaSettings) {
        if settings != self.settings {
            *self = AreaLayer {
                settings,
                ..AreaLayer::default()
            };
        }
    }

    /// The areas as last computed (for tests and tools).
    pub(crate) fn areas(&self) -> &Areas {
        &self.areas
    }
}

pub(crate) struct AreasPlugin<'a> {
    pub view: &'a ViewContext<'a>,
    pub layer: &'a mut AreaLayer,
    /// Where the markers' clusters were drawn in the last frame: the pointer there is theirs.
    pub clusters: Vec<Rect>,
    pub actions: &'a mut Vec<Action>,
}

impl Plugin for AreasPlugin<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut egui::Ui,
        response: &egui::Response,
        projector: &Projector,
        _memory: &MapMemory,
    ) {
        let AreasPlugin {
            view,
            layer,
            clusters,
            actions,
        } = *self;
        layer.update(view);
        let Some(cells) = layer.cells.clone() else {
            return;
        };
        let pixels_per_point = ui.ctx().pixels_per_point();
        let zoom = projector.zoom().to_bits();
        let fresh = layer.world.as_ref().is_none_or(|w| {
            w.generation != layer.generation
                || w.zoom != zoom
                || w.pixels_per_point != pixels_per_point
        });
        if fresh {
            layer.world = Some(world_meshes(
                view.store,
                &cells,
                &layer.areas,
                projector,
                (layer.generation, pixels_per_point),
                layer.settings.town_km,
            ));
            layer.screen = None;
        }
        let world = layer.world.as_ref().expect("made above");
        let [dx, dy] = world_to_screen(projector);
        let offset = [world.origin[0] + dx, world.origin[1] + dy];
        let shift = Vec2::new(offset[0] as f32, offset[1] as f32);
        let clip = projector.clip_rect();
        let painter = ui.painter().with_clip_rect(clip);
        // The view in the meshes' coordinates.
        let view_rect = clip.translate(-shift);
        let view_key = (layer.generation, zoom, pixels_per_point);
        let ctx = ui.ctx();
        let this_view = (layer.generation, zoom, offset);
        let at_rest = !fresh && layer.last_view == Some(this_view);
        layer.last_view = Some(this_view);
        if !offscreen::is_offscreen(ctx) {
            layer.texture.receive(ctx, view_key);
            if at_rest
                && !layer.texture.serves(view_key, view_rect)
                && !layer.texture.is_drawing()
                && let Some(key) = Key::for_view(ctx, view_key, view_rect, world.bounds)
            {
                layer
                    .texture
                    .draw(ctx, [world.fills.clone(), world.fronts.clone()], key);
            }
        }
        if layer.texture.serves(view_key, view_rect) {
            layer.texture.paint(&painter, shift);
            layer.screen = None;
        } else {
            if layer.screen.as_ref().is_none_or(|s| s.0 != offset) {
                let moved = |mesh: &Mesh| {
                    let mut mesh = mesh.clone();
                    mesh.translate(shift);
                    Arc::new(mesh)
                };
                layer.screen = Some((offset, moved(&world.fills), moved(&world.fronts)));
            }
            if let Some((_, fills, fronts)) = &layer.screen {
                painter.add(Shape::Mesh(fills.clone()));
                painter.add(Shape::Mesh(fronts.clone()));
            }
        }
        // Hover and click: the area under the pointer, unless a marker or a cluster is there.
        let Some(pointer) = response.hover_pos() else {
            return;
        };
        if clusters.iter().any(|r| r.contains(pointer)) {
            return;
        }
        let at = projector.unproject(pointer.to_vec2());
        let Some(site) = cells.site_at(at.x(), at.y()) else {
            return;
        };
        let area = layer.areas.site_area[site as usize];
        let Some(area) = layer.areas.areas.get(area as usize) else {
            return;
        };
        let near_marker = |p: PlaceIx| {
            let place = &view.store.places[p];
            let on_screen = projector.project(lon_lat(place.lon, place.lat)).to_pos2();
            on_screen.distance(pointer) < MARKER_RADIUS
        };
        // The nearest place is the cell's own (that is what a Voronoi cell is).
        if cells.site_places[site as usize]
            .iter()
            .any(|&p| near_marker(p))
        {
            return;
        }
        let nearest = cells.site_places[site as usize]
            .iter()
            .copied()
            .find(|&p| view.scene.visible(p) && view.scene.state(p).control.is_some());
        if response.clicked()
            && let Some(p) = nearest
        {
            actions.push(Action::Select(Some(p)));
        }
        let text = hover_text(view, area.key, &area.places, nearest);
        response.clone().on_hover_text_at_pointer(text);
    }
}

/// "Held by Islamic State (inferred) · 3 places: Abu Kamal (4 sources), ..."
fn hover_text(
    view: &ViewContext,
    key: AreaKey,
    places: &[PlaceIx],
    nearest: Option<PlaceIx>,
) -> String {
    let store = view.store;
    let name = |a: usize| store.actors.get(a).map_or("?", |x| x.name.as_str());
    let mut text = match key.status {
        AreaStatus::Held(a) => format!("Area held by {}", name(a)),
        AreaStatus::Contested(a, b) => {
            format!("Area contested between {} and {}", name(a), name(b))
        }
        AreaStatus::Lost(a, None) => format!(
            "Area no longer held by {} (who holds it is not said)",
            name(a)
        ),
        AreaStatus::Lost(a, Some(b)) => format!(
            "Area no longer held by {} or {} (who holds it is not said)",
            name(a),
            name(b)
        ),
    };
    if key.faded && !matches!(key.status, AreaStatus::Lost(..)) {
        text += ", carried forward from old reports (faded)";
    }
    let count = places.len();
    text += &format!(
        "\nMade of {count} {}:",
        if count == 1 { "place" } else { "places" }
    );
    const LISTED: usize = 8;
    for &p in places.iter().take(LISTED) {
        let sources = view.scene.state(p).sources;
        text += &format!(
            "\n  {} · {sources} {}",
            store.places[p].name,
            if sources == 1 { "source" } else { "sources" }
        );
    }
    if count > LISTED {
        text += &format!("\n  and {} more", count - LISTED);
    }
    text += &format!("\n{INFERRED_NOTE}.");
    if let Some(p) = nearest {
        text += &format!("\nClick to select {}.", store.places[p].name);
    }
    text
}

/// The fills and front lines in world pixels at the projector's zoom, relative to the view's
/// centre (small numbers, exact in `f32`).
fn world_meshes(
    store: &Store,
    cells: &Cells,
    areas: &Areas,
    projector: &Projector,
    (generation, pixels_per_point): (u64, f32),
    town_km: f64,
) -> WorldMeshes {
    let projection = projector.projection();
    let zoom = projector.zoom();
    let centre = projector.clip_rect().center();
    let origin = projection.project(projector.unproject(centre.to_vec2()), zoom);
    let origin = [origin.x(), origin.y()];
    let to_world = |lon: f64, lat: f64| {
        let w = projection.project(lon_lat(lon, lat), zoom);
        pos2((w.x() - origin[0]) as f32, (w.y() - origin[1]) as f32)
    };
    let colour = |a: usize, alpha: u8| {
        let c = store
            .actors
            .get(a)
            .map_or(theme::UNKNOWN, theme::actor_colour);
        Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), alpha)
    };
    let mut fills = Mesh::default();
    for (site, key) in areas.site_key.iter().enumerate() {
        let Some(key) = key else { continue };
        if areas.site_area[site] == u32::MAX {
            continue;
        }
        let alpha = if key.faded { FADED_ALPHA } else { FILL_ALPHA };
        let split_at = to_world(cells.sites[site].x, cells.sites[site].y).x;
        for polygon in &cells.cells[site] {
            let ring = |r: &geo::LineString<f64>| -> Vec<Pos2> {
                let mut points: Vec<Pos2> = r.coords().map(|c| to_world(c.x, c.y)).collect();
                points.pop(); // the closing point
                points
            };
            let outline = ring(polygon.exterior());
            let holes: Vec<Vec<Pos2>> = polygon.interiors().iter().map(ring).collect();
            match key.status {
                AreaStatus::Held(a) => fill(&mut fills, &outline, &holes, colour(a, alpha)),
                AreaStatus::Lost(..) => fill(
                    &mut fills,
                    &outline,
                    &holes,
                    Color32::from_rgba_unmultiplied(120, 120, 120, FADED_ALPHA),
                ),
                AreaStatus::Contested(a, b) => {
                    // Split through the place: one holder's colour west, the other's east.
                    let west = half(&outline, split_at, true);
                    let east = half(&outline, split_at, false);
                    fill(&mut fills, &west, &holes, colour(a, alpha));
                    fill(&mut fills, &east, &holes, colour(b, alpha));
                }
            }
        }
    }
    let mut tessellator = Tessellator::new(
        pixels_per_point,
        TessellationOptions::default(),
        [1, 1],
        Vec::new(),
    );
    // Zoomed out over many small cells, full-width front lines would be a scribble: they
    // narrow with the size of a town's reach on screen, and lose their casing.
    let reach_px = cells.sites.first().map_or(100.0, |s| {
        let km_per_degree = 111.2 * s.y.to_radians().cos();
        let (a, b) = (to_world(s.x, s.y), to_world(s.x + 1.0, s.y));
        (b.x - a.x) / km_per_degree as f32 * town_km as f32
    });
    let core = (reach_px / 8.0).clamp(0.8, 2.2);
    let mut strokes = vec![(core, Color32::from_rgb(30, 30, 30))];
    if core >= 1.5 {
        strokes.insert(0, (core + 2.8, Color32::from_white_alpha(200)));
    }
    let mut fronts = Mesh::default();
    for (width, colour) in strokes {
        for front in &areas.fronts {
            for line in &front.lines {
                let points: Vec<Pos2> = line.points.iter().map(|c| to_world(c.x, c.y)).collect();
                tessellator
                    .tessellate_shape(Shape::line(points, Stroke::new(width, colour)), &mut fronts);
            }
        }
    }
    WorldMeshes {
        generation,
        zoom: zoom.to_bits(),
        pixels_per_point,
        origin,
        bounds: area_texture::bounds([&fills, &fronts]),
        fills: Arc::new(fills),
        fronts: Arc::new(fronts),
    }
}

/// The part of a polygon west (or east) of a vertical line.
fn half(ring: &[Pos2], x: f32, west: bool) -> Vec<Pos2> {
    let side = |p: Pos2| if west { p.x - x } else { x - p.x };
    let mut out = Vec::with_capacity(ring.len() + 2);
    for (k, &a) in ring.iter().enumerate() {
        let b = ring[(k + 1) % ring.len()];
        let (sa, sb) = (side(a), side(b));
        if sa <= 0.0 {
            out.push(a);
        }
        if (sa <= 0.0) != (sb <= 0.0) {
            out.push(a + (b - a) * (sa / (sa - sb)));
        }
    }
    out
}

/// Fills a polygon (with holes) without feathering, so that neighbouring cells of one colour
/// show no seam: a fan when it is convex and whole, else earcut.
fn fill(mesh: &mut Mesh, outline: &[Pos2], holes: &[Vec<Pos2>], colour: Color32) {
    if outline.len() < 3 {
        return;
    }
    let base = mesh.vertices.len() as u32;
    if holes.is_empty() && convex(outline) {
        for &p in outline {
            mesh.colored_vertex(p, colour);
        }
        for k in 1..outline.len() as u32 - 1 {
            mesh.add_triangle(base, base + k, base + k + 1);
        }
        return;
    }
    let mut flat: Vec<f64> = Vec::new();
    let mut starts = Vec::new();
    for ring in std::iter::once(outline).chain(holes.iter().map(Vec::as_slice)) {
        if !flat.is_empty() {
            starts.push(flat.len() / 2);
        }
        flat.extend(ring.iter().flat_map(|p| [f64::from(p.x), f64::from(p.y)]));
    }
    let Ok(triangles) = earcutr::earcut(&flat, &starts, 2) else {
        return;
    };
    for xy in flat.chunks_exact(2) {
        mesh.colored_vertex(pos2(xy[0] as f32, xy[1] as f32), colour);
    }
    for t in triangles.chunks_exact(3) {
        mesh.add_triangle(base + t[0] as u32, base + t[1] as u32, base + t[2] as u32);
    }
}

/// Whether a ring turns one way only.
fn convex(ring: &[Pos2]) -> bool {
    let n = ring.len();
    let mut sign = 0.0f32;
    for k in 0..n {
        let (a, b, c) = (ring[k], ring[(k + 1) % n], ring[(k + 2) % n]);
        let cross = (b - a).x * (c - b).y - (b - a).y * (c - b).x;
        if cross.abs() > 1e-6 {
            if sign != 0.0 && cross.signum() != sign {
                return false;
            }
            sign = cross.signum();
        }
    }
    true
}

/// The legend's line for the areas, shown with them.
pub(crate) fn legend_note() -> &'static str {
    INFERRED_NOTE
}
