//! The place panel: the selected place's state at the cursor in words, and its history, event
//! by event, with the quotes that support each claim in their context.

use egui::{Color32, RichText, Sense, Ui, vec2};

use super::action::Action;
use super::commands::{self, Command};
use super::history::History;
use super::theme;
use super::view::{View, ViewContext};
use crate::present::{self, long_date};
use crate::store::{Place, PlaceIx};

#[derive(Default)]
pub(crate) struct PlacePanel {
    history: History,
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
        if let Some(also) = other_names(place) {
            ui.label(RichText::new(also).small().weak());
        }
        ui.add_space(6.0);
        status_box(ui, view, p);
        ui.add_space(8.0);
        ui.label(RichText::new("History").strong());
        self.history.ui(ui, view, p, actions);
    }
}

/// "Also: Albu Kamal, Bukamal (+1 in Arabic script)": the aliases egui's fonts can show, and
/// how many others there are.
fn other_names(place: &Place) -> Option<String> {
    let latin: Vec<&str> = place
        .aliases
        .iter()
        .map(String::as_str)
        .filter(|a| {
            a.chars()
                .all(|c| c.is_ascii() || c.is_alphabetic() && (c as u32) < 0x0600)
        })
        .collect();
    if latin.is_empty() {
        return None;
    }
    let others = place.aliases.len() - latin.len();
    let mut text = format!("Also: {}", latin.join(", "));
    if others > 0 {
        text.push_str(&format!(" (+{others} in Arabic script)"));
    }
    Some(text)
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
            if let Some(f) = present::freshness_sentence(store, state, cursor) {
                ui.label(f);
            }
            if state.control.is_some() {
                ui.label(RichText::new(present::sources_sentence(state)).small());
            }
        });
}
