//! `frontline export`: the data formats written whole into a file, the errors that name the
//! file, the video's arguments refused before any frame is drawn, and the video itself, drawn
//! offscreen with no display (`DISPLAY` removed) at the size asked for, and cancelled by
//! Ctrl+C without leaving a file.

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
fn video_arguments_are_checked_before_any_frame_is_drawn() {
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

/// A config directory holding the app's saved state after a session in a 1000x700 window.
fn saved_window(dir: &std::path::Path) -> std::path::PathBuf {
    let config = dir.join("config");
    std::fs::create_dir_all(config.join("frontline")).unwrap();
    std::fs::write(
        config.join("frontline").join("app.ron"),
        r#"{ "window": "(normal_geometry:(outer_position_pixels:Some((x:0.0,y:0.0)),scale_factor:1.0,inner_size_points:(x:1000.0,y:700.0)),fullscreen:false,maximized:false)" }"#,
    )
    .unwrap();
    config
}

/// The whole video, drawn offscreen: no display, and the size asked for whatever the window
/// was saved with.
#[test]
fn a_gif_of_two_days_without_a_display() {
    let dir = TempDir::new().unwrap();
    let config = saved_window(dir.path());
    let out = dir.path().join("replay.gif");
    let (code, stdout, stderr) = run(frontline()
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env("XDG_CONFIG_HOME", &config)
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
        .args(["--size", "640x400", "--out"])
        .arg(&out));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("5 frames"), "{stdout}");
    let mut options = gif::DecodeOptions::new();
    options.set_color_output(gif::ColorOutput::RGBA);
    let mut decoder = options
        .read_info(std::fs::File::open(&out).unwrap())
        .unwrap();
    assert_eq!((decoder.width(), decoder.height()), (640, 400));
    let mut frames = Vec::new();
    while let Some(frame) = decoder.read_next_frame().unwrap() {
        frames.push(frame.buffer.to_vec());
    }
    assert_eq!(frames.len(), 5, "00:00 and 12:00 on two days, and the end");
    assert_ne!(frames[0], frames[4], "the frames follow the cursor");
    // The video and the config directory: no temporary file is left.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
}

/// Ctrl+C stops the export after the frame being drawn; neither the video nor its temporary
/// file is left.
#[cfg(unix)]
#[test]
fn ctrl_c_cancels_a_video_and_leaves_no_file() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("replay.gif");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("frontline"))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .args([
            "export", "video", "--step", "30m", "--size", "320x240", "--out",
        ])
        .arg(&out)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until the encoder has started its temporary file: the export is under way.
    let started = std::time::Instant::now();
    while std::fs::read_dir(dir.path()).unwrap().count() == 0 {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(120),
            "the export never started"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let kill = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert_eq!(status.code(), Some(130), "{stderr}");
    assert!(stderr.contains("cancelled"), "{stderr}");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "neither the video nor its temporary file"
    );
}

/// The first frame of a GIF, RGBA.
fn first_gif_frame(path: &std::path::Path) -> (u16, u16, Vec<u8>, usize) {
    let mut options = gif::DecodeOptions::new();
    options.set_color_output(gif::ColorOutput::RGBA);
    let mut decoder = options
        .read_info(std::fs::File::open(path).unwrap())
        .unwrap();
    let (w, h) = (decoder.width(), decoder.height());
    let first = decoder.read_next_frame().unwrap().unwrap().buffer.to_vec();
    let mut n = 1;
    while decoder.read_next_frame().unwrap().is_some() {
        n += 1;
    }
    (w, h, first, n)
}

/// How far apart two RGBA buffers are: the mean difference of a channel, 0 to 255.
fn distance(a: &[u8], b: &[u8]) -> f64 {
    assert_eq!(a.len(), b.len());
    let sum: u64 = a
        .iter()
        .zip(b)
        .map(|(x, y)| u64::from(x.abs_diff(*y)))
        .sum();
    sum as f64 / a.len() as f64
}

/// `export video` draws the publishing layout unless asked for the window: its first frame is
/// the map layout as `screenshot --layout map` draws it (up to the GIF's palette), not the app.
#[test]
fn a_video_is_drawn_in_the_map_layout_by_default() {
    use frontline::app::publish::Layout;
    use frontline::app::screenshot::{Look, draw_look};
    let dir = TempDir::new().unwrap();
    let gif = |name: &str, args: &[&str]| {
        let out = dir.path().join(name);
        let (code, stdout, stderr) = run(frontline()
            .env_remove("DISPLAY")
            .args([
                "export",
                "video",
                "--from",
                "2017-11-09",
                "--to",
                "2017-11-09",
            ])
            .args(["--step", "1d", "--size", "480x300", "--out"])
            .arg(&out)
            .args(args));
        assert_eq!(code, 0, "{stdout}{stderr}");
        first_gif_frame(&out)
    };
    let (w, h, default, frames) = gif("default.gif", &[]);
    assert_eq!(
        (w, h, frames),
        (480, 300, 2),
        "midnight and the end of the day"
    );
    let (_, _, app, _) = gif("app.gif", &["--layout", "app"]);
    let options = frontline::app::LaunchOptions {
        at: chrono::NaiveDate::from_ymd_opt(2017, 11, 9)
            .unwrap()
            .and_hms_opt(0, 0, 0),
        ..Default::default()
    };
    let draw = |layout| {
        let look = Look {
            layout,
            ..Look::default()
        };
        let image = draw_look(
            frontline::bundled::store(),
            &options,
            None,
            (480, 300),
            &look,
        );
        frontline::app::offscreen::rgba(&image)
    };
    let (map_drawn, app_drawn) = (draw(Layout::Map), draw(Layout::App));
    let near = distance(&default, &map_drawn);
    assert!(near < 3.0, "the default is the map layout ({near})");
    assert!(distance(&default, &app_drawn) > 4.0 * near.max(1.0));
    assert!(
        distance(&app, &app_drawn) < 3.0,
        "--layout app is the window"
    );
}

/// The presets' sizes, read back by ffprobe from an MP4.
#[test]
fn a_portrait_mp4_is_1080_by_1920() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("portrait.mp4");
    let (code, stdout, stderr) = run(frontline()
        .env_remove("DISPLAY")
        .args([
            "export",
            "video",
            "--from",
            "2017-11-11",
            "--to",
            "2017-11-11",
        ])
        .args(["--step", "1d", "--preset", "portrait", "--out"])
        .arg(&out));
    assert_eq!(code, 0, "{stdout}{stderr}");
    let probe = std::process::Command::new("ffprobe")
        .args(["-v", "error", "-select_streams", "v:0", "-count_frames"])
        .args([
            "-show_entries",
            "stream=width,height,nb_read_frames",
            "-of",
            "csv=p=0",
        ])
        .arg(&out)
        .output()
        .expect("ffprobe (apt-get install ffmpeg)");
    let text = String::from_utf8_lossy(&probe.stdout);
    assert_eq!(text.trim(), "1080,1920,2", "{text}");
}
