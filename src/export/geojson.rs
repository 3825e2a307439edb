//! GeoJSON for QGIS and Kepler.gl: one Point feature per place per control period (or per day),
//! with flat properties and full UTC datetimes, so that both load it with no configuration.
//!
//! Properties of every feature:
//! - `place`, `name`, `kind`: the place's id, name and kind (`city`, `border crossing`, ...).
//! - `status`: `held`, `contested` or `unknown`.
//! - `holder`, `holder_name`: the holder's id and name when held, else null.
//! - `contested_by`: when contested, the two actors' ids joined by `"; "`, else null.
//! - `basis`: `stated` or `inferred`, from the event that began the state; null when unknown.
//! - `sources`: the ids of the articles behind the state, in order, joined by `"; "` (a list
//!   rather than a count, so that every feature answers "says who"); null when there are none.
//!   `quotes` is the number of quotes behind it.
//! - `colour`: `#rrggbb`, the holder's colour; for a contested place the mean of the two
//!   actors' colours, for an unknown one grey (`#8c8c8c`), as the map draws it.
//! - `start`, `end`: the interval `[start, end)` as `2017-11-09T00:00:00Z`; `end` is null while
//!   the state lasts. `time` equals `start`, for tools that animate a single instant field.
//!
//! - `interval`: when the claim that began the state names no single day, its date as written
//!   (EDTF: `2017-11`, `../2017-11-03`, `2017-11-08/2017-11-09`); absent otherwise.
//! - `status` is `disputed` when sources disagree at the feature's start, and `versions` then
//!   lists each version with its articles (`held by A since DATE (ARTICLE; ...) | ...`).
//!
//! Places never reported get one `unknown` feature from the start of the data on (`end` null),
//! so that at every instant of the data's span each place has exactly one feature.

use std::io::Write;

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use super::periods::{Period, place_periods};
use super::{ExportError, ExportOptions, Window, basis_word, iso_utc, start_of_day};
use crate::store::{Actor, Control, Store};

/// The grey the map draws unknown places in.
const UNKNOWN_COLOUR: [u8; 3] = [140, 140, 140];

#[derive(Serialize)]
struct Feature<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    geometry: Point,
    properties: Properties<'a>,
}

#[derive(Serialize)]
struct Point {
    #[serde(rename = "type")]
    kind: &'static str,
    /// `[longitude, latitude]`, as GeoJSON orders them.
    coordinates: [f64; 2],
}

#[derive(Serialize)]
struct Properties<'a> {
    place: &'a str,
    name: &'a str,
    kind: &'static str,
    status: &'static str,
    holder: Option<&'a str>,
    holder_name: Option<&'a str>,
    contested_by: Option<String>,
    basis: Option<&'static str>,
    sources: Option<String>,
    quotes: usize,
    colour: String,
    start: String,
    end: Option<String>,
    time: String,
    /// The date, as written (EDTF), of the vague claim that began the state.
    #[serde(skip_serializing_if = "Option::is_none")]
    interval: Option<String>,
    /// A disputed state's versions: `held by ACTOR since DATE (ARTICLE; ...)`, joined by `" | "`.
    #[serde(skip_serializing_if = "Option::is_none")]
    versions: Option<String>,
}

/// Writes the store's control periods (or, with [`ExportOptions::daily`], its daily states)
/// as a GeoJSON FeatureCollection, one feature per line. A window (`from`, `to`) clips the
/// periods to it: a period that runs past the window's end ends there.
pub fn write_geojson(
    store: &Store,
    options: &ExportOptions,
    mut out: impl Write,
) -> Result<(), ExportError> {
    let window = Window::of(options)?;
    let name = if options.daily {
        "frontline_control_daily"
    } else {
        "frontline_control_periods"
    };
    write!(
        out,
        "{{\"type\":\"FeatureCollection\",\"name\":{},\"features\":[",
        serde_json::to_string(name)?
    )?;
    let mut first = true;
    let mut emit = |out: &mut dyn Write, feature: Feature| -> Result<(), ExportError> {
        out.write_all(if first { b"\n" } else { b",\n" })?;
        first = false;
        serde_json::to_writer(&mut *out, &feature)?;
        Ok(())
    };
    if options.daily {
        let (first_day, last_day) = days(store, options)?;
        for place in 0..store.places.len() {
            let periods = place_periods(store, place);
            // Days and periods both go forward: skip the periods that ended before this day's end.
            let mut ix = 0;
            let mut day = first_day;
            while day <= last_day {
                let next = day + Duration::days(1);
                while periods
                    .get(ix)
                    .is_some_and(|p| p.end.is_some_and(|e| e < start_of_day(next)))
                {
                    ix += 1;
                }
                let period = periods
                    .get(ix)
                    .filter(|p| p.covers_just_before(start_of_day(next)));
                let daily = match period {
                    Some(p) => Period {
                        start: start_of_day(day),
                        end: Some(start_of_day(next)),
                        // The events up to the end of the day, not those later in the period.
                        events: p
                            .events
                            .iter()
                            .copied()
                            .filter(|&e| store.events[e].at < start_of_day(next))
                            .collect(),
                        ..p.clone()
                    },
                    None => Period {
                        place,
                        control: None,
                        start: start_of_day(day),
                        end: Some(start_of_day(next)),
                        events: Vec::new(),
                    },
                };
                emit(&mut out, feature(store, &daily))?;
                day = next;
            }
        }
    } else {
        for place in 0..store.places.len() {
            for mut period in place_periods(store, place) {
                if !clip(&mut period, window) {
                    continue;
                }
                emit(&mut out, feature(store, &period))?;
            }
        }
    }
    out.write_all(b"\n]}\n")?;
    out.flush()?;
    Ok(())
}

/// The days a daily export covers: the window's, or else the data's span.
fn days(store: &Store, options: &ExportOptions) -> Result<(NaiveDate, NaiveDate), ExportError> {
    let span = store.span();
    let first = options.from.or(span.map(|s| s.0.date()));
    let last = options.to.or(span.map(|s| s.1.date()));
    match (first, last) {
        (Some(f), Some(l)) if f > l => Err(ExportError::EmptyWindow { from: f, to: l }),
        (Some(f), Some(l)) => Ok((f, l)),
        _ => Err(ExportError::NoDates),
    }
}

/// Clips a period to the window; false when nothing of it is inside. The events stay those
/// behind the state (the one that began it may be before the window).
fn clip(period: &mut Period, window: Window) -> bool {
    if let Some(ws) = window.start {
        if period.end.is_some_and(|e| e <= ws) {
            return false;
        }
        period.start = period.start.max(ws);
    }
    if let Some(we) = window.end {
        if period.start >= we {
            return false;
        }
        period.end = Some(period.end.map_or(we, |e| e.min(we)));
    }
    true
}

fn feature<'a>(store: &'a Store, period: &Period) -> Feature<'a> {
    let place = &store.places[period.place];
    let holder = period
        .control
        .and_then(Control::holder)
        .map(|a| &store.actors[a]);
    let contested_by = match period.control {
        Some(Control::Contested(a, b)) => {
            Some(format!("{}; {}", store.actors[a].id, store.actors[b].id))
        }
        _ => None,
    };
    let mut articles: Vec<&str> = Vec::new();
    let mut quotes = 0;
    for &e in &period.events {
        for q in &store.events[e].quotes {
            quotes += 1;
            let id = store.articles[q.article].id.as_str();
            if !articles.contains(&id) {
                articles.push(id);
            }
        }
    }
    let start = iso_utc(period.start);
    let dispute = store.timeline.dispute_at(period.place, period.start);
    let versions = dispute.map(|d| {
        d.versions
            .iter()
            .map(|v| {
                let ev = &store.events[v.event];
                let arts: Vec<&str> = ev
                    .articles()
                    .into_iter()
                    .map(|a| store.articles[a].id.as_str())
                    .collect();
                format!(
                    "{} since {} ({})",
                    store.describe(v.control),
                    v.since
                        .map_or("unknown".to_owned(), |t| t.date().to_string()),
                    arts.join("; ")
                )
            })
            .collect::<Vec<_>>()
            .join(" | ")
    });
    let interval = period
        .events
        .first()
        .map(|&e| store.events[e].interval)
        .filter(|i| i.is_vague())
        .map(|i| i.edtf());
    Feature {
        kind: "Feature",
        geometry: Point {
            kind: "Point",
            coordinates: [place.lon, place.lat],
        },
        properties: Properties {
            place: &place.id,
            name: &place.name,
            kind: place.kind.label(),
            status: match period.control {
                _ if dispute.is_some() => "disputed",
                Some(Control::Held(_)) => "held",
                Some(Control::Contested(..)) => "contested",
                Some(Control::Lost(..)) => "lost",
                None => "unknown",
            },
            holder: holder.map(|a| a.id.as_str()),
            holder_name: holder.map(|a| a.name.as_str()),
            contested_by,
            basis: period
                .events
                .first()
                .map(|&e| basis_word(store.events[e].basis)),
            sources: (!articles.is_empty()).then(|| articles.join("; ")),
            quotes,
            colour: hex(colour(period.control, &store.actors)),
            time: start.clone(),
            start,
            end: period.end.map(iso_utc),
            interval,
            versions,
        },
    }
}

fn colour(control: Option<Control>, actors: &[Actor]) -> [u8; 3] {
    match control {
        Some(Control::Held(a)) => actors[a].colour,
        Some(Control::Contested(a, b)) => {
            let (x, y) = (actors[a].colour, actors[b].colour);
            std::array::from_fn(|i| ((u16::from(x[i]) + u16::from(y[i])) / 2) as u8)
        }
        Some(Control::Lost(..)) | None => UNKNOWN_COLOUR,
    }
}

fn hex([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_lowercase_hex() {
        assert_eq!(hex([214, 32, 32]), "#d62020");
        assert_eq!(hex(UNKNOWN_COLOUR), "#8c8c8c");
    }

    #[test]
    fn a_contested_place_is_drawn_in_the_mean_of_its_two_colours() {
        let actor = |colour| Actor {
            id: String::new(),
            name: String::new(),
            short: String::new(),
            colour,
            aliases: Vec::new(),
        };
        let actors = [actor([255, 0, 0]), actor([0, 0, 255])];
        assert_eq!(
            colour(Some(Control::Contested(0, 1)), &actors),
            [127, 0, 127]
        );
        assert_eq!(colour(Some(Control::Held(1)), &actors), [0, 0, 255]);
        assert_eq!(colour(None, &actors), UNKNOWN_COLOUR);
    }
}
