//! The shared colours as egui colours: the choices are plain data in
//! [`crate::view::palette`]; this is where they become [`Color32`], and where the fonts and
//! the overlay frame are set up.

use egui::Color32;

use crate::store::{Actor, Control, PlaceKind};
use crate::view::palette::{self, Rgb};

const fn colour([r, g, b]: Rgb) -> Color32 {
    Color32::from_rgb(r, g, b)
}

pub(crate) fn actor_colour(actor: &Actor) -> Color32 {
    colour(actor.colour)
}

pub(crate) const UNKNOWN: Color32 = colour(palette::UNKNOWN);
pub(crate) const JUST_CHANGED: Color32 = colour(palette::JUST_CHANGED);
pub(crate) const SELECTED: Color32 = colour(palette::SELECTED);
pub(crate) const DISPUTED: Color32 = colour(palette::DISPUTED);
pub(crate) const UNCERTAIN: Color32 = colour(palette::UNCERTAIN);
pub(crate) const LAND: Color32 = colour(palette::LAND);
pub(crate) const WATER: Color32 = colour(palette::WATER);
pub(crate) const RIVER: Color32 = colour(palette::RIVER);
pub(crate) const BORDER: Color32 = colour(palette::BORDER);
pub(crate) const COUNTRY_LABEL: Color32 = colour(palette::COUNTRY_LABEL);
pub(crate) const MAP_BACKGROUND: Color32 = colour(palette::MAP_BACKGROUND);

/// The colours a state is drawn with: one for held, two for contested, none for unknown.
pub(crate) fn control_colours(control: Option<Control>, actors: &[Actor]) -> Vec<Color32> {
    palette::control_colours(control, actors)
        .into_iter()
        .map(colour)
        .collect()
}

pub(crate) fn marker_radius(kind: PlaceKind) -> f32 {
    palette::marker_radius(kind)
}

pub(crate) fn freshness_alpha(age_days: Option<i64>) -> f32 {
    palette::freshness_alpha(age_days)
}

/// Noto Sans (SIL OFL 1.1, `assets/fonts/`): egui's default Latin font lacks the Latin
/// Extended Additional letters of GeoNames' transliterations ("ḑ", U+1E11, in "Dayr az Zawr"
/// forms), which it would draw as boxes.
const LATIN_FONT: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");

/// Noto Sans Arabic (SIL OFL 1.1, `assets/fonts/`): egui's own fonts have no Arabic letters.
const ARABIC_FONT: &[u8] = include_bytes!("../../assets/fonts/NotoSansArabic-Regular.ttf");

/// Adds the Latin fallback, then the Arabic font, after egui's defaults, for proportional and
/// monospace text, so that Latin text keeps egui's look (a letter egui's font lacks comes from
/// Noto Sans) and Arabic names render with their joined letter forms (egui shapes each run of
/// one font with harfrust). Cheap to call every frame: egui adds a font of the same name once.
pub(crate) fn install_fonts(ctx: &egui::Context) {
    use egui::{FontInsert, FontPriority, InsertFontFamily};
    let family = |family| InsertFontFamily {
        family,
        priority: FontPriority::Lowest,
    };
    for (name, bytes) in [
        ("noto-sans-latin", LATIN_FONT),
        ("noto-sans-arabic", ARABIC_FONT),
    ] {
        ctx.add_font(FontInsert::new(
            name,
            egui::FontData::from_static(bytes),
            vec![
                family(egui::FontFamily::Proportional),
                family(egui::FontFamily::Monospace),
            ],
        ));
    }
}

/// The frame of what is laid over the map: the view controls, the legend, the caption card.
pub(crate) fn overlay_frame() -> egui::Frame {
    egui::Frame::NONE
        .fill(Color32::from_white_alpha(225))
        .stroke(egui::Stroke::new(1.0, Color32::from_gray(190)))
        .corner_radius(4.0)
        .inner_margin(6.0)
}
