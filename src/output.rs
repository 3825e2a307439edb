//! Writing a file whole or not at all: the one writer behind every file Frontline writes (the
//! workbench's saves, the exports, screenshots and videos, `import`, `synth`).
//!
//! The bytes go to a temporary file in the destination's own directory (so that the rename
//! stays on one file system), are flushed to disk (fsync), and the temporary file is renamed
//! over the destination; then the directory is flushed too, so that the rename itself survives
//! a crash. A crash, an error or a cancelled export leaves the old file or the new one, never
//! half of each, and no temporary file once the writer is dropped.
//!
//! Modes: a new file gets the mode any program would give it, 0666 less the umask (the
//! temporary file is created with 0666 and the kernel applies the umask, and a directory's
//! default ACL); a replaced file keeps its own mode. So a data directory shared with a colleague
//! stays readable to them after a save, and a file made group-writable stays so.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Why an output file could not be written. Each names the file and says what to do.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error(
        "cannot write {}: the directory {} does not exist; create it or choose another file",
        path.display(),
        dir.display()
    )]
    NoDirectory { path: PathBuf, dir: PathBuf },
    #[error(
        "cannot write {}: {} is not a directory; choose another file",
        path.display(),
        dir.display()
    )]
    NotADirectory { path: PathBuf, dir: PathBuf },
    #[error(
        "cannot write {}: the directory {} is read-only ({source}); make it writable or choose another directory",
        path.display(),
        dir.display()
    )]
    ReadOnly {
        path: PathBuf,
        dir: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("cannot write {}: {source}; check that its directory can be written to", path.display())]
    Create {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("cannot write {}: {source}; check that the disk has room", path.display())]
    Write {
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
    #[error(
        "wrote {} but could not flush its directory {} to disk ({source}); it may not survive a crash of the system",
        path.display(),
        dir.display()
    )]
    SyncDirectory {
        path: PathBuf,
        dir: PathBuf,
        #[source]
        source: io::Error,
    },
}

impl OutputError {
    /// The file that could not be written.
    pub fn path(&self) -> &Path {
        match self {
            OutputError::NoDirectory { path, .. }
            | OutputError::NotADirectory { path, .. }
            | OutputError::ReadOnly { path, .. }
            | OutputError::Create { path, .. }
            | OutputError::Write { path, .. }
            | OutputError::Finish { path, .. }
            | OutputError::SyncDirectory { path, .. } => path,
        }
    }
}

/// A file being written: its temporary path until [`AtomicFile::commit`] renames it. Dropped
/// without a commit, the temporary file is removed.
#[derive(Debug)]
pub struct AtomicFile {
    path: PathBuf,
    temp: tempfile::TempPath,
    /// Whether the temporary file's bytes are known to be on disk already.
    synced: bool,
}

impl AtomicFile {
    /// Creates an empty temporary file beside `path` (so a directory that cannot be written is
    /// found before any work) and returns it open for writing. Write it, then
    /// [`commit`](AtomicFile::commit).
    pub fn create(path: &Path) -> Result<(AtomicFile, File), OutputError> {
        check_destination(path)?;
        let dir = directory_of(path);
        let prefix = format!(".{}.frontline-{}.", file_name(path), std::process::id());
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).suffix(".tmp").rand_bytes(6);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // Given to open(2), which takes the umask off: the mode of any new file.
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        let temp = builder
            .tempfile_in(dir)
            .map_err(|source| create_error(path, dir, source))?;
        let (file, temp) = temp.into_parts();
        Ok((
            AtomicFile {
                path: path.to_owned(),
                temp,
                synced: false,
            },
            file,
        ))
    }

    /// Writes `bytes` to a temporary file beside `path` and flushes it to disk, without
    /// touching `path` yet: for writing several files that should all be ready before the
    /// first one replaces its old version.
    pub fn prepare(path: &Path, bytes: &[u8]) -> Result<AtomicFile, OutputError> {
        let (mut atomic, mut file) = AtomicFile::create(path)?;
        let write_error = |source| OutputError::Write {
            path: path.to_owned(),
            source,
        };
        file.write_all(bytes).map_err(write_error)?;
        file.sync_all().map_err(write_error)?;
        atomic.synced = true;
        Ok(atomic)
    }

    /// The destination.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Where the bytes go until the commit (for a child process such as ffmpeg).
    pub fn temp_path(&self) -> &Path {
        &self.temp
    }

    /// Moves the finished file into place: flushes it to disk, gives it the mode of the file
    /// it replaces (if any), renames it over the destination and flushes the directory.
    pub fn commit(self) -> Result<(), OutputError> {
        let finish = |source| OutputError::Finish {
            path: self.path.clone(),
            source,
        };
        if !self.synced {
            // fsync acts on the file, whichever descriptor asks: the writer may have been
            // handed to an encoder or a child process.
            File::options()
                .write(true)
                .open(&self.temp)
                .and_then(|f| f.sync_all())
                .map_err(finish)?;
        }
        match std::fs::metadata(&self.path) {
            Ok(old) if old.is_file() => {
                std::fs::set_permissions(&self.temp, old.permissions()).map_err(finish)?;
            }
            _ => {}
        }
        let AtomicFile { path, temp, .. } = self;
        temp.persist(&path).map_err(|e| OutputError::Finish {
            path: path.clone(),
            source: e.error,
        })?;
        let dir = directory_of(&path).to_owned();
        sync_directory(&dir).map_err(|source| OutputError::SyncDirectory { dir, path, source })
    }
}

/// Writes `bytes` to `path`, whole or not at all (see the module's documentation).
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), OutputError> {
    AtomicFile::prepare(path, bytes)?.commit()
}

/// Creates the directory `path` goes in, and its parents, when missing (a data directory's
/// first `events/` file).
pub fn create_parent(path: &Path) -> Result<(), OutputError> {
    let dir = directory_of(path);
    std::fs::create_dir_all(dir).map_err(|source| create_error(path, dir, source))
}

/// Fails early, before any work, when the destination's directory does not exist.
pub fn check_destination(path: &Path) -> Result<(), OutputError> {
    let dir = directory_of(path);
    if dir.is_dir() {
        Ok(())
    } else if dir.exists() {
        Err(OutputError::NotADirectory {
            path: path.to_owned(),
            dir: dir.to_owned(),
        })
    } else {
        Err(OutputError::NoDirectory {
            path: path.to_owned(),
            dir: dir.to_owned(),
        })
    }
}

/// Removes the temporary files that the process `pid` left beside `path` (it was killed before
/// it could do so itself).
pub fn remove_temp_files(path: &Path, pid: u32) {
    let prefix = format!(".{}.frontline-{pid}.", file_name(path));
    let Ok(entries) = std::fs::read_dir(directory_of(path)) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(&prefix) && name.ends_with(".tmp") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The directory a file goes in: `.` for a bare file name.
fn directory_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or("output".into(), |n| n.to_string_lossy().into_owned())
}

fn create_error(path: &Path, dir: &Path, source: io::Error) -> OutputError {
    match source.kind() {
        // Only the kind: the temporary file's name, which the error carries, means nothing
        // to the user.
        kind @ (io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem) => {
            OutputError::ReadOnly {
                path: path.to_owned(),
                dir: dir.to_owned(),
                source: io::Error::from(kind),
            }
        }
        _ => OutputError::Create {
            path: path.to_owned(),
            source,
        },
    }
}

/// Flushes a directory's entries (the rename) to disk. File systems that cannot flush a
/// directory say so with `EINVAL`; there is nothing more to do on them.
#[cfg(unix)]
fn sync_directory(dir: &Path) -> io::Result<()> {
    match File::open(dir).and_then(|d| d.sync_all()) {
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::InvalidInput | io::ErrorKind::Unsupported
            ) =>
        {
            Ok(())
        }
        other => other,
    }
}

/// Windows cannot open a directory as a file; its renames are flushed with the file system's
/// journal.
#[cfg(not(unix))]
fn sync_directory(_dir: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(all(test, target_os = "linux"))]
pub(crate) mod testing;

#[cfg(all(test, target_os = "linux"))]
mod tests;
