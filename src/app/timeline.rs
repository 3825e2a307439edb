//! The timeline: play controls, the current instant in full, and a date axis with a draggable
//! cursor and a tick for every event, coloured by the actor that gains (with thousands of
//! events, a density strip: one bar per column of the axis). Reads the [`Replay`] and pushes
//! what the user asks for (play, step, scrub, speed, loop) as actions; the replay logic itself
//! lives in [`crate::replay`].

use chrono::{Datelike, Duration, NaiveDateTime};
use egui::{Align2, Color32, FontId, Key, Rect, RichText, Sense, Stroke, Ui, pos2, vec2};

use super::action::Action;
use super::commands::{self, Command};
use super::panel::{View, ViewContext};
use super::theme;
use crate::present::{self, DayForm, long_date};
use crate::replay::{Replay, SPEEDS};
use crate::store::Store;

pub const CURSOR_LABEL: &str = "Time cursor";

#[derive(Default)]
pub(crate) struct TimelinePanel;

impl View for TimelinePanel {
    fn ui(&mut self, ui: &mut Ui, view: &ViewContext, actions: &mut Vec<Action>) {
        let r = view.replay;
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
                ui.label(RichText::new(present::time_of_day(time)).weak());
            }
            ui.add_space(16.0);
            commands::button(ui, Command::Start, false, actions);
            commands::button(ui, Command::PreviousChange, false, actions);
            commands::button(ui, Command::PlayPause, r.playing, actions);
            commands::button(ui, Command::NextChange, false, actions);
            commands::button(ui, Command::End, false, actions);
            commands::checkbox(ui, Command::Loop, r.looping, actions);

            let mut speed = r.speed;
            egui::ComboBox::from_label("Speed")
                .selected_text(speed_label(r.speed))
                .show_ui(ui, |ui| {
                    for s in SPEEDS {
                        ui.selectable_value(&mut speed, s, speed_label(s));
                    }
                });
            if speed != r.speed {
                actions.push(Action::SetSpeed(speed));
            }
            // "Saved 2 files", "Reloaded at …": in the room left at the end of this row, cut
            // short rather than drawn over anything (whole on hover).
            if let Some(notice) = view.notice {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    let text = RichText::new(notice).color(egui::Color32::from_rgb(0, 110, 60));
                    ui.add(egui::Label::new(text).truncate())
                        .on_hover_text(notice);
                });
            }
        });
        axis(ui, r, view.store, actions);
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
fn axis(ui: &mut Ui, r: &Replay, store: &Store, actions: &mut Vec<Action>) {
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
        actions.push(Action::SetCursor(r.instant_at(f * days)));
    }
    if response.has_focus() {
        // The axis is also a keyboard slider: arrows are taken by change-stepping, so +/- move by a day.
        ui.input(|i| {
            if i.key_pressed(Key::Plus) || i.key_pressed(Key::Equals) {
                actions.push(Action::MoveCursorBy(Duration::days(1)));
            }
            if i.key_pressed(Key::Minus) {
                actions.push(Action::MoveCursorBy(-Duration::days(1)));
            }
        });
    }
    let x_of = |t: NaiveDateTime| track.left() + (r.days_of(t) / days) as f32 * track.width();
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
    let form = if step >= 28 {
        DayForm::MonthYear
    } else if days > 300.0 || r.start.year() != r.end.year() {
        DayForm::DayMonthYear
    } else {
        DayForm::Weekday
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
                    form.of(day),
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
        density_strip(ui, &painter, track, r, store);
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
            // A lost place is gained by nobody the articles name: it counts as a report.
            let gained = !matches!(ev.to, crate::store::Control::Lost(..));
            if gained && store.timeline.is_change(ix, &store.events) {
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
