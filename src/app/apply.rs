//! Where actions change the app's state: every button, key, menu item and map click ends here.

use super::reader::Reader;
use super::state::compare::{self, Compared};
use super::workbench::ClaimMode;
use super::{Action, FrontlineApp, export_dialog};

impl FrontlineApp {
    /// Does what the user asked for. The one place where actions change the state.
    pub fn apply(&mut self, actions: impl IntoIterator<Item = Action>) {
        for action in actions {
            match action {
                // They read the stories shown: those the edits leave, once loaded.
                action @ (Action::NewStory(_)
                | Action::AddStoryStep
                | Action::SetStepCaption(_)
                | Action::DeleteStep
                | Action::MoveStep { .. })
                    if self.session.preview.is_loading() =>
                {
                    self.session.preview.defer(action)
                }
                Action::TogglePlay => self.replay.toggle_play(),
                Action::PreviousChange => _ = self.replay.step_prev(&self.store.timeline),
                Action::NextChange => _ = self.replay.step_next(&self.store.timeline),
                Action::JumpToStart => self.replay.jump_start(),
                Action::JumpToEnd => self.replay.jump_end(),
                Action::SetCursor(t) => {
                    self.replay.playing = false;
                    self.replay.set_cursor(t);
                }
                Action::MoveCursorBy(d) => self.replay.set_cursor(self.replay.cursor + d),
                Action::SetSpeed(s) => self.replay.speed = s,
                Action::ToggleLoop => self.replay.looping = !self.replay.looping,
                // A place of other data (a click in the frame the data was reloaded) is none.
                Action::Select(p) => self.selected = p.filter(|&p| p < self.store.places.len()),
                Action::FitMap => self.panels.map.fit_to_data(),
                Action::SetAreaSettings(settings) => self.panels.map.set_area_settings(settings),
                Action::ZoomIn => self.panels.map.zoom_by(1),
                Action::ZoomOut => self.panels.map.zoom_by(-1),
                Action::Toggle(t) => self.shown.flip(t),
                Action::OpenArticle { article, quote } => match &mut self.windows.reader {
                    // The same article: what the assistant found in it is kept.
                    Some(r) if r.article == article => r.show_quote(quote),
                    _ => self.windows.reader = Some(Reader::new(article, quote)),
                },
                Action::CloseArticle => self.windows.reader = None,
                Action::ToggleActor(id) => self.filters.toggle_actor(&id),
                Action::ToggleStatedOnly => self.filters.stated_only = !self.filters.stated_only,
                Action::ToggleFeedSelectedOnly => {
                    self.filters.feed_selected_only = !self.filters.feed_selected_only
                }
                Action::SetFeedKind(kind) => self.filters.feed_kind = kind,
                Action::NextLabelScript => self.shown.labels = self.shown.labels.next(),
                Action::FocusSearch => self.panels.top_bar.focus_search(),
                Action::CentreOn(p) => {
                    if let Some(place) = self.store.places.get(p) {
                        self.panels.map.centre_on(place.lat, place.lon);
                    }
                }
                Action::OpenExport(target) => {
                    if !self.windows.export.as_ref().is_some_and(|d| d.is_running()) {
                        let dir = self.session.data_dir();
                        self.windows.export = Some(export_dialog::ExportDialog::new(target, dir));
                    }
                }
                Action::RunExport => {
                    let video = export_dialog::VideoSource {
                        data: export_dialog::shown_source(
                            self.edited_source(),
                            self.session.source.as_ref(),
                            &self.store.origin,
                        ),
                        selected: self.selected.map(|p| self.store.places[p].id.as_str()),
                        filters: &self.filters,
                        areas: self.panels.map.area_settings(),
                    };
                    if let Some(d) = &mut self.windows.export {
                        d.run(&self.store, video);
                    }
                }
                Action::CancelExport => {
                    if let Some(d) = &mut self.windows.export {
                        d.cancel();
                    }
                }
                Action::CloseExport => self.windows.export = None,
                Action::ToggleAddArticle => {
                    self.windows.add_article.open = !self.windows.add_article.open
                }
                Action::OpenArticleFile(path) => self.windows.add_article.read(path),
                Action::Edit(edit) => _ = self.push_edit(edit),
                Action::Undo => self.undo_redo(false),
                Action::Redo => self.undo_redo(true),
                Action::PreferVersion {
                    preferred,
                    other,
                    reason,
                } => self.prefer_version(preferred, other, reason),
                Action::Save => self.save(),
                Action::SaveAs(dir) => self.save_into(&dir),
                Action::ReapplyEdits => self.reapply(),
                Action::RedoNotApplied(n) => self.redo_not_applied(n),
                Action::DropNotApplied(n) => {
                    let list = &mut self.windows.save_problem.not_applied;
                    if n < list.len() {
                        list.remove(n);
                    }
                }
                Action::NewClaim {
                    article,
                    start,
                    end,
                } if article < self.store.articles.len() => {
                    let form =
                        crate::edit::claim::ClaimForm::prefill(&self.store, article, start, end);
                    self.windows.claim.open(form, ClaimMode::New);
                }
                Action::NewClaim { .. } => {}
                Action::DeleteEvent(e) => self.edit_event(e, crate::edit::Edit::DeleteEvent),
                Action::DeleteQuote { event, quote } => self.delete_quote(event, quote),
                Action::EditEvent(e) => self.open_event_form(e),
                Action::UpdateEvent { event, fields } => self.edit_event(event, |event| {
                    crate::edit::Edit::UpdateEvent { event, fields }
                }),
                Action::AttachSource { event, sources } => self.attach_sources(event, sources),
                Action::MapClickedAt { lat, lon } => {
                    self.windows.claim.place_at(&self.store, lat, lon)
                }
                Action::GoToStep(at) => self.go_to_step(at),
                Action::NextStep | Action::PreviousStep => {
                    let forward = action == Action::NextStep;
                    let stories = &self.store.stories;
                    if let Some(at) = crate::view::story::neighbour(stories, self.story.at, forward)
                    {
                        self.go_to_step(at);
                    }
                }
                Action::CloseStory => self.close_story(),
                Action::NewStory(title) => self.new_story(title),
                Action::AddStoryStep => self.add_story_step(),
                Action::SetStepCaption(caption) => self.set_step_caption(caption),
                Action::DeleteStep => self.delete_step(),
                Action::MoveStep { up } => self.move_step(up),
                Action::Compare { from, to } => {
                    self.windows.compared = Some(Compared::new(&self.store, from, to))
                }
                Action::CompareDayBefore => {
                    let (from, to) = compare::day_before(self.replay.cursor);
                    self.windows.compared = Some(Compared::new(&self.store, from, to));
                }
                Action::CloseCompare => self.windows.compared = None,
                Action::ZoomTo { lat, lon, zoom } => self.panels.map.set_view(lat, lon, Some(zoom)),
                Action::ToggleShowDismissed => {
                    if let Some(r) = &mut self.windows.reader {
                        r.show_dismissed = !r.show_dismissed;
                    }
                }
                Action::AcceptCandidate {
                    article,
                    candidates,
                } if article < self.store.articles.len() && !candidates.is_empty() => {
                    self.accept_candidates(article, &candidates)
                }
                Action::AcceptCandidate { .. } => {}
                Action::DismissCandidate(d) => self.session.dismissed.dismiss(d),
                Action::RestoreCandidate(d) => self.session.dismissed.restore(&d),
                Action::ShowClause {
                    article,
                    start,
                    end,
                } => {
                    if let Some(r) = self
                        .windows
                        .reader
                        .as_mut()
                        .filter(|r| r.article == article)
                    {
                        r.show_clause(start, end);
                    }
                }
            }
        }
    }
}
