//! The event feed: every event in order, the latest at or before the cursor highlighted.
//! Clicking one moves the cursor to it and selects its place. Only visible rows are laid out.

use egui::{Color32, RichText, Sense, Ui, vec2};

use super::action::Action;
use super::commands::{self, Command};
use super::panel::{View, ViewContext};
use super::theme;
use crate::present;
use crate::store::{EventIx, EventKind};

#[derive(Default)]
pub(crate) struct EventFeed {
    /// The highlighted row last frame, to scroll to it when it changes.
    last_highlight: Option<EventIx>,
}

impl View for EventFeed {
    fn ui(&mut self, ui: &mut Ui, view: &ViewContext, actions: &mut Vec<Action>) {
        let (store, cursor) = (view.store, view.scene.cursor());
        let filters = view.scene.filters();
        // The rows shown, as event indices (all of them, in order, when nothing is filtered).
        let rows: Option<Vec<EventIx>> = (!filters.is_empty()).then(|| {
            (0..store.events.len())
                .filter(|&e| filters.shows_event(store, e, view.scene.selected()))
                .collect()
        });
        let count = rows.as_ref().map_or(store.events.len(), Vec::len);
        let heading = if count == store.events.len() {
            format!("Events ({count})")
        } else {
            format!("Events ({count} of {})", store.events.len())
        };
        ui.label(RichText::new(heading).strong());
        ui.horizontal_wrapped(|ui| {
            commands::checkbox(
                ui,
                Command::FeedSelectedOnly,
                filters.feed_selected_only,
                actions,
            );
            kind_filter(ui, filters.feed_kind, actions);
        });
        ui.label(RichText::new("Click one to go to it.").small().weak());
        let event_at = |row: usize| rows.as_ref().map_or(row, |r| r[row]);
        // The latest shown event at or before the cursor.
        let n = match &rows {
            None => store.events.partition_point(|e| e.at <= cursor),
            Some(r) => r.partition_point(|&e| store.events[e].at <= cursor),
        };
        let highlight_row = n.checked_sub(1);
        let highlight = highlight_row.map(event_at);
        let scroll_to = (highlight != self.last_highlight)
            .then_some(highlight_row)
            .flatten();
        self.last_highlight = highlight;
        let row_height = 36.0;
        let mut area = egui::ScrollArea::vertical().auto_shrink([false, false]);
        if let Some(row) = scroll_to {
            // Only the rows in view are laid out, so the highlighted one may not be: scroll by
            // its position, centred.
            let spacing = ui.spacing().item_spacing.y;
            let y =
                row as f32 * (row_height + spacing) - (ui.available_height() - row_height) / 2.0;
            area = area.vertical_scroll_offset(y.max(0.0));
        }
        area.show_rows(ui, row_height, count, |ui, visible_rows| {
            for row in visible_rows {
                let e = event_at(row);
                let ev = &store.events[e];
                let future = ev.at > cursor;
                let selected = Some(e) == highlight;
                let (rect, response) = ui.allocate_exact_size(
                    vec2(ui.available_width(), row_height - 2.0),
                    Sense::click(),
                );
                // The row's accessible label is the event in one line, with "disputed", "set
                // aside" or "uncertain window" when it is one of those.
                let tag = present::event_window_tag(store, e);
                let mut label = present::event_line(store, e);
                if let Some(t) = tag {
                    label.push_str(&format!(" · {t}"));
                }
                response
                    .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
                if scroll_to == Some(row) {
                    ui.scroll_to_rect(rect, Some(egui::Align::Center));
                }
                let painter = ui.painter();
                let bg = if selected {
                    Color32::from_rgb(210, 232, 255)
                } else if response.hovered() {
                    Color32::from_gray(235)
                } else {
                    Color32::TRANSPARENT
                };
                painter.rect_filled(rect, 3.0, bg);
                let colours = theme::control_colours(Some(ev.to), &store.actors);
                for (i, c) in colours.iter().enumerate() {
                    let chip = egui::Rect::from_min_size(
                        rect.left_top() + vec2(4.0 + 6.0 * i as f32, 6.0),
                        vec2(6.0, row_height - 14.0),
                    );
                    painter.rect_filled(chip, 1.0, *c);
                }
                let text_colour = if future {
                    Color32::from_gray(150)
                } else {
                    Color32::from_gray(20)
                };
                let x = rect.left() + 20.0;
                painter.text(
                    egui::pos2(x, rect.top() + 3.0),
                    egui::Align2::LEFT_TOP,
                    format!(
                        "{} · {}",
                        present::event_day(store, e),
                        store.places[ev.place].name
                    ),
                    egui::FontId::proportional(13.0),
                    text_colour,
                );
                let detail = present::event_outcome(store, e);
                let shown = painter.text(
                    egui::pos2(x, rect.top() + 18.0),
                    egui::Align2::LEFT_TOP,
                    detail,
                    egui::FontId::proportional(11.5),
                    text_colour.gamma_multiply(0.8),
                );
                if let Some(t) = tag {
                    let colour = if t == "disputed" {
                        theme::DISPUTED
                    } else {
                        theme::UNCERTAIN
                    };
                    painter.text(
                        egui::pos2(shown.right() + 6.0, rect.top() + 18.0),
                        egui::Align2::LEFT_TOP,
                        t,
                        egui::FontId::proportional(11.5),
                        colour,
                    );
                }
                if response.clicked() {
                    actions.push(Action::SetCursor(ev.at));
                    actions.push(Action::Select(Some(ev.place)));
                }
                response.on_hover_text(
                    store.events[e]
                        .note
                        .clone()
                        .unwrap_or_else(|| label.clone()),
                );
            }
        });
    }
}

/// A drop-down of the kinds of event: all, or one.
fn kind_filter(ui: &mut Ui, kind: Option<EventKind>, actions: &mut Vec<Action>) {
    let name = |k: Option<EventKind>| k.map_or("all kinds", present::event_verb);
    let spec = Command::FeedKind.spec();
    let mut chosen = kind;
    let response = egui::ComboBox::from_id_salt("feed-kind")
        .selected_text(name(kind))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut chosen, None, name(None));
            for k in EventKind::ALL {
                ui.selectable_value(&mut chosen, Some(k), name(Some(k)));
            }
        })
        .response;
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, spec.label));
    if let Some(hover) = spec.hover {
        response.on_hover_text(hover);
    }
    if chosen != kind {
        actions.push(Action::SetFeedKind(chosen));
    }
}
