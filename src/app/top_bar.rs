//! The top bar: what is loaded and from where, the reload notice, the control chart toggle and
//! the problems button.

use egui::{Color32, RichText, Ui};

use super::action::Action;
use super::commands::{self, Command};
use super::view::{View, ViewContext};
use crate::present;

#[derive(Default)]
pub struct TopBar;

impl View for TopBar {
    fn ui(&mut self, ui: &mut Ui, view: &ViewContext, actions: &mut Vec<Action>) {
        let store = view.store;
        ui.horizontal(|ui| {
            ui.label(RichText::new("Frontline").strong().size(16.0));
            ui.label(
                RichText::new(format!(
                    "{} · {}",
                    present::summary_short(store),
                    store.origin
                ))
                .weak(),
            );
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let n = store.diagnostics.items.len();
                let label = if n == 0 {
                    "No problems".to_owned()
                } else {
                    format!("{} ({n})", Command::Problems.label(false))
                };
                let text = if store.diagnostics.error_count() > 0 {
                    RichText::new(label)
                        .color(Color32::from_rgb(200, 30, 30))
                        .strong()
                } else {
                    RichText::new(label)
                };
                commands::labelled_button(ui, Command::Problems, text, actions);
                commands::toggle(ui, Command::ControlChart, view.shown.chart, actions);
                commands::button(ui, Command::CompareDayBefore, false, actions);
                if let Some(notice) = view.notice {
                    ui.label(RichText::new(notice).color(Color32::from_rgb(0, 110, 60)));
                }
            });
        });
    }
}
