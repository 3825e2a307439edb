//! Claims that a place is lost (no longer held by someone, new holder not said), dates known
//! only to the year, and damaged claims: a claim with one bad source among several stays on
//! the map with the rest, flagged, while the bad source is listed as an error.

mod common;

use std::path::Path;

use assert_cmd::Command;
use chrono::NaiveDateTime;
use frontline::store::{Control, DataSource, Precision, Store};

fn load(root: &Path) -> Store {
    Store::load(&DataSource::Dir(root.to_path_buf()))
}

fn end_of(day: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(&format!("{day}T23:59:59"), "%Y-%m-%dT%H:%M:%S").unwrap()
}

fn place(store: &Store, id: &str) -> usize {
    store.places.iter().position(|p| p.id == id).unwrap()
}

fn errors(store: &Store) -> Vec<String> {
    store.diagnostics.errors().map(|d| format!("{d}")).collect()
}

/// Every place's control and sources on every day of the data, for comparing two loads.
fn all_states(store: &Store) -> Vec<(String, Option<Control>)> {
    let mut out = Vec::new();
    for day in 1..=13 {
        for s in store.states_at(end_of(&format!("2017-11-{day:02}"))) {
            out.push((store.places[s.place].id.clone(), s.control));
        }
    }
    out
}

/// The event of Deir ez-Zor on 3 Nov (seven sources, one a repeat of the other article).
fn deir_ez_zor_victory(store: &Store) -> &frontline::store::Event {
    let dz = place(store, "deir_ez_zor");
    store
        .events
        .iter()
        .find(|e| e.place == dz && e.date.to_string() == "2017-11-03")
        .expect("the victory of 3 Nov")
}

#[test]
fn a_damaged_quote_keeps_the_claim_on_the_map_and_flags_it() {
    let bundled = &frontline::bundled::store();
    let (_tmp, root) = common::bundled_copy();
    common::edit(
        &root,
        "events.toml",
        "quote = \"The Syrian regime victory at Deir Ezzor",
        "quote = \"The Syrian regime triumph at Deir Ezzor",
    );
    let store = load(&root);
    let errs = errors(&store);
    assert_eq!(errs.len(), 1, "{errs:?}");
    let line = common::bundled("events.toml")
        .lines()
        .position(|l| l.starts_with("quote = \"The Syrian regime victory at Deir Ezzor"))
        .unwrap()
        + 1;
    assert!(
        errs[0].starts_with(&format!("events.toml:{line}:")),
        "{errs:?} (line {line})"
    );
    assert_eq!(all_states(&store), all_states(bundled), "no state changes");
    let ev = deir_ez_zor_victory(&store);
    assert_eq!(ev.damaged_sources, 1);
    assert_eq!(deir_ez_zor_victory(bundled).damaged_sources, 0);
    assert_eq!(
        frontline::present::damaged_sentence(ev).as_deref(),
        Some("1 of 7 sources could not be checked: see Problems")
    );
    // The command line notes it too.
    let out = Command::cargo_bin("frontline")
        .unwrap()
        .args(["quotes", "deir_ez_zor", "--data"])
        .arg(&root)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("1 of 7 sources could not be checked"),
        "{text}"
    );
}

#[test]
fn a_source_with_a_bad_field_is_damaged_not_fatal() {
    let bundled = &frontline::bundled::store();
    let (_tmp, root) = common::bundled_copy();
    common::edit(
        &root,
        "events.toml",
        "quote = \"The Syrian regime victory at Deir Ezzor",
        "qoute = \"The Syrian regime victory at Deir Ezzor",
    );
    let store = load(&root);
    let errs = errors(&store);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(errs[0].contains("[[event.source]]"), "{errs:?}");
    assert!(errs[0].contains("qoute"), "{errs:?}");
    assert_eq!(store.events.len(), bundled.events.len());
    assert_eq!(deir_ez_zor_victory(&store).damaged_sources, 1);
    assert_eq!(all_states(&store), all_states(bundled));
}

#[test]
fn a_claim_without_any_valid_source_is_left_out() {
    let bundled = &frontline::bundled::store();
    let (_tmp, root) = common::bundled_copy();
    // Deir ez-Zor's report of September has one source.
    common::edit(
        &root,
        "events.toml",
        "quote = \"Daesh had for years besieged",
        "quote = \"Daesh had for decades besieged",
    );
    let store = load(&root);
    assert_eq!(errors(&store).len(), 1);
    assert_eq!(store.events.len(), bundled.events.len() - 1);
}

#[test]
fn mosul_is_lost_by_islamic_state_from_the_first_article_that_says_so() {
    let store = &frontline::bundled::store();
    let mosul = place(store, "mosul");
    let is = store
        .actors
        .iter()
        .position(|a| a.id == "islamic_state")
        .unwrap();
    assert_eq!(store.state_at(mosul, end_of("2017-11-02")).control, None);
    let s = store.state_at(mosul, end_of("2017-11-03"));
    assert_eq!(s.control, Some(Control::Lost(is, None)));
    assert_eq!(s.control.unwrap().holder(), None);
    let ev = &store.events[store.place_events(mosul)[0]];
    assert_eq!(ev.precision, Precision::Year);
    assert_eq!(ev.quotes.len(), 2);
    let sentence = frontline::present::status_sentence(store, &s);
    assert!(
        sentence.starts_with(
            "No longer held by Islamic State (who holds it is not said) since Fri 3 Nov 2017"
        ),
        "{sentence}"
    );
    assert!(sentence.contains("known only to the year"), "{sentence}");
}

/// A lost event for Husaybah, written into a copy of the data.
fn lost_event(fields: &str) -> String {
    format!(
        "\n[[event]]\nplace = \"husaybah\"\nkind = \"capture\"\n{fields}\n\n[[event.source]]\narticle = \"bukamal-recaptured-2017-11-12\"\nquote = \"Rawa, the last Iraqi town still held by Daesh\"\n"
    )
}

fn with_event(fields: &str) -> (tempfile::TempDir, Store) {
    let (tmp, root) = common::bundled_copy();
    let mut text = common::bundled("events.toml");
    text.push_str(&lost_event(fields));
    std::fs::write(root.join("events.toml"), text).unwrap();
    let store = load(&root);
    (tmp, store)
}

#[test]
fn year_dates_and_lost_fields_are_checked() {
    let cases = [
        (
            "date = \"2017\"\nprecision = \"day\"\nstatus = \"lost\"\nlost_by = [\"islamic_state\"]",
            "precision = \"day\" does not fit a date written as a year",
        ),
        (
            "date = \"2017-11-11\"\nprecision = \"year\"\nstatus = \"lost\"\nlost_by = [\"islamic_state\"]",
            "write the year alone",
        ),
        (
            "date = \"2017-11-11\"\nstatus = \"lost\"\nto = \"iraqi_government\"\nlost_by = [\"islamic_state\"]",
            "needs `lost_by` and no `to`",
        ),
        (
            "date = \"2017-11-11\"\nstatus = \"gone\"\nlost_by = [\"islamic_state\"]",
            "unknown status \"gone\"",
        ),
        (
            "date = \"2017-11-11\"\nstatus = \"lost\"\nlost_by = [\"islamic_stat\"]",
            "unknown actor \"islamic_stat\" in `lost_by`",
        ),
    ];
    for (fields, expected) in cases {
        let (_tmp, store) = with_event(fields);
        let errs = errors(&store);
        assert_eq!(errs.len(), 1, "{fields}: {errs:?}");
        assert!(errs[0].contains(expected), "{fields}: {errs:?}");
    }
}

#[test]
fn annotation_fields_are_kept_and_worded() {
    let (_tmp, store) = with_event(
        "date = \"2017-11-11\"\nprecision = \"week\"\nstatus = \"lost\"\nlost_by = \"islamic_state\"\nannotator = \"R. Haddad\"\nannotated = \"2017-12-04\"\nreviewed_by = \"M. Osei\"",
    );
    assert_eq!(errors(&store), Vec::<String>::new());
    let hus = place(&store, "husaybah");
    let ev = &store.events[store.place_events(hus)[0]];
    assert_eq!(ev.annotator.as_deref(), Some("R. Haddad"));
    assert_eq!(
        frontline::present::annotation_sentence(ev).as_deref(),
        Some("Annotated by R. Haddad on Mon 4 Dec 2017, reviewed by M. Osei")
    );
    assert!(matches!(ev.to, Control::Lost(_, None)));
}
