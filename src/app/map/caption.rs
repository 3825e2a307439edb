//! The caption card of the story step shown, laid over the map in the corner with the fewest
//! place labels under it (as placed in the last frame); the labels then keep out of it, so
//! that it covers none.

use egui::{Rect, RichText, Ui, vec2};

use crate::app::panel::ViewContext;
use crate::app::theme;
use crate::present;
use crate::store::stories::{Step, Story};

/// Where the card goes, as [`place_card`] chose.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Card {
    pub rect: Rect,
}

/// The story and step shown, if any.
fn shown<'a>(view: &'a ViewContext) -> Option<(&'a Story, &'a Step, usize)> {
    let at = view.story?;
    let story = view.stories.get(at.story)?;
    let step = story.steps.get(at.step)?;
    Some((story, step, at.step))
}

/// The card's lines: title, heading, caption and the filters the step sets.
fn lines(view: &ViewContext, story: &Story, step: &Step, index: usize) -> [Option<String>; 4] {
    let hidden = step
        .hidden_actors
        .iter()
        .filter_map(|&a| view.store.actors.get(a).map(|a| a.id.clone()))
        .collect();
    let filters = crate::view::filter::Filters {
        hidden,
        ..Default::default()
    };
    [
        Some(story.title.clone()),
        Some(present::story_step_heading(step, index, story.steps.len())),
        Some(step.caption.clone()),
        present::filters_in_effect(view.store, &filters).map(|h| format!("On the map: {h}.")),
    ]
}

/// Where the card of the step shown goes in `map`: of the four corners (clear of the view
/// controls, top right, and of the legend and attribution, at the foot), the one whose card
/// would cover the fewest of `labels`, the top left on a tie. None when no step is shown.
pub fn place_card(ui: &Ui, view: &ViewContext, map: Rect, labels: &[Rect]) -> Option<Card> {
    let (story, step, index) = shown(view)?;
    let lines = lines(view, story, step, index);
    let size = |width: f32| {
        let height = lines
            .iter()
            .flatten()
            .map(|line| {
                let font = egui::FontId::proportional(14.0);
                ui.painter()
                    .layout(line.clone(), font, egui::Color32::BLACK, width - 12.0)
                    .size()
                    .y
            })
            .sum::<f32>()
            + 16.0;
        vec2(width, height)
    };
    // The view controls take the top right (330 points): beside them when there is room.
    let full = size((map.width() - 20.0).min(380.0));
    let beside = map.width() - 350.0;
    let top_left = if beside >= 240.0 {
        Rect::from_min_size(map.left_top() + vec2(10.0, 10.0), size(beside.min(380.0)))
    } else {
        Rect::from_min_size(map.left_top() + vec2(10.0, 48.0), full)
    };
    let corners = [
        top_left,
        Rect::from_min_size(map.right_top() + vec2(-10.0 - full.x, 48.0), full),
        Rect::from_min_size(
            map.right_bottom() + vec2(-10.0 - full.x, -40.0 - full.y),
            full,
        ),
        Rect::from_min_size(map.left_bottom() + vec2(10.0, -48.0 - full.y), full),
    ];
    let covered = |r: &Rect| labels.iter().filter(|l| l.intersects(*r)).count();
    let rect = corners
        .into_iter()
        .enumerate()
        .min_by_key(|(i, r)| (covered(r), *i))
        .map(|(_, r)| r)?;
    Some(Card { rect })
}

/// Draws the caption card of the step shown in `card`.
pub fn caption_card(ui: &mut Ui, view: &ViewContext, card: Card) {
    let Some((story, step, index)) = shown(view) else {
        return;
    };
    let [title, heading, caption, filters] = lines(view, story, step, index);
    let max = Rect::from_min_size(card.rect.min, vec2(card.rect.width(), 0.0));
    ui.scope_builder(egui::UiBuilder::new().max_rect(max), |ui| {
        theme::overlay_frame().show(ui, |ui| {
            ui.set_width(card.rect.width() - 12.0);
            if let Some(title) = title {
                ui.label(RichText::new(title).strong());
            }
            if let Some(heading) = heading {
                ui.weak(heading);
            }
            ui.add_space(2.0);
            if let Some(caption) = caption {
                ui.label(caption);
            }
            if let Some(filters) = filters {
                ui.weak(filters);
            }
        });
    });
}
