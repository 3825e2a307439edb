//! The "what changed" window: two instants (typed, or the cursor's day against the day
//! before), and the places whose state differs between them, each with its state before and
//! after and the events in between, worded as `frontline diff` words them, then the disputes
//! and uncertain windows of those days. The places listed are ringed on the map; clicking one
//! selects it.

use egui::{RichText, Ui};

use super::action::Action;
use super::commands::{self, Command};
use super::panel::{View, ViewContext};
use crate::present;

/// The window, with the dates being typed.
#[derive(Default)]
pub struct ChangesWindow {
    from: String,
    to: String,
    /// Why the dates typed cannot be compared.
    problem: Option<String>,
}

impl ChangesWindow {
    fn compare_typed(&mut self, actions: &mut Vec<Action>) {
        let parse = |s: &str| crate::replay::parse_at(s).map_err(|e| e.to_string());
        match (parse(&self.from), parse(&self.to)) {
            (Ok(from), Ok(to)) => {
                self.problem = None;
                actions.push(Action::Compare { from, to });
            }
            (Err(e), _) | (_, Err(e)) => self.problem = Some(e),
        }
    }
}

impl View for ChangesWindow {
    fn ui(&mut self, ui: &mut Ui, view: &ViewContext, actions: &mut Vec<Action>) {
        let Some(compared) = view.compared else {
            return;
        };
        if self.from.is_empty() {
            self.from = compared.from.date().to_string();
            self.to = compared.to.date().to_string();
        }
        let mut open = true;
        egui::Window::new("What changed")
            .id(egui::Id::unique("what-changed"))
            .open(&mut open)
            .default_size([420.0, 360.0])
            .default_pos([330.0, 140.0])
            .show(ui.ctx(), |ui| {
                ui.horizontal(|ui| {
                    let label = ui.label("From");
                    ui.add(egui::TextEdit::singleline(&mut self.from).desired_width(90.0))
                        .labelled_by(label.id);
                    let label = ui.label("to");
                    ui.add(egui::TextEdit::singleline(&mut self.to).desired_width(90.0))
                        .labelled_by(label.id);
                    if ui.button("Compare").clicked() {
                        self.compare_typed(actions);
                    }
                });
                if commands::small_button(ui, Command::CompareDayBefore, actions).clicked() {
                    self.from.clear();
                }
                if let Some(p) = &self.problem {
                    ui.colored_label(egui::Color32::from_rgb(200, 30, 30), p);
                }
                ui.separator();
                ui.label(
                    RichText::new(present::diff_heading(
                        compared.from,
                        compared.to,
                        compared.changes.len(),
                    ))
                    .strong(),
                );
                egui::ScrollArea::vertical()
                    .id_salt("changes")
                    .show(ui, |ui| {
                        for c in &compared.changes {
                            let line = present::diff_line(view.store, c);
                            let selected = view.scene.selected() == Some(c.place);
                            if ui.selectable_label(selected, line).clicked() {
                                actions.push(Action::Select(Some(c.place)));
                            }
                            for (&e, &change) in c.events.iter().zip(&c.changes) {
                                ui.weak(format!(
                                    "    {}",
                                    present::diff_event_line(view.store, e, change)
                                ));
                            }
                        }
                        // Where the sources disagree, or say only that a place changed hands
                        // some time in a window, in these days.
                        let windows =
                            present::windows_between(view.store, compared.from, compared.to);
                        if !windows.is_empty() {
                            ui.add_space(6.0);
                            ui.label(RichText::new("Disputed or uncertain in this time").strong());
                        }
                        for (place, line) in windows {
                            let selected = view.scene.selected() == Some(place);
                            if ui.selectable_label(selected, line).clicked() {
                                actions.push(Action::Select(Some(place)));
                            }
                        }
                    });
            });
        if !open {
            self.from.clear();
            actions.push(Action::CloseCompare);
        }
    }
}
