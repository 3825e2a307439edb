//! The workbench session: where the data came from (watched for changes), the edits not
//! saved yet and how they are shown, and the assistant's candidates dismissed in the reader.

use super::editing::Preview;
use super::state::dismissed::DismissedList;
use super::watch::DataWatcher;
use crate::edit::{EditSession, Snapshot};
use crate::store::DataSource;

pub struct Session {
    /// The data directory (not the bundled data), when the app was given its source.
    pub source: Option<DataSource>,
    pub(crate) watcher: Option<DataWatcher>,
    /// The workbench's edits, over the files as loaded.
    pub edits: EditSession,
    /// The unsaved edits as shown: the files they change, and why the last one was refused.
    pub preview: Preview,
    /// Set by a save: the next change event of the directory is the save's own, unless the
    /// files differ from what was written.
    pub(crate) own_save: bool,
    /// The assistant's candidate claims dismissed in the reader (the app's own state).
    pub dismissed: DismissedList,
}

impl Session {
    pub fn new(dismissed: DismissedList) -> Session {
        Session {
            source: None,
            watcher: None,
            edits: EditSession::new(Snapshot::bundled()),
            preview: Preview::default(),
            own_save: false,
            dismissed,
        }
    }

    /// The data directory, when the data came from one (not the bundled data).
    pub fn data_dir(&self) -> Option<&std::path::Path> {
        match &self.source {
            Some(DataSource::Dir(dir)) => Some(dir),
            _ => None,
        }
    }
}
