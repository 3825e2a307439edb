//! A place's disputes in the place panel: each dispute's two versions side by side, with who
//! says each and the articles behind it, and "Mark preferred…" to resolve it with a reason.
//! Its uncertain window, when the cursor is in one, is said in words above the history.

use egui::{Color32, RichText, Sense, Ui, vec2};

use super::action::Action;
use super::commands::{self, Command};
use super::panel::ViewContext;
use super::theme;
use crate::present;
use crate::store::timeline::{Dispute, Version};
use crate::store::{EventIx, PlaceIx};

/// The version being marked preferred, and the reason typed so far.
#[derive(Default)]
pub(crate) struct DisputeView {
    preferring: Option<(EventIx, String)>,
    /// The reason field was opened this frame: it takes the focus next frame.
    just_opened: bool,
}

impl DisputeView {
    /// Every dispute of place `p` (the one at the cursor outlined), and its uncertain window
    /// at the cursor.
    pub fn ui(&mut self, ui: &mut Ui, view: &ViewContext, p: PlaceIx, actions: &mut Vec<Action>) {
        let store = view.store;
        let state = view.scene.state(p);
        if let Some(u) = &state.uncertain {
            egui::Frame::group(ui.style())
                .stroke(egui::Stroke::new(1.0, theme::UNCERTAIN))
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.label(RichText::new(present::UNCERTAIN_LEGEND).strong());
                    ui.label(present::uncertain_detail(store, u));
                });
            ui.add_space(6.0);
        }
        let disputes = present::place_disputes(store, p);
        if disputes.is_empty() {
            return;
        }
        // At most half the panel: the history stays in view below.
        egui::ScrollArea::vertical()
            .id_salt("disputes")
            .max_height(ui.available_height() * 0.5)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for d in &disputes {
                    let here = state.dispute == Some(*d);
                    self.dispute(ui, view, d, here, actions);
                    ui.add_space(6.0);
                }
            });
        ui.add_space(6.0);
    }

    fn dispute(
        &mut self,
        ui: &mut Ui,
        view: &ViewContext,
        d: &Dispute,
        here: bool,
        actions: &mut Vec<Action>,
    ) {
        let stroke = egui::Stroke::new(if here { 2.0 } else { 1.0 }, theme::DISPUTED);
        egui::Frame::group(ui.style())
            .stroke(stroke)
            .fill(Color32::from_rgb(253, 244, 248))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new(present::DISPUTED_LEGEND)
                            .strong()
                            .color(theme::DISPUTED),
                    );
                    if ui
                        .link(present::dispute_heading(d))
                        .on_hover_text("Move the cursor to the start of the dispute")
                        .clicked()
                    {
                        actions.push(Action::SetCursor(d.from));
                    }
                });
                ui.columns(2, |cols| {
                    for (i, col) in cols.iter_mut().enumerate() {
                        let other = d.versions[1 - i].event;
                        self.version(col, view, &d.versions[i], other, actions);
                    }
                });
            });
    }

    /// One column: the version's colours, who says it, what it says, its articles, and the
    /// button (or the reason field) that prefers it.
    fn version(
        &mut self,
        ui: &mut Ui,
        view: &ViewContext,
        v: &Version,
        other: EventIx,
        actions: &mut Vec<Action>,
    ) {
        let store = view.store;
        let words = present::version_words(store, v);
        ui.horizontal_wrapped(|ui| {
            for c in theme::control_colours(v.control, &store.actors) {
                let (r, _) = ui.allocate_exact_size(vec2(12.0, 12.0), Sense::hover());
                ui.painter().rect_filled(r, 2.0, c);
            }
            ui.label(RichText::new(&words.sources).strong());
        });
        ui.label(&words.claim);
        match &mut self.preferring {
            Some((e, reason)) if *e == v.event => {
                let label = ui.label(RichText::new("Reason").small());
                let field = ui
                    .add(
                        egui::TextEdit::singleline(reason)
                            .hint_text(present::PREFER_REASON_HINT)
                            .desired_width(ui.available_width()),
                    )
                    .labelled_by(label.id);
                let given = !reason.trim().is_empty();
                let resolve = Action::PreferVersion {
                    preferred: v.event,
                    other,
                    reason: reason.trim().to_owned(),
                };
                let mut done = false;
                let buttons = ui.horizontal(|ui| {
                    done = commands::form_button_for(
                        ui,
                        Command::ResolveDispute,
                        given,
                        resolve,
                        actions,
                    )
                    .clicked();
                    done |= ui.small_button("Cancel").clicked();
                });
                if self.just_opened {
                    // Typing goes to the reason at once, and its buttons are in view.
                    field.request_focus();
                    buttons.response.scroll_to_me(None);
                    self.just_opened = false;
                }
                if done {
                    self.preferring = None;
                }
            }
            _ => {
                if commands::form_button(ui, Command::MarkPreferred, true).clicked() {
                    self.preferring = Some((v.event, String::new()));
                    self.just_opened = true;
                }
            }
        }
        for a in &words.articles {
            ui.label(RichText::new(a).small().weak());
        }
        if let Some(s) = &words.standing {
            ui.label(RichText::new(s).small().italics());
        }
    }
}
