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

/// Opens "Add article" with Ctrl+N, fills it in, pastes the text and adds it.
fn add_article(h: &mut Harness<FrontlineApp>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert!(h.state().add_article.open);
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
    assert!(!h.state().add_article.open);
    assert!(shows(h, "unsaved changes (1 edit)"));
}

#[test]
fn an_article_pasted_in_is_saved_into_the_data_directory_and_shown() {
    let (_tmp, root) = common::bundled_copy();
    let mut h = on_dir(&root);
    let before = h.state().store.articles.len();
    add_article(&mut h);
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
}

#[test]
fn undo_and_redo_take_the_edit_back_and_forth() {
    let (_tmp, root) = common::bundled_copy();
    let mut h = on_dir(&root);
    add_article(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(!h.state().edits.is_dirty());
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
    assert_eq!(common::snapshot(&root), edited, "nothing was written");
    assert!(h.state().edits.is_dirty());
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
    assert!(!h.state().edits.is_dirty());
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
        h.state().reader.as_ref().and_then(|r| r.selection),
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
    h.state_mut().close_prompt = true; // what a close request with unsaved edits does
    h.run();
    assert!(shows(&h, "1 edit is not saved. Save before closing?"));
    h.get_by_label("Cancel").click();
    h.run();
    assert!(!shows(&h, "Save before closing?"));
    assert!(h.state().edits.is_dirty(), "cancel keeps the edits");
}
