//! UI tests of reading the map: filters (hiding an actor, stated only), the place search, the
//! legend overlay, folding the side panels away, Arabic names, and what `--at` outside the data
//! says. egui_kittest, by accessible label; no screen needed.

mod common;

use chrono::{NaiveDate, NaiveDateTime};
use common::app::{bundled as harness, bundled_with as harness_with, place, shows};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use frontline::app::control_chart::ControlChart;
use frontline::app::{FrontlineApp, LaunchOptions};
use frontline::view::bidi;

fn day(d: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2017, 11, d)
        .unwrap()
        .and_hms_opt(23, 59, 0)
        .unwrap()
}

fn at(d: u32) -> LaunchOptions {
    LaunchOptions {
        at: Some(day(d)),
        ..LaunchOptions::default()
    }
}

fn has_marker(h: &Harness<FrontlineApp>, name: &str) -> bool {
    h.query_by_role_and_label(Role::Button, name).is_some()
}

fn lanes(h: &Harness<FrontlineApp>) -> Vec<usize> {
    let app = h.state();
    ControlChart::shown_lanes(&app.store, app.scene())
}

#[test]
fn hiding_an_actor_removes_its_markers_and_lanes() {
    // On 11 Nov the Islamic State holds Abu Kamal again and Rawa; the government holds Deir ez-Zor.
    let mut h = harness_with(at(11));
    let (ak, deir) = (place(&h, "abu_kamal"), place(&h, "deir_ez_zor"));
    assert!(has_marker(&h, "Abu Kamal") && has_marker(&h, "Deir ez-Zor"));
    assert!(lanes(&h).contains(&ak));

    h.get_by_role_and_label(Role::CheckBox, "Islamic State")
        .click();
    h.run();
    assert!(!has_marker(&h, "Abu Kamal"), "IS's marker is hidden");
    assert!(!has_marker(&h, "Rawa"));
    assert!(has_marker(&h, "Deir ez-Zor"), "others stay");
    assert!(!lanes(&h).contains(&ak), "and its chart lane");
    assert!(lanes(&h).contains(&deir));
    assert!(
        h.state()
            .persisted()
            .filters
            .hidden
            .contains("islamic_state"),
        "remembered"
    );

    // Clicked again, it is back.
    h.get_by_role_and_label(Role::CheckBox, "Islamic State")
        .click();
    h.run();
    assert!(has_marker(&h, "Abu Kamal"));
    assert!(lanes(&h).contains(&ak));
}

#[test]
fn the_command_line_hides_actors_and_inferred_states() {
    let h = harness_with(LaunchOptions {
        at: Some(day(4)),
        hide: vec!["Daesh".into()],
        ..LaunchOptions::default()
    });
    assert!(!has_marker(&h, "Abu Kamal"), "hidden by an alias of IS");
    // Rawa is held by IS by inference on 3 Nov: "stated only" hides it, the S key shows it.
    let mut h = harness_with(LaunchOptions {
        at: Some(day(4)),
        stated_only: true,
        ..LaunchOptions::default()
    });
    assert!(!has_marker(&h, "Rawa"));
    assert!(has_marker(&h, "Abu Kamal"), "stated");
    h.key_press(egui::Key::S);
    h.run();
    assert!(has_marker(&h, "Rawa"));
}

/// Types into the search field and presses Enter.
fn search(h: &mut Harness<FrontlineApp>, text: &str) {
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run();
    h.get_by_label("Search places").type_text(text);
    h.run();
}

#[test]
fn search_selects_a_place_by_an_arabic_alias_and_by_a_misspelling() {
    let mut h = harness();
    let (ak, rawa) = (place(&h, "abu_kamal"), place(&h, "rawa"));
    search(&mut h, "البوكمال");
    // The drop-down lists the match as you type, with the alias that matched.
    assert!(shows(&h, "Abu Kamal ("), "a drop-down of matches");
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(h.state().selected, Some(ak));

    search(&mut h, "Raawa");
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(h.state().selected, Some(rawa), "fuzzy");
    // Brought into view: the map is centred on it.
    let pos = h.state().panels.map.place_on_screen(rawa).unwrap();
    let map = h.state().panels.map.rect();
    assert!((pos - map.center()).length() < 2.0, "{pos:?} in {map:?}");
}

#[test]
fn the_legend_overlay_collapses() {
    let mut h = harness();
    assert!(h.query_by_label("Contested").is_none(), "folded to a strip");
    h.key_press(egui::Key::L);
    h.run();
    assert!(h.query_by_label("Contested").is_some(), "expanded with L");
    h.get_by_label("Legend −").click();
    h.run();
    assert!(h.query_by_label("Contested").is_none(), "folded");
    assert!(
        h.query_by_label("Islamic State").is_some(),
        "the strip keeps the actors"
    );
    assert!(!h.state().shown.legend);
}

#[test]
fn the_side_panels_and_the_chart_fold_away_and_the_map_grows() {
    let mut h = harness();
    let before = h.state().panels.map.rect();
    assert!(before.width() < 700.0, "{before:?}");
    h.get_by_role_and_label(Role::Button, "Events").click();
    h.run();
    h.key_press(egui::Key::P);
    h.run();
    let wider = h.state().panels.map.rect();
    assert!(wider.width() > 1200.0, "{wider:?}");
    assert!(h.query_by_label("No place selected").is_none());
    h.key_press(egui::Key::C);
    h.run();
    let taller = h.state().panels.map.rect();
    assert!(taller.height() > before.height() + 100.0, "{taller:?}");
    let saved = h.state().persisted();
    let off = |name: &str| saved.shown.get(name) == Some(&false);
    assert!(off("feed") && off("place") && off("chart"));
    // Remembered into the next run.
    let app = FrontlineApp::new(
        frontline::bundled::store(),
        &LaunchOptions::default(),
        Some(saved),
    );
    assert!(!app.shown.feed && !app.shown.place && !app.shown.chart);
}

#[test]
fn arabic_names_are_shown_in_visual_order() {
    let h = harness_with(LaunchOptions {
        select: Some("Abu Kamal".into()),
        ..at(11)
    });
    assert!(shows(&h, "Arabic: "), "the Arabic names are listed");
    // Each in the order egui must be given it: the words of "أبو كمال" right to left.
    assert!(shows(&h, &bidi::visual_order("أبو كمال")));
    assert!(shows(&h, "البوكمال"));
}

#[test]
fn a_date_outside_the_data_is_said_to_be_clamped() {
    let h = harness_with(LaunchOptions {
        at: NaiveDate::from_ymd_opt(2014, 6, 1).and_then(|d| d.and_hms_opt(23, 59, 0)),
        ..LaunchOptions::default()
    });
    assert!(
        shows(&h, "--at 2014-06-01 is before the data"),
        "the status line says it"
    );
    assert_eq!(h.state().replay.cursor, h.state().replay.start);
}

/// The map of a frame of `export video ARGS` on 9 November, drawn offscreen as the video
/// draws it, above the legend (whose samples use the actors' colours): how many pixels are of
/// the Syrian government's red.
fn video_frame_red(args: &[&str]) -> usize {
    use clap::Parser;
    use frontline::cli::{Cli, Command};
    let argv = ["frontline", "export", "video", "--out", "replay.gif"];
    let cli = Cli::try_parse_from(argv.iter().chain(args)).expect("the arguments parse");
    let Some(Command::Export(export)) = cli.command else {
        panic!("not an export");
    };
    let mut options = frontline::cli::export::video_launch_options(&export);
    // The frame's instant: the video moves the cursor frame by frame.
    options.at = Some(day(9));
    let store = frontline::bundled::store();
    let [r, g, b] = store
        .actors
        .iter()
        .find(|a| a.id == "syrian_government")
        .unwrap()
        .colour;
    // Drawn as the video draws its frames: offscreen, at 1280x800, no pointer.
    let frame = frontline::app::screenshot::draw(store, &options, None, 1280, 800);
    // The map between the feed and the place panel, above its legend (bottom left).
    let map = egui::Rect::from_min_max(egui::pos2(260.0, 30.0), egui::pos2(880.0, 410.0));
    let map = common::frame::crop(&frame, map);
    common::frame::count_near(&map, egui::Color32::from_rgb(r, g, b), 24)
}

#[test]
fn a_video_frame_leaves_out_the_colour_of_an_actor_export_video_hides() {
    // The government holds Abu Kamal and Deir ez-Zor on 9 November: its red is on the map.
    let shown = video_frame_red(&[]);
    assert!(shown > 50, "{shown} red pixels");
    assert_eq!(video_frame_red(&["--hide", "syrian_government"]), 0);
    // Other filters leave it: stated only hides none of its states that day.
    assert!(video_frame_red(&["--stated-only", "--hide", "sdf"]) > 50);
}

#[test]
fn the_attribution_keeps_clear_of_the_legend() {
    let mut h = harness();
    for expanded in [false, true] {
        assert_eq!(h.state().shown.legend, expanded);
        let attribution = h.get_by_label_contains("Basemap: Natural Earth").rect();
        let legend = h.state().panels.map.legend_rect();
        assert!(legend.is_positive());
        assert!(
            !attribution.intersects(legend),
            "{attribution:?} overlaps the legend {legend:?}"
        );
        assert!(h.state().panels.map.rect().contains_rect(attribution));
        h.key_press(egui::Key::L);
        h.run();
    }
}
