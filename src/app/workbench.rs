//! The annotation workbench's windows: "Add article" (paste a text or open a file, fill in
//! where it comes from, checked as you type) and "Save as" (the bundled data is read-only, so
//! its first save copies it into a directory of the user's), and "New claim" (a passage
//! selected in the reader, prefilled by the assistant).

use egui::{Color32, RichText, Ui};

use super::action::Action;
use super::commands::Command;
use super::view::{View, ViewContext};
use crate::edit::claim::ClaimForm;
use crate::edit::form::{ArticleForm, read_text_file};
use crate::edit::{Edit, events_file_for};
use crate::present::long_date;
use crate::store::{Basis, DateBasis, EventKind, Precision};

#[derive(Default)]
pub struct AddArticleWindow {
    pub open: bool,
    pub form: ArticleForm,
    /// A `.txt` or `.md` file to read the text from.
    pub path: String,
    /// Why the file could not be read.
    pub file_error: Option<String>,
}

/// A labelled one-line text field (the label names it for screen readers and tests).
fn field(ui: &mut Ui, label: &str, value: &mut String) {
    ui.horizontal(|ui| {
        let l = ui.add_sized([90.0, 18.0], egui::Label::new(label));
        ui.add(egui::TextEdit::singleline(value).desired_width(360.0))
            .labelled_by(l.id);
    });
}

impl View for AddArticleWindow {
    fn ui(&mut self, ui: &mut Ui, view: &ViewContext, actions: &mut Vec<Action>) {
        if !self.open {
            return;
        }
        let mut open = true;
        let taken = |id: &str| {
            view.store.articles.iter().any(|a| a.id == id)
                || view
                    .edits
                    .iter()
                    .any(|e| matches!(e, Edit::AddArticle(a) if a.id == id))
        };
        let checked = self.form.check(taken);
        egui::Window::new(Command::AddArticle.label(false))
            .id(egui::Id::unique("add-article"))
            .open(&mut open)
            .default_size([520.0, 560.0])
            .default_pos([380.0, 60.0])
            .show(ui.ctx(), |ui| {
                let f = &mut self.form;
                field(ui, "Id", &mut f.id);
                field(ui, "Title", &mut f.title);
                field(ui, "Outlet", &mut f.outlet);
                field(ui, "Date", &mut f.date);
                ui.horizontal(|ui| {
                    ui.add_sized([90.0, 18.0], egui::Label::new("Date basis"));
                    for (b, name) in [
                        (DateBasis::Stated, "stated"),
                        (DateBasis::Caption, "caption"),
                        (DateBasis::Rewrite, "rewrite"),
                        (DateBasis::Unknown, "unknown"),
                    ] {
                        ui.radio_value(&mut f.date_basis, b, name);
                    }
                });
                ui.horizontal(|ui| {
                    ui.add_sized([90.0, 18.0], egui::Label::new("Precision"));
                    for p in [Precision::Day, Precision::Week, Precision::Month] {
                        ui.radio_value(&mut f.date_precision, p, p.label());
                    }
                });
                field(ui, "URL", &mut f.url);
                field(ui, "Language", &mut f.language);
                ui.horizontal(|ui| {
                    let l = ui.add_sized([90.0, 18.0], egui::Label::new("File"));
                    ui.add(egui::TextEdit::singleline(&mut self.path).desired_width(280.0))
                        .labelled_by(l.id);
                    if ui.button("Open file").clicked() {
                        match read_text_file(std::path::Path::new(self.path.trim())) {
                            Ok(text) => {
                                f.text = text;
                                self.file_error = None;
                            }
                            Err(e) => self.file_error = Some(e),
                        }
                    }
                });
                if let Some(e) = &self.file_error {
                    ui.colored_label(Color32::from_rgb(200, 30, 30), e);
                }
                let l = ui.label("Text (stored exactly as it is here)");
                egui::ScrollArea::vertical()
                    .max_height(220.0)
                    .show(ui, |ui| {
                        ui.add(
                            egui::TextEdit::multiline(&mut f.text)
                                .desired_rows(10)
                                .desired_width(f32::INFINITY),
                        )
                        .labelled_by(l.id);
                    });
                ui.separator();
                match &checked {
                    Err(problems) => {
                        for p in problems {
                            ui.label(
                                RichText::new(format!("• {p}"))
                                    .color(Color32::from_rgb(170, 60, 0)),
                            );
                        }
                        ui.add_enabled(false, egui::Button::new("Add"));
                    }
                    Ok(article) => {
                        ui.label(format!("The text goes to {}.", article.file()));
                        if ui.button("Add").clicked() {
                            actions.push(Action::Edit(Edit::AddArticle(article.clone())));
                            *f = ArticleForm::default();
                            self.path.clear();
                            actions.push(Action::ToggleAddArticle);
                        }
                    }
                }
            });
        if !open {
            actions.push(Action::ToggleAddArticle);
        }
    }
}

/// Asks for a new directory to save a copy of the data into.
#[derive(Default)]
pub struct SaveAsWindow {
    pub open: bool,
    pub dir: String,
    /// Why the last save failed, shown until the next one.
    pub error: Option<String>,
}

impl View for SaveAsWindow {
    fn ui(&mut self, ui: &mut Ui, _view: &ViewContext, actions: &mut Vec<Action>) {
        if !self.open {
            return;
        }
        let mut open = true;
        egui::Window::new("Save as")
            .id(egui::Id::unique("save-as"))
            .open(&mut open)
            .collapsible(false)
            .default_pos([420.0, 200.0])
            .show(ui.ctx(), |ui| {
                if let Some(e) = &self.error {
                    ui.colored_label(Color32::from_rgb(200, 30, 30), e);
                }
                ui.label("Copy the data into a new (or empty) directory and save the edits there:");
                ui.horizontal(|ui| {
                    let l = ui.label("Directory");
                    ui.add(egui::TextEdit::singleline(&mut self.dir).desired_width(320.0))
                        .labelled_by(l.id);
                });
                let dir = self.dir.trim();
                if ui
                    .add_enabled(!dir.is_empty(), egui::Button::new("Save here"))
                    .clicked()
                {
                    actions.push(Action::SaveAs(dir.into()));
                }
            });
        if !open {
            self.open = false;
        }
    }
}

/// "New claim": the selected passage, prefilled by the assistant, checked as you type.
#[derive(Default)]
pub struct ClaimWindow {
    pub form: Option<ClaimForm>,
}

impl View for ClaimWindow {
    fn ui(&mut self, ui: &mut Ui, view: &ViewContext, actions: &mut Vec<Action>) {
        let Some(f) = &mut self.form else { return };
        let mut open = true;
        let mut done = false;
        let checked = f.check(view.store);
        egui::Window::new(Command::NewClaim.label(false))
            .id(egui::Id::unique("new-claim"))
            .open(&mut open)
            .default_size([480.0, 420.0])
            .default_pos([420.0, 120.0])
            .show(ui.ctx(), |ui| {
                ui.label(RichText::new(format!("“{}”", f.quote)).italics());
                ui.label(RichText::new(format!("from {}", f.article)).weak().small());
                if !f.assistant.is_empty() {
                    ui.label(
                        RichText::new(format!("Assistant: {}", f.assistant))
                            .weak()
                            .small(),
                    );
                }
                ui.separator();
                field(ui, "Place", &mut f.place);
                field(ui, "Date", &mut f.date);
                if let Some(day) = f.day() {
                    ui.label(RichText::new(long_date(day)).weak());
                }
                field(ui, "Date phrase", &mut f.date_phrase);
                ui.horizontal_wrapped(|ui| {
                    ui.add_sized([90.0, 18.0], egui::Label::new("Kind"));
                    for k in [
                        EventKind::Capture,
                        EventKind::Recapture,
                        EventKind::Entered,
                        EventKind::Declared,
                        EventKind::Withdrawal,
                        EventKind::Report,
                    ] {
                        ui.radio_value(&mut f.kind, k, k.label());
                    }
                });
                field(ui, "From", &mut f.from);
                field(ui, "To", &mut f.to);
                ui.horizontal(|ui| {
                    ui.add_sized([90.0, 18.0], egui::Label::new("Basis"));
                    ui.radio_value(&mut f.basis, Basis::Stated, "stated");
                    ui.radio_value(&mut f.basis, Basis::Inferred, "inferred");
                });
                field(ui, "Note", &mut f.note);
                ui.separator();
                match &checked {
                    Err(problems) => {
                        for p in problems {
                            ui.label(
                                RichText::new(format!("• {p}"))
                                    .color(Color32::from_rgb(170, 60, 0)),
                            );
                        }
                        ui.add_enabled(false, egui::Button::new("Add claim"));
                    }
                    Ok(event) => {
                        if ui.button("Add claim").clicked() {
                            actions.push(Action::Edit(Edit::AddEvent {
                                file: events_file_for(&f.article),
                                event: event.clone(),
                            }));
                            done = true;
                        }
                    }
                }
            });
        if !open || done {
            self.form = None;
        }
    }
}
