//! Where data is read from: a directory on disk, or the data bundled into the binary.
//! Every read goes through here, so that the path and size rules hold for both.

use std::fmt;
use std::io::Read;
use std::path::{Component, Path, PathBuf};

use include_dir::Dir;

/// No article is anywhere near this size; a bigger file is refused, not read into memory.
pub(crate) const MAX_ARTICLE_BYTES: u64 = 4 * 1024 * 1024;
/// Annotation files can be large (a whole war), but not unbounded.
pub(crate) const MAX_TOML_BYTES: u64 = 512 * 1024 * 1024;

#[derive(Debug, Clone)]
pub enum DataSource {
    /// A data directory on disk.
    Dir(PathBuf),
    /// The data compiled into the binary.
    Embedded(&'static Dir<'static>),
    /// Another source with some files replaced or added: the workbench's unsaved edits, shown
    /// as they would be once saved (see [`Overlay`]).
    Edited(std::sync::Arc<Overlay>),
}

/// A data source as it would be after a save: `files` (paths relative to the data directory,
/// with their bytes) take the place of the base's files of the same path, or are added to it.
/// Nothing is written anywhere: the app loads its preview of unsaved edits from this.
#[derive(Debug, Clone)]
pub struct Overlay {
    pub base: DataSource,
    pub files: std::collections::BTreeMap<String, Vec<u8>>,
}

impl DataSource {
    /// `base` with `files` in place of (or beside) its own.
    pub fn edited(base: DataSource, files: std::collections::BTreeMap<String, Vec<u8>>) -> Self {
        DataSource::Edited(std::sync::Arc::new(Overlay { base, files }))
    }
}

/// Whether `dir` can take a new data directory: it does not exist yet, or it is an empty
/// directory. The one rule for `import acled`, `synth` and the workbench's first save (a copy
/// of the data), none of which writes over anything; an error when something is there that
/// cannot be read as a directory.
pub fn is_new_or_empty(dir: &Path) -> std::io::Result<bool> {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => Ok(entries.next().is_none()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(true),
        Err(e) => Err(e),
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    NotFound,
    /// Absolute, `..`, or a symbolic link that leads out of the data directory.
    OutsideDataDir,
    TooLarge {
        size: u64,
        limit: u64,
    },
    /// Not UTF-8: the line and column (in bytes) of the first bad byte.
    NotUtf8 {
        line: usize,
        col: usize,
    },
    Io(String),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotFound => write!(f, "file not found"),
            ReadError::OutsideDataDir => write!(f, "the path leads outside the data directory"),
            ReadError::TooLarge { size, limit } => write!(
                f,
                "the file is {:.1} MiB, over the limit of {:.0} MiB",
                *size as f64 / 1048576.0,
                *limit as f64 / 1048576.0
            ),
            ReadError::NotUtf8 { line, col } => {
                write!(
                    f,
                    "the file is not UTF-8 text (first bad byte at line {line}, byte {col})"
                )
            }
            ReadError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl DataSource {
    /// "the bundled data" or the directory's path.
    pub fn describe(&self) -> String {
        match self {
            DataSource::Dir(p) => p.display().to_string(),
            DataSource::Embedded(_) => "the bundled data".to_owned(),
            DataSource::Edited(o) => o.base.describe(),
        }
    }

    pub fn root(&self) -> Option<&Path> {
        match self {
            DataSource::Dir(p) => Some(p),
            DataSource::Embedded(_) => None,
            DataSource::Edited(o) => o.base.root(),
        }
    }

    /// Whether the data location itself exists (an embedded source always does).
    pub(crate) fn root_exists(&self) -> bool {
        match self {
            DataSource::Dir(p) => p.is_dir(),
            DataSource::Embedded(_) => true,
            DataSource::Edited(o) => o.base.root_exists(),
        }
    }

    pub fn exists(&self, rel: &str) -> bool {
        match self {
            DataSource::Dir(root) => is_plain_relative(rel) && root.join(rel).exists(),
            DataSource::Embedded(dir) => dir.get_file(rel).is_some(),
            DataSource::Edited(o) => o.files.contains_key(rel) || o.base.exists(rel),
        }
    }

    /// Names (relative paths) of the files with extension `ext` directly in folder `sub`,
    /// sorted.
    pub fn list(&self, sub: &str, ext: &str) -> Vec<String> {
        let mut out: Vec<String> = match self {
            DataSource::Dir(root) => std::fs::read_dir(root.join(sub))
                .into_iter()
                .flatten()
                .flatten()
                .filter(|e| e.path().extension().is_some_and(|x| x == ext))
                .map(|e| format!("{sub}/{}", e.file_name().to_string_lossy()))
                .collect(),
            DataSource::Embedded(dir) => dir
                .get_dir(sub)
                .map(|d| {
                    d.files()
                        .filter(|f| f.path().extension().is_some_and(|x| x == ext))
                        .map(|f| f.path().to_string_lossy().replace('\\', "/"))
                        .collect()
                })
                .unwrap_or_default(),
            DataSource::Edited(o) => {
                let mut names = o.base.list(sub, ext);
                for f in o.files.keys() {
                    let p = Path::new(f.as_str());
                    let inside = p.parent() == Some(Path::new(sub))
                        && p.extension().is_some_and(|x| x == ext);
                    if inside && !names.contains(f) {
                        names.push(f.clone());
                    }
                }
                names
            }
        };
        out.sort();
        out
    }

    /// Reads a file as UTF-8 text, refusing paths that leave the data directory and files
    /// over `limit` bytes.
    pub(crate) fn read_text(&self, rel: &str, limit: u64) -> Result<String, ReadError> {
        if !is_plain_relative(rel) {
            return Err(ReadError::OutsideDataDir);
        }
        let bytes = match self {
            DataSource::Dir(root) => read_inside(root, rel, limit)?,
            DataSource::Embedded(dir) => {
                let file = dir.get_file(rel).ok_or(ReadError::NotFound)?;
                let size = file.contents().len() as u64;
                if size > limit {
                    return Err(ReadError::TooLarge { size, limit });
                }
                file.contents().to_vec()
            }
            DataSource::Edited(o) => match o.files.get(rel) {
                Some(bytes) if bytes.len() as u64 > limit => {
                    return Err(ReadError::TooLarge {
                        size: bytes.len() as u64,
                        limit,
                    });
                }
                Some(bytes) => bytes.clone(),
                None => return o.base.read_text(rel, limit),
            },
        };
        String::from_utf8(bytes).map_err(|e| {
            let bytes = e.as_bytes();
            let bad = e.utf8_error().valid_up_to();
            let line = bytes[..bad].iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = bytes[..bad]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            ReadError::NotUtf8 {
                line,
                col: bad - line_start + 1,
            }
        })
    }
}

/// A relative path with no `..`, root or prefix components.
fn is_plain_relative(rel: &str) -> bool {
    let path = Path::new(rel);
    !rel.is_empty()
        && path
            .components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
}

fn read_inside(root: &Path, rel: &str, limit: u64) -> Result<Vec<u8>, ReadError> {
    let path = root.join(rel);
    let meta = std::fs::metadata(&path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => ReadError::NotFound,
        _ => ReadError::Io(e.to_string()),
    })?;
    // Symbolic links are followed only when they stay inside the data directory.
    let real = path
        .canonicalize()
        .map_err(|e| ReadError::Io(e.to_string()))?;
    let real_root = root
        .canonicalize()
        .map_err(|e| ReadError::Io(e.to_string()))?;
    if !real.starts_with(&real_root) {
        return Err(ReadError::OutsideDataDir);
    }
    if !meta.is_file() {
        return Err(ReadError::Io("not a regular file".to_owned()));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    std::fs::File::open(&real)
        .and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
        .map_err(|e| ReadError::Io(e.to_string()))?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_or_empty_directory_can_take_data_and_anything_else_cannot() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("out");
        assert!(is_new_or_empty(&dir).unwrap(), "missing");
        std::fs::create_dir(&dir).unwrap();
        assert!(is_new_or_empty(&dir).unwrap(), "empty");
        std::fs::write(dir.join(".hidden"), "x").unwrap();
        assert!(
            !is_new_or_empty(&dir).unwrap(),
            "a hidden file is something"
        );
        // A file where the directory should be cannot be read as one.
        assert!(is_new_or_empty(&dir.join(".hidden")).is_err());
    }

    #[test]
    fn only_plain_relative_paths_are_allowed() {
        assert!(is_plain_relative("articles/a.txt"));
        assert!(is_plain_relative("./articles/a.txt"));
        assert!(!is_plain_relative("../secret.txt"));
        assert!(!is_plain_relative("articles/../../x"));
        assert!(!is_plain_relative("/etc/passwd"));
        assert!(!is_plain_relative(""));
    }
}
