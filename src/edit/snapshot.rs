//! The annotation files of a data directory as they were loaded, and why a save (or an edit
//! applied to those files) can fail. Below the edits' writers (`document.rs`, `story.rs`) and
//! the save (`save.rs`), so that none of them needs another's types.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::output::OutputError;
use crate::store::DataSource;
use crate::store::load::EVENTS_DIR;

/// Why a save did not happen. Nothing is written unless every check passed.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error(
        "the bundled data is read-only: choose \"Save as\" to copy it into a directory of your own, then save there"
    )]
    Bundled,
    #[error(
        "{file} was changed on disk since it was loaded (by an editor or `git pull`?); nothing was saved. Re-apply your edits over the files as they are now (the app offers it), or \"Save as\" another directory"
    )]
    Changed { file: String },
    #[error("{file} already exists; nothing was saved. Choose another article id")]
    Exists { file: String },
    #[error(
        "{file}: cannot add to it: {message}. Fix the file (run `frontline check`) and save again"
    )]
    Toml { file: String, message: String },
    #[error("{file} has no event {} (was it deleted or edited meanwhile?); nothing was saved", index + 1)]
    NoSuchEvent { file: String, index: usize },
    #[error("cannot save into {}: it is not empty; choose a new or empty directory", dir.display())]
    NotEmpty { dir: PathBuf },
    #[error(
        "{source}; nothing was saved and the edits are kept: fix that and save again, or \"Save as\" another directory"
    )]
    Write {
        #[source]
        source: OutputError,
    },
    #[error(
        "{source}; {} had already been saved, the other files were not. The edits are kept: reload the data, then make the edits that are missing again",
        saved.join(", ")
    )]
    Partial {
        #[source]
        source: OutputError,
        saved: Vec<String>,
    },
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot write {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

pub(super) fn io(path: &Path) -> impl FnOnce(std::io::Error) -> SaveError + '_ {
    move |source| SaveError::Io {
        path: path.to_owned(),
        source,
    }
}

/// The annotation files of a data directory as they were loaded: the bytes that a save
/// compares the disk with, and that the edits are applied to.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    root: Option<PathBuf>,
    pub(super) files: BTreeMap<String, Vec<u8>>,
}

impl Snapshot {
    /// The bundled data: nothing can be saved in place, but its files are what the edits
    /// apply to (to preview them, and once "Save as" has copied them).
    pub fn bundled() -> Snapshot {
        let data = &crate::bundled::DATA;
        let top = data.files();
        let events = data.get_dir(EVENTS_DIR).into_iter().flat_map(|d| d.files());
        let files = top
            .chain(events)
            .filter(|f| f.path().extension().is_some_and(|x| x == "toml"))
            .map(|f| {
                let rel = f.path().to_string_lossy().replace('\\', "/");
                (rel, f.contents().to_vec())
            })
            .collect();
        Snapshot { root: None, files }
    }

    /// Files given in memory (path relative to the data directory, bytes), not saved anywhere:
    /// for previews and tests.
    pub fn from_files(files: BTreeMap<String, Vec<u8>>) -> Snapshot {
        Snapshot { root: None, files }
    }

    /// Reads every TOML file of a data directory (the top level and `events/`).
    pub fn open(root: PathBuf) -> Result<Snapshot, SaveError> {
        let mut files = BTreeMap::new();
        for sub in ["", EVENTS_DIR] {
            let dir = root.join(sub);
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.extension().is_some_and(|x| x == "toml") && path.is_file() {
                    let name = entry.file_name().to_string_lossy().into_owned();
                    let rel = if sub.is_empty() {
                        name
                    } else {
                        format!("{sub}/{name}")
                    };
                    let bytes = std::fs::read(&path).map_err(|source| SaveError::Read {
                        path: path.clone(),
                        source,
                    })?;
                    files.insert(rel, bytes);
                }
            }
        }
        Ok(Snapshot {
            root: Some(root),
            files,
        })
    }

    /// The snapshot of a data source (empty and read-only for the bundled data).
    pub fn of(source: &DataSource) -> Result<Snapshot, SaveError> {
        match source {
            DataSource::Dir(root) => Snapshot::open(root.clone()),
            DataSource::Embedded(_) => Ok(Snapshot::bundled()),
            DataSource::Edited(o) => Snapshot::of(&o.base),
        }
    }

    /// Where a save writes; `None` for the bundled data.
    pub fn root(&self) -> Option<&Path> {
        self.root.as_deref()
    }

    /// A file's bytes as loaded; `None` when it did not exist.
    pub fn loaded(&self, file: &str) -> Option<&[u8]> {
        self.files.get(file).map(Vec::as_slice)
    }

    /// Whether every file is still as loaded, and no TOML file was added: when so, a change
    /// event of the directory was the app's own save.
    pub fn matches_disk(&self) -> bool {
        let Some(root) = &self.root else { return true };
        Snapshot::open(root.clone()).is_ok_and(|now| now.files == self.files)
    }
}
