//! Writing edits into a data directory, safely: every file about to be written must still be
//! what was loaded (or still not exist), and each is written by the one writer
//! ([`crate::output`]): a temporary file in its own directory, flushed to disk and renamed over
//! the old one, so that a crash leaves either the old file or the new one, never half of each,
//! and a saved file keeps its mode. Every file is made ready before the first one replaces its
//! old version, so a directory that cannot be written stops the save before anything changed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::Edit;
use super::document;
use crate::output::{AtomicFile, OutputError};
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
        "{file} was changed on disk since it was loaded (by an editor or `git pull`?); nothing was saved. Reload to take that change in and make your edits again, or \"Save as\" another directory"
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

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> SaveError + '_ {
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
    files: BTreeMap<String, Vec<u8>>,
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

/// The files the edits would write and their new contents: only those that differ from what
/// was loaded.
pub fn planned(snapshot: &Snapshot, edits: &[Edit]) -> Result<Vec<(String, Vec<u8>)>, SaveError> {
    let changed = document::apply(snapshot, edits)?;
    let mut out: Vec<(String, Vec<u8>)> = changed
        .texts
        .into_iter()
        .map(|(f, t)| (f, t.into_bytes()))
        .collect();
    for (file, doc) in changed.documents {
        let bytes = doc.to_string().into_bytes();
        if snapshot.loaded(&file) != Some(bytes.as_slice()) {
            out.push((file, bytes));
        }
    }
    Ok(out)
}

/// Checks, then writes. Returns the files written (relative to the data directory).
pub fn save(snapshot: &Snapshot, edits: &[Edit]) -> Result<Vec<String>, SaveError> {
    let root = snapshot.root().ok_or(SaveError::Bundled)?;
    let plan = planned(snapshot, edits)?;
    for (file, _) in &plan {
        let path = root.join(file);
        match snapshot.loaded(file) {
            Some(bytes) => {
                let now = std::fs::read(&path).ok();
                if now.as_deref() != Some(bytes) {
                    return Err(SaveError::Changed { file: file.clone() });
                }
            }
            None if path.exists() => {
                // A new events file someone else created is a change too; a text file is a
                // clash of ids.
                return Err(if file.ends_with(".toml") {
                    SaveError::Changed { file: file.clone() }
                } else {
                    SaveError::Exists { file: file.clone() }
                });
            }
            None => {}
        }
    }
    let mut ready = Vec::with_capacity(plan.len());
    for (file, bytes) in &plan {
        let path = root.join(file);
        let prepared =
            crate::output::create_parent(&path).and_then(|()| AtomicFile::prepare(&path, bytes));
        ready.push(prepared.map_err(|source| SaveError::Write { source })?);
    }
    let mut saved = Vec::with_capacity(plan.len());
    for ((file, _), prepared) in plan.into_iter().zip(ready) {
        match prepared.commit() {
            Ok(()) => saved.push(file),
            Err(source) => {
                // A directory that could not be flushed still holds the renamed file.
                if matches!(source, OutputError::SyncDirectory { .. }) {
                    saved.push(file);
                }
                return Err(if saved.is_empty() {
                    SaveError::Write { source }
                } else {
                    SaveError::Partial { source, saved }
                });
            }
        }
    }
    Ok(saved)
}

/// Copies a data source (bundled or a directory) into `dir`, which must be new or empty.
pub fn copy_data(source: &DataSource, dir: &Path) -> Result<(), SaveError> {
    if !crate::store::source::is_new_or_empty(dir).map_err(io(dir))? {
        return Err(SaveError::NotEmpty {
            dir: dir.to_owned(),
        });
    }
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    match source {
        DataSource::Embedded(data) => data.extract(dir).map_err(io(dir)),
        DataSource::Dir(from) => copy_tree(from, dir),
        DataSource::Edited(o) => copy_data(&o.base, dir),
    }
}

/// Regular files and folders only: symbolic links are not followed out of the data.
fn copy_tree(from: &Path, to: &Path) -> Result<(), SaveError> {
    for entry in std::fs::read_dir(from).map_err(io(from))?.flatten() {
        let kind = entry.file_type().map_err(io(&entry.path()))?;
        let target = to.join(entry.file_name());
        if kind.is_dir() {
            std::fs::create_dir_all(&target).map_err(io(&target))?;
            copy_tree(&entry.path(), &target)?;
        } else if kind.is_file() {
            std::fs::copy(entry.path(), &target).map_err(io(&target))?;
        }
    }
    Ok(())
}

#[cfg(all(test, target_os = "linux"))]
mod tests;
