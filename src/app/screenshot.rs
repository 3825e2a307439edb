//! `frontline screenshot`: the app drawn once, offscreen ([`super::offscreen`]), at the size
//! asked for, and written as PNG. No window opens, so no display is needed and nothing a
//! window remembers (its saved size, the pointer) shows in the picture.

use std::path::{Path, PathBuf};

use super::offscreen::{Offscreen, Passes};
use super::publish::{Drawn, Layout, Publish};
use super::{Action, FrontlineApp, LaunchOptions};
use crate::output::OutputError;
use crate::store::Store;
use crate::view::story::StoryAt;

/// Why no screenshot was written. Each names the file and says what to do.
#[derive(Debug, thiserror::Error)]
pub enum ScreenshotError {
    #[error(transparent)]
    Output(#[from] OutputError),
    #[error("cannot write {}: the PNG encoder failed: {source}", path.display())]
    Encode {
        path: PathBuf,
        #[source]
        source: image::ImageError,
    },
    #[error(
        "cannot write {}: the image is {width}x{height} pixels but holds {pixels}; try again",
        path.display()
    )]
    Size {
        path: PathBuf,
        width: usize,
        height: usize,
        pixels: usize,
    },
}

/// Fails early, before any drawing, when the PNG could not be written where asked.
pub fn check_destination(path: &Path) -> Result<(), ScreenshotError> {
    Ok(crate::output::check_destination(path)?)
}

/// How a frame is drawn: its layout and, for the publishing layout, its title.
#[derive(Debug, Clone, Default)]
pub struct Look {
    pub layout: Layout,
    pub publish: Publish,
}

impl Look {
    /// The app's whole window.
    pub fn app() -> Look {
        Look {
            layout: Layout::App,
            publish: Publish::default(),
        }
    }

    /// Pixels per point for a frame of `width`×`height`. The whole window is drawn as a
    /// window of that size shows it. A published frame larger than 800 pixels on its shorter
    /// side is drawn larger in proportion, so that the map's labels and markers read at the
    /// size the frame is shown (at 1920x1080 a label is 17 pixels high, not 12); its cards
    /// scale with the frame already.
    pub fn pixels_per_point(&self, (width, height): (u32, u32)) -> f32 {
        match self.layout {
            Layout::App => 1.0,
            Layout::Map => (width.min(height) as f32 / 800.0).max(1.0),
        }
    }
}

/// The app over `store` as `options` and `story` set it up, its whole window drawn at
/// `width`×`height`.
pub fn draw(
    store: Store,
    options: &LaunchOptions,
    story: Option<StoryAt>,
    width: u32,
    height: u32,
) -> egui::ColorImage {
    draw_look(store, options, story, (width, height), &Look::app())
}

/// The app over `store` as `options` and `story` set it up (nothing of a saved state: a
/// fresh app, light theme, no pointer), drawn in `look` at `size`.
pub fn draw_look(
    store: Store,
    options: &LaunchOptions,
    story: Option<StoryAt>,
    size: (u32, u32),
    look: &Look,
) -> egui::ColorImage {
    let mut app = FrontlineApp::new(store, options, None);
    app.apply(story.map(Action::GoToStep));
    let mut screen = Offscreen::new(size.0, size.1).with_scale(look.pixels_per_point(size));
    let mut drawn = Drawn::default();
    screen.frame(Passes::FIRST, |ui| frame_ui(&mut app, ui, look, &mut drawn))
}

/// One pass of a frame in `look`.
pub(crate) fn frame_ui(app: &mut FrontlineApp, ui: &mut egui::Ui, look: &Look, drawn: &mut Drawn) {
    match look.layout {
        Layout::App => app.ui(ui),
        Layout::Map => app.publish_ui(ui, &look.publish, drawn),
    }
}

/// Draws the app (see [`draw_look`]) and writes it to `out` as PNG, whole or not at all.
pub fn take(
    store: Store,
    options: &LaunchOptions,
    story: Option<StoryAt>,
    out: &Path,
    size: (u32, u32),
    look: &Look,
) -> Result<(), ScreenshotError> {
    check_destination(out)?;
    let image = draw_look(store, options, story, size, look);
    write_png(&image, out)?;
    let [w, h] = image.size;
    eprintln!("wrote {} ({w}x{h})", out.display());
    Ok(())
}

/// Writes an image as PNG (whatever the file's extension), whole or not at all.
pub(crate) fn write_png(image: &egui::ColorImage, path: &Path) -> Result<(), ScreenshotError> {
    let [width, height] = image.size;
    let rgba =
        image::RgbaImage::from_raw(width as u32, height as u32, super::offscreen::rgba(image))
            .ok_or(ScreenshotError::Size {
                path: path.to_owned(),
                width,
                height,
                pixels: image.pixels.len(),
            })?;
    let mut png = std::io::Cursor::new(Vec::new());
    rgba.write_to(&mut png, image::ImageFormat::Png)
        .map_err(|source| ScreenshotError::Encode {
            path: path.to_owned(),
            source,
        })?;
    Ok(crate::output::write(path, png.get_ref())?)
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
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file is left"
        );
    }

    #[test]
    fn a_file_that_cannot_be_written_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing").join("shot.png");
        let err = write_png(&image(), &path).unwrap_err();
        assert!(
            err.to_string().contains(&path.display().to_string()),
            "{err}"
        );
        // The same path is refused before anything is drawn.
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
}
