//! The timeline: play controls, the current instant in full, and a date axis with a draggable
//! cursor and a tick for every event, coloured by the actor that gains (with thousands of
//! events, a density strip: one bar per column of the axis). Draws a [`Replay`]; the replay
//! logic itself lives in [`crate::replay`].

use chrono::{Datelike, Duration, NaiveDateTime};
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
    // Day ticks and labels: every day when there is room, else every week, month, ...
    let px_per_day = track.width() as f64 / days;
    let step = [1i64, 7, 14, 28, 91, 364]
        .into_iter()
        .find(|s| *s as f64 * px_per_day >= 6.0)
        .unwrap_or(728);
    let label_every = ((70.0 / (step as f64 * px_per_day)).ceil() as i64).max(1);
    // The year is part of every label once the span covers more than one (or "1 Jan" is which?).
    let format = if step >= 28 {
        "%b %Y"
    } else if days > 300.0 || r.start.year() != r.end.year() {
        "%-d %b %Y"
    } else {
        "%a %-d %b"
    };
    let mut day = r.start.date();
    let mut i = 0;
    while day <= r.end.date() && i <= 10_000 {
        let t = day.and_time(chrono::NaiveTime::MIN);
        if t >= r.start {
            let x = x_of(t);
            painter.line_segment(
                [pos2(x, track.top()), pos2(x, track.bottom())],
                Stroke::new(1.0, Color32::from_gray(200)),
            );
            // A label that would run off the end of the track is left out rather than cut.
            if i % label_every == 0 && x + 62.0 <= track.right() {
                painter.text(
                    pos2(x + 3.0, track.bottom() + 2.0),
                    Align2::LEFT_TOP,
                    day.format(format).to_string(),
                    FontId::proportional(11.0),
                    Color32::from_gray(80),
                );
            }
        }
        i += 1;
        day = day
            .checked_add_signed(Duration::days(step))
            .unwrap_or(r.end.date() + Duration::days(1));
    }
    let first = store.events.partition_point(|e| e.at < r.start);
    let last = store.events.partition_point(|e| e.at <= r.end);
    if (last - first) as f32 > track.width() / 4.0 {
        density_strip(ui, &painter, track, &view, store);
    } else {
        // Event ticks, coloured by who gains; changes tall, reports short. Many ticks in one
        // pixel column are drawn once.
        let mut last_x = f32::NEG_INFINITY;
        for (ix, ev) in store.events.iter().enumerate().take(last).skip(first) {
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

/// Points per column of the density strip.
const COLUMN: f32 = 2.0;

/// Events aggregated per column of the axis: how many reports, and per actor how many changes
/// it gains. Built once for a store, span and width, kept in egui's memory.
struct Density {
    key: (usize, usize, NaiveDateTime, NaiveDateTime, u32),
    actors: usize,
    reports: Vec<u32>,
    /// Column-major: `gains[column * actors + actor]`.
    gains: Vec<u32>,
}

impl Density {
    fn build(store: &Store, r: &Replay, columns: u32) -> Density {
        let actors = store.actors.len();
        let mut reports = vec![0u32; columns as usize];
        let mut gains = vec![0u32; columns as usize * actors];
        let days = r.span_days().max(1e-9);
        for (ix, ev) in store.events.iter().enumerate() {
            if ev.at < r.start || ev.at > r.end {
                continue;
            }
            let c = ((r.days_of(ev.at) / days * columns as f64) as usize).min(columns as usize - 1);
            if store.timeline.is_change(ix, &store.events) {
                for a in ev.to.actors() {
                    gains[c * actors + a] += 1;
                }
            } else {
                reports[c] += 1;
            }
        }
        Density {
            key: density_key(store, r, columns),
            actors,
            reports,
            gains,
        }
    }
}

fn density_key(
    store: &Store,
    r: &Replay,
    columns: u32,
) -> (usize, usize, NaiveDateTime, NaiveDateTime, u32) {
    (
        store.events.as_ptr() as usize,
        store.events.len(),
        r.start,
        r.end,
        columns,
    )
}

/// Thousands of events: one bar per column of the axis instead of one tick per event. The
/// bar's height grows with the number of events (square root, so that quiet days still
/// show); its coloured part is the changes, stacked by the actor that gains, its grey part the
/// reports.
fn density_strip(ui: &Ui, painter: &egui::Painter, track: Rect, r: &Replay, store: &Store) {
    let columns = ((track.width() / COLUMN).floor() as u32).max(1);
    let id = egui::Id::unique("timeline-density");
    let cached: Option<std::sync::Arc<Density>> = ui.data(|d| d.get_temp(id));
    let density = match cached {
        Some(d) if d.key == density_key(store, r, columns) => d,
        _ => {
            let d = std::sync::Arc::new(Density::build(store, r, columns));
            ui.data_mut(|m| m.insert_temp(id, d.clone()));
            d
        }
    };
    let actors = density.actors;
    let totals: Vec<u32> = (0..columns as usize)
        .map(|c| {
            density.reports[c]
                + density.gains[c * actors..(c + 1) * actors]
                    .iter()
                    .sum::<u32>()
        })
        .collect();
    let max = totals.iter().copied().max().unwrap_or(0).max(1) as f32;
    let colours: Vec<Color32> = store.actors.iter().map(theme::actor_colour).collect();
    let full = track.height() - 4.0;
    let mut mesh = egui::Mesh::default();
    for (c, &total) in totals.iter().enumerate() {
        if total == 0 {
            continue;
        }
        let x0 = track.left() + c as f32 * COLUMN;
        let x1 = x0 + COLUMN;
        let height = full * (total as f32 / max).sqrt().max(0.15);
        let per_event = height / total as f32;
        let mut y = track.bottom() - 2.0;
        let mut quad = |from: f32, h: f32, colour: Color32| {
            mesh.add_colored_rect(
                Rect::from_min_max(pos2(x0, from - h), pos2(x1, from)),
                colour,
            );
        };
        for (a, colour) in colours.iter().enumerate() {
            let n = density.gains[c * actors + a];
            if n > 0 {
                let h = n as f32 * per_event;
                quad(y, h, *colour);
                y -= h;
            }
        }
        let n = density.reports[c];
        if n > 0 {
            quad(y, n as f32 * per_event, Color32::from_gray(175));
        }
    }
    painter.add(egui::Shape::mesh(mesh));
}
