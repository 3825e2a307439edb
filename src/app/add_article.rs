//! "Add article": paste a text or open a file (typed, chosen in a file dialog drawn by egui
//! itself, or dropped onto the window), fill in where it comes from, checked as you type.
//!
//! A file is read and converted on a thread of its own ([`import::Reading`]): the window keeps
//! drawing meanwhile, and a page too large or too deeply nested is refused with a message that
//! names it and says what to do.

use std::path::{Path, PathBuf};
use std::time::Duration;

use egui::{Color32, RichText, Ui};

use super::action::Action;
use super::commands::Command;
use super::panel::{View, ViewContext};
use super::workbench::field;
use crate::edit::Edit;
use crate::edit::form::ArticleForm;
use crate::edit::import::Reading;
use crate::store::{DateBasis, Precision};

/// The kinds of file an article can be read from.
pub const ARTICLE_FILES: [&str; 4] = ["txt", "md", "html", "htm"];

#[derive(Default)]
pub struct AddArticleWindow {
    pub open: bool,
    pub form: ArticleForm,
    /// A `.txt`, `.md`, `.html` or `.htm` file to read the text from.
    pub path: String,
    /// Why the file could not be read.
    pub file_error: Option<String>,
    /// The file being read, off the window's thread.
    pub reading: Option<Reading>,
    /// The file dialog, while it is open.
    dialog: Option<egui_file::FileDialog>,
    /// To wake the window when a file has been read.
    ctx: Option<egui::Context>,
}

impl AddArticleWindow {
    /// Opens the window and starts reading `path` into it (a file read before is forgotten).
    pub fn read(&mut self, path: PathBuf) {
        self.open = true;
        self.path = path.display().to_string();
        self.file_error = None;
        let ctx = self.ctx.clone();
        self.reading = Some(Reading::start(path, move || {
            if let Some(ctx) = ctx {
                ctx.request_repaint();
            }
        }));
    }

    /// Whether a file is being read.
    pub fn is_reading(&self) -> bool {
        self.reading.is_some()
    }

    /// Takes in the file read, once it is.
    fn poll(&mut self, ctx: &egui::Context) {
        let Some(reading) = &self.reading else { return };
        let Some(outcome) = reading.poll() else {
            // The thread wakes the window when done; this is in case it could not.
            ctx.request_repaint_after(Duration::from_millis(100));
            return;
        };
        self.reading = None;
        match outcome {
            Ok(opened) => {
                let f = &mut self.form;
                f.text = opened.text;
                // The file's title, unless one was typed already.
                if let Some(title) = opened.title.filter(|_| f.title.trim().is_empty()) {
                    f.title = title;
                }
                self.file_error = None;
            }
            Err(e) => self.file_error = Some(e.to_string()),
        }
    }

    /// The file dialog: a file chosen in it is read.
    fn dialog(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        let Some(dialog) = &mut self.dialog else {
            return;
        };
        if dialog.show(ctx).selected() {
            if let Some(path) = dialog.path() {
                actions.push(Action::OpenArticleFile(path.to_owned()));
            }
            self.dialog = None;
        } else if !dialog.visible() {
            self.dialog = None;
        }
    }

    /// Opens the file dialog in the folder of the file typed, or else the current folder.
    pub fn browse(&mut self) {
        let typed = Path::new(self.path.trim());
        let start = typed
            .parent()
            .filter(|p| p.is_dir())
            .map(Path::to_path_buf)
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default();
        let mut dialog = egui_file::FileDialog::open_file()
            .initial_path(start)
            .title("Open an article")
            .show_new_folder(false)
            .show_rename(false)
            .show_files_filter(Box::new(|p: &Path| is_article_file(p)));
        dialog.open();
        self.dialog = Some(dialog);
    }
}

/// Whether a file is of a kind an article can be read from (by its extension).
pub fn is_article_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_FILES.contains(&e.to_ascii_lowercase().as_str()))
}

/// Files dropped onto the window this frame: the first is read into "Add article". While
/// files are dragged over the window, it says what a drop does.
pub fn dropped_files(ui: &Ui) -> Vec<Action> {
    let (dropped, hovered) = ui.input(|i| {
        let dropped = i
            .raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .find(|p| !p.as_os_str().is_empty());
        (dropped, !i.raw.hovered_files.is_empty())
    });
    if hovered {
        let rect = ui.ctx().content_rect();
        let painter = ui.ctx().layer_painter(egui::LayerId::new(
            egui::Order::Foreground,
            egui::Id::unique("drop-files"),
        ));
        painter.rect_filled(rect, 0.0, Color32::from_black_alpha(140));
        painter.text(
            rect.center(),
            egui::Align2::CENTER_CENTER,
            crate::present::drop_file_hint(),
            egui::FontId::proportional(20.0),
            Color32::WHITE,
        );
    }
    dropped.map(Action::OpenArticleFile).into_iter().collect()
}

impl View for AddArticleWindow {
    fn ui(&mut self, ui: &mut Ui, view: &ViewContext, actions: &mut Vec<Action>) {
        self.ctx.get_or_insert_with(|| ui.ctx().clone());
        self.poll(ui.ctx());
        self.dialog(ui.ctx(), actions);
        if !self.open {
            return;
        }
        let mut open = true;
        let taken = |id: &str| {
            view.store.articles.iter().any(|a| a.id == id)
                || view
                    .edits
                    .iter()
                    .any(|e| matches!(e, Edit::AddArticle(a) if a.id == id))
        };
        let checked = self.form.check(taken);
        let mut browse = false;
        egui::Window::new(Command::AddArticle.label(false))
            .id(egui::Id::unique("add-article"))
            .open(&mut open)
            .default_size([520.0, 560.0])
            .default_pos([380.0, 60.0])
            .show(ui.ctx(), |ui| {
                let f = &mut self.form;
                field(ui, "Id", &mut f.id);
                field(ui, "Title", &mut f.title);
                field(ui, "Outlet", &mut f.outlet);
                field(ui, "Date", &mut f.date);
                ui.horizontal(|ui| {
                    ui.add_sized([90.0, 18.0], egui::Label::new("Date basis"));
                    for (b, name) in [
                        (DateBasis::Stated, "stated"),
                        (DateBasis::Caption, "caption"),
                        (DateBasis::Rewrite, "rewrite"),
                        (DateBasis::Unknown, "unknown"),
                    ] {
                        ui.radio_value(&mut f.date_basis, b, name);
                    }
                });
                ui.horizontal(|ui| {
                    ui.add_sized([90.0, 18.0], egui::Label::new("Precision"));
                    for p in [Precision::Day, Precision::Week, Precision::Month] {
                        ui.radio_value(&mut f.date_precision, p, p.label());
                    }
                });
                field(ui, "URL", &mut f.url);
                field(ui, "Language", &mut f.language);
                ui.horizontal(|ui| {
                    let l = ui.add_sized([90.0, 18.0], egui::Label::new("File"));
                    ui.add(egui::TextEdit::singleline(&mut self.path).desired_width(240.0))
                        .labelled_by(l.id);
                    let idle = self.reading.is_none();
                    if ui
                        .add_enabled(idle, egui::Button::new("Open file"))
                        .clicked()
                    {
                        actions.push(Action::OpenArticleFile(self.path.trim().into()));
                    }
                    browse = ui
                        .add_enabled(idle, egui::Button::new("Browse…"))
                        .on_hover_text(
                            "Choose a .txt, .md or .html file (or drop one on the window)",
                        )
                        .clicked();
                });
                if let Some(r) = &self.reading {
                    ui.label(RichText::new(format!("Reading {}…", r.name())).weak());
                } else if let Some(e) = &self.file_error {
                    ui.colored_label(Color32::from_rgb(200, 30, 30), e);
                }
                let l = ui.label("Text (stored exactly as it is here)");
                egui::ScrollArea::vertical()
                    .max_height(220.0)
                    .show(ui, |ui| {
                        ui.add(
                            egui::TextEdit::multiline(&mut f.text)
                                .desired_rows(10)
                                .desired_width(f32::INFINITY),
                        )
                        .labelled_by(l.id);
                    });
                ui.separator();
                match &checked {
                    Err(problems) => {
                        for p in problems {
                            ui.label(
                                RichText::new(format!("• {p}"))
                                    .color(Color32::from_rgb(170, 60, 0)),
                            );
                        }
                        ui.add_enabled(false, egui::Button::new("Add"));
                    }
                    Ok(article) => {
                        ui.label(format!("The text goes to {}.", article.file()));
                        if ui.button("Add").clicked() {
                            actions.push(Action::Edit(Edit::AddArticle(article.clone())));
                            *f = ArticleForm::default();
                            self.path.clear();
                            actions.push(Action::ToggleAddArticle);
                        }
                    }
                }
            });
        if browse {
            self.browse();
        }
        if !open {
            actions.push(Action::ToggleAddArticle);
        }
    }
}
