//! The colours and marker sizes every view shares (the map, the legend, the timeline, the
//! chart), as plain data: the app turns them into egui colours at the edge (`app/theme.rs`),
//! and anything else (an export, a test) can read them without a UI.

use crate::store::{Actor, Control, PlaceKind};

/// A colour, red, green and blue.
pub type Rgb = [u8; 3];

/// Grey for unknown control.
pub const UNKNOWN: Rgb = [140, 140, 140];
/// The halo around places whose state changed in the last day before the cursor.
pub const JUST_CHANGED: Rgb = [255, 140, 0];
/// The ring around the selected place.
pub const SELECTED: Rgb = [0, 170, 255];
/// The ring and hatching of a disputed place (its two versions' colours are drawn inside).
pub const DISPUTED: Rgb = [200, 30, 120];
/// The dashed ring and stripes of a place in an uncertain window.
pub const UNCERTAIN: Rgb = [110, 110, 120];
/// How much an uncertain window fades the state shown (it may already have changed).
pub const UNCERTAIN_FADE: f32 = 0.55;

// The basemap's quiet tones.
/// Land, unless the basemap gives a country a tone of its own.
pub const LAND: Rgb = [236, 233, 226];
pub const WATER: Rgb = [150, 190, 225];
pub const RIVER: Rgb = [90, 150, 210];
pub const BORDER: Rgb = [150, 120, 150];
pub const COUNTRY_LABEL: Rgb = [150, 145, 135];
pub const MAP_BACKGROUND: Rgb = [222, 226, 230];

/// The actors a state is drawn in the colours of: one for held, two for contested, none for
/// unknown or lost (a lost place draws a ring in the losers' colours instead).
pub fn control_actors(control: Option<Control>) -> Vec<usize> {
    match control {
        Some(Control::Held(a)) => vec![a],
        Some(Control::Contested(a, b)) => vec![a, b],
        Some(Control::Lost(..)) | None => Vec::new(),
    }
}

/// The colours a state is drawn with.
pub fn control_colours(control: Option<Control>, actors: &[Actor]) -> Vec<Rgb> {
    control_actors(control)
        .into_iter()
        .map(|a| actors[a].colour)
        .collect()
}

/// Marker radius in points: cities read bigger than villages.
pub fn marker_radius(kind: PlaceKind) -> f32 {
    match kind {
        PlaceKind::City => 9.0,
        PlaceKind::Town => 7.5,
        PlaceKind::Village => 6.0,
        PlaceKind::BorderCrossing => 7.0,
    }
}

/// How strongly a state is filled given the days since it was last reported: reported that
/// day is solid; carried forward fades, but never below a readable level.
pub fn freshness_alpha(age_days: Option<i64>) -> f32 {
    match age_days {
        Some(0) => 1.0,
        Some(1) => 0.75,
        Some(2..=3) => 0.6,
        Some(_) => 0.45,
        None => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn held_contested_and_lost() {
        assert_eq!(control_actors(Some(Control::Held(2))), [2]);
        assert_eq!(control_actors(Some(Control::Contested(0, 1))), [0, 1]);
        assert!(control_actors(None).is_empty());
    }

    #[test]
    fn freshness_fades_but_stays_readable() {
        let alphas: Vec<f32> = [0, 1, 3, 30].map(|d| freshness_alpha(Some(d))).to_vec();
        assert!(alphas.windows(2).all(|w| w[0] > w[1]));
        assert!(alphas[3] >= 0.45);
        assert_eq!(freshness_alpha(None), 0.0);
    }
}
