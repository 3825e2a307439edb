//! The publishing layout in a harness: no top bar, feed, chart or button, the title and the
//! date, and no place label under its cards, at the three presets' shapes (scaled down).

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use frontline::app::publish::{Drawn, Publish};
use frontline::app::{FrontlineApp, LaunchOptions};

fn published(size: egui::Vec2, day: u32) -> Harness<'static, (FrontlineApp, Drawn)> {
    let options = LaunchOptions {
        at: chrono::NaiveDate::from_ymd_opt(2017, 11, day)
            .unwrap()
            .and_hms_opt(23, 59, 0),
        ..LaunchOptions::default()
    };
    let app = FrontlineApp::new(frontline::bundled::store(), &options, None);
    let mut h = Harness::builder()
        .with_size(size)
        .with_max_steps(64)
        .build_ui_state(
            |ui, (app, drawn): &mut (FrontlineApp, Drawn)| {
                app.publish_ui(ui, &Publish::default(), drawn)
            },
            (app, Drawn::default()),
        );
    h.run();
    h
}

#[test]
fn the_cards_say_what_and_when_and_cover_no_label() {
    for (size, day) in [
        (egui::vec2(960.0, 540.0), 9),
        (egui::vec2(540.0, 540.0), 11),
        (egui::vec2(540.0, 960.0), 11),
    ] {
        let h = published(size, day);
        let (app, drawn) = h.state();
        let (header, footer) = (drawn.header.unwrap(), drawn.footer.unwrap());
        let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, size);
        assert!(
            screen.contains_rect(header) && screen.contains_rect(footer),
            "{size:?}"
        );
        assert!(!header.intersects(footer), "{size:?}");
        let labels = app.panels.map.label_rects();
        assert!(labels.len() >= 5, "{size:?}: {} labels", labels.len());
        for label in &labels {
            assert!(
                !label.intersects(header) && !label.intersects(footer),
                "{size:?}: label {label:?} under a card"
            );
        }
        // What the cards say, and what the app's window would show but a frame does not.
        assert!(h.query_by_label_contains("Who held which town").is_some());
        let date = format!("{} Nov 2017", day);
        assert!(h.query_by_label_contains(&date).is_some(), "{size:?}");
        assert!(h.query_by_label_contains("Sources: 5 articles").is_some());
        assert!(h.query_by_label("Islamic State").is_some(), "the legend");
        for absent in ["Fit to data", "Legend +", "Events (14)", "Play"] {
            assert!(h.query_by_label(absent).is_none(), "{size:?}: {absent}");
        }
    }
}
