//! The replay as an animation (GIF or MP4), without egui: which instants to draw
//! ([`frames`]), the encoders that take the drawn frames as RGBA buffers ([`encode`]), and the
//! progress that the terminal's bar and the app's dialog show and can cancel. Drawing the
//! frames is the app's job (`app::video`), in a real window like `frontline screenshot`.

pub mod encode;
pub mod frames;

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

pub use encode::{EncodeError, Encoder};
pub use frames::{MAX_FRAMES, Schedule, ScheduleError, parse_step};

/// The two video formats, chosen by the output file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VideoFormat {
    Gif,
    Mp4,
}

/// An output whose extension is neither `.gif` nor `.mp4`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot tell the video format of {0}: name the file .gif or .mp4")]
pub struct UnknownVideoFormat(pub String);

impl VideoFormat {
    pub fn of_path(path: &Path) -> Result<VideoFormat, UnknownVideoFormat> {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if ext.eq_ignore_ascii_case("gif") {
            Ok(VideoFormat::Gif)
        } else if ext.eq_ignore_ascii_case("mp4") {
            Ok(VideoFormat::Mp4)
        } else {
            Err(UnknownVideoFormat(path.display().to_string()))
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            VideoFormat::Gif => "gif",
            VideoFormat::Mp4 => "mp4",
        }
    }
}

/// How far an export has got, shared between the thread that draws and encodes and whoever
/// shows it (a terminal bar, the app's dialog), which may also ask it to stop.
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicUsize,
    total: AtomicUsize,
    cancelled: AtomicBool,
    finished: AtomicBool,
}

impl Progress {
    pub fn new(total: usize) -> Arc<Progress> {
        let p = Progress::default();
        p.total.store(total, Ordering::Relaxed);
        Arc::new(p)
    }

    pub fn set_total(&self, total: usize) {
        self.total.store(total, Ordering::Relaxed);
    }

    pub fn set_done(&self, done: usize) {
        self.done.store(done, Ordering::Relaxed);
    }

    pub fn done(&self) -> usize {
        self.done.load(Ordering::Relaxed)
    }

    pub fn total(&self) -> usize {
        self.total.load(Ordering::Relaxed)
    }

    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    /// Set once the export has ended, well or not.
    pub fn finish(&self) {
        self.finished.store(true, Ordering::Relaxed);
    }

    pub fn is_finished(&self) -> bool {
        self.finished.load(Ordering::Relaxed)
    }
}

/// Parses `--size`: `WIDTHxHEIGHT`, each at least 64 pixels.
pub fn parse_size(s: &str) -> Option<(u32, u32)> {
    let (w, h) = s.split_once(['x', 'X'])?;
    let (w, h) = (w.trim().parse::<u32>().ok()?, h.trim().parse::<u32>().ok()?);
    (w >= 64 && h >= 64 && w <= 8192 && h <= 8192).then_some((w, h))
}

/// Hundredths of a second per frame at `fps` (what a GIF stores), at least 2: browsers slow
/// GIFs with shorter delays down to a tenth of a second.
pub fn gif_delay(fps: u32) -> u16 {
    (100 / fps.max(1)).clamp(2, 6000) as u16
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_comes_from_the_extension() {
        assert_eq!(
            VideoFormat::of_path(Path::new("a/b.GIF")),
            Ok(VideoFormat::Gif)
        );
        assert_eq!(
            VideoFormat::of_path(Path::new("b.mp4")),
            Ok(VideoFormat::Mp4)
        );
        let err = VideoFormat::of_path(Path::new("b.avi")).unwrap_err();
        assert!(err.to_string().contains("b.avi"), "{err}");
    }

    #[test]
    fn sizes_and_delays() {
        assert_eq!(parse_size("1280x720"), Some((1280, 720)));
        assert_eq!(parse_size("12x7"), None);
        assert_eq!(parse_size("wide"), None);
        assert_eq!(gif_delay(4), 25);
        assert_eq!(gif_delay(100), 2);
        assert_eq!(gif_delay(0), 100);
    }
}
