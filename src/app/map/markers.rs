//! Place markers and their labels, drawn as two walkers plugins over the basemap.
//! A marker shows who holds the place at the cursor, how fresh that is, and whether it just
//! changed; each marker is a widget labelled with the place's name, so it can be clicked,
//! hovered and found by accessibility tools and tests.

use std::f32::consts::PI;

use chrono::NaiveDateTime;
use std::cell::RefCell;
use std::collections::HashMap;

use egui::{Color32, FontId, Id, Mesh, Pos2, Rect, Sense, Shape, Stroke, Vec2, WidgetInfo, vec2};
use walkers::{MapMemory, Plugin, Projector, lat_lon};

use super::theme;
use crate::store::{Control, Place, PlaceIx, PlaceKind, PlaceState, Store};

/// What the markers need to know each frame.
#[derive(Clone, Copy)]
pub struct Scene<'a> {
    pub store: &'a Store,
    pub states: &'a [PlaceState],
    pub cursor: NaiveDateTime,
    pub selected: Option<PlaceIx>,
}

impl Scene<'_> {
    /// Whether the place's state began within the day before the cursor.
    pub fn just_changed(&self, p: PlaceIx) -> bool {
        let s = &self.states[p];
        s.since.is_some_and(|since| {
            let age = self.cursor - since;
            age >= chrono::Duration::zero()
                && age < chrono::Duration::days(1)
                && s.control.is_some()
        })
    }
}

/// The widget id of a place's marker.
pub fn marker_id(place_id: &str) -> Id {
    Id::unique(("frontline-marker", place_id))
}

pub struct MarkersPlugin<'a> {
    pub scene: Scene<'a>,
    /// Set when a marker is clicked.
    pub clicked: &'a mut Option<PlaceIx>,
    pub sprites: &'a mut MarkerSprites,
    pub projection: &'a RefCell<PlaceProjection>,
    pub drawn: &'a mut DrawnMarkers,
}

/// Where the places are on screen this frame. Their world pixels are computed once per zoom
/// level (as the basemap's vertices are), so that a frame only adds the pan offset; shared by
/// the basemap (country names keep clear of places), the markers and the labels.
#[derive(Default)]
pub struct PlaceProjection {
    /// The places (address and count) and the zoom the world pixels are for.
    key: (usize, usize, u64),
    world: Vec<[f64; 2]>,
    offset: (f64, f64),
    screen: Vec<Pos2>,
    /// Counts the changes of `screen`, so that what is laid out over it can be kept until then.
    version: u64,
}

impl PlaceProjection {
    /// The screen position of every place, in the order of `places`.
    pub fn update(&mut self, places: &[Place], projector: &Projector) -> &[Pos2] {
        let zoom = projector.zoom();
        let projection = projector.projection();
        let key = (places.as_ptr() as usize, places.len(), zoom.to_bits());
        let fresh = key != self.key;
        if fresh {
            self.world = places
                .iter()
                .map(|p| {
                    let w = projection.project(lat_lon(p.lat, p.lon), zoom);
                    [w.x(), w.y()]
                })
                .collect();
            self.key = key;
        }
        let reference = lat_lon(35.0, 40.0);
        let world_ref = projection.project(reference, zoom);
        let screen_ref = projector.project(reference);
        let offset = (
            screen_ref.x as f64 - world_ref.x(),
            screen_ref.y as f64 - world_ref.y(),
        );
        if fresh || offset != self.offset {
            self.screen = self
                .world
                .iter()
                .map(|w| Pos2::new((w[0] + offset.0) as f32, (w[1] + offset.1) as f32))
                .collect();
            self.offset = offset;
            self.version += 1;
        }
        &self.screen
    }

    /// A place's screen position as last computed.
    pub fn screen_position(&self, place: PlaceIx) -> Option<Pos2> {
        self.screen.get(place).copied()
    }

    /// Changes whenever the screen positions do (pan, zoom, other places).
    pub fn version(&self) -> u64 {
        self.version
    }
}

/// What a marker looks like: markers that look alike share one sprite.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct SpriteKey {
    kind: PlaceKind,
    colours: [Option<Color32>; 2],
    /// Freshness, in hundredths.
    alpha: u8,
    just_changed: bool,
    selected: bool,
    inferred: bool,
}

/// Up to this many markers on screen, each is a widget of its own.
pub const MAX_MARKER_WIDGETS: usize = 300;

/// The side of a sprite's cell, in points: room for the largest marker with its halo.
const CELL: f32 = 44.0;
/// Sprites per row of the atlas.
const ATLAS_COLUMNS: usize = 16;

/// Markers drawn once per look (kind, colours, freshness, halo, selection, ring) into a
/// texture atlas, then shown as one textured quad each: a thousand markers are four thousand
/// vertices, not a thousand tessellations of anti-aliased circles. A sprite is the marker's
/// own shapes, tessellated as egui would and rasterised on the CPU, so it looks the same.
#[derive(Default)]
pub struct MarkerSprites {
    pixels_per_point: f32,
    slots: HashMap<SpriteKey, usize>,
    /// The atlas, `ATLAS_COLUMNS` cells wide, as many rows as needed.
    image: Option<egui::ColorImage>,
    texture: Option<egui::TextureHandle>,
    dirty: bool,
}

impl MarkerSprites {
    /// Pixels per cell side.
    fn cell_px(&self) -> usize {
        (CELL * self.pixels_per_point).ceil() as usize
    }

    /// The slot of a sprite, drawing it on first use.
    fn slot(&mut self, key: SpriteKey, pixels_per_point: f32) -> usize {
        if self.pixels_per_point != pixels_per_point || self.slots.len() >= 4096 {
            self.slots.clear();
            self.image = None;
            self.pixels_per_point = pixels_per_point;
        }
        if let Some(&slot) = self.slots.get(&key) {
            return slot;
        }
        let slot = self.slots.len();
        let cell = self.cell_px();
        let rows = slot / ATLAS_COLUMNS + 1;
        let width = cell * ATLAS_COLUMNS;
        let image = self.image.get_or_insert_with(|| {
            egui::ColorImage::filled([width, cell * 4], Color32::TRANSPARENT)
        });
        if image.size[1] < rows * cell {
            // Grow by doubling, keeping what is drawn.
            let mut pixels = std::mem::take(&mut image.pixels);
            pixels.resize(
                width * rows.next_power_of_two() * cell,
                Color32::TRANSPARENT,
            );
            *image = egui::ColorImage::new([width, rows.next_power_of_two() * cell], pixels);
        }
        let colours: Vec<Color32> = key.colours.iter().flatten().copied().collect();
        let centre = Pos2::new(CELL / 2.0, CELL / 2.0);
        let mut shapes = marker_shapes(
            centre,
            key.kind,
            &colours,
            key.alpha as f32 / 100.0,
            key.just_changed,
            key.selected,
        );
        if key.inferred {
            shapes.extend(inferred_ring_shapes(centre, key.kind));
        }
        let mut tessellator = egui::epaint::Tessellator::new(
            pixels_per_point,
            egui::epaint::TessellationOptions::default(),
            [1, 1],
            Vec::new(),
        );
        let mut mesh = Mesh::default();
        for shape in shapes {
            tessellator.tessellate_shape(shape, &mut mesh);
        }
        let origin = [(slot % ATLAS_COLUMNS) * cell, (slot / ATLAS_COLUMNS) * cell];
        rasterise(&mesh, pixels_per_point, image, origin, cell);
        self.slots.insert(key, slot);
        self.dirty = true;
        slot
    }

    /// The atlas texture, uploaded again when sprites were added.
    fn texture(&mut self, ctx: &egui::Context) -> Option<egui::TextureId> {
        let image = self.image.as_ref()?;
        if self.dirty || self.texture.is_none() {
            let options = egui::TextureOptions::LINEAR;
            match &mut self.texture {
                Some(t) => t.set(image.clone(), options),
                None => {
                    self.texture = Some(ctx.load_texture("marker-sprites", image.clone(), options))
                }
            }
            self.dirty = false;
        }
        self.texture.as_ref().map(|t| t.id())
    }

    /// The texture coordinates of a slot.
    fn uv(&self, slot: usize) -> Rect {
        let Some(image) = &self.image else {
            return Rect::NOTHING;
        };
        let cell = self.cell_px() as f32;
        let (w, h) = (image.size[0] as f32, image.size[1] as f32);
        let x = (slot % ATLAS_COLUMNS) as f32 * cell;
        let y = (slot / ATLAS_COLUMNS) as f32 * cell;
        Rect::from_min_max(
            Pos2::new(x / w, y / h),
            Pos2::new((x + cell) / w, (y + cell) / h),
        )
    }
}

/// Draws a tessellated mesh (positions in points) into a cell of an image: each triangle's
/// pixels, sampled at their centres, with the vertex colours interpolated and blended over
/// what is there (premultiplied alpha), as the GPU would.
fn rasterise(mesh: &Mesh, ppp: f32, image: &mut egui::ColorImage, origin: [usize; 2], cell: usize) {
    let width = image.size[0];
    let edge = |a: (f32, f32), b: (f32, f32), c: (f32, f32)| {
        (b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0)
    };
    for tri in mesh.indices.chunks_exact(3) {
        let v = [tri[0], tri[1], tri[2]].map(|i| mesh.vertices[i as usize]);
        let p = v.map(|v| (v.pos.x * ppp, v.pos.y * ppp));
        let area = edge(p[0], p[1], p[2]);
        if area.abs() < 1e-6 {
            continue;
        }
        let xs = p.map(|q| q.0);
        let ys = p.map(|q| q.1);
        let span = |c: [f32; 3]| {
            let lo = c[0].min(c[1]).min(c[2]).floor().max(0.0) as usize;
            let hi = c[0].max(c[1]).max(c[2]).ceil().max(0.0) as usize;
            (lo.min(cell), hi.min(cell))
        };
        let ((x0, x1), (y0, y1)) = (span(xs), span(ys));
        let colours = v.map(|v| v.color.to_array().map(f32::from));
        for y in y0..y1 {
            for x in x0..x1 {
                let c = (x as f32 + 0.5, y as f32 + 0.5);
                let w0 = edge(p[1], p[2], c) / area;
                let w1 = edge(p[2], p[0], c) / area;
                let w2 = 1.0 - w0 - w1;
                if w0 < 0.0 || w1 < 0.0 || w2 < 0.0 {
                    continue;
                }
                let src: [f32; 4] = std::array::from_fn(|k| {
                    colours[0][k] * w0 + colours[1][k] * w1 + colours[2][k] * w2
                });
                let px = &mut image.pixels[(origin[1] + y) * width + origin[0] + x];
                let dst = px.to_array().map(f32::from);
                let keep = 1.0 - src[3] / 255.0;
                let out: [u8; 4] = std::array::from_fn(|k| {
                    (src[k] + dst[k] * keep).round().clamp(0.0, 255.0) as u8
                });
                *px = Color32::from_rgba_premultiplied(out[0], out[1], out[2], out[3]);
            }
        }
    }
}

impl Plugin for MarkersPlugin<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut egui::Ui,
        response: &egui::Response,
        projector: &Projector,
        _memory: &MapMemory,
    ) {
        let scene = self.scene;
        let clip = projector.clip_rect();
        let painter = ui.painter().with_clip_rect(clip);
        let pixels_per_point = ui.ctx().pixels_per_point();
        let mut projection = self.projection.borrow_mut();
        projection.update(&scene.store.places, projector);
        let screen = &projection.screen;
        let key = SceneKey::new(scene, projection.version(), clip, pixels_per_point);
        let drawn = &mut *self.drawn;
        if drawn.key != Some(key) {
            // Selected last, so that it is drawn on top.
            let mut order: Vec<PlaceIx> = (0..scene.store.places.len())
                .filter(|&p| {
                    let r = theme::marker_radius(scene.store.places[p].kind);
                    // Off screen: neither drawn nor interactive.
                    clip.expand(r + 8.0).contains(screen[p])
                })
                .collect();
            order.sort_by_key(|&p| (Some(p) == scene.selected, scene.states[p].control.is_some()));
            let quads: Vec<(Rect, usize)> = order
                .iter()
                .map(|&p| {
                    let slot = self.sprites.slot(
                        sprite_key(scene.store.places[p].kind, scene, p),
                        pixels_per_point,
                    );
                    // On the pixel grid, so that the sprite's pixels land on the screen's.
                    let centre =
                        (screen[p].to_vec2() * pixels_per_point).round() / pixels_per_point;
                    (
                        Rect::from_center_size(centre.to_pos2(), Vec2::splat(CELL)),
                        slot,
                    )
                })
                .collect();
            drawn.mesh = self.sprites.texture(ui.ctx()).map(|texture| {
                let mut mesh = Mesh::with_texture(texture);
                mesh.reserve_triangles(quads.len() * 2);
                mesh.reserve_vertices(quads.len() * 4);
                for (rect, slot) in quads {
                    mesh.add_rect_with_uv(rect, self.sprites.uv(slot), Color32::WHITE);
                }
                std::sync::Arc::new(mesh)
            });
            drawn.order = order;
            drawn.key = Some(key);
        }
        let order = &drawn.order;
        // Each marker is a widget of its own (clickable, named for screen readers and tests)
        // while there are few enough on screen; beyond that, registering a thousand widgets a
        // frame costs more than drawing them, and the map's own response is hit-tested instead.
        if order.len() <= MAX_MARKER_WIDGETS {
            for &p in order {
                let place = &scene.store.places[p];
                let r = theme::marker_radius(place.kind);
                let rect = Rect::from_center_size(screen[p], Vec2::splat(2.0 * r + 6.0));
                let response = ui
                    .interact(rect, marker_id(&place.id), Sense::click())
                    .on_hover_cursor(egui::CursorIcon::PointingHand);
                response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &place.name));
                if response.clicked() {
                    *self.clicked = Some(p);
                }
                if response.hovered() {
                    response.on_hover_ui(|ui| tooltip(ui, scene, p));
                }
            }
        } else if let Some(pointer) = response.hover_pos() {
            // The marker under the pointer: the topmost (last drawn) within its hit area.
            let hit = order.iter().rev().copied().find(|&p| {
                let r = theme::marker_radius(scene.store.places[p].kind);
                Rect::from_center_size(screen[p], Vec2::splat(2.0 * r + 6.0)).contains(pointer)
            });
            if let Some(p) = hit {
                ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
                if response.clicked() {
                    *self.clicked = Some(p);
                }
                response
                    .clone()
                    .on_hover_ui_at_pointer(|ui| tooltip(ui, scene, p));
            }
        }
        if let Some(mesh) = &drawn.mesh {
            painter.add(Shape::Mesh(mesh.clone()));
        }
    }
}

/// The markers drawn in the last frame and what they were drawn for.
#[derive(Default)]
pub struct DrawnMarkers {
    key: Option<SceneKey>,
    /// Places on screen, in drawing order.
    order: Vec<PlaceIx>,
    mesh: Option<std::sync::Arc<Mesh>>,
}

/// What the markers and labels on screen depend on: while it stays the same (hovering,
/// reading a panel), drawing them again would give the same result.
#[derive(PartialEq, Clone, Copy)]
struct SceneKey {
    projection: u64,
    clip: Rect,
    pixels_per_point: f32,
    store: u64,
    states: (usize, usize),
    cursor: chrono::NaiveDateTime,
    selected: Option<PlaceIx>,
}

impl SceneKey {
    fn new(scene: Scene, projection: u64, clip: Rect, pixels_per_point: f32) -> SceneKey {
        SceneKey {
            projection,
            clip,
            pixels_per_point,
            store: scene.store.generation,
            states: (scene.states.as_ptr() as usize, scene.states.len()),
            cursor: scene.cursor,
            selected: scene.selected,
        }
    }
}

fn sprite_key(kind: PlaceKind, scene: Scene, p: PlaceIx) -> SpriteKey {
    let state = &scene.states[p];
    let colours = theme::control_colours(state.control, &scene.store.actors);
    SpriteKey {
        kind,
        colours: [colours.first().copied(), colours.get(1).copied()],
        alpha: (theme::freshness_alpha(state.age_days(scene.cursor)) * 100.0).round() as u8,
        just_changed: scene.just_changed(p),
        selected: scene.selected == Some(p),
        inferred: state
            .since_event
            .is_some_and(|e| scene.store.events[e].basis == crate::store::Basis::Inferred),
    }
}

fn tooltip(ui: &mut egui::Ui, scene: Scene, p: PlaceIx) {
    let place = &scene.store.places[p];
    let s = &scene.states[p];
    ui.strong(&place.name);
    ui.label(format!("{}, {}", place.kind.label(), place.country));
    ui.label(super::place_panel::status_sentence(
        scene.store,
        s,
        scene.cursor,
    ));
    if s.control.is_some() {
        ui.label(format!("{} quote(s) behind this state", s.sources));
    }
    ui.weak("Click for the sources");
}

/// Points on an arc, for half discs.
fn arc(center: Pos2, r: f32, from: f32, to: f32) -> Vec<Pos2> {
    let n = 16;
    (0..=n)
        .map(|i| {
            let a = from + (to - from) * i as f32 / n as f32;
            center + vec2(a.cos(), a.sin()) * r
        })
        .collect()
}

fn diamond(center: Pos2, r: f32) -> Vec<Pos2> {
    vec![
        center + vec2(0.0, -r * 1.2),
        center + vec2(r * 1.2, 0.0),
        center + vec2(0.0, r * 1.2),
        center + vec2(-r * 1.2, 0.0),
    ]
}

fn circle_points(center: Pos2, r: f32) -> Vec<Pos2> {
    (0..32)
        .map(|i| {
            let a = 2.0 * PI * i as f32 / 32.0;
            center + vec2(a.cos(), a.sin()) * r
        })
        .collect()
}

fn shape_points(center: Pos2, r: f32, kind: PlaceKind) -> Vec<Pos2> {
    match kind {
        PlaceKind::BorderCrossing => diamond(center, r),
        _ => circle_points(center, r),
    }
}

/// Left and right halves of a marker, for contested places.
fn halves(center: Pos2, r: f32, kind: PlaceKind) -> [Vec<Pos2>; 2] {
    match kind {
        PlaceKind::BorderCrossing => {
            let (t, rt, b, l) = (
                center + vec2(0.0, -r * 1.2),
                center + vec2(r * 1.2, 0.0),
                center + vec2(0.0, r * 1.2),
                center + vec2(-r * 1.2, 0.0),
            );
            [vec![t, b, l], vec![t, rt, b]]
        }
        _ => [
            arc(center, r, 0.5 * PI, 1.5 * PI),
            arc(center, r, -0.5 * PI, 0.5 * PI),
        ],
    }
}

/// Draws one marker. Also used by the legend, so that it shows exactly what the map shows.
pub fn paint_marker(
    painter: &egui::Painter,
    at: Pos2,
    kind: PlaceKind,
    colours: &[Color32],
    alpha: f32,
    just_changed: bool,
    selected: bool,
) {
    painter.extend(marker_shapes(
        at,
        kind,
        colours,
        alpha,
        just_changed,
        selected,
    ));
}

/// The shapes of one marker.
fn marker_shapes(
    at: Pos2,
    kind: PlaceKind,
    colours: &[Color32],
    alpha: f32,
    just_changed: bool,
    selected: bool,
) -> Vec<Shape> {
    let mut out = Vec::with_capacity(6);
    let r = theme::marker_radius(kind);
    if just_changed {
        out.push(Shape::convex_polygon(
            shape_points(at, r + 6.0, kind),
            theme::JUST_CHANGED.gamma_multiply(0.35),
            Stroke::new(2.0, theme::JUST_CHANGED),
        ));
    }
    if selected {
        out.push(Shape::closed_line(
            shape_points(at, r + 4.0, kind),
            Stroke::new(3.0, theme::SELECTED),
        ));
    }
    let white = Stroke::new(1.5, Color32::WHITE);
    match colours {
        [] => {
            // Unknown: hollow grey.
            out.push(Shape::convex_polygon(
                shape_points(at, r, kind),
                Color32::from_white_alpha(150),
                Stroke::new(2.0, theme::UNKNOWN),
            ));
        }
        [c] if kind != PlaceKind::BorderCrossing => {
            // Carried-forward states fade towards white but keep a solid edge in the holder's colour.
            let fill = Color32::WHITE.lerp_to_gamma(*c, alpha);
            out.push(Shape::circle_filled(at, r, fill));
            out.push(Shape::circle_stroke(at, r, Stroke::new(2.0, *c)));
            out.push(Shape::circle_stroke(at, r + 1.5, white));
        }
        [c] => {
            let fill = Color32::WHITE.lerp_to_gamma(*c, alpha);
            out.push(Shape::convex_polygon(
                shape_points(at, r, kind),
                fill,
                Stroke::new(2.0, *c),
            ));
            out.push(Shape::closed_line(shape_points(at, r + 1.5, kind), white));
        }
        [a, b, ..] => {
            let [left, right] = halves(at, r, kind);
            out.push(Shape::convex_polygon(
                left,
                Color32::WHITE.lerp_to_gamma(*a, alpha),
                Stroke::NONE,
            ));
            out.push(Shape::convex_polygon(
                right,
                Color32::WHITE.lerp_to_gamma(*b, alpha),
                Stroke::NONE,
            ));
            out.push(Shape::line_segment(
                [at + vec2(0.0, -r * 1.2), at + vec2(0.0, r * 1.2)],
                Stroke::new(1.0, Color32::WHITE),
            ));
            out.push(Shape::closed_line(
                shape_points(at, r, kind),
                Stroke::new(1.5, Color32::from_gray(60)),
            ));
            out.push(Shape::closed_line(shape_points(at, r + 1.5, kind), white));
        }
    }
    out
}

/// A dashed ring: the state is inferred from what the articles say, not stated.
pub fn paint_inferred_ring(painter: &egui::Painter, at: Pos2, kind: PlaceKind) {
    painter.extend(inferred_ring_shapes(at, kind));
}

fn inferred_ring_shapes(at: Pos2, kind: PlaceKind) -> Vec<Shape> {
    let r = theme::marker_radius(kind) + 3.5;
    let mut pts = shape_points(at, r, kind);
    if let Some(first) = pts.first().copied() {
        pts.push(first);
    }
    Shape::dashed_line(&pts, Stroke::new(1.5, Color32::from_gray(40)), 3.0, 2.5)
}

/// Place names, decluttered: placed in order of priority, each beside its marker where it
/// overlaps nothing already placed, or left out.
pub struct LabelsPlugin<'a> {
    pub scene: Scene<'a>,
    pub projection: &'a RefCell<PlaceProjection>,
    pub placed: &'a mut PlacedLabels,
}

/// The labels placed in the last frame and what they were placed for: while the view, the
/// states and the selection stay the same (hovering, reading a panel), placing a thousand
/// labels again would give the same result.
#[derive(Default)]
pub struct PlacedLabels {
    key: Option<SceneKey>,
    labels: Vec<(Rect, std::sync::Arc<egui::Galley>, Color32)>,
}

impl Plugin for LabelsPlugin<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut egui::Ui,
        _response: &egui::Response,
        projector: &Projector,
        _memory: &MapMemory,
    ) {
        let scene = self.scene;
        let clip = projector.clip_rect();
        let painter = ui.painter().with_clip_rect(clip);
        let mut projection = self.projection.borrow_mut();
        projection.update(&scene.store.places, projector);
        let key = SceneKey::new(
            scene,
            projection.version(),
            clip,
            ui.ctx().pixels_per_point(),
        );
        if self.placed.key != Some(key) {
            self.placed.labels = place_labels(scene, &projection.screen, clip, &painter);
            self.placed.key = Some(key);
        }
        for (rect, galley, colour) in &self.placed.labels {
            // A halo keeps the name readable over rivers and borders.
            painter.rect_filled(rect.expand(1.5), 3.0, Color32::from_white_alpha(190));
            painter.galley(rect.min, galley.clone(), *colour);
        }
    }
}

/// Labels by priority, each beside its marker where it overlaps no marker and no label placed
/// before it; those that fit nowhere are left out.
fn place_labels(
    scene: Scene,
    screen: &[Pos2],
    clip: Rect,
    painter: &egui::Painter,
) -> Vec<(Rect, std::sync::Arc<egui::Galley>, Color32)> {
    let mut placed = Vec::new();
    let mut candidates: Vec<(PlaceIx, Pos2, f32)> = scene
        .store
        .places
        .iter()
        .zip(screen)
        .enumerate()
        .filter_map(|(i, (p, &at))| {
            clip.contains(at)
                .then_some((i, at, theme::marker_radius(p.kind)))
        })
        .collect();
    candidates.sort_by_key(|&(i, _, _)| label_priority(scene, i));
    // Markers are obstacles too.
    let mut taken = Occupied::new(clip, 64.0);
    for &(_, at, r) in &candidates {
        taken.insert(Rect::from_center_size(at, Vec2::splat(2.0 * r + 8.0)));
    }
    for (i, at, r) in candidates {
        let place = &scene.store.places[i];
        let strong = Some(i) == scene.selected || scene.states[i].control.is_some();
        let font = FontId::proportional(if place.kind == PlaceKind::City {
            14.0
        } else {
            12.5
        });
        let colour = if strong {
            Color32::from_gray(20)
        } else {
            Color32::from_gray(90)
        };
        let gap = r + 8.0;
        let spots = |size: Vec2| {
            [
                at + vec2(gap, -size.y / 2.0),
                at + vec2(-gap - size.x, -size.y / 2.0),
                at + vec2(-size.x / 2.0, -gap - size.y),
                at + vec2(-size.x / 2.0, gap),
            ]
            .map(|p| Rect::from_min_size(p, size))
        };
        let free = |rect: &Rect| clip.contains_rect(*rect) && !taken.hits(rect.expand(1.0));
        // Each spot of a label grows from a fixed edge, so a label smaller than the real
        // one that fits nowhere means the real one does not either: most labels of a
        // crowded map are ruled out before their text is laid out.
        let at_least = vec2(
            place.name.chars().count() as f32 * 0.25 * font.size,
            font.size,
        );
        if !spots(at_least).iter().any(free) {
            continue;
        }
        let galley = painter.layout_no_wrap(place.name.clone(), font, colour);
        let Some(rect) = spots(galley.size()).into_iter().find(free) else {
            continue;
        };
        taken.insert(rect);
        placed.push((rect, galley, colour));
    }
    placed
}

/// Rectangles placed so far, bucketed in a grid of square cells, so that testing a label
/// against what is taken looks at the few rectangles nearby, not at all of them.
struct Occupied {
    origin: Pos2,
    cell: f32,
    cols: usize,
    rows: usize,
    buckets: Vec<Vec<Rect>>,
}

impl Occupied {
    fn new(area: Rect, cell: f32) -> Occupied {
        let cols = ((area.width() / cell).ceil() as usize).clamp(1, 256);
        let rows = ((area.height() / cell).ceil() as usize).clamp(1, 256);
        Occupied {
            origin: area.min,
            cell,
            cols,
            rows,
            buckets: vec![Vec::new(); cols * rows],
        }
    }

    /// The cells a rectangle touches (clamped to the grid: what lies outside shares the edge
    /// cells).
    fn cells(&self, r: Rect) -> impl Iterator<Item = usize> + use<> {
        let col = |x: f32| {
            (((x - self.origin.x) / self.cell).floor().max(0.0) as usize).min(self.cols - 1)
        };
        let row = |y: f32| {
            (((y - self.origin.y) / self.cell).floor().max(0.0) as usize).min(self.rows - 1)
        };
        let (c0, c1, r0, r1) = (col(r.min.x), col(r.max.x), row(r.min.y), row(r.max.y));
        let cols = self.cols;
        (r0..=r1).flat_map(move |y| (c0..=c1).map(move |x| y * cols + x))
    }

    fn hits(&self, r: Rect) -> bool {
        self.cells(r)
            .any(|i| self.buckets[i].iter().any(|t| t.intersects(r)))
    }

    fn insert(&mut self, r: Rect) {
        for i in self.cells(r) {
            self.buckets[i].push(r);
        }
    }
}

/// Lower sorts first: the selected place, then places with a known state, then by size.
fn label_priority(scene: Scene, p: PlaceIx) -> (u8, u8, u8) {
    let kind_rank = match scene.store.places[p].kind {
        PlaceKind::City => 0,
        PlaceKind::Town => 1,
        PlaceKind::BorderCrossing => 2,
        PlaceKind::Village => 3,
    };
    (
        u8::from(Some(p) != scene.selected),
        u8::from(scene.states[p].control.is_none()),
        kind_rank,
    )
}

/// "Held by IS since Fri 3 Nov 2017" in a few words, for tooltips and the feed.
pub fn short_status(store: &Store, control: Option<Control>) -> String {
    match control {
        Some(Control::Held(a)) => store.actors[a].short.clone(),
        Some(Control::Contested(a, b)) => format!(
            "contested {} / {}",
            store.actors[a].short, store.actors[b].short
        ),
        None => "unknown".to_owned(),
    }
}
