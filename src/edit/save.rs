//! Writing edits into a data directory, safely: every file about to be written must still be
//! what was loaded (or still not exist), and each is written by the one writer
//! ([`crate::output`]): a temporary file in its own directory, flushed to disk and renamed over
//! the old one, so that a crash leaves either the old file or the new one, never half of each,
//! and a saved file keeps its mode. Every file is made ready before the first one replaces its
//! old version, so a directory that cannot be written stops the save before anything changed.

use std::path::Path;

use super::Edit;
use super::document;
use super::snapshot::io;
pub use super::snapshot::{SaveError, Snapshot};
use crate::output::{AtomicFile, OutputError};
use crate::store::DataSource;

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
