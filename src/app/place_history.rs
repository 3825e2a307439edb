//! A place's history in the place panel: one card per event, with the quotes that support
//! each claim in their context. A long history lays out only the cards in view.

use egui::text::LayoutJob;
use egui::{Color32, FontId, RichText, Sense, TextFormat, Ui, vec2};

use super::action::Action;
use super::commands::{self, Command};
use super::panel::ViewContext;
use super::theme;
use crate::present::{self, long_date};
use crate::store::{Basis, EventIx, PlaceIx, Precision, Quote, Store};

#[derive(Default)]
pub(crate) struct History {
    /// The (place, event) the history was last scrolled to: it scrolls to the event behind
    /// the current state when either changes.
    scrolled_to: Option<(PlaceIx, Option<EventIx>)>,
    /// For a long history: the place and the height of each of its cards as last laid out (an
    /// estimate until then), so that only the cards in view are laid out.
    heights: Option<(PlaceIx, Vec<f32>)>,
    /// The place's claims, found once per place and data: finding them scans every event,
    /// too much for every frame on a large corpus.
    claims: Option<(PlaceIx, Vec<EventIx>)>,
}

/// Histories longer than this are laid out only where they are in view.
const LONG_HISTORY: usize = 24;
/// The height a card is taken to have before it has been laid out.
const CARD_ESTIMATE: f32 = 170.0;
/// Cards beyond the view that are still laid out, in points.
const OVERSCAN: f32 = 200.0;

impl History {
    /// The data changed: the claims found are found again.
    pub fn data_changed(&mut self) {
        self.claims = None;
    }

    /// The history of place `p`, scrolled to the event behind its state at the cursor.
    pub fn ui(&mut self, ui: &mut Ui, view: &ViewContext, p: PlaceIx, actions: &mut Vec<Action>) {
        let store = view.store;
        // With the versions a resolved dispute set aside, marked so.
        if self.claims.as_ref().is_none_or(|(q, _)| *q != p) {
            self.claims = Some((p, present::place_claims(store, p)));
        }
        let events = self
            .claims
            .as_ref()
            .map(|(_, e)| e.clone())
            .unwrap_or_default();
        if events.is_empty() {
            ui.label("No article says who controls this place.");
        }
        if events.len() > LONG_HISTORY {
            self.long(ui, view, p, &events, actions);
            return;
        }
        let last_event = view.scene.state(p).last_event;
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for (i, &e) in events.iter().enumerate() {
                    let rect = event_card(ui, view, &events, i, actions);
                    if last_event == Some(e) && self.scrolled_to != Some((p, Some(e))) {
                        ui.scroll_to_rect(rect, Some(egui::Align::TOP));
                        self.scrolled_to = Some((p, Some(e)));
                    }
                }
            });
    }

    /// A long history in a scroll area that lays out only the cards in view, placed by the
    /// heights they had when last laid out.
    fn long(
        &mut self,
        ui: &mut Ui,
        view: &ViewContext,
        p: PlaceIx,
        events: &[EventIx],
        actions: &mut Vec<Action>,
    ) {
        let last_event = view.scene.state(p).last_event;
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
        let target = last_event.and_then(|e| events.iter().position(|&x| x == e));
        if self.scrolled_to != Some((p, last_event)) {
            if let Some(i) = target {
                area = area.vertical_scroll_offset(tops[i]);
            }
            self.scrolled_to = Some((p, last_event));
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
                for (i, height) in heights.iter_mut().enumerate().take(last).skip(first) {
                    let start = ui.cursor().top();
                    event_card(ui, view, events, i, actions);
                    let h = ui.cursor().top() - start;
                    if (h - *height).abs() > 0.5 {
                        *height = h;
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

/// The card of the `i`th event of a place's history: its date (a link that moves the cursor
/// there), its claim, how it stands against the cursor and the next change, and its quotes.
fn event_card(
    ui: &mut Ui,
    view: &ViewContext,
    history: &[EventIx],
    i: usize,
    actions: &mut Vec<Action>,
) -> egui::Rect {
    let (store, cursor) = (view.store, view.scene.cursor());
    let e = history[i];
    let ev = &store.events[e];
    let state = view.scene.state(ev.place);
    // The state before this claim, and the next claim that changed it.
    let before = history[..i]
        .iter()
        .rev()
        .find(|&&j| !store.events[j].left_out())
        .map(|&j| store.events[j].to);
    let next_change = history[i + 1..]
        .iter()
        .copied()
        .find(|&n| store.timeline.is_change(n, &store.events));
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
                ui.label(present::event_claim(store, e));
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
                if let Some(standing) = present::standing_sentence(ev) {
                    badge(ui, &standing);
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
                        RichText::new(present::reversal_sentence(store, n))
                            .color(Color32::from_rgb(170, 80, 0))
                            .strong(),
                    );
                } else if is_change {
                    ui.label(
                        RichText::new(present::until_sentence(store, n))
                            .small()
                            .weak(),
                    );
                }
            }
            if let Some(damaged) = present::damaged_sentence(ev) {
                ui.label(
                    RichText::new(damaged)
                        .color(ui.visuals().warn_fg_color)
                        .small(),
                );
            }
            if let Some(annotation) = present::annotation_sentence(ev) {
                ui.label(RichText::new(annotation).weak().small());
            }
            if let Some(note) = &ev.note {
                ui.label(RichText::new(note).italics().small());
            }
            let articles = ev.articles();
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(present::reported_by(articles.len()))
                        .small()
                        .strong(),
                );
                commands::button_for(ui, Command::EditEvent, true, Action::EditEvent(e), actions);
                commands::button_for(
                    ui,
                    Command::DeleteEvent,
                    true,
                    Action::DeleteEvent(e),
                    actions,
                );
            });
            // The last quote goes with its event ("Delete event"): a claim needs a source.
            let deletable = ev.quotes.len() > 1;
            for a in articles {
                let quotes: Vec<(usize, &Quote)> = ev
                    .quotes
                    .iter()
                    .enumerate()
                    .filter(|(_, q)| q.article == a)
                    .collect();
                quote_card(ui, store, a, (e, deletable), &quotes, actions);
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
/// With `deletable`, each quote has a "Delete quote" button (`quotes` are numbered as in the
/// event `event`).
fn quote_card(
    ui: &mut Ui,
    store: &Store,
    a: usize,
    (event, deletable): (EventIx, bool),
    quotes: &[(usize, &Quote)],
    actions: &mut Vec<Action>,
) {
    let article = &store.articles[a];
    egui::Frame::NONE
        .fill(Color32::from_rgb(250, 248, 240))
        .inner_margin(6.0)
        .corner_radius(3.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            for &(i, q) in quotes {
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
                if deletable {
                    let delete = Action::DeleteQuote { event, quote: i };
                    commands::button_for(ui, Command::DeleteQuote, true, delete, actions);
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
                        quote: quotes.first().map(|(_, q)| (q.byte_start, q.byte_end)),
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
pub(crate) fn quote_in_context(text: &str, q: &Quote, width: f32) -> LayoutJob {
    let context = crate::store::anchor::in_context(text, q.byte_start, q.byte_end);
    let lead = if context.cut_before { "… " } else { "" };
    let tail = if context.cut_after { " …" } else { "" };
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
        &format!("{lead}{}", context.before.trim_start()),
        0.0,
        normal.clone(),
    );
    job.append(context.quote, 0.0, highlight);
    job.append(&format!("{}{tail}", context.after.trim_end()), 0.0, normal);
    job
}
