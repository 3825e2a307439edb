//! Each place's history as the exporters need it: control periods (a state and the half-open
//! interval `[start, end)` it lasts) and, for each event, the state it found. Built from the
//! store's timeline, so that an export says what the map shows.

use chrono::NaiveDateTime;

use crate::store::{Control, EventIx, PlaceIx, Store};

/// One state of one place over `[start, end)`.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Period {
    pub place: PlaceIx,
    /// None: unknown (nothing reported yet).
    pub control: Option<Control>,
    pub start: NaiveDateTime,
    /// Exclusive; None while the state lasts (no later change in the data).
    pub end: Option<NaiveDateTime>,
    /// The events behind the state, in order: the one that began it, then the reports that
    /// confirmed it. Empty for an unknown period.
    pub events: Vec<EventIx>,
}

impl Period {
    /// Whether the period holds the instant just before `t` (the state "at the end of" the
    /// time before `t`).
    pub(crate) fn covers_just_before(&self, t: NaiveDateTime) -> bool {
        self.start < t && self.end.is_none_or(|e| e >= t)
    }
}

/// A place's periods in order, contiguous. A place is unknown from the start of the data's span
/// until its first event (a place never reported is unknown over the whole span, and after it);
/// a place whose first event is before the span starts has no unknown period. Without a span
/// (no dated article or event at all) a place has no periods.
pub(super) fn place_periods(store: &Store, place: PlaceIx) -> Vec<Period> {
    let mut periods: Vec<Period> = Vec::new();
    let events = store.place_events(place);
    let first_at = events.first().map(|&e| store.events[e].at);
    if let Some((span_start, _)) = store.span()
        && first_at.is_none_or(|t| t > span_start)
    {
        periods.push(Period {
            place,
            control: None,
            start: span_start,
            end: first_at,
            events: Vec::new(),
        });
    }
    for e in events {
        let ev = &store.events[e];
        match periods.last_mut() {
            Some(p) if p.control == Some(ev.to) => p.events.push(e),
            _ => {
                if let Some(p) = periods.last_mut() {
                    p.end = Some(ev.at);
                }
                periods.push(Period {
                    place,
                    control: Some(ev.to),
                    start: ev.at,
                    end: None,
                    events: vec![e],
                });
            }
        }
    }
    periods
}

/// For every event of the store, the state its place was in just before it: `None` for an
/// event the timeline leaves out (a contradiction the loader reported), `Some(None)` when the
/// place was unknown until then.
pub(super) fn states_before(store: &Store) -> Vec<Option<Option<Control>>> {
    let mut before = vec![None; store.events.len()];
    for place in 0..store.places.len() {
        let mut state = None;
        for e in store.place_events(place) {
            before[e] = Some(state);
            state = Some(store.events[e].to);
        }
    }
    before
}
