//! Test fixtures shared by the integration tests.
#![allow(dead_code)]

pub mod app;

use std::path::{Path, PathBuf};

/// The annotation files of a data directory.
pub const TOML_FILES: [&str; 4] = ["actors.toml", "places.toml", "articles.toml", "events.toml"];

/// The bundled data directory in the source tree.
pub fn bundled_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// A bundled data file's text.
pub fn bundled(file: &str) -> String {
    std::fs::read_to_string(bundled_dir().join(file)).unwrap()
}

/// A copy of the bundled data directory in a temporary directory (removed when dropped).
pub fn bundled_copy() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("data");
    copy_dir(&bundled_dir(), &root);
    (tmp, root)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Replaces the first occurrence of `from` in a file of the data directory.
pub fn edit(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} does not contain {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// Every file under a directory with its bytes, to prove nothing was written there.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_dir() {
            out.extend(snapshot(&entry.path()));
        } else {
            out.push((entry.path(), std::fs::read(entry.path()).unwrap()));
        }
    }
    out.sort();
    out
}
