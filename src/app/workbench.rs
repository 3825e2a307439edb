//! The annotation workbench's windows: "Save as" (the bundled data is read-only, so
//! its first save copies it into a directory of the user's), and "New claim" (a passage
//! selected in the reader, prefilled by the assistant, made a new event or attached to an
//! existing one), which is also "Edit event" for an event of the data.

use egui::{Color32, RichText, Ui};

use super::action::Action;
use super::attach;
use super::commands::{self, Command};
use super::panel::{View, ViewContext};
use crate::edit::claim::{ClaimForm, Status};
use crate::edit::rebase::NotApplied;
use crate::edit::{Edit, events_file_for};
use crate::present::long_date;
use crate::store::{Basis, EventIx, EventKind, Origin, Precision};

/// A labelled one-line text field (the label names it for screen readers and tests).
pub(super) fn field(ui: &mut Ui, label: &str, value: &mut String) {
    ui.horizontal(|ui| {
        let l = ui.add_sized([90.0, 18.0], egui::Label::new(label));
        ui.add(egui::TextEdit::singleline(value).desired_width(360.0))
            .labelled_by(l.id);
    });
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

/// What the claim window does with its form.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum ClaimMode {
    /// A new event from the selected passage.
    #[default]
    New,
    /// The passage as another source of an existing event.
    Attach,
    /// Changing event `event` of the data; `origin` is where it was read from, so that the form
    /// closes when the data changes under it.
    Edit { event: EventIx, origin: Origin },
}

/// "New claim": the selected passage, prefilled by the assistant, checked as you type; made a
/// new event, or attached to an existing one. "Edit event" opens it on an event of the data.
#[derive(Default)]
pub struct ClaimWindow {
    pub form: Option<ClaimForm>,
    pub mode: ClaimMode,
    /// The search of the events to attach to: a place's name or a date.
    pub search: String,
    /// The event that makes the same claim as the candidate accepted: listed first, and the
    /// form opens attaching to it.
    pub matched: Option<EventIx>,
}

impl ClaimWindow {
    /// Opens the form, to make a new claim or to change an event.
    pub fn open(&mut self, form: ClaimForm, mode: ClaimMode) {
        self.mode = mode;
        self.matched = None;
        self.form = Some(form);
    }

    /// Opens the form filled in from an assistant's candidates: attached to `matched`, the
    /// event that makes the same claim already; else as a new claim.
    pub fn open_candidate(&mut self, form: ClaimForm, matched: Option<EventIx>) {
        self.mode = match matched {
            Some(_) => ClaimMode::Attach,
            None => ClaimMode::New,
        };
        self.matched = matched;
        self.form = Some(form);
    }

    /// A click on the map: where the place of the claim is, when no gazetteer knows it.
    pub fn place_at(&mut self, store: &crate::store::Store, lat: f64, lon: f64) {
        if let Some(f) = &mut self.form
            && self.mode == ClaimMode::New
            && f.awaits_placing(store)
        {
            f.coordinates = format!("{lat:.5}, {lon:.5}");
        }
    }
}

impl View for ClaimWindow {
    fn ui(&mut self, ui: &mut Ui, view: &ViewContext, actions: &mut Vec<Action>) {
        let Some(f) = &mut self.form else { return };
        let editing = match &self.mode {
            ClaimMode::Edit { event, origin } => Some((*event, origin.clone())),
            _ => None,
        };
        if let Some((e, origin)) = &editing
            && view.store.events.get(*e).map(|ev| &ev.origin) != Some(origin)
        {
            // The data changed under the form (an undo, a reload): that event is not there.
            self.form = None;
            return;
        }
        let mut open = true;
        let mut done = false;
        let title = match editing {
            Some(_) => Command::EditEvent.label(false),
            None => Command::NewClaim.label(false),
        };
        egui::Window::new(title)
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
                if editing.is_none() {
                    ui.horizontal(|ui| {
                        ui.radio_value(&mut self.mode, ClaimMode::New, "New event");
                        ui.radio_value(
                            &mut self.mode,
                            ClaimMode::Attach,
                            "Attach as a source of an existing event",
                        );
                    });
                }
                ui.separator();
                if self.mode == ClaimMode::Attach {
                    done = attach::list(ui, view, f, self.matched, &mut self.search, actions);
                    return;
                }
                done = claim_fields(ui, view, f, editing.map(|(e, _)| e), actions);
            });
        if !open || done {
            self.form = None;
        }
    }
}

/// The claim's fields, what is wrong with them, and the button that adds the claim (or, with
/// `editing`, saves the changes to that event). Returns whether the form is done.
fn claim_fields(
    ui: &mut Ui,
    view: &ViewContext,
    f: &mut ClaimForm,
    editing: Option<EventIx>,
    actions: &mut Vec<Action>,
) -> bool {
    field(ui, "Place", &mut f.place);
    if f.awaits_placing(view.store) {
        field(ui, "Coordinates", &mut f.coordinates);
        ui.label(RichText::new(crate::present::place_by_hand_hint()).weak());
    }
    let new_place = f.new_place(view.store);
    if let Some(p) = &new_place {
        ui.label(RichText::new(p.sentence()).color(Color32::from_rgb(0, 100, 160)));
    }
    if !f.more_quotes.is_empty() {
        ui.label(RichText::new(crate::present::more_quotes(f.more_quotes.len())).weak());
        for q in &f.more_quotes {
            ui.label(RichText::new(format!("“{}”", q.quote)).italics().small());
        }
    }
    field(ui, "Date", &mut f.date);
    if let Some(day) = f.day() {
        let shown = match f.precision {
            Precision::Year => format!("the year {}", chrono::Datelike::year(&day)),
            _ => long_date(day),
        };
        ui.label(RichText::new(shown).weak());
    }
    if editing.is_none() {
        field(ui, "Date phrase", &mut f.date_phrase);
    }
    ui.horizontal(|ui| {
        ui.add_sized([90.0, 18.0], egui::Label::new("Precision"));
        for p in [
            Precision::Day,
            Precision::Week,
            Precision::Month,
            Precision::Year,
        ] {
            ui.radio_value(&mut f.precision, p, p.label());
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.add_sized([90.0, 18.0], egui::Label::new("Kind"));
        for k in EventKind::ALL {
            ui.radio_value(&mut f.kind, k, k.label());
        }
    });
    field(ui, "From", &mut f.from);
    ui.horizontal(|ui| {
        ui.add_sized([90.0, 18.0], egui::Label::new("Status"));
        ui.radio_value(&mut f.status, Status::Held, "held");
        ui.radio_value(&mut f.status, Status::Contested, "contested");
        ui.radio_value(&mut f.status, Status::Lost, "lost");
    });
    let label = f.actors_label();
    field(ui, label, &mut f.to);
    ui.horizontal(|ui| {
        ui.add_sized([90.0, 18.0], egui::Label::new("Basis"));
        ui.radio_value(&mut f.basis, Basis::Stated, "stated");
        ui.radio_value(&mut f.basis, Basis::Inferred, "inferred");
    });
    field(ui, "Note", &mut f.note);
    ui.separator();
    let problems = |ui: &mut Ui, problems: &[String]| {
        for p in problems {
            ui.label(RichText::new(format!("• {p}")).color(Color32::from_rgb(170, 60, 0)));
        }
    };
    let add_place = new_place.map(|p| Action::Edit(Edit::AddPlace(p)));
    match editing {
        None => match f.check(view.store) {
            Err(p) => {
                problems(ui, &p);
                ui.add_enabled(false, egui::Button::new("Add claim"));
            }
            Ok(event) => {
                if ui.button("Add claim").clicked() {
                    actions.extend(add_place);
                    actions.push(Action::Edit(Edit::AddEvent {
                        file: events_file_for(&f.article),
                        event,
                    }));
                    return true;
                }
            }
        },
        Some(e) => match f.changes(view.store, e) {
            Err(p) => {
                problems(ui, &p);
                commands::form_button_for(
                    ui,
                    Command::SaveEventChanges,
                    false,
                    Action::EditEvent(e),
                    actions,
                );
            }
            Ok(fields) => {
                let changed = !fields.is_empty();
                if !changed {
                    ui.label(RichText::new("Nothing changed yet.").weak());
                }
                let save = Action::UpdateEvent { event: e, fields };
                if commands::form_button_for(ui, Command::SaveEventChanges, changed, save, actions)
                    .clicked()
                {
                    // The place first, so that the event's new place is known.
                    if let Some(add) = add_place {
                        actions.insert(actions.len() - 1, add);
                    }
                    return true;
                }
            }
        },
    }
    false
}

/// Why the last save wrote nothing (a file changed on disk since it was loaded, a directory
/// that cannot be written): said in a window of its own, the edits kept.
/// Why the last save wrote nothing, and the edits that could not be made again over files
/// changed on disk, each to redo or to drop.
#[derive(Default)]
pub struct SaveProblem {
    pub problem: Option<String>,
    /// The problem was files changed on disk: the edits can be made again over them.
    pub can_reapply: bool,
    pub not_applied: Vec<NotApplied>,
}

impl View for SaveProblem {
    fn ui(&mut self, ui: &mut Ui, _view: &ViewContext, actions: &mut Vec<Action>) {
        self.not_applied_list(ui, actions);
        let Some(problem) = &self.problem else { return };
        let mut open = true;
        let mut ok = false;
        egui::Window::new("Not saved")
            .id(egui::Id::unique("save-problem"))
            .open(&mut open)
            .collapsible(false)
            .default_pos([420.0, 200.0])
            .show(ui.ctx(), |ui| {
                ui.colored_label(Color32::from_rgb(200, 30, 30), problem);
                if self.can_reapply {
                    ui.label(crate::present::reapply_offer());
                    commands::button(ui, Command::ReapplyEdits, true, actions);
                } else {
                    ui.label("The edits are kept: Save again once the cause is fixed, or Save as.");
                }
                ok = ui.button("Not now").clicked();
            });
        if !open || ok {
            self.problem = None;
        }
    }
}

impl SaveProblem {
    /// The edits that no longer apply, until each is redone or dropped.
    fn not_applied_list(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        if self.not_applied.is_empty() {
            return;
        }
        egui::Window::new("Edits not re-applied")
            .id(egui::Id::unique("not-applied"))
            .collapsible(false)
            .default_pos([420.0, 260.0])
            .show(ui.ctx(), |ui| {
                ui.label(crate::present::not_applied_heading(self.not_applied.len()));
                ui.separator();
                for (i, n) in self.not_applied.iter().enumerate() {
                    ui.push_id(("not-applied", i), |ui| {
                        ui.label(RichText::new(&n.what).strong());
                        ui.label(RichText::new(format!("Not made: {}", n.why)).weak());
                        ui.horizontal(|ui| {
                            if crate::edit::rebase::quote_of(&n.edit).is_some() {
                                commands::form_button_for(
                                    ui,
                                    Command::RedoEdit,
                                    true,
                                    Action::RedoNotApplied(i),
                                    actions,
                                );
                            }
                            commands::form_button_for(
                                ui,
                                Command::DropEdit,
                                true,
                                Action::DropNotApplied(i),
                                actions,
                            );
                        });
                        ui.separator();
                    });
                }
            });
    }
}
