//! Who holds each place, through time: every place gets a history of claims at distinct
//! instants, each consistent with the one before (a report confirms the state, a capture
//! changes it, forces entering make it contested).

use super::SynthError;
use super::geography::{SynthPlace, actor_weights};
use super::rng::Rng;
use crate::store::{EventKind, PlaceKind};

/// Who holds a place: indices into [`super::vocabulary::ACTORS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ctrl {
    Held(usize),
    Contested(usize, usize),
}

/// A claim of control, and the articles that report it.
pub(super) struct SynthEvent {
    pub place: usize,
    /// Day index from the start, and hour when the place has several events a day.
    pub day: u64,
    pub hour: Option<u32>,
    /// As in the data format: capture, recapture, entered, declared, withdrawal, report.
    pub kind: EventKind,
    pub from: Option<Ctrl>,
    pub to: Ctrl,
    pub inferred: bool,
    pub sources: Vec<Source>,
}

/// One article's report of a claim.
pub(super) struct Source {
    pub article: usize,
    /// The quote as it stands in the article.
    pub quote: String,
    /// The words of the quote that date the claim, when the resolver agrees with them.
    pub date_phrase: Option<String>,
    /// The text just before the quote, when the quote occurs more than once in its article.
    pub prefix: Option<String>,
}

/// `count` events over `days` days, shared out among the places (cities get more than
/// villages), in order of time.
pub(super) fn events(
    rng: &mut Rng,
    places: &[SynthPlace],
    count: usize,
    days: u64,
) -> Result<Vec<SynthEvent>, SynthError> {
    let counts = events_per_place(rng, places, count, days)?;
    let mut events: Vec<SynthEvent> = Vec::with_capacity(count);
    for (i, p) in places.iter().enumerate() {
        events.extend(history(rng, i, p, counts[i], days));
    }
    events.sort_by_key(|e| (e.day, e.hour, e.place));
    Ok(events)
}

/// How many events each place gets: cities more than villages, at most one an hour.
fn events_per_place(
    rng: &mut Rng,
    places: &[SynthPlace],
    count: usize,
    days: u64,
) -> Result<Vec<usize>, SynthError> {
    let weights: Vec<f64> = places
        .iter()
        .map(|p| match p.kind {
            PlaceKind::City => 4.0,
            PlaceKind::Town => 2.0,
            PlaceKind::BorderCrossing => 1.5,
            PlaceKind::Village => 1.0,
        })
        .collect();
    let mut counts = vec![0usize; places.len()];
    let cap = (days * 24) as usize;
    let total: f64 = weights.iter().sum();
    let mut cumulative = Vec::with_capacity(weights.len());
    let mut acc = 0.0;
    for w in &weights {
        acc += w / total;
        cumulative.push(acc);
    }
    let mut assigned = 0;
    let mut guard = 0usize;
    while assigned < count {
        let x = rng.unit();
        let p = cumulative
            .partition_point(|c| *c <= x)
            .min(places.len() - 1);
        if counts[p] < cap {
            counts[p] += 1;
            assigned += 1;
        }
        guard += 1;
        if guard > count * 20 + 1000 {
            return Err(SynthError::TooManyEvents {
                places: places.len(),
                per_place: cap,
            });
        }
    }
    Ok(counts)
}

/// An actor other than those in `not`, drawn with `weights`.
fn other_actor(rng: &mut Rng, weights: &[f64], not: &[usize]) -> usize {
    let w: Vec<f64> = weights
        .iter()
        .enumerate()
        .map(|(i, w)| if not.contains(&i) { 0.0 } else { *w })
        .collect();
    rng.weighted(&w)
}

/// A place's history: `count` events at distinct instants, each consistent with the last.
fn history(
    rng: &mut Rng,
    place: usize,
    p: &SynthPlace,
    count: usize,
    days: u64,
) -> Vec<SynthEvent> {
    if count == 0 {
        return Vec::new();
    }
    let hourly = count as u64 > days;
    let slots = if hourly { days * 24 } else { days };
    let times = rng.distinct_sorted(count, slots as usize);
    let weights = actor_weights(p);
    let mut out = Vec::with_capacity(count);
    let mut current: Option<Ctrl> = None;
    let mut previous_holder: Option<usize> = None;
    for t in times {
        let (day, hour) = if hourly {
            (t as u64 / 24, Some((t % 24) as u32))
        } else {
            (t as u64, None)
        };
        let (kind, from, to) = match current {
            None => {
                let a = rng.weighted(&weights);
                let kind = if rng.chance(0.5) {
                    EventKind::Report
                } else {
                    EventKind::Capture
                };
                (kind, None, Ctrl::Held(a))
            }
            Some(c) if rng.chance(0.45) => (EventKind::Report, None, c),
            Some(Ctrl::Held(a)) => {
                let b = other_actor(rng, &weights, &[a]);
                let roll = rng.unit();
                if roll < 0.3 {
                    (
                        EventKind::Entered,
                        Some(Ctrl::Held(a)),
                        Ctrl::Contested(a, b),
                    )
                } else if roll < 0.9 {
                    let kind = if previous_holder == Some(b) {
                        EventKind::Recapture
                    } else {
                        EventKind::Capture
                    };
                    (kind, Some(Ctrl::Held(a)), Ctrl::Held(b))
                } else {
                    (EventKind::Withdrawal, Some(Ctrl::Held(a)), Ctrl::Held(b))
                }
            }
            Some(Ctrl::Contested(a, b)) => {
                // `a` held it before forces entered: it holds on and declares victory, or
                // `b` takes it.
                let w = if rng.chance(0.5) { a } else { b };
                let kind = if w == a || rng.chance(0.2) {
                    EventKind::Declared
                } else if Some(w) == previous_holder {
                    EventKind::Recapture
                } else {
                    EventKind::Capture
                };
                (kind, Some(Ctrl::Contested(a, b)), Ctrl::Held(w))
            }
        };
        if let (Some(Ctrl::Held(a)), Ctrl::Held(b)) = (current, to)
            && a != b
        {
            previous_holder = Some(a);
        }
        current = Some(to);
        out.push(SynthEvent {
            place,
            day,
            hour,
            kind,
            from,
            to,
            inferred: rng.chance(0.04),
            sources: Vec::new(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::geography::places;

    #[test]
    fn every_history_follows_on_from_its_last_state() {
        let mut rng = Rng::new(4);
        let places = places(&mut rng, 20);
        let events = events(&mut rng, &places, 2000, 60).unwrap();
        assert_eq!(events.len(), 2000);
        for place in 0..places.len() {
            let mine: Vec<&SynthEvent> = events.iter().filter(|e| e.place == place).collect();
            assert!(
                mine.windows(2)
                    .all(|w| (w[0].day, w[0].hour) < (w[1].day, w[1].hour)),
                "distinct instants, in order"
            );
            for w in mine.windows(2) {
                match w[1].kind {
                    EventKind::Report => assert_eq!(w[1].to, w[0].to),
                    _ => assert_eq!(w[1].from, Some(w[0].to)),
                }
            }
        }
    }

    #[test]
    fn more_events_than_hours_is_an_error() {
        let mut rng = Rng::new(4);
        let places = places(&mut rng, 1);
        let too_many = 60 * 24 + 1;
        assert!(matches!(
            events(&mut rng, &places, too_many, 60),
            Err(SynthError::TooManyEvents {
                places: 1,
                per_place: 1440
            })
        ));
    }
}
