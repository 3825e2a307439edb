//! `frontline screenshot` draws the app offscreen: no display is needed (every test here runs
//! with `DISPLAY` and `WAYLAND_DISPLAY` removed), the PNG has the size asked for whatever size
//! the app's window was saved with, and a PNG that cannot be written is an error naming it.

use std::path::Path;

use assert_cmd::Command;

/// The app's saved state as eframe writes it after a session in a 1000x700 window.
const SAVED_1000X700: &str = r#"{
    "window": "(normal_geometry:(outer_position_pixels:Some((x:0.0,y:0.0)),scale_factor:1.0,inner_size_points:(x:1000.0,y:700.0)),fullscreen:false,maximized:false)",
}
"#;

/// `frontline` with no display and a config directory holding a saved 1000x700 window.
fn frontline(config: &Path) -> Command {
    let dir = config.join("frontline");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("app.ron"), SAVED_1000X700).unwrap();
    let mut cmd = Command::cargo_bin("frontline").unwrap();
    cmd.env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env("XDG_CONFIG_HOME", config);
    cmd
}

#[test]
fn a_screenshot_into_a_missing_directory_fails_naming_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("no-such-dir").join("shot.png");
    let run = frontline(tmp.path())
        .args(["screenshot", "--out"])
        .arg(&out)
        .args(["--at", "2017-11-11", "--select", "Abu Kamal"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2), "{run:?}");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains(&out.display().to_string()), "{stderr}");
    assert!(stderr.contains("does not exist"), "{stderr}");
    assert!(!out.exists());
}

#[test]
fn a_screenshot_has_the_size_asked_for_whatever_the_saved_window() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("shot.png");
    let run = frontline(tmp.path())
        .args([
            "screenshot",
            "--size",
            "640x400",
            "--at",
            "2017-11-09",
            "--out",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert!(run.status.success(), "{run:?}");
    let image = image::open(&out).unwrap().to_rgba8();
    assert_eq!(image.dimensions(), (640, 400));
    // Drawn, not blank: the light panels, and darker text and markers on them.
    let dark = image
        .pixels()
        .filter(|p| u32::from(p[0]) + u32::from(p[1]) + u32::from(p[2]) < 150)
        .count();
    assert!(dark > 1000, "{dark} dark pixels");
    assert!(image.pixels().all(|p| p[3] == 255), "opaque");
    // Nothing else is written beside it.
    let names: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn a_story_step_and_an_article_are_drawn_without_a_display() {
    let tmp = tempfile::tempdir().unwrap();
    for (name, args) in [
        (
            "story.png",
            &["--story", "abu-kamal-week", "--step", "2"][..],
        ),
        ("reader.png", &["--article", "mee-albu-kamal"][..]),
    ] {
        let out = tmp.path().join(name);
        let run = frontline(tmp.path())
            .args(["screenshot", "--size", "800x500", "--out"])
            .arg(&out)
            .args(args)
            .output()
            .unwrap();
        assert!(run.status.success(), "{args:?}: {run:?}");
        let image = image::open(&out).unwrap();
        assert_eq!((image.width(), image.height()), (800, 500), "{args:?}");
    }
}

/// The pixels of a PNG.
fn pixels(path: &Path) -> image::RgbaImage {
    image::open(path).unwrap().to_rgba8()
}

/// The share of pixels that differ between two images of one size.
fn differing(a: &image::RgbaImage, b: &image::RgbaImage) -> f64 {
    assert_eq!(a.dimensions(), b.dimensions());
    let n = a.pixels().zip(b.pixels()).filter(|(p, q)| p != q).count();
    n as f64 / f64::from(a.width() * a.height())
}

#[test]
fn the_map_layout_in_the_square_preset_is_1080_by_1080_and_not_the_window() {
    let tmp = tempfile::tempdir().unwrap();
    let shot = |name: &str, args: &[&str]| {
        let out = tmp.path().join(name);
        let run = frontline(tmp.path())
            .args(["screenshot", "--at", "2017-11-09", "--out"])
            .arg(&out)
            .args(args)
            .output()
            .unwrap();
        assert!(run.status.success(), "{args:?}: {run:?}");
        pixels(&out)
    };
    let map = shot("map.png", &["--layout", "map", "--preset", "square"]);
    assert_eq!(map.dimensions(), (1080, 1080));
    let app = shot("app.png", &["--layout", "app", "--size", "1080x1080"]);
    assert!(differing(&map, &app) > 0.3, "the layouts differ");
    // The header card, top left: the title and the date in near-black on white.
    let header = (40..500)
        .flat_map(|x| (40..140).map(move |y| (x, y)))
        .filter(|&(x, y)| {
            let p = map.get_pixel(x, y);
            u32::from(p[0]) + u32::from(p[1]) + u32::from(p[2]) < 120
        })
        .count();
    assert!(header > 2000, "{header} dark pixels of title and date");
    // The title is the one asked for: another title, other pixels; the footer (captions,
    // legend, sources) stays the same.
    let titled = shot(
        "titled.png",
        &[
            "--layout",
            "map",
            "--preset",
            "square",
            "--title",
            "Euphrates, November 2017",
        ],
    );
    let crop = |img: &image::RgbaImage, y: u32, h: u32| {
        image::imageops::crop_imm(img, 0, y, 1080, h).to_image()
    };
    let head = differing(&crop(&map, 0, 160), &crop(&titled, 0, 160));
    let foot = differing(&crop(&map, 960, 120), &crop(&titled, 960, 120));
    assert!(head > 0.02 && foot < 0.002, "header {head}, footer {foot}");
}

#[test]
fn a_preset_and_a_size_together_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let run = frontline(tmp.path())
        .args([
            "screenshot",
            "--preset",
            "portrait",
            "--size",
            "640x400",
            "--out",
        ])
        .arg(tmp.path().join("x.png"))
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2), "{run:?}");
    assert!(String::from_utf8_lossy(&run.stderr).contains("--preset"));
}
