//! Clusters on a synthetic corpus with many close places: a cluster is a widget named "Cluster
//! of N places", and clicking it zooms in until its places come apart.

mod common;

use egui_kittest::kittest::Queryable;
use frontline::app::map::clusters::CLUSTER_ABOVE;
use frontline::app::{FrontlineApp, LaunchOptions};
use frontline::store::{DataSource, Store};
use frontline::synth::{self, Options};

#[test]
fn clicking_a_cluster_zooms_in_until_its_places_come_apart() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("corpus");
    let places = CLUSTER_ABOVE + 100;
    let options = Options {
        places,
        events: places * 4,
        articles: places / 2,
        seed: 11,
    };
    synth::write(&dir, &options).unwrap();
    let store = Store::load(&DataSource::Dir(dir));
    assert_eq!(store.diagnostics.error_count(), 0);
    let mut h = common::app::harness(FrontlineApp::new(store, &LaunchOptions::default(), None));

    let clusters = h.state().panels.map.clusters().to_vec();
    assert!(
        !clusters.is_empty(),
        "{places} places fitted to the map overlap somewhere"
    );
    // A clustered place has no marker of its own.
    assert_eq!(
        h.state().panels.map.place_on_screen(clusters[0].places[0]),
        None
    );
    let target = clusters
        .iter()
        .max_by_key(|c| c.places.len())
        .expect("a cluster")
        .clone();
    let label = format!("Cluster of {} places", target.places.len());
    assert!(
        h.query_all_by_label(&label).next().is_some(),
        "no widget labelled {label}"
    );
    let zoom_before = h.state().panels.map.memory.zoom();
    common::app::click_at(&mut h, target.centre);
    h.run();
    let zoom_after = h.state().panels.map.memory.zoom();
    assert_eq!(zoom_after, zoom_before + f64::from(target.split_steps));
    // Its places now stand apart: no cluster holds two of them.
    for c in h.state().panels.map.clusters() {
        let shared = c
            .places
            .iter()
            .filter(|p| target.places.contains(p))
            .count();
        assert!(
            shared <= 1,
            "{shared} of the cluster's places still together"
        );
    }
}
