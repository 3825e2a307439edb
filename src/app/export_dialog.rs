//! The Export dialog: a path field prefilled with a file name in the current directory (or the
//! home directory when that is the data directory: the app writes into the data only where the
//! user says so), an Export button, and for the video a progress bar with Cancel.
//!
//! The data formats are written here, whole or not at all ([`AtomicFile`]). The video is drawn
//! by `frontline export video` in a process of its own (its own window, the pointer kept out),
//! which reports "frame N/M" lines read here; Cancel ends that process and removes its
//! temporary file. A system save-file dialog (`rfd`) is not used: its GTK backend needs GTK's
//! libraries to build, and its portal backend a desktop portal running, which an Xvfb or bare
//! X11 session lacks; a path field works everywhere.

use std::ffi::OsString;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;

use egui::{RichText, Ui};

use super::action::Action;
use super::panel::{View, ViewContext};
use crate::export::target::ExportTarget;
use crate::export::video::{Progress, VideoFormat};
use crate::export::{ExportOptions, export_to_file};
use crate::output::remove_temp_files;
use crate::store::Store;
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
    Running {
        child: Child,
        progress: Arc<Progress>,
    },
    Done(String),
    Failed(String),
}

/// The open dialog.
pub struct ExportDialog {
    pub target: ExportTarget,
    pub path: String,
    state: State,
}

impl ExportDialog {
    pub fn new(target: ExportTarget, data_dir: Option<&Path>) -> ExportDialog {
        ExportDialog {
            target,
            path: default_path(target, data_dir).display().to_string(),
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

    pub fn is_running(&self) -> bool {
        matches!(self.state, State::Running { .. })
    }

    /// Writes the export: at once for the data formats, in a child process for the video,
    /// which shows what the app shows: its hidden actors and "stated only" (`filters`).
    pub fn run(
        &mut self,
        store: &Store,
        data_dir: Option<&Path>,
        selected: Option<&str>,
        filters: &Filters,
    ) {
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
            ExportTarget::Video(format) => {
                match start_video(
                    &path,
                    format,
                    video_args(&path, data_dir, selected, filters),
                ) {
                    Ok((child, progress)) => State::Running { child, progress },
                    Err(e) => State::Failed(e.to_string()),
                }
            }
        };
    }

    /// Stops a running video and removes its unfinished file.
    pub fn cancel(&mut self) {
        if let State::Running { child, .. } = &mut self.state {
            let _ = child.kill();
            let _ = child.wait();
            let path = PathBuf::from(self.path.trim());
            remove_temp_files(&path, child.id());
            self.state = State::Failed("Cancelled; nothing was written.".to_owned());
        }
    }

    /// Notices that a running video has ended.
    fn poll(&mut self) {
        let State::Running { child, .. } = &mut self.state else {
            return;
        };
        let Ok(Some(status)) = child.try_wait() else {
            return;
        };
        let mut err = String::new();
        if let Some(mut e) = child.stderr.take() {
            let _ = std::io::Read::read_to_string(&mut e, &mut err);
        }
        let path = self.path.trim().to_owned();
        self.state = if status.success() {
            let bytes = std::fs::metadata(&path).map_or(0, |m| m.len());
            State::Done(format!("Wrote {path} ({bytes} bytes)"))
        } else {
            let line = err
                .lines()
                .find(|l| l.starts_with("error:"))
                .unwrap_or("the export stopped");
            State::Failed(line.to_owned())
        };
    }
}

impl Drop for ExportDialog {
    /// Closing the app or the dialog ends a running video export.
    fn drop(&mut self) {
        self.cancel();
    }
}

/// The arguments of `frontline export video` for the dialog: the file, the data, the selected
/// place and the app's filters (hidden actors by id, "stated only").
pub fn video_args(
    path: &Path,
    data_dir: Option<&Path>,
    selected: Option<&str>,
    filters: &Filters,
) -> Vec<OsString> {
    let mut args: Vec<OsString> = ["export", "video", "--progress-lines", "--out"]
        .map(OsString::from)
        .into();
    args.push(path.into());
    if let Some(dir) = data_dir {
        args.extend([OsString::from("--data"), dir.as_os_str().to_owned()]);
    }
    if let Some(id) = selected {
        args.extend([OsString::from("--select"), OsString::from(id)]);
    }
    for actor in &filters.hidden {
        args.extend([OsString::from("--hide"), OsString::from(actor)]);
    }
    if filters.stated_only {
        args.push(OsString::from("--stated-only"));
    }
    args
}

/// Why the video export could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("name the file .{0} to export this video")]
    Extension(&'static str),
    #[error(transparent)]
    Output(#[from] crate::output::OutputError),
    #[error("cannot find the frontline program: {0}")]
    Program(std::io::Error),
    #[error("cannot start the video export: {0}")]
    Spawn(std::io::Error),
}

/// Runs `frontline export video --progress-lines` with `args` (see [`video_args`]) and reads
/// its progress on a thread.
fn start_video(
    path: &Path,
    format: VideoFormat,
    args: Vec<OsString>,
) -> Result<(Child, Arc<Progress>), StartError> {
    if VideoFormat::of_path(path) != Ok(format) {
        return Err(StartError::Extension(format.extension()));
    }
    crate::output::check_destination(path)?;
    let exe = std::env::current_exe().map_err(StartError::Program)?;
    let mut cmd = Command::new(exe);
    cmd.args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().map_err(StartError::Spawn)?;
    let progress = Progress::new(0);
    if let Some(stdout) = child.stdout.take() {
        let progress = progress.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some((done, total)) = parse_progress(&line) {
                    progress.set_total(total);
                    progress.set_done(done);
                }
            }
            progress.finish();
        });
    }
    Ok((child, progress))
}

/// "frame 12/41" → (12, 41).
fn parse_progress(line: &str) -> Option<(usize, usize)> {
    let (done, total) = line.strip_prefix("frame ")?.split_once('/')?;
    Some((done.trim().parse().ok()?, total.trim().parse().ok()?))
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
                    let filters =
                        crate::present::filters_in_effect(view.store, view.scene.filters());
                    if let Some(filters) = filters {
                        ui.label(RichText::new(format!("As the map shows it: {filters}.")).weak());
                    }
                }
                if let State::Running { progress, .. } = &self.state {
                    let (done, total) = (progress.done(), progress.total());
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
                    ui.label(
                        RichText::new("The frames are drawn in a window of their own.").weak(),
                    );
                    ui.ctx()
                        .request_repaint_after(std::time::Duration::from_millis(200));
                    if ui.button("Cancel").clicked() {
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

    #[test]
    fn the_video_is_asked_for_with_the_apps_filters() {
        let mut filters = Filters::default();
        filters.toggle_actor("islamic_state");
        filters.stated_only = true;
        let args = video_args(Path::new("r.gif"), None, Some("abu_kamal"), &filters);
        let cli = <crate::cli::Cli as clap::Parser>::try_parse_from(
            std::iter::once(OsString::from("frontline")).chain(args),
        )
        .expect("the command line parses");
        let Some(crate::cli::Command::Export(export)) = cli.command else {
            panic!("not an export");
        };
        assert_eq!(export.filters.hide, ["islamic_state"]);
        assert!(export.filters.stated_only);
        assert_eq!(export.select.as_deref(), Some("abu_kamal"));
        let none = video_args(Path::new("r.gif"), None, None, &Filters::default());
        assert!(!none.iter().any(|a| a == "--hide" || a == "--stated-only"));
    }

    #[test]
    fn progress_lines_parse() {
        assert_eq!(parse_progress("frame 12/41"), Some((12, 41)));
        assert_eq!(parse_progress("wrote x"), None);
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
