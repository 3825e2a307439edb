//! The cards of the publishing layout: the header (title, date) and the footer (captions,
//! legend, sources), each in the overlay frame the app's map uses.

use egui::{Color32, FontId, Rect, RichText, Ui, vec2};

use super::{Drawn, Publish, Scale};
use crate::app::{ViewContext, theme};
use crate::present;
use crate::view::legend::{LegendEntry, LegendKey};

/// What the cards say, worded by [`crate::present`].
pub(super) struct Content {
    title: String,
    date: String,
    time: String,
    captions: Vec<String>,
    legend: Vec<(Color32, String)>,
    sources: String,
}

impl Content {
    pub(super) fn of(view: &ViewContext, publish: &Publish, max: usize) -> Content {
        let store = view.store;
        let at = view.replay.cursor;
        let step = view.story.and_then(|s| {
            let story = view.stories.get(s.story)?;
            Some((story, story.steps.get(s.step)?))
        });
        let title = publish
            .title
            .clone()
            .or_else(|| step.map(|(story, _)| story.title.clone()))
            .unwrap_or_else(|| present::default_title(store));
        let (date, time) = present::frame_date(at);
        let captions = match step {
            Some((_, step)) => vec![step.caption.clone()],
            None => present::day_captions(store, at, |p| view.scene.visible(p), max),
        };
        let hidden = &view.scene.filters().hidden;
        let legend = crate::view::legend::actors_shown(store, |a| {
            store.actors.get(a).is_some_and(|a| hidden.contains(&a.id))
        })
        .into_iter()
        .filter_map(|LegendEntry { key, label, .. }| match key {
            LegendKey::Actor(a) => Some((theme::actor_colour(store.actors.get(a)?), label)),
            _ => None,
        })
        .collect();
        Content {
            title,
            date,
            time,
            captions,
            legend,
            sources: present::source_line(store, view.shown.areas),
        }
    }
}

/// The frame of a card, at the frame's scale.
fn card(scale: Scale) -> egui::Frame {
    let m = scale.px(14.0) as i8;
    theme::overlay_frame()
        .fill(Color32::from_white_alpha(235))
        .inner_margin(egui::Margin::same(m))
        .corner_radius(scale.px(6.0))
}

/// Shows both cards over `screen`, and where they went.
pub(super) fn show(ui: &Ui, content: &Content, screen: Rect, scale: Scale) -> Drawn {
    let m = scale.margin();
    let width = screen.width() - 2.0 * m;
    let header = egui::Area::new(egui::Id::unique("publish-header"))
        .order(egui::Order::Foreground)
        .fixed_pos(screen.left_top() + vec2(m, m))
        .constrain(false)
        .show(ui.ctx(), |ui| {
            card(scale).show(ui, |ui| {
                ui.set_max_width(width - scale.px(28.0));
                ui.spacing_mut().item_spacing.y = scale.px(2.0);
                ui.label(
                    RichText::new(&content.title)
                        .size(scale.px(30.0))
                        .strong()
                        .color(Color32::from_gray(25)),
                );
                ui.horizontal(|ui| {
                    ui.label(
                        RichText::new(&content.date)
                            .size(scale.px(54.0))
                            .strong()
                            .color(Color32::from_gray(10)),
                    );
                    ui.label(
                        RichText::new(&content.time)
                            .size(scale.px(26.0))
                            .color(Color32::from_gray(70)),
                    );
                });
            });
        })
        .response
        .rect;
    let footer = egui::Area::new(egui::Id::unique("publish-footer"))
        .order(egui::Order::Foreground)
        .pivot(egui::Align2::LEFT_BOTTOM)
        .fixed_pos(screen.left_bottom() + vec2(m, -m))
        .constrain(false)
        .show(ui.ctx(), |ui| {
            card(scale).show(ui, |ui| {
                let inner = width - scale.px(28.0);
                ui.set_width(inner);
                ui.spacing_mut().item_spacing.y = scale.px(6.0);
                for caption in &content.captions {
                    ui.label(
                        RichText::new(caption)
                            .size(scale.px(24.0))
                            .color(Color32::from_gray(15)),
                    );
                }
                legend(ui, &content.legend, scale);
                ui.label(
                    RichText::new(&content.sources)
                        .size(scale.px(15.0))
                        .color(Color32::from_gray(70)),
                );
            });
        })
        .response
        .rect;
    Drawn {
        header: Some(header),
        footer: Some(footer),
    }
}

/// The actors shown, each a disc of its colour and its name, in one wrapped line.
fn legend(ui: &mut Ui, entries: &[(Color32, String)], scale: Scale) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = scale.px(18.0);
        for (colour, name) in entries {
            let font = FontId::proportional(scale.px(19.0));
            let text = Color32::from_gray(25);
            let galley = ui.painter().layout_no_wrap(name.clone(), font, text);
            let r = scale.px(9.0);
            let size = vec2(2.0 * r + scale.px(8.0) + galley.size().x, galley.size().y);
            let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
            let centre = rect.left_center() + vec2(r, 0.0);
            ui.painter().circle(
                centre,
                r,
                *colour,
                egui::Stroke::new(scale.px(1.5), Color32::from_gray(40)),
            );
            ui.painter().galley(
                egui::pos2(centre.x + r + scale.px(8.0), rect.top()),
                galley,
                text,
            );
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, name));
        }
    });
}
