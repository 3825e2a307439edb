//! Saving the edit session: in place, into a new directory ("Save as"), and the question
//! asked before a close would lose unsaved edits.

use std::time::Instant;

use egui::Ui;

use super::FrontlineApp;
use super::state::close::Answer;
use super::workbench::SaveAsWindow;
use crate::store::DataSource;

impl FrontlineApp {
    /// Asks before a close would lose unsaved edits: Save, Discard or Cancel.
    pub(super) fn close_question(&mut self, ui: &mut Ui) {
        let requested = ui.input(|i| i.viewport().close_requested());
        if requested && self.windows.close.requested(self.session.edits.is_dirty()) {
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::CancelClose);
        }
        if !self.windows.close.asked {
            return;
        }
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("close-question")).show(ui.ctx(), |ui| {
            let n = self.session.edits.edits().len();
            ui.label(format!(
                "{n} edit{} not saved. Save before closing?",
                if n == 1 { " is" } else { "s are" }
            ));
            ui.horizontal(|ui| {
                for (label, answer) in [
                    ("Save", Answer::Save),
                    ("Discard", Answer::Discard),
                    ("Cancel", Answer::Cancel),
                ] {
                    if ui.button(label).clicked() {
                        choice = Some(answer);
                    }
                }
            });
        });
        let Some(answer) = choice else { return };
        self.windows.close.answer(answer);
        match answer {
            Answer::Save => {
                self.save();
                if !self.session.edits.is_dirty() {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
            Answer::Discard => ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close),
            Answer::Cancel => {}
        }
    }

    /// Saves the edits in place, or asks for a directory when the data is bundled.
    pub(super) fn save(&mut self) {
        if self.session.edits.snapshot.root().is_none() {
            self.windows.save_as.open = true;
            self.windows.save_as.error = Some(crate::edit::SaveError::Bundled.to_string());
            return;
        }
        match self.session.edits.save() {
            Ok(files) => self.saved(files.len()),
            // Not the Save-As window: the data directory stays the one to save into.
            Err(e) => {
                let p = &mut self.windows.save_problem;
                p.can_reapply = matches!(e, crate::edit::SaveError::Changed { .. });
                p.problem = Some(e.to_string());
            }
        }
    }

    /// Makes the edits again over the files as they now are on disk, and saves those that
    /// still apply; the others are listed, to redo or drop.
    pub(super) fn reapply(&mut self) {
        self.windows.save_problem.problem = None;
        match self.session.edits.rebase() {
            Ok(not_applied) => {
                let missed = not_applied.len();
                self.windows.save_problem.not_applied.extend(not_applied);
                if self.session.edits.is_dirty() {
                    self.save();
                } else {
                    self.reload();
                }
                if missed > 0 && self.windows.save_problem.problem.is_none() {
                    let text = crate::present::not_applied_notice(missed);
                    self.notices.say(text, Instant::now());
                }
            }
            Err(e) => self.windows.save_problem.problem = Some(e.to_string()),
        }
    }

    /// Opens the quote of an edit that could not be made again in the New claim form, as a
    /// source to attach to its event as it now is (or a new claim).
    pub(super) fn redo_not_applied(&mut self, n: usize) {
        let list = &mut self.windows.save_problem.not_applied;
        let Some(source) = list
            .get(n)
            .and_then(|x| crate::edit::rebase::quote_of(&x.edit))
        else {
            return;
        };
        let found = self.store.articles.iter().enumerate().find_map(|(i, a)| {
            if a.id != source.article {
                return None;
            }
            let (prefix, suffix) = (source.prefix.as_deref(), source.suffix.as_deref());
            let at = crate::store::anchor::anchor(&a.text, &source.quote, prefix, suffix).ok()?;
            Some((i, (at.start, at.end)))
        });
        let Some((article, (start, end))) = found else {
            self.windows.save_problem.problem = Some(crate::present::quote_gone(&source.article));
            self.windows.save_problem.can_reapply = false;
            return;
        };
        list.remove(n);
        let form = crate::edit::claim::ClaimForm::prefill(&self.store, article, start, end);
        self.windows
            .claim
            .open(form, super::workbench::ClaimMode::Attach);
        self.windows.reader = Some(super::reader::Reader::new(article, None));
        if let Some(r) = &mut self.windows.reader {
            r.show_clause(start, end);
        }
    }

    /// Copies the data into `dir`, saves there, and works on that directory from now on.
    pub(super) fn save_into(&mut self, dir: &std::path::Path) {
        let source = self
            .session
            .source
            .clone()
            .unwrap_or_else(crate::bundled::data_source);
        match self.session.edits.save_as(&source, dir) {
            Ok(files) => {
                self.windows.save_as = SaveAsWindow::default();
                let source = DataSource::Dir(dir.to_owned());
                let repaint = None;
                if self.watch(source.clone(), repaint).is_err() {
                    self.session.source = Some(source);
                }
                self.saved(files.len());
            }
            Err(e) => self.windows.save_as.error = Some(e.to_string()),
        }
    }

    /// Shows what was saved: the data is reloaded at once, and the watcher's news of the
    /// save's own writes is ignored.
    fn saved(&mut self, files: usize) {
        self.windows.save_as.open = false;
        self.windows.save_as.error = None;
        self.windows.save_problem.problem = None;
        self.reload();
        self.session.own_save = true;
        let text = format!("Saved {files} file{}", if files == 1 { "" } else { "s" });
        self.notices.say(text, Instant::now());
    }
}
