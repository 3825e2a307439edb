//! The timeline: play controls, the current instant in full, and a date axis with a draggable
//! cursor and a tick for every event, coloured by the actor that gains. Draws a [`Replay`]; the
//! replay logic itself lives in [`crate::replay`].

use chrono::{Duration, NaiveDateTime};
use egui::{Align2, Color32, FontId, Key, Rect, RichText, Sense, Stroke, Ui, pos2, vec2};

use super::theme;
use crate::replay::{Replay, SPEEDS};
use crate::store::Store;
use crate::store::dates::long_date;

pub const CURSOR_LABEL: &str = "Time cursor";

#[derive(Default)]
pub struct TimelinePanel;

impl TimelinePanel {
    /// Handles the keyboard shortcuts (when no text field has focus).
    pub fn keys(ui: &Ui, replay: &mut Replay, store: &Store) {
        if ui.ctx().egui_wants_keyboard_input() {
            return;
        }
        ui.input_mut(|i| {
            if i.consume_key(egui::Modifiers::NONE, Key::Space) {
                replay.toggle_play();
            }
            if i.consume_key(egui::Modifiers::NONE, Key::ArrowRight) {
                replay.step_next(&store.timeline);
            }
            if i.consume_key(egui::Modifiers::NONE, Key::ArrowLeft) {
                replay.step_prev(&store.timeline);
            }
            if i.consume_key(egui::Modifiers::NONE, Key::Home) {
                replay.jump_start();
            }
            if i.consume_key(egui::Modifiers::NONE, Key::End) {
                replay.jump_end();
            }
        });
    }

    pub fn ui(&mut self, ui: &mut Ui, replay: &mut Replay, store: &Store) {
        // Work on a copy and write it back: the drawing code never half-updates the replay.
        let mut r = *replay;
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(long_date(r.cursor.date()))
                    .size(20.0)
                    .strong(),
            );
            let time = r.cursor.time();
            if time >= chrono::NaiveTime::from_hms_opt(23, 59, 0).expect("valid") {
                ui.label(RichText::new("end of day").weak());
            } else if time != chrono::NaiveTime::MIN {
                ui.label(RichText::new(r.cursor.format("%H:%M").to_string()).weak());
            }
            ui.add_space(16.0);
            if ui
                .button("|< Start")
                .on_hover_text("Jump to the start (Home)")
                .clicked()
            {
                r.jump_start();
            }
            if ui
                .button("< Previous change")
                .on_hover_text("Step to the previous change of control (Left)")
                .clicked()
            {
                r.step_prev(&store.timeline);
            }
            let play = if r.playing { "Pause" } else { "Play" };
            if ui
                .button(play)
                .on_hover_text("Play or pause (Space)")
                .clicked()
            {
                r.toggle_play();
            }
            if ui
                .button("Next change >")
                .on_hover_text("Step to the next change of control (Right)")
                .clicked()
            {
                r.step_next(&store.timeline);
            }
            if ui
                .button("End >|")
                .on_hover_text("Jump to the end (End)")
                .clicked()
            {
                r.jump_end();
            }
            ui.checkbox(&mut r.looping, "Loop");

            egui::ComboBox::from_label("Speed")
                .selected_text(speed_label(r.speed))
                .show_ui(ui, |ui| {
                    for s in SPEEDS {
                        ui.selectable_value(&mut r.speed, s, speed_label(s));
                    }
                });
        });
        axis(ui, &mut r, store);
        *replay = r;
    }
}

fn speed_label(days_per_second: f64) -> String {
    if days_per_second >= 1.0 {
        format!("{days_per_second} day/s")
    } else {
        format!("{} h/s", days_per_second * 24.0)
    }
}

/// The date axis with event ticks and the draggable cursor.
fn axis(ui: &mut Ui, r: &mut Replay, store: &Store) {
    let height = 46.0;
    let (rect, response) =
        ui.allocate_exact_size(vec2(ui.available_width(), height), Sense::click_and_drag());
    let value = long_date(r.cursor.date());
    response.widget_info(|| {
        let mut info = egui::WidgetInfo::labeled(egui::Role::Slider, true, CURSOR_LABEL);
        info.value = Some(r.cursor_days());
        info.current_text_value = Some(value.clone());
        info
    });
    let track = Rect::from_min_max(
        pos2(rect.left() + 12.0, rect.top() + 6.0),
        pos2(rect.right() - 12.0, rect.top() + 28.0),
    );
    let days = r.span_days().max(1e-9);
    if (response.dragged() || response.clicked())
        && let Some(p) = response.interact_pointer_pos()
    {
        let f = ((p.x - track.left()) / track.width()).clamp(0.0, 1.0) as f64;
        r.playing = false;
        r.set_cursor(r.instant_at(f * days));
    }
    if response.has_focus() {
        // The axis is also a keyboard slider: arrows are taken by change-stepping, so +/- move by a day.
        ui.input(|i| {
            if i.key_pressed(Key::Plus) || i.key_pressed(Key::Equals) {
                r.set_cursor(r.cursor + Duration::days(1));
            }
            if i.key_pressed(Key::Minus) {
                r.set_cursor(r.cursor - Duration::days(1));
            }
        });
    }
    let view = *r;
    let x_of = |t: NaiveDateTime| track.left() + (view.days_of(t) / days) as f32 * track.width();
    let painter = ui.painter_at(rect);
    painter.rect_filled(track, 3.0, Color32::from_gray(238));
    // Day ticks and labels.
    let mut day = r.start.date();
    let label_every = ((days / (track.width() as f64 / 70.0)).ceil() as i64).max(1);
    let mut i = 0;
    while day <= r.end.date() {
        let t = day.and_time(chrono::NaiveTime::MIN);
        if t >= r.start {
            let x = x_of(t);
            painter.line_segment(
                [pos2(x, track.top()), pos2(x, track.bottom())],
                Stroke::new(1.0, Color32::from_gray(200)),
            );
            if i % label_every == 0 {
                painter.text(
                    pos2(x + 3.0, track.bottom() + 2.0),
                    Align2::LEFT_TOP,
                    day.format("%a %-d %b").to_string(),
                    FontId::proportional(11.0),
                    Color32::from_gray(80),
                );
            }
        }
        i += 1;
        day = day.succ_opt().unwrap_or(day);
        if i > 10_000 {
            break;
        }
    }
    // Event ticks, coloured by who gains; changes tall, reports short. Many ticks in one pixel
    // column are drawn once.
    let mut last_x = f32::NEG_INFINITY;
    for (ix, ev) in store.events.iter().enumerate() {
        if ev.at < r.start || ev.at > r.end {
            continue;
        }
        let x = x_of(ev.at).round();
        let change = store.timeline.is_change(ix, &store.events);
        if x == last_x && !change {
            continue;
        }
        last_x = x;
        let colours = theme::control_colours(Some(ev.to), &store.actors);
        let top = if change {
            track.top() + 2.0
        } else {
            track.top() + 12.0
        };
        for (k, c) in colours.iter().enumerate() {
            let dx = k as f32 * 3.0;
            painter.line_segment(
                [pos2(x + dx, top), pos2(x + dx, track.bottom() - 2.0)],
                Stroke::new(2.5, *c),
            );
        }
    }
    // The cursor.
    let x = x_of(r.cursor);
    painter.line_segment(
        [pos2(x, rect.top()), pos2(x, track.bottom() + 2.0)],
        Stroke::new(2.0, theme::SELECTED),
    );
    painter.add(egui::Shape::convex_polygon(
        vec![
            pos2(x - 6.0, rect.top()),
            pos2(x + 6.0, rect.top()),
            pos2(x, rect.top() + 8.0),
        ],
        theme::SELECTED,
        Stroke::NONE,
    ));
}
