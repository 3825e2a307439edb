//! `frontline screenshot`: let the app settle for a few frames, ask eframe for a screenshot,
//! write it as PNG and close the window.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use egui::{ScreenshotCallback, ViewportCommand};

pub struct Job {
    out: PathBuf,
    frames_left: u32,
    requested: bool,
    done: Arc<AtomicBool>,
}

impl Job {
    pub fn new(out: PathBuf) -> Job {
        // The map's inertia and the first layout passes settle within ~15 frames.
        Job {
            out,
            frames_left: 20,
            requested: false,
            done: Arc::new(AtomicBool::new(false)),
        }
    }

    pub fn step(&mut self, ctx: &egui::Context) {
        ctx.request_repaint();
        if self.frames_left > 0 {
            self.frames_left -= 1;
            return;
        }
        if !self.requested {
            let out = self.out.clone();
            let done = self.done.clone();
            let repaint = ctx.clone();
            ctx.send_viewport_cmd(ViewportCommand::Screenshot(ScreenshotCallback::new(
                move |image| {
                    let [w, h] = image.size;
                    let bytes: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
                    match image::RgbaImage::from_raw(w as u32, h as u32, bytes)
                        .map(|img| img.save(&out))
                    {
                        Some(Ok(())) => eprintln!("wrote {} ({w}x{h})", out.display()),
                        Some(Err(e)) => eprintln!("error: cannot write {}: {e}", out.display()),
                        None => eprintln!("error: the screenshot had an unexpected size"),
                    }
                    done.store(true, Ordering::SeqCst);
                    repaint.request_repaint();
                },
            )));
            self.requested = true;
            return;
        }
        if self.done.load(Ordering::SeqCst) {
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
    }
}
