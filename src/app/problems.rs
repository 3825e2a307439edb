//! The problems window: every validation problem (file, line, message); selecting one shows
//! the offending lines of the file.

use egui::{Color32, RichText, Ui};

use super::action::Action;
use super::panel::{View, ViewContext};
use crate::store::Severity;

#[derive(Default)]
pub(crate) struct ProblemsWindow {
    /// The problem whose lines are shown.
    pub selected: Option<usize>,
}

impl View for ProblemsWindow {
    /// The window, while it is shown.
    fn ui(&mut self, ui: &mut Ui, view: &ViewContext, actions: &mut Vec<Action>) {
        if !view.shown.problems {
            return;
        }
        let (diagnostics, origin) = (&view.store.diagnostics, &view.store.origin);
        let mut open = true;
        egui::Window::new(format!("Problems ({})", diagnostics.items.len()))
            .id(egui::Id::unique("problems"))
            .open(&mut open)
            .default_size([620.0, 420.0])
            .default_pos([330.0, 120.0])
            .show(ui.ctx(), |ui| {
                ui.label(format!(
                    "{} error(s), {} warning(s) in {origin}. What is valid is shown; entries with errors are left out.",
                    diagnostics.error_count(),
                    diagnostics.warning_count()
                ));
                if diagnostics.items.is_empty() {
                    ui.label("No problems: every quote was found verbatim and every claim checks out.");
                    return;
                }
                ui.separator();
                egui::ScrollArea::vertical().max_height(220.0).id_salt("problem-list").show(ui, |ui| {
                    for (i, d) in diagnostics.items.iter().enumerate() {
                        let (tag, colour) = match d.severity {
                            Severity::Error => ("error", Color32::from_rgb(200, 30, 30)),
                            Severity::Warning => ("warning", Color32::from_rgb(180, 120, 0)),
                            Severity::Note => ("note", Color32::from_rgb(60, 100, 160)),
                        };
                        ui.horizontal_wrapped(|ui| {
                            ui.label(RichText::new(tag).color(colour).strong());
                            let text = format!("{}  {}", d.location(), d.message);
                            if ui.selectable_label(self.selected == Some(i), text).clicked() {
                                self.selected = Some(i);
                            }
                        });
                    }
                });
                if let Some(d) = self.selected.and_then(|i| diagnostics.items.get(i)) {
                    ui.separator();
                    ui.label(RichText::new(format!("{}: {}", d.location(), d.message)).strong());
                    if let Some(h) = &d.hint {
                        ui.label(RichText::new(format!("Hint: {h}")).italics());
                    }
                    let lines = diagnostics.excerpt(d, 2);
                    egui::Frame::NONE.fill(Color32::from_gray(245)).inner_margin(6.0).show(ui, |ui| {
                        for (n, line) in lines {
                            let text = RichText::new(format!("{n:>5} | {line}")).monospace();
                            let text = if n == d.line { text.background_color(Color32::from_rgb(255, 225, 225)) } else { text };
                            ui.label(text);
                        }
                    });
                }
            });
        if !open {
            actions.push(Action::Toggle(crate::app::state::toggles::Toggle::Problems));
        }
    }
}
