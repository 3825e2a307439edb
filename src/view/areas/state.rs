//! The areas at an instant: each cell coloured by its place's state, the cells of one state that
//! touch merged into areas, and the front lines where cells of different holders meet.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use geo::{Coord, MultiPolygon, Orient, orient::Direction};

use super::{AreaSettings, Cells};
use crate::store::{ActorIx, Control, PlaceIx, PlaceState};

/// Who a cell is drawn for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AreaStatus {
    Held(ActorIx),
    /// Contested between two actors: the cell shows both colours.
    Contested(ActorIx, ActorIx),
    /// No longer held by the first actor (and the second); who holds it is not said. Always
    /// faded.
    Lost(ActorIx, Option<ActorIx>),
}

impl AreaStatus {
    /// The actors holding the cell (none for a lost one).
    pub fn holders(self) -> Vec<ActorIx> {
        match self {
            AreaStatus::Held(a) => vec![a],
            AreaStatus::Contested(a, b) => vec![a, b],
            AreaStatus::Lost(..) => Vec::new(),
        }
    }
}

/// A cell's look: its status, and whether it is faded (a stale or lost state).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AreaKey {
    pub status: AreaStatus,
    pub faded: bool,
}

/// Cells of one look that touch.
#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    pub key: AreaKey,
    pub sites: Vec<u32>,
    /// The places it is made from, in the store's order.
    pub places: Vec<PlaceIx>,
}

/// The front lines between two looks (sorted).
#[derive(Debug, Clone, PartialEq)]
pub struct Front {
    pub sides: [AreaStatus; 2],
    pub lines: Vec<FrontLine>,
}

/// One front line: its points (lon/lat) and the places whose cells it borders, in the
/// store's order.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontLine {
    pub points: Vec<Coord<f64>>,
    pub places: Vec<PlaceIx>,
}

/// The areas and front lines at one instant.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Areas {
    /// Per site: its look (None: no cell drawn, its places unknown or hidden).
    pub site_key: Vec<Option<AreaKey>>,
    /// Per site: its area in `areas` (u32::MAX for none).
    pub site_area: Vec<u32>,
    pub areas: Vec<Area>,
    pub fronts: Vec<Front>,
}

impl Areas {
    /// The areas of the places' `states` at `cursor`, over `cells`; `shown` says which places
    /// count (the user's filters).
    pub fn at(
        cells: &Cells,
        states: &[PlaceState],
        cursor: NaiveDateTime,
        settings: &AreaSettings,
        shown: impl Fn(PlaceIx) -> bool,
    ) -> Areas {
        let site_key = Areas::looks(cells, states, cursor, settings, &shown);
        Areas::of_looks(cells, site_key, states, shown)
    }

    /// Each site's look at `cursor` (None: not drawn): all the areas depend on. Cheap (one
    /// pass over the places), so that a map can tell whether the states changed.
    pub fn looks(
        cells: &Cells,
        states: &[PlaceState],
        cursor: NaiveDateTime,
        settings: &AreaSettings,
        shown: impl Fn(PlaceIx) -> bool,
    ) -> Vec<Option<AreaKey>> {
        cells
            .site_places
            .iter()
            .map(|places| {
                // Places at one position share a cell: the first known one colours it.
                places
                    .iter()
                    .filter(|&&p| shown(p))
                    .filter_map(|&p| states.get(p))
                    .find_map(|s| key_of(s, cursor, settings))
            })
            .collect()
    }

    /// The areas made of each site's look (from [`Areas::looks`]).
    pub fn of_looks(
        cells: &Cells,
        site_key: Vec<Option<AreaKey>>,
        states: &[PlaceState],
        shown: impl Fn(PlaceIx) -> bool,
    ) -> Areas {
        // Areas: cells of one look that share an edge (union-find).
        let n = site_key.len();
        let mut parent: Vec<u32> = (0..n as u32).collect();
        fn root(parent: &mut [u32], mut i: u32) -> u32 {
            while parent[i as usize] != i {
                parent[i as usize] = parent[parent[i as usize] as usize];
                i = parent[i as usize];
            }
            i
        }
        for s in &cells.shared {
            let (ka, kb) = (site_key[s.a as usize], site_key[s.b as usize]);
            if ka.is_some() && ka == kb {
                let (ra, rb) = (root(&mut parent, s.a), root(&mut parent, s.b));
                parent[ra.max(rb) as usize] = ra.min(rb);
            }
        }
        let mut site_area = vec![u32::MAX; n];
        let mut areas: Vec<Area> = Vec::new();
        let mut area_of_root: HashMap<u32, u32> = HashMap::new();
        for site in 0..n as u32 {
            let Some(key) = site_key[site as usize] else {
                continue;
            };
            if cells.cells[site as usize].0.is_empty() {
                continue;
            }
            let r = root(&mut parent, site);
            let index = *area_of_root.entry(r).or_insert_with(|| {
                areas.push(Area {
                    key,
                    sites: Vec::new(),
                    places: Vec::new(),
                });
                areas.len() as u32 - 1
            });
            site_area[site as usize] = index;
            let area = &mut areas[index as usize];
            area.sites.push(site);
            area.places.extend(
                cells.site_places[site as usize]
                    .iter()
                    .filter(|&&p| shown(p) && states.get(p).is_some_and(|s| s.control.is_some())),
            );
        }
        for area in &mut areas {
            area.places.sort_unstable();
        }
        let fronts = fronts(cells, &site_key, states, &shown);
        Areas {
            site_key,
            site_area,
            areas,
            fronts,
        }
    }

    /// The distinct looks drawn, sorted.
    pub fn keys(&self) -> Vec<AreaKey> {
        let mut keys: Vec<AreaKey> = self.areas.iter().map(|a| a.key).collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    /// The cells of one look merged into one MultiPolygon (exterior rings counter-clockwise,
    /// holes clockwise, as RFC 7946 asks), with the places it is made from.
    pub fn merged(&self, cells: &Cells, key: AreaKey) -> (MultiPolygon<f64>, Vec<PlaceIx>) {
        let mut polygons = Vec::new();
        let mut places = Vec::new();
        for area in self.areas.iter().filter(|a| a.key == key) {
            for &site in &area.sites {
                polygons.extend(cells.cells[site as usize].iter().cloned());
            }
            places.extend(&area.places);
        }
        places.sort_unstable();
        // Same winding for all (the land clipping may give either), as the union needs.
        let polygons: Vec<_> = polygons
            .into_iter()
            .map(|p| p.orient(Direction::Default))
            .collect();
        let merged = geo::unary_union(&polygons).orient(Direction::Default);
        (merged, places)
    }
}

/// A place's look, or None when it is not drawn (unknown).
fn key_of(state: &PlaceState, cursor: NaiveDateTime, settings: &AreaSettings) -> Option<AreaKey> {
    let stale = state
        .age_days(cursor)
        .is_some_and(|d| d > settings.stale_days);
    let (status, faded) = match state.control? {
        Control::Held(a) => (AreaStatus::Held(a), stale),
        Control::Contested(a, b) => (AreaStatus::Contested(a, b), stale),
        Control::Lost(a, b) => (AreaStatus::Lost(a, b), true),
    };
    Some(AreaKey { status, faded })
}

/// Front lines: the shared edges between drawn, unfaded cells whose holders have nothing in
/// common (a cell contested by A and B against one held by A is the fighting itself, not a
/// front), chained into lines per pair of sides.
fn fronts(
    cells: &Cells,
    site_key: &[Option<AreaKey>],
    states: &[PlaceState],
    shown: &impl Fn(PlaceIx) -> bool,
) -> Vec<Front> {
    // Per pair of sides: each segment, with the two sites it lies between.
    let mut by_sides: HashMap<[AreaStatus; 2], Vec<Segment>> = HashMap::new();
    for s in &cells.shared {
        let (Some(ka), Some(kb)) = (site_key[s.a as usize], site_key[s.b as usize]) else {
            continue;
        };
        if ka.faded || kb.faded {
            continue;
        }
        let (ha, hb) = (ka.status.holders(), kb.status.holders());
        if ha.is_empty() || hb.is_empty() || ha.iter().any(|a| hb.contains(a)) {
            continue;
        }
        let sides = if ka.status <= kb.status {
            [ka.status, kb.status]
        } else {
            [kb.status, ka.status]
        };
        by_sides
            .entry(sides)
            .or_default()
            .extend(s.lines.iter().map(|&l| (l, [s.a, s.b])));
    }
    let places_of = |sites: &[u32]| {
        let mut places: Vec<PlaceIx> = sites
            .iter()
            .flat_map(|&site| &cells.site_places[site as usize])
            .copied()
            .filter(|&p| shown(p) && states.get(p).is_some_and(|s| s.control.is_some()))
            .collect();
        places.sort_unstable();
        places.dedup();
        places
    };
    let mut fronts: Vec<Front> = by_sides
        .into_iter()
        .map(|(sides, segments)| {
            let lines = chain(&segments)
                .into_iter()
                .map(|(points, sites)| FrontLine {
                    points,
                    places: places_of(&sites),
                })
                .collect();
            Front { sides, lines }
        })
        .collect();
    fronts.sort_by_key(|f| f.sides);
    fronts
}

/// A piece of a front line, with the two sites it lies between.
type Segment = ([Coord<f64>; 2], [u32; 2]);

/// Segments joined end to end into lines (ends that agree to about a centimetre meet), each
/// with the sites either side of it.
fn chain(segments: &[Segment]) -> Vec<(Vec<Coord<f64>>, Vec<u32>)> {
    let key = |c: Coord<f64>| ((c.x * 1e7).round() as i64, (c.y * 1e7).round() as i64);
    let mut at: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    for (i, (s, _)) in segments.iter().enumerate() {
        at.entry(key(s[0])).or_default().push(i);
        at.entry(key(s[1])).or_default().push(i);
    }
    let mut used = vec![false; segments.len()];
    let mut lines = Vec::new();
    // The next unused segment at a point, and its far end.
    let next = |used: &[bool], p: Coord<f64>| -> Option<(usize, Coord<f64>)> {
        at.get(&key(p))?.iter().find(|&&i| !used[i]).map(|&i| {
            let s = segments[i].0;
            (i, if key(s[0]) == key(p) { s[1] } else { s[0] })
        })
    };
    for start in 0..segments.len() {
        if used[start] {
            continue;
        }
        used[start] = true;
        let mut line = std::collections::VecDeque::from(segments[start].0.to_vec());
        let mut sites = segments[start].1.to_vec();
        while let Some((i, far)) = next(&used, *line.back().expect("two points")) {
            used[i] = true;
            line.push_back(far);
            sites.extend(segments[i].1);
        }
        while let Some((i, far)) = next(&used, *line.front().expect("two points")) {
            used[i] = true;
            line.push_front(far);
            sites.extend(segments[i].1);
        }
        lines.push((line.into_iter().collect(), sites));
    }
    lines
}
