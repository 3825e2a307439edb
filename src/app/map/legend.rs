//! The map's legend, laid over the map's bottom-left corner. Folded (the default) it is one
//! strip: "Legend +", a swatch and short name for each actor, and "Areas inferred" while the
//! areas are shown (the full sentence on hover), so that it keeps the map. Expanded (Legend,
//! `L`) it lists every actor and marker style. Clicking an actor hides or shows its places.
//! What it lists comes from one list ([`crate::view::legend`]).

use egui::{Color32, Pos2, RichText, Sense, Ui, pos2, vec2};

use super::symbols::Symbol;
use crate::app::action::Action;
use crate::app::commands::{self, Command};
use crate::app::panel::{View, ViewContext};
use crate::app::state::toggles::Toggle;
use crate::app::theme;
use crate::store::PlaceKind;
use crate::view::legend::{LegendEntry, LegendKey};

#[derive(Default)]
pub(crate) struct Legend;

/// A legend entry's sample: the symbols it shows, and where, from the sample's centre.
type Sample = Vec<(Symbol, egui::Vec2)>;

/// The short marker of the areas' note in the folded strip.
pub(crate) const AREAS_MARKER: &str = "Areas inferred";

impl View for Legend {
    /// Draws the legend in the current `ui` (an overlay placed by the map).
    fn ui(&mut self, ui: &mut Ui, view: &ViewContext, actions: &mut Vec<Action>) {
        let expanded = view.shown.legend;
        theme::overlay_frame()
            .inner_margin(egui::Margin::symmetric(6, 3))
            .show(ui, |ui| {
                ui.spacing_mut().item_spacing = vec2(6.0, 0.0);
                if expanded {
                    expanded_ui(ui, view, actions);
                } else {
                    strip_ui(ui, view, actions);
                }
            });
    }
}

/// The folded legend: one wrapped line of the actors, each a swatch and its short name.
fn strip_ui(ui: &mut Ui, view: &ViewContext, actions: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        commands::labelled_button(
            ui,
            Command::Toggle(Toggle::Legend),
            RichText::new("Legend +").strong(),
            actions,
        );
        let entries = crate::view::legend::actor_entries(view.store, |_| true);
        let colours = two_actor_colours(view);
        for entry in &entries {
            actor_row(
                ui,
                view,
                entry,
                &sample(view, entry.key, colours),
                true,
                actions,
            );
        }
        if view.shown.areas {
            let note = super::areas::legend_note();
            let colour = ui.visuals().weak_text_color();
            let galley = ui.painter().layout_no_wrap(
                AREAS_MARKER.to_owned(),
                egui::FontId::proportional(11.0),
                colour,
            );
            let (rect, response) =
                ui.allocate_exact_size(vec2(galley.size().x, 18.0), Sense::hover());
            ui.painter().galley(
                pos2(rect.left(), rect.center().y - galley.size().y / 2.0),
                galley,
                colour,
            );
            // The full sentence is its accessible label and its tooltip.
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, note));
            response.on_hover_text(note);
        }
    });
}

/// The expanded legend: every entry in a grid of three columns, and the areas' note.
fn expanded_ui(ui: &mut Ui, view: &ViewContext, actions: &mut Vec<Action>) {
    commands::labelled_button(
        ui,
        Command::Toggle(Toggle::Legend),
        RichText::new("Legend −").strong(),
        actions,
    );
    let entries = crate::view::legend::entries(view.store);
    let colours = two_actor_colours(view);
    egui::Grid::new("legend-grid")
        .num_columns(3)
        .spacing(vec2(4.0, 0.0))
        .show(ui, |ui| {
            for (i, entry) in entries.iter().enumerate() {
                let s = sample(view, entry.key, colours);
                if let LegendKey::Actor(_) = entry.key {
                    actor_row(ui, view, entry, &s, false, actions);
                } else {
                    row(ui, &entry.label, &entry.label, &s, None);
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
}

/// An actor's entry: a button that hides or shows its places (short name in the strip, its
/// full name as accessible label either way).
fn actor_row(
    ui: &mut Ui,
    view: &ViewContext,
    entry: &LegendEntry,
    sample: &Sample,
    short: bool,
    actions: &mut Vec<Action>,
) {
    let LegendKey::Actor(a) = entry.key else {
        return;
    };
    let Some(actor) = view.store.actors.get(a) else {
        return;
    };
    let hidden = view.scene.filters().hidden.contains(&actor.id);
    let shown_text = if short { &entry.short } else { &entry.label };
    if row(ui, shown_text, &entry.label, sample, Some(hidden)).clicked() {
        actions.push(Action::ToggleActor(actor.id.clone()));
    }
}

/// The sample of an entry. A new kind of entry gets its look here.
fn sample(view: &ViewContext, key: LegendKey, [a, b]: [Color32; 2]) -> Sample {
    let town = |colours: &[Color32]| Symbol::plain(PlaceKind::Town, colours);
    let one = |symbol: Symbol| vec![(symbol, vec2(0.0, 0.0))];
    match key {
        LegendKey::Actor(i) => {
            let colour = view
                .store
                .actors
                .get(i)
                .map_or(theme::UNKNOWN, theme::actor_colour);
            one(town(&[colour]))
        }
        LegendKey::Contested => one(town(&[a, b])),
        LegendKey::Unknown => one(town(&[])),
        LegendKey::Lost => one(Symbol {
            lost: true,
            ..town(&[a])
        }),
        LegendKey::ReportedThatDay => one(town(&[b])),
        LegendKey::CarriedForward => one(Symbol {
            fill: (theme::freshness_alpha(Some(5)) * 100.0).round() as u8,
            ..town(&[b])
        }),
        LegendKey::JustChanged => one(Symbol {
            just_changed: true,
            ..town(&[b])
        }),
        LegendKey::Inferred => one(Symbol {
            inferred: true,
            ..town(&[b])
        }),
        LegendKey::Disputed => one(Symbol {
            disputed: true,
            ..town(&[a, b])
        }),
        LegendKey::Uncertain => one(Symbol {
            uncertain: true,
            fill: (crate::view::palette::UNCERTAIN_FADE * 100.0) as u8,
            ..town(&[b])
        }),
        LegendKey::Selected => one(Symbol {
            selected: true,
            ..town(&[b])
        }),
        LegendKey::Kinds => vec![
            (Symbol::plain(PlaceKind::City, &[]), vec2(-9.0, 0.0)),
            (Symbol::plain(PlaceKind::Village, &[]), vec2(7.0, 0.0)),
        ],
        LegendKey::BorderCrossing => one(Symbol::plain(PlaceKind::BorderCrossing, &[])),
    }
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

/// One entry: a sample marker and its text, as a single widget named `label` in the
/// accessibility tree. An actor's entry (`hidden: Some(..)`) is a button that hides or shows
/// its places, greyed out while hidden.
fn row(
    ui: &mut Ui,
    text: &str,
    label: &str,
    sample: &Sample,
    hidden: Option<bool>,
) -> egui::Response {
    let is_hidden = hidden == Some(true);
    let colour = if is_hidden {
        ui.visuals().weak_text_color()
    } else {
        ui.visuals().text_color()
    };
    let galley =
        ui.painter()
            .layout_no_wrap(text.to_owned(), egui::FontId::proportional(11.0), colour);
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
        let hover = if text == label {
            "Click to hide or show its places".to_owned()
        } else {
            format!("{label}: click to hide or show its places")
        };
        response.on_hover_text(hover)
    } else {
        response
    }
}
