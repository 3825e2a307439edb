//! The app on a synthetic corpus too large for a widget per marker: clicking still selects
//! the marker under the pointer, and moving the cursor still changes what is drawn.

mod common;

use common::app::click_at;
use egui_kittest::Harness;
use frontline::app::map::markers::MAX_MARKER_WIDGETS;
use frontline::app::{FrontlineApp, LaunchOptions};
use frontline::store::{DataSource, Store};
use frontline::synth::{self, Options};

fn harness(places: usize) -> (tempfile::TempDir, Harness<'static, FrontlineApp>) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("corpus");
    let options = Options {
        places,
        events: places * 4,
        articles: places / 2,
        seed: 7,
    };
    synth::write(&dir, &options).unwrap();
    let store = Store::load(&DataSource::Dir(dir));
    assert_eq!(store.diagnostics.error_count(), 0, "the corpus is valid");
    let app = FrontlineApp::new(store, &LaunchOptions::default(), None);
    (tmp, common::app::harness(app))
}

#[test]
fn clicking_a_marker_among_hundreds_selects_the_place_under_the_pointer() {
    let places = MAX_MARKER_WIDGETS + 100;
    let (_tmp, mut h) = harness(places);
    assert_eq!(h.state().selected, None);
    // The central panel's middle is map, whatever the panels around it.
    // (Above the legend, which is at the foot of the central panel.)
    let map = egui::Rect::from_min_max(egui::pos2(340.0, 120.0), egui::pos2(850.0, 430.0));
    // Fitted to the data, overlapping markers are drawn as clusters: zoom in until some
    // marker in the middle stands alone.
    let free = |h: &Harness<'static, FrontlineApp>| {
        (0..places)
            .filter_map(|p| Some((p, h.state().panels.map.place_on_screen(p)?)))
            .find(|(_, at)| map.contains(*at))
    };
    for _ in 0..6 {
        if free(&h).is_some() {
            break;
        }
        h.state_mut().panels.map.zoom_by(1);
        h.run();
    }
    let target = free(&h).expect("some marker in the middle of the map");
    // With many markers on screen they are not widgets: the click is hit-tested against the
    // drawn markers.
    click_at(&mut h, target.1);
    let selected = h.state().selected.expect("a place is selected");
    let at = h.state().panels.map.place_on_screen(selected).unwrap();
    assert!(
        (at - target.1).length() <= 12.0,
        "the selected place ({selected}, at {at:?}) is the one under the pointer ({:?})",
        target.1
    );
}
