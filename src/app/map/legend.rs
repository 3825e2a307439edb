//! The map's legend: every actor's colour and every marker style, always on the map.
//! Compact (two columns) so that it hides as little of the map as possible; it can be folded.

use egui::{Color32, RichText, Sense, Ui, vec2};

use super::markers::{Scene, paint_marker};
use super::theme;
use crate::store::PlaceKind;

#[derive(Default)]
pub struct Legend;

type Sample = Box<dyn Fn(&egui::Painter, egui::Pos2)>;

impl Legend {
    /// Draws the legend as a strip (under the map), wrapping its entries to the width.
    pub fn ui(&mut self, ui: &mut Ui, scene: Scene) {
        {
            {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new("Legend").strong());
                    let [a, b] = two_actor_colours(scene);
                    let mut items: Vec<(String, Sample)> = scene
                        .store
                        .actors
                        .iter()
                        .map(|actor| {
                            let c = theme::actor_colour(actor);
                            (
                                actor.name.clone(),
                                Box::new(move |p: &egui::Painter, at| {
                                    paint_marker(p, at, PlaceKind::Town, &[c], 1.0, false, false)
                                }) as Sample,
                            )
                        })
                        .collect();
                    let styles: Vec<(&str, Sample)> = vec![
                        (
                            "Contested",
                            Box::new(move |p, at| {
                                paint_marker(p, at, PlaceKind::Town, &[a, b], 1.0, false, false)
                            }),
                        ),
                        (
                            "Unknown",
                            Box::new(|p, at| {
                                paint_marker(p, at, PlaceKind::Town, &[], 1.0, false, false)
                            }),
                        ),
                        (
                            "Reported that day",
                            Box::new(move |p, at| {
                                paint_marker(p, at, PlaceKind::Town, &[b], 1.0, false, false)
                            }),
                        ),
                        (
                            "Carried forward from an earlier report",
                            Box::new(move |p, at| {
                                paint_marker(
                                    p,
                                    at,
                                    PlaceKind::Town,
                                    &[b],
                                    theme::freshness_alpha(Some(5)),
                                    false,
                                    false,
                                )
                            }),
                        ),
                        (
                            "Changed in the last day",
                            Box::new(move |p, at| {
                                paint_marker(p, at, PlaceKind::Town, &[b], 1.0, true, false)
                            }),
                        ),
                        (
                            "Inferred, not stated",
                            Box::new(move |p, at| {
                                paint_marker(p, at, PlaceKind::Town, &[b], 1.0, false, false);
                                super::markers::paint_inferred_ring(p, at, PlaceKind::Town);
                            }),
                        ),
                        (
                            "Selected",
                            Box::new(move |p, at| {
                                paint_marker(p, at, PlaceKind::Town, &[b], 1.0, false, true)
                            }),
                        ),
                        (
                            "City, town, village",
                            Box::new(|p, at| {
                                paint_marker(
                                    p,
                                    at + vec2(-9.0, 0.0),
                                    PlaceKind::City,
                                    &[],
                                    1.0,
                                    false,
                                    false,
                                );
                                paint_marker(
                                    p,
                                    at + vec2(7.0, 0.0),
                                    PlaceKind::Village,
                                    &[],
                                    1.0,
                                    false,
                                    false,
                                );
                            }),
                        ),
                        (
                            "Border crossing",
                            Box::new(|p, at| {
                                paint_marker(
                                    p,
                                    at,
                                    PlaceKind::BorderCrossing,
                                    &[],
                                    1.0,
                                    false,
                                    false,
                                )
                            }),
                        ),
                    ];
                    items.extend(styles.into_iter().map(|(l, s)| (l.to_owned(), s)));
                    for (label, sample) in &items {
                        row(ui, label, sample);
                    }
                });
            }
        }
    }
}

/// Two actor colours for the style samples (the first two actors, or greys).
fn two_actor_colours(scene: Scene) -> [Color32; 2] {
    let c = |i: usize| {
        scene
            .store
            .actors
            .get(i)
            .map_or(theme::UNKNOWN, theme::actor_colour)
    };
    [c(0), c(1)]
}

/// One entry: a sample marker and its label, as a single widget so that wrapping never
/// separates them.
fn row(ui: &mut Ui, label: &str, paint: &Sample) {
    let galley = ui.painter().layout_no_wrap(
        label.to_owned(),
        egui::FontId::proportional(12.0),
        ui.visuals().text_color(),
    );
    let size = vec2(30.0 + galley.size().x + 8.0, 22.0);
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, label));
    paint(ui.painter(), rect.left_center() + vec2(14.0, 0.0));
    let text_pos = rect.left_center() + vec2(30.0, -galley.size().y / 2.0);
    ui.painter()
        .galley(text_pos, galley, ui.visuals().text_color());
}
