//! Place markers and their labels, drawn as two walkers plugins over the basemap.
//! A marker shows who holds the place at the cursor, how fresh that is, and whether it just
//! changed; each marker is a widget labelled with the place's name, so it can be clicked,
//! hovered and found by accessibility tools and tests.

use std::f32::consts::PI;

use chrono::NaiveDateTime;
use egui::{Color32, FontId, Id, Pos2, Rect, Sense, Shape, Stroke, Vec2, WidgetInfo, vec2};
use walkers::{MapMemory, Plugin, Projector, lat_lon};

use super::theme;
use crate::store::{Control, PlaceIx, PlaceKind, PlaceState, Store};

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
}

impl Plugin for MarkersPlugin<'_> {
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
        // Selected last, so that it is drawn on top.
        let mut order: Vec<PlaceIx> = (0..scene.store.places.len()).collect();
        order.sort_by_key(|&p| (Some(p) == scene.selected, scene.states[p].control.is_some()));
        for p in order {
            let place = &scene.store.places[p];
            let at = projector.project(lat_lon(place.lat, place.lon)).to_pos2();
            let r = theme::marker_radius(place.kind);
            if !clip.expand(r + 8.0).contains(at) {
                continue; // off screen: neither drawn nor interactive
            }
            let state = &scene.states[p];
            draw_marker(&painter, at, place.kind, state, scene, p);
            let rect = Rect::from_center_size(at, Vec2::splat(2.0 * r + 6.0));
            let name = place.name.clone();
            let response = ui
                .interact(rect, marker_id(&place.id), Sense::click())
                .on_hover_cursor(egui::CursorIcon::PointingHand);
            response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &name));
            if response.clicked() {
                *self.clicked = Some(p);
            }
            response.on_hover_ui(|ui| tooltip(ui, scene, p));
        }
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
    let r = theme::marker_radius(kind);
    if just_changed {
        painter.add(Shape::convex_polygon(
            shape_points(at, r + 6.0, kind),
            theme::JUST_CHANGED.gamma_multiply(0.35),
            Stroke::new(2.0, theme::JUST_CHANGED),
        ));
    }
    if selected {
        painter.add(Shape::closed_line(
            shape_points(at, r + 4.0, kind),
            Stroke::new(3.0, theme::SELECTED),
        ));
    }
    let white = Stroke::new(1.5, Color32::WHITE);
    match colours {
        [] => {
            // Unknown: hollow grey.
            painter.add(Shape::convex_polygon(
                shape_points(at, r, kind),
                Color32::from_white_alpha(150),
                Stroke::new(2.0, theme::UNKNOWN),
            ));
        }
        [c] => {
            // Carried-forward states fade towards white but keep a solid edge in the holder's colour.
            let fill = Color32::WHITE.lerp_to_gamma(*c, alpha);
            painter.add(Shape::convex_polygon(
                shape_points(at, r, kind),
                fill,
                Stroke::new(2.0, *c),
            ));
            painter.add(Shape::closed_line(shape_points(at, r + 1.5, kind), white));
        }
        [a, b, ..] => {
            let [left, right] = halves(at, r, kind);
            painter.add(Shape::convex_polygon(
                left,
                Color32::WHITE.lerp_to_gamma(*a, alpha),
                Stroke::NONE,
            ));
            painter.add(Shape::convex_polygon(
                right,
                Color32::WHITE.lerp_to_gamma(*b, alpha),
                Stroke::NONE,
            ));
            painter.add(Shape::line_segment(
                [at + vec2(0.0, -r * 1.2), at + vec2(0.0, r * 1.2)],
                Stroke::new(1.0, Color32::WHITE),
            ));
            painter.add(Shape::closed_line(
                shape_points(at, r, kind),
                Stroke::new(1.5, Color32::from_gray(60)),
            ));
            painter.add(Shape::closed_line(shape_points(at, r + 1.5, kind), white));
        }
    }
}

fn draw_marker(
    painter: &egui::Painter,
    at: Pos2,
    kind: PlaceKind,
    state: &PlaceState,
    scene: Scene,
    p: PlaceIx,
) {
    let colours = theme::control_colours(state.control, &scene.store.actors);
    let alpha = theme::freshness_alpha(state.age_days(scene.cursor));
    paint_marker(
        painter,
        at,
        kind,
        &colours,
        alpha,
        scene.just_changed(p),
        scene.selected == Some(p),
    );
    let inferred = state
        .since_event
        .is_some_and(|e| scene.store.events[e].basis == crate::store::Basis::Inferred);
    if inferred {
        paint_inferred_ring(painter, at, kind);
    }
}

/// A dashed ring: the state is inferred from what the articles say, not stated.
pub fn paint_inferred_ring(painter: &egui::Painter, at: Pos2, kind: PlaceKind) {
    let r = theme::marker_radius(kind) + 3.5;
    let mut pts = shape_points(at, r, kind);
    if let Some(first) = pts.first().copied() {
        pts.push(first);
    }
    painter.extend(Shape::dashed_line(
        &pts,
        Stroke::new(1.5, Color32::from_gray(40)),
        3.0,
        2.5,
    ));
}

/// Place names, decluttered: placed in order of priority, each beside its marker where it
/// overlaps nothing already placed, or left out.
pub struct LabelsPlugin<'a> {
    pub scene: Scene<'a>,
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
        let mut candidates: Vec<(PlaceIx, Pos2, f32)> = scene
            .store
            .places
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                let at = projector.project(lat_lon(p.lat, p.lon)).to_pos2();
                clip.contains(at)
                    .then_some((i, at, theme::marker_radius(p.kind)))
            })
            .collect();
        candidates.sort_by_key(|&(i, _, _)| label_priority(scene, i));
        // Markers are obstacles too.
        let mut taken: Vec<Rect> = candidates
            .iter()
            .map(|&(_, at, r)| Rect::from_center_size(at, Vec2::splat(2.0 * r + 8.0)))
            .collect();
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
            let galley = painter.layout_no_wrap(place.name.clone(), font, colour);
            let size = galley.size();
            let gap = r + 8.0;
            let spots = [
                at + vec2(gap, -size.y / 2.0),
                at + vec2(-gap - size.x, -size.y / 2.0),
                at + vec2(-size.x / 2.0, -gap - size.y),
                at + vec2(-size.x / 2.0, gap),
            ];
            let Some(rect) = spots
                .iter()
                .map(|p| Rect::from_min_size(*p, size))
                .find(|rect| {
                    clip.contains_rect(*rect)
                        && !taken.iter().any(|t| t.intersects(rect.expand(1.0)))
                })
            else {
                continue;
            };
            taken.push(rect);
            // A halo keeps the name readable over rivers and borders.
            painter.rect_filled(rect.expand(1.5), 3.0, Color32::from_white_alpha(190));
            painter.galley(rect.min, galley, colour);
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
