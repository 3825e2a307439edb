//! The map's legend at the app's usual size: folded to one strip of the actors that covers at
//! most a tenth of the map, expanded with `L` to every marker style; and a story's caption card
//! that covers no place label (nor the view controls) at any step of the bundled story. egui_kittest; no screen needed.

mod common;

use common::app::{bundled, shows};
use egui_kittest::kittest::Queryable;
use frontline::view::areas::INFERRED_NOTE;
use frontline::view::story::StoryAt;

#[test]
fn the_folded_legend_covers_at_most_a_tenth_of_the_map() {
    let h = bundled();
    let map = h.state().panels.map.rect();
    let legend = h.state().panels.map.legend_rect();
    // The strip is the legend: its toggle and every actor are in it.
    let toggle = h.get_by_label("Legend +").rect();
    assert!(legend.contains_rect(toggle), "{toggle:?} in {legend:?}");
    for actor in &h.state().store.actors {
        let entry = h.get_by_label(&actor.name).rect();
        assert!(legend.contains_rect(entry), "{} at {entry:?}", actor.name);
    }
    assert!(map.contains_rect(legend), "{legend:?} in {map:?}");
    let share = legend.area() / map.area();
    assert!(
        share <= 0.10,
        "the legend {legend:?} covers {:.1}% of the map {map:?}",
        share * 100.0
    );
    // The areas' note: a short marker, the full sentence as its label (and tooltip).
    assert!(shows(&h, INFERRED_NOTE));
    assert!(
        h.query_by_label("Contested").is_none(),
        "styles only when expanded"
    );
}

#[test]
fn the_legend_expands_with_l_and_folds_back() {
    let mut h = bundled();
    let folded = h.state().panels.map.legend_rect();
    h.key_press(egui::Key::L);
    h.run();
    assert!(h.state().shown.legend);
    assert!(h.query_by_label("Contested").is_some());
    assert!(h.query_by_label("Border crossing").is_some());
    assert!(h.state().panels.map.legend_rect().area() > 2.0 * folded.area());
    h.get_by_label("Legend −").click();
    h.run();
    assert!(!h.state().shown.legend);
    assert!(h.query_by_label("Contested").is_none());
}

#[test]
fn clicking_an_actor_in_the_strip_hides_its_places() {
    let mut h = bundled();
    let actor = h.state().store.actors[0].clone();
    h.get_by_label(&actor.name).click();
    h.run();
    assert!(h.state().filters.hidden.contains(&actor.id));
}

#[test]
fn the_caption_card_covers_no_label_at_any_step_of_the_story() {
    let mut h = bundled();
    let steps = h.state().store.stories[0].steps.len();
    assert!(steps >= 3);
    for step in 0..steps {
        h.state_mut()
            .apply([frontline::app::Action::GoToStep(StoryAt { story: 0, step })]);
        h.run();
        let map = &h.state().panels.map;
        let card = map
            .caption_rect()
            .unwrap_or_else(|| panic!("step {step}: no caption card"));
        let labels = map.label_rects();
        assert!(labels.len() >= 5, "step {step}: {} labels", labels.len());
        let covered: Vec<_> = labels.iter().filter(|l| l.intersects(card)).collect();
        assert!(
            covered.is_empty(),
            "step {step}: the card {card:?} covers labels {covered:?}"
        );
        assert!(map.rect().contains_rect(card), "step {step}: {card:?}");
        // Nor the view controls.
        for control in ["Fit to data", "OSM tiles"] {
            let rect = h.get_by_label(control).rect();
            assert!(
                !card.intersects(rect),
                "step {step}: {card:?} over {control}"
            );
        }
    }
}
