//! The map's legend: every actor's colour and every marker style, always under the map.
//! A strip whose entries wrap to the width, so that it hides as little of the map as possible.

use egui::{Color32, Pos2, RichText, Sense, Ui, vec2};

use super::symbols::Symbol;
use crate::app::action::Action;
use crate::app::theme;
use crate::app::view::{View, ViewContext};
use crate::store::PlaceKind;

#[derive(Default)]
pub(crate) struct Legend;

/// A legend entry's sample: the symbols it shows, and where, from the sample's centre.
type Sample = Vec<(Symbol, egui::Vec2)>;

impl View for Legend {
    fn ui(&mut self, ui: &mut Ui, view: &ViewContext, _actions: &mut Vec<Action>) {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Legend").strong());
            for (label, sample) in entries(view) {
                row(ui, &label, &sample);
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
            "Changed in the last day",
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

/// One entry: a sample marker and its label, as a single widget so that wrapping never
/// separates them.
fn row(ui: &mut Ui, label: &str, sample: &Sample) {
    let galley = ui.painter().layout_no_wrap(
        label.to_owned(),
        egui::FontId::proportional(12.0),
        ui.visuals().text_color(),
    );
    let size = vec2(30.0 + galley.size().x + 8.0, 22.0);
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, label));
    let centre: Pos2 = rect.left_center() + vec2(14.0, 0.0);
    for (symbol, offset) in sample {
        symbol.paint(ui.painter(), centre + *offset);
    }
    let text_pos = rect.left_center() + vec2(30.0, -galley.size().y / 2.0);
    ui.painter()
        .galley(text_pos, galley, ui.visuals().text_color());
}
