//! The annotation workbench in the app, driven through its widgets: add an article by pasting
//! its text, save it into a copy of the data, undo, a save refused because a file changed on
//! disk, and the bundled data saved only as a copy.

mod common;

use common::app::{harness, shows};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use frontline::app::{FrontlineApp, LaunchOptions};
use frontline::store::DataSource;

const TEXT: &str = "date 2017-11-10\nIraqi forces entered Husaybah on Friday.\n";

fn on_dir(root: &std::path::Path) -> Harness<'static, FrontlineApp> {
    let source = DataSource::Dir(root.to_owned());
    let mut app = FrontlineApp::load(&source, &LaunchOptions::default(), None);
    app.watch(source, None).unwrap();
    harness(app)
}

fn type_into(h: &mut Harness<FrontlineApp>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    h.run();
}

/// Draws frames until the file "Add article" reads (on a thread of its own) is read.
fn wait_read(h: &mut Harness<FrontlineApp>) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while h.state().windows.add_article.is_reading() {
        assert!(
            std::time::Instant::now() < deadline,
            "the file is still being read"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.step();
    }
    h.run();
}

/// Opens "Add article" with Ctrl+N, fills it in, pastes the text and adds it.
fn add_article(h: &mut Harness<FrontlineApp>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert!(h.state().windows.add_article.open);
    type_into(h, "Id", "husaybah-entered");
    // Checked as you type: the form says what is missing, and Add waits.
    assert!(shows(h, "give the article a title"));
    type_into(h, "Title", "Iraqi forces enter Husaybah");
    type_into(h, "Date", "2017-11-10");
    h.get_by_role_and_label(
        Role::MultilineTextInput,
        "Text (stored exactly as it is here)",
    )
    .focus();
    h.run();
    h.event(egui::Event::Paste(TEXT.into()));
    h.run();
    assert!(shows(h, "The text goes to articles/husaybah-entered.txt"));
    h.get_by_label("Add").click();
    h.run();
    assert!(!h.state().windows.add_article.open);
    assert!(shows(h, "unsaved changes (1 edit)"));
}

#[test]
fn an_article_pasted_in_is_saved_into_the_data_directory_and_shown() {
    let (_tmp, root) = common::bundled_copy();
    let mut h = on_dir(&root);
    let before = h.state().store.articles.len();
    add_article(&mut h);
    h.set_size(egui::vec2(1000.0, 700.0));
    h.run();
    h.get_by_label("Save").click();
    h.run();
    assert_eq!(
        std::fs::read_to_string(root.join("articles/husaybah-entered.txt")).unwrap(),
        TEXT
    );
    let store = &h.state().store;
    assert_eq!(store.articles.len(), before + 1, "reloaded after the save");
    assert_eq!(store.diagnostics.error_count(), 0);
    assert!(!shows(&h, "unsaved changes"));
    assert!(shows(&h, "Saved 2 files"));
    // In a window as narrow as it may be, the notice covers nothing: not the search field, not the top bar's buttons.
    let notice = h.get_by_label_contains("Saved 2 files").rect();
    let search = h
        .get_by_role_and_label(Role::TextInput, "Search places")
        .rect();
    assert!(
        !notice.intersects(search),
        "the notice {notice:?} is over the search {search:?}"
    );
    for label in ["Save", "What changed", "Play", "Loop"] {
        let other = h.get_by_label(label).rect();
        assert!(
            !notice.intersects(other),
            "the notice {notice:?} is over {label} {other:?}"
        );
    }
    let map = h.state().panels.map.rect();
    assert!(
        !notice.intersects(map),
        "the notice {notice:?} is over the map {map:?}"
    );
}

#[test]
fn undo_and_redo_take_the_edit_back_and_forth() {
    let (_tmp, root) = common::bundled_copy();
    let mut h = on_dir(&root);
    add_article(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(!h.state().session.edits.is_dirty());
    assert!(!shows(&h, "unsaved changes"));
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert!(shows(&h, "unsaved changes (1 edit)"));
}

#[test]
fn a_save_is_refused_when_a_file_changed_on_disk() {
    let (_tmp, root) = common::bundled_copy();
    let mut h = on_dir(&root);
    add_article(&mut h);
    common::edit(
        &root,
        "articles.toml",
        "# Articles:",
        "# Articles (edited elsewhere):",
    );
    let edited = common::snapshot(&root);
    h.get_by_label("Save").click();
    h.run();
    assert!(shows(&h, "articles.toml was changed on disk"));
    assert!(shows(&h, "Not saved"), "said in a window of its own");
    assert!(!h.state().windows.save_as.open, "not a Save-as question");
    assert_eq!(common::snapshot(&root), edited, "nothing was written");
    assert!(h.state().session.edits.is_dirty());
}

#[test]
fn the_bundled_data_is_saved_only_into_a_new_directory() {
    let mut h = common::app::bundled();
    add_article(&mut h);
    h.get_by_label("Save").click();
    h.run();
    assert!(shows(&h, "the bundled data is read-only"));
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("mine");
    type_into(&mut h, "Directory", dir.to_str().unwrap());
    h.get_by_label("Save here").click();
    h.run();
    assert!(dir.join("articles/husaybah-entered.txt").exists());
    assert_eq!(h.state().store.origin, dir.display().to_string());
    assert!(!h.state().session.edits.is_dirty());
    assert_eq!(h.state().store.diagnostics.error_count(), 0);
}

#[test]
fn a_passage_selected_in_the_reader_becomes_a_claim_saved_with_its_quote() {
    let (_tmp, root) = common::bundled_copy();
    let mut h = on_dir(&root);
    let before = h.state().store.quote_count();
    let (article, text) = h
        .state()
        .store
        .articles
        .iter()
        .enumerate()
        .find(|(_, a)| a.text.contains("overran Bukamal on Thursday"))
        .map(|(i, a)| (i, a.text.clone()))
        .unwrap();
    h.state_mut().apply([frontline::app::Action::OpenArticle {
        article,
        quote: None,
    }]);
    h.run();
    // Select the passage, as a drag over the reader's text would.
    let passage = "Syrian regime forces and allied militia from Lebanon, Iraq and Iran overran Bukamal on Thursday";
    let start = text[..text.find(passage).unwrap()].chars().count();
    let end = start + passage.chars().count();
    let id = frontline::app::reader::text_id();
    let mut state = egui::text_edit::TextEditState::load(&h.ctx, id).unwrap_or_default();
    state
        .cursor
        .set_char_range(Some(egui::text::CCursorRange::two(
            egui::text::CCursor::new(start),
            egui::text::CCursor::new(end),
        )));
    state.store(&h.ctx, id);
    h.ctx.memory_mut(|m| m.request_focus(id));
    h.run();
    assert_eq!(
        h.state().windows.reader.as_ref().and_then(|r| r.selection),
        Some((start, end))
    );
    h.get_by_label("New claim").click();
    h.run();
    // The assistant filled in the place and the day, shown with its weekday.
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Place")
            .value()
            .as_deref(),
        Some("abu_kamal")
    );
    assert!(shows(&h, "Thursday 9 November 2017") || shows(&h, "Thu 9 Nov 2017"));
    h.get_by_label("Add claim").click();
    h.run();
    assert!(shows(&h, "unsaved changes (1 edit)"));
    h.get_by_label("Save").click();
    h.run();
    assert!(
        root.join("events")
            .join(format!("{}.toml", h.state().store.articles[article].id))
            .exists()
    );
    assert_eq!(
        h.state().store.quote_count(),
        before + 1,
        "reloaded with the new claim"
    );
    assert_eq!(h.state().store.diagnostics.error_count(), 0);
}

#[test]
fn closing_with_unsaved_edits_asks_first() {
    let (_tmp, root) = common::bundled_copy();
    let mut h = on_dir(&root);
    add_article(&mut h);
    assert!(h.state().title().contains("unsaved changes"));
    h.state_mut().windows.close.asked = true; // what a close request with unsaved edits does
    h.run();
    assert!(shows(&h, "1 edit is not saved. Save before closing?"));
    h.get_by_label("Cancel").click();
    h.run();
    assert!(!shows(&h, "Save before closing?"));
    assert!(h.state().session.edits.is_dirty(), "cancel keeps the edits");
}

/// Opens the article holding `passage` in the reader, selects the passage (as a drag over the
/// text would) and opens "New claim" on it.
fn new_claim_on(h: &mut Harness<FrontlineApp>, passage: &str) {
    let (article, text) = h
        .state()
        .store
        .articles
        .iter()
        .enumerate()
        .find(|(_, a)| a.text.contains(passage))
        .map(|(i, a)| (i, a.text.clone()))
        .unwrap();
    h.state_mut().apply([frontline::app::Action::OpenArticle {
        article,
        quote: None,
    }]);
    h.run();
    let start = text[..text.find(passage).unwrap()].chars().count();
    let end = start + passage.chars().count();
    let id = frontline::app::reader::text_id();
    let mut state = egui::text_edit::TextEditState::load(&h.ctx, id).unwrap_or_default();
    state
        .cursor
        .set_char_range(Some(egui::text::CCursorRange::two(
            egui::text::CCursor::new(start),
            egui::text::CCursor::new(end),
        )));
    state.store(&h.ctx, id);
    h.ctx.memory_mut(|m| m.request_focus(id));
    h.run();
    h.get_by_label("New claim").click();
    h.run();
}

/// Replaces what a text field holds: select all, then type.
fn replace_in(h: &mut Harness<FrontlineApp>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    if text.is_empty() {
        h.key_press(Key::Backspace);
    } else {
        h.get_by_role_and_label(Role::TextInput, label)
            .type_text(text);
    }
    h.run();
}

#[test]
fn a_passage_attached_to_an_existing_event_is_saved_as_one_more_source() {
    let (_tmp, root) = common::bundled_copy();
    let mut h = on_dir(&root);
    let abu_kamal = common::app::place(&h, "abu_kamal");
    let store = &h.state().store;
    let history = store.place_events(abu_kamal);
    let recapture = |store: &frontline::store::Store| {
        store
            .events
            .iter()
            .find(|e| e.place == abu_kamal && e.date.to_string() == "2017-11-11")
            .map(|e| e.quotes.len())
            .unwrap()
    };
    let row = history
        .iter()
        .position(|&e| store.events[e].date.to_string() == "2017-11-11")
        .unwrap();
    let quotes = recapture(store);
    new_claim_on(
        &mut h,
        "lost the town again just two days later after a string of Daesh counter-attacks and ambushes",
    );
    h.get_by_label("Attach as a source of an existing event")
        .click();
    h.run();
    type_into(&mut h, "Find event", "Abu Kamal");
    h.get_all_by_label("Attach here").nth(row).unwrap().click();
    h.run();
    assert!(h.state().windows.claim.form.is_none(), "the window closes");
    assert!(shows(&h, "unsaved changes (1 edit)"));
    assert_eq!(
        recapture(&h.state().store),
        quotes + 1,
        "shown before saving"
    );
    h.get_by_label("Save").click();
    h.run();
    assert!(!h.state().session.edits.is_dirty());
    assert_eq!(h.state().store.diagnostics.error_count(), 0);
    assert_eq!(
        recapture(&h.state().store),
        quotes + 1,
        "saved and reloaded"
    );
    let events = std::fs::read_to_string(root.join("events.toml")).unwrap();
    assert!(events.contains("quote = \"lost the town again just two days later"));
}

#[test]
fn a_deleted_quote_or_event_is_gone_until_undone() {
    let (_tmp, root) = common::bundled_copy();
    let mut h = on_dir(&root);
    let rummanah = common::app::place(&h, "rummanah");
    let quotes = |h: &Harness<FrontlineApp>| {
        let store = &h.state().store;
        store
            .place_events(rummanah)
            .iter()
            .map(|&e| store.events[e].quotes.len())
            .sum::<usize>()
    };
    let before = quotes(&h);
    h.state_mut()
        .apply([frontline::app::Action::Select(Some(rummanah))]);
    h.run();
    assert_eq!(h.query_all_by_label("Delete quote").count(), before);
    h.get_all_by_label("Delete quote").next().unwrap().click();
    h.run();
    assert_eq!(
        quotes(&h),
        before - 1,
        "the place panel shows the edit at once"
    );
    assert!(shows(&h, "unsaved changes (1 edit)"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(quotes(&h), before);
    assert!(!h.state().session.edits.is_dirty());
    assert_eq!(h.state().store.diagnostics.error_count(), 0);
    // The whole event, and back.
    let events = h.state().store.events.len();
    h.get_by_label("Delete event").click();
    h.run();
    assert_eq!(h.state().store.events.len(), events - 1);
    assert!(shows(&h, "No article says who controls this place."));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().store.events.len(), events);
    assert_eq!(quotes(&h), before);
}

#[test]
fn a_lost_claim_about_a_gazetteer_town_is_saved_and_shown_as_lost() {
    let (_tmp, root) = common::bundled_copy();
    let mut h = on_dir(&root);
    new_claim_on(
        &mut h,
        "after losing nearly all other territories in both countries",
    );
    replace_in(&mut h, "Place", "Hit");
    assert!(shows(&h, "new place: Hīt ("));
    assert!(shows(&h, "it will be added to places.toml"));
    h.get_by_label("lost").click();
    h.run();
    replace_in(&mut h, "Lost by", "IS");
    replace_in(&mut h, "From", "");
    h.get_by_label("withdrawal").click();
    h.run();
    h.get_by_label("Add claim").click();
    h.run();
    assert!(
        shows(&h, "unsaved changes (2 edits)"),
        "the place, then the claim"
    );
    h.get_by_label("Save").click();
    h.run();
    let store = &h.state().store;
    assert_eq!(
        store.diagnostics.error_count(),
        0,
        "{:?}",
        store.diagnostics.items
    );
    let hit = common::app::place(&h, "hit");
    let control = h.state().scene().state(hit).control;
    assert!(
        matches!(control, Some(frontline::store::Control::Lost(..))),
        "{control:?}"
    );
    h.state_mut()
        .apply([frontline::app::Action::Select(Some(hit))]);
    h.run();
    assert!(shows(&h, "No longer held by Islamic State"));
    let places = std::fs::read_to_string(root.join("places.toml")).unwrap();
    assert!(places.contains("id = \"hit\""));
}

#[test]
fn an_event_edited_in_its_form_changes_in_place_until_undone() {
    let (_tmp, root) = common::bundled_copy();
    let mut h = on_dir(&root);
    let rawa = common::app::place(&h, "rawa");
    let note = |h: &Harness<FrontlineApp>| {
        let store = &h.state().store;
        store.events[store.place_events(rawa)[0]].note.clone()
    };
    let before = note(&h);
    h.state_mut()
        .apply([frontline::app::Action::Select(Some(rawa))]);
    h.run();
    h.get_all_by_label("Edit event").next().unwrap().click();
    h.run();
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Place")
            .value()
            .as_deref(),
        Some("rawa")
    );
    assert!(shows(&h, "Nothing changed yet."));
    replace_in(&mut h, "Note", "Checked against the statement");
    h.get_by_label("Save changes").click();
    h.run();
    assert_eq!(note(&h).as_deref(), Some("Checked against the statement"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(note(&h), before);
    assert!(!h.state().session.edits.is_dirty());
}

#[test]
fn a_saved_web_page_is_opened_as_plain_text_with_its_title() {
    let (tmp, root) = common::bundled_copy();
    let page = tmp.path().join("rawa.html");
    std::fs::write(
        &page,
        "<html><head><title>Iraqi forces retake Rawa</title></head><body>\
         <nav><a href=\"/\">Home</a></nav><p>Iraqi forces <a href=\"/r\">recaptured Rawa</a> \
         on Friday.</p></body></html>",
    )
    .unwrap();
    let mut h = on_dir(&root);
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Open file").click();
    h.run();
    wait_read(&mut h);
    assert!(shows(
        &h,
        "type the path of a .txt, .md, .html or .htm file"
    ));
    type_into(&mut h, "File", page.to_str().unwrap());
    h.get_by_label("Open file").click();
    h.run();
    wait_read(&mut h);
    let form = &h.state().windows.add_article.form;
    assert_eq!(form.title, "Iraqi forces retake Rawa");
    assert_eq!(form.text, "Iraqi forces recaptured Rawa on Friday.\n");
    assert!(h.state().windows.add_article.file_error.is_none());
}
