//! The assistant's candidates in the workbench, on an article written for the test: two
//! sentences making one claim are one row, accepted as one event with both quotes; a claim the
//! data already has is attached to its event by default; a village no gazetteer knows is
//! placed by a click on the map and saved into places.toml as placed by hand.

mod common;

use common::app::{click_at, harness, shows};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use frontline::app::workbench::ClaimMode;
use frontline::app::{Action, FrontlineApp, LaunchOptions};
use frontline::edit::{Edit, NewArticle};
use frontline::store::{DataSource, DateBasis, Precision};

const ID: &str = "army-takes-village";
const TEXT: &str = "Syrian government forces captured the village of Khirbat Umm Sulaym on \
Thursday, a military source said.\nSyrian troops seized Khirbat Umm Sulaym on Thursday after \
brief clashes, state television reported.\nSyrian government forces captured Abu Kamal on \
Thursday.\n";

/// The app on a copy of the data, with the test's article added and open in the reader.
fn with_article() -> (
    tempfile::TempDir,
    std::path::PathBuf,
    Harness<'static, FrontlineApp>,
) {
    let (tmp, root) = common::bundled_copy();
    let source = DataSource::Dir(root.clone());
    let mut app = FrontlineApp::load(&source, &LaunchOptions::default(), None);
    app.watch(source, None).unwrap();
    let mut h = harness(app);
    h.state_mut()
        .apply([Action::Edit(Edit::AddArticle(NewArticle {
            id: ID.into(),
            text: TEXT.into(),
            title: "Army takes a desert village".into(),
            outlet: Some("Test Wire".into()),
            date: chrono::NaiveDate::from_ymd_opt(2017, 11, 10),
            date_basis: DateBasis::Stated,
            date_precision: Precision::Day,
            url: None,
            language: Some("en".into()),
        }))]);
    wait_shown(&mut h);
    assert!(
        shows(&h, "Army takes a desert village"),
        "open in the reader"
    );
    (tmp, root, h)
}

/// Draws frames until the data as edited is shown (it is loaded off the window's thread).
fn wait_shown(h: &mut Harness<FrontlineApp>) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    h.run();
    while h.state().session.preview.is_loading() {
        assert!(std::time::Instant::now() < deadline);
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.step();
    }
    h.run();
}

fn count(h: &Harness<FrontlineApp>, text: &str) -> usize {
    h.query_all_by_label_contains(text).count()
}

#[test]
fn two_quotes_of_one_claim_about_an_unknown_village_become_one_event_placed_on_the_map() {
    let (_tmp, root, mut h) = with_article();
    // One row for the two sentences, with both quotes, set apart as less sure, with its rule.
    assert_eq!(count(&h, "Khirbat Umm Sulaym, unknown place: held by"), 1);
    assert!(shows(
        &h,
        "“Syrian government forces captured the village of Khirbat Umm Sulaym on Thursday”"
    ));
    assert!(shows(
        &h,
        "“Syrian troops seized Khirbat Umm Sulaym on Thursday”"
    ));
    assert!(shows(&h, "Less sure"));
    assert!(shows(&h, "Rule: “seized”") || shows(&h, "Rule: “captured”"));
    // The weaker row is listed last, scrolled to.
    h.get_all_by_label("Accept").last().unwrap().scroll_to_me();
    h.run();
    h.get_all_by_label("Accept").last().unwrap().click();
    h.run();
    assert_eq!(h.state().windows.claim.mode, ClaimMode::New);
    let form = h.state().windows.claim.form.clone().unwrap();
    assert_eq!(form.more_quotes.len(), 1, "{form:?}");
    assert!(shows(&h, "1 more quote of the same claim goes with it:"));
    assert!(shows(&h, "No gazetteer knows this place"));
    assert!(shows(
        &h,
        "no place \"Khirbat Umm Sulaym\" in the data or the regional gazetteer"
    ));

    // A click on the map, clear of the windows, places it.
    let map = h.state().panels.map.rect();
    click_at(&mut h, map.left_top() + egui::vec2(40.0, 60.0));
    h.run();
    let form = h.state().windows.claim.form.clone().unwrap();
    let (lat, lon) = frontline::edit::claim::group::coordinates(&form.coordinates)
        .unwrap_or_else(|| panic!("not placed: {:?}", form.coordinates));
    assert!(
        (25.0..45.0).contains(&lat) && (30.0..55.0).contains(&lon),
        "{lat}, {lon}"
    );
    assert!(shows(&h, "new place: Khirbat Umm Sulaym"));
    assert!(shows(&h, "placed by hand; it will be added to places.toml"));
    h.get_by_label("Add claim").click();
    wait_shown(&mut h);
    assert!(h.state().windows.claim.form.is_none());
    assert_eq!(
        h.state().store.diagnostics.error_count(),
        0,
        "{:?}",
        h.state()
            .store
            .diagnostics
            .errors()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
    );

    h.get_by_label("Save").click();
    wait_shown(&mut h);
    assert!(!h.state().session.edits.is_dirty());
    let places = std::fs::read_to_string(root.join("places.toml")).unwrap();
    assert!(places.contains("name = \"Khirbat Umm Sulaym\""), "{places}");
    assert!(places.contains("source = \"placed by hand\""));
    assert!(places.contains("# Placed by hand on the map"));
    let events = std::fs::read_to_string(root.join(format!("events/{ID}.toml"))).unwrap();
    assert_eq!(
        events.matches("[[event]]").count(),
        1,
        "one event: {events}"
    );
    assert_eq!(
        events.matches("[[event.source]]").count(),
        2,
        "both quotes: {events}"
    );
    let store = &h.state().store;
    let village = store
        .places
        .iter()
        .position(|p| p.name == "Khirbat Umm Sulaym")
        .unwrap();
    assert_eq!(store.places[village].lat, lat);
    let e = store.place_events(village);
    assert_eq!(e.len(), 1);
    assert_eq!(store.events[e[0]].quotes.len(), 2);
}

#[test]
fn a_candidate_whose_claim_is_already_an_event_is_attached_to_it_by_default() {
    let (_tmp, root, mut h) = with_article();
    let abu_kamal = common::app::place(&h, "abu_kamal");
    let event = |h: &Harness<FrontlineApp>| {
        let store = &h.state().store;
        store
            .events
            .iter()
            .position(|e| e.place == abu_kamal && e.date.to_string() == "2017-11-09")
            .unwrap()
    };
    let quotes = h.state().store.events[event(&h)].quotes.len();
    let events = h.state().store.events.len();
    // The first row is the surer Abu Kamal claim.
    assert!(shows(&h, "Abu Kamal: held by"));
    h.get_all_by_label("Accept").next().unwrap().click();
    h.run();
    let claim = &h.state().windows.claim;
    assert_eq!(claim.mode, ClaimMode::Attach, "attach, not a duplicate");
    assert_eq!(claim.matched, Some(event(&h)));
    assert!(shows(&h, "This claim is already an event"));
    assert!(shows(&h, "same claim"));
    h.get_all_by_label("Attach here").next().unwrap().click();
    wait_shown(&mut h);
    assert_eq!(h.state().store.events.len(), events, "no new event");
    assert_eq!(h.state().store.events[event(&h)].quotes.len(), quotes + 1);
    h.get_by_label("Save").click();
    wait_shown(&mut h);
    let saved = std::fs::read_to_string(root.join("events.toml")).unwrap();
    assert!(saved.contains("quote = \"Syrian government forces captured Abu Kamal on Thursday\""));
    assert!(
        !root.join(format!("events/{ID}.toml")).exists(),
        "no event of its own"
    );
}

/// Draws the workbench to PNGs for a person to look at (with `FRONTLINE_SHOTS=dir`): the
/// claim form of the unknown village placed on the map, and Add article refusing a page.
#[test]
#[ignore = "writes pictures to look at; run with FRONTLINE_SHOTS=dir"]
fn look_at_the_workbench() {
    use frontline::app::offscreen::{Offscreen, Passes, rgba};
    let Some(dir) = std::env::var_os("FRONTLINE_SHOTS").map(std::path::PathBuf::from) else {
        return;
    };
    let (_tmp, _root, h) = with_article();
    let mut app = h.into_state();
    let article = app.store.articles.iter().position(|a| a.id == ID).unwrap();
    let cs = app
        .windows
        .reader
        .as_ref()
        .unwrap()
        .open_candidates()
        .into_iter()
        .cloned();
    let village: Vec<_> = cs.filter(|c| c.place.is_none()).collect();
    app.apply([Action::AcceptCandidate {
        article,
        candidates: village,
    }]);
    app.apply([Action::MapClickedAt {
        lat: 34.41,
        lon: 40.98,
    }]);
    let mut screen = Offscreen::new(1280, 800);
    let shot = |screen: &mut Offscreen, app: &mut FrontlineApp, name: &str, passes| {
        let image = screen.frame(passes, |ui| app.ui(ui));
        let [w, h] = image.size;
        image::save_buffer(
            dir.join(name),
            &rgba(&image),
            w as u32,
            h as u32,
            image::ColorType::Rgba8,
        )
        .unwrap();
    };
    shot(&mut screen, &mut app, "claim-form.png", Passes::FIRST);
    app.windows.claim.form = None;
    let page = dir.join("page.html");
    std::fs::write(&page, format!("<p>{}</p>", "<div>".repeat(600))).unwrap();
    app.apply([Action::OpenArticleFile(page)]);
    while app.windows.add_article.is_reading() {
        shot(&mut screen, &mut app, "add-article.png", Passes::NEXT);
    }
    shot(&mut screen, &mut app, "add-article.png", Passes::NEXT);
    std::fs::write(dir.join("rawa.txt"), "Rawa retaken\n").unwrap();
    app.windows.add_article.path = dir.join("x.txt").display().to_string();
    app.windows.add_article.browse();
    shot(&mut screen, &mut app, "file-dialog.png", Passes::FIRST);
}
