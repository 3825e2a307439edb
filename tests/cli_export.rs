//! `frontline export`: the data formats written whole into a file, the errors that name the
//! file, and the video's arguments refused before any window opens. The full video under Xvfb
//! is `#[ignore]`d: `cargo test --test cli_export -- --ignored` with `DISPLAY` set.

use assert_cmd::Command;
use tempfile::TempDir;

fn frontline() -> Command {
    Command::cargo_bin("frontline").expect("the frontline binary")
}

fn run(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().expect("ran frontline");
    (
        out.status.code().expect("exit code"),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn each_format_is_written_to_its_file_and_nothing_else_is_left() {
    let dir = TempDir::new().unwrap();
    let geojson = dir.path().join("periods.geojson");
    let (code, stdout, stderr) = run(frontline()
        .args(["export", "geojson", "--out"])
        .arg(&geojson));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("periods.geojson"), "{stdout}");
    let value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&geojson).unwrap()).unwrap();
    assert_eq!(value["type"], "FeatureCollection");
    let periods = value["features"].as_array().unwrap().len();
    assert!(periods > 0);

    // Daily over two days: one feature per place per day, fewer or more than the periods.
    let daily = dir.path().join("daily.geojson");
    let (code, _, stderr) = run(frontline()
        .args([
            "export",
            "geojson",
            "--daily",
            "--from",
            "2017-11-09",
            "--to",
            "2017-11-10",
            "--out",
        ])
        .arg(&daily));
    assert_eq!(code, 0, "{stderr}");
    let value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&daily).unwrap()).unwrap();
    let days: Vec<&str> = value["features"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["properties"]["time"].as_str())
        .collect();
    assert!(!days.is_empty());
    assert!(
        days.iter()
            .all(|t| t.starts_with("2017-11-09") || t.starts_with("2017-11-10")),
        "{days:?}"
    );

    let csv = dir.path().join("events.csv");
    let (code, _, stderr) = run(frontline().args(["export", "csv", "--out"]).arg(&csv));
    assert_eq!(code, 0, "{stderr}");
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(
        text.starts_with("event_id_cnty,"),
        "{}",
        &text[..80.min(text.len())]
    );
    let events = frontline::bundled::store().events.len();
    assert!(events >= 12);
    assert_eq!(
        text.lines().count(),
        1 + events,
        "a header and a row per event"
    );

    let annotations = dir.path().join("quotes.jsonld");
    let (code, _, stderr) = run(frontline()
        .args(["export", "annotations", "--out"])
        .arg(&annotations));
    assert_eq!(code, 0, "{stderr}");
    assert!(
        std::fs::read_to_string(&annotations)
            .unwrap()
            .contains("TextQuoteSelector")
    );

    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "daily.geojson",
            "events.csv",
            "periods.geojson",
            "quotes.jsonld"
        ],
        "no temporary file is left"
    );
}

#[test]
fn a_failed_export_names_the_file_and_keeps_the_old_one() {
    let dir = TempDir::new().unwrap();
    let missing = dir.path().join("no-such-dir").join("out.csv");
    let (code, _, stderr) = run(frontline().args(["export", "csv", "--out"]).arg(&missing));
    assert_eq!(code, 2);
    assert!(
        stderr.contains("out.csv") && stderr.contains("does not exist"),
        "{stderr}"
    );

    let old = dir.path().join("out.geojson");
    std::fs::write(&old, "old").unwrap();
    let (code, _, stderr) = run(frontline()
        .args([
            "export",
            "geojson",
            "--from",
            "2017-11-10",
            "--to",
            "2017-11-09",
            "--out",
        ])
        .arg(&old));
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("out.geojson") && stderr.contains("2017-11-10"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&old).unwrap(), "old");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn video_arguments_are_checked_before_a_window_opens() {
    let dir = TempDir::new().unwrap();
    let cases: [(&[&str], &str); 5] = [
        (&["--out", "replay.avi"], ".gif or .mp4"),
        (&["--out", "replay.gif", "--step", "6y"], "30m, 6h or 1d"),
        (&["--out", "replay.gif", "--size", "big"], "WIDTHxHEIGHT"),
        (
            &["--out", "replay.gif", "--select", "Bukamalx"],
            "did you mean",
        ),
        (
            &[
                "--out",
                "replay.gif",
                "--from",
                "2017-11-12",
                "--to",
                "2017-11-03",
            ],
            "--from on or before --to",
        ),
    ];
    for (args, says) in cases {
        let (code, _, stderr) = run(frontline()
            .current_dir(dir.path())
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .args(["export", "video"])
            .args(args));
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    }
    // Without ffmpeg on the PATH, an MP4 fails at once and names the package.
    let (code, _, stderr) = run(frontline()
        .current_dir(dir.path())
        .env("PATH", "")
        .env_remove("DISPLAY")
        .args(["export", "video", "--out", "replay.mp4"]));
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("replay.mp4") && stderr.contains("apt-get install ffmpeg"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

/// The whole video, drawn in a window: needs `DISPLAY` (Xvfb will do) and, for the MP4, ffmpeg.
#[test]
#[ignore]
fn a_gif_of_two_days_under_a_display() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("replay.gif");
    let (code, stdout, stderr) = run(frontline()
        .args([
            "export",
            "video",
            "--from",
            "2017-11-09",
            "--to",
            "2017-11-10",
            "--step",
            "12h",
        ])
        .args(["--size", "800x500", "--out"])
        .arg(&out));
    assert_eq!(code, 0, "{stdout}{stderr}");
    let mut options = gif::DecodeOptions::new();
    options.set_color_output(gif::ColorOutput::RGBA);
    let mut decoder = options
        .read_info(std::fs::File::open(&out).unwrap())
        .unwrap();
    assert_eq!((decoder.width(), decoder.height()), (800, 500));
    let mut frames = 0;
    while decoder.read_next_frame().unwrap().is_some() {
        frames += 1;
    }
    assert_eq!(frames, 5, "00:00 and 12:00 on two days, and the end");
}
