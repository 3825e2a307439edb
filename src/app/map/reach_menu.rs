//! The "Reach…" menu beside the Areas checkbox: how far each place's area reaches, by kind of
//! place, and after how many days without news a state is drawn faded. A change is an
//! [`Action::SetAreaSettings`]; the areas are made again from it, and it is remembered with the
//! rest of the view.

use egui::{DragValue, Ui};

use crate::app::action::Action;
use crate::app::commands::{self, Command};
use crate::view::areas::{AreaSettings, MAX_REACH_KM, REACH_KINDS};

/// The menu button and its menu.
pub(crate) fn ui(ui: &mut Ui, settings: &AreaSettings, actions: &mut Vec<Action>) {
    let spec = Command::AreaReach.spec();
    let response = ui
        .menu_button(egui::RichText::new(spec.label).small(), |ui| {
            menu(ui, settings, actions)
        })
        .response;
    if let Some(hover) = spec.hover {
        response.on_hover_text(hover);
    }
}

fn menu(ui: &mut Ui, settings: &AreaSettings, actions: &mut Vec<Action>) {
    let mut edited = settings.clone();
    ui.label("An area reaches this far from its place:");
    egui::Grid::new("area-reach").num_columns(2).show(ui, |ui| {
        for (kind, name) in REACH_KINDS {
            let label = ui.label(format!("{} (km)", capitalised(name)));
            ui.add(
                DragValue::new(edited.reach_km_mut(kind))
                    .range(0.0..=MAX_REACH_KM)
                    .speed(0.5)
                    .max_decimals(1),
            )
            .labelled_by(label.id);
            ui.end_row();
        }
        let label = ui.label("Faded after (days)");
        ui.add(DragValue::new(&mut edited.stale_days).range(1..=3650))
            .labelled_by(label.id)
            .on_hover_text(
                "A state last reported longer ago is drawn faded and draws no front line",
            );
        ui.end_row();
    });
    commands::button(ui, Command::AreaDefaults, false, actions);
    if edited != *settings {
        actions.push(Action::SetAreaSettings(edited));
    }
}

fn capitalised(name: &str) -> String {
    let mut chars = name.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
