//! The sentences and date forms, on the bundled data.

use super::*;

/// Mosul, lost by the Islamic State "this year": the feed says so, and not "captured", and
/// its day is the first report's, not when it was lost.
#[test]
fn a_lost_place_reads_as_lost_and_a_year_claim_as_the_year() {
    let store = crate::bundled::store();
    let mosul = store.places.iter().position(|p| p.id == "mosul").unwrap();
    let e = store.timeline.place_events(mosul).next().unwrap();
    assert_eq!(event_outcome(&store, e), "lost by IS");
    assert_eq!(event_day(&store, e), "2017, by Fri 3 Nov");
    assert_eq!(event_line(&store, e), "Fri 3 Nov 2017 · Mosul · lost by IS");
    let ak = store
        .places
        .iter()
        .position(|p| p.id == "abu_kamal")
        .unwrap();
    let taken = store
        .timeline
        .place_events(ak)
        .find(|&e| store.events[e].date.to_string() == "2017-11-09")
        .unwrap();
    assert_eq!(event_day(&store, taken), "Thu 9 Nov");
    assert_eq!(event_outcome(&store, taken), "captured · Syrian gov.");
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2017, 11, d).unwrap()
}

fn at(d: u32, h: u32) -> NaiveDateTime {
    day(d).and_hms_opt(h, 0, 0).unwrap()
}

fn place(store: &Store, id: &str) -> usize {
    store.places.iter().position(|p| p.id == id).unwrap()
}

#[test]
fn days_in_every_form() {
    assert_eq!(DayForm::Weekday.of(day(9)), "Thu 9 Nov");
    assert_eq!(DayForm::DayMonthYear.of(day(9)), "9 Nov 2017");
    assert_eq!(DayForm::DayMonth.of(day(9)), "9 Nov");
    assert_eq!(DayForm::MonthYear.of(day(9)), "Nov 2017");
    assert_eq!(time_of_day(at(9, 14).time()), "14:00");
}

#[test]
fn abu_kamal_in_words_as_the_state_changes() {
    let store = crate::bundled::store();
    let ak = place(&store, "abu_kamal");
    let on_10th = store.state_at(ak, at(10, 12));
    assert_eq!(
        status_sentence(&store, &on_10th),
        "Held by Syrian government and allies since Thu 9 Nov 2017"
    );
    let on_11th = store.state_at(ak, at(11, 12));
    assert_eq!(
        status_sentence(&store, &on_11th),
        "Held by Islamic State since Sat 11 Nov 2017"
    );
    assert_eq!(short_status(&store, on_11th.control), "IS");
    let reported = freshness_sentence(&store, &on_11th, at(11, 12)).unwrap();
    assert!(reported.starts_with("reported that day by "), "{reported}");
    let carried = freshness_sentence(&store, &on_10th, at(10, 12)).unwrap();
    assert!(
        carried.starts_with("carried forward from a report of Thu 9 Nov (1 day earlier, by "),
        "{carried}"
    );
}

#[test]
fn an_inferred_state_known_to_the_week_says_so() {
    let store = crate::bundled::store();
    let qaim = place(&store, "al_qaim");
    let s = store.state_at(qaim, at(12, 12));
    let sentence = status_sentence(&store, &s);
    assert!(
        sentence.contains("the day is known only to the week"),
        "{sentence}"
    );
    assert!(sentence.ends_with(", inferred"), "{sentence}");
}

#[test]
fn a_place_without_reports_is_unknown_and_has_no_freshness() {
    let store = crate::bundled::store();
    let hajin = place(&store, "hajin");
    let s = store.state_at(hajin, at(12, 12));
    assert_eq!(
        status_sentence(&store, &s),
        "Unknown: no article reports who holds it by this date"
    );
    assert_eq!(freshness_sentence(&store, &s, at(12, 12)), None);
    assert_eq!(short_status(&store, None), "unknown");
}

#[test]
fn events_in_one_line_and_as_claims() {
    let store = crate::bundled::store();
    let recapture = store
        .events
        .iter()
        .position(|e| store.places[e.place].id == "abu_kamal" && e.date == day(11))
        .unwrap();
    assert_eq!(
        event_line(&store, recapture),
        "Sat 11 Nov 2017 · Abu Kamal · recaptured · IS"
    );
    assert_eq!(
        event_claim(&store, recapture),
        "Recaptured: held by Islamic State"
    );
    assert_eq!(
        reversal_sentence(&store, recapture),
        "Reversed on Sat 11 Nov 2017: held by Islamic State again"
    );
    assert_eq!(reported_by(1), "Reported by 1 article");
    assert_eq!(reported_by(3), "Reported by 3 articles");
}

#[test]
fn summaries_count_what_was_loaded() {
    let store = crate::bundled::store();
    let short = summary_short(&store);
    assert_eq!(
        short,
        format!(
            "{} articles · {} places · {} events",
            store.articles.len(),
            store.places.len(),
            store.events.len()
        )
    );
    assert!(summary(&store).ends_with("; 0 errors, 0 warnings"));
    assert_eq!(span(&store), "3 Nov – 12 Nov 2017");
    assert_eq!(span(&Store::default()), "no events");
    assert_eq!(
        reload_notice(NaiveTime::from_hms_opt(10, 42, 7).unwrap(), 0),
        "Reloaded at 10:42:07"
    );
    assert_eq!(
        reload_notice(NaiveTime::from_hms_opt(10, 42, 7).unwrap(), 2),
        "Reloaded at 10:42:07: 2 error(s), showing what is valid"
    );
}

#[test]
fn a_date_outside_the_span_says_where_it_was_moved() {
    let (start, end) = (at(3, 0), at(12, 23));
    assert_eq!(clamped_at(at(5, 0), start, end), None);
    let before = NaiveDate::from_ymd_opt(2014, 6, 1)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap();
    assert_eq!(
        clamped_at(before, start, end).as_deref(),
        Some(
            "--at 2014-06-01 is before the data (Fri 3 Nov 2017 to Sun 12 Nov 2017): showing Fri 3 Nov 2017"
        )
    );
    let after = at(30, 0);
    assert!(clamped_at(after, start, end).unwrap().contains(
        "is after the data (Fri 3 Nov 2017 to Sun 12 Nov 2017): showing Sun 12 Nov 2017"
    ));
}
