//! The article reader with the annotation assistant, driven through its widgets: the open
//! candidates of a bundled article listed, Accept filling the "New claim" form from a
//! candidate (and the candidate closing once the claim is added), Dismiss remembered in the
//! app's own state, the highlights switched off, and a right-to-left article whose selection
//! still gives the stored text's offsets.

mod common;

use common::app::{harness, shows};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use frontline::app::{Action, FrontlineApp, LaunchOptions};
use frontline::assist::Candidate;
use frontline::store::{DataSource, Store};
use std::path::PathBuf;

/// Every claim the assistant finds in the bundled articles is annotated: in a copy of the
/// data, the quotes of "Rawa, the last Iraqi town still held by Daesh" are taken out (with the
/// two events they back), so that the assistant's claim about Rawa is open again.
fn unannotated_copy() -> (tempfile::TempDir, PathBuf) {
    let (tmp, root) = common::bundled_copy();
    for quote in [
        "Rawa, the last Iraqi town still held by Daesh",
        "as they worked their way towards the Euphrates Valley town of Rawa, the last Iraqi town still held by Daesh",
    ] {
        common::remove_entries(
            &root,
            "events.toml",
            "event",
            &format!("quote = \"{quote}\""),
        );
    }
    (tmp, root)
}

fn load(root: &std::path::Path) -> Store {
    let store = Store::load(&DataSource::Dir(root.to_owned()));
    assert_eq!(store.diagnostics.error_count(), 0);
    store
}

/// The app on a data directory with the reader open at an article.
fn reading(root: &std::path::Path, article: usize) -> Harness<'static, FrontlineApp> {
    let app = FrontlineApp::new(load(root), &LaunchOptions::default(), None);
    let mut h = harness(app);
    h.state_mut().apply([Action::OpenArticle {
        article,
        quote: None,
    }]);
    h.run();
    h
}

fn open(h: &Harness<FrontlineApp>) -> Vec<Candidate> {
    h.state()
        .windows
        .reader
        .as_ref()
        .expect("the reader is open")
        .open_candidates()
        .into_iter()
        .cloned()
        .collect()
}

/// The character ranges of an article's quotes in the store, counted here from the events.
fn quotes_of(store: &Store, article: usize) -> Vec<(usize, usize)> {
    store
        .events
        .iter()
        .flat_map(|e| &e.quotes)
        .filter(|q| q.article == article)
        .map(|q| (q.start, q.end))
        .collect()
}

/// The first article of the data with an open candidate, the reader open at it.
fn article_with_open_candidates(root: &std::path::Path) -> (usize, Harness<'static, FrontlineApp>) {
    let n = load(root).articles.len();
    for article in 0..n {
        let h = reading(root, article);
        if !open(&h).is_empty() {
            return (article, h);
        }
    }
    panic!("no article has a candidate that is not annotated");
}

#[test]
fn the_reader_lists_the_candidates_no_quote_covers() {
    let (_tmp, root) = unannotated_copy();
    let (article, h) = article_with_open_candidates(&root);
    let store = &h.state().store;
    let quotes = quotes_of(store, article);
    let reader = h.state().windows.reader.as_ref().unwrap();
    let all = &reader.analysis().unwrap().candidates;
    let listed = open(&h);
    for c in all {
        let covered = quotes.iter().any(|&(s, e)| s < c.end && c.start < e);
        assert_eq!(
            listed.contains(c),
            !covered,
            "listed exactly when no quote overlaps: {}",
            c.text
        );
    }
    for c in &listed {
        assert!(
            shows(&h, &frontline::present::candidate_claim(store, c)),
            "{}",
            c.text
        );
    }
    // The header counts the sentences that back a claim and the open candidates.
    let coverage = &reader.coverage;
    assert!(coverage.backing.len() <= coverage.sentences && !coverage.backing.is_empty());
    assert!(shows(
        &h,
        &frontline::present::coverage_line(
            coverage.backing.len(),
            coverage.sentences,
            listed.len()
        )
    ));
}

#[test]
fn accept_fills_the_claim_form_from_the_candidate_and_adding_it_closes_the_candidate() {
    let (_tmp, root) = unannotated_copy();
    let (_, mut h) = article_with_open_candidates(&root);
    let listed = open(&h);
    // A candidate about a place the data has, so that the form can be added as it is.
    let (row, c) = listed
        .iter()
        .enumerate()
        .find(|(_, c)| !c.new_place && c.date.is_some())
        .expect("an open, dated candidate about a known place");
    let place = c.place.clone().unwrap();
    let date = c.date.unwrap().to_string();
    h.query_all_by_label("Accept").nth(row).unwrap().click();
    h.run();
    let form = h
        .state()
        .windows
        .claim
        .form
        .clone()
        .expect("the New claim form");
    assert_eq!(form.place, place);
    assert_eq!(form.date, date);
    assert_eq!(form.quote, c.text);
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Place")
            .value()
            .as_deref(),
        Some(place.as_str())
    );
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Date")
            .value()
            .as_deref(),
        Some(date.as_str())
    );
    let checked = form.check(&h.state().store);
    assert!(checked.is_ok(), "{checked:?}");
    h.get_by_label("Add claim").click();
    h.run();
    // The quote added in the edit session now covers the clause.
    assert!(h.state().session.edits.is_dirty());
    assert!(!open(&h).contains(c), "annotated, so no longer open");
}

#[test]
fn a_dismissed_candidate_stays_dismissed_and_can_be_brought_back() {
    let (_tmp, root) = unannotated_copy();
    let (article, mut h) = article_with_open_candidates(&root);
    let before = open(&h);
    let first = before[0].clone();
    h.query_all_by_label("Dismiss").next().unwrap().click();
    h.run();
    assert!(!open(&h).contains(&first));
    assert_eq!(open(&h).len(), before.len() - 1);
    let persisted = h.state().persisted();
    assert_eq!(persisted.dismissed.len(), 1);
    assert_eq!(persisted.dismissed[0].text, first.text);
    assert_eq!(
        persisted.dismissed[0].article,
        h.state().store.articles[article].id
    );

    // The next run remembers it.
    let app = FrontlineApp::new(load(&root), &LaunchOptions::default(), Some(persisted));
    let mut h = harness(app);
    h.state_mut().apply([Action::OpenArticle {
        article,
        quote: None,
    }]);
    h.run();
    assert!(!open(&h).contains(&first));
    // "Show dismissed (1)" lists it with "Restore", which makes it open again.
    h.get_by_label("Show dismissed (1)").click();
    h.run();
    assert!(h.state().windows.reader.as_ref().unwrap().show_dismissed);
    h.get_by_label("Restore").click();
    h.run();
    assert!(open(&h).contains(&first));
    assert!(h.state().persisted().dismissed.is_empty());
}

#[test]
fn clicking_a_candidate_shows_its_clause_and_the_highlights_can_be_switched_off() {
    let (_tmp, root) = unannotated_copy();
    let (_, mut h) = article_with_open_candidates(&root);
    let c = open(&h)[0].clone();
    let label = frontline::present::candidate_claim(&h.state().store, &c);
    // Two candidates can read alike (two clauses with the same claim): the first is this one.
    h.query_all_by_label(&label).next().unwrap().click();
    h.run();
    assert_eq!(
        h.state().windows.reader.as_ref().unwrap().focus,
        Some((c.start, c.end))
    );
    assert!(shows(&h, "date phrase"), "the key is shown");
    h.get_by_label("Assistant highlights").click();
    h.run();
    assert!(!h.state().shown.highlights);
    assert_eq!(h.state().persisted().shown.get("highlights"), Some(&false));
    assert!(
        !shows(&h, "date phrase"),
        "the key goes with the highlights"
    );
}

#[test]
fn a_selection_in_a_right_to_left_article_gives_the_stored_offsets() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rtl");
    let store = Store::load(&DataSource::Dir(dir));
    assert_eq!(store.diagnostics.error_count(), 0);
    let text = store.articles[0].text.clone();
    let app = FrontlineApp::new(
        store,
        &LaunchOptions {
            article: Some("bukamal-ar".into()),
            ..LaunchOptions::default()
        },
        None,
    );
    let mut h = harness(app);
    let reader = h
        .state()
        .windows
        .reader
        .as_ref()
        .expect("--article opens the reader");
    let shown = reader.display_text().expect("laid out").to_owned();
    assert_ne!(shown, text, "the Arabic lines are reordered for display");

    // Select the word "هجوم" ("attack") where it is drawn: in the stored text it is one
    // passage at its own offsets.
    let word = "هجوم";
    let char_of = |s: &str, w: &str| s[..s.find(w).unwrap()].chars().count();
    let drawn = char_of(&shown, word);
    let stored = char_of(&text, word);
    let id = frontline::app::reader::text_id();
    let mut state = egui::text_edit::TextEditState::load(&h.ctx, id).unwrap_or_default();
    state
        .cursor
        .set_char_range(Some(egui::text::CCursorRange::two(
            egui::text::CCursor::new(drawn),
            egui::text::CCursor::new(drawn + word.chars().count()),
        )));
    state.store(&h.ctx, id);
    h.ctx.memory_mut(|m| m.request_focus(id));
    h.run();
    assert_eq!(
        h.state().windows.reader.as_ref().unwrap().selection,
        Some((stored, stored + word.chars().count()))
    );
    h.get_by_label("New claim").click();
    h.run();
    assert_eq!(h.state().windows.claim.form.as_ref().unwrap().quote, word);
}
