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

/// How far cells reach and when a state is too old to be drawn in full.
#[derive(Debug, Clone, PartialEq)]
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

impl AreaSettings {
    pub fn reach_km(&self, kind: PlaceKind) -> f64 {
        let km = match kind {
            PlaceKind::City => self.city_km,
            PlaceKind::Town => self.town_km,
            PlaceKind::Village => self.village_km,
            PlaceKind::BorderCrossing => self.crossing_km,
        };
        if km.is_finite() { km.max(0.0) } else { 0.0 }
    }
}

/// What the areas' legend line says, wherever they are shown.
pub const INFERRED_NOTE: &str = "Areas: inferred from the places' states, not surveyed";
