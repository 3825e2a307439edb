//! The workbench's edits as the app shows them: every edit is shown as it would be once saved
//! (the data is loaded again over the files the edits change, in memory), and the edits on
//! events the user sees (delete, change, add a quote) are turned into edits of the files by
//! finding which table each event was read from ([`crate::edit::locate`]).
//!
//! The data is loaded on a worker ([`PreviewLoader`]): the window keeps drawing the data as it
//! was until the newest edit's data is ready, and a load overtaken by a newer edit is dropped.
//! What is unsaved is the edit session's, never the preview's, so the marker, the save and the
//! question before closing do not wait for a load.

use std::collections::BTreeMap;

use egui::{Color32, Ui};

use super::FrontlineApp;
use super::action::Action;
use super::panel::{View, ViewContext};
use super::reader::Reader;
use super::workbench::ClaimMode;
use crate::edit::claim::ClaimForm;
use crate::edit::locate::{locate, locate_quote};
use crate::edit::preview::PreviewLoader;
use crate::edit::{Edit, EventRef};
use crate::store::{DataSource, EventIx};
use crate::view::story::StoryAt;

/// Why an edit of what is shown waits: the events shown are not yet those the edits leave.
const STILL_LOADING: &str = "The map still shows the data before your last edit, which is \
    loading: try again once it is shown.";

/// The unsaved edits as shown.
#[derive(Default)]
pub struct Preview {
    /// The files the edits change, with their contents once saved: what the data shown is
    /// loaded from (over the data directory's other files).
    files: BTreeMap<String, Vec<u8>>,
    /// Why the last edit could not be made, until dismissed.
    pub problem: Option<String>,
    /// Loads the data for the newest edits, off the window's thread.
    loader: PreviewLoader,
    /// What the edits asked to do once their outcome is shown.
    then: Vec<Then>,
    /// The data's errors before the edits being loaded: more afterwards opens Problems.
    errors_before: Option<usize>,
    /// Story actions made while a load ran: they act on the data as edited, once shown.
    deferred: Vec<Action>,
}

/// What an edit does once the data as edited is shown (it needs that data).
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Then {
    /// Opens this article in the reader: a new article, to make claims of its passages.
    OpenArticle(String),
    /// Shows step `step` of story `story` (at most its last; the last when `None`), or
    /// closes the story when it has no step left.
    ShowStep { story: usize, step: Option<usize> },
}

impl Preview {
    /// Whether the data of the newest edits is still loading (the data shown is older).
    pub fn is_loading(&self) -> bool {
        self.loader.is_loading()
    }

    /// Keeps `action` until the data loading is shown: it reads the data as edited.
    pub(super) fn defer(&mut self, action: Action) {
        self.deferred.push(action);
    }
}

impl View for Preview {
    /// Says that the edits' data is loading, and why an edit was refused.
    fn ui(&mut self, ui: &mut Ui, _view: &ViewContext, _actions: &mut Vec<Action>) {
        if self.is_loading() {
            // Under the top bar, over the map, which shows the data before the edit meanwhile.
            egui::Area::new(egui::Id::unique("preview-loading"))
                .anchor(egui::Align2::CENTER_TOP, [0.0, 36.0])
                .interactable(false)
                .show(ui.ctx(), |ui| {
                    egui::Frame::popup(ui.style()).show(ui, |ui| {
                        ui.horizontal(|ui| {
                            ui.spinner();
                            ui.label("Showing the edit…");
                        });
                    });
                });
        }
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
    pub(super) fn shown_bytes(&self, file: &str) -> Option<&[u8]> {
        self.session
            .preview
            .files
            .get(file)
            .filter(|_| self.session.edits.is_dirty())
            .map(Vec::as_slice)
            .or_else(|| self.session.edits.snapshot.loaded(file))
    }

    /// Starts loading the data as the edits in effect would leave it; the data shown stays
    /// until it is ready ([`FrontlineApp::poll_preview`]).
    fn show_edits(&mut self) -> Result<(), crate::edit::SaveError> {
        self.session.preview.files = self.session.edits.preview()?.into_iter().collect();
        let Some(base) = self.edit_base() else {
            return Ok(());
        };
        let source = self.edited_source().unwrap_or(base);
        self.session.preview.loader.request(source);
        Ok(())
    }

    /// Shows the newest edits' data once it is loaded, then does what the edits asked for
    /// once shown. Called at the start of every frame.
    pub(super) fn poll_preview(&mut self, ctx: &egui::Context) {
        if !self.session.preview.loader.is_loading() {
            return;
        }
        if !self.session.preview.loader.has_notify() {
            let ctx = ctx.clone();
            self.session
                .preview
                .loader
                .set_notify(move || ctx.request_repaint());
        }
        let Some(store) = self.session.preview.loader.poll() else {
            return;
        };
        let old = self.replace_store(store);
        // Freeing a large store takes time too: the worker does it.
        self.session.preview.loader.discard(old);
        self.preview_shown();
        ctx.request_repaint();
    }

    /// The data of the newest edits is shown (loaded by the worker, or by a reload that
    /// overtook it): what the edits asked for is done.
    pub(super) fn preview_shown(&mut self) {
        self.session.preview.loader.cancel();
        // An edit that makes the data invalid shows its problems at once.
        if let Some(before) = self.session.preview.errors_before.take()
            && self.store.diagnostics.error_count() > before
        {
            self.shown.problems = true;
        }
        for then in std::mem::take(&mut self.session.preview.then) {
            match then {
                Then::OpenArticle(id) => {
                    if let Some(i) = self.store.articles.iter().position(|a| a.id == id) {
                        self.windows.reader = Some(Reader::new(i, None));
                    }
                }
                Then::ShowStep { story, step } => {
                    let len = self.store.stories.get(story).map_or(0, |s| s.steps.len());
                    match len.checked_sub(1) {
                        Some(last) => self.go_to_step(StoryAt {
                            story,
                            step: step.map_or(last, |s| s.min(last)),
                        }),
                        None => self.close_story(),
                    }
                }
            }
        }
        let deferred = std::mem::take(&mut self.session.preview.deferred);
        self.apply(deferred);
    }

    /// Does `then` once the edit just made is shown.
    pub(super) fn once_shown(&mut self, then: Then) {
        self.session.preview.then.push(then);
        if !self.session.preview.loader.is_loading() {
            // Nothing to wait for (data that is not edited in the app).
            self.preview_shown();
        }
    }

    /// Makes an edit and starts showing its outcome; an edit that cannot be applied to the
    /// files (an event no longer there, a file that is not valid TOML) is refused and says
    /// why. Returns whether it was made.
    pub(super) fn push_edit(&mut self, edit: Edit) -> bool {
        let article = match &edit {
            Edit::AddArticle(a) => Some(a.id.clone()),
            _ => None,
        };
        let errors = self.store.diagnostics.error_count();
        self.session.edits.push(edit);
        if let Err(e) = self.show_edits() {
            self.session.edits.discard_last();
            // Nothing was asked of the loader: what is shown or loading is still right.
            self.session.preview.problem = Some(e.to_string());
            return false;
        }
        self.session.preview.errors_before.get_or_insert(errors);
        // A new article opens in the reader, to make claims of its passages.
        if let Some(id) = article {
            self.once_shown(Then::OpenArticle(id));
        }
        true
    }

    /// Undoes or redoes the last edit, and starts showing the data as it then is.
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

    /// Where event `e` of the data shown is in its file; None, with the problem shown, while
    /// an edit's data loads (the event shown may not be where the edits leave it) or when it
    /// cannot be found.
    fn located(&mut self, e: EventIx) -> Option<EventRef> {
        if self.session.preview.is_loading() {
            self.session.preview.problem = Some(STILL_LOADING.into());
            return None;
        }
        let ev = self.store.events.get(e)?;
        match locate(ev, |f| self.shown_bytes(f)) {
            Ok(at) => Some(at),
            Err(err) => {
                self.session.preview.problem = Some(err.to_string());
                None
            }
        }
    }

    /// An edit of event `e` of the data shown, once it is found in its file.
    pub(super) fn edit_event(&mut self, e: EventIx, make: impl FnOnce(EventRef) -> Edit) {
        if let Some(at) = self.located(e) {
            self.push_edit(make(at));
        }
    }

    /// Adds quotes to event `e`, as more sources of its claim (one edit each).
    pub(super) fn attach_sources(&mut self, e: EventIx, sources: Vec<crate::edit::NewSource>) {
        let Some(at) = self.located(e) else {
            return;
        };
        for source in sources {
            let event = at.clone();
            if !self.push_edit(Edit::AddSource { event, source }) {
                break;
            }
        }
    }

    /// Opens the claim form on candidates of one claim: attached to the event that makes the
    /// same claim already, when there is one (saved or just added), else as a new event.
    pub(super) fn accept_candidates(&mut self, article: usize, cs: &[crate::assist::Candidate]) {
        let form = ClaimForm::from_candidates(&self.store, article, cs);
        let matched = crate::edit::claim::group::matching_event(&self.store, &cs[0]);
        self.windows.claim.open_candidate(form, matched);
    }

    /// Deletes the `quote`-th quote of event `e` (its `[[event.source]]`).
    pub(super) fn delete_quote(&mut self, e: EventIx, quote: usize) {
        if self.session.preview.is_loading() {
            self.session.preview.problem = Some(STILL_LOADING.into());
            return;
        }
        let Some(ev) = self.store.events.get(e) else {
            return;
        };
        let Some(q) = ev.quotes.get(quote) else {
            return;
        };
        match locate_quote(ev, q, |f| self.shown_bytes(f)) {
            Ok((event, source)) => _ = self.push_edit(Edit::DeleteSource { event, source }),
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
