//! UI tests of the app with egui_kittest: widgets are found by their accessible labels, clicked,
//! dragged and driven with keys, and the tests assert on what changed. No screen needed.

mod common;

use chrono::{NaiveDate, NaiveDateTime};
use common::app::{bundled as harness, bundled_with as harness_with, click_at, place, shows};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use frontline::app::timeline::CURSOR_LABEL;
use frontline::app::{FrontlineApp, LaunchOptions};
use frontline::present::event_line;
use frontline::store::Control;

fn day(d: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2017, 11, d)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap()
}

fn actor(h: &Harness<FrontlineApp>, id: &str) -> usize {
    h.state()
        .store
        .actors
        .iter()
        .position(|a| a.id == id)
        .unwrap()
}

/// Clicks the timeline axis where the given instant is.
fn click_timeline(h: &mut Harness<FrontlineApp>, at: NaiveDateTime) {
    let rect = h.get_by_role_and_label(Role::Slider, CURSOR_LABEL).rect();
    let r = h.state().replay;
    let frac = (r.days_of(at) / r.span_days()) as f32;
    // The track is inset by 12 points on each side.
    let x = rect.left() + 12.0 + frac * (rect.width() - 24.0);
    click_at(h, egui::pos2(x, rect.top() + 16.0));
}

#[test]
fn opens_at_the_start_of_the_data() {
    let h = harness();
    assert_eq!(h.state().replay.cursor, day(3));
    assert!(
        h.query_by_label("Fri 3 Nov 2017").is_some(),
        "the current date is written in full"
    );
    assert_eq!(h.state().selected, None);
}

#[test]
fn clicking_a_marker_shows_its_quotes() {
    let mut h = harness();
    assert!(!shows(&h, "mainly holed up at the border"));
    h.get_by_role_and_label(Role::Button, "Abu Kamal").click();
    h.run();
    assert_eq!(h.state().selected, Some(place(&h, "abu_kamal")));
    // The place panel shows the quote in its context, with the article behind it.
    assert!(shows(&h, "mainly holed up at the border in Iraq's Al Qaim"));
    assert!(shows(&h, "Held by Islamic State since Fri 3 Nov 2017"));
}

#[test]
fn moving_the_cursor_changes_who_holds_abu_kamal() {
    let mut h = harness_with(LaunchOptions {
        at: None,
        select: Some("Bukamal".into()),
        ..LaunchOptions::default()
    });
    let ak = place(&h, "abu_kamal");
    click_timeline(&mut h, day(10) + chrono::Duration::hours(12));
    assert_eq!(h.state().replay.cursor.date(), day(10).date());
    let syria = actor(&h, "syrian_government");
    assert_eq!(
        h.state()
            .store
            .state_at(ak, h.state().replay.cursor)
            .control,
        Some(Control::Held(syria))
    );
    assert!(shows(
        &h,
        "Held by Syrian government and allies since Thu 9 Nov 2017"
    ));

    click_timeline(&mut h, day(11) + chrono::Duration::hours(12));
    assert_eq!(h.state().replay.cursor.date(), day(11).date());
    assert!(shows(&h, "Held by Islamic State since Sat 11 Nov 2017"));
    assert!(!shows(&h, "Held by Syrian government"));
}

#[test]
fn dragging_the_cursor_scrubs() {
    let mut h = harness();
    let rect = h.get_by_role_and_label(Role::Slider, CURSOR_LABEL).rect();
    let y = rect.top() + 16.0;
    let from = egui::pos2(rect.left() + 14.0, y);
    let to = egui::pos2(rect.right() - 14.0, y);
    h.hover_at(from);
    h.step();
    h.drag_at(from);
    h.step();
    for i in 1..=10 {
        h.hover_at(from + (to - from) * (i as f32 / 10.0));
        h.step();
    }
    h.drop_at(to);
    h.run();
    assert!(
        h.state().replay.cursor.date() >= day(12).date(),
        "dragged to the end: {}",
        h.state().replay.cursor
    );
}

#[test]
fn arrow_keys_step_from_change_to_change() {
    let mut h = harness();
    h.key_press(egui::Key::ArrowRight);
    h.run();
    assert_eq!(
        h.state().replay.cursor,
        day(9),
        "the next change after 3 Nov is Abu Kamal on 9 Nov"
    );
    h.key_press(egui::Key::ArrowRight);
    h.run();
    assert_eq!(h.state().replay.cursor, day(11));
    h.key_press(egui::Key::ArrowLeft);
    h.run();
    assert_eq!(h.state().replay.cursor, day(9));
    h.key_press(egui::Key::End);
    h.run();
    assert_eq!(h.state().replay.cursor, h.state().replay.end);
    h.key_press(egui::Key::Home);
    h.run();
    assert_eq!(h.state().replay.cursor, day(3));
}

#[test]
fn the_buttons_step_too() {
    let mut h = harness();
    h.get_by_label("Next change >").click();
    h.run();
    assert_eq!(h.state().replay.cursor, day(9));
    h.get_by_label("< Previous change").click();
    h.run();
    assert_eq!(h.state().replay.cursor, day(3));
}

#[test]
fn playing_advances_time_and_space_pauses() {
    let mut h = harness();
    h.get_by_label("Play").click();
    h.run_steps(30);
    assert!(h.state().replay.playing);
    let after = h.state().replay.cursor;
    assert!(after > day(3), "time advanced: {after}");
    // Thirty frames of 1/60 s at one day per second is half a day.
    assert!(after < day(4), "{after}");
    h.key_press(egui::Key::Space);
    h.run_steps(2);
    assert!(!h.state().replay.playing);
    let paused = h.state().replay.cursor;
    h.run_steps(10);
    assert_eq!(h.state().replay.cursor, paused);
}

#[test]
fn clicking_an_event_in_the_feed_moves_the_cursor_and_selects_its_place() {
    let mut h = harness();
    let store = &h.state().store;
    let recapture = store
        .events
        .iter()
        .position(|e| store.places[e.place].id == "abu_kamal" && e.date == day(11).date())
        .unwrap();
    let label = event_line(store, recapture);
    h.get_by_label(&label).click();
    h.run();
    assert_eq!(h.state().replay.cursor, day(11));
    assert_eq!(h.state().selected, Some(place(&h, "abu_kamal")));
    assert!(shows(&h, "Recaptured: held by Islamic State"));
}

#[test]
fn the_legend_lists_every_actor_and_marker_style() {
    let mut h = harness();
    // Folded, the strip lists the actors; expanded (L), the marker styles too.
    h.key_press(egui::Key::L);
    h.run();
    for a in &h.state().store.actors {
        assert!(
            h.query_by_label(&a.name).is_some(),
            "legend entry for {}",
            a.name
        );
    }
    for style in [
        "Contested",
        "Unknown",
        "Reported that day",
        "Carried forward from an earlier report",
        "Border crossing",
    ] {
        assert!(h.query_by_label(style).is_some(), "legend entry {style}");
    }
}

#[test]
fn launch_options_set_the_cursor_and_the_selection() {
    let at = day(11) + chrono::Duration::hours(23);
    let h = harness_with(LaunchOptions {
        at: Some(at),
        select: Some("al qaim border crossing".into()),
        ..LaunchOptions::default()
    });
    assert_eq!(h.state().replay.cursor, at);
    assert_eq!(
        h.state().selected,
        Some(place(&h, "al_qaim_border_crossing"))
    );
    assert!(shows(
        &h,
        "Held by Iraqi government forces since Fri 3 Nov 2017"
    ));
}

#[test]
fn clicking_a_quote_opens_the_article_at_it() {
    let mut h = harness_with(LaunchOptions {
        at: Some(day(11)),
        select: Some("Rumana".into()),
        ..LaunchOptions::default()
    });
    h.get_all_by_label_contains("Iraqi forces seized on Saturday several villages")
        .next()
        .unwrap()
        .click();
    h.run();
    let reader = h
        .state()
        .windows
        .reader
        .as_ref()
        .expect("the reader opened");
    let article = &h.state().store.articles[reader.article];
    let (s, e) = reader.quote.unwrap();
    assert_eq!(
        &article.text[s..e],
        "Iraqi forces seized on Saturday several villages from the militants"
    );
}

#[test]
fn the_last_session_is_restored_unless_flags_say_otherwise() {
    let mut first = harness_with(LaunchOptions {
        at: Some(day(9)),
        select: Some("Rawa".into()),
        ..LaunchOptions::default()
    });
    first.get_by_label("Next change >").click();
    first.run();
    let saved = first.state().persisted();
    assert_eq!(saved.cursor, day(11));
    assert_eq!(saved.selected.as_deref(), Some("rawa"));

    // Restored: cursor, selection, view.
    let app = FrontlineApp::new(
        frontline::bundled::store(),
        &LaunchOptions::default(),
        Some(saved.clone()),
    );
    assert_eq!(app.replay.cursor, day(11));
    assert_eq!(
        app.selected
            .map(|p| app.store.places[p].id.clone())
            .as_deref(),
        Some("rawa")
    );
    assert_eq!(
        app.panels.map.memory.zoom(),
        first.state().panels.map.memory.zoom()
    );

    // Flags win over the saved state.
    let app = FrontlineApp::new(
        frontline::bundled::store(),
        &LaunchOptions {
            at: Some(day(4)),
            select: Some("Deir ez-Zor".into()),
            ..LaunchOptions::default()
        },
        Some(saved.clone()),
    );
    assert_eq!(app.replay.cursor, day(4));
    assert_eq!(
        app.selected
            .map(|p| app.store.places[p].id.clone())
            .as_deref(),
        Some("deir_ez_zor")
    );

    // A state saved for other data is ignored.
    let other = frontline::app::Persisted {
        origin: "/elsewhere".into(),
        ..saved
    };
    let app = FrontlineApp::new(
        frontline::bundled::store(),
        &LaunchOptions::default(),
        Some(other),
    );
    assert_eq!(app.replay.cursor, day(3));
    assert_eq!(app.selected, None);
}

#[test]
fn the_export_menu_writes_a_csv_where_the_dialog_says() {
    let mut h = harness();
    // egui's menu button registers its label twice in the accessibility tree.
    h.query_all_by_label("Export").next().unwrap().click();
    h.run();
    h.get_by_label("CSV…").click();
    h.run();
    let prefilled = h
        .state()
        .windows
        .export
        .as_ref()
        .expect("the dialog is open")
        .path
        .clone();
    assert!(prefilled.ends_with("frontline-events.csv"), "{prefilled}");

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("events.csv");
    let field = h.get_by_role_and_label(Role::TextInput, "Save to");
    field.focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(Role::TextInput, "Save to")
        .type_text(&out.display().to_string());
    h.run();
    h.get_by_label("Write file").click();
    h.run();

    let text = std::fs::read_to_string(&out).expect("the CSV was written");
    let events = h.state().store.events.len();
    assert!(events >= 12);
    assert_eq!(
        text.lines().count(),
        1 + events,
        "a header and a row per event"
    );
    assert!(shows(&h, "Wrote"), "the dialog says what it wrote");
    h.get_by_label("Close").click();
    h.run();
    assert!(h.state().windows.export.is_none());
}

#[test]
fn the_video_dialog_takes_a_title_for_the_publishing_layout() {
    let mut h = harness();
    h.query_all_by_label("Export").next().unwrap().click();
    h.run();
    h.get_by_label("Video (GIF)…").click();
    h.run();
    let title = h.get_by_role_and_label(Role::TextInput, "Title");
    title.focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Title")
        .type_text("The week Abu Kamal fell");
    h.run();
    let dialog = |h: &Harness<'_, FrontlineApp>| {
        let d = h
            .state()
            .windows
            .export
            .as_ref()
            .expect("the dialog is open");
        (d.title.clone(), d.layout)
    };
    assert_eq!(
        dialog(&h),
        (
            "The week Abu Kamal fell".to_owned(),
            frontline::app::publish::Layout::Map
        )
    );
    // The whole window has no title card: the field goes.
    h.get_by_label("Whole window").click();
    h.run();
    assert_eq!(dialog(&h).1, frontline::app::publish::Layout::App);
    assert!(
        h.query_by_role_and_label(Role::TextInput, "Title")
            .is_none(),
        "no title field for the whole window"
    );
}
