//! The story panel: the stories of `stories.toml` (with the edits not saved yet), each step a
//! line to click, Previous and Next, and writing stories (the caption card over the map is the
//! map's, `map/caption.rs`). Going to a step is an [`Action::GoToStep`]: the app moves the
//! cursor, the selection and the map's view, and hides the step's actors.

use egui::{RichText, Ui};

use super::action::Action;
use super::commands::{self, Command};
use super::panel::{View, ViewContext};
use crate::present;
use crate::view::story::StoryAt;

/// The story panel: the stories, and writing them (a new story, a step from the current
/// view, its caption, deleting and moving steps) when the data can hold a `stories.toml`.
pub struct StoryPanel {
    /// False for a single ACLED-format CSV file: there is no directory for `stories.toml`.
    pub writable: bool,
    /// The "New story" form's title, while the form is open.
    new_title: Option<String>,
    /// The caption being written: for which step, the caption it started from, the text.
    caption: Option<(StoryAt, String, String)>,
    /// The steps' lines and the steps they were written for: a line names the places disputed
    /// at its step, found by asking every place's state (at ten thousand places, too much for
    /// every frame). Forgotten when the data changes.
    step_labels: Option<(Vec<StepKey>, Vec<String>)>,
}

impl Default for StoryPanel {
    fn default() -> StoryPanel {
        StoryPanel {
            writable: true,
            new_title: None,
            caption: None,
            step_labels: None,
        }
    }
}

/// What a step's line depends on besides the data: its instant and its place.
type StepKey = (chrono::NaiveDateTime, Option<usize>);

impl StoryPanel {
    /// The data was reloaded: the steps' lines are written again.
    pub fn data_changed(&mut self) {
        self.step_labels = None;
    }

    /// Every step's line, in order, written again only when the steps changed.
    fn step_labels(&mut self, view: &ViewContext) -> &[String] {
        let steps = view.stories.iter().flat_map(|s| &s.steps);
        let key: Vec<_> = steps.clone().map(|st| (st.at, st.select)).collect();
        if self.step_labels.as_ref().is_none_or(|(k, _)| *k != key) {
            let labels = view
                .stories
                .iter()
                .flat_map(|s| s.steps.iter().enumerate())
                .map(|(i, step)| present::story_step_label(view.store, step, i))
                .collect();
            self.step_labels = Some((key, labels));
        }
        self.step_labels.as_ref().map_or(&[], |(_, l)| l.as_slice())
    }
}

impl View for StoryPanel {
    fn ui(&mut self, ui: &mut Ui, view: &ViewContext, actions: &mut Vec<Action>) {
        let stories = view.stories;
        if stories.is_empty() && !self.writable {
            ui.weak("No stories: add them to stories.toml (see data/README.md).");
            return;
        }
        ui.horizontal_wrapped(|ui| {
            commands::button(ui, Command::PreviousStep, false, actions);
            commands::button(ui, Command::NextStep, false, actions);
            if view.story.is_some() {
                commands::small_button(ui, Command::CloseStory, actions);
            }
        });
        if stories.is_empty() {
            ui.weak("No stories yet.");
        }
        let mut labels = self.step_labels(view).iter();
        egui::ScrollArea::vertical()
            .id_salt("stories")
            .max_height(140.0)
            .show(ui, |ui| {
                for (s, story) in stories.iter().enumerate() {
                    ui.label(RichText::new(&story.title).strong());
                    if story.steps.is_empty() {
                        ui.weak("No steps yet: add one from the current view.");
                    }
                    for i in 0..story.steps.len() {
                        let at = StoryAt { story: s, step: i };
                        let text = labels.next().map_or("", String::as_str);
                        if ui.selectable_label(view.story == Some(at), text).clicked() {
                            actions.push(Action::GoToStep(at));
                        }
                    }
                }
            });
        // Writing is folded away: a reader of the story sees the steps and the caption card,
        // not the tools that made them. Whether it is open is remembered with the layout.
        if self.writable {
            egui::CollapsingHeader::new("Write stories")
                .id_salt("write-stories")
                .default_open(false)
                .show(ui, |ui| self.authoring(ui, view, actions));
        }
    }
}

impl StoryPanel {
    /// New story, Add step, and for the step shown: its caption, move up/down, delete.
    fn authoring(&mut self, ui: &mut Ui, view: &ViewContext, actions: &mut Vec<Action>) {
        ui.horizontal_wrapped(|ui| {
            if commands::form_button(ui, Command::NewStory, self.new_title.is_none()).clicked() {
                self.new_title = Some(String::new());
            }
            let has_story = !view.stories.is_empty();
            if commands::form_button(ui, Command::AddStoryStep, has_story).clicked() {
                actions.push(Action::AddStoryStep);
            }
        });
        if let Some(title) = &mut self.new_title {
            let mut done = false;
            ui.horizontal(|ui| {
                let l = ui.label("Title");
                let field = ui
                    .add(egui::TextEdit::singleline(title).desired_width(150.0))
                    .labelled_by(l.id);
                let ok = !title.trim().is_empty();
                let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if (commands::form_button(ui, Command::CreateStory, ok).clicked() || enter) && ok {
                    actions.push(Action::NewStory(title.trim().to_owned()));
                    done = true;
                }
                if ui.small_button("Cancel").clicked() {
                    done = true;
                }
            });
            if done {
                self.new_title = None;
            }
        }
        let Some(at) = view.story else {
            self.caption = None;
            return;
        };
        let Some(step) = view
            .stories
            .get(at.story)
            .and_then(|s| s.steps.get(at.step))
        else {
            return;
        };
        // The text follows the step shown, and an undone caption.
        if !matches!(&self.caption, Some((a, from, _)) if *a == at && *from == step.caption) {
            self.caption = Some((at, step.caption.clone(), step.caption.clone()));
        }
        let Some((_, _, text)) = &mut self.caption else {
            return;
        };
        let l = ui.label(format!("Caption of step {}", at.step + 1));
        // A long caption scrolls in a few lines, so that the event feed keeps some room.
        let field = egui::ScrollArea::vertical()
            .id_salt("caption")
            .max_height(90.0)
            .show(ui, |ui| {
                ui.add(
                    egui::TextEdit::multiline(text)
                        .desired_rows(3)
                        .desired_width(f32::INFINITY)
                        .hint_text("What the quotes of this date say"),
                )
                .labelled_by(l.id)
            })
            .inner;
        let changed = text.trim() != step.caption;
        let len = view.stories.get(at.story).map_or(0, |s| s.steps.len());
        ui.horizontal_wrapped(|ui| {
            let set = commands::form_button(ui, Command::SetStepCaption, changed).clicked();
            if changed && (set || field.lost_focus()) {
                actions.push(Action::SetStepCaption(text.trim().to_owned()));
            }
            commands::button(ui, Command::DeleteStep, false, actions);
        });
        ui.horizontal_wrapped(|ui| {
            for (command, up, enabled) in [
                (Command::MoveStepUp, true, at.step > 0),
                (Command::MoveStepDown, false, at.step + 1 < len),
            ] {
                if commands::form_button(ui, command, enabled).clicked() {
                    actions.push(Action::MoveStep { up });
                }
            }
        });
    }
}
