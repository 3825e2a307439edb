//! What changed between two instants, on the bundled data: the places listed, their states
//! before and after, the events in between, and the rows `frontline diff --json` prints.

use std::sync::LazyLock;

use chrono::{NaiveDate, NaiveDateTime};
use frontline::diff::{self, PlaceChange};
use frontline::store::dates::end_of_day;
use frontline::store::{ActorIx, Control, EventKind, PlaceIx, Store};

static STORE: LazyLock<Store> = LazyLock::new(frontline::bundled::store);

fn store() -> &'static Store {
    &STORE
}

fn place(id: &str) -> PlaceIx {
    let ix = store().places.iter().position(|p| p.id == id);
    ix.unwrap_or_else(|| panic!("no place with id {id}"))
}

fn actor(id: &str) -> ActorIx {
    let ix = store().actors.iter().position(|a| a.id == id);
    ix.unwrap_or_else(|| panic!("no actor with id {id}"))
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2017, 11, d).unwrap()
}

fn end_of(d: u32) -> NaiveDateTime {
    end_of_day(day(d))
}

fn listed(changes: &[PlaceChange]) -> Vec<&'static str> {
    changes
        .iter()
        .map(|c| store().places[c.place].id.as_str())
        .collect()
}

#[test]
fn the_bundled_data_loads_cleanly() {
    assert_eq!(store().diagnostics.error_count(), 0);
}

#[test]
fn abu_kamal_changed_hands_twice_between_the_8th_and_the_12th() {
    let changes = diff::diff(store(), end_of(8), end_of(12));
    let abu_kamal = changes
        .iter()
        .find(|c| c.place == place("abu_kamal"))
        .expect("Abu Kamal is listed although it ends as it began");
    let is = Some(Control::Held(actor("islamic_state")));
    assert_eq!(abu_kamal.before.control, is);
    assert_eq!(abu_kamal.after.control, is);
    let events: Vec<(NaiveDate, EventKind, Option<Control>)> = abu_kamal
        .events
        .iter()
        .map(|&e| {
            let ev = &store().events[e];
            (ev.date, ev.kind, Some(ev.to))
        })
        .collect();
    let sg = Some(Control::Held(actor("syrian_government")));
    assert_eq!(
        events,
        vec![
            (day(9), EventKind::Capture, sg),
            (day(11), EventKind::Recapture, is),
            // The articles of the 12th report it still held: in the interval, not a change.
            (day(12), EventKind::Report, is),
        ]
    );
    assert_eq!(abu_kamal.changes, vec![true, true, false]);
    assert!(abu_kamal.events.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn only_places_that_changed_are_listed() {
    let changes = diff::diff(store(), end_of(8), end_of(12));
    // Al-Qa'im went from contested to held (inferred, 11th), Rummanah from unknown to held.
    assert_eq!(listed(&changes), vec!["abu_kamal", "al_qaim", "rummanah"]);
    // Rawa was reported still held on the 11th: an event in between, but no change.
    let rawa = place("rawa");
    assert!(
        store()
            .place_events(rawa)
            .iter()
            .any(|&e| store().events[e].date == day(11))
    );
    assert!(changes.iter().all(|c| c.place != rawa));

    let rummanah = &changes[2];
    assert_eq!(rummanah.before.control, None);
    let iraq = Some(Control::Held(actor("iraqi_government")));
    assert_eq!(rummanah.after.control, iraq);
    let qaim = &changes[1];
    assert_eq!(
        qaim.before.control,
        Some(Control::contested(
            actor("islamic_state"),
            actor("iraqi_government")
        ))
    );
    assert_eq!(qaim.after.control, iraq);
}

#[test]
fn the_same_instant_twice_lists_nothing() {
    let (start, end) = store().span().unwrap();
    let mut t = start;
    while t <= end {
        assert!(diff::diff(store(), t, t).is_empty(), "at {t}");
        t += chrono::Duration::hours(6);
    }
}

#[test]
fn every_pair_of_days_agrees_with_the_states() {
    let days: Vec<NaiveDateTime> = (2..=13).map(end_of).collect();
    for &a in &days {
        for &b in &days {
            let changes = diff::diff(store(), a, b);
            let (before, after) = (store().states_at(a), store().states_at(b));
            for p in 0..store().places.len() {
                let change = changes.iter().find(|c| c.place == p);
                if before[p].control != after[p].control {
                    let c = change.unwrap_or_else(|| panic!("{p} differs {a} -> {b}"));
                    assert_eq!(
                        (c.before.clone(), c.after.clone()),
                        (before[p].clone(), after[p].clone())
                    );
                }
                if let Some(c) = change {
                    let (early, late) = (a.min(b), a.max(b));
                    let between: Vec<usize> = store()
                        .place_events(p)
                        .into_iter()
                        .filter(|&e| store().events[e].at > early && store().events[e].at <= late)
                        .collect();
                    assert_eq!(c.events, between);
                    assert!(
                        before[p].control != after[p].control || c.changes.contains(&true),
                        "a listed place changed"
                    );
                }
            }
            // Backwards in time: the same places, before and after swapped.
            let back = diff::diff(store(), b, a);
            assert_eq!(listed(&back), listed(&changes));
        }
    }
}

#[test]
fn json_rows_name_places_states_and_dated_events() {
    let changes = diff::diff(store(), end_of(8), end_of(12));
    let json = serde_json::to_value(diff::rows(store(), &changes)).unwrap();
    let held_by_is = serde_json::json!({
        "status": "held", "holder": "islamic_state", "contested_by": []
    });
    assert_eq!(json[0]["place"], "abu_kamal");
    assert_eq!(json[0]["name"], "Abu Kamal");
    assert_eq!(json[0]["before"], held_by_is);
    assert_eq!(json[0]["after"], held_by_is);
    let events = json[0]["events"].as_array().unwrap();
    let dates: Vec<&str> = events.iter().map(|e| e["date"].as_str().unwrap()).collect();
    assert_eq!(dates, ["2017-11-09", "2017-11-11", "2017-11-12"]);
    let kinds: Vec<&str> = events.iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["capture", "recapture", "report"]);
    for (e, &ix) in events.iter().zip(&changes[0].events) {
        assert_eq!(e["id"], store().events[ix].id.as_str());
    }
    assert_eq!(
        json[1]["before"],
        serde_json::json!({
            "status": "contested", "holder": null,
            "contested_by": ["islamic_state", "iraqi_government"]
        })
    );
    assert_eq!(
        json[2]["before"],
        serde_json::json!({ "status": "unknown", "holder": null, "contested_by": [] })
    );
}
