//! The place panel: the selected place's state at the cursor in words, and its history, event
//! by event, with the quotes that support each claim in their context.

use chrono::NaiveDateTime;
use egui::text::LayoutJob;
use egui::{Color32, FontId, RichText, Sense, TextFormat, Ui, vec2};

use super::Action;
use super::theme;
use crate::store::dates::long_date;
use crate::store::{
    Basis, Control, EventIx, EventKind, PlaceIx, PlaceState, Precision, Quote, Store,
};

/// "Held by Islamic State since Thu 9 Nov 2017", "Contested between ...", "Unknown: ...".
pub fn status_sentence(store: &Store, s: &PlaceState, _cursor: NaiveDateTime) -> String {
    let since = s.since.map(|t| long_date(t.date())).unwrap_or_default();
    let inferred = s
        .since_event
        .map(|e| &store.events[e])
        .map(|e| {
            let mut extra = String::new();
            if e.precision != Precision::Day {
                extra.push_str(&format!(
                    " (by then; the day is known only to the {})",
                    e.precision.label()
                ));
            }
            if e.basis == Basis::Inferred {
                extra.push_str(", inferred");
            }
            extra
        })
        .unwrap_or_default();
    match s.control {
        Some(Control::Held(a)) => {
            format!("Held by {} since {since}{inferred}", store.actors[a].name)
        }
        Some(Control::Contested(a, b)) => format!(
            "Contested between {} and {} since {since}{inferred}",
            store.actors[a].name, store.actors[b].name
        ),
        None => "Unknown: no article reports who holds it by this date".to_owned(),
    }
}

/// "reported that day by 3 articles" or "carried forward from a report of Fri 3 Nov (6 days earlier)".
pub fn freshness_sentence(store: &Store, s: &PlaceState, cursor: NaiveDateTime) -> Option<String> {
    let last = s.last_reported?;
    let articles = {
        let mut ids: Vec<usize> = store
            .timeline
            .supporting_events(s.place, cursor)
            .into_iter()
            .filter(|&e| store.events[e].date == last)
            .flat_map(|e| store.events[e].articles())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids.len()
    };
    let by = if articles == 1 {
        "1 article".to_owned()
    } else {
        format!("{articles} articles")
    };
    Some(match s.age_days(cursor) {
        Some(0) => format!("reported that day by {by}"),
        Some(1) => format!(
            "carried forward from a report of {} (1 day earlier, by {by})",
            last.format("%a %-d %b")
        ),
        Some(n) => format!(
            "carried forward from a report of {} ({n} days earlier, by {by})",
            last.format("%a %-d %b")
        ),
        None => return None,
    })
}

#[derive(Default)]
pub struct PlacePanel {
    /// The (place, event) the history was last scrolled to: it scrolls to the event behind
    /// the current state when either changes.
    scrolled_to: Option<(PlaceIx, Option<EventIx>)>,
    /// For a long history: the place and the height of each of its cards as last laid out (an
    /// estimate until then), so that only the cards in view are laid out.
    heights: Option<(PlaceIx, Vec<f32>)>,
}

/// Histories longer than this are laid out only where they are in view.
const LONG_HISTORY: usize = 24;
/// The height a card is taken to have before it has been laid out.
const CARD_ESTIMATE: f32 = 170.0;
/// Cards beyond the view that are still laid out, in points.
const OVERSCAN: f32 = 200.0;

impl PlacePanel {
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        store: &Store,
        states: &[PlaceState],
        cursor: NaiveDateTime,
        selected: Option<PlaceIx>,
        actions: &mut Vec<Action>,
    ) {
        let Some(p) = selected else {
            ui.heading("No place selected");
            ui.label("Click a town on the map, a lane in the chart, or an event in the feed to read who holds it and who says so.");
            return;
        };
        let place = &store.places[p];
        let state = &states[p];
        ui.horizontal(|ui| {
            ui.heading(&place.name);
            if ui
                .small_button("Clear")
                .on_hover_text("Clear the selection")
                .clicked()
            {
                actions.push(Action::Select(None));
            }
        });
        ui.label(
            RichText::new(format!(
                "{} · {} · {:.3}° N, {:.3}° E",
                place.kind.label(),
                place.country,
                place.lat,
                place.lon
            ))
            .weak(),
        );
        let latin: Vec<&str> = place
            .aliases
            .iter()
            .map(String::as_str)
            .filter(|a| {
                a.chars()
                    .all(|c| c.is_ascii() || c.is_alphabetic() && (c as u32) < 0x0600)
            })
            .collect();
        if !latin.is_empty() {
            let others = place.aliases.len() - latin.len();
            let mut text = format!("Also: {}", latin.join(", "));
            if others > 0 {
                text.push_str(&format!(" (+{others} in Arabic script)"));
            }
            ui.label(RichText::new(text).small().weak());
        }
        ui.add_space(6.0);
        status_box(ui, store, state, cursor);
        ui.add_space(8.0);
        ui.label(RichText::new("History").strong());
        let events = store.place_events(p);
        if events.is_empty() {
            ui.label("No article says who controls this place.");
        }
        if events.len() > LONG_HISTORY {
            self.long_history(ui, store, p, &events, state, cursor, actions);
            return;
        }
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for (i, &e) in events.iter().enumerate() {
                    let before = i.checked_sub(1).map(|j| store.events[events[j]].to);
                    let next_change = events[i + 1..]
                        .iter()
                        .copied()
                        .find(|&n| store.timeline.is_change(n, &store.events));
                    let rect =
                        event_card(ui, store, e, state, cursor, before, next_change, actions);
                    if state.last_event == Some(e) && self.scrolled_to != Some((p, Some(e))) {
                        ui.scroll_to_rect(rect, Some(egui::Align::TOP));
                        self.scrolled_to = Some((p, Some(e)));
                    }
                }
            });
    }
}

impl PlacePanel {
    /// A long history in a scroll area that lays out only the cards in view, placed by the
    /// heights they had when last laid out.
    #[allow(clippy::too_many_arguments)]
    fn long_history(
        &mut self,
        ui: &mut Ui,
        store: &Store,
        p: PlaceIx,
        events: &[EventIx],
        state: &PlaceState,
        cursor: NaiveDateTime,
        actions: &mut Vec<Action>,
    ) {
        let mut heights = match self.heights.take() {
            Some((place, h)) if place == p && h.len() == events.len() => h,
            _ => vec![CARD_ESTIMATE; events.len()],
        };
        let mut tops = Vec::with_capacity(events.len() + 1);
        let mut y = 0.0;
        for h in &heights {
            tops.push(y);
            y += h;
        }
        tops.push(y);
        let total = y;
        let mut area = egui::ScrollArea::vertical().auto_shrink([false, false]);
        let target = state
            .last_event
            .and_then(|e| events.iter().position(|&x| x == e));
        if self.scrolled_to != Some((p, state.last_event)) {
            if let Some(i) = target {
                area = area.vertical_scroll_offset(tops[i]);
            }
            self.scrolled_to = Some((p, state.last_event));
        }
        let mut changed = false;
        area.show_viewport(ui, |ui, viewport| {
            ui.set_height(total);
            let top = viewport.min.y - OVERSCAN;
            let bottom = viewport.max.y + OVERSCAN;
            let first = tops.partition_point(|&t| t <= top).saturating_sub(1);
            let last = tops.partition_point(|&t| t < bottom).min(events.len());
            if first >= last {
                return;
            }
            let origin = ui.max_rect().top();
            let rect = egui::Rect::from_x_y_ranges(
                ui.max_rect().x_range(),
                origin + tops[first]..=origin + total,
            );
            ui.scope_builder(egui::UiBuilder::new().max_rect(rect), |ui| {
                ui.skip_ahead_auto_ids(first);
                for i in first..last {
                    let e = events[i];
                    let before = i.checked_sub(1).map(|j| store.events[events[j]].to);
                    let next_change = events[i + 1..]
                        .iter()
                        .copied()
                        .find(|&n| store.timeline.is_change(n, &store.events));
                    let start = ui.cursor().top();
                    event_card(ui, store, e, state, cursor, before, next_change, actions);
                    let h = ui.cursor().top() - start;
                    if (h - heights[i]).abs() > 0.5 {
                        heights[i] = h;
                        changed = true;
                    }
                }
            });
        });
        if changed {
            ui.ctx().request_repaint();
        }
        self.heights = Some((p, heights));
    }
}

fn status_box(ui: &mut Ui, store: &Store, state: &PlaceState, cursor: NaiveDateTime) {
    let colours = theme::control_colours(state.control, &store.actors);
    egui::Frame::group(ui.style())
        .fill(Color32::from_gray(248))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(format!("On {}", long_date(cursor.date())))
                    .small()
                    .weak(),
            );
            ui.horizontal_wrapped(|ui| {
                for c in &colours {
                    let (r, _) = ui.allocate_exact_size(vec2(14.0, 14.0), Sense::hover());
                    ui.painter().rect_filled(r, 3.0, *c);
                }
                ui.label(RichText::new(status_sentence(store, state, cursor)).strong());
            });
            if let Some(f) = freshness_sentence(store, state, cursor) {
                ui.label(f);
            }
            if state.control.is_some() {
                ui.label(
                    RichText::new(format!("{} quote(s) behind this state", state.sources)).small(),
                );
            }
        });
}

fn kind_phrase(store: &Store, e: EventIx) -> String {
    let ev = &store.events[e];
    let to = store.describe(Some(ev.to));
    match ev.kind {
        EventKind::Report => format!("Reported {to}"),
        EventKind::Entered => format!("Forces entered: {to}"),
        EventKind::Declared => format!("Victory declared: {to}"),
        EventKind::Capture => format!("Captured: {to}"),
        EventKind::Recapture => format!("Recaptured: {to}"),
        EventKind::Withdrawal => format!("Withdrawal: {to}"),
    }
}

#[allow(clippy::too_many_arguments)]
fn event_card(
    ui: &mut Ui,
    store: &Store,
    e: EventIx,
    state: &PlaceState,
    cursor: NaiveDateTime,
    before: Option<Control>,
    next_change: Option<EventIx>,
    actions: &mut Vec<Action>,
) -> egui::Rect {
    let ev = &store.events[e];
    let future = ev.at > cursor;
    let current = state.last_event == Some(e);
    let stroke = if current {
        egui::Stroke::new(2.0, theme::SELECTED)
    } else {
        egui::Stroke::new(1.0, Color32::from_gray(200))
    };
    let card = egui::Frame::group(ui.style())
        .stroke(stroke)
        .fill(if future {
            Color32::from_gray(242)
        } else {
            Color32::WHITE
        })
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                for c in theme::control_colours(Some(ev.to), &store.actors) {
                    let (r, _) = ui.allocate_exact_size(vec2(10.0, 10.0), Sense::hover());
                    ui.painter().rect_filled(r, 2.0, c);
                }
                let date = RichText::new(long_date(ev.date)).strong();
                if ui
                    .link(date)
                    .on_hover_text("Move the cursor to this event")
                    .clicked()
                {
                    actions.push(Action::SetCursor(ev.at));
                }
                ui.label(kind_phrase(store, e));
            });
            ui.horizontal_wrapped(|ui| {
                if !store.timeline.is_change(e, &store.events) {
                    badge(ui, "confirms, no change");
                }
                if ev.basis == Basis::Inferred {
                    badge(ui, "inferred");
                }
                if ev.precision != Precision::Day {
                    badge(ui, &format!("date known to the {}", ev.precision.label()));
                }
                if let Some(from) = ev.from {
                    ui.label(
                        RichText::new(format!("before: {}", store.describe(Some(from))))
                            .small()
                            .weak(),
                    );
                }
                if current {
                    badge(ui, "latest at the cursor");
                }
                if future {
                    badge(ui, "after the cursor");
                }
            });
            if let Some(n) = next_change {
                let next = &store.events[n];
                let is_change = store.timeline.is_change(e, &store.events);
                if is_change && before.is_some() && before == Some(next.to) {
                    // The claim was undone: say so loudly, it is what readers of the map miss.
                    ui.label(
                        RichText::new(format!(
                            "Reversed on {}: {} again",
                            long_date(next.date),
                            store.describe(Some(next.to))
                        ))
                        .color(Color32::from_rgb(170, 80, 0))
                        .strong(),
                    );
                } else if is_change {
                    ui.label(
                        RichText::new(format!(
                            "Until {}, then {}",
                            long_date(next.date),
                            store.describe(Some(next.to))
                        ))
                        .small()
                        .weak(),
                    );
                }
            }
            if let Some(note) = &ev.note {
                ui.label(RichText::new(note).italics().small());
            }
            let articles = ev.articles();
            ui.label(
                RichText::new(format!(
                    "Reported by {} article{}",
                    articles.len(),
                    if articles.len() == 1 { "" } else { "s" }
                ))
                .small()
                .strong(),
            );
            for a in articles {
                let quotes: Vec<&Quote> = ev.quotes.iter().filter(|q| q.article == a).collect();
                quote_card(ui, store, a, &quotes, actions);
            }
        });
    ui.add_space(4.0);
    card.response.rect
}

fn badge(ui: &mut Ui, text: &str) {
    egui::Frame::NONE
        .fill(Color32::from_gray(225))
        .corner_radius(3.0)
        .inner_margin(vec2(4.0, 1.0))
        .show(ui, |ui| {
            ui.label(RichText::new(text).small());
        });
}

/// An article's quotes for one claim, each in its context, with the article's title, outlet
/// and date.
fn quote_card(ui: &mut Ui, store: &Store, a: usize, quotes: &[&Quote], actions: &mut Vec<Action>) {
    let article = &store.articles[a];
    egui::Frame::NONE
        .fill(Color32::from_rgb(250, 248, 240))
        .inner_margin(6.0)
        .corner_radius(3.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            for q in quotes {
                let job = quote_in_context(&article.text, q, ui.available_width());
                let response = ui
                    .add(egui::Label::new(job).sense(Sense::click()))
                    .on_hover_text("Open the article at this quote");
                if response.clicked() {
                    actions.push(Action::OpenArticle {
                        article: a,
                        quote: Some((q.byte_start, q.byte_end)),
                    });
                }
            }
            let date = match article.date {
                Some(d) => format!("{} ({})", long_date(d), article.date_basis.describe()),
                None => "date unknown".to_owned(),
            };
            ui.horizontal_wrapped(|ui| {
                if ui
                    .link(RichText::new(&article.title).small().strong())
                    .on_hover_text("Open the article")
                    .clicked()
                {
                    actions.push(Action::OpenArticle {
                        article: a,
                        quote: quotes.first().map(|q| (q.byte_start, q.byte_end)),
                    });
                }
            });
            ui.label(
                RichText::new(format!("{} · {date}", article.outlet_or_unnamed()))
                    .small()
                    .weak(),
            );
        });
    ui.add_space(2.0);
}

/// The quote highlighted inside its paragraph (trimmed to about two sentences each side).
pub fn quote_in_context(text: &str, q: &Quote, width: f32) -> LayoutJob {
    let para_start = text[..q.byte_start].rfind('\n').map_or(0, |i| i + 1);
    let para_end = text[q.byte_end..]
        .find('\n')
        .map_or(text.len(), |i| q.byte_end + i);
    let mut before = &text[para_start..q.byte_start];
    let mut after = &text[q.byte_end..para_end];
    let mut lead = "";
    let mut tail = "";
    if before.chars().count() > 220 {
        let cut = before.char_indices().rev().nth(200).map_or(0, |(i, _)| i);
        let cut = before[cut..].find(". ").map_or(cut, |i| cut + i + 2);
        before = &before[cut..];
        lead = "… ";
    }
    if after.chars().count() > 220 {
        let cut = after
            .char_indices()
            .nth(200)
            .map_or(after.len(), |(i, _)| i);
        let cut = after[..cut].rfind(". ").map_or(cut, |i| i + 1);
        after = &after[..cut];
        tail = " …";
    }
    let normal = TextFormat {
        font_id: FontId::proportional(13.0),
        color: Color32::from_gray(70),
        ..Default::default()
    };
    let highlight = TextFormat {
        font_id: FontId::proportional(13.0),
        color: Color32::BLACK,
        background: Color32::from_rgb(255, 230, 130),
        ..Default::default()
    };
    let mut job = LayoutJob::default();
    job.wrap.max_width = width;
    job.append(
        &format!("{lead}{}", before.trim_start()),
        0.0,
        normal.clone(),
    );
    job.append(&text[q.byte_start..q.byte_end], 0.0, highlight);
    job.append(&format!("{}{tail}", after.trim_end()), 0.0, normal);
    job
}
