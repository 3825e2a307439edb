//! Stories and "what changed" in the app: a story steps forward and back and the cursor, the
//! selection and the map's view follow; the comparison of two dates lists the places that
//! changed.

mod common;

use chrono::NaiveDate;
use common::app::{bundled, place, shows};
use egui_kittest::kittest::Queryable;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2017, 11, d).expect("a day")
}

/// The map's centre `[lat, lon]` and zoom.
fn view(h: &egui_kittest::Harness<frontline::app::FrontlineApp>) -> ([f64; 2], f64) {
    let memory = &h.state().map.memory;
    let centre = memory.detached().expect("a step puts the map somewhere");
    ([centre.y(), centre.x()], memory.zoom())
}

#[test]
fn a_story_steps_forward_and_back_and_the_cursor_selection_and_view_follow() {
    let mut h = bundled();
    let (abu_kamal, al_qaim) = (place(&h, "abu_kamal"), place(&h, "al_qaim"));
    assert!(h.state().story.is_none());

    // The first press starts the first story.
    h.key_press(egui::Key::PageDown);
    h.run();
    assert_eq!(h.state().replay.cursor.date(), day(3));
    assert_eq!(h.state().selected, Some(abu_kamal));
    let (centre, zoom) = view(&h);
    assert!(
        (centre[0] - 34.6).abs() < 1e-6 && (centre[1] - 40.9).abs() < 1e-6,
        "{centre:?}"
    );
    assert_eq!(zoom, 8.0);
    assert!(shows(&h, "Step 1 of 6"));
    assert!(shows(&h, "still about 40 km"));

    // The button and the key do the same.
    h.get_by_label("Next step >").click();
    h.run();
    assert_eq!(h.state().selected, Some(al_qaim));
    assert_eq!(view(&h).1, 10.0);
    h.key_press(egui::Key::PageDown);
    h.run();
    assert_eq!(h.state().replay.cursor.date(), day(9));
    assert_eq!(h.state().selected, Some(abu_kamal));
    assert!(shows(&h, "Step 3 of 6"));
    assert!(shows(&h, "overran Bukamal"));

    h.key_press(egui::Key::PageUp);
    h.run();
    assert_eq!(h.state().replay.cursor.date(), day(3));
    assert_eq!(h.state().selected, Some(al_qaim));
    let (centre, _) = view(&h);
    assert!((centre[0] - 34.42).abs() < 1e-6, "{centre:?}");

    // Back at the first step, Previous stays there.
    h.key_press(egui::Key::PageUp);
    h.run();
    h.key_press(egui::Key::PageUp);
    h.run();
    assert_eq!(h.state().story.map(|s| s.step), Some(0));

    h.get_by_label("Close story").click();
    h.run();
    assert!(h.state().story.is_none());
    assert!(!shows(&h, "Step 1 of 6"));
}

#[test]
fn what_changed_between_8_and_12_november_lists_abu_kamal() {
    let mut h = bundled();
    h.get_by_label("What changed").click();
    h.run();
    assert!(h.state().compared.is_some());
    // Type the dates over the ones shown.
    set_field(&mut h, "From", "2017-11-08");
    set_field(&mut h, "to", "2017-11-12");
    h.get_by_label("Compare").click();
    h.run();
    let compared = h.state().compared.as_ref().expect("compared");
    assert_eq!(compared.from.date(), day(8));
    assert_eq!(compared.to.date(), day(12));
    assert!(shows(&h, "Abu Kamal: from IS to IS; changed 2 times"));
    assert!(shows(&h, "Sat 11 Nov 2017 · recaptured · IS"));
    assert!(!shows(&h, "Deir ez-Zor:"));

    // A listed place is selected by a click.
    h.get_by_label("Abu Kamal: from IS to IS; changed 2 times")
        .click();
    h.run();
    assert_eq!(h.state().selected, Some(place(&h, "abu_kamal")));
}

/// Clears a text field and types `text` into it.
fn set_field(h: &mut egui_kittest::Harness<frontline::app::FrontlineApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}
