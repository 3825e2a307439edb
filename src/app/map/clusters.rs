//! Clusters of markers that would overlap: with many places on screen, markers closer than
//! [`CLUSTER_RADIUS`] are drawn as one disc with a small pie of who holds them and their count
//! ([`crate::view::cluster`] groups them). Clicking one zooms in until its members come apart.

use egui::epaint::{TessellationOptions, Tessellator};
use egui::{Color32, FontId, Mesh, Painter, Pos2, Shape, Stroke, pos2};

use crate::app::theme;
use crate::store::{Actor, ActorIx, Control, PlaceIx, PlaceState};
use crate::view::cluster::{Marker, cluster, split_zoom_steps};

/// Markers closer than this many points to a cluster's seed are drawn as one. Wider than a
/// marker, so that the clusters' discs (at most 14 points in radius) seldom touch.
pub const CLUSTER_RADIUS: f32 = 22.0;

/// Up to this many markers on screen, none is clustered: each stays reachable on its own,
/// and a few markers that touch are still told apart by their labels.
pub const CLUSTER_ABOVE: usize = 150;

/// The zoom steps when members share a position (no zoom separates them).
const STEPS_WHEN_COINCIDENT: u32 = 4;

/// A cluster as drawn: where, which places, who holds them, how far to zoom to split it.
#[derive(Debug, Clone, PartialEq)]
pub struct DrawnCluster {
    pub centre: Pos2,
    pub places: Vec<PlaceIx>,
    /// Members per holder (`None`: unknown or contested), most first.
    pub holders: Vec<(Option<ActorIx>, usize)>,
    /// Zoom steps until every member stands apart.
    pub split_steps: u32,
}

impl DrawnCluster {
    /// The disc's radius: larger for more places, within bounds.
    pub fn radius(&self) -> f32 {
        (7.0 + 1.5 * (self.places.len() as f32).log2()).min(14.0)
    }

    /// "Cluster of 12 places": its accessible label.
    pub fn label(&self) -> String {
        format!("Cluster of {} places", self.places.len())
    }
}

/// Splits the markers on screen (`order`, drawing order) into those drawn alone, in the same
/// order, and clusters. The selected place is never clustered.
pub fn group(
    order: &[PlaceIx],
    screen: &[Pos2],
    states: &[PlaceState],
    selected: Option<PlaceIx>,
) -> (Vec<PlaceIx>, Vec<DrawnCluster>) {
    if order.len() <= CLUSTER_ABOVE {
        return (order.to_vec(), Vec::new());
    }
    let candidates: Vec<PlaceIx> = order
        .iter()
        .copied()
        .filter(|&p| Some(p) != selected)
        .collect();
    let markers: Vec<Marker<Option<ActorIx>>> = candidates
        .iter()
        .map(|&p| Marker {
            pos: [screen[p].x, screen[p].y],
            holder: states[p].control.and_then(Control::holder),
        })
        .collect();
    let grouped = cluster(&markers, CLUSTER_RADIUS);
    let mut clustered = vec![false; candidates.len()];
    let clusters = grouped
        .clusters
        .into_iter()
        .map(|c| {
            let positions: Vec<[f32; 2]> = c.members.iter().map(|&i| markers[i].pos).collect();
            for &i in &c.members {
                clustered[i] = true;
            }
            DrawnCluster {
                centre: pos2(c.centre[0], c.centre[1]),
                places: c.members.iter().map(|&i| candidates[i]).collect(),
                holders: c.holders,
                split_steps: split_zoom_steps(&positions, CLUSTER_RADIUS * 2.0)
                    .unwrap_or(STEPS_WHEN_COINCIDENT)
                    .max(1),
            }
        })
        .collect();
    let mut alone: Vec<PlaceIx> = candidates
        .iter()
        .zip(&clustered)
        .filter(|(_, c)| !**c)
        .map(|(&p, _)| p)
        .collect();
    if let Some(s) = selected.filter(|s| order.contains(s)) {
        alone.push(s); // last, on top
    }
    (alone, clusters)
}

/// A cluster's disc: a pie of its holders' colours with a white ring and a white middle (for
/// its count, drawn by [`paint_count`]).
pub fn disc_shapes(c: &DrawnCluster, actors: &[Actor]) -> Vec<Shape> {
    let r = c.radius();
    let total = c.places.len() as f32;
    let mut angle = -std::f32::consts::FRAC_PI_2;
    let mut shapes = Vec::with_capacity(c.holders.len() + 2);
    for &(holder, n) in &c.holders {
        let colour = holder
            .and_then(|a| actors.get(a))
            .map_or(Color32::from_gray(150), theme::actor_colour);
        let sweep = std::f32::consts::TAU * n as f32 / total;
        let segments = ((sweep / 0.2).ceil() as usize).max(1);
        let mut points = vec![c.centre];
        for i in 0..=segments {
            let a = angle + sweep * i as f32 / segments as f32;
            points.push(c.centre + r * egui::vec2(a.cos(), a.sin()));
        }
        shapes.push(Shape::convex_polygon(points, colour, Stroke::NONE));
        angle += sweep;
    }
    shapes.push(Shape::circle_stroke(
        c.centre,
        r,
        Stroke::new(1.5, Color32::WHITE),
    ));
    shapes.push(Shape::circle_filled(c.centre, r * 0.62, Color32::WHITE));
    shapes
}

/// The discs of `clusters` as one mesh, tessellated once for as long as the clusters stay
/// where they are: at ten thousand places, tessellating a hundred pies every frame cost a
/// fifth of the frame.
pub fn discs_mesh(
    clusters: &[DrawnCluster],
    actors: &[Actor],
    pixels_per_point: f32,
    options: TessellationOptions,
) -> Mesh {
    let mut tessellator = Tessellator::new(pixels_per_point, options, [1, 1], Vec::new());
    let mut mesh = Mesh::default();
    for c in clusters {
        for shape in disc_shapes(c, actors) {
            tessellator.tessellate_shape(shape, &mut mesh);
        }
    }
    mesh
}

/// A cluster's count, in its white middle.
pub fn paint_count(painter: &Painter, c: &DrawnCluster) {
    painter.text(
        c.centre,
        egui::Align2::CENTER_CENTER,
        c.places.len().to_string(),
        FontId::proportional(if c.places.len() >= 100 { 9.0 } else { 10.5 }),
        Color32::from_gray(20),
    );
}
