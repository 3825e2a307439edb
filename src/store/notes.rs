//! `check`'s notes: what a reader of the data should know that is not a problem. Sources that
//! disagree about a place (a dispute) and a change known only to a window of days.

use super::Store;
use super::dates::long_date;
use super::source::DataSource;
use super::timeline::describe_control;

/// Adds a note for every dispute and uncertain window of the store's timeline, at the claim
/// that makes it.
pub(crate) fn add(store: &mut Store, source: &DataSource) {
    let describe = |c| describe_control(c, &store.actors);
    let mut notes = Vec::new();
    for (place, d) in store.timeline.all_disputes() {
        let [a, b] = d.versions;
        let (ea, eb) = (&store.events[a.event], &store.events[b.event]);
        let until = match d.to {
            Some(t) => format!(" to {}", long_date(t.date())),
            None => String::new(),
        };
        let message = format!(
            "sources disagree about {} from {}{until}: this claim says {} from {}, the claim at {}:{} says {} from {}",
            store.places[place].name,
            long_date(d.from.date()),
            describe(eb.to),
            long_date(eb.date),
            ea.origin.file,
            ea.origin.line,
            describe(ea.to),
            long_date(ea.date),
        );
        notes.push((eb.origin.clone(), message, "the place is shown as disputed while they disagree; to settle it, mark one version rank = \"preferred\" with a rank_reason".to_owned()));
    }
    for (place, u) in store.timeline.all_uncertain() {
        let ev = &store.events[u.event];
        let message = format!(
            "{} changed hands some time from {} to {} ({}), a claim of no single day",
            store.places[place].name,
            long_date(u.first),
            long_date(u.last),
            describe(ev.to)
        );
        notes.push((
            ev.origin.clone(),
            message,
            "shown as uncertain in those days; a source that gives the day would settle it"
                .to_owned(),
        ));
    }
    for (origin, message, hint) in notes {
        store.diagnostics.ensure_source(&origin.file, source);
        let span = (!origin.span.is_empty()).then_some(origin.span.clone());
        store
            .diagnostics
            .note(&origin.file, span, message, Some(hint));
    }
}
