//! The markers layer: one marker per place on screen, showing who holds it at the cursor, how
//! fresh that is, and whether it just changed. Each marker is a widget labelled with the
//! place's name, so that it can be clicked, hovered and found by accessibility tools and
//! tests; clicking one selects its place.

use std::cell::RefCell;
use std::sync::Arc;

use egui::{Color32, Id, Mesh, Rect, Sense, Shape, Vec2, WidgetInfo};
use walkers::{MapMemory, Plugin, Projector};

use super::LayoutKey;
use super::clusters::{self, DrawnCluster};
use super::projection::Projection;
use super::sprites::{CELL, SpriteAtlas};
use super::symbols::Symbol;
use crate::app::action::Action;
use crate::app::panel::ViewContext;
use crate::app::theme;
use crate::present;
use crate::store::PlaceIx;

/// Up to this many markers on screen, each is a widget of its own.
pub const MAX_MARKER_WIDGETS: usize = 300;

/// The widget id of a place's marker.
pub(crate) fn marker_id(place_id: &str) -> Id {
    Id::unique(("frontline-marker", place_id))
}

pub(crate) struct MarkersPlugin<'a> {
    pub view: &'a ViewContext<'a>,
    pub sprites: &'a mut SpriteAtlas,
    pub projection: &'a RefCell<Projection>,
    pub drawn: &'a mut DrawnMarkers,
    /// Which places are drawn in a cluster, for the labels plugin that runs next.
    pub clustered: &'a RefCell<Vec<bool>>,
    /// Where a click on a marker goes.
    pub actions: &'a mut Vec<Action>,
}

/// The markers drawn in the last frame and what they were drawn for.
#[derive(Default)]
pub(crate) struct DrawnMarkers {
    key: Option<LayoutKey>,
    /// Places on screen drawn alone, in drawing order.
    order: Vec<PlaceIx>,
    /// Markers that would overlap, drawn as one each.
    pub clusters: Vec<DrawnCluster>,
    mesh: Option<Arc<Mesh>>,
    /// The clusters' discs, tessellated.
    discs: Arc<Mesh>,
}

impl Plugin for MarkersPlugin<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut egui::Ui,
        response: &egui::Response,
        projector: &Projector,
        _memory: &MapMemory,
    ) {
        let MarkersPlugin {
            view,
            sprites,
            projection,
            drawn,
            clustered,
            actions,
        } = *self;
        let (store, scene) = (view.store, view.scene);
        let clip = projector.clip_rect();
        let painter = ui.painter().with_clip_rect(clip);
        let pixels_per_point = ui.ctx().pixels_per_point();
        let mut projection = projection.borrow_mut();
        projection.update_places(&store.places, projector);
        let screen = projection.places();
        let key = LayoutKey::new(scene, projection.version(), clip, pixels_per_point);
        if drawn.key != Some(key) {
            // Selected last, so that it is drawn on top.
            let mut order: Vec<PlaceIx> = (0..store.places.len())
                // Places the user's filters hide are neither drawn nor interactive.
                .filter(|&p| scene.visible(p))
                .filter(|&p| {
                    let r = theme::marker_radius(store.places[p].kind);
                    // Off screen: neither drawn nor interactive.
                    clip.expand(r + 8.0).contains(screen[p])
                })
                .collect();
            order.sort_by_key(|&p| {
                (
                    Some(p) == scene.selected(),
                    scene.state(p).control.is_some(),
                )
            });
            let (alone, grouped) =
                clusters::group(&order, screen, scene.states(), scene.selected());
            let order = alone;
            let mut in_cluster = clustered.borrow_mut();
            in_cluster.clear();
            in_cluster.resize(store.places.len(), false);
            for c in &grouped {
                for &p in &c.places {
                    in_cluster[p] = true;
                }
            }
            let options = ui.ctx().tessellation_options(|o| *o);
            drawn.discs = Arc::new(clusters::discs_mesh(
                &grouped,
                &store.actors,
                pixels_per_point,
                options,
            ));
            drawn.clusters = grouped;
            let quads: Vec<(Rect, usize)> = order
                .iter()
                .map(|&p| {
                    let symbol = Symbol::of(scene.marker(store, p), &store.actors)
                        .with_window(scene.state(p), &store.actors);
                    let slot = sprites.slot(symbol, pixels_per_point);
                    // On the pixel grid, so that the sprite's pixels land on the screen's.
                    let centre =
                        (screen[p].to_vec2() * pixels_per_point).round() / pixels_per_point;
                    (
                        Rect::from_center_size(centre.to_pos2(), Vec2::splat(CELL)),
                        slot,
                    )
                })
                .collect();
            drawn.mesh = sprites.texture(ui.ctx()).map(|texture| {
                let mut mesh = Mesh::with_texture(texture);
                mesh.reserve_triangles(quads.len() * 2);
                mesh.reserve_vertices(quads.len() * 4);
                for (rect, slot) in quads {
                    mesh.add_rect_with_uv(rect, sprites.uv(slot), Color32::WHITE);
                }
                Arc::new(mesh)
            });
            drawn.order = order;
            drawn.key = Some(key);
        }
        let hit_area = |p: PlaceIx| {
            let r = theme::marker_radius(store.places[p].kind);
            Rect::from_center_size(screen[p], Vec2::splat(2.0 * r + 6.0))
        };
        let order = &drawn.order;
        // Each marker is a widget of its own (clickable, named for screen readers and tests)
        // while there are few enough on screen; beyond that, registering a thousand widgets a
        // frame costs more than drawing them, and the map's own response is hit-tested instead.
        let zoom = projector.zoom();
        let zoom_to = |c: &DrawnCluster| {
            let at = projector.unproject(c.centre.to_vec2());
            Action::ZoomTo {
                lat: at.y(),
                lon: at.x(),
                zoom: (zoom + f64::from(c.split_steps)).min(MAX_ZOOM),
            }
        };
        let cluster_area = |c: &DrawnCluster| {
            Rect::from_center_size(c.centre, Vec2::splat(2.0 * c.radius() + 2.0))
        };
        if order.len() + drawn.clusters.len() <= MAX_MARKER_WIDGETS {
            for c in &drawn.clusters {
                let first = &store.places[c.places[0]].id;
                let response = ui
                    .interact(cluster_area(c), cluster_id(first), Sense::click())
                    .on_hover_cursor(egui::CursorIcon::ZoomIn);
                response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, c.label()));
                if response.clicked() {
                    actions.push(zoom_to(c));
                }
                if response.hovered() {
                    response.on_hover_text(cluster_hover(view, c));
                }
            }
            for &p in order {
                let place = &store.places[p];
                let response = ui
                    .interact(hit_area(p), marker_id(&place.id), Sense::click())
                    .on_hover_cursor(egui::CursorIcon::PointingHand);
                response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &place.name));
                if response.clicked() {
                    actions.push(Action::Select(Some(p)));
                }
                if response.hovered() {
                    response.on_hover_ui(|ui| tooltip(ui, view, p));
                }
            }
        } else if let Some(pointer) = response.hover_pos() {
            // The marker under the pointer: the topmost (last drawn) within its hit area.
            let hit = order
                .iter()
                .rev()
                .copied()
                .find(|&p| hit_area(p).contains(pointer));
            let on_cluster = drawn
                .clusters
                .iter()
                .rev()
                .find(|c| hit.is_none() && cluster_area(c).contains(pointer));
            if let Some(c) = on_cluster {
                ui.ctx().set_cursor_icon(egui::CursorIcon::ZoomIn);
                if response.clicked() {
                    actions.push(zoom_to(c));
                }
                response
                    .clone()
                    .on_hover_text_at_pointer(cluster_hover(view, c));
            }
            if let Some(p) = hit {
                ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
                if response.clicked() {
                    actions.push(Action::Select(Some(p)));
                }
                response
                    .clone()
                    .on_hover_ui_at_pointer(|ui| tooltip(ui, view, p));
            }
        }
        if let Some(mesh) = &drawn.mesh {
            painter.add(Shape::Mesh(mesh.clone()));
        }
        painter.add(Shape::Mesh(drawn.discs.clone()));
        for c in &drawn.clusters {
            clusters::paint_count(&painter, c);
        }
    }
}

/// The map's deepest zoom a cluster click goes to.
const MAX_ZOOM: f64 = 18.0;

/// The widget id of a cluster, after its first place.
pub fn cluster_id(first_place_id: &str) -> Id {
    Id::unique(("frontline-cluster", first_place_id))
}

/// "12 places: 7 held by Islamic State, 5 unknown or contested. Click to zoom in."
fn cluster_hover(view: &ViewContext, c: &DrawnCluster) -> String {
    present::cluster_sentence(&view.store.actors, c.places.len(), &c.holders)
}

/// A place's name, what it is, and its state in words.
fn tooltip(ui: &mut egui::Ui, view: &ViewContext, p: PlaceIx) {
    let place = &view.store.places[p];
    let s = view.scene.state(p);
    ui.strong(&place.name);
    ui.label(present::place_kind_and_country(place));
    ui.label(present::status_sentence(view.store, s));
    if let Some(d) = &s.dispute {
        ui.label(present::dispute_heading(d));
    }
    if let Some(u) = &s.uncertain {
        ui.label(present::uncertain_sentence(u));
    }
    if s.control.is_some() {
        ui.label(present::sources_sentence(s));
    }
    ui.weak("Click for the sources");
}
