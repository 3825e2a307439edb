//! Test fixtures shared by the integration tests.
#![allow(dead_code)]

pub mod acled;
pub mod app;
pub mod cli;
pub mod export;
pub mod frame;
pub mod small_data;

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

/// Removes from a TOML file of the data directory every `[[table]]` entry (with its
/// sub-tables, e.g. an event's sources) that holds the line `line`.
pub fn remove_entries(root: &Path, file: &str, table: &str, line: &str) {
    let path = root.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let header = format!("[[{table}]]");
    let mut kept = String::new();
    let mut entry = String::new();
    let mut removed = 0;
    let mut flush = |entry: &mut String, kept: &mut String| {
        if entry.lines().any(|l| l.trim() == line) {
            removed += 1;
        } else {
            kept.push_str(entry);
        }
        entry.clear();
    };
    for l in text.split_inclusive('\n') {
        if l.trim() == header {
            flush(&mut entry, &mut kept);
        }
        entry.push_str(l);
    }
    flush(&mut entry, &mut kept);
    assert!(removed > 0, "no [[{table}]] in {file} holds {line:?}");
    std::fs::write(&path, kept).unwrap();
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

/// A copy of the bundled data with the three articles of `tests/fixtures/time` added: a
/// dispute about the day Abu Kamal was taken, a recapture "earlier this month", and a capture
/// of Rawa known to no single day.
pub fn time_fixture() -> (tempfile::TempDir, PathBuf) {
    let (tmp, root) = bundled_copy();
    let fx = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/time");
    for dir in ["articles", "events"] {
        std::fs::create_dir_all(root.join(dir)).unwrap();
        for f in std::fs::read_dir(fx.join(dir)).unwrap() {
            let f = f.unwrap();
            std::fs::copy(f.path(), root.join(dir).join(f.file_name())).unwrap();
        }
    }
    let mut articles = bundled("articles.toml");
    articles.push_str(&std::fs::read_to_string(fx.join("articles.toml")).unwrap());
    std::fs::write(root.join("articles.toml"), articles).unwrap();
    (tmp, root)
}
