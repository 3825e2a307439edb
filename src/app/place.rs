//! The place panel: the selected place's state at the cursor in words, and its history, event
//! by event, with the quotes that support each claim in their context.

use egui::{Color32, RichText, Sense, Ui, vec2};

use super::action::Action;
use super::commands::{self, Command};
use super::panel::{View, ViewContext};
use super::place_dispute::DisputeView;
use super::place_history::History;
use super::theme;
use crate::present::{self, long_date};
use crate::store::{Place, PlaceIx};
use crate::view::bidi;

#[derive(Default)]
pub(crate) struct PlacePanel {
    history: History,
    disputes: DisputeView,
}

impl PlacePanel {
    /// The data changed: what the history found in the old data is dropped (a reason being
    /// typed for a dispute stays).
    pub(crate) fn data_changed(&mut self) {
        self.history.data_changed();
    }
}

impl View for PlacePanel {
    fn ui(&mut self, ui: &mut Ui, view: &ViewContext, actions: &mut Vec<Action>) {
        let Some(p) = view.scene.selected() else {
            ui.heading("No place selected");
            ui.label("Click a town on the map, a lane in the chart, or an event in the feed to read who holds it and who says so.");
            return;
        };
        let place = &view.store.places[p];
        ui.horizontal(|ui| {
            ui.heading(&place.name);
            commands::small_button(ui, Command::ClearSelection, actions);
        });
        ui.label(RichText::new(present::place_facts(place)).weak());
        for line in other_names(place) {
            ui.label(RichText::new(line).weak());
        }
        ui.add_space(6.0);
        status_box(ui, view, p);
        ui.add_space(8.0);
        self.disputes.ui(ui, view, p, actions);
        ui.label(RichText::new("History").strong());
        self.history.ui(ui, view, p, actions);
    }
}

/// "Also: Albu Kamal, Bukamal" and "Arabic: أبو كمال · البوكمال": the aliases in Latin script
/// and those in a right-to-left script, each line in the order egui must be given it (see
/// [`crate::view::bidi`]).
fn other_names(place: &Place) -> Vec<String> {
    let (rtl, latin): (Vec<&String>, Vec<&String>) = place
        .aliases
        .iter()
        .partition(|a| bidi::paragraph_direction(a) == bidi::Direction::RightToLeft);
    let mut lines = Vec::new();
    if !latin.is_empty() {
        let names: Vec<&str> = latin.iter().map(|a| a.as_str()).collect();
        lines.push(format!("Also: {}", names.join(", ")));
    }
    if !rtl.is_empty() {
        let names: Vec<String> = rtl.iter().map(|a| bidi::visual_order(a)).collect();
        lines.push(format!("Arabic: {}", names.join(" · ")));
    }
    lines
}

/// The place's state at the cursor: who holds it, since when, how fresh, how many quotes.
fn status_box(ui: &mut Ui, view: &ViewContext, p: PlaceIx) {
    let (store, cursor) = (view.store, view.scene.cursor());
    let state = view.scene.state(p);
    let colours = theme::control_colours(state.control, &store.actors);
    egui::Frame::group(ui.style())
        .fill(Color32::from_gray(248))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(format!("On {}", long_date(cursor.date())))
                    .small()
                    .weak(),
            );
            ui.horizontal_wrapped(|ui| {
                for c in &colours {
                    let (r, _) = ui.allocate_exact_size(vec2(14.0, 14.0), Sense::hover());
                    ui.painter().rect_filled(r, 3.0, *c);
                }
                ui.label(RichText::new(present::status_sentence(store, state)).strong());
            });
            if state.dispute.is_some() {
                ui.label(
                    RichText::new(format!(
                        "{}: see both versions below",
                        present::DISPUTED_LEGEND
                    ))
                    .color(theme::DISPUTED)
                    .strong(),
                );
            }
            if let Some(u) = &state.uncertain {
                ui.label(RichText::new(present::uncertain_sentence(u)).color(theme::UNCERTAIN));
            }
            if let Some(s) = state
                .since_event
                .and_then(|e| present::standing_sentence(&store.events[e]))
            {
                ui.label(RichText::new(s).italics());
            }
            if let Some(f) = present::freshness_sentence(store, state, cursor) {
                ui.label(f);
            }
            if state.control.is_some() {
                ui.label(RichText::new(present::sources_sentence(state)).small());
            }
        });
}
