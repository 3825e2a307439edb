//! Building blocks for reading the map, free of any UI type so that they are tested (and
//! timed) alone: clustering markers that overlap ([`cluster`]), finding places by any name as
//! the user types ([`search`]), which story step is shown ([`story`]), ordering right-to-left
//! text for egui's left-to-right layout ([`bidi`]), and the areas of control and front lines
//! inferred from the places' states ([`areas`]).

pub mod areas;
pub mod bidi;
pub mod cluster;
pub mod filter;
pub mod labels;
pub mod legend;
pub mod palette;
pub mod scene;
pub mod search;
pub mod story;
