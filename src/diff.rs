//! What changed between two instants: the places whose control changed, each with its state
//! before and after and the events in between, for a "what changed" view and for
//! `frontline diff --from D --to D [--json]`.
//!
//! A place is listed when its control (holder, status, contested sides) at the second instant
//! differs from the first, and also when it changed hands in between and came back: a town
//! taken on the 9th and retaken on the 11th is the story of those days, not "no change".

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use crate::store::{Control, EventIx, EventKind, PlaceIx, PlaceState, Store};

/// One place's change between two instants.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceChange {
    pub place: PlaceIx,
    pub before: PlaceState,
    pub after: PlaceState,
    /// The place's events between the two instants, in order (indices into `store.events`):
    /// the changes and the reports that confirmed a state.
    pub events: Vec<EventIx>,
    /// For each of `events`, whether it changed the place's control.
    pub changes: Vec<bool>,
}

/// The places that changed between `from` and `to`, in the order of `store.places`. Events
/// count from just after the earlier instant up to and including the later one (a state holds
/// from its event's instant on, as in [`Store::state_at`]); `before` is the state at `from` and
/// `after` the state at `to` (a `to` before `from` compares backwards in time; the events are
/// listed in chronological order either way).
pub fn diff(store: &Store, from: NaiveDateTime, to: NaiveDateTime) -> Vec<PlaceChange> {
    let (early, late) = if from <= to { (from, to) } else { (to, from) };
    let mut out = Vec::new();
    for place in 0..store.places.len() {
        let before = store.state_at(place, from);
        let after = store.state_at(place, to);
        let all = store.place_events(place);
        let first = all.partition_point(|&e| store.events[e].at <= early);
        let last = all.partition_point(|&e| store.events[e].at <= late);
        let events = all[first..last].to_vec();
        let mut control = store.state_at(place, early).control;
        let changes: Vec<bool> = events
            .iter()
            .map(|&e| {
                let to = Some(store.events[e].to);
                let changed = to != control;
                control = to;
                changed
            })
            .collect();
        if before.control != after.control || changes.contains(&true) {
            out.push(PlaceChange {
                place,
                before,
                after,
                events,
                changes,
            });
        }
    }
    out
}

/// A place's change as `frontline diff --json` prints it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DiffRow<'a> {
    pub place: &'a str,
    pub name: &'a str,
    pub before: ControlRow<'a>,
    pub after: ControlRow<'a>,
    pub events: Vec<DiffEvent<'a>>,
}

/// Who controls a place, as `state --json` spells it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ControlRow<'a> {
    /// "held", "contested" or "unknown".
    pub status: &'static str,
    pub holder: Option<&'a str>,
    pub contested_by: Vec<&'a str>,
}

/// An event between the two instants.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DiffEvent<'a> {
    pub id: &'a str,
    pub date: NaiveDate,
    pub kind: EventKind,
    /// Whether it changed the place's control (a report confirms it).
    pub change: bool,
}

/// The rows of `frontline diff --json`, one per change, in the same order.
pub fn rows<'a>(store: &'a Store, changes: &[PlaceChange]) -> Vec<DiffRow<'a>> {
    changes
        .iter()
        .map(|c| {
            let p = &store.places[c.place];
            DiffRow {
                place: &p.id,
                name: &p.name,
                before: control_row(store, c.before.control),
                after: control_row(store, c.after.control),
                events: c
                    .events
                    .iter()
                    .zip(&c.changes)
                    .map(|(&e, &change)| {
                        let ev = &store.events[e];
                        DiffEvent {
                            id: &ev.id,
                            date: ev.date,
                            kind: ev.kind,
                            change,
                        }
                    })
                    .collect(),
            }
        })
        .collect()
}

fn control_row(store: &Store, control: Option<Control>) -> ControlRow<'_> {
    let id = |a: usize| store.actors.get(a).map_or("?", |x| x.id.as_str());
    match control {
        Some(Control::Held(a)) => ControlRow {
            status: "held",
            holder: Some(id(a)),
            contested_by: Vec::new(),
        },
        Some(Control::Contested(a, b)) => ControlRow {
            status: "contested",
            holder: None,
            contested_by: vec![id(a), id(b)],
        },
        Some(Control::Lost(..)) => ControlRow {
            status: "lost",
            holder: None,
            contested_by: Vec::new(),
        },
        None => ControlRow {
            status: "unknown",
            holder: None,
            contested_by: Vec::new(),
        },
    }
}
