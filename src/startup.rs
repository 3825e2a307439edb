//! How long the app takes to show its first frame: with `FRONTLINE_LOG_FIRST_FRAME=1` the app
//! prints the time from the start of `main` to the end of its first frame's user interface
//! pass (the frame is painted right after), on standard error. With `FRONTLINE_LOG_FRAMES=1`
//! it also prints, every 60 frames, the time between frames (mean and worst), to see whether
//! scrubbing stays smooth.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::Instant;

static STARTED: OnceLock<Instant> = OnceLock::new();
static LOGGED: AtomicBool = AtomicBool::new(false);
/// The end of the last frame, and the intervals since the last report.
static FRAMES: Mutex<Option<(Instant, Vec<f64>)>> = Mutex::new(None);

/// Notes the start of the program; call first thing in `main`.
pub fn started() {
    let _ = STARTED.set(Instant::now());
}

/// Called at the end of every frame's user interface pass; logs the first one when asked to.
pub(crate) fn frame_done() {
    if std::env::var_os("FRONTLINE_LOG_FRAMES").is_some_and(|v| v != "0") {
        log_interval();
    }
    if LOGGED.swap(true, Ordering::Relaxed) {
        return;
    }
    if std::env::var_os("FRONTLINE_LOG_FIRST_FRAME").is_some_and(|v| v != "0")
        && let Some(t) = STARTED.get()
    {
        eprintln!(
            "first frame: {:.1} ms after launch",
            t.elapsed().as_secs_f64() * 1e3
        );
    }
}

fn log_interval() {
    let Ok(mut frames) = FRAMES.lock() else {
        return;
    };
    let now = Instant::now();
    if let Some((last, intervals)) = frames.as_mut() {
        intervals.push(now.duration_since(*last).as_secs_f64() * 1e3);
        *last = now;
        if intervals.len() >= 60 {
            let mean = intervals.iter().sum::<f64>() / intervals.len() as f64;
            let worst = intervals.iter().copied().fold(0.0, f64::max);
            eprintln!(
                "frames: {} at {mean:.1} ms apart on average, {worst:.1} ms at worst",
                intervals.len()
            );
            intervals.clear();
        }
    } else {
        *frames = Some((now, Vec::new()));
    }
}
