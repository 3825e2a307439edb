use std::io::Write;

use super::testing::with_umask;
use super::*;

fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

fn set_mode(path: &Path, m: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(m)).unwrap();
}

/// Only the destination is left in the directory: no temporary file.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn the_file_appears_only_on_commit_and_a_dropped_one_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.csv");
    std::fs::write(&path, "old").unwrap();
    let (atomic, mut file) = AtomicFile::create(&path).unwrap();
    file.write_all(b"new").unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
    assert_eq!(names_in(dir.path()).len(), 2, "a temporary file beside it");
    atomic.commit().unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");

    let (atomic, mut file) = AtomicFile::create(&path).unwrap();
    file.write_all(b"half").unwrap();
    drop(atomic);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
    assert_eq!(
        names_in(dir.path()),
        ["out.csv"],
        "no temporary file is left"
    );
}

#[test]
fn a_prepared_file_replaces_nothing_until_committed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.toml");
    std::fs::write(&path, "old").unwrap();
    let prepared = AtomicFile::prepare(&path, b"new").unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
    assert_eq!(std::fs::read(prepared.temp_path()).unwrap(), b"new");
    prepared.commit().unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
    assert_eq!(names_in(dir.path()), ["a.toml"]);
}

#[test]
fn a_new_file_gets_0666_less_the_umask() {
    let dir = tempfile::tempdir().unwrap();
    for (umask, want) in [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)] {
        let path = dir.path().join(format!("new-{umask:o}.txt"));
        with_umask(umask, || write(&path, b"x")).unwrap();
        assert_eq!(mode(&path), want, "umask {umask:o}");
        // What any program would have made: the same mode.
        let plain = dir.path().join(format!("plain-{umask:o}.txt"));
        with_umask(umask, || std::fs::write(&plain, b"x")).unwrap();
        assert_eq!(mode(&path), mode(&plain), "umask {umask:o}");
    }
}

#[test]
fn a_replaced_file_keeps_its_mode_whatever_the_umask() {
    let dir = tempfile::tempdir().unwrap();
    for kept in [0o664, 0o600, 0o640, 0o644] {
        let path = dir.path().join(format!("kept-{kept:o}.toml"));
        std::fs::write(&path, "old").unwrap();
        set_mode(&path, kept);
        with_umask(0o022, || write(&path, b"new")).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(mode(&path), kept, "{kept:o}");
    }
    // Through the writer handed to an encoder too.
    let path = dir.path().join("video.gif");
    std::fs::write(&path, "old").unwrap();
    set_mode(&path, 0o664);
    let (atomic, mut file) = AtomicFile::create(&path).unwrap();
    file.write_all(b"GIF89a").unwrap();
    drop(file);
    atomic.commit().unwrap();
    assert_eq!(mode(&path), 0o664);
    assert_eq!(names_in(dir.path()).len(), 5);
}

#[test]
fn a_missing_directory_or_a_file_in_its_place_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nope").join("out.csv");
    let err = AtomicFile::create(&path).unwrap_err();
    assert!(matches!(err, OutputError::NoDirectory { .. }), "{err:?}");
    assert!(err.to_string().contains("out.csv"), "{err}");
    assert!(err.to_string().contains("does not exist"), "{err}");

    let file = dir.path().join("plain");
    std::fs::write(&file, "").unwrap();
    let err = write(&file.join("out.csv"), b"x").unwrap_err();
    assert!(matches!(err, OutputError::NotADirectory { .. }), "{err:?}");
    assert!(err.to_string().contains("is not a directory"), "{err}");
    assert!(check_destination(Path::new("bare-name.csv")).is_ok());
}

#[test]
fn a_read_only_directory_is_a_clear_error_and_the_old_file_stays() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("articles.toml");
    std::fs::write(&path, "old").unwrap();
    let Some(err) = testing::in_read_only_dir(dir.path(), || write(&path, b"new")) else {
        return;
    };
    let err = err.unwrap_err();
    assert!(matches!(err, OutputError::ReadOnly { .. }), "{err:?}");
    let text = err.to_string();
    assert!(text.contains("articles.toml"), "names the file: {text}");
    assert!(text.contains("read-only"), "{text}");
    assert!(text.contains("make it writable"), "says what to do: {text}");
    assert_eq!(err.path(), path);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
    assert_eq!(names_in(dir.path()), ["articles.toml"]);
}

#[test]
fn the_temporary_files_of_a_killed_process_can_be_removed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("replay.mp4");
    let (atomic, _file) = AtomicFile::create(&path).unwrap();
    let temp = atomic.temp_path().to_owned();
    std::mem::forget(atomic);
    std::fs::write(dir.path().join("replay.mp4.keep"), "").unwrap();
    assert!(temp.exists());
    remove_temp_files(&path, std::process::id());
    assert_eq!(names_in(dir.path()), ["replay.mp4.keep"]);
}
