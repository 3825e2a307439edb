//! Stories in the app: showing a step (its date, place, view and hidden actors), and writing
//! stories (a new story, a step from the current view, its caption, deleting and moving
//! steps) as edits of the session, saved with the annotations.
//!
//! A story edit goes through the workbench's one edit path: the data shown is loaded again
//! over the edited files, so the story panel and the caption card read the stories as they
//! will be once saved.

use std::collections::BTreeSet;

use super::FrontlineApp;
use super::editing::Then;
use crate::edit::Edit;
use crate::edit::story::{NewStep, StoryEdit};
use crate::store::stories::Story;
use crate::view::filter::Filters;
use crate::view::story::StoryAt;

impl FrontlineApp {
    /// After the data changed (a reload, an edit, an undo): a step shown that no longer exists
    /// is closed.
    pub(super) fn close_gone_step(&mut self) {
        if self
            .story
            .at
            .is_some_and(|at| self.shown_step(at).is_none())
        {
            self.close_story();
        }
    }

    fn shown_step(&self, at: StoryAt) -> Option<&crate::store::stories::Step> {
        self.store
            .stories
            .get(at.story)
            .and_then(|s| s.steps.get(at.step))
    }

    /// The stories shown (for tests and tools): the loaded ones with the unsaved edits.
    pub fn stories(&self) -> &[Story] {
        &self.store.stories
    }

    /// The filters the user chose: while a story is shown, its step's hidden actors stand in
    /// for the user's own, which come back when it is closed (and are what is remembered).
    pub fn own_filters(&self) -> Filters {
        self.story.own_filters(&self.filters)
    }

    /// Shows a story's step: the cursor goes to its date (paused), its place is selected, the
    /// map takes its view and the filters its hidden actors.
    pub(super) fn go_to_step(&mut self, at: StoryAt) {
        let Some(step) = self
            .store
            .stories
            .get(at.story)
            .and_then(|s| s.steps.get(at.step))
        else {
            return;
        };
        self.replay.playing = false;
        self.replay.set_cursor(step.at);
        self.selected = step.select;
        if let Some([lat, lon]) = step.centre {
            self.panels.map.set_view(lat, lon, step.zoom);
        } else if let Some(zoom) = step.zoom {
            self.panels.map.set_view_zoom(zoom);
        }
        let hidden: BTreeSet<String> = step
            .hidden_actors
            .iter()
            .filter_map(|&a| self.store.actors.get(a))
            .map(|a| a.id.clone())
            .collect();
        self.story.show(at, hidden, &mut self.filters);
    }

    /// Stops showing a story: the caption card goes and the user's own filters come back.
    pub(super) fn close_story(&mut self) {
        self.story.close(&mut self.filters);
    }

    /// The story shown, and the position in the file of its step shown.
    fn shown_step_ref(&self) -> Option<(usize, String, usize)> {
        let at = self.story.at?;
        let story = self.store.stories.get(at.story)?;
        Some((
            at.story,
            story.id.clone(),
            story.steps.get(at.step)?.position,
        ))
    }

    /// Returns whether the edit was made.
    fn push_story_edit(&mut self, edit: StoryEdit) -> bool {
        self.push_edit(Edit::Story(edit))
    }

    /// A new story at the end of the file; steps go to it next (no story is shown).
    pub(super) fn new_story(&mut self, title: String) {
        let taken = self.store.stories.iter().map(|s| s.id.as_str());
        let id = crate::edit::story::new_id(&title, taken);
        self.close_story();
        _ = self.push_story_edit(StoryEdit::New { id, title });
    }

    /// A step from the current view, added to the story shown (or else the last story), and
    /// shown: its caption is written next.
    pub(super) fn add_story_step(&mut self) {
        let Some(s) = self
            .story
            .at
            .map(|at| at.story)
            .or_else(|| self.store.stories.len().checked_sub(1))
        else {
            return;
        };
        let (centre, zoom) = self.panels.map.centre_and_zoom(&self.store);
        let step = NewStep {
            at: self.replay.cursor,
            select: self
                .selected
                .and_then(|p| self.store.places.get(p))
                .map(|p| p.id.clone()),
            centre: Some(centre),
            zoom: Some(zoom),
            // Ids remembered from other data name no actor here.
            hidden_actors: self
                .store
                .actors
                .iter()
                .filter(|a| self.filters.hidden.contains(&a.id))
                .map(|a| a.id.clone())
                .collect(),
            caption: String::new(),
        };
        let story = self.store.stories[s].id.clone();
        if self.push_story_edit(StoryEdit::AddStep { story, step }) {
            self.once_shown(Then::ShowStep {
                story: s,
                step: None,
            });
        }
    }

    pub(super) fn set_step_caption(&mut self, caption: String) {
        if let Some((_, story, step)) = self.shown_step_ref() {
            _ = self.push_story_edit(StoryEdit::SetCaption {
                story,
                step,
                caption,
            });
        }
    }

    /// Deletes the step shown; the one after it (or else before it) is shown.
    pub(super) fn delete_step(&mut self) {
        let (Some(at), Some((s, story, step))) = (self.story.at, self.shown_step_ref()) else {
            return;
        };
        if self.push_story_edit(StoryEdit::DeleteStep { story, step }) {
            self.once_shown(Then::ShowStep {
                story: s,
                step: Some(at.step),
            });
        }
    }

    /// Moves the step shown up or down, and keeps showing it. (A step between them that the
    /// loader left out for a bad date is the one it swaps with in the file.)
    pub(super) fn move_step(&mut self, up: bool) {
        let (Some(at), Some((s, story, step))) = (self.story.at, self.shown_step_ref()) else {
            return;
        };
        let len = self.store.stories.get(s).map_or(0, |st| st.steps.len());
        let target = if up {
            at.step.checked_sub(1)
        } else {
            Some(at.step + 1).filter(|&t| t < len)
        };
        let Some(target) = target else { return };
        if self.push_story_edit(StoryEdit::MoveStep { story, step, up }) {
            self.once_shown(Then::ShowStep {
                story: s,
                step: Some(target),
            });
        }
    }
}
