//! The app in a window of its own (eframe): persistence, the window title, and
//! `frontline screenshot`.

use std::path::PathBuf;

use egui::Ui;

use super::screenshot::{self, ScreenshotError};
use super::video;
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

/// What the window is opened for, besides the user: one frame to a PNG, or the replay to a
/// video. Either way the window has a fixed size, remembers nothing and closes when done.
pub enum Capture {
    Screenshot { out: PathBuf, size: egui::Vec2 },
    Video { job: video::Job, size: egui::Vec2 },
}

impl Capture {
    fn size(&self) -> egui::Vec2 {
        match self {
            Capture::Screenshot { size, .. } | Capture::Video { size, .. } => *size,
        }
    }
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

    /// While a screenshot or a video's frames are taken, the real pointer does not exist:
    /// wherever it happens to be, the picture shows no hover highlight and no tooltip (and a
    /// video's frames take no keys).
    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        if self.app.capture.video.is_some() {
            raw_input
                .events
                .retain(|e| !matches!(e, egui::Event::Key { .. }));
        }
        if self.app.capture.screenshot.is_some() || self.app.capture.video.is_some() {
            screenshot::without_pointer(raw_input);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.app.capture.screenshot.is_none() && self.app.capture.video.is_none() {
            eframe::set_value(storage, eframe::APP_KEY, &self.app.persisted());
        }
    }
}

/// Opens the window on a loaded store; `source` is where it came from, watched for changes.
/// With a [`Capture`]: render, write the PNG or the video's frames and quit; an error when the
/// PNG could not be written (the video's encoder reports through its own handle).
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
    let size = capture
        .as_ref()
        .map_or(egui::vec2(1280.0, 800.0), Capture::size);
    let mut viewport = egui::ViewportBuilder::default()
        .with_inner_size(size)
        .with_min_inner_size([800.0, 500.0])
        .with_title("Frontline");
    if capture.is_some() {
        viewport = viewport.with_resizable(false);
    }
    // The app's own state lives in the platform's config directory, never beside the data.
    let persistence_path = directories::ProjectDirs::from("org", "Frontline", "frontline")
        .map(|d| d.config_dir().join("app.ron"));
    let native = eframe::NativeOptions {
        viewport,
        persist_window: capture.is_none(),
        persistence_path,
        ..Default::default()
    };
    let (job, video, shot) = match capture {
        Some(Capture::Screenshot { out, .. }) => {
            (Some(screenshot::Job::new(out.clone())), None, Some(out))
        }
        Some(Capture::Video { job, .. }) => (None, Some(job), None),
        None => (None, None, None),
    };
    let outcome = job.as_ref().map(screenshot::Job::outcome);
    let capturing = job.is_some() || video.is_some();
    eframe::run_native(
        "frontline",
        native,
        Box::new(move |cc| {
            let persisted = if !capturing {
                cc.storage
                    .and_then(|s| eframe::get_value::<Persisted>(s, eframe::APP_KEY))
            } else {
                None
            };
            let mut app = FrontlineApp::new(store, &options, persisted);
            app.apply(story.map(super::Action::GoToStep));
            if !capturing && let Err(e) = app.watch(source, Some(cc.egui_ctx.clone())) {
                eprintln!("warning: {e}; live reload is off");
            }
            app.capture.screenshot = job;
            if let Some(v) = &video {
                app.replay.set_cursor(v.first_instant());
            }
            app.capture.video = video;
            cc.egui_ctx.set_visuals(egui::Visuals::light());
            Ok(Box::new(NativeApp {
                title: String::new(),
                app,
            }))
        }),
    )?;
    if let (Some(outcome), Some(out)) = (outcome, &shot) {
        screenshot::Job::result(&outcome, out)?;
    }
    Ok(())
}
