//! `frontline screenshot` that cannot write its PNG exits non-zero, naming the file. The
//! destination is checked before any window opens, so this runs without a display.

use assert_cmd::Command;

#[test]
fn a_screenshot_into_a_missing_directory_fails_naming_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("no-such-dir").join("shot.png");
    let run = Command::cargo_bin("frontline")
        .unwrap()
        .args(["screenshot", "--out"])
        .arg(&out)
        .args(["--at", "2017-11-11", "--select", "Abu Kamal"])
        // No display: were the destination not checked first, the window could not open.
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2), "{run:?}");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains(&out.display().to_string()), "{stderr}");
    assert!(stderr.contains("does not exist"), "{stderr}");
    assert!(!out.exists());
}
