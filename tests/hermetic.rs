//! Screenshots and videos come from the command line alone: a saved app state (another window
//! size, a hidden actor, another instant and selection, a zoomed map, panels folded, the legend
//! expanded) changes nothing in what `screenshot` and `export video` write.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use frontline::app::{FrontlineApp, LaunchOptions, Persisted};

/// A saved state as the app would leave it after a session unlike the defaults.
fn saved_state() -> Persisted {
    let store = frontline::bundled::store();
    let mut map = walkers::MapMemory::default();
    map.center_at(walkers::lon_lat(40.0, 35.0));
    let _ = map.set_zoom(12.0);
    let mut shown = std::collections::BTreeMap::new();
    for (name, on) in [
        ("feed", false),
        ("chart", false),
        ("place", false),
        ("legend_expanded", true),
        ("areas", false),
    ] {
        shown.insert(name.to_owned(), on);
    }
    Persisted {
        origin: store.origin.clone(),
        cursor: chrono::NaiveDate::from_ymd_opt(2017, 11, 4)
            .unwrap()
            .and_hms_opt(6, 0, 0)
            .unwrap(),
        selected: Some("rawa".to_owned()),
        map: Some(map),
        speed: 2.0,
        looping: true,
        filters: frontline::view::filter::Filters {
            hidden: ["syrian_government".to_owned()].into(),
            stated_only: true,
            ..Default::default()
        },
        shown,
        labels: Default::default(),
        dismissed: Vec::new(),
        areas: frontline::view::areas::AreaSettings {
            city_km: 60.0,
            stale_days: 1,
            ..Default::default()
        },
    }
}

/// A config directory holding `app.ron` as eframe writes it: the app's state and a window of
/// 1000x700, or nothing.
fn config(dir: &Path, saved: bool) -> PathBuf {
    let config = dir.join(if saved { "saved" } else { "fresh" });
    std::fs::create_dir_all(config.join("frontline")).unwrap();
    if saved {
        let mut file = HashMap::new();
        file.insert("app".to_owned(), ron::to_string(&saved_state()).unwrap());
        file.insert(
            "window".to_owned(),
            "(normal_geometry:(outer_position_pixels:Some((x:0.0,y:0.0)),scale_factor:1.0,inner_size_points:(x:1000.0,y:700.0)),fullscreen:false,maximized:false)".to_owned(),
        );
        let text = ron::to_string(&file).unwrap();
        std::fs::write(config.join("frontline").join("app.ron"), text).unwrap();
    }
    config
}

/// `frontline ARGS --out DIR/NAME` with `config` as its configuration directory (and its
/// home, so that nothing else is read), no display; the bytes written.
fn written(config: &Path, name: &str, args: &[&str]) -> Vec<u8> {
    let out = config.join(name);
    let run = Command::cargo_bin("frontline")
        .unwrap()
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env("XDG_CONFIG_HOME", config)
        .env("HOME", config)
        .args(args)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(run.status.success(), "{args:?}: {run:?}");
    std::fs::read(&out).unwrap()
}

#[test]
fn the_saved_state_would_change_the_app() {
    // The state written is one the app reads back, and it would show something else: so the
    // tests below prove that the exports do not read it.
    let text = ron::to_string(&saved_state()).unwrap();
    let back: Persisted = ron::from_str(&text).unwrap();
    let app = FrontlineApp::new(
        frontline::bundled::store(),
        &LaunchOptions::default(),
        Some(back),
    );
    assert!(app.filters.hidden.contains("syrian_government"));
    assert!(app.filters.stated_only);
    assert!(!app.shown.chart && !app.shown.feed && app.shown.legend && !app.shown.areas);
    assert_eq!(app.replay.cursor.to_string(), "2017-11-04 06:00:00");
    assert!(app.selected.is_some());
}

#[test]
fn screenshots_in_both_layouts_ignore_the_saved_state() {
    let dir = tempfile::tempdir().unwrap();
    let (fresh, saved) = (config(dir.path(), false), config(dir.path(), true));
    for args in [
        &["screenshot", "--size", "640x400", "--at", "2017-11-09"][..],
        &[
            "screenshot",
            "--layout",
            "map",
            "--size",
            "600x600",
            "--at",
            "2017-11-11",
        ][..],
    ] {
        let a = image::load_from_memory(&written(&fresh, "shot.png", args)).unwrap();
        let b = image::load_from_memory(&written(&saved, "shot.png", args)).unwrap();
        assert_eq!((b.width(), b.height()), (a.width(), a.height()), "{args:?}");
        assert!(
            a.to_rgba8() == b.to_rgba8(),
            "{args:?}: the saved state showed through"
        );
    }
}

#[test]
fn a_video_ignores_the_saved_state() {
    let dir = tempfile::tempdir().unwrap();
    let (fresh, saved) = (config(dir.path(), false), config(dir.path(), true));
    let args = [
        "export",
        "video",
        "--from",
        "2017-11-09",
        "--to",
        "2017-11-09",
        "--step",
        "1d",
        "--size",
        "320x240",
    ];
    let a = written(&fresh, "v.gif", &args);
    let b = written(&saved, "v.gif", &args);
    assert!(a.len() > 1000);
    assert!(a == b, "the same bytes whatever was saved");
}
