//! The checks across all events, in time order, and how claims of one place relate:
//!
//! - a **vague claim joins a precise one** whose day its interval holds, when both say the
//!   same change (same place, a state the precise one implies, a `from` that agrees): it is one
//!   more source of that change ([`Event::joins`]), never a change of its own;
//! - a **dispute**: the same change on different days, or different states at one instant,
//!   from different articles ([`Event::disputes`]). A rank settles it: the preferred version
//!   stands and the other is set aside ([`Event::set_aside`]);
//! - a **contradiction**: different states at one instant within one article stays an error
//!   ([`Event::contradicts`]);
//! - a `from` that disagrees with the state before, and is no dispute, is a warning.
//!
//! Joins are decided before the walk in time, from the claims' intervals alone, so that the
//! order of files and events does not change them.

use super::super::diagnostics::Diagnostics;
use super::super::model::*;
use super::super::source::DataSource;
use super::super::timeline::describe_control;

/// Per place, while walking the events in time: the latest event kept in its history, the
/// state in force (a claim that says less than it does not replace it), the event that began
/// that state and the state before it.
#[derive(Clone, Copy)]
struct Current {
    last: EventIx,
    state: Control,
    began: EventIx,
    before: Option<Control>,
}

/// Runs the checks and relations above over `events`, sorted by instant. The event files'
/// texts may have been let go by now: a file with a problem is read back from `source`.
pub(crate) fn check_in_time(
    events: &mut [Event],
    actors: &[Actor],
    d: &mut Diagnostics,
    source: &DataSource,
) {
    join_vague_claims(events);
    let mut current: Vec<Option<Current>> = Vec::new();
    for ix in 0..events.len() {
        if events[ix].joins.is_some() {
            continue;
        }
        let place = events[ix].place;
        if current.len() <= place {
            current.resize(place + 1, None);
        }
        let Some(cur) = current[place] else {
            current[place] = Some(Current {
                last: ix,
                state: events[ix].to,
                began: ix,
                before: None,
            });
            continue;
        };
        let (ev, prev) = (&events[ix], &events[cur.last]);
        let agree = cur.state.implies(ev.to) || ev.to.implies(cur.state);
        if prev.at == ev.at && !agree {
            if shares_article(prev, ev) {
                let span = line_span(d, &ev.origin, source);
                d.error(
                    &ev.origin.file,
                    span,
                    format!(
                        "contradictory events for one place at one instant: this one leaves it {} but the event at {}:{} leaves it {}",
                        describe_control(ev.to, actors),
                        prev.origin.file,
                        prev.origin.line,
                        describe_control(prev.to, actors)
                    ),
                    Some("if the articles disagree, give each claim its own date (or time); if one is wrong, correct or remove it".into()),
                );
                events[ix].contradicts = Some(cur.last);
                continue;
            }
            let p = cur.last;
            match ev.rank.cmp(&prev.rank) {
                std::cmp::Ordering::Greater => {
                    events[p].set_aside = true;
                    let began = if cur.began == p { ix } else { cur.began };
                    current[place] = Some(Current {
                        last: ix,
                        state: events[ix].to,
                        began,
                        before: cur.before,
                    });
                }
                std::cmp::Ordering::Less => events[ix].set_aside = true,
                std::cmp::Ordering::Equal => events[ix].disputes = Some(p),
            }
            continue;
        }
        // The same change at the same instant is one more report of it, not a disagreement.
        let same_change_same_instant =
            events[cur.began].at == ev.at && cur.state.implies(ev.to) && cur.began != ix;
        if let Some(from) = ev.from
            && cur.state != from
            && !cur.state.implies(from)
            && !same_change_same_instant
        {
            let began = &events[cur.began];
            let same_change_earlier = cur.state.implies(ev.to)
                && cur.began != ix
                && cur.before.is_some_and(|b| b == from || b.implies(from))
                && !shares_article(began, ev);
            if same_change_earlier {
                match ev.rank.cmp(&began.rank) {
                    std::cmp::Ordering::Greater => {
                        // The later day is preferred: the earlier claim is set aside, and the
                        // change is this one's.
                        events[cur.began].set_aside = true;
                        current[place] = Some(Current {
                            last: ix,
                            state: events[ix].to,
                            began: ix,
                            before: cur.before,
                        });
                        continue;
                    }
                    std::cmp::Ordering::Less => {
                        events[ix].set_aside = true;
                        continue;
                    }
                    std::cmp::Ordering::Equal => events[ix].disputes = Some(cur.began),
                }
            } else {
                let span = line_span(d, &ev.origin, source);
                d.warning(
                    &ev.origin.file,
                    span,
                    format!(
                        "`from` says the place was {} before, but the previous event ({}:{}) leaves it {}",
                        describe_control(from, actors),
                        prev.origin.file,
                        prev.origin.line,
                        describe_control(prev.to, actors)
                    ),
                    Some("check both events' dates and actors".into()),
                );
            }
        }
        let to = events[ix].to;
        current[place] = Some(if cur.state.implies(to) {
            Current { last: ix, ..cur }
        } else {
            Current {
                last: ix,
                state: to,
                began: ix,
                before: Some(cur.state),
            }
        });
    }
}

/// Marks every vague claim that corroborates a precise one ([`Event::joins`]): the earliest
/// precise claim of its place on a day its interval holds, not after it, whose state implies
/// the vague one's and whose `from` agrees with it. A report joins any claim; a change joins a
/// change. A full date known to the week or month (ACLED's time_precision 2 and 3) joins only
/// when no other claim in between says otherwise.
pub(crate) fn join_vague_claims(events: &mut [Event]) {
    let places = events.iter().map(|e| e.place + 1).max().unwrap_or(0);
    let mut by_place: Vec<Vec<EventIx>> = vec![Vec::new(); places];
    let mut vague = Vec::new();
    for (ix, e) in events.iter().enumerate() {
        by_place[e.place].push(ix);
        if e.interval.first != Some(e.interval.last) {
            vague.push(ix);
        }
    }
    for v in vague {
        let ve = &events[v];
        let list = &by_place[ve.place];
        let target = list
            .iter()
            .enumerate()
            .filter(|&(_, &p)| {
                let pe = &events[p];
                p != v
                    && pe.interval.first == Some(pe.interval.last)
                    && pe.at <= ve.at
                    && ve.interval.holds(pe.date)
                    && pe.to.implies(ve.to)
                    && (ve.kind == EventKind::Report || pe.kind != EventKind::Report)
                    && match (ve.from, pe.from) {
                        (Some(a), Some(b)) => a == b || a.implies(b) || b.implies(a),
                        _ => true,
                    }
            })
            // A claim with its own day, known to the week or month, after a reversal is a
            // change of its own, not the first one again: nothing in between may say otherwise.
            // (A claim of no day corroborates the change its days hold, as its sources say.)
            .filter(|&(i, &p)| {
                let pe = &events[p];
                if ve.interval.day.is_none() {
                    return true;
                }
                list[i + 1..]
                    .iter()
                    .map(|&e| &events[e])
                    .take_while(|e| e.at < ve.at)
                    .all(|e| pe.to.implies(e.to) || e.to.implies(pe.to))
            })
            .map(|(_, &p)| p)
            .min_by_key(|&p| (events[p].at, events[p].id.clone()));
        events[v].joins = target;
    }
}

fn shares_article(a: &Event, b: &Event) -> bool {
    a.quotes
        .iter()
        .any(|q| b.quotes.iter().any(|r| r.article == q.article))
}

/// The bytes of the line an origin begins on, its file's text read back if it was let go.
fn line_span(
    d: &mut Diagnostics,
    origin: &Origin,
    source: &DataSource,
) -> Option<std::ops::Range<usize>> {
    d.ensure_source(&origin.file, source);
    let text = d.sources.get(&*origin.file)?;
    let start: usize = text
        .split_inclusive('\n')
        .take(origin.line.saturating_sub(1))
        .map(str::len)
        .sum();
    let len = text[start..].find('\n').unwrap_or(text.len() - start);
    Some(start..start + len)
}
