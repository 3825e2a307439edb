use chrono::NaiveDate;
use geo::{
    Area as _, BooleanOps, Contains, Intersects, LineString, MultiPolygon, Point, Polygon,
    Validation,
};
use proptest::prelude::*;

use super::land::Land;
use super::*;
use crate::store::{Control, Place, PlaceKind, PlaceState};

fn place(i: usize, lon: f64, lat: f64, kind: PlaceKind) -> Place {
    Place {
        id: format!("p{i}"),
        name: format!("Place {i}"),
        kind,
        country: "SY".into(),
        lat,
        lon,
        aliases: Vec::new(),
        source: String::new(),
        note: None,
    }
}

fn noon(day: u32) -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(2017, 11, day)
        .unwrap()
        .and_hms_opt(12, 0, 0)
        .unwrap()
}

/// A state reported on `day` of November 2017.
fn state(p: usize, control: Option<Control>, day: u32) -> PlaceState {
    PlaceState {
        place: p,
        control,
        since: control.map(|_| noon(day)),
        since_event: None,
        last_reported: control.map(|_| noon(day).date()),
        last_event: None,
        sources: usize::from(control.is_some()),
        dispute: None,
        uncertain: None,
    }
}

fn areas_of(places: &[Place], controls: &[Option<Control>], land: Option<&Land>) -> (Cells, Areas) {
    let settings = AreaSettings::default();
    let cells = Cells::with_land(places, &settings, land);
    let states: Vec<PlaceState> = controls
        .iter()
        .enumerate()
        .map(|(p, &c)| state(p, c, 10))
        .collect();
    let areas = Areas::at(&cells, &states, noon(11), &settings, |_| true);
    (cells, areas)
}

/// Two towns 10 km apart on the 35th parallel (0.11 degrees of longitude).
fn two_towns() -> Vec<Place> {
    vec![
        place(0, 40.0, 35.0, PlaceKind::Town),
        place(1, 40.11, 35.0, PlaceKind::Town),
    ]
}

#[test]
fn one_holder_gives_one_area_and_no_front() {
    let (cells, areas) = areas_of(&two_towns(), &[Some(Control::Held(0)); 2], None);
    assert_eq!(areas.areas.len(), 1, "the two cells touch: one area");
    assert_eq!(areas.areas[0].places, vec![0, 1]);
    assert!(areas.fronts.is_empty());
    assert_eq!(cells.site_at(40.0, 35.0), cells.place_site[0]);
    assert_eq!(cells.site_at(40.11, 35.01), cells.place_site[1]);
    assert_eq!(cells.site_at(41.0, 35.0), None, "beyond both reaches");
    let (merged, places) = areas.merged(&cells, areas.areas[0].key);
    assert_eq!(merged.0.len(), 1, "merged into one polygon");
    assert!(merged.is_valid(), "{:?}", merged.validation_errors());
    assert_eq!(places, vec![0, 1]);
}

#[test]
fn two_holders_meet_at_a_front_line_between_them() {
    let (_, areas) = areas_of(
        &two_towns(),
        &[Some(Control::Held(0)), Some(Control::Held(1))],
        None,
    );
    assert_eq!(areas.areas.len(), 2);
    assert_eq!(areas.fronts.len(), 1);
    let front = &areas.fronts[0];
    assert_eq!(front.sides, [AreaStatus::Held(0), AreaStatus::Held(1)]);
    assert_eq!(front.lines.len(), 1);
    assert_eq!(front.lines[0].places, vec![0, 1]);
    // Half-way between the two towns, running north-south.
    for c in &front.lines[0].points {
        assert!((c.x - 40.055).abs() < 1e-6, "{c:?}");
    }
    let ys: Vec<f64> = front.lines[0].points.iter().map(|c| c.y).collect();
    assert!(ys.iter().cloned().fold(f64::MIN, f64::max) > 35.05);
    assert!(ys.iter().cloned().fold(f64::MAX, f64::min) < 34.95);
}

#[test]
fn too_far_apart_to_touch_gives_no_front() {
    let places = vec![
        place(0, 40.0, 35.0, PlaceKind::Village),
        place(1, 40.5, 35.0, PlaceKind::Village),
    ];
    let (_, areas) = areas_of(
        &places,
        &[Some(Control::Held(0)), Some(Control::Held(1))],
        None,
    );
    assert_eq!(areas.areas.len(), 2);
    assert!(areas.fronts.is_empty());
}

#[test]
fn contested_lost_stale_and_unknown_cells() {
    let places: Vec<Place> = (0..4)
        .map(|i| place(i, 40.0 + 0.11 * i as f64, 35.0, PlaceKind::Town))
        .collect();
    let settings = AreaSettings::default();
    let cells = Cells::with_land(&places, &settings, None);
    let states = vec![
        state(0, Some(Control::contested(0, 1)), 10),
        state(1, Some(Control::Lost(2, None)), 10),
        state(2, Some(Control::Held(0)), 1),
        state(3, None, 10),
    ];
    let areas = Areas::at(&cells, &states, noon(12), &settings, |_| true);
    let key = |s: usize| areas.site_key[cells.place_site[s].unwrap() as usize];
    assert_eq!(
        key(0),
        Some(AreaKey {
            status: AreaStatus::Contested(0, 1),
            faded: false
        })
    );
    assert_eq!(
        key(1),
        Some(AreaKey {
            status: AreaStatus::Lost(2, None),
            faded: true
        })
    );
    assert_eq!(
        key(2),
        Some(AreaKey {
            status: AreaStatus::Held(0),
            faded: true
        }),
        "11 days old"
    );
    assert_eq!(key(3), None, "unknown: no cell");
    assert!(
        areas.fronts.is_empty(),
        "faded and lost cells draw no front"
    );
    // Hidden by the filters: no cell either.
    let hidden = Areas::at(&cells, &states, noon(12), &settings, |p| p != 0);
    assert_eq!(hidden.site_key[cells.place_site[0].unwrap() as usize], None);
}

#[test]
fn a_cell_contested_by_a_and_b_has_no_front_with_a_but_one_with_c() {
    let places = two_towns();
    let (_, with_a) = areas_of(
        &places,
        &[Some(Control::contested(0, 1)), Some(Control::Held(0))],
        None,
    );
    assert!(with_a.fronts.is_empty());
    let (_, with_c) = areas_of(
        &places,
        &[Some(Control::contested(0, 1)), Some(Control::Held(2))],
        None,
    );
    assert_eq!(with_c.fronts.len(), 1);
}

#[test]
fn cells_are_clipped_to_land() {
    // Land: a square whose east edge runs 5 km east of the first town.
    let square = Polygon::new(
        LineString::from(vec![
            (39.0, 34.0),
            (40.055, 34.0),
            (40.055, 36.0),
            (39.0, 36.0),
            (39.0, 34.0),
        ]),
        Vec::new(),
    );
    let land = Land::new(MultiPolygon::new(vec![square.clone()]));
    let places = vec![place(0, 40.0, 35.0, PlaceKind::City)];
    let (cells, _) = areas_of(&places, &[Some(Control::Held(0))], Some(&land));
    let cell = &cells.cells[0];
    assert!(cell.contains(&Point::new(40.0, 35.0)));
    assert!(
        cell.0
            .iter()
            .flat_map(|p| p.exterior().coords())
            .all(|c| c.x <= 40.055 + 1e-9)
    );
    let outside = MultiPolygon::new(vec![square]).difference(cell);
    assert!(outside.unsigned_area() > 0.0);
    // A place off the land keeps its whole cell: the basemap says nothing there.
    let off = vec![place(0, 41.0, 35.0, PlaceKind::City)];
    let (cells, _) = areas_of(&off, &[Some(Control::Held(0))], Some(&land));
    assert!(cells.cells[0].unsigned_area() > 0.1);
}

#[test]
fn the_bundled_lakes_are_not_land() {
    // A city on the shore of Lake Assad: its cell keeps out of the lake.
    let places = vec![place(0, 38.62, 35.83, PlaceKind::City)];
    let land = Land::bundled().expect("the basemap has countries");
    assert!(land.contains(38.62, 35.83));
    let (cells, _) = areas_of(&places, &[Some(Control::Held(0))], Some(&land));
    let (unclipped, _) = areas_of(&places, &[Some(Control::Held(0))], None);
    let lakes: Vec<Polygon<f64>> = crate::geo::bundled_features("lakes")
        .iter()
        .flat_map(|f| crate::geo::polygons(&f["geometry"]))
        .map(|rings| {
            let ring = |r: &Vec<[f64; 2]>| {
                LineString::from(r.iter().map(|&[x, y]| (x, y)).collect::<Vec<_>>())
            };
            Polygon::new(ring(&rings[0]), rings[1..].iter().map(ring).collect())
        })
        .collect();
    let in_lakes: f64 = lakes
        .iter()
        .map(|l| cells.cells[0].intersection(l).unsigned_area())
        .sum();
    assert!(in_lakes < 1e-9, "{in_lakes}");
    let would_be: f64 = lakes
        .iter()
        .map(|l| unclipped.cells[0].intersection(l).unsigned_area())
        .sum();
    assert!(would_be > 1e-3, "the reach does cross the lake: {would_be}");
    assert!(cells.cells[0].unsigned_area() > 0.0);
}

#[test]
fn places_at_one_position_share_a_cell() {
    let places = vec![
        place(0, 40.0, 35.0, PlaceKind::Town),
        place(1, 40.0, 35.0, PlaceKind::City),
    ];
    let (cells, areas) = areas_of(&places, &[None, Some(Control::Held(3))], None);
    assert_eq!(cells.sites.len(), 1);
    assert_eq!(
        areas.site_key[0].map(|k| k.status),
        Some(AreaStatus::Held(3))
    );
    assert_eq!(
        areas.areas[0].places,
        vec![1],
        "the unknown place is not part of it"
    );
}

#[test]
fn bad_coordinates_get_no_cell() {
    let places = vec![
        place(0, f64::NAN, 35.0, PlaceKind::Town),
        place(1, 40.0, 35.0, PlaceKind::Town),
    ];
    let (cells, areas) = areas_of(&places, &[Some(Control::Held(0)); 2], None);
    assert_eq!(cells.place_site[0], None);
    assert_eq!(areas.areas.len(), 1);
}

#[test]
fn the_bundled_data_is_deterministic_and_valid() {
    let store = crate::bundled::store();
    let at = noon(11);
    let settings = AreaSettings::default();
    let make = || {
        let cells = Cells::of(&store.places, &settings);
        let areas = Areas::at(&cells, &store.states_at(at), at, &settings, |_| true);
        (cells, areas)
    };
    let (cells, areas) = make();
    let (_, again) = make();
    assert_eq!(areas, again);
    assert!(!areas.areas.is_empty());
    for key in areas.keys() {
        let (merged, places) = areas.merged(&cells, key);
        assert!(
            merged.is_valid(),
            "{key:?}: {:?}",
            merged.validation_errors()
        );
        for p in places {
            let at = Point::new(store.places[p].lon, store.places[p].lat);
            assert!(
                merged.intersects(&at),
                "{} in its area",
                store.places[p].name
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Cells of different places never overlap, each holds its place, and each holder's area
    /// holds its places and is valid.
    #[test]
    fn cells_partition_and_areas_hold_their_places(
        points in prop::collection::vec((0u32..400, 0u32..400, 0usize..4, 0usize..4), 1..40)
    ) {
        let kinds = [PlaceKind::City, PlaceKind::Town, PlaceKind::Village, PlaceKind::BorderCrossing];
        let places: Vec<Place> = points
            .iter()
            .enumerate()
            .map(|(i, &(x, y, k, _))| place(i, 40.0 + x as f64 * 0.002, 35.0 + y as f64 * 0.002, kinds[k]))
            .collect();
        let controls: Vec<Option<Control>> = points.iter().map(|&(.., h)| (h < 3).then_some(Control::Held(h))).collect();
        let (cells, areas) = areas_of(&places, &controls, None);
        for i in 0..cells.cells.len() {
            let first = cells.site_places[i][0];
            prop_assert!(cells.cells[i].intersects(&Point::new(places[first].lon, places[first].lat)));
            for j in i + 1..cells.cells.len() {
                let overlap = cells.cells[i].intersection(&cells.cells[j]).unsigned_area();
                prop_assert!(overlap < 1e-8, "cells {i} and {j} overlap by {overlap}");
            }
        }
        for key in areas.keys() {
            let (merged, ps) = areas.merged(&cells, key);
            prop_assert!(merged.is_valid(), "{:?}", merged.validation_errors());
            for p in ps {
                prop_assert!(merged.intersects(&Point::new(places[p].lon, places[p].lat)));
            }
        }
        let holders: std::collections::BTreeSet<usize> = controls.iter().flatten().map(|c| match c { Control::Held(a) => *a, _ => 9 }).collect();
        if holders.len() <= 1 {
            prop_assert!(areas.fronts.is_empty());
        }
        for front in &areas.fronts {
            prop_assert!(front.sides[0] != front.sides[1]);
            prop_assert!(front.lines.iter().all(|l| l.points.len() >= 2 && l.places.len() >= 2));
        }
    }
}

/// The cost at ten thousand places (synthetic corpus), printed: `cargo test --release --lib
/// areas_at_ten_thousand -- --ignored --nocapture` (`benches/frame.rs` times it with criterion).
#[test]
#[ignore]
fn areas_at_ten_thousand_places() {
    let dir = tempfile::tempdir().unwrap();
    let options = crate::synth::Options {
        places: 10_000,
        events: 200_000,
        articles: 20_000,
        seed: 1,
    };
    crate::synth::write(dir.path(), &options).unwrap();
    let store = crate::store::Store::load(&crate::store::DataSource::Dir(dir.path().into()));
    let (start, end) = store.span().unwrap();
    let at = start + (end - start) / 2;
    let settings = AreaSettings::default();
    let t = std::time::Instant::now();
    let cells = Cells::of(&store.places, &settings);
    let cells_time = t.elapsed();
    let states = store.states_at(at);
    let t = std::time::Instant::now();
    let areas = Areas::at(&cells, &states, at, &settings, |_| true);
    let areas_time = t.elapsed();
    let t = std::time::Instant::now();
    let polygons: usize = areas
        .keys()
        .iter()
        .map(|&k| areas.merged(&cells, k).0.0.len())
        .sum();
    let merged_time = t.elapsed();
    println!(
        "10,000 places: cells {cells_time:?}; areas at an instant {areas_time:?} ({} areas, {} fronts); merged for export {merged_time:?} ({polygons} polygons)",
        areas.areas.len(),
        areas.fronts.len()
    );
    assert!(!areas.areas.is_empty());
}

#[test]
fn a_reach_is_set_by_kind_and_bad_ones_are_told_apart() {
    let mut s = AreaSettings::default();
    s.set_reach("city=30").unwrap();
    s.set_reach(" Crossing = 2.5 ").unwrap();
    assert_eq!(s.reach_km(PlaceKind::City), 30.0);
    assert_eq!(s.reach_km(PlaceKind::BorderCrossing), 2.5);
    assert_eq!(s.reach_km(PlaceKind::Town), 15.0, "the others keep theirs");
    let err = s.set_reach("hamlet=3").unwrap_err();
    assert!(
        err.contains("not a kind of place") && err.contains("village"),
        "{err}"
    );
    let err = s.set_reach("town=-1").unwrap_err();
    assert!(err.contains("from 0 to 200"), "{err}");
    assert!(s.set_reach("town").unwrap_err().contains("KIND=KM"));
    assert!(s.set_reach("town=lots").is_err());
    assert_eq!(
        s.reach_km(PlaceKind::Town),
        15.0,
        "a refused reach changes nothing"
    );
}
