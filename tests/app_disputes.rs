//! Disputes and uncertain windows in the app, on the bundled data with the time fixtures
//! added (`tests/fixtures/time`): a wire story dates the capture of Abu Kamal a day before the
//! bundled articles do (a dispute), and Rawa changed hands "earlier this month" (an uncertain
//! window). The place panel shows both versions side by side; marking one preferred is an
//! edit that resolves the dispute, and Undo brings it back.

mod common;

use std::path::Path;

use common::app::{harness, place, shows};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use frontline::app::{Action, FrontlineApp, LaunchOptions};
use frontline::store::DataSource;

/// The app on the fixture, `place` selected and the cursor on `day` of Nov 2017.
fn open_at(root: &Path, id: &str, day: u32) -> Harness<'static, FrontlineApp> {
    let source = DataSource::Dir(root.to_owned());
    let mut app = FrontlineApp::load(&source, &LaunchOptions::default(), None);
    app.watch(source, None).unwrap();
    let mut h = harness(app);
    let p = place(&h, id);
    let at = chrono::NaiveDate::from_ymd_opt(2017, 11, day)
        .unwrap()
        .and_hms_opt(12, 0, 0)
        .unwrap();
    h.state_mut()
        .apply([Action::Select(Some(p)), Action::SetCursor(at)]);
    h.run();
    h
}

/// Runs frames until the edits' data is shown.
fn until_shown(h: &mut Harness<FrontlineApp>) {
    for _ in 0..600 {
        h.run();
        if !h.state().session.preview.is_loading() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the edit's data was never shown");
}

#[test]
fn a_dispute_shows_both_versions_and_marking_one_preferred_resolves_it_until_undone() {
    let (_tmp, root) = common::time_fixture();
    let mut h = open_at(&root, "abu_kamal", 8);
    assert!(shows(
        &h,
        "Disputed: sources disagree: see both versions below"
    ));
    assert!(shows(&h, "disputed from Wed 8 Nov to Thu 9 Nov 2017"));
    // The two versions, each with who says it and what it says.
    assert!(shows(&h, "Wire, Wed 8 Nov"));
    assert!(shows(&h, "captured Wed 8 Nov · Syrian gov."));
    assert!(shows(&h, "3 articles of Sun 12 Nov"));
    assert!(shows(
        &h,
        "captured Thu 9 Nov · Syrian gov. (IS until then)"
    ));
    assert!(shows(
        &h,
        "Wire, Wed 8 Nov: Alliance says it holds Abu Kamal"
    ));
    assert_eq!(h.query_all_by_label("Mark preferred…").count(), 2);

    // Prefer the bundled articles' version (the second column), with a reason.
    h.get_all_by_label("Mark preferred…")
        .nth(1)
        .unwrap()
        .click();
    h.run();
    assert!(
        h.get_by_label("Resolve").accesskit_node().is_disabled(),
        "no resolving without a reason"
    );
    h.get_by_role_and_label(Role::TextInput, "Reason").focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Reason")
        .type_text("three outlets agree on Thursday");
    h.run();
    h.get_by_label("Resolve").click();
    h.run();
    until_shown(&mut h);
    assert_eq!(h.state().session.preview.problem, None);
    assert!(shows(&h, "unsaved changes (1 edit)"));
    assert!(!shows(&h, "see both versions below"));
    assert_eq!(h.query_all_by_label("Mark preferred…").count(), 0);
    assert!(shows(&h, "resolved: three outlets agree on Thursday"));
    // The other version stays in the history, set aside.
    assert!(shows(&h, "set aside: three outlets agree on Thursday"));
    let store = &h.state().store;
    assert_eq!(store.timeline.all_disputes().count(), 0);

    // One Undo brings the dispute back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    until_shown(&mut h);
    assert!(!h.state().session.edits.is_dirty());
    assert!(shows(&h, "see both versions below"));
    assert!(!shows(&h, "resolved: three outlets agree"));
    assert_eq!(h.query_all_by_label("Mark preferred…").count(), 2);
}

#[test]
fn a_resolution_is_saved_into_both_events_files() {
    let (_tmp, root) = common::time_fixture();
    let mut h = open_at(&root, "abu_kamal", 8);
    h.get_all_by_label("Mark preferred…")
        .next()
        .unwrap()
        .click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Reason").focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Reason")
        .type_text("the commander was there");
    h.run();
    h.get_by_label("Resolve").click();
    h.run();
    until_shown(&mut h);
    h.get_by_label("Save").click();
    h.run();
    let wire = std::fs::read_to_string(root.join("events/wire-2017-11-08.toml")).unwrap();
    assert!(
        wire.contains("rank = \"preferred\"\nrank_reason = \"the commander was there\""),
        "{wire}"
    );
    let bundled = std::fs::read_to_string(root.join("events.toml")).unwrap();
    assert!(
        bundled.contains("rank = \"deprecated\"\nrank_reason = \"the commander was there\""),
        "the other version, in the bundled events"
    );
    assert!(!h.state().session.edits.is_dirty());
    assert!(shows(&h, "resolved: the commander was there"));
    assert!(shows(&h, "set aside: the commander was there"));
}

#[test]
fn an_uncertain_window_is_described_in_the_place_panel() {
    let (_tmp, root) = common::time_fixture();
    let h = open_at(&root, "rawa", 15);
    assert!(shows(&h, "Uncertain: changed hands some time in a window"));
    assert!(shows(
        &h,
        "Changed hands between Sat 11 and Sun 19 Nov, says Gazette, Mon 20 Nov ('earlier this month'): the map shows who held it before (IS), and it may already have changed to Iraqi gov."
    ));
    // Out of the window, nothing is uncertain.
    let mut h = open_at(&root, "rawa", 5);
    h.run();
    assert!(!shows(&h, "the map shows who held it before"));
}

#[test]
fn the_feed_and_what_changed_list_the_dispute_and_the_window() {
    let (_tmp, root) = common::time_fixture();
    let mut h = open_at(&root, "abu_kamal", 8);
    assert!(shows(
        &h,
        "Wed 8 Nov 2017 · Abu Kamal · captured · Syrian gov. · disputed"
    ));
    assert!(shows(
        &h,
        "Thu 9 Nov 2017 · Abu Kamal · captured · Syrian gov. · disputed"
    ));
    h.key_press(Key::D);
    h.run();
    assert!(shows(&h, "Disputed or uncertain in this time"));
    assert!(shows(
        &h,
        "Abu Kamal disputed from Wed 8 Nov to Thu 9 Nov 2017: Wire, Wed 8 Nov says Syrian gov.; 3 articles of Sun 12 Nov say IS"
    ));
    // The uncertain window of Rawa, in the days it covers.
    let mut h = open_at(&root, "rawa", 15);
    h.key_press(Key::D);
    h.run();
    assert!(shows(
        &h,
        "Rawa: changed hands between Sat 11 and Sun 19 Nov (to Iraqi gov.)"
    ));
}
