//! The app in a window of its own (eframe): persistence, the window title, and
//! `frontline screenshot`.

use std::path::PathBuf;

use egui::Ui;

use super::screenshot::{self, ScreenshotError};
use super::{FrontlineApp, LaunchOptions, Persisted};
use crate::store::{DataSource, Store};

/// Why the app could not run, or did not do what it was asked.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error("cannot open the window: {0}")]
    Window(#[from] eframe::Error),
    #[error(transparent)]
    Screenshot(#[from] ScreenshotError),
}

/// The eframe wrapper: persistence and the window title.
pub struct NativeApp {
    pub app: FrontlineApp,
    title: String,
}

impl eframe::App for NativeApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let title = self.app.title();
        if title != self.title {
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
        self.app.ui(ui);
        crate::startup::frame_done();
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.app.screenshot.is_none() {
            eframe::set_value(storage, eframe::APP_KEY, &self.app.persisted());
        }
    }
}

/// Opens the window on a loaded store; `source` is where it came from, watched for changes.
/// With `screenshot`: render, write the PNG and quit; an error when it could not be written.
pub fn run(
    store: Store,
    source: DataSource,
    options: LaunchOptions,
    screenshot: Option<(PathBuf, egui::Vec2)>,
    story: Option<super::story::StoryAt>,
) -> Result<(), RunError> {
    for d in store.diagnostics.errors().take(20) {
        eprintln!("{d}");
    }
    let size = screenshot
        .as_ref()
        .map_or(egui::vec2(1280.0, 800.0), |(_, s)| *s);
    let mut viewport = egui::ViewportBuilder::default()
        .with_inner_size(size)
        .with_min_inner_size([800.0, 500.0])
        .with_title("Frontline");
    if screenshot.is_some() {
        viewport = viewport.with_resizable(false);
    }
    // The app's own state lives in the platform's config directory, never beside the data.
    let persistence_path = directories::ProjectDirs::from("org", "Frontline", "frontline")
        .map(|d| d.config_dir().join("app.ron"));
    let native = eframe::NativeOptions {
        viewport,
        persist_window: screenshot.is_none(),
        persistence_path,
        ..Default::default()
    };
    let job = screenshot
        .as_ref()
        .map(|(out, _)| screenshot::Job::new(out.clone()));
    let outcome = job.as_ref().map(screenshot::Job::outcome);
    eframe::run_native(
        "frontline",
        native,
        Box::new(move |cc| {
            let persisted = if job.is_none() {
                cc.storage
                    .and_then(|s| eframe::get_value::<Persisted>(s, eframe::APP_KEY))
            } else {
                None
            };
            let mut app = FrontlineApp::new(store, &options, persisted);
            app.apply(story.map(super::Action::GoToStep));
            if job.is_none()
                && let Err(e) = app.watch(source, Some(cc.egui_ctx.clone()))
            {
                eprintln!("warning: {e}; live reload is off");
            }
            app.screenshot = job;
            cc.egui_ctx.set_visuals(egui::Visuals::light());
            Ok(Box::new(NativeApp {
                title: String::new(),
                app,
            }))
        }),
    )?;
    if let (Some(outcome), Some((out, _))) = (outcome, &screenshot) {
        screenshot::Job::result(&outcome, out)?;
    }
    Ok(())
}
