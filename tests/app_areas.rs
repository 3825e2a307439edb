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

/// A frame of the app in a plain context (as a window runs it, not offscreen): its
/// primitives, with the textures uploaded so far.
fn draw(
    ctx: &egui::Context,
    app: &mut frontline::app::FrontlineApp,
    textures: &mut frontline::app::offscreen::Textures,
) -> Vec<egui::ClippedPrimitive> {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        max_texture_side: Some(4096),
        ..Default::default()
    };
    let mut out = ctx.run_ui(input, |ui| app.ui(ui));
    textures.set(&out.textures_delta);
    textures.free(&out.textures_delta);
    out.textures_delta.clear();
    ctx.tessellate(std::mem::take(&mut out.shapes), 1.0)
}

/// Whether a frame draws the areas' texture.
fn draws_areas_texture(ctx: &egui::Context, primitives: &[egui::ClippedPrimitive]) -> bool {
    let areas = ctx
        .tex_manager()
        .read()
        .allocated()
        .filter(|(_, meta)| meta.name == "areas")
        .map(|(id, _)| *id)
        .collect::<Vec<_>>();
    primitives.iter().any(|p| match &p.primitive {
        egui::epaint::Primitive::Mesh(m) => areas.contains(&m.texture_id),
        _ => false,
    })
}

/// Once the view rests, the areas are drawn from one texture, made on another thread, and it
/// shows what the meshes showed: the same picture, to a rounding, and far from the picture
/// without the areas.
#[test]
fn at_rest_the_areas_come_from_a_texture_that_shows_what_the_meshes_show() {
    use frontline::app::offscreen::{Textures, rasterise};
    let store = frontline::bundled::store();
    let mut app = frontline::app::FrontlineApp::new(store, &on_the_11th(), None);
    let ctx = egui::Context::default();
    ctx.set_visuals(egui::Visuals::light());
    // Pictures of one state, not steps of an animation.
    ctx.all_styles_mut(|style| style.animation_time = 0.0);
    let mut textures = Textures::default();
    let picture = |primitives: &[egui::ClippedPrimitive], textures: &Textures| {
        rasterise(primitives, textures, [1280, 800], egui::Color32::WHITE)
    };
    let started = std::time::Instant::now();
    let texture_frame = loop {
        let primitives = draw(&ctx, &mut app, &mut textures);
        if draws_areas_texture(&ctx, &primitives) {
            break primitives;
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(20),
            "the areas' texture never came"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let from_texture = picture(&texture_frame, &textures);
    // The areas change and change back: the frame that follows a change draws the meshes.
    let cursor = app.replay.cursor;
    app.replay.cursor = app.replay.start;
    draw(&ctx, &mut app, &mut textures);
    app.replay.cursor = cursor;
    let mesh_frame = draw(&ctx, &mut app, &mut textures);
    assert!(!draws_areas_texture(&ctx, &mesh_frame));
    let meshes = picture(&mesh_frame, &textures);

    app.shown.areas = false;
    let without = picture(&draw(&ctx, &mut app, &mut textures), &textures);

    // On the map (the feed beside it scrolled with the cursor).
    let map = app.panels.map.rect();
    let differing = |a: &egui::ColorImage, b: &egui::ColorImage| {
        let (a, b) = (common::frame::crop(a, map), common::frame::crop(b, map));
        a.pixels
            .iter()
            .zip(&b.pixels)
            .filter(|(p, q)| {
                let d: i32 = (0..4)
                    .map(|k| (i32::from(p.to_array()[k]) - i32::from(q.to_array()[k])).abs())
                    .sum();
                d > 6
            })
            .count()
    };
    let total = 1280 * 800;
    let changed_by_texture = differing(&meshes, &from_texture);
    let changed_by_areas = differing(&meshes, &without);
    assert!(
        changed_by_areas > total / 50,
        "the areas cover a good part of the map ({changed_by_areas} pixels)"
    );
    assert!(
        changed_by_texture * 100 < changed_by_areas,
        "the texture differs from the meshes in {changed_by_texture} pixels; the areas \
         themselves in {changed_by_areas}"
    );
}

/// The "Reach…" menu beside the Areas checkbox sets how far a kind's areas reach (the export
/// test measures what a reach does to an area): a key on the city's field raises its reach,
/// the setting is remembered with the view, and
/// Defaults brings the default back.
#[test]
fn the_reach_menu_sets_the_areas_reach_by_kind() {
    use frontline::view::areas::AreaSettings;
    let mut h = bundled_with(on_the_11th());
    let reach = |h: &egui_kittest::Harness<frontline::app::FrontlineApp>| {
        h.state().panels.map.area_settings().clone()
    };
    assert_eq!(reach(&h), AreaSettings::default());
    h.get_by_label("Reach…").click();
    h.run();
    let city = h.get_by_label("City (km)");
    city.focus();
    h.run();
    for _ in 0..4 {
        h.key_press(egui::Key::ArrowUp);
    }
    h.run();
    let wider = reach(&h);
    assert!(
        wider.city_km > 25.0,
        "the city's reach went up: {}",
        wider.city_km
    );
    assert_eq!(wider.town_km, 15.0, "the town's did not");
    assert_eq!(
        h.state().persisted().areas,
        wider,
        "remembered with the view"
    );
    h.get_by_label("Defaults").click();
    h.run();
    assert_eq!(reach(&h), AreaSettings::default());
}
