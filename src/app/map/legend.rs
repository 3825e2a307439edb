//! The map's legend: every actor's colour and every marker style, as a compact overlay in the
//! map's bottom-left corner that folds to its title (Legend, `L`), so that the map keeps the
//! window. Clicking an actor hides or shows its places.

use egui::{Color32, Pos2, RichText, Sense, Ui, pos2, vec2};

use super::symbols::Symbol;
use crate::app::action::Action;
use crate::app::commands::{self, Command};
use crate::app::panel::{View, ViewContext};
use crate::app::state::toggles::Toggle;
use crate::app::theme;
use crate::store::PlaceKind;

#[derive(Default)]
pub(crate) struct Legend;

/// A legend entry's sample: the symbols it shows, and where, from the sample's centre.
type Sample = Vec<(Symbol, egui::Vec2)>;

impl View for Legend {
    /// Draws the legend in the current `ui` (an overlay placed by the map).
    fn ui(&mut self, ui: &mut Ui, view: &ViewContext, actions: &mut Vec<Action>) {
        let expanded = view.shown.legend;
        theme::overlay_frame().show(ui, |ui| {
            ui.spacing_mut().item_spacing = vec2(6.0, 0.0);
            let title = if expanded { "Legend −" } else { "Legend +" };
            commands::labelled_button(
                ui,
                Command::Toggle(Toggle::Legend),
                RichText::new(title).strong(),
                actions,
            );
            if !expanded {
                return;
            }
            let entries = entries(view);
            let actors = view.store.actors.len();
            egui::Grid::new("legend-grid")
                .num_columns(3)
                .spacing(vec2(4.0, 0.0))
                .show(ui, |ui| {
                    for (i, (label, sample)) in entries.iter().enumerate() {
                        if i < actors {
                            let actor = &view.store.actors[i];
                            let hidden = view.scene.filters().hidden.contains(&actor.id);
                            if row(ui, label, sample, Some(hidden)).clicked() {
                                actions.push(Action::ToggleActor(actor.id.clone()));
                            }
                        } else {
                            row(ui, label, sample, None);
                        }
                        if i % 3 == 2 {
                            ui.end_row();
                        }
                    }
                });
            if view.shown.areas {
                ui.add_space(2.0);
                ui.label(
                    RichText::new(super::areas::legend_note())
                        .size(11.0)
                        .italics(),
                );
            }
        });
    }
}

/// Every entry: the actors, then the marker styles.
fn entries(view: &ViewContext) -> Vec<(String, Sample)> {
    let town = |colours: &[Color32]| Symbol::plain(PlaceKind::Town, colours);
    let one = |symbol: Symbol| vec![(symbol, vec2(0.0, 0.0))];
    let [a, b] = two_actor_colours(view);
    let mut items: Vec<(String, Sample)> = view
        .store
        .actors
        .iter()
        .map(|actor| (actor.name.clone(), one(town(&[theme::actor_colour(actor)]))))
        .collect();
    let styles = [
        ("Contested", one(town(&[a, b]))),
        ("Unknown", one(town(&[]))),
        (
            "Lost (ring: who lost it; new holder not said)",
            one(Symbol {
                lost: true,
                ..town(&[a])
            }),
        ),
        ("Reported that day", one(town(&[b]))),
        (
            "Carried forward from an earlier report",
            one(Symbol {
                fill: (theme::freshness_alpha(Some(5)) * 100.0).round() as u8,
                ..town(&[b])
            }),
        ),
        (
            "Changed in the last day (not a first report)",
            one(Symbol {
                just_changed: true,
                ..town(&[b])
            }),
        ),
        (
            "Inferred, not stated",
            one(Symbol {
                inferred: true,
                ..town(&[b])
            }),
        ),
        (
            crate::present::DISPUTED_LEGEND,
            one(Symbol {
                disputed: true,
                ..town(&[a, b])
            }),
        ),
        (
            crate::present::UNCERTAIN_LEGEND,
            one(Symbol {
                uncertain: true,
                fill: (crate::view::palette::UNCERTAIN_FADE * 100.0) as u8,
                ..town(&[b])
            }),
        ),
        (
            "Selected",
            one(Symbol {
                selected: true,
                ..town(&[b])
            }),
        ),
        (
            "City, town, village",
            vec![
                (Symbol::plain(PlaceKind::City, &[]), vec2(-9.0, 0.0)),
                (Symbol::plain(PlaceKind::Village, &[]), vec2(7.0, 0.0)),
            ],
        ),
        (
            "Border crossing",
            one(Symbol::plain(PlaceKind::BorderCrossing, &[])),
        ),
    ];
    items.extend(styles.into_iter().map(|(l, s)| (l.to_owned(), s)));
    items
}

/// Two actor colours for the style samples (the first two actors, or greys).
fn two_actor_colours(view: &ViewContext) -> [Color32; 2] {
    let c = |i: usize| {
        view.store
            .actors
            .get(i)
            .map_or(theme::UNKNOWN, theme::actor_colour)
    };
    [c(0), c(1)]
}

/// One entry: a sample marker and its label, as a single widget. An actor's entry
/// (`hidden: Some(..)`) is a button that hides or shows its places, greyed out while hidden.
fn row(ui: &mut Ui, label: &str, sample: &Sample, hidden: Option<bool>) -> egui::Response {
    let is_hidden = hidden == Some(true);
    let colour = if is_hidden {
        ui.visuals().weak_text_color()
    } else {
        ui.visuals().text_color()
    };
    let galley =
        ui.painter()
            .layout_no_wrap(label.to_owned(), egui::FontId::proportional(11.0), colour);
    let size = vec2(26.0 + galley.size().x + 4.0, 18.0);
    let sense = if hidden.is_some() {
        Sense::click()
    } else {
        Sense::hover()
    };
    let (rect, response) = ui.allocate_exact_size(size, sense);
    response.widget_info(|| match hidden {
        Some(h) => egui::WidgetInfo::selected(egui::Role::CheckBox, true, !h, label),
        None => egui::WidgetInfo::labeled(egui::Role::Label, true, label),
    });
    if hidden.is_some() && response.hovered() {
        ui.painter()
            .rect_filled(rect, 3.0, ui.visuals().widgets.hovered.weak_bg_fill);
    }
    let centre: Pos2 = rect.left_center() + vec2(12.0, 0.0);
    let mut painter = ui.painter().clone();
    if is_hidden {
        painter.multiply_opacity(0.3);
    }
    for (symbol, offset) in sample {
        symbol.paint(&painter, centre + *offset);
    }
    let text_pos = rect.left_center() + vec2(26.0, -galley.size().y / 2.0);
    if is_hidden {
        let y = rect.center().y;
        ui.painter().line_segment(
            [pos2(text_pos.x, y), pos2(text_pos.x + galley.size().x, y)],
            egui::Stroke::new(1.0, colour),
        );
    }
    ui.painter().galley(text_pos, galley, colour);
    if hidden.is_some() {
        response.on_hover_text(
            Command::Toggle(Toggle::Legend)
                .hover_text()
                .unwrap_or_default(),
        )
    } else {
        response
    }
}
