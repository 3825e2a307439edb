//! Saving over files a colleague changed since they were loaded: Save is refused, and offers
//! to make the edits again over the files as they are now. Each edit that still applies is
//! saved (on the same event, found by its content); each that does not is listed, to redo or
//! drop. Nothing on disk is overwritten and no edit is lost without asking.

mod common;

use common::app::{harness, shows};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use frontline::app::workbench::ClaimMode;
use frontline::app::{Action, FrontlineApp, LaunchOptions};
use frontline::edit::{Edit, EventFields, NewArticle};
use frontline::store::{DataSource, DateBasis, Precision};

fn on_dir(root: &std::path::Path) -> Harness<'static, FrontlineApp> {
    let source = DataSource::Dir(root.to_owned());
    let mut app = FrontlineApp::load(&source, &LaunchOptions::default(), None);
    app.watch(source, None).unwrap();
    harness(app)
}

/// The store's index of the event of `place` (an id) on `date`.
fn event(h: &Harness<FrontlineApp>, place: &str, date: &str) -> usize {
    let store = &h.state().store;
    store
        .events
        .iter()
        .position(|e| store.places[e.place].id == place && e.date.to_string() == date)
        .unwrap_or_else(|| panic!("no event of {place} on {date}"))
}

fn note(h: &mut Harness<FrontlineApp>, place: &str, date: &str, text: &str) {
    let e = event(h, place, date);
    h.state_mut().apply([Action::UpdateEvent {
        event: e,
        fields: EventFields {
            note: Some(Some(text.into())),
            ..EventFields::default()
        },
    }]);
    h.run();
    wait_shown(h);
}

/// Draws frames until the data as edited is shown (it is loaded off the window's thread).
fn wait_shown(h: &mut Harness<FrontlineApp>) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while h.state().session.preview.is_loading() {
        assert!(std::time::Instant::now() < deadline);
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.step();
    }
    h.run();
}

fn save_and_reapply(h: &mut Harness<FrontlineApp>) {
    h.get_by_label("Save").click();
    h.run();
    assert!(
        shows(h, "events.toml was changed on disk")
            || shows(h, "articles.toml was changed on disk")
    );
    assert!(shows(h, "Nothing on disk is overwritten"));
    h.get_by_label("Re-apply my edits and save").click();
    h.run();
    wait_shown(h);
}

#[test]
fn a_comment_a_colleague_added_is_kept_with_the_edits_made_again() {
    let (_tmp, root) = common::bundled_copy();
    let mut h = on_dir(&root);
    h.state_mut()
        .apply([Action::Edit(Edit::AddArticle(NewArticle {
            id: "rawa-retaken".into(),
            text: "Iraqi forces recaptured Rawa on Friday.\n".into(),
            title: "Iraqi forces retake Rawa".into(),
            outlet: None,
            date: chrono::NaiveDate::from_ymd_opt(2017, 11, 17),
            date_basis: DateBasis::Stated,
            date_precision: Precision::Day,
            url: None,
            language: None,
        }))]);
    h.run();
    wait_shown(&mut h);
    note(
        &mut h,
        "deir_ez_zor",
        "2017-09-01",
        "Checked against a second source.",
    );
    // A colleague's change, after the data was loaded.
    let articles = root.join("articles.toml");
    let mut theirs = std::fs::read_to_string(&articles).unwrap();
    theirs.push_str("\n# Reviewed by a colleague.\n");
    std::fs::write(&articles, &theirs).unwrap();

    save_and_reapply(&mut h);
    let saved = std::fs::read_to_string(&articles).unwrap();
    assert!(
        saved.contains("# Reviewed by a colleague."),
        "their comment is kept"
    );
    assert!(
        saved.contains("id = \"rawa-retaken\""),
        "the new article is saved"
    );
    assert!(root.join("articles/rawa-retaken.txt").exists());
    let events = std::fs::read_to_string(root.join("events.toml")).unwrap();
    assert!(events.contains("note = \"Checked against a second source.\""));
    assert!(!h.state().session.edits.is_dirty(), "everything was saved");
    assert!(!shows(&h, "Edits not re-applied"));
    assert_eq!(h.state().store.diagnostics.error_count(), 0);
}

#[test]
fn an_edit_of_an_event_a_colleague_deleted_is_listed_and_the_others_are_saved() {
    let (_tmp, root) = common::bundled_copy();
    let mut h = on_dir(&root);
    note(&mut h, "deir_ez_zor", "2017-09-01", "First note.");
    note(&mut h, "deir_ez_zor", "2017-11-03", "Second note.");
    // A colleague deletes the first event: the second moves up in the file.
    common::remove_entries(&root, "events.toml", "event", "date = \"2017-09-01\"");

    save_and_reapply(&mut h);
    let events = std::fs::read_to_string(root.join("events.toml")).unwrap();
    assert!(
        !events.contains("First note."),
        "nothing made of the deleted event"
    );
    assert!(
        !events.contains("date = \"2017-09-01\""),
        "their deletion stands"
    );
    assert!(
        events.contains("kind = \"declared\"\nfrom = [\"syrian_government\", \"islamic_state\"]\nto = \"syrian_government\"\nnote = \"Second note.\""),
        "the other edit is saved on its event, moved up"
    );
    assert!(shows(&h, "Edits not re-applied"));
    assert!(shows(&h, "1 edit no longer applies"));
    assert!(shows(&h, "the claim about deir_ez_zor on 2017-09-01"));
    assert!(shows(
        &h,
        "was changed or deleted on disk since it was loaded"
    ));
    assert!(!h.state().session.edits.is_dirty());
    h.get_by_label("Drop").click();
    h.run();
    assert!(!shows(&h, "Edits not re-applied"));
    assert!(h.state().windows.save_problem.not_applied.is_empty());
}

#[test]
fn a_quote_attached_to_an_event_a_colleague_deleted_can_be_redone_from_the_list() {
    let (_tmp, root) = common::bundled_copy();
    let mut h = on_dir(&root);
    let quote = "regime forces declared victory in Deir Ezzor, the last major city in the country's eastern desert where the militants still had a presence";
    let e = event(&h, "deir_ez_zor", "2017-09-01");
    h.state_mut().apply([Action::AttachSource {
        event: e,
        sources: vec![frontline::edit::NewSource {
            article: "reuters-deir-ezzor".into(),
            quote: quote.into(),
            date_phrase: None,
            prefix: None,
            suffix: None,
        }],
    }]);
    wait_shown(&mut h);
    assert!(h.state().session.edits.is_dirty());
    common::remove_entries(&root, "events.toml", "event", "date = \"2017-09-01\"");
    save_and_reapply(&mut h);
    assert!(shows(
        &h,
        "add a quote of reuters-deir-ezzor (the claim about deir_ez_zor on 2017-09-01)"
    ));
    h.get_by_label("Redo…").click();
    h.run();
    let claim = &h.state().windows.claim;
    assert_eq!(
        claim.mode,
        ClaimMode::Attach,
        "to attach it to the event as it now is"
    );
    assert_eq!(claim.form.as_ref().unwrap().quote, quote);
    assert!(h.state().windows.save_problem.not_applied.is_empty());
    assert!(!shows(&h, "Edits not re-applied"));
}
