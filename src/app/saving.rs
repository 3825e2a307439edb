//! Saving the edit session: in place, into a new directory ("Save as"), and the question
//! asked before a close would lose unsaved edits.

use super::workbench::SaveAsWindow;
use super::*;

impl FrontlineApp {
    /// Asks before a close would lose unsaved edits: Save, Discard or Cancel.
    pub(super) fn close_question(&mut self, ui: &mut Ui) {
        let requested = ui.input(|i| i.viewport().close_requested());
        if requested && self.edits.is_dirty() && !self.close_confirmed {
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.close_prompt = true;
        }
        if !self.close_prompt {
            return;
        }
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("close-question")).show(ui.ctx(), |ui| {
            let n = self.edits.edits().len();
            ui.label(format!(
                "{n} edit{} not saved. Save before closing?",
                if n == 1 { " is" } else { "s are" }
            ));
            ui.horizontal(|ui| {
                for c in ["Save", "Discard", "Cancel"] {
                    if ui.button(c).clicked() {
                        choice = Some(c);
                    }
                }
            });
        });
        match choice {
            Some("Save") => {
                self.close_prompt = false;
                self.save();
                if !self.edits.is_dirty() {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
            Some("Discard") => {
                self.close_prompt = false;
                self.close_confirmed = true;
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Some(_) => self.close_prompt = false,
            None => {}
        }
    }

    /// Saves the edits in place, or asks for a directory when the data is bundled.
    pub(super) fn save(&mut self) {
        if self.edits.snapshot.root().is_none() {
            self.save_as.open = true;
            self.save_as.error = Some(crate::edit::SaveError::Bundled.to_string());
            return;
        }
        match self.edits.save() {
            Ok(files) => self.saved(files.len()),
            Err(e) => {
                self.save_as.error = Some(e.to_string());
                self.save_as.open = true;
            }
        }
    }

    /// Copies the data into `dir`, saves there, and works on that directory from now on.
    pub(super) fn save_into(&mut self, dir: &std::path::Path) {
        let source = self
            .source
            .clone()
            .unwrap_or_else(crate::bundled::data_source);
        match self.edits.save_as(&source, dir) {
            Ok(files) => {
                self.save_as = SaveAsWindow::default();
                let source = DataSource::Dir(dir.to_owned());
                let repaint = None;
                if self.watch(source.clone(), repaint).is_err() {
                    self.source = Some(source);
                }
                self.saved(files.len());
            }
            Err(e) => self.save_as.error = Some(e.to_string()),
        }
    }

    /// Shows what was saved: the data is reloaded at once, and the watcher's news of the
    /// save's own writes is ignored.
    fn saved(&mut self, files: usize) {
        self.save_as.open = false;
        self.save_as.error = None;
        self.reload();
        self.own_save = true;
        let text = format!("Saved {files} file{}", if files == 1 { "" } else { "s" });
        self.reload_notice = Some((text, Instant::now()));
    }
}
