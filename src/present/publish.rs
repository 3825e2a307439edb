//! The sentences of a published frame (`export video`, `screenshot --layout map`): its title,
//! its date, the captions of the day's changes ("Thu 9 Nov · Syrian government and allies
//! capture Abu Kamal · 3 articles") and its source line.

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};

use super::{DayForm, long_date, time_of_day};
use crate::store::dates::start_of_day;
use crate::store::{Control, EventIx, EventKind, PlaceIx, Store};

/// The sources of the map's basemap and places, as the map's attribution gives them.
pub const MAP_ATTRIBUTION: &str =
    "Basemap: Natural Earth · Places: GeoNames (geonames.org, CC BY 4.0)";

/// The title of a published frame when no story or `--title` gives one:
/// "Who held which town, 3 Nov – 12 Nov 2017".
pub fn default_title(store: &Store) -> String {
    format!("Who held which town, {}", super::span(store))
}

/// A published frame's date, large, and beside it the time: ("Thu 9 Nov 2017", "18:00"), or
/// "end of day" from 23:59, as the timeline says it.
pub fn frame_date(at: NaiveDateTime) -> (String, String) {
    let late = chrono::NaiveTime::from_hms_opt(23, 59, 0).unwrap_or_default();
    let time = if at.time() >= late {
        "end of day".to_owned()
    } else {
        time_of_day(at.time())
    };
    (long_date(at.date()), time)
}

/// "1 article", "3 articles".
pub fn articles(n: usize) -> String {
    match n {
        1 => "1 article".to_owned(),
        n => format!("{n} articles"),
    }
}

/// How many articles quote an event.
fn event_articles(store: &Store, e: EventIx) -> usize {
    let mut ids: Vec<usize> = store.events[e].quotes.iter().map(|q| q.article).collect();
    ids.sort_unstable();
    ids.dedup();
    ids.len()
}

/// Whether an actor's name takes a plural verb: "Iraqi government forces capture", "Syrian
/// rebels", "Syrian government and allies"; "Islamic State captures".
fn plural(name: &str) -> bool {
    let last = name.split_whitespace().last().unwrap_or("");
    name.contains(" and ") || (last.ends_with('s') && !last.ends_with("ss"))
}

/// A verb in the present tense, agreeing with `subject`: ("captures", "capture").
fn agree(subject: &str, (one, many): (&str, &str)) -> String {
    format!("{subject} {}", if plural(subject) { many } else { one })
}

/// What a change of control did, in the present tense: "Syrian government and allies capture
/// Abu Kamal", "Islamic State loses Al-Qa'im", "fighting in Al-Qa'im between Islamic State and
/// Iraqi government forces".
pub fn change_words(store: &Store, e: EventIx) -> String {
    let ev = &store.events[e];
    let place = &store.places[ev.place].name;
    let name = |a: usize| store.actors[a].name.as_str();
    match ev.to {
        Control::Held(a) => {
            let verb = match (ev.kind, ev.from) {
                (EventKind::Capture, _) => ("captures", "capture"),
                (EventKind::Recapture, _) => ("recaptures", "recapture"),
                (EventKind::Entered, _) => ("enters", "enter"),
                (EventKind::Declared, _) => ("declares victory in", "declare victory in"),
                (EventKind::Withdrawal, Some(Control::Held(b))) if b != a => {
                    let gone = agree(name(b), ("withdraws from", "withdraw from"));
                    let holds = agree(name(a), ("holds", "hold"));
                    return format!("{gone} {place}; {holds} it");
                }
                (EventKind::Withdrawal | EventKind::Report, _) => ("holds", "hold"),
            };
            format!("{} {place}", agree(name(a), verb))
        }
        Control::Contested(a, b) => {
            format!("fighting in {place} between {} and {}", name(a), name(b))
        }
        c @ Control::Lost(..) => {
            let who: Vec<&str> = c.lost_by().into_iter().map(name).collect();
            let who = who.join(" and ");
            format!("{} {place}", agree(&who, ("loses", "lose")))
        }
    }
}

/// A change's caption: "Thu 9 Nov · Syrian government and allies capture Abu Kamal · 3
/// articles".
pub fn change_caption(store: &Store, e: EventIx) -> String {
    let ev = &store.events[e];
    let mut text = format!(
        "{} · {}",
        DayForm::Weekday.of(ev.date),
        change_words(store, e)
    );
    let n = event_articles(store, e);
    if n > 0 {
        text.push_str(" · ");
        text.push_str(&articles(n));
    }
    text
}

/// The captions of the changes of control on `at`'s day up to `at`, of the places `shown`
/// allows, in order; past `max`, the last line counts the rest ("and 2 more changes").
pub fn day_captions(
    store: &Store,
    at: NaiveDateTime,
    shown: impl Fn(PlaceIx) -> bool,
    max: usize,
) -> Vec<String> {
    let day: NaiveDate = at.date();
    let before = start_of_day(day) - TimeDelta::seconds(1);
    let mut events: Vec<EventIx> = crate::diff::diff(store, before, at)
        .into_iter()
        .filter(|c| shown(c.place))
        .flat_map(|c| {
            c.events
                .into_iter()
                .zip(c.changes)
                .filter(|&(_, changed)| changed)
                .map(|(e, _)| e)
                .collect::<Vec<_>>()
        })
        .filter(|&e| store.events[e].date == day)
        .collect();
    events.sort_by_key(|&e| (store.events[e].at, e));
    let mut lines: Vec<String> = events.iter().map(|&e| change_caption(store, e)).collect();
    if lines.len() > max.max(1) {
        let keep = max.max(1) - 1;
        let rest = lines.len() - keep;
        lines.truncate(keep);
        lines.push(format!("and {rest} more changes that day"));
    }
    lines
}

/// The source line of a published frame: "Sources: 12 articles · Basemap: Natural Earth ·
/// Places: GeoNames (...)", and the areas' note when they are shown.
pub fn source_line(store: &Store, areas: bool) -> String {
    let mut text = format!(
        "Sources: {} · {MAP_ATTRIBUTION}",
        articles(store.articles.len())
    );
    if areas {
        text.push_str(" · ");
        text.push_str(crate::view::areas::INFERRED_NOTE);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2017, 11, d)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
    }

    #[test]
    fn the_capture_of_abu_kamal_is_captioned_with_its_articles() {
        let store = crate::bundled::store();
        let lines = day_captions(&store, at(9, 23), |_| true, 5);
        let line = lines
            .iter()
            .find(|l| l.contains("Abu Kamal"))
            .unwrap_or_else(|| panic!("{lines:?}"));
        assert!(
            line.starts_with("Thu 9 Nov · Syrian government and allies capture Abu Kamal · "),
            "{line}"
        );
        assert!(
            line.ends_with("article") || line.ends_with("articles"),
            "{line}"
        );
        // Not the day before, not the next day, and not when the place is not shown.
        let before = day_captions(&store, at(8, 23), |_| true, 5);
        assert!(
            !before.iter().any(|l| l.contains("Abu Kamal")),
            "{before:?}"
        );
        assert!(day_captions(&store, at(9, 23), |_| false, 5).is_empty());
        let next_day = day_captions(&store, at(10, 23), |_| true, 5);
        assert!(
            !next_day.iter().any(|l| l.contains("captures Abu Kamal")),
            "{next_day:?}"
        );
    }

    #[test]
    fn verbs_agree_with_the_actor() {
        assert_eq!(
            agree("Islamic State", ("captures", "capture")),
            "Islamic State captures"
        );
        assert_eq!(
            agree("Iraqi government forces", ("captures", "capture")),
            "Iraqi government forces capture"
        );
        assert_eq!(
            agree("Syrian rebels", ("loses", "lose")),
            "Syrian rebels lose"
        );
        assert_eq!(agree("IS", ("holds", "hold")), "IS holds");
    }

    #[test]
    fn many_changes_end_in_a_count() {
        let store = crate::bundled::store();
        let all: Vec<String> = (3..=12)
            .flat_map(|d| day_captions(&store, at(d, 23), |_| true, 100))
            .collect();
        assert!(all.len() >= 3, "{all:?}");
        let day = (3..=12)
            .map(|d| (d, day_captions(&store, at(d, 23), |_| true, 100).len()))
            .max_by_key(|&(_, n)| n)
            .unwrap();
        if day.1 >= 2 {
            let short = day_captions(&store, at(day.0, 23), |_| true, 1);
            assert_eq!(short.len(), 1);
            assert_eq!(short[0], format!("and {} more changes that day", day.1));
        }
    }

    #[test]
    fn sources_and_title() {
        let store = crate::bundled::store();
        let line = source_line(&store, true);
        assert!(line.starts_with(&format!(
            "Sources: {} articles · Basemap",
            store.articles.len()
        )));
        assert!(line.ends_with(crate::view::areas::INFERRED_NOTE), "{line}");
        assert!(!source_line(&store, false).contains("inferred"));
        assert_eq!(
            default_title(&store),
            "Who held which town, 3 Nov – 12 Nov 2017"
        );
        assert_eq!(
            frame_date(at(9, 18)),
            ("Thu 9 Nov 2017".to_owned(), "18:00".to_owned())
        );
        assert_eq!(
            frame_date(at(9, 23) + TimeDelta::minutes(59)).1,
            "end of day"
        );
    }
}
