//! Disputes and uncertain windows in words, for the place panel, the feed, the legend and the
//! command line alike: a version's sources and claim ("Wire, Wed 8 Nov" / "captured Wed 8 Nov
//! · Syrian gov."), how a resolved dispute stands ("resolved: …", "set aside: …"), and what
//! an uncertain window means for the state shown.

use super::{DayForm, claim_time, event_verb, short_status, sources_words};
use crate::store::timeline::{Dispute, Uncertain, Version};
use crate::store::{Event, EventIx, PlaceIx, Rank, Store};

/// The legend's entry for a disputed place.
pub const DISPUTED_LEGEND: &str = "Disputed: sources disagree";
/// The legend's entry for a place in an uncertain window.
pub const UNCERTAIN_LEGEND: &str = "Uncertain: changed hands some time in a window";
/// What the reason field of "Mark preferred…" asks for.
pub const PREFER_REASON_HINT: &str =
    "why this version: e.g. three outlets and the army's statement agree";

/// One version of a dispute, in the pieces a column shows: who says it, what it says, each
/// article behind it, and how it stands once the dispute is resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct VersionWords {
    /// "Wire, Wed 8 Nov" or "3 articles of Sun 12 Nov".
    pub sources: String,
    /// "captured Wed 8 Nov · Syrian gov." ("(IS until then)" when the version keeps the
    /// state before for a while).
    pub claim: String,
    /// "Wire, Wed 8 Nov: Alliance says it holds Abu Kamal" per article.
    pub articles: Vec<String>,
    /// "resolved: …" or "set aside: …" once ranked.
    pub standing: Option<String>,
}

/// A version of a dispute in words (see [`VersionWords`]).
pub fn version_words(store: &Store, v: &Version) -> VersionWords {
    let ev = &store.events[v.event];
    let mut claim = format!(
        "{} {} · {}",
        event_verb(ev.kind),
        claim_time(ev),
        short_status(store, Some(ev.to))
    );
    if v.control != Some(ev.to) {
        claim.push_str(&format!(" ({} until then)", short_status(store, v.control)));
    }
    let articles = ev
        .articles()
        .into_iter()
        .map(|a| {
            let a = &store.articles[a];
            let day = a
                .date
                .map_or("undated".to_owned(), |d| DayForm::Weekday.of(d));
            format!("{}, {day}: {}", a.outlet_or_unnamed(), a.title)
        })
        .collect();
    VersionWords {
        sources: sources_words(store, v.event),
        claim,
        articles,
        standing: standing_sentence(ev),
    }
}

/// How a ranked claim stands: "resolved: <reason>" for the preferred version, "set aside:
/// <reason>" for the other; nothing for a claim no one ranked.
pub fn standing_sentence(ev: &Event) -> Option<String> {
    if ev.set_aside || ev.rank == Rank::Deprecated {
        return Some(super::set_aside_sentence(ev));
    }
    (ev.rank == Rank::Preferred).then(|| match &ev.rank_reason {
        Some(r) => format!("resolved: {r}"),
        None => "resolved: preferred over the other version".to_owned(),
    })
}

/// "Abu Kamal disputed from Wed 8 Nov to Thu 9 Nov 2017: Wire, Wed 8 Nov says Syrian gov.;
/// 3 articles of Sun 12 Nov say IS": a dispute in one line, for the feed and "What changed".
pub fn dispute_line(store: &Store, place: PlaceIx, d: &Dispute) -> String {
    let says = |v: &Version| {
        let n = store.events[v.event].articles().len();
        format!(
            "{} {} {}",
            sources_words(store, v.event),
            if n == 1 { "says" } else { "say" },
            short_status(store, v.control)
        )
    };
    format!(
        "{} {}: {}; {}",
        store.places[place].name,
        super::dispute_heading(d),
        says(&d.versions[0]),
        says(&d.versions[1])
    )
}

/// "Changed hands between Sat 11 and Sun 19 Nov, says Gazette, Mon 20 Nov ('earlier this
/// month'): the map shows who held it before, and it may already have changed."
pub fn uncertain_detail(store: &Store, u: &Uncertain) -> String {
    let ev = &store.events[u.event];
    let phrase = ev
        .quotes
        .iter()
        .find_map(|q| q.date_phrase.as_deref())
        .map(|p| format!(" ('{p}')"))
        .unwrap_or_default();
    let mut first = super::uncertain_sentence(u);
    if let Some(c) = first.get_mut(..1) {
        c.make_ascii_uppercase();
    }
    let to = short_status(store, Some(ev.to));
    let stop = if to.ends_with('.') { "" } else { "." };
    format!(
        "{first}, says {}{phrase}: the map shows who held it before ({}), and it may already \
         have changed to {to}{stop}",
        sources_words(store, u.event),
        ev.from
            .map_or("as reported".to_owned(), |f| short_status(store, Some(f))),
    )
}

/// "Abu Kamal: uncertain from Sat 11 to Sun 19 Nov 2017 (changed to Iraqi gov.)": an
/// uncertain window in one line, for the feed.
pub fn uncertain_line(store: &Store, place: PlaceIx, u: &Uncertain) -> String {
    let ev = &store.events[u.event];
    format!(
        "{}: {} (to {})",
        store.places[place].name,
        super::uncertain_sentence(u),
        short_status(store, Some(ev.to))
    )
}

/// A place's claims in order: its history, and the claims the history leaves out but a
/// reader should see (versions set aside, the other version at one instant, vague claims that
/// corroborate another; contradictions are errors, and stay out).
pub fn place_claims(store: &Store, place: PlaceIx) -> Vec<EventIx> {
    let mut events = store.place_events(place);
    let extra: Vec<EventIx> = store
        .events
        .iter()
        .enumerate()
        .filter(|(e, ev)| {
            ev.place == place
                && ev.contradicts.is_none()
                && (ev.left_out() || ev.disputes.is_some())
                && !events.contains(e)
        })
        .map(|(e, _)| e)
        .collect();
    if extra.is_empty() {
        return events;
    }
    events.extend(extra);
    events.sort_by_key(|&e| (store.events[e].at, e));
    events
}

/// The disputes of a place, in time order.
pub fn place_disputes(store: &Store, place: PlaceIx) -> Vec<Dispute> {
    let mut out: Vec<Dispute> = store.timeline.windows_of(place).0.collect();
    out.sort_by_key(|d| d.from);
    out
}

/// A place's uncertain windows, in time order.
pub fn place_uncertain(store: &Store, place: PlaceIx) -> Vec<Uncertain> {
    let mut out: Vec<Uncertain> = store.timeline.windows_of(place).1.collect();
    out.sort_by_key(|u| u.first);
    out
}

/// What the feed adds to an event's line: "disputed" for a version of a dispute, "set aside"
/// for a version a resolution set aside, "uncertain window" for a change known only to some
/// days that matches no other claim.
pub fn event_window_tag(store: &Store, e: EventIx) -> Option<&'static str> {
    let ev = &store.events[e];
    if ev.set_aside {
        return Some("set aside");
    }
    let (mut disputes, mut windows) = store.timeline.windows_of(ev.place);
    if disputes.any(|d| d.versions.iter().any(|v| v.event == e)) {
        return Some("disputed");
    }
    windows.any(|u| u.event == e).then_some("uncertain window")
}

/// The disputes and uncertain windows that overlap `from..to`, each as its place and a line
/// ([`dispute_line`], [`uncertain_line`]), in order of place.
pub fn windows_between(
    store: &Store,
    from: chrono::NaiveDateTime,
    to: chrono::NaiveDateTime,
) -> Vec<(PlaceIx, String)> {
    let mut out = Vec::new();
    for (p, d) in store.timeline.all_disputes() {
        if d.from < to && d.to.is_none_or(|t| t > from) {
            out.push((p, dispute_line(store, p, &d)));
        }
    }
    for (p, u) in store.timeline.all_uncertain() {
        let start = u.first.and_time(chrono::NaiveTime::MIN);
        let end = (u.last + chrono::Days::new(1)).and_time(chrono::NaiveTime::MIN);
        if start < to && end > from {
            out.push((p, uncertain_line(store, p, &u)));
        }
    }
    out.sort_by_key(|&(p, _)| p);
    out
}
