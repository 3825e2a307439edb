//! The time index: for each place, its events in order with the state each one leaves, so that
//! the state of any place at any instant is a binary search, cheap enough for every frame.

use chrono::{NaiveDate, NaiveDateTime};

use super::dates::{end_of_day, start_of_day};
use super::model::*;

/// One event in a place's history, with the state it leaves.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Entry {
    /// The event's day, kept here so that a lookup does not reach into the events.
    day: NaiveDate,
    event: u32,
    control: Control,
    /// When the current state began, and the event that began it: a lookup reads one entry.
    since: NaiveDateTime,
    since_event: u32,
    /// Index (in this place's entries) of the entry that began the current state.
    run_start: u32,
    /// Quotes behind the current state, from `run_start` to this entry.
    sources: u32,
}

/// The state of one place at one instant.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceState {
    pub place: PlaceIx,
    /// None: unknown (nothing reported yet).
    pub control: Option<Control>,
    /// When the current state began (the event that brought it).
    pub since: Option<NaiveDateTime>,
    pub since_event: Option<EventIx>,
    /// The day of the latest report at or before the instant.
    pub last_reported: Option<NaiveDate>,
    pub last_event: Option<EventIx>,
    /// Quotes behind the current state.
    pub sources: usize,
    /// Set while sources disagree about the place: its versions, each with its event.
    pub dispute: Option<Dispute>,
    /// Set inside the window a vague claim says the place changed hands in: the state shown
    /// is the one before, and it may already have changed.
    pub uncertain: Option<Uncertain>,
}

/// A time during which sources disagree about a place (see [`Event::disputes`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Dispute {
    pub from: NaiveDateTime,
    /// When they agree again (None: they still disagree at the end of the data).
    pub to: Option<NaiveDateTime>,
    /// The versions: the one the place's history shows first, then the other.
    pub versions: [Version; 2],
}

impl Dispute {
    /// The dispute an event is a version of, if any.
    pub fn of(store: &crate::store::Store, event: EventIx) -> Option<Dispute> {
        let place = store.events.get(event)?.place;
        store.timeline.windows(place).iter().find_map(|w| match w {
            Window::Disputed(d) if d.versions.iter().any(|v| v.event == event) => Some(*d),
            _ => None,
        })
    }
}

/// One version of a disputed place: the state it says, since when, and the claim saying it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Version {
    pub control: Option<Control>,
    pub since: Option<NaiveDateTime>,
    pub event: EventIx,
}

/// The days a vague claim says a place changed hands in, both included, and that claim.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Uncertain {
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub event: EventIx,
}

/// A dispute or an uncertain window of one place.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Window {
    Disputed(Dispute),
    Uncertain(Uncertain),
}

impl Window {
    fn holds(&self, at: NaiveDateTime) -> bool {
        match self {
            Window::Disputed(d) => d.from <= at && d.to.is_none_or(|t| at < t),
            Window::Uncertain(u) => {
                start_of_day(u.first) <= at && at < start_of_day(u.last + chrono::Days::new(1))
            }
        }
    }
}

impl PlaceState {
    /// Days between the instant and the latest report (0: reported that day).
    pub fn age_days(&self, at: NaiveDateTime) -> Option<i64> {
        self.last_reported.map(|d| (at.date() - d).num_days())
    }
}

/// The time index over all places.
#[derive(Debug, Default, Clone)]
pub struct Timeline {
    /// Every place's entries, one place after the other (`offsets[p]..offsets[p + 1]`).
    entries: Vec<Entry>,
    offsets: Vec<u32>,
    /// The entries' instants as seconds, in the same order: what a lookup searches, compact so
    /// that the state of a thousand places is a thousand searches in cache.
    keys: Vec<u32>,
    /// The second the keys count from (the earliest event's), and the seconds a key counts.
    base: i64,
    unit: i64,
    /// Instants at which some place's state changes, with the event, sorted.
    changes: Vec<(NaiveDateTime, EventIx)>,
    /// Per event: whether it changes its place's state.
    is_change: Vec<bool>,
    span: Option<(NaiveDateTime, NaiveDateTime)>,
    /// Per place, its disputes and uncertain windows (most places have none).
    windows: Vec<Vec<Window>>,
    /// (precise event, vague event that joins it), sorted.
    joined: Vec<(EventIx, EventIx)>,
}

impl Timeline {
    /// Builds the index from validated events, sorted by instant. An event contradicted, set
    /// aside or joined to another ([`Event::left_out`]) is left out of its place's history;
    /// a vague one joined to a precise one adds its quotes to that one's. Disputes and the
    /// windows of vague changes are kept per place.
    pub fn build(places: usize, events: &[Event], articles: &[Article]) -> Timeline {
        let mut per_place: Vec<Vec<Entry>> = vec![Vec::new(); places];
        let mut changes = Vec::new();
        let mut is_change = vec![false; events.len()];
        let mut joined: Vec<(EventIx, EventIx)> = events
            .iter()
            .enumerate()
            .filter_map(|(v, e)| e.joins.map(|p| (p, v)))
            .collect();
        joined.sort_unstable();
        let mut windows: Vec<Vec<Window>> = vec![Vec::new(); places];
        for (ix, ev) in events.iter().enumerate() {
            if ev.left_out() {
                continue;
            }
            if let Some(first) = ev.disputes.filter(|&f| events[f].at == ev.at) {
                // Another state at one instant: a version of its own, out of the history.
                let since = Some(events[first].at);
                windows[ev.place].push(Window::Disputed(Dispute {
                    from: events[first].at,
                    to: None,
                    versions: [
                        Version {
                            control: Some(events[first].to),
                            since,
                            event: first,
                        },
                        Version {
                            control: Some(ev.to),
                            since,
                            event: ix,
                        },
                    ],
                }));
                continue;
            }
            let entries = &mut per_place[ev.place];
            let prev = entries.last().copied();
            let quotes = ev.quotes.len() as u32 + joined_quotes(&joined, ix, events);
            if let Some(first) = ev.disputes {
                // The same change on a later day: disputed from the earlier one to this one.
                let began = entries.iter().rposition(|e| e.event as usize == first);
                let before = began.and_then(|b| b.checked_sub(1)).map(|b| entries[b]);
                windows[ev.place].push(Window::Disputed(Dispute {
                    from: events[first].at,
                    to: Some(ev.at),
                    versions: [
                        Version {
                            control: Some(events[first].to),
                            since: Some(events[first].at),
                            event: first,
                        },
                        Version {
                            control: before.map(|b| b.control),
                            since: before.map(|b| b.since),
                            event: ix,
                        },
                    ],
                }));
                changes.push((ev.at, ix));
                is_change[ix] = true;
            }
            if let Some(p) = prev
                && p.control != ev.to
                && !p.control.implies(ev.to)
                && ev.interval.is_vague()
            {
                let first = ev.interval.first.map_or(p.day, |f| f.max(p.day));
                if let Some(last) = ev.date.pred_opt().filter(|l| *l >= first) {
                    windows[ev.place].push(Window::Uncertain(Uncertain {
                        first,
                        last,
                        event: ix,
                    }));
                }
            }
            let entry = match prev {
                Some(p) if p.control.implies(ev.to) => Entry {
                    day: ev.date,
                    event: ix as u32,
                    control: p.control,
                    since: p.since,
                    since_event: p.since_event,
                    run_start: p.run_start,
                    sources: p.sources + quotes,
                },
                _ => {
                    changes.push((ev.at, ix));
                    is_change[ix] = true;
                    Entry {
                        day: ev.date,
                        event: ix as u32,
                        control: ev.to,
                        since: ev.at,
                        since_event: ix as u32,
                        run_start: entries.len() as u32,
                        sources: quotes,
                    }
                }
            };
            entries.push(entry);
        }
        changes.sort_by_key(|c| c.0);
        let mut offsets = Vec::with_capacity(places + 1);
        offsets.push(0u32);
        let mut entries = Vec::with_capacity(events.len());
        for place in per_place {
            entries.extend(place);
            offsets.push(entries.len() as u32);
        }
        // A version at one instant lasts until the place's next entry.
        for (place, ws) in windows.iter_mut().enumerate() {
            let range = offsets[place] as usize..offsets[place + 1] as usize;
            for w in ws.iter_mut() {
                if let Window::Disputed(d) = w
                    && d.to.is_none()
                {
                    d.to = entries[range.clone()]
                        .iter()
                        .map(|e| events[e.event as usize].at)
                        .find(|t| *t > d.from);
                }
            }
        }
        let base = events.first().map_or(0, |e| seconds(e.at));
        let last = events.last().map_or(0, |e| seconds(e.at));
        // Seconds while the events span less than 136 years (32 bits of them); minutes beyond.
        let unit = if last - base <= u32::MAX as i64 {
            1
        } else {
            60
        };
        let keys = entries
            .iter()
            .map(|e| relative_key(base, unit, events[e.event as usize].at).unwrap_or(0))
            .collect();
        Timeline {
            entries,
            offsets,
            keys,
            base,
            unit,
            changes,
            is_change,
            span: span_of(events, articles),
            windows,
            joined,
        }
    }

    /// A place's entries and their keys.
    fn place(&self, place: PlaceIx) -> (&[Entry], &[u32]) {
        let range = self.offsets[place] as usize..self.offsets[place + 1] as usize;
        (&self.entries[range.clone()], &self.keys[range])
    }

    fn key(&self, at: NaiveDateTime) -> Option<u32> {
        relative_key(self.base, self.unit, at)
    }

    /// The state of a place at an instant: the latest event at or before it.
    pub fn state_at(&self, place: PlaceIx, at: NaiveDateTime) -> PlaceState {
        let (entries, keys) = self.place(place);
        let n = self
            .key(at)
            .map_or(0, |k| keys.partition_point(|&t| t <= k));
        if n == 0 {
            return PlaceState {
                place,
                control: None,
                since: None,
                since_event: None,
                last_reported: None,
                last_event: None,
                sources: 0,
                dispute: self.dispute_at(place, at),
                uncertain: self.uncertain_at(place, at),
            };
        }
        let last = &entries[n - 1];
        PlaceState {
            place,
            control: Some(last.control),
            since: Some(last.since),
            since_event: Some(last.since_event as usize),
            last_reported: Some(last.day),
            last_event: Some(last.event as usize),
            sources: last.sources as usize,
            dispute: self.dispute_at(place, at),
            uncertain: self.uncertain_at(place, at),
        }
    }

    fn windows(&self, place: PlaceIx) -> &[Window] {
        self.windows.get(place).map_or(&[], Vec::as_slice)
    }

    /// A place's disputes and its uncertain windows, in the order they were found.
    pub fn windows_of(
        &self,
        place: PlaceIx,
    ) -> (
        impl Iterator<Item = Dispute> + '_,
        impl Iterator<Item = Uncertain> + '_,
    ) {
        let w = self.windows(place);
        (
            w.iter().filter_map(|w| match w {
                Window::Disputed(d) => Some(*d),
                Window::Uncertain(_) => None,
            }),
            w.iter().filter_map(|w| match w {
                Window::Uncertain(u) => Some(*u),
                Window::Disputed(_) => None,
            }),
        )
    }

    /// The dispute about a place at an instant, if its sources disagree then.
    pub fn dispute_at(&self, place: PlaceIx, at: NaiveDateTime) -> Option<Dispute> {
        self.windows(place).iter().find_map(|w| match w {
            Window::Disputed(d) if w.holds(at) => Some(*d),
            _ => None,
        })
    }

    /// The uncertain window a place is in at an instant, if any.
    pub fn uncertain_at(&self, place: PlaceIx, at: NaiveDateTime) -> Option<Uncertain> {
        self.windows(place).iter().find_map(|w| match w {
            Window::Uncertain(u) if w.holds(at) => Some(*u),
            _ => None,
        })
    }

    /// Every dispute and uncertain window of every place, for `check`'s notes.
    pub fn all_disputes(&self) -> impl Iterator<Item = (PlaceIx, Dispute)> + '_ {
        self.windows.iter().enumerate().flat_map(|(p, ws)| {
            ws.iter().filter_map(move |w| match w {
                Window::Disputed(d) => Some((p, *d)),
                Window::Uncertain(_) => None,
            })
        })
    }

    pub fn all_uncertain(&self) -> impl Iterator<Item = (PlaceIx, Uncertain)> + '_ {
        self.windows.iter().enumerate().flat_map(|(p, ws)| {
            ws.iter().filter_map(move |w| match w {
                Window::Uncertain(u) => Some((p, *u)),
                Window::Disputed(_) => None,
            })
        })
    }

    /// The vague claims that join an event (one more source of its change).
    pub fn joined_to(&self, event: EventIx) -> impl Iterator<Item = EventIx> + '_ {
        let n = self.joined.partition_point(|j| j.0 < event);
        self.joined[n..]
            .iter()
            .take_while(move |j| j.0 == event)
            .map(|j| j.1)
    }

    /// The events behind a place's state at an instant: from the one that began it to the
    /// latest report.
    pub(crate) fn supporting_events(&self, place: PlaceIx, at: NaiveDateTime) -> Vec<EventIx> {
        let (entries, keys) = self.place(place);
        let n = self
            .key(at)
            .map_or(0, |k| keys.partition_point(|&t| t <= k));
        if n == 0 {
            return Vec::new();
        }
        let start = entries[n - 1].run_start as usize;
        entries[start..n]
            .iter()
            .flat_map(|e| std::iter::once(e.event as usize).chain(self.joined_to(e.event as usize)))
            .collect()
    }

    /// A place's events in order (contradictory ones left out).
    pub fn place_events(&self, place: PlaceIx) -> impl DoubleEndedIterator<Item = EventIx> + '_ {
        self.place(place).0.iter().map(|e| e.event as usize)
    }

    /// Whether the event changes its place's state (a report that confirms it does not).
    pub fn is_change(&self, event: EventIx, _events: &[Event]) -> bool {
        self.is_change.get(event).copied().unwrap_or(false)
    }

    /// All changes of control, in order.
    pub fn changes(&self) -> &[(NaiveDateTime, EventIx)] {
        &self.changes
    }

    /// The latest change strictly before `at`.
    pub fn prev_change(&self, at: NaiveDateTime) -> Option<NaiveDateTime> {
        let n = self.changes.partition_point(|c| c.0 < at);
        n.checked_sub(1).map(|i| self.changes[i].0)
    }

    /// The earliest change strictly after `at`.
    pub fn next_change(&self, at: NaiveDateTime) -> Option<NaiveDateTime> {
        let n = self.changes.partition_point(|c| c.0 <= at);
        self.changes.get(n).map(|c| c.0)
    }

    /// The time span the data covers: from the first day reported on (the earliest article,
    /// or event when no article is dated) to the end of the last.
    pub fn span(&self) -> Option<(NaiveDateTime, NaiveDateTime)> {
        self.span
    }
}

/// Quotes of the vague claims that join an event.
fn joined_quotes(joined: &[(EventIx, EventIx)], event: EventIx, events: &[Event]) -> u32 {
    if joined.is_empty() {
        return 0;
    }
    let n = joined.partition_point(|j| j.0 < event);
    joined[n..]
        .iter()
        .take_while(|j| j.0 == event)
        .map(|j| events[j.1].quotes.len() as u32)
        .sum()
}

fn seconds(t: NaiveDateTime) -> i64 {
    t.and_utc().timestamp()
}

/// The key of an instant: `unit`s since `base`, as 32 bits, so that a place's keys take half
/// the cache lines they would as 64; None before `base`.
fn relative_key(base: i64, unit: i64, t: NaiveDateTime) -> Option<u32> {
    let d = seconds(t) - base;
    (d >= 0).then(|| (d / unit).min(u32::MAX as i64) as u32)
}

fn span_of(events: &[Event], articles: &[Article]) -> Option<(NaiveDateTime, NaiveDateTime)> {
    let article_dates = || articles.iter().filter_map(|a| a.date);
    let event_dates = || events.iter().map(|e| e.date);
    let first = article_dates().min().or_else(|| event_dates().min())?;
    let last = article_dates().chain(event_dates()).max()?;
    Some((
        super::dates::start_of_day(first),
        end_of_day(last.max(first)),
    ))
}

/// "held by Islamic State" / "contested between A and B", for messages.
pub(crate) fn describe_control(c: Control, actors: &[Actor]) -> String {
    let name = |a: ActorIx| actors.get(a).map_or("?", |x| x.name.as_str());
    match c {
        Control::Held(a) => format!("held by {}", name(a)),
        Control::Contested(a, b) => format!("contested between {} and {}", name(a), name(b)),
        Control::Lost(a, None) => format!("no longer held by {}", name(a)),
        Control::Lost(a, Some(b)) => format!("no longer held by {} or {}", name(a), name(b)),
    }
}
