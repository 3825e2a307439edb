//! The workbench's edit session on disk: saving keeps every byte it does not change, refuses
//! to overwrite a change made by someone else, and never writes into the bundled data.

mod common;

use chrono::NaiveDate;
use frontline::edit::locate::{locate, locate_quote};
use frontline::edit::new_place::{FromGazetteer, lookup};
use frontline::edit::story::{NewStep, StoryEdit};
use frontline::edit::{
    Edit, EditSession, EventFields, EventRef, NewArticle, NewEvent, NewSource, SaveError, Snapshot,
    events_file_for,
};
use frontline::store::{Basis, Control, DataSource, DateBasis, EventKind, Precision, Store};

const TEXT: &str =
    "date 2017-11-10\nIraqi forces entered Husaybah on Friday, a local official said.\n";

fn article() -> NewArticle {
    NewArticle {
        id: "husaybah-entered".into(),
        text: TEXT.into(),
        title: "Iraqi forces enter Husaybah".into(),
        outlet: Some("Test Wire".into()),
        date: NaiveDate::from_ymd_opt(2017, 11, 10),
        date_basis: DateBasis::Stated,
        date_precision: Precision::Day,
        url: Some("https://example.org/husaybah".into()),
        language: Some("en".into()),
    }
}

fn claim() -> NewEvent {
    NewEvent {
        place: "husaybah".into(),
        date: NaiveDate::from_ymd_opt(2017, 11, 10).unwrap(),
        precision: Precision::Day,
        kind: EventKind::Entered,
        from: vec!["islamic_state".into()],
        to: vec!["islamic_state".into(), "iraqi_government".into()],
        basis: Basis::Stated,
        note: None,
        lost_by: vec![],
        sources: vec![NewSource {
            article: "husaybah-entered".into(),
            quote: "Iraqi forces entered Husaybah on Friday".into(),
            date_phrase: Some("on Friday".into()),
            prefix: None,
            suffix: None,
        }],
    }
}

fn session(root: &std::path::Path) -> EditSession {
    EditSession::new(Snapshot::open(root.to_path_buf()).unwrap())
}

fn add_article_and_claim(s: &mut EditSession) {
    s.push(Edit::AddArticle(article()));
    s.push(Edit::AddEvent {
        file: events_file_for("husaybah-entered"),
        event: claim(),
    });
}

#[test]
fn saving_without_edits_writes_nothing() {
    let (_tmp, root) = common::bundled_copy();
    let before = common::snapshot(&root);
    let mut s = session(&root);
    assert_eq!(s.save().unwrap(), Vec::<String>::new());
    // An edit undone is no edit.
    add_article_and_claim(&mut s);
    s.undo();
    s.undo();
    assert_eq!(s.save().unwrap(), Vec::<String>::new());
    assert_eq!(common::snapshot(&root), before);
}

#[test]
fn an_article_and_its_claim_are_saved_keeping_every_other_byte() {
    let (_tmp, root) = common::bundled_copy();
    let articles_before = std::fs::read_to_string(root.join("articles.toml")).unwrap();
    let events_before = std::fs::read(root.join("events.toml")).unwrap();
    let mut s = session(&root);
    add_article_and_claim(&mut s);
    let mut written = s.save().unwrap();
    written.sort();
    assert_eq!(
        written,
        [
            "articles.toml",
            "articles/husaybah-entered.txt",
            "events/husaybah-entered.toml"
        ]
    );
    assert!(!s.is_dirty());
    // The text byte for byte; the old entries and comments untouched; URL and language
    // written, and read back by the store.
    assert_eq!(
        std::fs::read_to_string(root.join("articles/husaybah-entered.txt")).unwrap(),
        TEXT
    );
    let articles = std::fs::read_to_string(root.join("articles.toml")).unwrap();
    assert!(
        articles.starts_with(&articles_before),
        "the existing entries changed"
    );
    assert!(
        articles.contains("url = \"https://example.org/husaybah\"\n"),
        "{articles}"
    );
    assert_eq!(
        std::fs::read(root.join("events.toml")).unwrap(),
        events_before
    );

    let store = Store::load(&DataSource::Dir(root.clone()));
    assert_eq!(
        store.diagnostics.error_count(),
        0,
        "{:?}",
        store.diagnostics.items
    );
    let article = store
        .articles
        .iter()
        .find(|a| a.id == "husaybah-entered")
        .unwrap();
    assert_eq!(article.url.as_deref(), Some("https://example.org/husaybah"));
    let husaybah = store
        .places
        .iter()
        .position(|p| p.id == "husaybah")
        .unwrap();
    let actor = |id: &str| store.actors.iter().position(|a| a.id == id).unwrap();
    let at = NaiveDate::from_ymd_opt(2017, 11, 11)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap();
    assert_eq!(
        store.state_at(husaybah, at).control,
        Some(Control::contested(
            actor("islamic_state"),
            actor("iraqi_government")
        ))
    );
}

#[test]
fn a_file_changed_on_disk_since_loading_is_never_overwritten() {
    let (_tmp, root) = common::bundled_copy();
    let mut s = session(&root);
    add_article_and_claim(&mut s);
    common::edit(
        &root,
        "articles.toml",
        "# Articles:",
        "# Articles (edited elsewhere):",
    );
    let edited = common::snapshot(&root);
    let err = s.save().unwrap_err();
    assert!(
        matches!(&err, SaveError::Changed { file } if file == "articles.toml"),
        "{err}"
    );
    assert!(
        err.to_string()
            .contains("articles.toml was changed on disk"),
        "{err}"
    );
    assert_eq!(common::snapshot(&root), edited, "nothing was written");
    assert!(s.is_dirty(), "the edits are kept");
}

#[test]
fn the_bundled_data_is_saved_only_as_a_copy() {
    let mut s = EditSession::new(Snapshot::bundled());
    add_article_and_claim(&mut s);
    let err = s.save().unwrap_err();
    assert!(matches!(err, SaveError::Bundled), "{err}");
    assert!(err.to_string().contains("Save as"), "{err}");

    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("mine");
    s.save_as(&frontline::bundled::data_source(), &dir).unwrap();
    let store = Store::load(&DataSource::Dir(dir.clone()));
    assert_eq!(
        store.diagnostics.error_count(),
        0,
        "{:?}",
        store.diagnostics.items
    );
    assert_eq!(
        store.articles.len(),
        frontline::bundled::store().articles.len() + 1
    );
    // Not over something that is there.
    let mut again = EditSession::new(Snapshot::bundled());
    add_article_and_claim(&mut again);
    assert!(matches!(
        again.save_as(&frontline::bundled::data_source(), &dir),
        Err(SaveError::NotEmpty { .. })
    ));
}

#[test]
fn deleting_an_event_keeps_the_comments_above_it_and_a_source_can_be_added() {
    let (_tmp, root) = common::bundled_copy();
    let before = Store::load(&DataSource::Dir(root.clone()));
    let mut s = session(&root);
    let first = EventRef {
        file: "events.toml".into(),
        index: 0,
    };
    s.push(Edit::DeleteEvent(first.clone()));
    // The (new) first event gets a second copy of one of its quotes' sources.
    s.push(Edit::AddSource {
        event: first.clone(),
        source: NewSource {
            article: "reuters-deir-ezzor".into(),
            quote: "declare victory in Deir Ezzor".into(),
            date_phrase: None,
            prefix: None,
            suffix: None,
        },
    });
    s.save().unwrap();
    let text = std::fs::read_to_string(root.join("events.toml")).unwrap();
    assert!(text.starts_with("# Events: claims about who controls a place"));
    assert!(text.contains(
        "# ---------------------------------------------------------------- Deir ez-Zor\n"
    ));
    assert!(
        !text.contains("besieged a government enclave"),
        "the event is gone"
    );
    let after = Store::load(&DataSource::Dir(root.clone()));
    assert_eq!(after.events.len(), before.events.len() - 1);
    assert_eq!(after.quote_count(), before.quote_count() - 1 + 1);
    // A deleted event that is not there any more is an error, not a panic.
    s.push(Edit::DeleteEvent(EventRef {
        file: "events.toml".into(),
        index: 999,
    }));
    assert!(matches!(
        s.save(),
        Err(SaveError::NoSuchEvent { index: 999, .. })
    ));
}

#[test]
fn edits_of_existing_events_and_a_new_place_are_saved_and_load_cleanly() {
    let (_tmp, root) = common::bundled_copy();
    let events_before = std::fs::read_to_string(root.join("events.toml")).unwrap();
    let before = Store::load(&DataSource::Dir(root.clone()));
    let mut s = session(&root);
    let loaded = |f: &str| s.snapshot.loaded(f);
    // A quote of an event with several, and the note of another event.
    let (e, ev) = before
        .events
        .iter()
        .enumerate()
        .find(|(_, ev)| ev.quotes.len() > 1 && ev.origin.file.as_ref() == "events.toml")
        .unwrap();
    let (at, source) = locate_quote(ev, &ev.quotes[1], loaded).unwrap();
    let removed = ev.quotes[1].exact(&before.articles).to_owned();
    let other = (0..before.events.len())
        .find(|&o| o != e && before.events[o].origin.file.as_ref() == "events.toml")
        .unwrap();
    let noted = locate(&before.events[other], loaded).unwrap();
    let hit = match lookup(&before, "Hit") {
        Some(FromGazetteer::New(p)) => p,
        other => panic!("{other:?}"),
    };
    let text = "date 2017-11-10\nIslamic State has lost Hit, officials said.\n";
    s.push(Edit::DeleteSource { event: at, source });
    s.push(Edit::UpdateEvent {
        event: noted.clone(),
        fields: EventFields {
            note: Some(Some("Checked in review".into())),
            ..EventFields::default()
        },
    });
    s.push(Edit::AddArticle(NewArticle {
        id: "hit-lost".into(),
        text: text.into(),
        ..article()
    }));
    s.push(Edit::AddPlace(hit));
    s.push(Edit::AddEvent {
        file: events_file_for("hit-lost"),
        event: NewEvent {
            place: "hit".into(),
            kind: EventKind::Withdrawal,
            from: vec![],
            to: vec![],
            lost_by: vec!["islamic_state".into()],
            sources: vec![NewSource {
                article: "hit-lost".into(),
                quote: "Islamic State has lost Hit".into(),
                date_phrase: None,
                prefix: None,
                suffix: None,
            }],
            ..claim()
        },
    });
    s.save().unwrap();

    let after = Store::load(&DataSource::Dir(root.clone()));
    assert_eq!(
        after.diagnostics.error_count(),
        0,
        "{:?}",
        after.diagnostics.items
    );
    assert_eq!(after.quote_count(), before.quote_count() - 1 + 1);
    let events = std::fs::read_to_string(root.join("events.toml")).unwrap();
    assert!(
        !events.contains(&format!("quote = {removed:?}")),
        "the quote is gone"
    );
    assert!(events.contains("note = \"Checked in review\""));
    // Every comment of the file is still there.
    let comments = |t: &str| {
        t.lines()
            .filter(|l| l.trim_start().starts_with('#'))
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert_eq!(comments(&events), comments(&events_before));
    let places = std::fs::read_to_string(root.join("places.toml")).unwrap();
    assert!(
        places.contains("# Added from the regional gazetteer: GeoNames"),
        "{places}"
    );
    let hit = after.places.iter().position(|p| p.id == "hit").unwrap();
    let islamic_state = after
        .actors
        .iter()
        .position(|a| a.id == "islamic_state")
        .unwrap();
    let at = NaiveDate::from_ymd_opt(2017, 11, 11)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap();
    assert_eq!(
        after.state_at(hit, at).control,
        Some(Control::Lost(islamic_state, None))
    );
}

/// What one edit costs the app on a larger corpus: the files it changes rewritten with
/// `toml_edit`, then the data loaded over them (the app's preview of unsaved edits).
/// `PREVIEW_PLACES` sets the corpus' size (100 events a place; default 100 places).
#[test]
#[ignore = "timing: cargo test --test edit preview -- --ignored --nocapture"]
fn preview_of_an_edit_on_a_synthetic_corpus() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("synth");
    let places = std::env::var("PREVIEW_PLACES")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(100);
    let opts = frontline::synth::Options::scale(places);
    frontline::synth::write(&dir, &opts).unwrap();
    let source = DataSource::Dir(dir.clone());
    let started = std::time::Instant::now();
    let store = Store::load(&source);
    let load = started.elapsed();
    let mut s = session(&dir);
    let e = &store.events[store.events.len() / 2];
    let at = locate(e, |f| s.snapshot.loaded(f)).unwrap();
    s.push(Edit::DeleteEvent(at));
    let started = std::time::Instant::now();
    let files = s.preview().unwrap();
    let planned = started.elapsed();
    let shown = Store::load(&DataSource::edited(source, files.into_iter().collect()));
    let total = started.elapsed();
    assert_eq!(shown.events.len(), store.events.len() - 1);
    eprintln!(
        "{} events: load {load:?}; an edit: files rewritten in {planned:?}, shown in {total:?}",
        store.events.len()
    );
}

fn new_story(id: &str) -> Edit {
    Edit::Story(StoryEdit::New {
        id: id.into(),
        title: "Rawa, the last town".into(),
    })
}

fn rawa_step(story: &str) -> Edit {
    Edit::Story(StoryEdit::AddStep {
        story: story.into(),
        step: NewStep {
            at: NaiveDate::from_ymd_opt(2017, 11, 11)
                .unwrap()
                .and_hms_opt(23, 59, 59)
                .unwrap(),
            select: Some("rawa".into()),
            centre: Some([34.45, 41.45]),
            zoom: Some(9.0),
            hidden_actors: vec!["syrian_government".into()],
            caption: "Rawa is the last Iraqi town still held.".into(),
        },
    })
}

#[test]
fn stories_are_saved_into_stories_toml_keeping_its_comments() {
    let (_tmp, root) = common::bundled_copy();
    let before = std::fs::read_to_string(root.join("stories.toml")).unwrap();
    let mut s = session(&root);
    s.push(new_story("rawa"));
    s.push(rawa_step("rawa"));
    assert_eq!(s.save().unwrap(), ["stories.toml"]);
    let after = std::fs::read_to_string(root.join("stories.toml")).unwrap();
    assert!(
        after.starts_with(&before),
        "appended, every byte kept:\n{after}"
    );
    let store = Store::load(&DataSource::Dir(root.clone()));
    assert_eq!(
        store.diagnostics.error_count(),
        0,
        "{}",
        store.diagnostics.render()
    );
    let story = store.stories.iter().find(|s| s.id == "rawa").unwrap();
    let step = &story.steps[0];
    assert_eq!(step.caption, "Rawa is the last Iraqi town still held.");
    assert_eq!(store.places[step.select.unwrap()].id, "rawa");
    assert_eq!(store.actors[step.hidden_actors[0]].id, "syrian_government");
    assert_eq!((step.centre, step.zoom), (Some([34.45, 41.45]), Some(9.0)));
}

#[test]
fn a_missing_stories_toml_is_created_and_a_changed_one_is_never_overwritten() {
    let (_tmp, root) = common::bundled_copy();
    std::fs::remove_file(root.join("stories.toml")).unwrap();
    let mut s = session(&root);
    s.push(new_story("rawa"));
    // Someone else writes a stories.toml meanwhile: it is theirs.
    std::fs::write(root.join("stories.toml"), "# mine\n").unwrap();
    let err = s.save().unwrap_err();
    assert!(
        matches!(&err, SaveError::Changed { file } if file == "stories.toml"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(root.join("stories.toml")).unwrap(),
        "# mine\n"
    );

    std::fs::remove_file(root.join("stories.toml")).unwrap();
    s.push(rawa_step("rawa"));
    s.save().unwrap();
    let text = std::fs::read_to_string(root.join("stories.toml")).unwrap();
    assert!(text.starts_with("# Guided stories"), "{text}");
    let store = Store::load(&DataSource::Dir(root.clone()));
    assert_eq!(store.stories.len(), 1);
    assert_eq!(store.stories[0].steps.len(), 1);

    // An edit of the file on disk after loading it: nothing is saved.
    let mut s = session(&root);
    s.push(Edit::Story(StoryEdit::DeleteStep {
        story: "rawa".into(),
        step: 0,
    }));
    common::edit(
        &root,
        "stories.toml",
        "# Guided",
        "# Edited elsewhere. Guided",
    );
    let edited = common::snapshot(&root);
    assert!(matches!(s.save(), Err(SaveError::Changed { .. })));
    assert_eq!(common::snapshot(&root), edited);
}
