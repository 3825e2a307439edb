//! GeoJSON of the areas of control and front lines (see [`crate::view::areas`]) at one instant or
//! at the end of every day, for QGIS: one MultiPolygon feature per look (held by one actor,
//! contested by two, lost; faded or not) and day, and one LineString feature per front line
//! and day.
//!
//! Properties of an area: `kind` (`area`), `status` (`held`, `contested`, `lost`), `holder`
//! and `holder_name` (when held), `contested_by` (two actor ids joined by `"; "`), `lost_by`,
//! `stale` (the states are carried forward longer than the stale limit), `faded` (stale or
//! lost: drawn faint, no front line), `places` (the ids of the places it is made from, joined
//! by `"; "`), `quotes` (how many quotes are behind their states), `colour`, `date`
//! (`2017-11-11`, the day whose end it shows: GDAL types it as a Date, which QGIS's Temporal
//! Controller takes) and `inferred` (always true: the areas are inferred from the places,
//! not surveyed). A front line has `kind` (`front`), `holder_a`, `holder_a_name`, `holder_b`,
//! `holder_b_name` (a contested side's two actors joined by `"; "` and " and "), `places`
//! (the places whose cells it runs between), `date` and `inferred`.

use std::io::Write;

use chrono::{NaiveDate, NaiveDateTime};
use geo::{Coord, MultiPolygon};
use serde::Serialize;
use serde_json::{Value, json};

use super::ExportError;
use crate::store::{Actor, ActorIx, PlaceIx, PlaceState, Store};
use crate::view::areas::{AreaSettings, AreaStatus, Areas, Cells};

/// Which instants to export.
#[derive(Debug, Clone, PartialEq)]
pub enum AreaInstants {
    /// One instant (its `date` is its day).
    At(NaiveDateTime),
    /// The end of every day from the first to the last, included.
    Daily(NaiveDate, NaiveDate),
}

#[derive(Serialize)]
struct Feature {
    #[serde(rename = "type")]
    kind: &'static str,
    geometry: Value,
    properties: Value,
}

/// Writes the areas and front lines as a GeoJSON FeatureCollection, one feature per line.
pub fn write_areas(
    store: &Store,
    instants: &AreaInstants,
    settings: &AreaSettings,
    mut out: impl Write,
) -> Result<(), ExportError> {
    let cells = Cells::of(&store.places, settings);
    let instants: Vec<NaiveDateTime> = match *instants {
        AreaInstants::At(t) => vec![t],
        AreaInstants::Daily(from, to) => {
            if from > to {
                return Err(ExportError::EmptyWindow { from, to });
            }
            from.iter_days()
                .take_while(|d| *d <= to)
                .map(crate::store::dates::end_of_day)
                .collect()
        }
    };
    writeln!(
        out,
        "{{\"type\":\"FeatureCollection\",\"name\":\"frontline_areas\",\"features\":["
    )?;
    let mut first = true;
    for at in instants {
        let states = store.states_at(at);
        let areas = Areas::at(&cells, &states, at, settings, |_| true);
        for feature in features(store, &cells, &areas, &states, at.date()) {
            if !first {
                writeln!(out, ",")?;
            }
            first = false;
            serde_json::to_writer(&mut out, &feature)?;
        }
    }
    writeln!(out, "\n]}}")?;
    Ok(())
}

fn features(
    store: &Store,
    cells: &Cells,
    areas: &Areas,
    states: &[PlaceState],
    date: NaiveDate,
) -> Vec<Feature> {
    let actor = |a: ActorIx| store.actors.get(a);
    let id = |a: ActorIx| actor(a).map(|x| x.id.clone());
    let name = |a: ActorIx| actor(a).map(|x| x.name.clone());
    let places = |ps: &[PlaceIx]| {
        ps.iter()
            .filter_map(|&p| store.places.get(p).map(|x| x.id.as_str()))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let date = date.format("%Y-%m-%d").to_string();
    let mut out = Vec::new();
    for key in areas.keys() {
        let (shape, ps) = areas.merged(cells, key);
        if shape.0.is_empty() {
            continue;
        }
        let quotes: usize = ps
            .iter()
            .filter_map(|&p| states.get(p))
            .map(|s| s.sources)
            .sum();
        let (status, holder, contested_by, lost_by) = match key.status {
            AreaStatus::Held(a) => ("held", Some(a), None, None),
            AreaStatus::Contested(a, b) => ("contested", None, Some(pair(id(a), id(b))), None),
            AreaStatus::Lost(a, b) => ("lost", None, None, Some(pair(id(a), b.and_then(id)))),
        };
        let stale = key.faded && !matches!(key.status, AreaStatus::Lost(..));
        out.push(Feature {
            kind: "Feature",
            geometry: multi_polygon(&shape),
            properties: json!({
                "kind": "area",
                "status": status,
                "holder": holder.and_then(id),
                "holder_name": holder.and_then(name),
                "contested_by": contested_by,
                "lost_by": lost_by,
                "stale": stale,
                "faded": key.faded,
                "places": places(&ps),
                "quotes": quotes,
                "colour": colour(&store.actors, key.status),
                "date": date,
                "inferred": true,
            }),
        });
    }
    for front in &areas.fronts {
        let side = |s: AreaStatus| -> (String, String) {
            let hs = s.holders();
            let ids: Vec<String> = hs.iter().filter_map(|&a| id(a)).collect();
            let names: Vec<String> = hs.iter().filter_map(|&a| name(a)).collect();
            (ids.join("; "), names.join(" and "))
        };
        let ((a, a_name), (b, b_name)) = (side(front.sides[0]), side(front.sides[1]));
        for line in &front.lines {
            out.push(Feature {
                kind: "Feature",
                geometry: json!({"type": "LineString", "coordinates": coords(&line.points)}),
                properties: json!({
                    "kind": "front",
                    "holder_a": a,
                    "holder_a_name": a_name,
                    "holder_b": b,
                    "holder_b_name": b_name,
                    "places": places(&line.places),
                    "date": date,
                    "inferred": true,
                }),
            });
        }
    }
    out
}

fn pair(a: Option<String>, b: Option<String>) -> String {
    [a, b].into_iter().flatten().collect::<Vec<_>>().join("; ")
}

fn coords(line: &[Coord<f64>]) -> Vec<[f64; 2]> {
    line.iter().map(|c| [c.x, c.y]).collect()
}

fn multi_polygon(shape: &MultiPolygon<f64>) -> Value {
    let polygons: Vec<Vec<Vec<[f64; 2]>>> = shape
        .iter()
        .map(|p| {
            std::iter::once(p.exterior())
                .chain(p.interiors())
                .map(|ring| coords(&ring.0))
                .collect()
        })
        .collect();
    json!({"type": "MultiPolygon", "coordinates": polygons})
}

/// `#rrggbb`: the holder's colour; a contested area the mean of both; a lost one grey.
fn colour(actors: &[Actor], status: AreaStatus) -> String {
    let of = |a: ActorIx| actors.get(a).map_or([140, 140, 140], |x| x.colour);
    let [r, g, b] = match status {
        AreaStatus::Held(a) => of(a),
        AreaStatus::Contested(a, b) => {
            let (x, y) = (of(a), of(b));
            [0, 1, 2].map(|i| ((u16::from(x[i]) + u16::from(y[i])) / 2) as u8)
        }
        AreaStatus::Lost(..) => [140, 140, 140],
    };
    format!("#{r:02x}{g:02x}{b:02x}")
}
