//! The loading pipeline: the same store whatever the number of threads, explicit event ids
//! unique across event files, and contradictions found by validation, not by the time index.

mod common;

use std::path::Path;

use frontline::store::{DataSource, Severity, Store};
use frontline::synth::{self, Options};

fn load(root: &Path) -> Store {
    Store::load(&DataSource::Dir(root.to_path_buf()))
}

/// Everything a load decides, in a form that compares: the model, the problems (with the
/// files they are shown with) and the time index. Not the name indexes (hash maps, whose
/// debug order varies) nor the load's generation.
fn canonical(s: &Store) -> String {
    format!(
        "{:#?}\n{:#?}\n{:#?}\n{:#?}\n{:#?}\n{:#?}\n{:#?}",
        s.places,
        s.actors,
        s.articles,
        s.events,
        s.diagnostics.items,
        s.diagnostics.sources,
        s.timeline
    )
}

/// Splits the data directory's event files into files of `per_file` events each, in order.
fn split_events(dir: &Path, per_file: usize) {
    let mut events = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::remove_file(&path).unwrap();
        events.extend(
            text.split("\n[[event]]\n")
                .skip(1)
                .map(|e| format!("\n[[event]]\n{e}")),
        );
    }
    for (i, chunk) in events.chunks(per_file).enumerate() {
        std::fs::write(dir.join(format!("{i:04}.toml")), chunk.concat()).unwrap();
    }
}

fn load_on_threads(source: &DataSource, threads: usize) -> Store {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool")
        .install(|| Store::load(source))
}

fn assert_same_on_1_and_4_threads(source: &DataSource) -> Store {
    let one = load_on_threads(source, 1);
    let four = load_on_threads(source, 4);
    let (a, b) = (canonical(&one), canonical(&four));
    if a != b {
        let line = a.lines().zip(b.lines()).position(|(x, y)| x != y);
        panic!("1 and 4 threads differ, first at line {line:?} of the canonical form");
    }
    one
}

#[test]
fn the_bundled_data_loads_the_same_on_any_number_of_threads() {
    let s = assert_same_on_1_and_4_threads(&frontline::bundled::data_source());
    assert!(!s.events.is_empty());
}

#[test]
fn a_synthetic_corpus_with_problems_loads_the_same_on_any_number_of_threads() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("synth");
    let opts = Options {
        places: 12,
        events: 400,
        articles: 50,
        seed: 3,
    };
    synth::write(&root, &opts).unwrap();
    // Split into four event files of a hundred events: with 4 threads, a window holds all of
    // them and they are checked at once; with 1, two at a time.
    split_events(&root.join("events"), 100);
    let files = DataSource::Dir(root.clone()).list("events", "toml");
    assert_eq!(files.len(), 4, "{files:?}");
    // Problems in several files, and an explicit id used in two of them, so that merging the
    // files' problems and events in order is put to the test.
    for (file, id) in [(&files[0], "x"), (&files[2], "x"), (&files[3], "y")] {
        common::edit(
            &root,
            file,
            "[[event]]\n",
            &format!("[[event]]\nid = \"{id}\"\n"),
        );
    }
    common::edit(&root, &files[1], "place = ", "place = \"nowhere\"\nnote = ");
    common::edit(&root, &files[3], "to = ", "to = \"nobody\"\nnote = ");
    let s = assert_same_on_1_and_4_threads(&DataSource::Dir(root.clone()));
    assert!(s.events.len() > 390, "{}", s.events.len());
    let messages: Vec<String> = s.diagnostics.errors().map(|d| d.to_string()).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("duplicate event id \"x\"") && m.starts_with(files[2].as_str())),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.starts_with(files[1].as_str())),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.starts_with(files[3].as_str())),
        "{messages:?}"
    );
}

/// A small valid data directory: one actor, two places, one article; `events` maps event
/// files to their contents.
fn small_data(root: &Path, events: &[(&str, &str)]) {
    std::fs::create_dir_all(root.join("articles")).unwrap();
    std::fs::create_dir_all(root.join("events")).unwrap();
    std::fs::write(
        root.join("actors.toml"),
        "[[actor]]\nid = \"is\"\nname = \"Islamic State\"\ncolour = \"#1a1a1a\"\n\n[[actor]]\nid = \"sy\"\nname = \"Syrian government\"\ncolour = \"#d62020\"\n",
    )
    .unwrap();
    std::fs::write(
        root.join("places.toml"),
        "[[place]]\nid = \"rawa\"\nname = \"Rawa\"\nkind = \"town\"\nlat = 34.47\nlon = 41.91\n\n[[place]]\nid = \"anah\"\nname = \"Anah\"\nkind = \"town\"\nlat = 34.37\nlon = 41.98\n",
    )
    .unwrap();
    std::fs::write(
        root.join("articles.toml"),
        "[[article]]\nid = \"a\"\nfile = \"articles/a.txt\"\ndate = \"2017-11-12\"\ndate_basis = \"stated\"\n",
    )
    .unwrap();
    std::fs::write(
        root.join("articles/a.txt"),
        "IS still holds Rawa. IS still holds Anah. Government forces took Rawa.\n",
    )
    .unwrap();
    for (file, text) in events {
        std::fs::write(root.join(file), text).unwrap();
    }
}

fn event(id: &str, place: &str, to: &str, quote: &str) -> String {
    format!(
        "\n[[event]]\nid = \"{id}\"\nplace = \"{place}\"\ndate = \"2017-11-12\"\nkind = \"report\"\nto = \"{to}\"\n\n[[event.source]]\narticle = \"a\"\nquote = \"{quote}\"\n"
    )
}

#[test]
fn an_event_id_used_in_two_event_files_is_one_error_naming_both() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let a = format!(
        "# first\n{}",
        event("held", "rawa", "is", "IS still holds Rawa")
    );
    let b = format!(
        "{}\n{}",
        event("other", "anah", "is", "IS still holds Anah"),
        event("held", "anah", "is", "IS still holds Anah")
    );
    small_data(root, &[("events/a.toml", &a), ("events/b.toml", &b)]);
    let s = load(root);
    let errors: Vec<_> = s.diagnostics.errors().collect();
    assert_eq!(errors.len(), 1, "{}", s.diagnostics.render());
    let e = errors[0];
    // Where it is used again, and where it was used first (the line of the id in a.toml).
    assert_eq!(e.location(), "events/b.toml:15:6");
    assert_eq!(
        e.message,
        "duplicate event id \"held\" (first used at events/a.toml:4)"
    );
    assert!(e.hint.as_deref().unwrap().contains("unique"), "{e}");
    assert_eq!(s.diagnostics.warning_count(), 0);
    // The first event with the id is kept, the second left out; the others are kept.
    let ids: Vec<&str> = s.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["held", "other"]);
    assert_eq!(&*s.events[0].origin.file, "events/a.toml");
    // The rendered problem shows the offending line.
    let rendered = s.diagnostics.render();
    assert!(rendered.contains("id = \"held\""), "{rendered}");
}

#[test]
fn a_contradiction_is_found_by_validation_and_left_out_of_the_index() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    // Twelve files, so that the first is let go of before the contradiction is found.
    let mut files: Vec<(String, String)> = (0..12)
        .map(|i| (format!("events/{i:02}.toml"), String::new()))
        .collect();
    files[0].1 = event("first", "rawa", "is", "IS still holds Rawa");
    files[11].1 = event("second", "rawa", "sy", "Government forces took Rawa");
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(f, t)| (f.as_str(), t.as_str()))
        .collect();
    small_data(root, &refs);
    let s = load(root);
    let errors: Vec<_> = s.diagnostics.errors().collect();
    assert_eq!(errors.len(), 1, "{}", s.diagnostics.render());
    let e = errors[0];
    assert_eq!(e.location(), "events/11.toml:2:1");
    assert!(
        e.message
            .contains("but the event at events/00.toml:2 leaves it held by Islamic State"),
        "{e}"
    );
    assert_eq!(e.severity, Severity::Error);
    // Shown with its line, read back from the file.
    assert_eq!(s.diagnostics.excerpt(e, 0), [(2, "[[event]]".to_owned())]);
    // Both events are in the list; the second is marked and left out of the place's history.
    assert_eq!(s.events.len(), 2);
    assert_eq!(s.events[0].contradicts, None);
    assert_eq!(s.events[1].contradicts, Some(0));
    assert_eq!(s.place_events(0), [0]);
}
