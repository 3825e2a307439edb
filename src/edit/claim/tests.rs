//! The claim form: prefilled from a selection or a candidate, and checked.

use super::*;

#[test]
fn a_passage_loses_the_punctuation_a_drag_picks_up_at_its_ends() {
    assert_eq!(
        passage(", government forces recaptured Rawa on Friday, "),
        "government forces recaptured Rawa on Friday"
    );
    assert_eq!(passage("  took Rawa. "), "took Rawa.");
    assert_eq!(passage("a – b"), "a – b", "inside, nothing is cut");
}

#[test]
fn a_selection_is_prefilled_by_the_assistant_and_checked() {
    let store = crate::bundled::store();
    let (ix, a) = store
        .articles
        .iter()
        .enumerate()
        .find(|(_, a)| a.text.contains("overran Bukamal on Thursday"))
        .unwrap();
    let byte = a
        .text
        .find("Syrian regime forces and allied militia")
        .unwrap();
    let start = a.text[..byte].chars().count();
    let end = start + "Syrian regime forces and allied militia from Lebanon, Iraq and Iran overran Bukamal on Thursday".chars().count();
    let form = ClaimForm::prefill(&store, ix, start, end);
    assert!(
        form.quote.ends_with("overran Bukamal on Thursday"),
        "{}",
        form.quote
    );
    assert_eq!(form.place, "abu_kamal");
    assert_eq!(form.date, "2017-11-09");
    let event = form.check(&store).unwrap();
    assert_eq!(event.to, ["syrian_government"]);
    assert_eq!(event.sources[0].quote, form.quote);

    let wrong = ClaimForm {
        place: "Atlantis".into(),
        to: "nobody".into(),
        date: "9 Nov".into(),
        ..form
    };
    let problems = wrong.check(&store).unwrap_err();
    assert_eq!(problems.len(), 3, "{problems:?}");
}

fn form(place: &str, status: Status, to: &str) -> ClaimForm {
    let store = crate::bundled::store();
    let a = &store.articles[0];
    ClaimForm {
        article: a.id.clone(),
        quote: a.text.chars().take(30).collect(),
        place: place.into(),
        date: "2017-11-05".into(),
        date_phrase: String::new(),
        precision: Precision::Day,
        kind: EventKind::Capture,
        from: String::new(),
        to: to.into(),
        status,
        basis: Basis::Stated,
        note: String::new(),
        assistant: String::new(),
        more_quotes: Vec::new(),
        coordinates: String::new(),
    }
}

#[test]
fn each_status_needs_its_actors() {
    let store = crate::bundled::store();
    let held = form("Rawa", Status::Held, "IS").check(&store).unwrap();
    assert_eq!(
        (held.to, held.lost_by),
        (vec!["islamic_state".to_owned()], vec![])
    );
    let problems = form("Rawa", Status::Held, "IS, Iraqi forces")
        .check(&store)
        .unwrap_err();
    assert!(
        problems.iter().any(|p| p.contains("contested")),
        "{problems:?}"
    );

    let contested = form("Rawa", Status::Contested, "IS, iraqi_government");
    assert_eq!(contested.actors_label(), "Contested by");
    assert_eq!(contested.check(&store).unwrap().to.len(), 2);
    let one = form("Rawa", Status::Contested, "IS")
        .check(&store)
        .unwrap_err();
    assert!(one.iter().any(|p| p.contains("two sides")), "{one:?}");
    let same = form("Rawa", Status::Contested, "IS, Daesh")
        .check(&store)
        .unwrap_err();
    assert!(same.iter().any(|p| p.contains("two different")), "{same:?}");

    let lost = form("Rawa", Status::Lost, "Daesh").check(&store).unwrap();
    assert!(lost.to.is_empty());
    assert_eq!(lost.lost_by, ["islamic_state"]);
    let nobody = form("Rawa", Status::Lost, "").check(&store).unwrap_err();
    assert!(nobody.iter().any(|p| p.contains("lost by")), "{nobody:?}");
}

#[test]
fn a_gazetteer_town_is_a_new_place_and_a_known_one_is_not() {
    let store = crate::bundled::store();
    let hit = form("Hit", Status::Held, "IS");
    let event = hit.check(&store).unwrap();
    assert_eq!(event.place, "hit");
    let place = hit.new_place(&store).unwrap();
    assert_eq!((place.id.as_str(), place.name.as_str()), ("hit", "Hīt"));
    assert!(
        place.sentence().starts_with("new place: Hīt ("),
        "{}",
        place.sentence()
    );
    assert!(
        place
            .sentence()
            .ends_with("it will be added to places.toml")
    );
    assert_eq!(form("Rawa", Status::Held, "IS").new_place(&store), None);
    let nowhere = form("Atlantis", Status::Held, "IS")
        .check(&store)
        .unwrap_err();
    assert!(
        nowhere.iter().any(|p| p.contains("regional gazetteer")),
        "{nowhere:?}"
    );
}

#[test]
fn an_event_opens_in_the_form_and_only_what_changes_is_written() {
    let store = crate::bundled::store();
    for e in 0..store.events.len() {
        let f = ClaimForm::from_event(&store, e);
        assert_eq!(
            f.changes(&store, e),
            Ok(EventFields::default()),
            "event {e}: {f:?}"
        );
    }
    let lost = store
        .events
        .iter()
        .position(|ev| matches!(ev.to, Control::Lost(..)))
        .unwrap();
    let mut f = ClaimForm::from_event(&store, lost);
    assert_eq!((f.status, f.precision), (Status::Lost, Precision::Year));
    assert_eq!(f.date.len(), 4, "a year alone: {}", f.date);
    f.note = "checked".into();
    f.status = Status::Held;
    let changes = f.changes(&store, lost).unwrap();
    assert_eq!(changes.note, Some(Some("checked".to_owned())));
    assert_eq!(
        changes.state,
        Some((vec!["islamic_state".to_owned()], Vec::new()))
    );
    assert_eq!(
        (changes.place, changes.date, changes.kind),
        (None, None, None)
    );
}

#[test]
fn a_candidate_becomes_a_form_with_its_own_clause_and_fields() {
    let store = crate::bundled::store();
    let (ix, a) = store
        .articles
        .iter()
        .enumerate()
        .find(|(_, a)| a.text.contains("his forces captured Rumana"))
        .unwrap();
    let candidates = Assistant::new(&store)
        .suggest(&a.text, a.date.unwrap())
        .unwrap();
    let c = candidates
        .iter()
        .find(|c| c.text.contains("captured Rumana"))
        .unwrap();
    let form = ClaimForm::from_candidate(&store, ix, c);
    assert_eq!(form.quote, c.text);
    assert_eq!(Some(form.place.as_str()), c.place.as_deref());
    assert_eq!(
        Some(form.date.as_str()),
        c.date.map(|d| d.to_string()).as_deref()
    );
    // "on Saturday" dates it from the sentence before: said in the note, not the quote.
    assert_eq!(c.date_phrase, None);
    assert!(c.date_note.as_deref().unwrap().contains("on Saturday"));
    assert!(!c.text.contains("on Saturday"));
    assert!(form.date_phrase.is_empty());
    assert!(form.note.contains("on Saturday"), "{}", form.note);
    assert_eq!(form.to, c.to.join(", "));
    assert_eq!(form.kind, c.kind);
    let event = form.check(&store).unwrap();
    assert_eq!(event.sources[0].quote, c.text);
    // A phrase inside the clause is the form's date phrase.
    let c = candidates
        .iter()
        .find(|c| c.text.contains("Daesh recaptured Bukamal"))
        .unwrap();
    let form = ClaimForm::from_candidate(&store, ix, c);
    assert_eq!(form.date_phrase, "on Saturday");
    assert!(form.check(&store).is_ok());

    // A lost candidate: the form's status is lost, with who lost it in the actors field.
    let lost = candidates
        .iter()
        .find(|c| c.status == crate::assist::Status::Lost)
        .unwrap();
    let form = ClaimForm::from_candidate(&store, ix, lost);
    assert_eq!(form.status, Status::Lost);
    assert_eq!(form.to, lost.lost_by.join(", "));
    let event = form.check(&store);
    assert!(
        event
            .as_ref()
            .is_ok_and(|e| e.lost_by == lost.lost_by && e.to.is_empty()),
        "{event:?}"
    );
}
