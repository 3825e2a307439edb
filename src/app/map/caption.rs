//! The caption card of the story step shown, laid over the map's top left.

use egui::{RichText, Ui};

use crate::app::panel::ViewContext;
use crate::app::theme;
use crate::present;

/// The caption card of the step shown, at the top left of `rect` (the map).
pub fn caption_card(ui: &mut Ui, view: &ViewContext, rect: egui::Rect) {
    let Some(at) = view.story else { return };
    let Some(story) = view.stories.get(at.story) else {
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
        theme::overlay_frame().show(ui, |ui| {
            ui.set_width(card.width() - 12.0);
            ui.label(RichText::new(&story.title).strong());
            ui.weak(present::story_step_heading(
                step,
                at.step,
                story.steps.len(),
            ));
            ui.add_space(2.0);
            ui.label(&step.caption);
            let hidden = step
                .hidden_actors
                .iter()
                .filter_map(|&a| view.store.actors.get(a).map(|a| a.id.clone()))
                .collect();
            let filters = crate::view::filter::Filters {
                hidden,
                ..Default::default()
            };
            if let Some(hidden) = present::filters_in_effect(view.store, &filters) {
                ui.weak(format!("On the map: {hidden}."));
            }
        });
    });
}
