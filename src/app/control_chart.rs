//! The control chart: one lane per place, bars coloured by who holds it through time
//! (contested split in two, unknown left empty), a line at the cursor. Click a lane to select
//! its place. A disputed stretch is hatched and outlined in the dispute's colour; an uncertain
//! window (a change known only to some days) shades from nothing to the new holder's colour.
//!
//! It stays cheap with a thousand places: lanes keep a readable height and only those in view
//! are drawn (the wheel scrolls through the rest), and all their bars are one mesh, drawn by a
//! plot item of our own, rather than a plot polygon per bar.

use std::ops::RangeInclusive;

use egui::{Color32, Id, Mesh, Rect, Shape, Ui, pos2};
use egui_plot::{
    AxisHints, GridMark, Plot, PlotBounds, PlotGeometry, PlotItem, PlotItemBase, PlotPoint,
    PlotTransform, VLine,
};

use super::action::Action;
use super::panel::{View, ViewContext};
use super::theme;
use crate::present::DayForm;
use crate::replay::Replay;
use crate::store::{Control, PlaceIx, Store};
use crate::view::scene::Scene;

#[derive(Default)]
pub struct ControlChart {
    /// The bars of the lanes last in view and what they were made for: the span and the
    /// lanes. Making them reads every event of those places. The app makes a new chart when
    /// the data is reloaded, so that the bars of other data are never taken for these.
    bars: Option<(BarsKey, Vec<Bar>, Vec<Window>)>,
}

/// A disputed stretch or an uncertain window of a lane: (lane y, x from, x to, what).
type Window = (f64, f64, f64, WindowLook);

#[derive(Clone, Copy)]
enum WindowLook {
    /// Split between the two versions' colours, hatched.
    Disputed([Color32; 2]),
    /// Shaded from the colour before to the colour the place changes to.
    Uncertain(Color32, Color32),
}

/// A lane's disputes and uncertain windows, in days since the replay's start.
fn windows(store: &Store, place: PlaceIx, r: &Replay, y: f64) -> Vec<Window> {
    let span = r.span_days();
    let x = |t: chrono::NaiveDateTime| r.days_of(t).clamp(0.0, span);
    let colour = |c: Option<Control>| {
        theme::control_colours(c, &store.actors)
            .first()
            .copied()
            .unwrap_or(theme::UNKNOWN)
    };
    let mut out: Vec<Window> = crate::present::place_disputes(store, place)
        .into_iter()
        .map(|d| {
            let look = WindowLook::Disputed(d.versions.map(|v| colour(v.control)));
            (y, x(d.from), d.to.map_or(span, x), look)
        })
        .collect();
    for u in crate::present::place_uncertain(store, place) {
        let day = |d: chrono::NaiveDate| x(d.and_time(chrono::NaiveTime::MIN));
        let ev = &store.events[u.event];
        let look = WindowLook::Uncertain(colour(ev.from), colour(Some(ev.to)));
        out.push((y, day(u.first), day(u.last + chrono::Days::new(1)), look));
    }
    out.retain(|w| w.2 > w.1);
    out
}

/// (lane y, colour, x from, x to, share of the lane's height from the top: from, to).
type Bar = (f64, Color32, f64, f64, f64, f64);

#[derive(PartialEq, Clone)]
struct BarsKey {
    span: (chrono::NaiveDateTime, chrono::NaiveDateTime),
    lanes: Vec<PlaceIx>,
}

/// The smallest height of a lane, in points: below it the chart scrolls.
pub(crate) const LANE_HEIGHT: f32 = 16.0;

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

/// Scroll state, kept in egui's memory: the first lane in view, and the selection it was
/// last scrolled to.
#[derive(Clone, Copy, Default)]
struct Scroll {
    first: f64,
    followed: Option<PlaceIx>,
}

/// The bars of the lanes in view, as one mesh.
struct Lanes {
    base: PlotItemBase,
    /// (lane y, colour, x from, x to, share of the lane's height from the top: from, to).
    bars: Vec<Bar>,
    /// The selected lane's y, and the span, for its highlight.
    highlight: Option<(f64, f64)>,
    windows: Vec<Window>,
}

impl PlotItem for Lanes {
    fn shapes(&self, _ui: &Ui, transform: &PlotTransform, shapes: &mut Vec<Shape>) {
        let mut mesh = Mesh::default();
        let frame = *transform.frame();
        if let Some((y, span)) = self.highlight {
            let a = transform.position_from_point(&PlotPoint::new(0.0, y + 0.5));
            let b = transform.position_from_point(&PlotPoint::new(span, y - 0.5));
            mesh.add_colored_rect(
                Rect::from_two_pos(a, b).intersect(frame),
                theme::SELECTED.gamma_multiply(0.15),
            );
        }
        for &(y, colour, x0, x1, top, bottom) in &self.bars {
            let a = transform.position_from_point(&PlotPoint::new(x0, y + 0.35 - 0.7 * top));
            let b = transform.position_from_point(&PlotPoint::new(x1, y + 0.35 - 0.7 * bottom));
            // A hair of white between neighbouring bars, as a stroke would.
            let rect = Rect::from_two_pos(a, b);
            let rect = Rect::from_min_max(
                pos2(rect.min.x + 0.25, rect.min.y),
                pos2((rect.max.x - 0.25).max(rect.min.x + 0.5), rect.max.y),
            )
            .intersect(frame);
            if rect.is_positive() {
                mesh.add_colored_rect(rect, colour);
            }
        }
        let mut over = Vec::new();
        for &(y, x0, x1, look) in &self.windows {
            let a = transform.position_from_point(&PlotPoint::new(x0, y + 0.4));
            let b = transform.position_from_point(&PlotPoint::new(x1, y - 0.4));
            let rect = Rect::from_two_pos(a, b);
            let shown = rect.intersect(frame);
            if !shown.is_positive() {
                continue;
            }
            match look {
                WindowLook::Disputed([top, bottom]) => {
                    let [upper, lower] = [
                        Rect::from_min_max(shown.min, pos2(shown.max.x, shown.center().y)),
                        Rect::from_min_max(pos2(shown.min.x, shown.center().y), shown.max),
                    ];
                    mesh.add_colored_rect(upper, top);
                    mesh.add_colored_rect(lower, bottom);
                    hatch(&mut over, rect, shown);
                    over.push(Shape::rect_stroke(
                        shown,
                        0.0,
                        egui::Stroke::new(1.5, theme::DISPUTED),
                        egui::StrokeKind::Inside,
                    ));
                }
                WindowLook::Uncertain(c0, c1) => {
                    let base = mesh.vertices.len() as u32;
                    for (p, c) in [
                        (shown.left_top(), c0),
                        (shown.right_top(), c1),
                        (shown.right_bottom(), c1),
                        (shown.left_bottom(), c0),
                    ] {
                        mesh.colored_vertex(p, c);
                    }
                    mesh.add_triangle(base, base + 1, base + 2);
                    mesh.add_triangle(base, base + 2, base + 3);
                    for x in [shown.left(), shown.right()] {
                        over.extend(Shape::dashed_line(
                            &[pos2(x, shown.top()), pos2(x, shown.bottom())],
                            egui::Stroke::new(1.5, theme::UNCERTAIN),
                            2.0,
                            2.0,
                        ));
                    }
                }
            }
        }
        shapes.push(Shape::mesh(mesh));
        shapes.extend(over);
    }

    fn initialize(&mut self, _x_range: RangeInclusive<f64>) {}

    fn color(&self) -> Color32 {
        Color32::TRANSPARENT
    }

    fn geometry(&self) -> PlotGeometry<'_> {
        PlotGeometry::None
    }

    fn bounds(&self) -> PlotBounds {
        PlotBounds::NOTHING
    }

    fn base(&self) -> &PlotItemBase {
        &self.base
    }

    fn base_mut(&mut self) -> &mut PlotItemBase {
        &mut self.base
    }

    fn allow_hover(&self) -> bool {
        false
    }
}

/// White diagonal lines across `rect`, clipped to `shown`.
fn hatch(out: &mut Vec<Shape>, rect: Rect, shown: Rect) {
    let step = 7.0;
    let h = rect.height();
    let stroke = egui::Stroke::new(1.0, Color32::from_white_alpha(230));
    let mut x = rect.left() - h;
    while x < rect.right() {
        // From bottom-left to top-right, clipped to the shown part.
        let (mut x0, mut y0, mut x1, mut y1) = (x, rect.bottom(), x + h, rect.top());
        if x0 < shown.left() {
            y0 -= shown.left() - x0;
            x0 = shown.left();
        }
        if x1 > shown.right() {
            y1 += x1 - shown.right();
            x1 = shown.right();
        }
        if x1 > x0 {
            out.push(Shape::line_segment([pos2(x0, y0), pos2(x1, y1)], stroke));
        }
        x += step;
    }
}

impl ControlChart {
    /// Lanes in order: the places with events (a place with none would be an empty lane),
    /// plus the selected place.
    pub(crate) fn lanes(store: &Store, selected: Option<PlaceIx>) -> Vec<PlaceIx> {
        (0..store.places.len())
            .filter(|&p| Some(p) == selected || store.timeline.place_events(p).next().is_some())
            .collect()
    }

    /// The lanes shown: those of places the user's filters do not hide.
    pub fn shown_lanes(store: &Store, scene: &Scene) -> Vec<PlaceIx> {
        Self::lanes(store, scene.selected())
            .into_iter()
            .filter(|&p| scene.visible(p))
            .collect()
    }
}

impl View for ControlChart {
    fn ui(&mut self, ui: &mut Ui, view: &ViewContext, actions: &mut Vec<Action>) {
        let (store, replay, selected) = (view.store, *view.replay, view.scene.selected());
        let lanes = Self::shown_lanes(store, view.scene);
        let n = lanes.len().max(1);
        let span = replay.span_days().max(0.01);

        // How many lanes fit (the x axis takes about 24 points), and which are in view.
        let fit = (((ui.available_height() - 24.0) / LANE_HEIGHT).floor() as usize).max(1);
        let shown = n.min(fit);
        let scroll_id = Id::unique("control-chart-scroll");
        let mut scroll: Scroll = ui.data(|d| d.get_temp(scroll_id)).unwrap_or_default();
        let max_first = (n - shown) as f64;
        if selected != scroll.followed {
            // Bring a newly selected place's lane into view.
            if let Some(lane) = selected.and_then(|p| lanes.iter().position(|&l| l == p)) {
                let lane = lane as f64;
                if lane < scroll.first || lane > scroll.first + shown as f64 - 1.0 {
                    scroll.first = lane - (shown as f64 / 2.0).floor();
                }
            }
            scroll.followed = selected;
        }
        scroll.first = scroll.first.clamp(0.0, max_first);
        let first = scroll.first.round() as usize;
        let in_view = first..(first + shown).min(lanes.len());

        let key = BarsKey {
            span: (replay.start, replay.end),
            lanes: lanes[in_view.clone()].to_vec(),
        };
        let (bars, spans) = match self.bars.take() {
            Some((k, bars, spans)) if k == key => (bars, spans),
            _ => {
                let mut bars = Vec::new();
                let mut spans = Vec::new();
                for lane in in_view.clone() {
                    let p = lanes[lane];
                    let y = -(lane as f64);
                    spans.extend(windows(store, p, &replay, y));
                    for s in segments(store, p, &replay) {
                        let mut colours = theme::control_colours(Some(s.control), &store.actors);
                        if let crate::store::Control::Lost(a, _) = s.control {
                            // Lost: a pale band of who lost it, never read as held.
                            colours =
                                vec![theme::actor_colour(&store.actors[a]).gamma_multiply(0.2)];
                        }
                        let k = colours.len() as f64;
                        for (i, c) in colours.iter().enumerate() {
                            bars.push((y, *c, s.from, s.to, i as f64 / k, (i + 1) as f64 / k));
                        }
                    }
                }
                (bars, spans)
            }
        };
        self.bars = Some((key, bars.clone(), spans.clone()));
        let highlight = selected
            .and_then(|p| lanes.iter().position(|&l| l == p))
            .filter(|l| in_view.contains(l))
            .map(|l| (-(l as f64), span));
        let names: Vec<(usize, String)> = in_view
            .clone()
            .map(|l| (l, store.places[lanes[l]].name.clone()))
            .collect();
        let top = -(first as f64) + 0.5;
        let bottom = top - shown as f64;

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
                let step = if hi - lo > 400.0 { 28.0 } else { step };
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
            .y_grid_spacer(move |input| {
                let (lo, hi) = input.bounds;
                let (a, b) = (
                    (-hi).ceil().max(0.0) as usize,
                    (-lo).floor().max(0.0) as usize,
                );
                (a..=b)
                    .map(|i| GridMark {
                        value: -(i as f64),
                        step_size: 1.0,
                    })
                    .collect()
            })
            .x_axis_formatter(move |mark, _| {
                DayForm::DayMonth.of(replay.instant_at(mark.value).date())
            })
            .custom_y_axes(vec![
                AxisHints::new_y()
                    .label_spacing(8.0..=12.0)
                    .min_thickness(120.0)
                    .formatter(move |mark, _| {
                        let i = (-mark.value).round();
                        if (mark.value + i).abs() < 0.01 && i >= 0.0 {
                            names
                                .iter()
                                .find(|(l, _)| *l == i as usize)
                                .map(|(_, name)| name.clone())
                                .unwrap_or_default()
                        } else {
                            String::new()
                        }
                    }),
            ])
            .label_formatter(|_| None)
            .show(ui, |plot_ui| {
                plot_ui.set_plot_bounds(PlotBounds::from_min_max([0.0, bottom], [span, top]));
                plot_ui.add(Lanes {
                    base: PlotItemBase::new("lanes".to_owned()),
                    bars,
                    highlight,
                    windows: spans,
                });
                plot_ui.vline(
                    VLine::new("cursor", replay.cursor_days())
                        .color(theme::SELECTED)
                        .width(2.0),
                );
                plot_ui.pointer_coordinate()
            });
        if response.response.hovered() && shown < n {
            let dy = ui.input(|i| i.smooth_scroll_delta.y);
            if dy != 0.0 {
                scroll.first = (scroll.first - (dy / LANE_HEIGHT) as f64).clamp(0.0, max_first);
            }
        }
        if shown < n {
            let r = response.response.rect;
            let text = format!(
                "places {}–{} of {n} · scroll for more",
                in_view.start + 1,
                in_view.end
            );
            let painter = ui.painter();
            let galley = painter.layout_no_wrap(
                text,
                egui::FontId::proportional(11.0),
                Color32::from_gray(60),
            );
            let at = r.right_top() + egui::vec2(-galley.size().x - 6.0, 3.0);
            painter.rect_filled(
                Rect::from_min_size(at, galley.size()).expand(2.0),
                2.0,
                Color32::from_white_alpha(210),
            );
            painter.galley(at, galley, Color32::from_gray(60));
        }
        ui.data_mut(|d| d.insert_temp(scroll_id, scroll));
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
