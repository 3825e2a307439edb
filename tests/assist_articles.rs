//! The annotation assistant on the five bundled articles, against the bundled annotations:
//! what it finds that the annotations lack, what it misses, and how many of the annotated
//! changes of control it finds. Also the behaviours a researcher relies on: no claims from
//! casualties or diplomacy, new places from the gazetteer, mentions for the reader, speed.

use std::time::Instant;

use chrono::{Datelike, NaiveDate};
use frontline::assist::{Assistant, Candidate, Status};
use frontline::store::{Control, EventKind, Store};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// The ids of the actors of a control state, sorted.
fn holders(store: &Store, control: Control) -> Vec<String> {
    let mut ids: Vec<String> = control
        .actors()
        .into_iter()
        .map(|a| store.actors[a].id.clone())
        .collect();
    ids.sort();
    ids
}

fn same_state(store: &Store, c: &Candidate, event: &frontline::store::Event) -> bool {
    // A lost claim names who lost it, not who holds it.
    let mut to = match event.to {
        Control::Lost(..) => c.lost_by.clone(),
        _ => c.to.clone(),
    };
    to.sort();
    let status_fits = match event.to {
        Control::Held(_) => c.status == Status::Held,
        Control::Contested(..) => c.status == Status::Contested,
        Control::Lost(..) => c.status == Status::Lost,
    };
    // A claim known only to the year is dated by its first article, the assistant's by the
    // article it reads: the year is what they can agree on.
    let same_date = if event.precision == frontline::store::Precision::Year {
        c.date.is_some_and(|d| d.year() == event.date.year())
    } else {
        Some(event.date) == c.date
    };
    c.place.as_deref() == Some(store.places[event.place].id.as_str())
        && same_date
        && status_fits
        && to == holders(store, event.to)
}

#[test]
fn the_bundled_articles_yield_most_annotated_changes_of_control() {
    let store = frontline::bundled::store();
    let assistant = Assistant::new(&store);
    let mut found: Vec<(String, Candidate)> = Vec::new();
    for article in &store.articles {
        let published = article.date.expect("the bundled articles are dated");
        for c in assistant.suggest(&article.text, published).unwrap() {
            // Every quote is verbatim, at its code-point offsets.
            let quoted: String = article
                .text
                .chars()
                .skip(c.start)
                .take(c.end - c.start)
                .collect();
            assert_eq!(quoted, c.text, "{}", article.id);
            found.push((article.id.clone(), c));
        }
    }

    let changes: Vec<&frontline::store::Event> = store
        .events
        .iter()
        .filter(|e| e.kind != EventKind::Report)
        .collect();
    let mut hits = 0;
    println!("Annotated changes of control:");
    for e in &changes {
        let hit = found.iter().any(|(_, c)| same_state(&store, c, e));
        hits += usize::from(hit);
        println!(
            "  {} {} {} {:?} -> {}",
            if hit { "found " } else { "MISSED" },
            store.places[e.place].id,
            e.date,
            e.kind,
            holders(&store, e.to).join("+")
        );
    }
    let reports = store.events.iter().filter(|e| e.kind == EventKind::Report);
    println!("Annotated reports:");
    for e in reports {
        let hit = found.iter().any(|(_, c)| same_state(&store, c, e));
        println!(
            "  {} {} {} -> {}",
            if hit { "found " } else { "missed" },
            store.places[e.place].id,
            e.date,
            holders(&store, e.to).join("+")
        );
    }
    println!("Suggested, not annotated as such:");
    let mut extra = 0;
    for (article, c) in &found {
        if !store.events.iter().any(|e| same_state(&store, c, e)) {
            extra += 1;
            println!(
                "  {article}: {:?} {:?} {:?} to={:?} lost_by={:?} «{}» ({})",
                c.place, c.date, c.status, c.to, c.lost_by, c.text, c.reason
            );
        }
    }
    println!(
        "{hits} of {} annotated changes found; {} suggestions, {extra} not matching an annotation",
        changes.len(),
        found.len()
    );
    // Measured: 7 of 9. Al-Qa'im is inferred by the annotator from another town's report
    // ("Rawa, the last Iraqi town still held"), which the assistant does not attempt; Raqqa,
    // lost "this year", is named only after Mosul in a list ("Iraq's Mosul and Syria's
    // Raqqa", "Mosul in Iraq, and Raqa and Deir Ezzor"), whose later items it does not read.
    assert!(
        hits * 9 >= changes.len() * 7,
        "{hits} of {} annotated changes found",
        changes.len()
    );
}

#[test]
fn casualties_strikes_and_diplomacy_are_not_claims() {
    let assistant = Assistant::new(&frontline::bundled::store());
    let sunday = day("2017-11-12");
    for text in [
        "At least 26 civilians were killed in air strikes on Albu Kamal on Saturday.",
        "Russian air strikes hit Hajin and Al-Mayadin overnight, killing 12 people.",
        "Putin and Trump agreed on Saturday to keep up the fight against IS in Syria.",
        "Jordan announced it had agreed with the US and Russia to establish a de-escalation \
         zone in southern Syria.",
        "Peace talks on the future of Raqqa were held in Geneva.",
        "Iraqi forces are preparing to storm Rawa, the army said.",
    ] {
        let found = assistant.suggest(text, sunday).unwrap();
        assert!(found.is_empty(), "{text}: {found:#?}");
    }
}

#[test]
fn a_place_only_the_gazetteer_knows_is_offered_as_new() {
    let store = frontline::bundled::store();
    assert!(
        store.places.iter().all(|p| p.id != "tadmur"),
        "the test needs a place the data lacks"
    );
    let assistant = Assistant::new(&store);
    let found = assistant
        .suggest(
            "Syrian troops retook Tadmor from the jihadists on Thursday.",
            day("2017-03-03"),
        )
        .unwrap();
    assert_eq!(found.len(), 1, "{found:#?}");
    let c = &found[0];
    assert_eq!(c.place.as_deref(), Some("tadmur"));
    assert!(c.new_place);
    let (lat, lon) = (c.latitude.unwrap(), c.longitude.unwrap());
    assert!((lat - 34.56).abs() < 0.1 && (lon - 38.28).abs() < 0.1);
    assert_eq!(c.to, ["syrian_government"]);
    assert_eq!(c.from, ["islamic_state"]);
    assert_eq!(c.date, Some(day("2017-03-02")));
    assert_eq!(c.kind, EventKind::Recapture);
}

#[test]
fn government_forces_are_the_government_of_the_place() {
    let assistant = Assistant::new(&frontline::bundled::store());
    let found = assistant
        .suggest(
            "Government forces captured Hit on Saturday.",
            day("2017-11-12"),
        )
        .unwrap();
    assert_eq!(found[0].to, ["iraqi_government"]);
    let found = assistant
        .suggest(
            "Government forces captured Al-Mayadin on Saturday.",
            day("2017-11-12"),
        )
        .unwrap();
    assert_eq!(found[0].to, ["syrian_government"]);
}

#[test]
fn mentions_give_places_actors_and_dates_at_their_offsets() {
    let assistant = Assistant::new(&frontline::bundled::store());
    let text =
        "Daesh’s fighters left Bukamal last Thursday; Iraqi troops entered Hīt two days later.";
    let m = assistant.mentions(text, day("2017-11-12")).unwrap();
    let chars: Vec<char> = text.chars().collect();
    let at = |start: usize, end: usize| chars[start..end].iter().collect::<String>();
    let places: Vec<(&str, bool)> = m
        .places
        .iter()
        .map(|p| (p.place.as_str(), p.new_place))
        .collect();
    assert_eq!(places, [("abu_kamal", false), ("hit", true)]);
    for p in &m.places {
        assert_eq!(at(p.start, p.end), p.text);
    }
    let actors: Vec<Option<&str>> = m.actors.iter().map(|a| a.actor.as_deref()).collect();
    assert_eq!(actors, [Some("islamic_state"), Some("iraqi_government")]);
    assert_eq!(m.actors[0].text, "Daesh");
    let dates: Vec<(String, NaiveDate, bool)> = m
        .dates
        .iter()
        .map(|d| (at(d.start, d.end), d.date, d.relative))
        .collect();
    assert_eq!(
        dates,
        [
            ("last Thursday".to_owned(), day("2017-11-09"), false),
            ("two days later".to_owned(), day("2017-11-11"), true)
        ]
    );
}

#[test]
fn a_long_article_is_read_quickly() {
    let store = frontline::bundled::store();
    let assistant = Assistant::new(&store);
    // About 5,000 words of wire copy: the bundled articles, over and over.
    let mut text = String::new();
    while text.split_whitespace().count() < 5_000 {
        for a in &store.articles {
            text.push_str(&a.text);
            text.push_str("\n\n");
        }
    }
    let start = Instant::now();
    let found = assistant.suggest(&text, day("2017-11-12")).unwrap();
    let elapsed = start.elapsed();
    println!(
        "{} words, {} suggestions in {elapsed:?}",
        text.split_whitespace().count(),
        found.len()
    );
    assert!(!found.is_empty());
    // A loose bound that holds in a debug build on a busy machine; it catches a quadratic
    // blow-up, not a regression of a few milliseconds (release: see the report).
    assert!(elapsed.as_secs_f64() < 5.0, "{elapsed:?}");
}

#[test]
fn each_statement_keeps_its_own_subject() {
    let assistant = Assistant::new(&frontline::bundled::store());
    let sunday = day("2017-11-12");
    // IS is the subject of "was driven", not of "captured": it lost Hit, it did not take Qaim.
    let found = assistant
        .suggest(
            "After IS was driven out of Hit, Hezbollah fighters captured Qaim.",
            sunday,
        )
        .unwrap();
    let claims: Vec<(&str, Status, &[String])> = found
        .iter()
        .map(|c| (c.place.as_deref().unwrap(), c.status, c.lost_by.as_slice()))
        .collect();
    assert_eq!(
        claims,
        [("hit", Status::Lost, ["islamic_state".to_owned()].as_slice())]
    );
    // Raqqa opens a statement of its own: it is not a second place Iraqi forces recaptured.
    let found = assistant
        .suggest(
            "Iraqi forces recaptured Mosul from IS in July, and Raqqa fell to the SDF in October.",
            sunday,
        )
        .unwrap();
    let claims: Vec<(&str, &str, String)> = found
        .iter()
        .map(|c| {
            (
                c.place.as_deref().unwrap(),
                c.to[0].as_str(),
                c.date.unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        claims,
        [
            ("mosul", "iraqi_government", "2017-07-01".to_owned()),
            ("raqqa", "sdf", "2017-10-01".to_owned())
        ]
    );
}
