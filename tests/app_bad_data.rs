//! The app on bad and changing data: it opens, shows what is valid, lists the problems with
//! the offending lines, reloads when files change, and never writes into the data directory.

mod common;

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use common::app::{harness, shows};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use frontline::app::{FrontlineApp, LaunchOptions};
use frontline::store::{Control, DataSource, Store};

#[test]
fn broken_data_opens_with_the_problems_listed() {
    let (_tmp, root) = common::bundled_copy();
    common::edit(
        &root,
        "events.toml",
        "overran Bukamal on Thursday",
        "overran Bukamal on Wednesday",
    );
    common::edit(&root, "places.toml", "lat = 34.48229", "lat = \"north\"");
    let store = Store::load(&DataSource::Dir(root.clone()));
    // The bad quote, the bad latitude, and Rawa's two events, whose place is now invalid.
    assert_eq!(
        store.diagnostics.error_count(),
        4,
        "{}",
        store.diagnostics.render()
    );
    let mut h = harness(FrontlineApp::new(store, &LaunchOptions::default(), None));
    // The problems window is open and names file, line and what is wrong.
    assert!(shows(&h, "Problems (4)"));
    assert!(shows(&h, "quote not found verbatim"));
    assert!(shows(&h, "events.toml:"));
    // Everything valid is shown: the other places, and Abu Kamal's other sources.
    assert!(
        h.query_by_role_and_label(Role::Button, "Abu Kamal")
            .is_some()
    );
    assert!(
        h.query_by_role_and_label(Role::Button, "Rawa").is_none(),
        "Rawa's entry is invalid and left out"
    );
    // Selecting a problem shows the offending line of the file.
    h.get_all_by_label_contains("quote not found verbatim")
        .next()
        .unwrap()
        .click();
    h.run();
    assert!(
        shows(&h, "overran Bukamal on Wednesday"),
        "the offending line is shown"
    );
    assert!(shows(&h, "Hint: the closest passage"));
}

#[test]
fn a_missing_data_directory_still_opens() {
    let store = Store::load(&DataSource::Dir("/nonexistent/frontline-data".into()));
    assert!(store.diagnostics.has_errors());
    let h = harness(FrontlineApp::new(store, &LaunchOptions::default(), None));
    assert!(shows(&h, "the data directory does not exist"));
    assert!(shows(&h, "No place selected"));
}

/// Steps the app, with short sleeps, until `done` holds or 10 s pass.
fn wait_until(h: &mut Harness<FrontlineApp>, done: impl Fn(&FrontlineApp) -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(10) {
        h.step();
        if done(h.state()) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

#[test]
fn edits_are_reloaded_keeping_cursor_selection_and_view() {
    let (_tmp, root) = common::bundled_copy();
    let at = NaiveDate::from_ymd_opt(2017, 11, 11)
        .unwrap()
        .and_hms_opt(23, 0, 0)
        .unwrap();
    let options = LaunchOptions {
        at: Some(at),
        select: Some("Rummanah".into()),
        ..LaunchOptions::default()
    };
    let mut app = FrontlineApp::load(&DataSource::Dir(root.clone()), &options, None);
    app.watch(DataSource::Dir(root.clone()), None).unwrap();
    let mut h = harness(app);
    let rummanah = h.state().selected.unwrap();
    let zoom = h.state().panels.map.memory.zoom();
    let sdf = h
        .state()
        .store
        .actors
        .iter()
        .position(|a| a.id == "sdf")
        .unwrap();
    let before = common::snapshot(&root);

    // An annotator changes who took Rummanah.
    common::edit(
        &root,
        "events.toml",
        "place = \"rummanah\"\ndate = \"2017-11-11\"\nkind = \"capture\"\nfrom = \"islamic_state\"\nto = \"iraqi_government\"",
        "place = \"rummanah\"\ndate = \"2017-11-11\"\nkind = \"capture\"\nfrom = \"islamic_state\"\nto = \"sdf\"",
    );
    assert!(
        wait_until(&mut h, |app| app.store.state_at(rummanah, at).control
            == Some(Control::Held(sdf))),
        "the edit was not picked up"
    );
    assert_eq!(h.state().replay.cursor, at, "cursor kept");
    assert_eq!(h.state().selected, Some(rummanah), "selection kept");
    assert_eq!(h.state().panels.map.memory.zoom(), zoom, "view kept");
    assert!(h.state().notices.has_news(std::time::Instant::now()));

    // A broken edit: the valid part stays, the problem is listed.
    common::edit(&root, "events.toml", "to = \"sdf\"", "to = \"nobody\"");
    assert!(
        wait_until(&mut h, |app| app.store.diagnostics.has_errors()),
        "the broken edit was not picked up"
    );
    h.run();
    assert!(shows(&h, "unknown actor \"nobody\""));
    assert!(
        h.state().store.events.len() > 5,
        "the other events are still there"
    );
    assert_eq!(h.state().selected, Some(rummanah));

    // The app itself wrote nothing into the data directory: only our two edits differ.
    let after = common::snapshot(&root);
    assert_eq!(before.len(), after.len(), "no file added or removed");
    for ((p, a), (q, b)) in before.iter().zip(&after) {
        assert_eq!(p, q);
        if !p.ends_with("events.toml") {
            assert_eq!(a, b, "{} changed", p.display());
        }
    }
}

#[test]
fn a_reload_that_removes_the_selected_place_clears_the_selection() {
    let (_tmp, root) = common::bundled_copy();
    let at = NaiveDate::from_ymd_opt(2017, 11, 11)
        .unwrap()
        .and_hms_opt(23, 0, 0)
        .unwrap();
    let options = LaunchOptions {
        at: Some(at),
        select: Some("Rawa".into()),
        ..LaunchOptions::default()
    };
    let mut app = FrontlineApp::load(&DataSource::Dir(root.clone()), &options, None);
    app.watch(DataSource::Dir(root.clone()), None).unwrap();
    let mut h = harness(app);
    let places = h.state().store.places.len();
    assert!(shows(&h, "Rawa, the last Iraqi town still held"));
    // Rummanah comes after Rawa: its index moves down when Rawa goes.
    let rummanah_before = common::app::place(&h, "rummanah");

    // An annotator deletes Rawa: the place and its events.
    common::remove_entries(&root, "events.toml", "event", "place = \"rawa\"");
    common::remove_entries(&root, "places.toml", "place", "id = \"rawa\"");
    assert!(
        wait_until(&mut h, |app| app.store.places.len() == places - 1),
        "the deletion was not picked up"
    );
    h.run();
    assert_eq!(h.state().selected, None, "the selected place is gone");
    assert!(
        !h.state().store.diagnostics.has_errors(),
        "{}",
        h.state().store.diagnostics.render()
    );
    assert!(shows(&h, "No place selected"));
    assert!(h.query_by_role_and_label(Role::Button, "Rawa").is_none());
    assert!(!shows(&h, "Rawa, the last Iraqi town still held"));
    assert_eq!(h.state().replay.cursor, at, "cursor kept");

    // The app works on: the place that took Rawa's index is selected by its own marker.
    let rummanah = common::app::place(&h, "rummanah");
    assert_eq!(rummanah, rummanah_before - 1);
    h.get_by_role_and_label(Role::Button, "Rummanah").click();
    h.run();
    assert_eq!(h.state().selected, Some(rummanah));
    assert!(shows(
        &h,
        "Held by Iraqi government forces since Sat 11 Nov 2017"
    ));
}
