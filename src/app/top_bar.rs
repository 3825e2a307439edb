//! The top bar: what is loaded and from where, the control chart toggle and
//! the problems button.

use egui::{Color32, RichText, Ui};

use super::action::Action;
use super::commands::{self, Command};
use super::panel::{View, ViewContext};
use crate::app::state::toggles::Toggle;
use crate::export::target::ExportTarget;
use crate::present;
use crate::view::bidi;
use crate::view::search::SearchIndex;

/// The top bar, with the place search's text and index.
#[derive(Default)]
pub(crate) struct TopBar {
    query: String,
    /// Built on first use from the store shown; dropped when the data is reloaded.
    index: Option<SearchIndex>,
    /// Put the keyboard in the search field on the next frame (Ctrl+F).
    focus: bool,
}

/// How many matches the search's drop-down lists.
const SEARCH_HITS: usize = 8;

impl TopBar {
    /// Ctrl+F: the next frame puts the keyboard in the search field.
    pub fn focus_search(&mut self) {
        self.focus = true;
    }

    /// The data was reloaded: the search index is built again.
    pub fn data_changed(&mut self) {
        self.index = None;
    }

    /// The search field, and under it, while there is a query, the places that match it. Enter
    /// or a click selects a place and brings it into view.
    fn search(&mut self, ui: &mut Ui, view: &ViewContext, actions: &mut Vec<Action>) {
        let store = view.store;
        let index = self
            .index
            .get_or_insert_with(|| SearchIndex::new(&store.places));
        let spec = Command::Search.spec();
        let edit = egui::TextEdit::singleline(&mut self.query)
            .hint_text(format!("{} (Ctrl+F)", spec.label))
            .desired_width(200.0);
        let response = ui.add(edit);
        let query = self.query.clone();
        response.widget_info(|| egui::WidgetInfo {
            label: Some(spec.label.to_owned()),
            ..egui::WidgetInfo::text_edit(true, &query, &query, spec.label)
        });
        let response = match Command::Search.hover_text() {
            Some(text) => response.on_hover_text(text),
            None => response,
        };
        if std::mem::take(&mut self.focus) {
            response.request_focus();
        }
        let hits = index.search(&self.query, SEARCH_HITS);
        let mut chosen = None;
        if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            chosen = hits.first().map(|h| h.place);
        }
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) && response.has_focus() {
            self.query.clear();
        }
        if !self.query.trim().is_empty() && chosen.is_none() {
            egui::Area::new(egui::Id::unique("search-hits"))
                .order(egui::Order::Foreground)
                .fixed_pos(response.rect.left_bottom() + egui::vec2(0.0, 2.0))
                .show(ui.ctx(), |ui| {
                    egui::Frame::popup(ui.style()).show(ui, |ui| {
                        ui.set_min_width(response.rect.width());
                        if hits.is_empty() {
                            ui.label(RichText::new("No place by that name").weak());
                        }
                        for hit in &hits {
                            let place = &store.places[hit.place];
                            let text = if hit.alias == place.name {
                                place.name.clone()
                            } else {
                                format!("{} ({})", place.name, bidi::visual_order(hit.alias))
                            };
                            if ui.selectable_label(false, text).clicked() {
                                chosen = Some(hit.place);
                            }
                        }
                    });
                });
        }
        if let Some(p) = chosen {
            actions.push(Action::Select(Some(p)));
            actions.push(Action::CentreOn(p));
            self.query.clear();
        }
    }
}

impl View for TopBar {
    fn ui(&mut self, ui: &mut Ui, view: &ViewContext, actions: &mut Vec<Action>) {
        let store = view.store;
        ui.horizontal(|ui| {
            ui.label(RichText::new("Frontline").strong().size(16.0));
            self.search(ui, view, actions);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let n = store.diagnostics.items.len();
                let label = if n == 0 {
                    "No problems".to_owned()
                } else {
                    format!("{} ({n})", Command::Toggle(Toggle::Problems).label(false))
                };
                let text = if store.diagnostics.error_count() > 0 {
                    RichText::new(label)
                        .color(Color32::from_rgb(200, 30, 30))
                        .strong()
                } else {
                    RichText::new(label)
                };
                commands::labelled_button(ui, Command::Toggle(Toggle::Problems), text, actions);
                commands::toggle(
                    ui,
                    Command::Toggle(Toggle::Chart),
                    view.shown.chart,
                    actions,
                );
                commands::toggle(
                    ui,
                    Command::Toggle(Toggle::Place),
                    view.shown.place,
                    actions,
                );
                commands::toggle(ui, Command::Toggle(Toggle::Feed), view.shown.feed, actions);
                commands::toggle(
                    ui,
                    Command::StatedOnly,
                    view.scene.filters().stated_only,
                    actions,
                );
                let labels = RichText::new(format!(
                    "{}: {}",
                    Command::LabelScript.label(false),
                    view.shown.labels.describe()
                ));
                commands::labelled_button(ui, Command::LabelScript, labels, actions);
                ui.menu_button("Export", |ui| {
                    for command in ExportTarget::ALL.map(Command::Export) {
                        if commands::button(ui, command, false, actions).clicked() {
                            ui.close();
                        }
                    }
                });
                commands::button(ui, Command::Save, false, actions);
                commands::button(ui, Command::AddArticle, false, actions);
                if !view.edits.is_empty() {
                    let n = view.edits.len();
                    ui.label(
                        RichText::new(format!(
                            "* unsaved changes ({n} edit{})",
                            if n == 1 { "" } else { "s" }
                        ))
                        .color(Color32::from_rgb(190, 110, 0))
                        .strong(),
                    );
                }
                commands::button(ui, Command::CompareDayBefore, false, actions);
                // What is loaded and from where, last: it takes the room left between the
                // search and the buttons, cut short (whole on hover) rather than drawn under
                // them.
                let summary = format!("{} · {}", present::summary_short(store), store.origin);
                ui.add(egui::Label::new(RichText::new(&summary).weak()).truncate())
                    .on_hover_text(summary);
            });
        });
    }
}
