//! Edits shown off the window's thread, on a synthetic corpus large enough that its loading
//! spans several frames: the map keeps the data before an edit until the edit's data is
//! loaded, a load overtaken by a newer edit is never shown, undo and save work while a load
//! runs, and "unsaved changes" follows the edits, not the loads.

mod common;

use std::time::{Duration, Instant};

use common::app::{harness, shows};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use frontline::app::{Action, FrontlineApp, LaunchOptions};
use frontline::edit::{Edit, NewArticle};
use frontline::store::{DataSource, DateBasis, Precision};

/// 3,000 events: loading it takes a few frames of a debug build.
const PLACES: usize = 30;

fn on_synth() -> (tempfile::TempDir, Harness<'static, FrontlineApp>) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("synth");
    frontline::synth::write(&dir, &frontline::synth::Options::scale(PLACES)).unwrap();
    let source = DataSource::Dir(dir);
    let mut app = FrontlineApp::load(&source, &LaunchOptions::default(), None);
    app.watch(source, None).unwrap();
    (tmp, harness(app))
}

fn dir(h: &Harness<FrontlineApp>) -> std::path::PathBuf {
    std::path::PathBuf::from(&h.state().store.origin)
}

fn article(id: &str) -> Action {
    Action::Edit(Edit::AddArticle(NewArticle {
        id: id.into(),
        text: "Nothing happened in the town today.\n".into(),
        title: format!("Article {id}"),
        outlet: None,
        date: None,
        date_basis: DateBasis::Unknown,
        date_precision: Precision::Day,
        url: None,
        language: None,
    }))
}

fn has_article(h: &Harness<FrontlineApp>, id: &str) -> bool {
    h.state().store.articles.iter().any(|a| a.id == id)
}

/// Whether the top bar's marker and the window title say what the edit session says.
fn marker_is_right(h: &Harness<FrontlineApp>) -> bool {
    let dirty = h.state().session.edits.is_dirty();
    shows(h, "unsaved changes (") == dirty && h.state().title().contains("unsaved") == dirty
}

/// Draws frames until the newest edit's data is shown, checking each frame with `check`;
/// returns how many frames were drawn while it loaded.
fn until_shown(
    h: &mut Harness<FrontlineApp>,
    mut check: impl FnMut(&Harness<FrontlineApp>),
) -> usize {
    let started = Instant::now();
    let mut frames = 0;
    while h.state().session.preview.is_loading() {
        assert!(started.elapsed() < Duration::from_secs(120), "never shown");
        h.step();
        check(h);
        frames += usize::from(h.state().session.preview.is_loading());
        std::thread::sleep(Duration::from_millis(2));
    }
    h.run();
    check(h);
    frames
}

#[test]
fn an_edit_shows_on_the_map_once_loaded_and_the_window_draws_meanwhile() {
    let (_tmp, mut h) = on_synth();
    let end = h.state().replay.end;
    h.state_mut().apply([Action::SetCursor(end)]);
    h.run();
    // The latest event of the busiest place: deleting it changes the place's state at the end.
    let store = &h.state().store;
    let place = (0..store.places.len())
        .max_by_key(|&p| store.timeline.place_events(p).count())
        .unwrap();
    let events = store.place_events(place);
    let (last, before_last) = (events[events.len() - 1], events[events.len() - 2]);
    let id_of = |h: &Harness<FrontlineApp>, e: usize| h.state().store.events[e].id.clone();
    let (last_id, before_last_id) = (id_of(&h, last), id_of(&h, before_last));
    let shown = |h: &Harness<FrontlineApp>| {
        let e = h.state().scene().state(place).last_event.unwrap();
        h.state().store.events[e].id.clone()
    };
    assert_eq!(shown(&h), last_id);
    let total = h.state().store.events.len();

    h.state_mut().apply([Action::DeleteEvent(last)]);
    assert!(h.state().session.preview.is_loading());
    assert!(h.state().session.edits.is_dirty(), "unsaved at once");
    let mut spinner = false;
    let frames = until_shown(&mut h, |h| {
        assert!(marker_is_right(h));
        if h.state().session.preview.is_loading() {
            assert_eq!(shown(h), last_id, "the map keeps the data before the edit");
            assert_eq!(h.state().store.events.len(), total);
            spinner |= shows(h, "Showing the edit");
        }
    });
    eprintln!("{frames} frames drawn while the edit's data loaded");
    assert!(
        frames >= 2,
        "frames were drawn while the edit's data loaded"
    );
    // (A new egui area is measured, not shown, in its first frame.)
    assert!(spinner, "a frame said that the edit's data is loading");
    assert_eq!(h.state().store.events.len(), total - 1);
    assert_eq!(shown(&h), before_last_id, "the map shows the edit");
    assert!(!shows(&h, "Showing the edit"));
    assert!(shows(&h, "unsaved changes (1 edit)"));
    // Closing still asks.
    h.state_mut().windows.close.asked = true;
    h.run();
    assert!(shows(&h, "not saved. Save before closing?"));
}

#[test]
fn of_two_quick_edits_only_the_second_ones_data_is_shown() {
    let (_tmp, mut h) = on_synth();
    h.state_mut().apply([article("first")]);
    h.step(); // the first one's load is under way
    assert!(h.state().session.preview.is_loading());
    // Undo it and make another: the first article must never be shown.
    h.state_mut().apply([Action::Undo, article("second")]);
    until_shown(&mut h, |h| {
        assert!(!has_article(h, "first"), "an overtaken load was shown");
        assert!(marker_is_right(h));
    });
    assert!(has_article(&h, "second"));
    assert!(!has_article(&h, "first"));
    assert_eq!(h.state().session.edits.edits().len(), 1);
    assert!(shows(&h, "unsaved changes (1 edit)"));
    // The new article opened in the reader once it was shown.
    assert!(shows(&h, "Article second"));
}

#[test]
fn undo_while_an_edit_loads_ends_with_the_data_as_loaded() {
    let (_tmp, mut h) = on_synth();
    let articles = h.state().store.articles.len();
    h.state_mut().apply([article("undone")]);
    h.step();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    until_shown(&mut h, |h| {
        assert!(!has_article(h, "undone"));
        assert!(marker_is_right(h));
    });
    assert_eq!(h.state().store.articles.len(), articles);
    assert!(!h.state().session.edits.is_dirty());
    assert!(!shows(&h, "unsaved changes"));
    assert!(
        h.state().windows.reader.is_none(),
        "the undone article is not opened"
    );
}

#[test]
fn a_save_while_an_edit_loads_saves_the_edit() {
    let (_tmp, mut h) = on_synth();
    let root = dir(&h);
    h.state_mut().apply([article("saved-early")]);
    assert!(h.state().session.preview.is_loading());
    // No frame between: the edit's data has not been shown.
    assert!(!has_article(&h, "saved-early"));
    h.state_mut().apply([Action::Save]);
    assert!(!h.state().session.edits.is_dirty());
    assert!(root.join("articles/saved-early.txt").exists());
    let toml = std::fs::read_to_string(root.join("articles.toml")).unwrap();
    assert!(toml.contains("id = \"saved-early\""));
    until_shown(&mut h, |h| assert!(marker_is_right(h)));
    assert!(has_article(&h, "saved-early"), "the saved data is shown");
    assert!(shows(&h, "Saved 2 files"));
    assert!(!shows(&h, "unsaved changes"));
    // Nothing arrives later to show other data.
    for _ in 0..10 {
        h.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(has_article(&h, "saved-early"));
    assert_eq!(h.state().store.diagnostics.error_count(), 0);
}

#[test]
fn an_edit_of_a_shown_event_waits_until_the_last_edit_is_shown() {
    let (_tmp, mut h) = on_synth();
    let total = h.state().store.events.len();
    h.state_mut().apply([Action::DeleteEvent(0)]);
    // The events shown are not those the first edit leaves: the second is refused.
    h.state_mut().apply([Action::DeleteEvent(1)]);
    assert_eq!(h.state().session.edits.edits().len(), 1);
    assert!(
        h.state()
            .session
            .preview
            .problem
            .as_deref()
            .is_some_and(|p| p.contains("try again once it is shown"))
    );
    until_shown(&mut h, |_| {});
    assert_eq!(h.state().store.events.len(), total - 1);
    h.state_mut().session.preview.problem = None;
    h.state_mut().apply([Action::DeleteEvent(1)]);
    until_shown(&mut h, |_| {});
    assert_eq!(h.state().store.events.len(), total - 2);
    assert_eq!(h.state().session.edits.edits().len(), 2);
}
