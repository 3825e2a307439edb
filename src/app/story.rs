//! The story panel: the stories of `stories.toml`, each step a line to click, Previous and
//! Next; and the caption card laid over the map for the step shown. Going to a step is an
//! [`Action::GoToStep`]: the app moves the cursor, the selection and the map's view.

use egui::{RichText, Ui};

use super::action::Action;
use super::commands::{self, Command};
use super::view::{View, ViewContext};
use crate::present;

/// Which step of which story is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoryAt {
    pub story: usize,
    pub step: usize,
}

/// The step after (`forward`) or before `at`, staying within its story; the first step of the
/// first story when none is shown. `None` when there is nowhere to go.
pub fn neighbour(
    stories: &[crate::store::stories::Story],
    at: Option<StoryAt>,
    forward: bool,
) -> Option<StoryAt> {
    let Some(at) = at else {
        return stories
            .iter()
            .position(|s| !s.steps.is_empty())
            .map(|story| StoryAt { story, step: 0 });
    };
    let len = stories.get(at.story)?.steps.len();
    let step = if forward {
        at.step + 1
    } else {
        at.step.checked_sub(1)?
    };
    (step < len).then_some(StoryAt { step, ..at })
}

#[derive(Default)]
pub struct StoryPanel;

impl View for StoryPanel {
    fn ui(&mut self, ui: &mut Ui, view: &ViewContext, actions: &mut Vec<Action>) {
        let stories = &view.store.stories;
        if stories.is_empty() {
            ui.weak("No stories: add them to stories.toml (see data/README.md).");
            return;
        }
        ui.horizontal(|ui| {
            commands::button(ui, Command::PreviousStep, false, actions);
            commands::button(ui, Command::NextStep, false, actions);
            if view.story.is_some() {
                commands::small_button(ui, Command::CloseStory, actions);
            }
        });
        egui::ScrollArea::vertical()
            .id_salt("stories")
            .show(ui, |ui| {
                for (s, story) in stories.iter().enumerate() {
                    ui.label(RichText::new(&story.title).strong());
                    for (i, step) in story.steps.iter().enumerate() {
                        let at = StoryAt { story: s, step: i };
                        let text = present::story_step_label(view.store, step, i);
                        if ui.selectable_label(view.story == Some(at), text).clicked() {
                            actions.push(Action::GoToStep(at));
                        }
                    }
                }
            });
    }
}

/// The caption card of the step shown, at the top left of `rect` (the map).
pub fn caption_card(ui: &mut Ui, view: &ViewContext, rect: egui::Rect) {
    let Some(at) = view.story else { return };
    let Some(story) = view.store.stories.get(at.story) else {
        return;
    };
    let Some(step) = story.steps.get(at.step) else {
        return;
    };
    // Beside the view controls (top right, 260 points wide) when there is room, else below.
    let beside = rect.width() - 290.0;
    let (top, width) = if beside >= 240.0 {
        (10.0, beside.min(380.0))
    } else {
        (48.0, (rect.width() - 20.0).min(380.0))
    };
    let card = egui::Rect::from_min_size(
        rect.left_top() + egui::vec2(10.0, top),
        egui::vec2(width, 0.0),
    );
    ui.scope_builder(egui::UiBuilder::new().max_rect(card), |ui| {
        super::map::overlay_frame().show(ui, |ui| {
            ui.set_width(card.width() - 12.0);
            ui.label(RichText::new(&story.title).strong());
            ui.weak(present::story_step_heading(
                step,
                at.step,
                story.steps.len(),
            ));
            ui.add_space(2.0);
            ui.label(&step.caption);
        });
    });
}
