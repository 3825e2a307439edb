//! What a marker looks like: a disc (a diamond for a border crossing) in the holder's colour,
//! split in two when contested, hollow grey when unknown, hollow with a struck-through ring in
//! the losers' colour when lost (no longer held by them, new holder not said), faded when carried forward, with a
//! halo when it just changed, a ring when selected and a dashed ring when inferred; split in
//! the two versions' colours, hatched and ringed when disputed, faded in a dotted ring in an
//! uncertain window. The map's
//! sprite atlas and the legend both draw from here, so the legend shows what the map shows.

use std::f32::consts::PI;

use egui::{Color32, Pos2, Shape, Stroke, vec2};

use crate::app::theme;
use crate::store::{Actor, Control, PlaceKind, PlaceState};
use crate::view::palette;
use crate::view::scene::MarkerLook;

/// How one marker is drawn. Markers drawn alike are one sprite of the atlas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Symbol {
    pub kind: PlaceKind,
    /// No colour: unknown; one: held; two: contested (with `lost`: who lost it).
    pub colours: [Option<Color32>; 2],
    /// No longer held by the actors of `colours`; who holds it is not said.
    pub lost: bool,
    /// How strongly it is filled, in hundredths: 100 when reported that day, less when the
    /// state is carried forward from an earlier report.
    pub fill: u8,
    pub just_changed: bool,
    pub selected: bool,
    pub inferred: bool,
    /// Sources disagree: `colours` are the two versions', split and hatched, in a ring.
    pub disputed: bool,
    /// In an uncertain window: faded, in a dotted ring (it may already have changed hands).
    pub uncertain: bool,
}

impl Symbol {
    /// The symbol of a marker as the scene has it.
    pub fn of(look: MarkerLook, actors: &[Actor]) -> Symbol {
        let lost = matches!(look.control, Some(Control::Lost(..)));
        let colours: Vec<Color32> = match look.control {
            Some(c @ Control::Lost(..)) => c
                .lost_by()
                .into_iter()
                .map(|a| theme::actor_colour(&actors[a]))
                .collect(),
            other => theme::control_colours(other, actors),
        };
        Symbol {
            kind: look.kind,
            colours: [colours.first().copied(), colours.get(1).copied()],
            lost,
            fill: (theme::freshness_alpha(look.age_days) * 100.0).round() as u8,
            just_changed: look.just_changed,
            selected: look.selected,
            inferred: look.inferred,
            disputed: false,
            uncertain: false,
        }
    }

    /// The symbol of a place in a dispute or an uncertain window at the cursor: a disputed
    /// one shows both versions' holders, an uncertain one is faded.
    pub fn with_window(mut self, state: &PlaceState, actors: &[Actor]) -> Symbol {
        if let Some(d) = &state.dispute {
            let colour = |c: Option<Control>| {
                theme::control_colours(c, actors)
                    .first()
                    .copied()
                    .unwrap_or(theme::UNKNOWN)
            };
            self.colours = [
                Some(colour(d.versions[0].control)),
                Some(colour(d.versions[1].control)),
            ];
            self.lost = false;
            self.disputed = true;
        } else if state.uncertain.is_some() {
            self.uncertain = true;
            self.fill = (self.fill as f32 * palette::UNCERTAIN_FADE).round() as u8;
        }
        self
    }

    /// A fully filled marker of these colours, with nothing else: a sample for the legend.
    pub(crate) fn plain(kind: PlaceKind, colours: &[Color32]) -> Symbol {
        Symbol {
            kind,
            colours: [colours.first().copied(), colours.get(1).copied()],
            lost: false,
            fill: 100,
            just_changed: false,
            selected: false,
            inferred: false,
            disputed: false,
            uncertain: false,
        }
    }

    /// The shapes of the marker centred at `at`.
    pub fn shapes(&self, at: Pos2) -> Vec<Shape> {
        let colours: Vec<Color32> = self.colours.iter().flatten().copied().collect();
        if self.lost {
            return lost_shapes(at, self.kind, &colours, self.selected);
        }
        let mut shapes = marker_shapes(
            at,
            self.kind,
            &colours,
            self.fill as f32 / 100.0,
            self.just_changed,
            self.selected,
        );
        if self.inferred {
            shapes.extend(inferred_ring_shapes(at, self.kind));
        }
        if self.disputed {
            shapes.extend(disputed_shapes(at, self.kind));
        }
        if self.uncertain {
            shapes.extend(uncertain_ring_shapes(at, self.kind));
        }
        shapes
    }

    pub(crate) fn paint(&self, painter: &egui::Painter, at: Pos2) {
        painter.extend(self.shapes(at));
    }
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

/// The shapes of a marker without its inferred ring.
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

/// Lost: a white, hollow marker ringed in the colour of who lost it and struck through once,
/// so that it reads neither as held (filled) nor as unknown (grey).
fn lost_shapes(at: Pos2, kind: PlaceKind, colours: &[Color32], selected: bool) -> Vec<Shape> {
    let r = theme::marker_radius(kind);
    let ring = colours.first().copied().unwrap_or(theme::UNKNOWN);
    let mut out = Vec::with_capacity(5);
    if selected {
        out.push(Shape::closed_line(
            shape_points(at, r + 4.0, kind),
            Stroke::new(3.0, theme::SELECTED),
        ));
    }
    out.push(Shape::convex_polygon(
        shape_points(at, r, kind),
        Color32::WHITE,
        Stroke::new(2.5, ring),
    ));
    if let Some(&second) = colours.get(1) {
        out.push(Shape::closed_line(
            shape_points(at, r - 2.5, kind),
            Stroke::new(1.5, second),
        ));
    }
    let d = r * 0.7;
    out.push(Shape::line_segment(
        [at + vec2(-d, d), at + vec2(d, -d)],
        Stroke::new(2.0, ring),
    ));
    out
}

/// A dashed ring: the state is inferred from what the articles say, not stated.
fn inferred_ring_shapes(at: Pos2, kind: PlaceKind) -> Vec<Shape> {
    let r = theme::marker_radius(kind) + 3.5;
    let mut pts = shape_points(at, r, kind);
    if let Some(first) = pts.first().copied() {
        pts.push(first);
    }
    Shape::dashed_line(&pts, Stroke::new(1.5, Color32::from_gray(40)), 3.0, 2.5)
}

/// Disputed: white hatching across the split marker and a ring in the dispute's colour, so
/// that it reads neither as contested (split, no ring) nor as held.
fn disputed_shapes(at: Pos2, kind: PlaceKind) -> Vec<Shape> {
    let r = theme::marker_radius(kind);
    let hatch = Stroke::new(1.2, Color32::from_white_alpha(220));
    let mut out: Vec<Shape> = [-0.5f32, 0.0, 0.5]
        .iter()
        .map(|&k| {
            // A chord of the disc along the diagonal, offset by k·r.
            let off = vec2(k * r, k * r) * std::f32::consts::FRAC_1_SQRT_2;
            let half = (r * r - (k * r) * (k * r)).max(0.0).sqrt() * 0.95;
            let dir = vec2(1.0, -1.0) * std::f32::consts::FRAC_1_SQRT_2;
            Shape::line_segment([at + off - dir * half, at + off + dir * half], hatch)
        })
        .collect();
    out.push(Shape::closed_line(
        shape_points(at, r + 3.0, kind),
        Stroke::new(2.5, theme::DISPUTED),
    ));
    out
}

/// Uncertain: a dotted ring in the window's grey around the faded marker.
fn uncertain_ring_shapes(at: Pos2, kind: PlaceKind) -> Vec<Shape> {
    let r = theme::marker_radius(kind) + 4.0;
    let mut pts = shape_points(at, r, kind);
    if let Some(first) = pts.first().copied() {
        pts.push(first);
    }
    Shape::dashed_line(&pts, Stroke::new(2.0, theme::UNCERTAIN), 1.5, 2.0)
}
