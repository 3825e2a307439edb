//! The workbench's edits as the app shows them: every edit is shown at once as it would be once
//! saved (the data is reloaded over the files the edits change, in memory), and the edits on
//! events the user sees (delete, change, add a quote) are turned into edits of the files by
//! finding which table each event was read from ([`crate::edit::locate`]).

use std::collections::BTreeMap;

use egui::{Color32, Ui};

use super::FrontlineApp;
use super::action::Action;
use super::panel::{View, ViewContext};
use super::reader::Reader;
use super::workbench::ClaimMode;
use crate::edit::claim::ClaimForm;
use crate::edit::locate::{locate, locate_quote};
use crate::edit::{Edit, EventRef};
use crate::store::EventIx;
use crate::store::{DataSource, Store};

/// The unsaved edits as shown.
#[derive(Default)]
pub struct Preview {
    /// The files the edits change, with their contents once saved: what the data shown was
    /// loaded from (over the data directory's other files).
    files: BTreeMap<String, Vec<u8>>,
    /// Why the last edit could not be made, until dismissed.
    pub problem: Option<String>,
}

impl View for Preview {
    /// Says why an edit was refused.
    fn ui(&mut self, ui: &mut Ui, _view: &ViewContext, _actions: &mut Vec<Action>) {
        let Some(problem) = &self.problem else { return };
        let mut open = true;
        let mut ok = false;
        egui::Window::new("Edit not made")
            .id(egui::Id::unique("edit-problem"))
            .open(&mut open)
            .collapsible(false)
            .default_pos([420.0, 160.0])
            .show(ui.ctx(), |ui| {
                ui.colored_label(Color32::from_rgb(200, 30, 30), problem);
                ok = ui.button("OK").clicked();
            });
        if !open || ok {
            self.problem = None;
        }
    }
}

impl FrontlineApp {
    /// The data the edits apply to: the data directory, or the bundled data (saved only as a
    /// copy). `None` for an ACLED-format CSV file and for data the app was given without its
    /// source (a screenshot): those are not edited in the app.
    fn edit_base(&self) -> Option<DataSource> {
        let base = match &self.session.source {
            Some(source) => source.clone(),
            None if self.store.origin == crate::bundled::data_source().describe() => {
                crate::bundled::data_source()
            }
            None => return None,
        };
        (!crate::store::load::acled::is_acled_csv(&base)).then_some(base)
    }

    /// The data source with the unsaved edits applied, when there are some.
    pub(super) fn edited_source(&self) -> Option<DataSource> {
        if !self.session.edits.is_dirty() || self.session.preview.files.is_empty() {
            return None;
        }
        Some(DataSource::edited(
            self.edit_base()?,
            self.session.preview.files.clone(),
        ))
    }

    /// A file's text as the data shown was loaded from it.
    fn shown_bytes(&self, file: &str) -> Option<&[u8]> {
        self.session
            .preview
            .files
            .get(file)
            .filter(|_| self.session.edits.is_dirty())
            .map(Vec::as_slice)
            .or_else(|| self.session.edits.snapshot.loaded(file))
    }

    /// Shows the data as the edits in effect would leave it.
    fn show_edits(&mut self) -> Result<(), crate::edit::SaveError> {
        self.session.preview.files = self.session.edits.preview()?.into_iter().collect();
        let Some(base) = self.edit_base() else {
            return Ok(());
        };
        let store = match self.edited_source() {
            Some(edited) => Store::load(&edited),
            None => Store::load(&base),
        };
        self.replace_store(store);
        Ok(())
    }

    /// Makes an edit and shows its outcome; an edit that cannot be applied to the files (an
    /// event no longer there, a file that is not valid TOML) is refused and says why.
    pub(super) fn push_edit(&mut self, edit: Edit) {
        let article = match &edit {
            Edit::AddArticle(a) => Some(a.id.clone()),
            _ => None,
        };
        let errors = self.store.diagnostics.error_count();
        self.session.edits.push(edit);
        if let Err(e) = self.show_edits() {
            self.session.edits.discard_last();
            self.session.preview.problem = Some(e.to_string());
            _ = self.show_edits();
            return;
        }
        // An edit that makes the data invalid shows its problems at once.
        if self.store.diagnostics.error_count() > errors {
            self.shown.problems = true;
        }
        // A new article opens in the reader, to make claims of its passages.
        if let Some(id) = article
            && let Some(i) = self.store.articles.iter().position(|a| a.id == id)
        {
            self.windows.reader = Some(Reader::new(i, None));
        }
    }

    /// Undoes or redoes the last edit, and shows the data as it then is.
    pub(super) fn undo_redo(&mut self, redo: bool) {
        let moved = if redo {
            self.session.edits.redo().is_some()
        } else {
            self.session.edits.undo().is_some()
        };
        if moved && let Err(e) = self.show_edits() {
            self.session.preview.problem = Some(e.to_string());
        }
    }

    /// An edit of event `e` of the data shown, once it is found in its file.
    pub(super) fn edit_event(&mut self, e: EventIx, make: impl FnOnce(EventRef) -> Edit) {
        let Some(ev) = self.store.events.get(e) else {
            return;
        };
        match locate(ev, |f| self.shown_bytes(f)) {
            Ok(at) => self.push_edit(make(at)),
            Err(err) => self.session.preview.problem = Some(err.to_string()),
        }
    }

    /// Deletes the `quote`-th quote of event `e` (its `[[event.source]]`).
    pub(super) fn delete_quote(&mut self, e: EventIx, quote: usize) {
        let Some(ev) = self.store.events.get(e) else {
            return;
        };
        let Some(q) = ev.quotes.get(quote) else {
            return;
        };
        match locate_quote(ev, q, |f| self.shown_bytes(f)) {
            Ok((event, source)) => self.push_edit(Edit::DeleteSource { event, source }),
            Err(err) => self.session.preview.problem = Some(err.to_string()),
        }
    }

    /// Opens the claim form on event `e`, to change its fields.
    pub(super) fn open_event_form(&mut self, e: EventIx) {
        if let Some(ev) = self.store.events.get(e) {
            let form = ClaimForm::from_event(&self.store, e);
            let mode = ClaimMode::Edit {
                event: e,
                origin: ev.origin.clone(),
            };
            self.windows.claim.open(form, mode);
        }
    }
}
