//! Colours and marker styles shared by the map, the legend, the timeline and the chart, so that
//! every view speaks the same visual language.

use egui::Color32;

use crate::store::{Actor, Control, PlaceKind};

pub(crate) fn actor_colour(actor: &Actor) -> Color32 {
    let [r, g, b] = actor.colour;
    Color32::from_rgb(r, g, b)
}

/// Grey for unknown control.
pub(crate) const UNKNOWN: Color32 = Color32::from_rgb(140, 140, 140);
/// The halo around places whose state changed in the last day before the cursor.
pub(crate) const JUST_CHANGED: Color32 = Color32::from_rgb(255, 140, 0);
/// The ring around the selected place.
pub(crate) const SELECTED: Color32 = Color32::from_rgb(0, 170, 255);

/// The colours a state is drawn with: one for held, two for contested, none for unknown.
pub(crate) fn control_colours(control: Option<Control>, actors: &[Actor]) -> Vec<Color32> {
    match control {
        Some(Control::Held(a)) => vec![actor_colour(&actors[a])],
        Some(Control::Contested(a, b)) => vec![actor_colour(&actors[a]), actor_colour(&actors[b])],
        // Lost: nobody's fill; the marker draws a ring in the losers' colours instead.
        Some(Control::Lost(..)) | None => Vec::new(),
    }
}

/// Marker radius in points: cities read bigger than villages.
pub(crate) fn marker_radius(kind: PlaceKind) -> f32 {
    match kind {
        PlaceKind::City => 9.0,
        PlaceKind::Town => 7.5,
        PlaceKind::Village => 6.0,
        PlaceKind::BorderCrossing => 7.0,
    }
}

/// How strongly a state is filled given the days since it was last reported: reported that
/// day is solid; carried forward fades, but never below a readable level.
pub(crate) fn freshness_alpha(age_days: Option<i64>) -> f32 {
    match age_days {
        Some(0) => 1.0,
        Some(1) => 0.75,
        Some(2..=3) => 0.6,
        Some(_) => 0.45,
        None => 0.0,
    }
}

// The basemap's quiet tones.
/// Land, unless the basemap gives a country a tone of its own.
pub(crate) const LAND: Color32 = Color32::from_rgb(236, 233, 226);
pub(crate) const WATER: Color32 = Color32::from_rgb(150, 190, 225);
pub(crate) const RIVER: Color32 = Color32::from_rgb(90, 150, 210);
pub(crate) const BORDER: Color32 = Color32::from_rgb(150, 120, 150);
pub(crate) const COUNTRY_LABEL: Color32 = Color32::from_rgb(150, 145, 135);
pub(crate) const MAP_BACKGROUND: Color32 = Color32::from_rgb(222, 226, 230);

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
