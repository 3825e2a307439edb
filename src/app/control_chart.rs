//! The control chart: one lane per place, bars coloured by who holds it through time
//! (contested split in two, unknown left empty), a line at the cursor. Click a lane to select
//! its place.

use egui::{Color32, Ui};
use egui_plot::{AxisHints, GridMark, Plot, PlotBounds, PlotPoints, Polygon, VLine};

use super::Action;
use super::theme;
use crate::replay::Replay;
use crate::store::{Control, PlaceIx, Store};

#[derive(Default)]
pub struct ControlChart;

/// A stretch of time (in days since the replay's start) with one state.
struct Segment {
    from: f64,
    to: f64,
    control: Control,
}

fn segments(store: &Store, place: PlaceIx, r: &Replay) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let span = r.span_days();
    for e in store.timeline.place_events(place) {
        let ev = &store.events[e];
        let x = r.days_of(ev.at).clamp(0.0, span);
        if let Some(last) = out.last_mut() {
            if last.control == ev.to {
                continue;
            }
            last.to = x;
        }
        out.push(Segment {
            from: x,
            to: span,
            control: ev.to,
        });
    }
    out.retain(|s| s.to > s.from);
    out
}

fn rect(x0: f64, x1: f64, y0: f64, y1: f64) -> PlotPoints<'static> {
    PlotPoints::new(vec![[x0, y0], [x1, y0], [x1, y1], [x0, y1]])
}

impl ControlChart {
    /// Lanes in order: the places with events (a place with none would be an empty lane),
    /// plus the selected place.
    pub fn lanes(store: &Store, selected: Option<PlaceIx>) -> Vec<PlaceIx> {
        (0..store.places.len())
            .filter(|&p| Some(p) == selected || store.timeline.place_events(p).next().is_some())
            .collect()
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        store: &Store,
        replay: &Replay,
        selected: Option<PlaceIx>,
        actions: &mut Vec<Action>,
    ) {
        let lanes = Self::lanes(store, selected);
        let n = lanes.len().max(1) as f64;
        let span = replay.span_days().max(0.01);
        let start = replay.start;
        let names: Vec<String> = lanes
            .iter()
            .map(|&p| store.places[p].name.clone())
            .collect();
        let response = Plot::new("control-chart")
            .allow_drag(false)
            .allow_zoom(false)
            .allow_scroll(false)
            .allow_boxed_zoom(false)
            .allow_double_click_reset(false)
            .show_grid([true, false])
            .x_grid_spacer(move |input| {
                let (lo, hi) = input.bounds;
                let step = if hi - lo > 40.0 { 7.0 } else { 1.0 };
                let mut marks = Vec::new();
                let mut d = (lo / step).floor() * step;
                while d <= hi {
                    marks.push(GridMark {
                        value: d,
                        step_size: step,
                    });
                    d += step;
                }
                marks
            })
            .y_grid_spacer(move |_| {
                (0..n as usize)
                    .map(|i| GridMark {
                        value: -(i as f64),
                        step_size: 1.0,
                    })
                    .collect()
            })
            .x_axis_formatter(move |mark, _| {
                let t = start + chrono::Duration::milliseconds((mark.value * 86_400_000.0) as i64);
                t.format("%-d %b").to_string()
            })
            .custom_y_axes(vec![
                AxisHints::new_y()
                    .label_spacing(8.0..=12.0)
                    .min_thickness(120.0)
                    .formatter(move |mark, _| {
                        let i = (-mark.value).round();
                        if (mark.value + i).abs() < 0.01 && i >= 0.0 {
                            names.get(i as usize).cloned().unwrap_or_default()
                        } else {
                            String::new()
                        }
                    }),
            ])
            .label_formatter(|_| None)
            .show(ui, |plot_ui| {
                plot_ui.set_plot_bounds(PlotBounds::from_min_max([0.0, -n + 0.5], [span, 0.5]));
                for (lane, &p) in lanes.iter().enumerate() {
                    let y = -(lane as f64);
                    if Some(p) == selected {
                        plot_ui.polygon(
                            Polygon::new("selected", rect(0.0, span, y - 0.5, y + 0.5))
                                .fill_color(theme::SELECTED.gamma_multiply(0.15))
                                .stroke(egui::Stroke::NONE),
                        );
                    }
                    for s in segments(store, p, replay) {
                        let colours = theme::control_colours(Some(s.control), &store.actors);
                        let k = colours.len() as f64;
                        for (i, c) in colours.iter().enumerate() {
                            let top = y + 0.35 - 0.7 * i as f64 / k;
                            let bottom = top - 0.7 / k;
                            plot_ui.polygon(
                                Polygon::new(
                                    store.places[p].name.clone(),
                                    rect(s.from, s.to, bottom, top),
                                )
                                .fill_color(*c)
                                .stroke(egui::Stroke::new(0.5, Color32::WHITE)),
                            );
                        }
                    }
                }
                plot_ui.vline(
                    VLine::new("cursor", replay.cursor_days())
                        .color(theme::SELECTED)
                        .width(2.0),
                );
                plot_ui.pointer_coordinate()
            });
        if response.response.clicked()
            && let Some(pt) = response.inner
        {
            let lane = (-pt.y).round();
            if lane >= 0.0 && (lane as usize) < lanes.len() {
                actions.push(Action::Select(Some(lanes[lane as usize])));
            }
        }
    }
}
