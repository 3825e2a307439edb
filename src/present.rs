//! Every sentence the app and the command line show about a place's state, an event or the
//! data as a whole, and the forms dates are written in. No egui here: the panels and the
//! command line call the same functions, so that a state is worded one way wherever it is read.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use crate::store::{Basis, Control, EventIx, EventKind, Place, PlaceState, Precision, Store};

mod reader;
pub use reader::*;
mod publish;
pub use publish::*;
mod time;
pub use time::*;
mod dispute;
pub use dispute::*;

/// "Thu 9 Nov 2017". The store words its own messages with the same function, so that a date
/// in a validation problem reads like one on the map.
pub use crate::store::dates::long_date;

/// The forms a day is written in, from the fullest to the most compact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DayForm {
    /// "Thu 9 Nov": where the year is plain from the context.
    Weekday,
    /// "9 Nov 2017": axis labels over more than one year.
    DayMonthYear,
    /// "9 Nov": chart axes and spans within a year.
    DayMonth,
    /// "Nov 2017": axis labels over many months.
    MonthYear,
}

impl DayForm {
    pub fn of(self, day: NaiveDate) -> String {
        let format = match self {
            DayForm::Weekday => "%a %-d %b",
            DayForm::DayMonthYear => "%-d %b %Y",
            DayForm::DayMonth => "%-d %b",
            DayForm::MonthYear => "%b %Y",
        };
        day.format(format).to_string()
    }
}

/// "14:00": the hour of an instant.
pub(crate) fn time_of_day(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

/// "3 Nov – 12 Nov 2017", or "no events".
pub fn span(store: &Store) -> String {
    match store.span() {
        Some((a, b)) => format!(
            "{} – {}",
            DayForm::DayMonth.of(a.date()),
            DayForm::DayMonthYear.of(b.date())
        ),
        None => "no events".to_owned(),
    }
}

/// The window title: what is shown.
pub(crate) fn window_title(store: &Store) -> String {
    format!(
        "Frontline — who held which town, {} — {}",
        span(store),
        store.origin
    )
}

/// "5 articles · 13 places · 12 events".
pub(crate) fn summary_short(store: &Store) -> String {
    format!(
        "{} articles · {} places · {} events",
        store.articles.len(),
        store.places.len(),
        store.events.len()
    )
}

/// The one-line summary `check` prints.
pub fn summary(store: &Store) -> String {
    // Rows of an ACLED file that change no control: counted, so that none seems lost.
    let other = match store.other_rows {
        0 => String::new(),
        n => format!(" ({n} other rows: activity without a change of control)"),
    };
    format!(
        "{} articles, {} places, {} actors, {} events{other}, {} quotes; {} errors, {} warnings",
        store.articles.len(),
        store.places.len(),
        store.actors.len(),
        store.events.len(),
        store.quote_count(),
        store.diagnostics.error_count(),
        store.diagnostics.warning_count()
    ) + &match store.diagnostics.note_count() {
        0 => String::new(),
        n => format!(", {n} note{}", if n == 1 { "" } else { "s" }),
    }
}

/// "Reloaded at 10:42:07", with the errors when there are some.
pub fn reload_notice(at: NaiveTime, errors: usize) -> String {
    let when = at.format("%H:%M:%S");
    match errors {
        0 => format!("Reloaded at {when}"),
        n => format!("Reloaded at {when}: {n} error(s), showing what is valid"),
    }
}

/// "--at 2014-06-01 is before the data (Fri 3 Nov 2017 to Sun 12 Nov 2017): showing Fri 3 Nov
/// 2017": the cursor was asked for outside the data's span and moved to its nearest end. None
/// when `at` is inside the span.
pub fn clamped_at(at: NaiveDateTime, start: NaiveDateTime, end: NaiveDateTime) -> Option<String> {
    let (side, shown) = if at < start {
        ("before", start)
    } else if at > end {
        ("after", end)
    } else {
        return None;
    };
    Some(format!(
        "--at {} is {side} the data ({} to {}): showing {}",
        at.date(),
        long_date(start.date()),
        long_date(end.date()),
        long_date(shown.date())
    ))
}

/// "Town, SY": what a place is, for tooltips.
pub(crate) fn place_kind_and_country(place: &Place) -> String {
    format!("{}, {}", place.kind.label(), place.country)
}

/// "Town · SY · 34.452° N, 40.919° E".
pub(crate) fn place_facts(place: &Place) -> String {
    format!(
        "{} · {} · {:.3}° N, {:.3}° E",
        place.kind.label(),
        place.country,
        place.lat,
        place.lon
    )
}

/// "Held by Islamic State since Thu 9 Nov 2017", "Contested between ...", "Unknown: ...".
pub fn status_sentence(store: &Store, s: &PlaceState) -> String {
    let since = s.since.map(|t| long_date(t.date())).unwrap_or_default();
    let qualifiers = s
        .since_event
        .map(|e| &store.events[e])
        .map(|e| {
            let mut extra = String::new();
            if e.precision != Precision::Day {
                extra.push_str(&format!(
                    " (by then; the day is known only to the {})",
                    e.precision.label()
                ));
            }
            if e.basis == Basis::Inferred {
                extra.push_str(", inferred");
            }
            extra
        })
        .unwrap_or_default();
    match s.control {
        Some(Control::Held(a)) => {
            format!("Held by {} since {since}{qualifiers}", store.actors[a].name)
        }
        Some(Control::Contested(a, b)) => format!(
            "Contested between {} and {} since {since}{qualifiers}",
            store.actors[a].name, store.actors[b].name
        ),
        Some(c @ Control::Lost(..)) => format!(
            "No longer held by {} (who holds it is not said) since {since}{qualifiers}",
            lost_by_names(store, c)
        ),
        None => "Unknown: no article reports who holds it by this date".to_owned(),
    }
}

/// "reported that day by 3 articles" or "carried forward from a report of Fri 3 Nov (6 days
/// earlier, by 1 article)"; nothing for a place no article reports.
pub(crate) fn freshness_sentence(
    store: &Store,
    s: &PlaceState,
    cursor: NaiveDateTime,
) -> Option<String> {
    let last = s.last_reported?;
    let articles = {
        let mut ids: Vec<usize> = store
            .timeline
            .supporting_events(s.place, cursor)
            .into_iter()
            .filter(|&e| store.events[e].date == last)
            .flat_map(|e| store.events[e].articles())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids.len()
    };
    let by = if articles == 1 {
        "1 article".to_owned()
    } else {
        format!("{articles} articles")
    };
    let day = DayForm::Weekday.of(last);
    Some(match s.age_days(cursor) {
        Some(0) => format!("reported that day by {by}"),
        Some(1) => format!("carried forward from a report of {day} (1 day earlier, by {by})"),
        Some(n) => format!("carried forward from a report of {day} ({n} days earlier, by {by})"),
        None => return None,
    })
}

/// "Islamic State", or "A and B" when two actors lost a place together.
fn lost_by_names(store: &Store, c: Control) -> String {
    let names: Vec<&str> = c
        .lost_by()
        .into_iter()
        .map(|a| store.actors[a].name.as_str())
        .collect();
    names.join(" and ")
}

/// "1 of 4 sources could not be checked: see Problems", for a claim that stays on the map
/// with its valid sources; nothing when every source was checked.
pub fn damaged_sentence(ev: &crate::store::Event) -> Option<String> {
    (ev.damaged_sources > 0).then(|| {
        let total = ev.quotes.len() + ev.damaged_sources;
        format!(
            "{} of {total} sources could not be checked: see Problems",
            ev.damaged_sources
        )
    })
}

/// "Annotated by A on Mon 4 Dec 2017, reviewed by B", when the annotation says so.
pub fn annotation_sentence(ev: &crate::store::Event) -> Option<String> {
    let mut parts = Vec::new();
    match (&ev.annotator, ev.annotated) {
        (Some(who), Some(day)) => parts.push(format!("Annotated by {who} on {}", long_date(day))),
        (Some(who), None) => parts.push(format!("Annotated by {who}")),
        (None, Some(day)) => parts.push(format!("Annotated on {}", long_date(day))),
        (None, None) => {}
    }
    if let Some(r) = &ev.reviewed_by {
        parts.push(if parts.is_empty() {
            format!("Reviewed by {r}")
        } else {
            format!("reviewed by {r}")
        });
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// "4 quote(s) behind this state".
pub(crate) fn sources_sentence(s: &PlaceState) -> String {
    format!("{} quote(s) behind this state", s.sources)
}

/// Who holds a place in a few words: "IS", "contested IS / Iraq", "unknown".
pub(crate) fn short_status(store: &Store, control: Option<Control>) -> String {
    match control {
        Some(Control::Held(a)) => store.actors[a].short.clone(),
        Some(Control::Contested(a, b)) => format!(
            "contested {} / {}",
            store.actors[a].short, store.actors[b].short
        ),
        Some(c @ Control::Lost(..)) => {
            let shorts: Vec<&str> = c
                .lost_by()
                .into_iter()
                .map(|a| store.actors[a].short.as_str())
                .collect();
            format!("lost by {}", shorts.join(" / "))
        }
        None => "unknown".to_owned(),
    }
}

/// What an event is, as a verb: "captured", "reported".
pub(crate) fn event_verb(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Report => "reported",
        EventKind::Entered => "entered",
        EventKind::Declared => "victory declared",
        EventKind::Capture => "captured",
        EventKind::Recapture => "recaptured",
        EventKind::Withdrawal => "withdrawal",
    }
}

/// What an event did, in a few words: "recaptured · IS", or "lost by IS" for a place no
/// longer held by someone (its kind's verb would read as if someone had taken it).
pub(crate) fn event_outcome(store: &Store, e: EventIx) -> String {
    let ev = &store.events[e];
    match ev.to {
        Control::Lost(..) => short_status(store, Some(ev.to)),
        _ => format!(
            "{} · {}",
            event_verb(ev.kind),
            short_status(store, Some(ev.to))
        ),
    }
}

/// An event's day in the feed's short form, "Thu 9 Nov"; a claim known only to the year is
/// "2017, by Fri 3 Nov" (the day is the first article that reports it, not when it happened).
pub(crate) fn event_day(store: &Store, e: EventIx) -> String {
    let ev = &store.events[e];
    if ev.interval.is_vague() {
        return interval_words(&ev.interval);
    }
    DayForm::Weekday.of(ev.date)
}

/// An event in one line: "Sat 11 Nov 2017 · Abu Kamal · recaptured · IS".
pub fn event_line(store: &Store, e: EventIx) -> String {
    let ev = &store.events[e];
    format!(
        "{} · {} · {}",
        long_date(ev.date),
        store.places[ev.place].name,
        event_outcome(store, e)
    )
}

/// What an event claims: "Recaptured: held by Islamic State".
pub(crate) fn event_claim(store: &Store, e: EventIx) -> String {
    let ev = &store.events[e];
    let to = store.describe(Some(ev.to));
    match ev.kind {
        EventKind::Report => format!("Reported {to}"),
        EventKind::Entered => format!("Forces entered: {to}"),
        EventKind::Declared => format!("Victory declared: {to}"),
        EventKind::Capture => format!("Captured: {to}"),
        EventKind::Recapture => format!("Recaptured: {to}"),
        EventKind::Withdrawal => format!("Withdrawal: {to}"),
    }
}

/// "Reversed on Sat 11 Nov 2017: held by Islamic State again": a claim undone by the next.
pub(crate) fn reversal_sentence(store: &Store, next: EventIx) -> String {
    let next = &store.events[next];
    format!(
        "Reversed on {}: {} again",
        long_date(next.date),
        store.describe(Some(next.to))
    )
}

/// "Until Sat 11 Nov 2017, then held by Islamic State": how long a claim lasted.
pub(crate) fn until_sentence(store: &Store, next: EventIx) -> String {
    let next = &store.events[next];
    format!(
        "Until {}, then {}",
        long_date(next.date),
        store.describe(Some(next.to))
    )
}

/// "Reported by 2 articles".
pub(crate) fn reported_by(articles: usize) -> String {
    format!(
        "Reported by {articles} article{}",
        if articles == 1 { "" } else { "s" }
    )
}

/// "3 candidate claims", for `frontline suggest`.
pub fn candidates_summary(n: usize) -> String {
    match n {
        0 => "no candidate claim".to_owned(),
        1 => "1 candidate claim".to_owned(),
        n => format!("{n} candidate claims"),
    }
}

/// One candidate claim of the annotation assistant, on one line with its quote:
/// `2017 (the year only)  Mosul: no longer held by Islamic State (…) (withdrawal, "this year")  “…” [127..168]`.
pub fn candidate_line(store: &Store, c: &crate::assist::Candidate) -> String {
    format!(
        "{}  \u{201c}{}\u{201d} [{}..{}]",
        candidate_claim(store, c),
        c.text,
        c.start,
        c.end
    )
}

/// "What changed from Wed 8 Nov 2017 23:59 to Sun 12 Nov 2017 23:59: 2 places": the heading of
/// a diff, in the app's panel and `frontline diff`.
pub fn diff_heading(from: NaiveDateTime, to: NaiveDateTime, places: usize) -> String {
    format!(
        "What changed from {} {} to {} {}: {}",
        long_date(from.date()),
        time_of_day(from.time()),
        long_date(to.date()),
        time_of_day(to.time()),
        match places {
            0 => "nothing".to_owned(),
            1 => "1 place".to_owned(),
            n => format!("{n} places"),
        }
    )
}

/// "Rummanah: from unknown to Iraqi gov.; changed once": one place's change in a line. A place
/// that came back to where it was says so ("from IS to IS; changed 2 times"). Words, not an
/// arrow: the app's font has no arrow glyph.
pub fn diff_line(store: &Store, change: &crate::diff::PlaceChange) -> String {
    let before = short_status(store, change.before.control);
    let after = short_status(store, change.after.control);
    let hands = change.changes.iter().filter(|&&c| c).count();
    let moves = match hands {
        0 => String::new(),
        1 => "; changed once".to_owned(),
        n => format!("; changed {n} times"),
    };
    format!(
        "{}: from {before} to {after}{moves}",
        store.places[change.place].name
    )
}

/// "  Thu 9 Nov 2017 · captured · Syria (a change)": an event between the two instants.
pub fn diff_event_line(store: &Store, e: EventIx, change: bool) -> String {
    let ev = &store.events[e];
    format!(
        "{} · {}{}",
        long_date(ev.date),
        event_outcome(store, e),
        if change { "" } else { " (confirmed)" }
    )
}

/// "1. Fri 3 Nov 2017 · Abu Kamal": a story's step in the story panel.
pub fn story_step_label(store: &Store, step: &crate::store::stories::Step, index: usize) -> String {
    let mut text = format!("{}. {}", index + 1, long_date(step.at.date()));
    if let Some(p) = step.select {
        text.push_str(" · ");
        text.push_str(&store.places[p].name);
    }
    // A reader choosing a step learns before opening it where its sources disagree.
    let (mut disputed, mut uncertain) = (Vec::new(), Vec::new());
    for (p, place) in store.places.iter().enumerate() {
        let state = store.state_at(p, step.at);
        if state.dispute.is_some() {
            disputed.push(place.name.as_str());
        } else if state.uncertain.is_some() {
            uncertain.push(place.name.as_str());
        }
    }
    if !disputed.is_empty() {
        text.push_str(&format!(" · disputed: {}", disputed.join(", ")));
    }
    if !uncertain.is_empty() {
        text.push_str(&format!(" · uncertain: {}", uncertain.join(", ")));
    }
    text
}

/// "Step 2 of 6 · Thu 9 Nov 2017": over a step's caption.
pub fn story_step_heading(step: &crate::store::stories::Step, index: usize, of: usize) -> String {
    format!("Step {} of {of} · {}", index + 1, long_date(step.at.date()))
}

/// "Islamic State and SDF hidden, inferred states hidden": what the filters leave out of the
/// map (for a story's step, the video export); `None` when nothing is.
pub fn filters_in_effect(store: &Store, filters: &crate::view::filter::Filters) -> Option<String> {
    let names: Vec<&str> = store
        .actors
        .iter()
        .filter(|a| filters.hidden.contains(&a.id))
        .map(|a| a.name.as_str())
        .collect();
    let mut parts = Vec::new();
    if let Some((last, rest)) = names.split_last() {
        let who = match rest {
            [] => (*last).to_owned(),
            _ => format!("{} and {last}", rest.join(", ")),
        };
        parts.push(format!("{who} hidden"));
    }
    if filters.stated_only {
        parts.push("inferred states hidden".to_owned());
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// "12 places: 7 held by Islamic State, 5 unknown or contested. Click to zoom in.": a cluster
/// of map markers on hover.
pub fn cluster_sentence(
    actors: &[crate::store::Actor],
    count: usize,
    holders: &[(Option<usize>, usize)],
) -> String {
    let parts: Vec<String> = holders
        .iter()
        .map(|&(h, n)| match h.and_then(|a| actors.get(a)) {
            Some(a) => format!("{n} held by {}", a.name),
            None => format!("{n} unknown or contested"),
        })
        .collect();
    format!("{count} places: {}. Click to zoom in.", parts.join(", "))
}

#[cfg(test)]
mod tests;
