//! `frontline screenshot`: let the app settle for a few frames, ask eframe for a screenshot,
//! write it as PNG and close the window. What became of the PNG is kept for the command to
//! report once the window has closed.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use egui::{ScreenshotCallback, ViewportCommand};

/// Why no screenshot was written. Each names the file and says what to do.
#[derive(Debug, thiserror::Error)]
pub enum ScreenshotError {
    #[error(transparent)]
    Output(#[from] crate::output::OutputError),
    #[error("cannot write {}: the PNG encoder failed: {source}", path.display())]
    Encode {
        path: PathBuf,
        #[source]
        source: image::ImageError,
    },
    #[error(
        "cannot write {}: the window's image is {width}x{height} pixels but holds {pixels}; try again",
        path.display()
    )]
    Size {
        path: PathBuf,
        width: usize,
        height: usize,
        pixels: usize,
    },
    #[error(
        "no screenshot was written to {}: the window closed before it was taken; try again",
        path.display()
    )]
    NotTaken { path: PathBuf },
}

/// Fails early, before a window is opened, when the PNG could not be written where asked.
pub fn check_destination(path: &Path) -> Result<(), ScreenshotError> {
    Ok(crate::output::check_destination(path)?)
}

/// Writes an image as PNG (whatever the file's extension), through the one writer.
pub(crate) fn write_png(image: &egui::ColorImage, path: &Path) -> Result<(), ScreenshotError> {
    let [width, height] = image.size;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
    let rgba = image::RgbaImage::from_raw(width as u32, height as u32, bytes).ok_or(
        ScreenshotError::Size {
            path: path.to_owned(),
            width,
            height,
            pixels: image.pixels.len(),
        },
    )?;
    let mut png = std::io::Cursor::new(Vec::new());
    rgba.write_to(&mut png, image::ImageFormat::Png)
        .map_err(|source| ScreenshotError::Encode {
            path: path.to_owned(),
            source,
        })?;
    Ok(crate::output::write(path, png.get_ref())?)
}

/// Drops every pointer event (moves, clicks, scrolls, the pointer leaving) and replaces them
/// with "the pointer is gone", so that a screenshot shows no hover state.
pub fn without_pointer(raw_input: &mut egui::RawInput) {
    raw_input.events.retain(|e| {
        !matches!(
            e,
            egui::Event::PointerMoved(_)
                | egui::Event::MouseMoved(_)
                | egui::Event::PointerButton { .. }
                | egui::Event::PointerGone
                | egui::Event::MouseWheel { .. }
                | egui::Event::Touch { .. }
        )
    });
    raw_input.events.push(egui::Event::PointerGone);
}

/// What became of the screenshot: nothing yet, written, or the reason it was not.
pub(crate) type Outcome = Arc<Mutex<Option<Result<(), ScreenshotError>>>>;

pub struct Job {
    out: PathBuf,
    frames_left: u32,
    requested: bool,
    outcome: Outcome,
}

impl Job {
    pub fn new(out: PathBuf) -> Job {
        // The map's inertia and the first layout passes settle within ~15 frames.
        Job {
            out,
            frames_left: 20,
            requested: false,
            outcome: Outcome::default(),
        }
    }

    /// Shared with whoever reports the outcome once the window has closed.
    pub(crate) fn outcome(&self) -> Outcome {
        self.outcome.clone()
    }

    /// The outcome once the window has closed: a screenshot never taken is an error too.
    pub(crate) fn result(outcome: &Outcome, out: &Path) -> Result<(), ScreenshotError> {
        let taken = outcome.lock().map(|mut o| o.take()).unwrap_or(None);
        taken.unwrap_or_else(|| {
            Err(ScreenshotError::NotTaken {
                path: out.to_owned(),
            })
        })
    }

    pub fn step(&mut self, ctx: &egui::Context) {
        ctx.request_repaint();
        if self.frames_left > 0 {
            self.frames_left -= 1;
            return;
        }
        if !self.requested {
            let out = self.out.clone();
            let outcome = self.outcome.clone();
            let repaint = ctx.clone();
            ctx.send_viewport_cmd(ViewportCommand::Screenshot(ScreenshotCallback::new(
                move |image| {
                    let written = write_png(&image, &out);
                    if written.is_ok() {
                        let [w, h] = image.size;
                        eprintln!("wrote {} ({w}x{h})", out.display());
                    }
                    if let Ok(mut o) = outcome.lock() {
                        *o = Some(written);
                    }
                    repaint.request_repaint();
                },
            )));
            self.requested = true;
            return;
        }
        if self.outcome.lock().is_ok_and(|o| o.is_some()) {
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn image() -> egui::ColorImage {
        egui::ColorImage::filled([4, 3], egui::Color32::from_rgb(200, 30, 30))
    }

    #[test]
    fn writes_a_png_that_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shot.png");
        write_png(&image(), &path).unwrap();
        let back = image::open(&path).unwrap().to_rgba8();
        assert_eq!(back.dimensions(), (4, 3));
        assert_eq!(back.get_pixel(1, 1).0, [200, 30, 30, 255]);
    }

    #[test]
    fn a_file_that_cannot_be_written_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing").join("shot.png");
        let err = write_png(&image(), &path).unwrap_err();
        assert!(matches!(err, ScreenshotError::Output(_)), "{err:?}");
        assert!(
            err.to_string().contains(&path.display().to_string()),
            "{err}"
        );
        // The same path is refused before any window opens.
        let early = check_destination(&path).unwrap_err();
        assert!(
            matches!(
                early,
                ScreenshotError::Output(crate::output::OutputError::NoDirectory { .. })
            ),
            "{early:?}"
        );
        assert!(early.to_string().contains("does not exist"), "{early}");
        assert!(check_destination(&dir.path().join("shot.png")).is_ok());
        assert!(
            check_destination(Path::new("shot.png")).is_ok(),
            "the current directory"
        );
    }

    #[test]
    fn a_screenshot_sees_no_pointer() {
        let mut input = egui::RawInput {
            events: vec![
                egui::Event::PointerMoved(egui::pos2(300.0, 200.0)),
                egui::Event::Key {
                    key: egui::Key::Space,
                    physical_key: None,
                    pressed: true,
                    repeat: false,
                    modifiers: egui::Modifiers::NONE,
                },
            ],
            ..Default::default()
        };
        without_pointer(&mut input);
        assert_eq!(input.events.len(), 2, "{:?}", input.events);
        assert!(matches!(input.events[0], egui::Event::Key { .. }));
        assert_eq!(input.events[1], egui::Event::PointerGone);
    }

    #[test]
    fn a_screenshot_never_taken_is_an_error() {
        let job = Job::new(PathBuf::from("/tmp/never.png"));
        let err = Job::result(&job.outcome(), Path::new("/tmp/never.png")).unwrap_err();
        assert!(matches!(err, ScreenshotError::NotTaken { .. }));
        *job.outcome().lock().unwrap() = Some(Ok(()));
        assert!(Job::result(&job.outcome(), Path::new("/tmp/never.png")).is_ok());
    }
}
