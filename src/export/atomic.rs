//! Writing a file whole or not at all: everything goes to a temporary file in the same
//! directory, renamed over the destination only once it is complete, so a failed or cancelled
//! export never leaves half a file (and never a half-overwritten old one).

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

/// Why an output file could not be written. Each names the file and says what to do.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error(
        "cannot write {}: the directory {} does not exist; create it or choose another --out",
        path.display(),
        dir.display()
    )]
    NoDirectory { path: PathBuf, dir: PathBuf },
    #[error("cannot write {}: {source}; check that its directory can be written to", path.display())]
    Create {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("cannot finish {}: {source}; check that the disk has room and the file is writable", path.display())]
    Finish {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

/// A file being written: its temporary path until [`AtomicFile::commit`] renames it. Dropped
/// without a commit, the temporary file is removed.
#[derive(Debug)]
pub struct AtomicFile {
    path: PathBuf,
    temp: PathBuf,
    committed: bool,
}

impl AtomicFile {
    /// Reserves a temporary file beside `path` (created empty, so the directory is checked).
    pub fn create(path: &Path) -> Result<(AtomicFile, File), OutputError> {
        check_destination(path)?;
        let temp = temp_path_of(path, std::process::id());
        let file = File::create(&temp).map_err(|source| OutputError::Create {
            path: path.to_owned(),
            source,
        })?;
        Ok((
            AtomicFile {
                path: path.to_owned(),
                temp,
                committed: false,
            },
            file,
        ))
    }

    /// The destination.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Where the bytes go until the commit (for a child process such as ffmpeg).
    pub fn temp_path(&self) -> &Path {
        &self.temp
    }

    /// Moves the finished file into place.
    pub fn commit(mut self) -> Result<(), OutputError> {
        std::fs::rename(&self.temp, &self.path).map_err(|source| OutputError::Finish {
            path: self.path.clone(),
            source,
        })?;
        self.committed = true;
        Ok(())
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_file(&self.temp);
        }
    }
}

/// `dir/.name.frontline-PID.tmp`: hidden, unique per process, in the destination's directory so
/// that the final rename stays on one file system. Public so that whoever ends an exporting
/// process can remove what it left.
pub fn temp_path_of(path: &Path, pid: u32) -> PathBuf {
    let name = path
        .file_name()
        .map_or("export".into(), |n| n.to_string_lossy());
    path.with_file_name(format!(".{name}.frontline-{pid}.tmp"))
}

/// Fails early, before any work, when the destination's directory does not exist.
pub fn check_destination(path: &Path) -> Result<(), OutputError> {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() && !dir.is_dir() => {
            Err(OutputError::NoDirectory {
                path: path.to_owned(),
                dir: dir.to_owned(),
            })
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn the_file_appears_only_on_commit_and_a_dropped_one_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        std::fs::write(&path, "old").unwrap();
        let (atomic, mut file) = AtomicFile::create(&path).unwrap();
        file.write_all(b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        atomic.commit().unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");

        let (atomic, mut file) = AtomicFile::create(&path).unwrap();
        file.write_all(b"half").unwrap();
        drop(atomic);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file is left behind");
    }

    #[test]
    fn a_missing_directory_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nope").join("out.csv");
        let err = AtomicFile::create(&path).unwrap_err();
        assert!(matches!(err, OutputError::NoDirectory { .. }), "{err:?}");
        assert!(err.to_string().contains("out.csv"), "{err}");
    }
}
