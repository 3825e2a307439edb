//! Areas of control and front lines, inferred from the places' states at an instant. No UI:
//! the map draws them, `frontline export areas` writes them.
//!
//! Each place gets a cell ([`cells`]): its Voronoi cell within a reach that depends on its kind,
//! on land. Cells of one holder that touch make an area; where cells of holders with nothing
//! in common touch runs a front line ([`state`]). Nothing here is surveyed: every area is made
//! of places, and every place's state of cited claims, so each area can be traced to its
//! places and their quotes.

pub mod cells;
mod land;
pub mod state;
#[cfg(test)]
mod tests;

pub use cells::Cells;
pub use state::{Area, AreaKey, AreaStatus, Areas, Front, FrontLine};

use crate::store::PlaceKind;

/// How far cells reach and when a state is too old to be drawn in full: the app's "Reach"
/// menu, `--reach KIND=KM` and `--stale-days` on the command line.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct AreaSettings {
    /// How far a place's cell reaches from it, in kilometres, by kind.
    pub city_km: f64,
    pub town_km: f64,
    pub village_km: f64,
    pub crossing_km: f64,
    /// A state last reported more than this many days before the instant is stale: its cell
    /// is faded and draws no front line.
    pub stale_days: i64,
}

impl Default for AreaSettings {
    fn default() -> AreaSettings {
        AreaSettings {
            city_km: 25.0,
            town_km: 15.0,
            village_km: 8.0,
            crossing_km: 6.0,
            stale_days: 10,
        }
    }
}

/// The kinds a reach is set for, with their names on the command line and in the menu.
pub const REACH_KINDS: [(PlaceKind, &str); 4] = [
    (PlaceKind::City, "city"),
    (PlaceKind::Town, "town"),
    (PlaceKind::Village, "village"),
    (PlaceKind::BorderCrossing, "crossing"),
];

/// The longest reach taken, in kilometres: beyond it a cell would cover a country.
pub const MAX_REACH_KM: f64 = 200.0;

impl AreaSettings {
    /// A kind's reach, to set it.
    pub fn reach_km_mut(&mut self, kind: PlaceKind) -> &mut f64 {
        match kind {
            PlaceKind::City => &mut self.city_km,
            PlaceKind::Town => &mut self.town_km,
            PlaceKind::Village => &mut self.village_km,
            PlaceKind::BorderCrossing => &mut self.crossing_km,
        }
    }

    /// Sets reaches from `KIND=KM` (`city=30`); says what is wrong otherwise.
    pub fn set_reach(&mut self, text: &str) -> Result<(), String> {
        let names = REACH_KINDS.map(|(_, n)| n).join(", ");
        let (kind, km) = text
            .split_once('=')
            .ok_or_else(|| format!("`{text}`: write KIND=KM, e.g. town=15 (kinds: {names})"))?;
        let kind = REACH_KINDS
            .iter()
            .find(|(_, n)| n.eq_ignore_ascii_case(kind.trim()))
            .map(|(k, _)| *k)
            .ok_or_else(|| format!("`{kind}` is not a kind of place; the kinds are {names}"))?;
        let km: f64 = km
            .trim()
            .parse()
            .ok()
            .filter(|km: &f64| km.is_finite() && (0.0..=MAX_REACH_KM).contains(km))
            .ok_or_else(|| {
                format!("`{km}`: a reach is a number of kilometres from 0 to {MAX_REACH_KM}")
            })?;
        *self.reach_km_mut(kind) = km;
        Ok(())
    }

    pub fn reach_km(&self, kind: PlaceKind) -> f64 {
        let km = match kind {
            PlaceKind::City => self.city_km,
            PlaceKind::Town => self.town_km,
            PlaceKind::Village => self.village_km,
            PlaceKind::BorderCrossing => self.crossing_km,
        };
        if km.is_finite() {
            km.clamp(0.0, MAX_REACH_KM)
        } else {
            0.0
        }
    }
}

/// What the areas' legend line says, wherever they are shown.
pub const INFERRED_NOTE: &str = "Areas: inferred from the places' states, not surveyed";
