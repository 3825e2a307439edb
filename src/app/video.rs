//! The replay as a video, drawn offscreen ([`super::offscreen`]) in the process that asks for
//! it: `frontline export video` on the terminal, the Export dialog on a thread of its own while
//! the window keeps drawing. For each instant of the [`Schedule`] the cursor moves and the app
//! is drawn at the size asked for; the frames go to a thread that encodes them ([`Encoder`]),
//! so drawing and encoding overlap. A frame shows no pointer, so no hover or tooltip.
//!
//! Cancelling (Ctrl+C, the dialog's Cancel) is noticed between frames; the encoder then drops
//! its temporary file, so nothing is left where the video would have been.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, sync_channel};
use std::thread::JoinHandle;

use super::offscreen::{Offscreen, Passes, rgba};
use super::publish::Drawn;
use super::screenshot::{Look, frame_ui};
use super::{FrontlineApp, LaunchOptions};
use crate::export::video::{EncodeError, Encoder, Progress, Schedule, VideoFormat, gif_delay};
use crate::store::{DataSource, Store};

/// Why no video was written. Each names the file and says what to do.
#[derive(Debug, thiserror::Error)]
pub enum VideoError {
    #[error(transparent)]
    Encode(#[from] EncodeError),
    #[error(
        "no video was written to {}: the encoder stopped after {done} of {total} frames; try again",
        path.display()
    )]
    Incomplete {
        path: PathBuf,
        done: usize,
        total: usize,
    },
    #[error("no video was written to {}: cancelled", path.display())]
    Cancelled { path: PathBuf },
    #[error("no video was written to {}: the export stopped unexpectedly; try again", path.display())]
    Crashed { path: PathBuf },
}

/// What a video is: where it goes, its instants, speed and size, and how the app is set up
/// for every frame (the selected place, the filters).
#[derive(Debug, Clone)]
pub struct VideoSpec {
    pub out: PathBuf,
    pub format: VideoFormat,
    pub schedule: Schedule,
    pub fps: u32,
    pub width: u32,
    pub height: u32,
    pub options: LaunchOptions,
    /// The publishing layout (the default) or the app's whole window.
    pub look: Look,
}

/// Draws every frame of `spec` over `store` and encodes them into `spec.out`, reporting to
/// `progress` (frames encoded) and stopping when it is cancelled. The file is in place only
/// when every frame is in it.
pub fn render(store: Store, spec: &VideoSpec, progress: &Progress) -> Result<(), VideoError> {
    let total = spec.schedule.len();
    progress.set_total(total);
    // Two frames in flight at most: a 1280x800 frame is 4 MB.
    let (tx, rx) = sync_channel::<Vec<u8>>(2);
    let encoder = {
        let spec = spec.clone();
        std::thread::spawn(move || encode(&spec, total, &rx))
    };
    let mut app = FrontlineApp::new(store, &spec.options, None);
    let mut screen = Offscreen::new(spec.width, spec.height)
        .with_scale(spec.look.pixels_per_point((spec.width, spec.height)));
    let mut drawn = Drawn::default();
    let mut sent = 0;
    for i in 0..total {
        if progress.is_cancelled() {
            break;
        }
        app.replay.playing = false;
        app.replay.set_cursor(spec.schedule.at(i));
        let passes = if i == 0 { Passes::FIRST } else { Passes::NEXT };
        let image = screen.frame(passes, |ui| frame_ui(&mut app, ui, &spec.look, &mut drawn));
        if tx.send(rgba(&image)).is_err() {
            break; // the encoder failed: its error says why
        }
        sent += 1;
        progress.set_done(sent);
    }
    // Once every frame is sent the video is complete, whatever was asked meanwhile.
    let cancelled = sent < total && progress.is_cancelled();
    // The encoder sees the end of the frames: fewer than `total` when cancelled, and then it
    // drops its temporary file.
    drop(tx);
    let encoded = encoder.join().unwrap_or_else(|_| {
        Err(VideoError::Crashed {
            path: spec.out.clone(),
        })
    });
    if cancelled {
        return Err(VideoError::Cancelled {
            path: spec.out.clone(),
        });
    }
    encoded
}

/// The encoding thread: frames in order until the sender is dropped; the file is committed
/// only when all `total` frames came.
fn encode(spec: &VideoSpec, total: usize, frames: &Receiver<Vec<u8>>) -> Result<(), VideoError> {
    let mut encoder = Encoder::create(&spec.out, spec.format, spec.width, spec.height, spec.fps)?;
    let mut done = 0;
    for frame in frames {
        encoder.push(&frame, gif_delay(spec.fps))?;
        done += 1;
    }
    if done == total {
        Ok(encoder.finish()?)
    } else {
        // Dropped unfinished: its temporary file goes with it.
        Err(VideoError::Incomplete {
            path: spec.out.clone(),
            done,
            total,
        })
    }
}

/// A video being drawn on a thread of its own (the app's Export dialog): the window keeps
/// drawing and shows [`VideoJob::progress`].
pub struct VideoJob {
    progress: Arc<Progress>,
    out: PathBuf,
    thread: Option<JoinHandle<Result<(), VideoError>>>,
}

impl VideoJob {
    /// Loads `source` on the thread (the app keeps its own store) and draws `spec` from it.
    pub fn start(source: DataSource, spec: VideoSpec) -> VideoJob {
        let progress = Progress::new(spec.schedule.len());
        let out = spec.out.clone();
        let thread = {
            let progress = progress.clone();
            std::thread::Builder::new()
                .name("video export".to_owned())
                .spawn(move || {
                    let store = Store::load(&source);
                    let result = render(store, &spec, &progress);
                    progress.finish();
                    result
                })
        };
        match thread {
            Ok(thread) => VideoJob {
                progress,
                out,
                thread: Some(thread),
            },
            Err(_) => {
                progress.finish();
                VideoJob {
                    progress,
                    out,
                    thread: None,
                }
            }
        }
    }

    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// The destination.
    pub fn out(&self) -> &Path {
        &self.out
    }

    /// Asks the thread to stop after the frame it is drawing.
    pub fn cancel(&self) {
        self.progress.cancel();
    }

    /// The outcome once the thread has ended, without waiting.
    pub fn poll(&mut self) -> Option<Result<(), VideoError>> {
        if self.thread.as_ref().is_some_and(|t| !t.is_finished()) {
            return None;
        }
        Some(self.join())
    }

    /// Waits for the thread to end.
    pub fn wait(mut self) -> Result<(), VideoError> {
        self.join()
    }

    fn join(&mut self) -> Result<(), VideoError> {
        let crashed = || VideoError::Crashed {
            path: self.out.clone(),
        };
        match self.thread.take() {
            Some(thread) => thread.join().unwrap_or_else(|_| Err(crashed())),
            None => Err(crashed()),
        }
    }
}

impl Drop for VideoJob {
    /// A job dropped while running (the dialog or the app closed) stops, and is waited for so
    /// that its temporary file is gone before the process ends.
    fn drop(&mut self) {
        if let Some(thread) = self.thread.take() {
            self.progress.cancel();
            let _ = thread.join();
        }
    }
}
