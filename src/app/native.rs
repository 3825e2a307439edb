//! The app in a window of its own (eframe): persistence and the window title.
//! `frontline screenshot` opens no window: it is drawn offscreen ([`super::screenshot`]).

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

/// What the app is started for instead of the user: one frame to a PNG, drawn offscreen at
/// `size` (no window opens, and the app's saved state is not read).
pub enum Capture {
    Screenshot {
        out: PathBuf,
        size: egui::Vec2,
        look: screenshot::Look,
    },
}

/// The eframe wrapper: persistence and the window title.
pub(crate) struct NativeApp {
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
        eframe::set_value(storage, eframe::APP_KEY, &self.app.persisted());
    }
}

/// Opens the window on a loaded store; `source` is where it came from, watched for changes.
/// With a [`Capture`], no window: the PNG is drawn offscreen and written, or the error why not.
pub fn run(
    store: Store,
    source: DataSource,
    options: LaunchOptions,
    capture: Option<Capture>,
    story: Option<crate::view::story::StoryAt>,
) -> Result<(), RunError> {
    for d in store.diagnostics.errors().take(20) {
        eprintln!("{d}");
    }
    if let Some(Capture::Screenshot { out, size, look }) = capture {
        let size = (size.x.round() as u32, size.y.round() as u32);
        return Ok(screenshot::take(store, &options, story, &out, size, &look)?);
    }
    let viewport = egui::ViewportBuilder::default()
        .with_inner_size(egui::vec2(1280.0, 800.0))
        .with_min_inner_size([800.0, 500.0])
        .with_title("Frontline");
    // The app's own state lives in the platform's config directory, never beside the data.
    let persistence_path = directories::ProjectDirs::from("org", "Frontline", "frontline")
        .map(|d| d.config_dir().join("app.ron"));
    let native = eframe::NativeOptions {
        viewport,
        persistence_path,
        ..Default::default()
    };
    eframe::run_native(
        "frontline",
        native,
        Box::new(move |cc| {
            let persisted = cc
                .storage
                .and_then(|s| eframe::get_value::<Persisted>(s, eframe::APP_KEY));
            let mut app = FrontlineApp::new(store, &options, persisted);
            app.apply(story.map(super::Action::GoToStep));
            if let Err(e) = app.watch(source, Some(cc.egui_ctx.clone())) {
                eprintln!("warning: {e}; live reload is off");
            }
            cc.egui_ctx.set_visuals(egui::Visuals::light());
            Ok(Box::new(NativeApp {
                title: String::new(),
                app,
            }))
        }),
    )?;
    Ok(())
}
