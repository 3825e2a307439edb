//! The article reader: an article's full text with a quote highlighted and scrolled to, and
//! the annotation assistant beside it: the places, actors and dates it recognises (hover one
//! for what it means), the sentences that back a claim, and the candidate claims not annotated
//! yet, each to accept into the "New claim" form or to dismiss.
//!
//! One file per job: [`analysis`] (what the assistant finds, once per article and data),
//! [`highlights`] (the marks and their styles, hover lookup), [`layout`] (the text laid out,
//! right-to-left paragraphs in visual order), [`candidates`] (the list).

mod analysis;
pub mod candidates;
mod highlights;
mod layout;

use std::ops::Range;
use std::sync::Arc;

use egui::text::LayoutJob;
use egui::{Galley, RichText, Ui};

use super::action::Action;
use super::commands::{self, Command};
use super::panel::{View, ViewContext};
use crate::app::state::toggles::Toggle;
use crate::assist::Candidate;
use crate::assist::coverage::{Coverage, Quoted, is_annotated};
use crate::present::long_date;
pub use analysis::Analysis;
use highlights::{Hit, Layer, Marks};
use layout::Display;

pub struct Reader {
    pub article: usize,
    /// Byte range of the highlighted quote.
    pub quote: Option<(usize, usize)>,
    /// Scroll to the clicked clause, or else the quote, on the next frame.
    scroll_pending: bool,
    /// The selected passage, in characters of the stored text (start < end), for "New claim".
    pub selection: Option<(usize, usize)>,
    /// The clause of the candidate last clicked in the list, in characters.
    pub focus: Option<(usize, usize)>,
    /// The list shows the dismissed candidates too.
    pub show_dismissed: bool,
    /// What the assistant found, for this article and data.
    analysis: Option<Analysis>,
    /// The text as given to egui, for the width it was laid out at.
    display: Option<(u32, Display)>,
    /// The galley egui made and the same galley with its right-to-left rows moved right.
    aligned: Option<(Arc<Galley>, Arc<Galley>)>,
    /// The coverage shown in the last frame.
    pub coverage: Coverage,
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
            focus: None,
            show_dismissed: false,
            analysis: None,
            display: None,
            aligned: None,
            coverage: Coverage::default(),
        }
    }

    /// Another quote of the same article: what the assistant found is kept.
    pub fn show_quote(&mut self, quote: Option<(usize, usize)>) {
        self.quote = quote;
        self.focus = None;
        self.scroll_pending = true;
    }

    /// Scrolls to a clause (characters) and highlights it.
    pub fn show_clause(&mut self, start: usize, end: usize) {
        self.focus = Some((start, end));
        self.scroll_pending = true;
    }

    /// The data was reloaded: what was found in the old data is dropped.
    pub fn data_changed(&mut self) {
        self.analysis = None;
        self.display = None;
        self.aligned = None;
    }

    /// What the assistant found in the article (after the first frame).
    pub fn analysis(&self) -> Option<&Analysis> {
        self.analysis.as_ref()
    }

    /// The text as given to egui (the article's, with right-to-left lines in visual order),
    /// once laid out.
    pub fn display_text(&self) -> Option<&str> {
        self.display.as_ref().map(|(_, d)| d.text.as_str())
    }

    /// The candidates the list shows as open (neither annotated nor dismissed).
    pub fn open_candidates(&self) -> Vec<&Candidate> {
        let Some(a) = &self.analysis else {
            return Vec::new();
        };
        self.coverage
            .open
            .iter()
            .filter_map(|&i| a.candidates.get(i))
            .collect()
    }

    fn header(&self, ui: &mut Ui, view: &ViewContext, analysis: &Analysis) {
        let store = view.store;
        let article = &store.articles[self.article];
        // An Arabic headline in visual order (egui lays every run out left to right).
        let title = crate::view::bidi::visual_order(&article.title);
        ui.label(RichText::new(title).strong().size(15.0));
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
        let c = &self.coverage;
        ui.label(crate::present::coverage_line(
            c.backing.len(),
            c.sentences,
            candidates::open_claims(&analysis.candidates, &c.open),
        ));
        if let Some(problem) = &analysis.problem {
            ui.label(RichText::new(problem).small().weak());
        }
    }

    /// The text, with its marks; reads the selection and shows what is hovered.
    fn text(
        &mut self,
        ui: &mut Ui,
        view: &ViewContext,
        analysis: &Analysis,
        layers: &[(Range<usize>, Layer)],
    ) {
        let text = &view.store.articles[self.article].text;
        let width = ui.available_width();
        if self
            .display
            .as_ref()
            .is_none_or(|(w, _)| *w != width.to_bits())
        {
            let display = layout::display_for_width(ui, text, width);
            self.display = Some((width.to_bits(), display));
        }
        let Some((_, display)) = &self.display else {
            return;
        };
        let made = ui
            .painter()
            .layout_job(layout::job(display, layers, analysis.chars, width));
        let galley = if display.rtl_lines.is_empty() {
            made
        } else {
            match &self.aligned {
                Some((from, aligned)) if Arc::ptr_eq(from, &made) => aligned.clone(),
                _ => {
                    let mut g = (*made).clone();
                    layout::align_right(&mut g, display, width);
                    let aligned = Arc::new(g);
                    self.aligned = Some((made, aligned.clone()));
                    aligned
                }
            }
        };
        // A read-only text field rather than a label: its selection can be read (and set).
        let mut layouter = |_: &Ui, _: &dyn egui::TextBuffer, _: f32| galley.clone();
        let mut read_only: &str = &display.text;
        let output = egui::TextEdit::multiline(&mut read_only)
            .id(text_id())
            .frame(egui::Frame::NONE)
            .desired_width(f32::INFINITY)
            .layouter(&mut layouter)
            .show(ui);
        self.selection = output.state.cursor.char_range().and_then(|r| {
            let (a, b) = (r.primary.index.0, r.secondary.index.0);
            display.selection_to_logical(a.min(b), a.max(b))
        });
        let origin = output.galley_pos.to_vec2();
        let response = output.response.response;
        if view.shown.highlights
            && let Some(pos) = response.hover_pos()
            && let Some(c) = layout::char_at(&galley, (pos - origin).to_vec2())
            && let Some(hit) = analysis.index.at(&analysis.mentions, display.to_logical(c))
        {
            let said = match hit {
                Hit::Place(p) => crate::present::place_mention_sentence(p),
                Hit::Actor(a) => crate::present::actor_mention_sentence(view.store, a),
                Hit::Date(d) => crate::present::date_mention_sentence(d),
            };
            response.on_hover_text_at_pointer(said);
        }
        if self.scroll_pending {
            let target = self
                .focus
                .or_else(|| quote_chars(text, self.quote).map(|r| (r.start, r.end)));
            let rect = target.and_then(|(s, e)| {
                display
                    .to_display(s..e)
                    .into_iter()
                    .map(|r| layout::rect_of(&galley, r))
                    .reduce(|a, b| a.union(b))
            });
            if let Some(rect) = rect {
                ui.scroll_to_rect(rect.translate(origin), Some(egui::Align::Center));
            }
            self.scroll_pending = false;
        }
    }
}

/// The quote's characters, from its bytes.
fn quote_chars(text: &str, quote: Option<(usize, usize)>) -> Option<Range<usize>> {
    let (s, e) = quote?;
    let start = text.get(..s)?.chars().count();
    Some(start..start + text.get(s..e)?.chars().count())
}

/// What each style in the text means, in the style itself.
fn key(ui: &mut Ui) {
    let entry = |marks: Marks, text: &str| {
        let mut f = highlights::format(marks);
        f.font_id = egui::FontId::proportional(12.0);
        let mut job = LayoutJob::default();
        job.append(text, 0.0, f);
        job
    };
    let m = Marks::default();
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 10.0;
        ui.label(RichText::new("Key:").small().weak());
        for (marks, text) in [
            (Marks { place: true, ..m }, "place"),
            (
                Marks {
                    new_place: true,
                    ..m
                },
                "place not in the data yet",
            ),
            (
                Marks {
                    actor: Some(highlights::SOME_ACTOR),
                    ..m
                },
                "actor (in its colour)",
            ),
            (Marks { date: true, ..m }, "date phrase"),
            (Marks { backs: true, ..m }, "backs a claim"),
            (Marks { open: true, ..m }, "open candidate"),
            (Marks { quote: true, ..m }, "quote"),
        ] {
            ui.add(egui::Label::new(entry(marks, text)).wrap_mode(egui::TextWrapMode::Extend));
        }
        ui.label(
            RichText::new("Hover a name or a date for what it means")
                .small()
                .weak(),
        );
    });
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
        let analysis = match self.analysis.take() {
            Some(a) if a.article == self.article => a,
            _ => {
                self.display = None;
                self.aligned = None;
                Analysis::new(store, self.article)
            }
        };
        // The quotes of the article, saved and in the edit session, decide what is open.
        let mut quotes = analysis.store_quotes.clone();
        quotes.extend(candidates::session_quotes(
            &article.text,
            &article.id,
            view.edits,
        ));
        let quoted = Quoted::new(quotes);
        let dismissed = |c: &Candidate| view.dismissed.iter().any(|d| d.is(&article.id, c));
        self.coverage = Coverage::new(
            &analysis.sentences,
            &quoted,
            &analysis.candidates,
            dismissed,
        );
        let dismissed_rows: Vec<usize> = (0..analysis.candidates.len())
            .filter(|&i| {
                let c = &analysis.candidates[i];
                !is_annotated(c, &quoted) && dismissed(c)
            })
            .collect();
        let mut layers: Vec<(Range<usize>, Layer)> = Vec::new();
        if view.shown.highlights {
            layers.extend(
                self.coverage
                    .backing
                    .iter()
                    .map(|r| (r.clone(), Layer::Backs)),
            );
            layers.extend(self.coverage.open.iter().map(|&i| {
                let c = &analysis.candidates[i];
                (c.start..c.end, Layer::Open)
            }));
            layers.extend(analysis.mention_layers.iter().cloned());
        }
        if let Some(q) = quote_chars(&article.text, self.quote) {
            layers.push((q, Layer::Quote));
        }
        if let Some((s, e)) = self.focus {
            layers.push((s..e, Layer::Focus));
        }

        let mut open = true;
        egui::Window::new("Article")
            .id(egui::Id::unique("article-reader"))
            .open(&mut open)
            .default_size([640.0, 640.0])
            .default_pos([330.0, 60.0])
            .show(ui.ctx(), |ui| {
                self.header(ui, view, &analysis);
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
                    ui.separator();
                    commands::checkbox(
                        ui,
                        Command::Toggle(Toggle::Highlights),
                        view.shown.highlights,
                        actions,
                    );
                });
                if view.shown.highlights {
                    key(ui);
                }
                ui.separator();
                candidates::list(
                    ui,
                    &candidates::ListInput {
                        store,
                        article: self.article,
                        candidates: &analysis.candidates,
                        open: &self.coverage.open,
                        dismissed: &dismissed_rows,
                        show_dismissed: self.show_dismissed,
                    },
                    actions,
                );
                ui.separator();
                egui::ScrollArea::vertical()
                    .id_salt("reader-text")
                    .auto_shrink([false, false])
                    .show(ui, |ui| self.text(ui, view, &analysis, &layers));
            });
        self.analysis = Some(analysis);
        if !open {
            actions.push(Action::CloseArticle);
        }
    }
}
