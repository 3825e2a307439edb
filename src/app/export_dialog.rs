//! The Export dialog: a path field prefilled with a file name in the current directory (or the
//! home directory when that is the data directory: the app writes into the data only where the
//! user says so), an Export button, and for the video a progress bar with Cancel.
//!
//! The data formats are written here, whole or not at all ([`AtomicFile`]). The video is drawn
//! offscreen on a thread of its own ([`VideoJob`]) as `frontline export video` draws it, while
//! the window keeps drawing; the dialog shows the frames done, and Cancel stops the thread,
//! which leaves no file. A system save-file dialog (`rfd`) is not used: its GTK backend needs GTK's
//! libraries to build, and its portal backend a desktop portal running, which an Xvfb or bare
//! X11 session lacks; a path field works everywhere.

use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

use super::LaunchOptions;
use super::action::Action;
use super::panel::{View, ViewContext};
use super::publish::{Layout, Preset};
use super::video::{VideoJob, VideoSpec};
use crate::export::target::ExportTarget;
use crate::export::video::{self, Schedule, VideoFormat};
use crate::export::{ExportOptions, export_to_file};
use crate::store::{DataSource, Store};
use crate::view::filter::Filters;

/// Where the path field starts: the current directory, unless it is (inside) the data
/// directory, then the home directory.
pub fn default_path(target: ExportTarget, data_dir: Option<&Path>) -> PathBuf {
    let cwd = std::env::current_dir().unwrap_or_default();
    let inside_data = data_dir.is_some_and(|d| {
        let d = d.canonicalize().unwrap_or_else(|_| d.to_owned());
        cwd.canonicalize()
            .unwrap_or_else(|_| cwd.clone())
            .starts_with(d)
    });
    let dir = if inside_data {
        directories::UserDirs::new().map_or(cwd, |u| u.home_dir().to_owned())
    } else {
        cwd
    };
    dir.join(target.default_file_name())
}

enum State {
    Idle,
    Running(VideoJob),
    /// Cancel was pressed: the thread finishes the frame it is drawing and removes its file.
    Cancelling(VideoJob),
    Done(String),
    Failed(String),
}

/// The open dialog.
pub struct ExportDialog {
    pub target: ExportTarget,
    pub path: String,
    /// Video: the frames' size, `WIDTHxHEIGHT`.
    pub size: String,
    /// Video: the time between two frames (`30m`, `6h`, `1d`).
    pub step: String,
    /// Video: the publishing layout (the map with its cards) or the whole window.
    pub layout: Layout,
    /// Video, publishing layout: the title; empty for the default (the story's, else one
    /// made from the data's span), as `--title` is.
    pub title: String,
    state: State,
}

/// What the video is drawn from and how: everything [`ExportDialog::run`] needs of the app.
pub struct VideoSource<'a> {
    /// The data as the app shows it (with its unsaved edits), loaded again on the video's
    /// thread; None when the app cannot tell where its data came from.
    pub data: Option<DataSource>,
    /// The selected place's id.
    pub selected: Option<&'a str>,
    pub filters: &'a Filters,
    /// How far the areas reach, and when a state is stale, as the map draws them.
    pub areas: &'a crate::view::areas::AreaSettings,
}

/// Why the video export could not start: what to fix in the dialog.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("name the file .{0} to export this video")]
    Extension(&'static str),
    #[error(transparent)]
    Output(#[from] crate::output::OutputError),
    #[error(transparent)]
    Ffmpeg(#[from] video::EncodeError),
    #[error("the size must be WIDTHxHEIGHT, e.g. 1280x800")]
    Size,
    #[error(transparent)]
    Schedule(#[from] video::ScheduleError),
    #[error(
        "cannot tell where the data shown was loaded from; export the video with `frontline export video`"
    )]
    NoSource,
}

/// The data as the app shows it: the unsaved edits over its source, else its source, else the
/// bundled data when that is what it shows (`origin` says).
pub fn shown_source(
    edited: Option<DataSource>,
    source: Option<&DataSource>,
    origin: &str,
) -> Option<DataSource> {
    edited.or_else(|| source.cloned()).or_else(|| {
        let bundled = crate::bundled::data_source();
        (bundled.describe() == origin).then_some(bundled)
    })
}

impl ExportDialog {
    pub fn new(target: ExportTarget, data_dir: Option<&Path>) -> ExportDialog {
        ExportDialog {
            target,
            path: default_path(target, data_dir).display().to_string(),
            size: "1280x800".to_owned(),
            step: "6h".to_owned(),
            layout: Layout::Map,
            title: String::new(),
            state: State::Idle,
        }
    }

    /// What the dialog says under the path: "Wrote …", the error, or nothing.
    pub fn status(&self) -> Option<&str> {
        match &self.state {
            State::Done(s) | State::Failed(s) => Some(s),
            _ => None,
        }
    }

    /// A video is being drawn (or is stopping after Cancel).
    pub fn is_running(&self) -> bool {
        matches!(self.state, State::Running(_) | State::Cancelling(_))
    }

    /// Frames done and in all, while a video is being drawn.
    pub fn progress(&self) -> Option<(usize, usize)> {
        match &self.state {
            State::Running(job) | State::Cancelling(job) => {
                Some((job.progress().done(), job.progress().total()))
            }
            _ => None,
        }
    }

    /// Writes the export: at once for the data formats; for the video, starts drawing it on a
    /// thread of its own, showing what the app shows: the selected place, its hidden actors
    /// and "stated only".
    pub fn run(&mut self, store: &Store, video: VideoSource<'_>) {
        if self.is_running() {
            return;
        }
        let path = PathBuf::from(self.path.trim());
        self.state = match self.target {
            ExportTarget::Data { format, daily } => {
                let options = ExportOptions {
                    daily,
                    ..Default::default()
                };
                match export_to_file(store, format, &options, &path) {
                    Ok(bytes) => State::Done(format!("Wrote {} ({bytes} bytes)", path.display())),
                    Err(e) => State::Failed(e.to_string()),
                }
            }
            ExportTarget::Video(format) => match self.start_video(store, &path, format, video) {
                Ok(job) => State::Running(job),
                Err(e) => State::Failed(e.to_string()),
            },
        };
    }

    /// Starts drawing the video on its own thread, or says what is wrong with the fields.
    fn start_video(
        &self,
        store: &Store,
        path: &Path,
        format: VideoFormat,
        video: VideoSource<'_>,
    ) -> Result<VideoJob, StartError> {
        let spec = self.video_spec(store, path, format, &video)?;
        let data = video.data.ok_or(StartError::NoSource)?;
        Ok(VideoJob::start(data, spec))
    }

    /// The video asked for, or what is wrong with the fields.
    fn video_spec(
        &self,
        store: &Store,
        path: &Path,
        format: VideoFormat,
        video: &VideoSource<'_>,
    ) -> Result<VideoSpec, StartError> {
        if VideoFormat::of_path(path) != Ok(format) {
            return Err(StartError::Extension(format.extension()));
        }
        crate::output::check_destination(path)?;
        if format == VideoFormat::Mp4 {
            video::encode::check_ffmpeg(path)?;
        }
        let (width, height) = video::parse_size(&self.size).ok_or(StartError::Size)?;
        let step = video::parse_step(&self.step)?;
        let schedule = Schedule::new(None, None, store.span(), step)?;
        Ok(VideoSpec {
            out: path.to_owned(),
            format,
            schedule,
            fps: 4,
            width,
            height,
            options: LaunchOptions {
                select: video.selected.map(str::to_owned),
                hide: video.filters.hidden.iter().cloned().collect(),
                stated_only: video.filters.stated_only,
                areas: Some(video.areas.clone()),
                ..LaunchOptions::default()
            },
            look: super::screenshot::Look {
                layout: self.layout,
                publish: super::publish::Publish {
                    title: Some(self.title.trim())
                        .filter(|t| !t.is_empty())
                        .map(str::to_owned),
                },
            },
        })
    }

    /// Stops a running video; the dialog says so once its thread has removed the file.
    pub fn cancel(&mut self) {
        self.state = match std::mem::replace(&mut self.state, State::Idle) {
            State::Running(job) => {
                job.cancel();
                State::Cancelling(job)
            }
            other => other,
        };
    }

    /// Notices that a running video has ended.
    fn poll(&mut self) {
        let (State::Running(job) | State::Cancelling(job)) = &mut self.state else {
            return;
        };
        let Some(result) = job.poll() else {
            return;
        };
        let path = job.out().display().to_string();
        self.state = match result {
            Ok(()) => {
                let bytes = std::fs::metadata(&path).map_or(0, |m| m.len());
                State::Done(format!("Wrote {path} ({bytes} bytes)"))
            }
            Err(super::video::VideoError::Cancelled { .. }) => {
                State::Failed("Cancelled; nothing was written.".to_owned())
            }
            Err(e) => State::Failed(e.to_string()),
        };
    }

    /// Waits until a running video has ended (for tests and tools; the window polls instead).
    pub fn wait(&mut self) {
        while self.is_running() {
            self.poll();
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }
}

impl View for ExportDialog {
    fn ui(&mut self, ui: &mut Ui, view: &ViewContext, actions: &mut Vec<Action>) {
        self.poll();
        let mut open = true;
        egui::Window::new("Save an export")
            .id(egui::Id::unique("export-dialog"))
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .default_pos([380.0, 120.0])
            .show(ui.ctx(), |ui| {
                ui.label(RichText::new(self.target.title()).strong());
                ui.horizontal(|ui| {
                    let label = ui.label("Save to");
                    ui.add(
                        egui::TextEdit::singleline(&mut self.path)
                            .desired_width(420.0)
                            .hint_text("a file path"),
                    )
                    .labelled_by(label.id);
                });
                if matches!(self.target, ExportTarget::Video(_)) {
                    let running = self.is_running();
                    ui.add_enabled_ui(!running, |ui| {
                        ui.horizontal(|ui| {
                            let label = ui.label("Size");
                            ui.add(egui::TextEdit::singleline(&mut self.size).desired_width(90.0))
                                .labelled_by(label.id);
                            let label = ui.label("A frame every");
                            ui.add(egui::TextEdit::singleline(&mut self.step).desired_width(50.0))
                                .labelled_by(label.id)
                                .on_hover_text("30m, 6h or 1d");
                        });
                        ui.horizontal(|ui| {
                            for preset in [Preset::Landscape, Preset::Square, Preset::Portrait] {
                                let (w, h) = preset.size();
                                let text = format!("{w}x{h}");
                                if ui.selectable_label(self.size == text, &text).clicked() {
                                    self.size = text;
                                }
                            }
                        });
                        ui.horizontal(|ui| {
                            ui.label("Layout");
                            ui.radio_value(&mut self.layout, Layout::Map, "Map for publishing")
                                .on_hover_text(
                                    "The map filling the frame, with the title, the date, the \
                                     day's changes, a legend and the sources",
                                );
                            ui.radio_value(&mut self.layout, Layout::App, "Whole window");
                        });
                        if self.layout == Layout::Map {
                            ui.horizontal(|ui| {
                                let label = ui.label("Title");
                                ui.add(
                                    egui::TextEdit::singleline(&mut self.title)
                                        .desired_width(380.0)
                                        .hint_text(crate::present::default_title(view.store)),
                                )
                                .labelled_by(label.id)
                                .on_hover_text("Left empty, the story's title or the span shown");
                            });
                        }
                    });
                    let filters =
                        crate::present::filters_in_effect(view.store, view.scene.filters());
                    if let Some(filters) = filters {
                        ui.label(RichText::new(format!("As the map shows it: {filters}.")).weak());
                    }
                }
                if let Some((done, total)) = self.progress() {
                    let fraction = if total == 0 {
                        0.0
                    } else {
                        done as f32 / total as f32
                    };
                    ui.add(
                        egui::ProgressBar::new(fraction)
                            .text(format!("frame {done} of {total}"))
                            .desired_width(480.0),
                    );
                    ui.ctx()
                        .request_repaint_after(std::time::Duration::from_millis(100));
                    if matches!(self.state, State::Cancelling(_)) {
                        ui.label(RichText::new("Cancelling…").weak());
                    } else if ui.button("Cancel").clicked() {
                        actions.push(Action::CancelExport);
                    }
                } else {
                    ui.horizontal(|ui| {
                        if ui.button("Write file").clicked() {
                            actions.push(Action::RunExport);
                        }
                        if ui.button("Close").clicked() {
                            actions.push(Action::CloseExport);
                        }
                    });
                }
                if let Some(status) = self.status() {
                    let colour = match self.state {
                        State::Failed(_) => egui::Color32::from_rgb(200, 30, 30),
                        _ => egui::Color32::from_rgb(0, 110, 60),
                    };
                    ui.label(RichText::new(status).color(colour));
                }
            });
        if !open {
            actions.push(Action::CloseExport);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::ExportFormat;

    fn video_dialog(dir: &Path, size: &str, step: &str) -> ExportDialog {
        let mut dialog = ExportDialog::new(ExportTarget::Video(VideoFormat::Gif), None);
        dialog.path = dir.join("replay.gif").display().to_string();
        dialog.size = size.to_owned();
        dialog.step = step.to_owned();
        dialog
    }

    #[test]
    fn the_video_is_asked_for_with_the_apps_filters_and_fields() {
        let store = Store::load(&crate::bundled::data_source());
        let dir = tempfile::tempdir().unwrap();
        let mut filters = Filters::default();
        filters.toggle_actor("islamic_state");
        filters.stated_only = true;
        let mut areas = crate::view::areas::AreaSettings::default();
        areas.set_reach("town=20").unwrap();
        let source = VideoSource {
            data: None,
            selected: Some("abu_kamal"),
            filters: &filters,
            areas: &areas,
        };
        let dialog = video_dialog(dir.path(), "640x400", "1d");
        let path = dir.path().join("replay.gif");
        let spec = dialog
            .video_spec(&store, &path, VideoFormat::Gif, &source)
            .unwrap();
        assert_eq!(spec.options.hide, ["islamic_state"]);
        assert!(spec.options.stated_only);
        assert_eq!(spec.options.select.as_deref(), Some("abu_kamal"));
        assert_eq!(spec.options.areas.as_ref(), Some(&areas), "the map's reach");
        assert_eq!((spec.width, spec.height), (640, 400));
        assert_eq!(
            spec.schedule.len(),
            11,
            "3 to 12 November, a day apart, and the end"
        );
        assert_eq!(spec.look.layout, Layout::Map, "the publishing layout first");
        assert_eq!(spec.look.publish.title, None, "no title typed: the default");
        let mut titled = video_dialog(dir.path(), "640x400", "1d");
        titled.title = "  The week Abu Kamal fell ".to_owned();
        let spec = titled
            .video_spec(&store, &path, VideoFormat::Gif, &source)
            .unwrap();
        assert_eq!(
            spec.look.publish.title.as_deref(),
            Some("The week Abu Kamal fell")
        );
        let mut window = video_dialog(dir.path(), "1080x1920", "1d");
        window.layout = Layout::App;
        let spec = window
            .video_spec(&store, &path, VideoFormat::Gif, &source)
            .unwrap();
        assert_eq!(spec.look.layout, Layout::App);
        assert_eq!((spec.width, spec.height), Preset::Portrait.size());

        let bad = video_dialog(dir.path(), "big", "1d");
        let err = bad
            .video_spec(&store, &path, VideoFormat::Gif, &source)
            .unwrap_err();
        assert!(err.to_string().contains("WIDTHxHEIGHT"), "{err}");
        let err = dialog
            .video_spec(
                &store,
                &dir.path().join("replay.mp3"),
                VideoFormat::Gif,
                &source,
            )
            .unwrap_err();
        assert!(err.to_string().contains(".gif"), "{err}");
    }

    #[test]
    fn a_video_runs_in_the_apps_process_to_the_end() {
        let store = Store::load(&crate::bundled::data_source());
        let dir = tempfile::tempdir().unwrap();
        let mut dialog = video_dialog(dir.path(), "320x240", "3d");
        let filters = Filters::default();
        dialog.run(
            &store,
            VideoSource {
                data: Some(crate::bundled::data_source()),
                selected: None,
                filters: &filters,
                areas: &Default::default(),
            },
        );
        assert!(dialog.is_running(), "{:?}", dialog.status());
        dialog.wait();
        let status = dialog.status().unwrap_or_default().to_owned();
        assert!(status.starts_with("Wrote "), "{status}");
        let file = std::fs::File::open(dir.path().join("replay.gif")).unwrap();
        let mut options = gif::DecodeOptions::new();
        options.set_color_output(gif::ColorOutput::RGBA);
        let mut decoder = options.read_info(file).unwrap();
        assert_eq!((decoder.width(), decoder.height()), (320, 240));
        let mut frames = 0;
        while decoder.read_next_frame().unwrap().is_some() {
            frames += 1;
        }
        assert_eq!(frames, 5, "3, 6, 9 and 12 November, and the end");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_cancelled_video_leaves_no_file() {
        let store = Store::load(&crate::bundled::data_source());
        let dir = tempfile::tempdir().unwrap();
        let mut dialog = video_dialog(dir.path(), "320x240", "30m");
        let filters = Filters::default();
        dialog.run(
            &store,
            VideoSource {
                data: Some(crate::bundled::data_source()),
                selected: None,
                filters: &filters,
                areas: &Default::default(),
            },
        );
        // Let it draw a frame or two, so that its temporary file exists.
        while dialog.progress().is_some_and(|(done, _)| done < 1) {
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        dialog.cancel();
        assert!(dialog.is_running(), "stopping after the frame being drawn");
        dialog.wait();
        assert_eq!(dialog.status(), Some("Cancelled; nothing was written."));
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            0,
            "neither the video nor its temporary file"
        );
    }

    #[test]
    fn the_default_path_avoids_the_data_directory() {
        let cwd = std::env::current_dir().unwrap();
        let target = ExportTarget::Data {
            format: ExportFormat::Csv,
            daily: false,
        };
        assert_eq!(default_path(target, None), cwd.join("frontline-events.csv"));
        let inside = default_path(target, Some(&cwd));
        assert_ne!(inside.parent(), Some(cwd.as_path()), "{}", inside.display());
        assert!(inside.ends_with("frontline-events.csv"));
    }
}
