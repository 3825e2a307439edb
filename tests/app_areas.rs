//! UI tests of the inferred areas of control on the map: on by default with their legend line,
//! toggled by a key, and hovering or clicking an area. egui_kittest; no screen needed.

mod common;

use chrono::NaiveDate;
use common::app::{bundled_with, click_at, place, shows};
use egui_kittest::kittest::Queryable;
use frontline::app::LaunchOptions;
use frontline::view::areas::{AreaStatus, INFERRED_NOTE};

fn on_the_11th() -> LaunchOptions {
    LaunchOptions {
        at: NaiveDate::from_ymd_opt(2017, 11, 11)
            .unwrap()
            .and_hms_opt(23, 59, 0),
        ..LaunchOptions::default()
    }
}

#[test]
fn areas_are_on_by_default_and_toggled_with_r() {
    let mut h = bundled_with(on_the_11th());
    assert!(
        shows(&h, INFERRED_NOTE),
        "the legend says the areas are inferred"
    );
    let (ak, deir) = (place(&h, "abu_kamal"), place(&h, "deir_ez_zor"));
    let areas = h.state().panels.map.areas().clone();
    let holding = |p: usize| {
        areas
            .areas
            .iter()
            .find(|a| a.places.contains(&p))
            .map(|a| a.key.status)
    };
    let actor = |id: &str| {
        h.state()
            .store
            .actors
            .iter()
            .position(|a| a.id == id)
            .unwrap()
    };
    assert_eq!(holding(ak), Some(AreaStatus::Held(actor("islamic_state"))));
    assert_eq!(
        holding(deir),
        Some(AreaStatus::Held(actor("syrian_government")))
    );
    assert!(
        !areas.fronts.is_empty(),
        "Islamic State meets Iraqi forces at Abu Kamal"
    );

    h.key_press(egui::Key::R);
    h.run();
    assert!(!h.state().shown.areas);
    assert!(!shows(&h, INFERRED_NOTE));
    h.get_by_label("Areas").click();
    h.run();
    assert!(h.state().shown.areas, "and back with its checkbox");
}

#[test]
fn hovering_an_area_names_its_holder_and_places_and_a_click_selects_the_nearest() {
    let mut h = bundled_with(on_the_11th());
    let deir = place(&h, "deir_ez_zor");
    let marker = h
        .state()
        .panels
        .map
        .place_on_screen(deir)
        .expect("Deir ez-Zor on screen");
    // In its cell (reach 25 km), clear of its marker and label.
    let inside = marker + egui::vec2(-22.0, 18.0);
    h.hover_at(inside);
    h.run();
    assert!(
        shows(&h, "Area held by Syrian government and allies"),
        "the hover names the holder"
    );
    assert!(
        shows(&h, "Deir ez-Zor · 7 sources"),
        "and its places with their sources"
    );
    click_at(&mut h, inside);
    assert_eq!(h.state().scene().selected(), Some(deir));
}
