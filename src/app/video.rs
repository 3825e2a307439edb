//! `frontline export video`: the replay drawn frame by frame in the app's own window, as
//! `frontline screenshot` draws one frame. For each instant of the [`Schedule`] the cursor
//! moves, the frame is drawn and eframe is asked for a screenshot; the images go to a thread
//! that encodes them ([`Encoder`]), so drawing and encoding overlap. The pointer is kept out of
//! the window meanwhile (see `native.rs`), so no hover or tooltip shows in a frame.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;

use chrono::NaiveDateTime;
use egui::{ScreenshotCallback, ViewportCommand};

use crate::export::video::{EncodeError, Encoder, Progress, Schedule, VideoFormat, gif_delay};

/// Why no video was written. Each names the file and says what to do.
#[derive(Debug, thiserror::Error)]
pub enum VideoError {
    #[error(transparent)]
    Encode(#[from] EncodeError),
    #[error(
        "no video was written to {}: the window closed after {done} of {total} frames; try again",
        path.display()
    )]
    Incomplete {
        path: PathBuf,
        done: usize,
        total: usize,
    },
    #[error("no video was written to {}: cancelled", path.display())]
    Cancelled { path: PathBuf },
}

/// What the encoding thread hands back when the window has closed.
pub struct Handle {
    thread: JoinHandle<Result<(), VideoError>>,
    pub progress: Arc<Progress>,
}

impl Handle {
    /// Waits for the encoder: the video is complete and in place, or the reason it is not.
    pub fn wait(self) -> Result<(), VideoError> {
        let result = self.thread.join().unwrap_or_else(|_| {
            Err(VideoError::Cancelled {
                path: PathBuf::new(),
            })
        });
        self.progress.finish();
        result
    }
}

enum Phase {
    /// The first frames: the map's inertia and layout settle.
    Settle(u32),
    /// Frame `i` is drawn at its instant; `sent` once its screenshot was asked for.
    Shoot {
        i: usize,
        wait: u32,
        sent: bool,
    },
    Done,
}

/// The part that lives in the app and moves the cursor.
pub struct Job {
    schedule: Schedule,
    phase: Phase,
    frames: Option<Sender<egui::ColorImage>>,
    captured: Arc<AtomicUsize>,
    progress: Arc<Progress>,
}

impl Job {
    /// Starts the encoder thread for `out` and returns the job for the app and the handle to
    /// wait on once the window has closed.
    pub fn start(out: &Path, format: VideoFormat, schedule: Schedule, fps: u32) -> (Job, Handle) {
        let progress = Progress::new(schedule.len());
        let (tx, rx) = channel();
        let thread = {
            let out = out.to_owned();
            let progress = progress.clone();
            let total = schedule.len();
            std::thread::spawn(move || {
                let result = encode(&out, format, fps, total, &rx, &progress);
                if result.is_err() {
                    progress.finish(); // the window stops drawing frames nobody will encode
                }
                result
            })
        };
        let job = Job {
            schedule,
            phase: Phase::Settle(20),
            frames: Some(tx),
            captured: Arc::default(),
            progress: progress.clone(),
        };
        (job, Handle { thread, progress })
    }

    /// The instant the first frame shows.
    pub fn first_instant(&self) -> NaiveDateTime {
        self.schedule.at(0)
    }

    /// Called at the end of every frame. Returns the instant the next frame must show.
    pub fn step(&mut self, ctx: &egui::Context) -> Option<NaiveDateTime> {
        ctx.request_repaint();
        if self.progress.is_cancelled() || self.progress.is_finished() {
            self.frames = None;
            ctx.send_viewport_cmd(ViewportCommand::Close);
            return None;
        }
        match &mut self.phase {
            Phase::Settle(0) => {
                self.phase = Phase::Shoot {
                    i: 0,
                    wait: 1,
                    sent: false,
                };
                Some(self.schedule.at(0))
            }
            Phase::Settle(n) => {
                *n -= 1;
                Some(self.schedule.at(0))
            }
            Phase::Shoot { wait, sent, .. } if !*sent && *wait > 0 => {
                *wait -= 1;
                None
            }
            Phase::Shoot { sent, .. } if !*sent => {
                *sent = true;
                let tx = self.frames.clone();
                let captured = self.captured.clone();
                let repaint = ctx.clone();
                ctx.send_viewport_cmd(ViewportCommand::Screenshot(ScreenshotCallback::new(
                    move |image| {
                        if let Some(tx) = &tx {
                            let _ = tx.send((*image).clone());
                        }
                        captured.fetch_add(1, Ordering::SeqCst);
                        repaint.request_repaint();
                    },
                )));
                None
            }
            Phase::Shoot { i, .. } => {
                if self.captured.load(Ordering::SeqCst) <= *i {
                    return None;
                }
                let next = *i + 1;
                if next >= self.schedule.len() {
                    self.phase = Phase::Done;
                    self.frames = None; // the encoder finishes once the last frame is in
                    ctx.send_viewport_cmd(ViewportCommand::Close);
                    return None;
                }
                self.phase = Phase::Shoot {
                    i: next,
                    wait: 1,
                    sent: false,
                };
                Some(self.schedule.at(next))
            }
            Phase::Done => None,
        }
    }
}

/// The encoding thread: frames in order until the sender is dropped.
fn encode(
    out: &Path,
    format: VideoFormat,
    fps: u32,
    total: usize,
    frames: &Receiver<egui::ColorImage>,
    progress: &Progress,
) -> Result<(), VideoError> {
    let mut encoder: Option<Encoder> = None;
    let mut done = 0;
    let mut bytes = Vec::new();
    for image in frames {
        if progress.is_cancelled() {
            break;
        }
        let [w, h] = image.size;
        let enc = match &mut encoder {
            Some(e) => e,
            None => encoder.insert(Encoder::create(out, format, w as u32, h as u32, fps)?),
        };
        bytes.clear();
        bytes.extend(image.pixels.iter().flat_map(|c| c.to_array()));
        enc.push(&bytes, gif_delay(fps))?;
        done += 1;
        progress.set_done(done);
    }
    if progress.is_cancelled() {
        return Err(VideoError::Cancelled {
            path: out.to_owned(),
        });
    }
    match encoder {
        Some(enc) if done == total => Ok(enc.finish()?),
        _ => Err(VideoError::Incomplete {
            path: out.to_owned(),
            done,
            total,
        }),
    }
}
