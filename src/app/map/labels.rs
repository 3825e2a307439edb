//! The labels layer: place names, decluttered. Labels are placed in order of priority (the
//! selected place, places with a known state, cities before villages), each beside its marker
//! where it overlaps nothing already placed, or left out.

use std::cell::RefCell;
use std::sync::Arc;

use egui::{Color32, FontId, Pos2, Rect, Vec2, vec2};
use walkers::{MapMemory, Plugin, Projector};

use super::LayoutKey;
use super::projection::Projection;
use crate::app::panel::ViewContext;
use crate::app::theme;
use crate::store::{PlaceIx, PlaceKind};

pub(crate) struct LabelsPlugin<'a> {
    pub view: &'a ViewContext<'a>,
    pub projection: &'a RefCell<Projection>,
    pub placed: &'a mut PlacedLabels,
    /// Places drawn in a cluster this frame (by the markers plugin, which runs first): they
    /// get no label of their own, but still keep other labels off the cluster.
    pub clustered: &'a RefCell<Vec<bool>>,
    /// Where no label may go: the cards laid over the map (a story's caption).
    pub avoid: &'a [Rect],
}

/// The labels placed in the last frame and what they were placed for: while the view, the
/// states and the selection stay the same (hovering, reading a panel), placing a thousand
/// labels again would give the same result.
#[derive(Default)]
pub(crate) struct PlacedLabels {
    key: Option<(LayoutKey, crate::view::labels::LabelScript, Vec<Rect>)>,
    labels: Vec<(Rect, Arc<egui::Galley>, Color32)>,
}

impl PlacedLabels {
    /// Where the labels are.
    pub(crate) fn rects(&self) -> Vec<Rect> {
        self.labels.iter().map(|(r, _, _)| *r).collect()
    }
}

impl Plugin for LabelsPlugin<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut egui::Ui,
        _response: &egui::Response,
        projector: &Projector,
        _memory: &MapMemory,
    ) {
        let view = self.view;
        let clip = projector.clip_rect();
        let painter = ui.painter().with_clip_rect(clip);
        let mut projection = self.projection.borrow_mut();
        projection.update_places(&view.store.places, projector);
        let key = LayoutKey::new(
            view.scene,
            projection.version(),
            clip,
            ui.ctx().pixels_per_point(),
        );
        // Labels also depend on the script chosen for them, and on what they keep out of.
        let key = Some((key, view.shown.labels, self.avoid.to_vec()));
        if self.placed.key != key {
            let clustered = self.clustered.borrow();
            self.placed.labels = place_labels(
                view,
                projection.places(),
                &clustered,
                clip,
                self.avoid,
                &painter,
            );
            self.placed.key = key;
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
    view: &ViewContext,
    screen: &[Pos2],
    clustered: &[bool],
    clip: Rect,
    avoid: &[Rect],
    painter: &egui::Painter,
) -> Vec<(Rect, Arc<egui::Galley>, Color32)> {
    let (store, scene) = (view.store, view.scene);
    let mut placed = Vec::new();
    let mut candidates: Vec<(PlaceIx, Pos2, f32)> = store
        .places
        .iter()
        .zip(screen)
        .enumerate()
        .filter_map(|(i, (p, &at))| {
            (clip.contains(at) && scene.visible(i)).then_some((i, at, theme::marker_radius(p.kind)))
        })
        .collect();
    candidates.sort_by_key(|&(i, _, _)| label_priority(view, i));
    // Markers are obstacles too.
    let mut taken = Occupied::new(clip, 64.0);
    for &r in avoid {
        taken.insert(r.intersect(clip));
    }
    for &(_, at, r) in &candidates {
        taken.insert(Rect::from_center_size(at, Vec2::splat(2.0 * r + 8.0)));
    }
    for (i, at, r) in candidates {
        if clustered.get(i).copied().unwrap_or(false) {
            continue;
        }
        let place = &store.places[i];
        let strong = Some(i) == scene.selected() || scene.state(i).control.is_some();
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
        let name = view.shown.labels.label(place);
        let at_least = vec2(name.chars().count() as f32 * 0.25 * font.size, font.size);
        if !spots(at_least).iter().any(free) {
            continue;
        }
        let galley = painter.layout_no_wrap(name, font, colour);
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
fn label_priority(view: &ViewContext, p: PlaceIx) -> (u8, u8, u8) {
    let kind_rank = match view.store.places[p].kind {
        PlaceKind::City => 0,
        PlaceKind::Town => 1,
        PlaceKind::BorderCrossing => 2,
        PlaceKind::Village => 3,
    };
    (
        u8::from(Some(p) != view.scene.selected()),
        u8::from(view.scene.state(p).control.is_none()),
        kind_rank,
    )
}
