//! The article reader: an article's full text with a quote highlighted and scrolled to.

use egui::text::{CCursor, LayoutJob};
use egui::{Color32, FontId, RichText, TextFormat, Ui};

use super::action::Action;
use super::commands::Command;
use super::view::{View, ViewContext};
use crate::present::long_date;

pub struct Reader {
    pub article: usize,
    /// Byte range of the highlighted quote.
    pub quote: Option<(usize, usize)>,
    /// Scroll to the quote on the next frame.
    scroll_pending: bool,
    /// The selected passage, in characters (start < end), for "New claim".
    pub selection: Option<(usize, usize)>,
}

/// The reader's text field, whose selection "New claim" reads (tests set it through egui's
/// `TextEditState` under this id).
pub fn text_id() -> egui::Id {
    egui::Id::unique("article-reader-text")
}

impl Reader {
    pub fn new(article: usize, quote: Option<(usize, usize)>) -> Reader {
        Reader {
            article,
            quote,
            scroll_pending: true,
            selection: None,
        }
    }

    fn text(&mut self, ui: &mut Ui, text: &str) {
        let normal = TextFormat {
            font_id: FontId::proportional(14.0),
            color: Color32::from_gray(30),
            ..Default::default()
        };
        let highlight = TextFormat {
            background: Color32::from_rgb(255, 222, 100),
            color: Color32::BLACK,
            ..normal.clone()
        };
        let mut job = LayoutJob::default();
        job.wrap.max_width = ui.available_width();
        let (start, end) = self
            .quote
            .filter(|(s, e)| {
                s <= e && *e <= text.len() && text.is_char_boundary(*s) && text.is_char_boundary(*e)
            })
            .unwrap_or((0, 0));
        job.append(&text[..start], 0.0, normal.clone());
        job.append(&text[start..end], 0.0, highlight);
        job.append(&text[end..], 0.0, normal);
        let galley = ui.painter().layout_job(job);
        // A read-only text field rather than a label: its selection can be read (and set).
        let mut layouter = |_: &Ui, _: &dyn egui::TextBuffer, _: f32| galley.clone();
        let mut read_only: &str = text;
        let output = egui::TextEdit::multiline(&mut read_only)
            .id(text_id())
            .frame(egui::Frame::NONE)
            .desired_width(f32::INFINITY)
            .layouter(&mut layouter)
            .show(ui);
        let response = output.response.response;
        self.selection = output
            .state
            .cursor
            .char_range()
            .map(|r| {
                let (a, b) = (r.primary.index.0, r.secondary.index.0);
                (a.min(b), a.max(b))
            })
            .filter(|(a, b)| a < b);
        if self.scroll_pending && end > start {
            let char_start = text[..start].chars().count();
            let char_end = char_start + text[start..end].chars().count();
            let a = galley.pos_from_cursor(CCursor::new(char_start));
            let b = galley.pos_from_cursor(CCursor::new(char_end));
            let rect = a.union(b).translate(response.rect.min.to_vec2());
            ui.scroll_to_rect(rect, Some(egui::Align::Center));
        }
        self.scroll_pending = false;
    }
}

impl View for Reader {
    /// The reader window; closing it (or the article being gone after a reload) closes the
    /// reader.
    fn ui(&mut self, ui: &mut Ui, view: &ViewContext, actions: &mut Vec<Action>) {
        let store = view.store;
        let Some(article) = store.articles.get(self.article) else {
            actions.push(Action::CloseArticle);
            return;
        };
        let mut open = true;
        egui::Window::new("Article")
            .id(egui::Id::unique("article-reader"))
            .open(&mut open)
            .default_size([560.0, 560.0])
            .default_pos([360.0, 80.0])
            .show(ui.ctx(), |ui| {
                ui.label(RichText::new(&article.title).strong().size(15.0));
                let date = match article.date {
                    Some(d) => format!("{} — date {}", long_date(d), article.date_basis.describe()),
                    None => "date unknown".to_owned(),
                };
                ui.label(RichText::new(format!("{} · {date}", article.outlet_or_unnamed())).weak());
                if let Some(note) = &article.date_note {
                    ui.label(RichText::new(note).small().weak());
                }
                if let Some(rw) = article.rewrite_of.and_then(|i| store.articles.get(i)) {
                    ui.label(
                        RichText::new(format!(
                            "Dated from a rewrite of the same story: {}",
                            rw.title
                        ))
                        .small()
                        .weak(),
                    );
                }
                ui.label(
                    RichText::new(format!("File: {}", article.file))
                        .small()
                        .weak(),
                );
                ui.horizontal(|ui| {
                    let enabled = self.selection.is_some();
                    let response = ui
                        .add_enabled(enabled, egui::Button::new(Command::NewClaim.label(false)))
                        .on_hover_text(Command::NewClaim.hover_text().unwrap_or_default());
                    if response.clicked()
                        && let Some((start, end)) = self.selection
                    {
                        actions.push(Action::NewClaim {
                            article: self.article,
                            start,
                            end,
                        });
                    }
                    if !enabled {
                        ui.label(RichText::new("Select a passage to make a claim of it").weak());
                    }
                });
                ui.separator();
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        self.text(ui, &article.text);
                    });
            });
        if !open {
            actions.push(Action::CloseArticle);
        }
    }
}
