//! The one kittest harness of the UI tests: the app at 1280x800, stepped at 60 frames a
//! second, with helpers to find text and click at a point.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use frontline::app::{FrontlineApp, LaunchOptions};

/// The app in a harness, run until it settles (the map's inertia needs ~11 frames).
pub fn harness(app: FrontlineApp) -> Harness<'static, FrontlineApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(64)
        .with_step_dt(1.0 / 60.0)
        .build_ui_state(|ui, app: &mut FrontlineApp| app.ui(ui), app);
    h.run();
    h
}

/// The app on the bundled data, started with these options.
pub fn bundled_with(options: LaunchOptions) -> Harness<'static, FrontlineApp> {
    harness(FrontlineApp::new(
        frontline::bundled::store(),
        &options,
        None,
    ))
}

/// The app on the bundled data.
pub fn bundled() -> Harness<'static, FrontlineApp> {
    bundled_with(LaunchOptions::default())
}

/// Whether some widget's label contains `text` (quotes can appear in several articles).
pub fn shows(h: &Harness<FrontlineApp>, text: &str) -> bool {
    h.query_all_by_label_contains(text).next().is_some()
}

/// A place's index by its id.
pub fn place(h: &Harness<FrontlineApp>, id: &str) -> usize {
    h.state()
        .store
        .places
        .iter()
        .position(|p| p.id == id)
        .unwrap_or_else(|| panic!("no place {id}"))
}

/// Clicks at a screen position: hover, press, release, each in a frame of its own.
pub fn click_at(h: &mut Harness<FrontlineApp>, pos: egui::Pos2) {
    h.hover_at(pos);
    h.step();
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        h.step();
    }
    h.run();
}
