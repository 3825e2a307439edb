//! Live reload: the data directory the app loaded is watched, and the app reloads shortly after
//! files change, so that an annotator can edit a file and watch the map follow.
//! Only reads: nothing is ever written into the data directory.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher};

/// Editors save in several steps (write a temporary file, rename, touch): wait until the
/// directory has been quiet this long before reloading.
pub(crate) const QUIET: Duration = Duration::from_millis(300);

/// The data directory could not be watched: the app works on, without live reload.
#[derive(Debug, thiserror::Error)]
#[error("cannot watch {}: {source}", dir.display())]
pub struct WatchError {
    pub dir: PathBuf,
    #[source]
    pub source: notify::Error,
}

pub(crate) struct DataWatcher {
    _watcher: notify::RecommendedWatcher,
    events: Receiver<()>,
    last_change: Option<Instant>,
}

impl DataWatcher {
    /// Watches `dir` recursively. `repaint` wakes the UI when something changes.
    pub fn new(dir: &Path, repaint: Option<egui::Context>) -> Result<DataWatcher, WatchError> {
        let failed = |source| WatchError {
            dir: dir.to_owned(),
            source,
        };
        let (tx, events) = channel();
        let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
            let Ok(event) = res else { return };
            if matches!(event.kind, EventKind::Access(_)) {
                return; // reads (including our own) are not changes
            }
            let _ = tx.send(());
            if let Some(ctx) = &repaint {
                ctx.request_repaint_after(QUIET + Duration::from_millis(50));
            }
        })
        .map_err(failed)?;
        watcher
            .watch(dir, RecursiveMode::Recursive)
            .map_err(failed)?;
        Ok(DataWatcher {
            _watcher: watcher,
            events,
            last_change: None,
        })
    }

    /// True once, when files changed and the directory has been quiet since for [`QUIET`].
    pub(crate) fn poll(&mut self) -> bool {
        while self.events.try_recv().is_ok() {
            self.last_change = Some(Instant::now());
        }
        match self.last_change {
            Some(t) if t.elapsed() >= QUIET => {
                self.last_change = None;
                true
            }
            _ => false,
        }
    }

    /// Whether a change is waiting for the quiet period to end.
    pub(crate) fn pending(&self) -> bool {
        self.last_change.is_some()
    }
}
