//! Stories and "what changed" in the app: a story steps forward and back and the cursor, the
//! selection, the map's view and the hidden actors follow; a story written in the app (a step
//! from the current view, its caption) is saved into stories.toml, and undone; the comparison
//! of two dates lists the places that changed.

mod common;

use chrono::NaiveDate;
use common::app::{bundled, harness, place, shows};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use frontline::app::{Action, FrontlineApp, LaunchOptions};
use frontline::store::{DataSource, Store};
use frontline::view::story::StoryAt;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2017, 11, d).expect("a day")
}

/// The map's centre `[lat, lon]` and zoom.
fn view(h: &egui_kittest::Harness<frontline::app::FrontlineApp>) -> ([f64; 2], f64) {
    let memory = &h.state().panels.map.memory;
    let centre = memory.detached().expect("a step puts the map somewhere");
    ([centre.y(), centre.x()], memory.zoom())
}

#[test]
fn a_story_steps_forward_and_back_and_the_cursor_selection_and_view_follow() {
    let mut h = bundled();
    let (abu_kamal, al_qaim) = (place(&h, "abu_kamal"), place(&h, "al_qaim"));
    assert!(h.state().story.at.is_none());

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
    assert_eq!(h.state().story.at.map(|s| s.step), Some(0));

    h.get_by_label("Close story").click();
    h.run();
    assert!(h.state().story.at.is_none());
    assert!(!shows(&h, "Step 1 of 6"));
}

#[test]
fn what_changed_between_8_and_12_november_lists_abu_kamal() {
    let mut h = bundled();
    h.get_by_label("What changed").click();
    h.run();
    assert!(h.state().windows.compared.is_some());
    // Type the dates over the ones shown.
    set_field(&mut h, "From", "2017-11-08");
    set_field(&mut h, "to", "2017-11-12");
    h.get_by_label("Compare").click();
    h.run();
    let compared = h.state().windows.compared.as_ref().expect("compared");
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

fn on_dir(root: &std::path::Path) -> Harness<'static, FrontlineApp> {
    let source = DataSource::Dir(root.to_owned());
    let mut app = FrontlineApp::load(&source, &LaunchOptions::default(), None);
    app.watch(source, None).unwrap();
    harness(app)
}

fn has_marker(h: &Harness<FrontlineApp>, name: &str) -> bool {
    h.query_by_role_and_label(Role::Button, name).is_some()
}

fn hidden(h: &Harness<FrontlineApp>) -> Vec<String> {
    h.state().filters.hidden.iter().cloned().collect()
}

#[test]
fn a_step_added_from_the_current_view_is_captioned_saved_and_read_back() {
    let (_tmp, root) = common::bundled_copy();
    let before = std::fs::read_to_string(root.join("stories.toml")).unwrap();
    let mut h = on_dir(&root);
    let abu_kamal = place(&h, "abu_kamal");
    let evening = day(11).and_hms_opt(23, 59, 59).unwrap();
    h.state_mut()
        .apply([Action::SetCursor(evening), Action::Select(Some(abu_kamal))]);
    h.run();
    h.get_by_role_and_label(Role::CheckBox, "Iraqi government forces")
        .click();
    h.run();

    h.get_by_label("Stories (1)").click();
    h.run();
    h.get_by_label("Write stories").click();
    h.run();
    h.get_by_label("New story…").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Title").focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Title")
        .type_text("Abu Kamal retaken");
    h.run();
    h.get_by_label("Create story").click();
    h.run();
    assert!(shows(&h, "No steps yet"));
    assert_eq!(h.state().stories().len(), 2);

    h.get_by_label("Add step from the current view").click();
    h.run();
    assert_eq!(h.state().story.at, Some(StoryAt { story: 1, step: 0 }));
    assert!(shows(&h, "1. Sat 11 Nov 2017 · Abu Kamal"));
    let caption = "Daesh recaptured Bukamal, two days after losing it.";
    let field = "Caption of step 1";
    h.get_by_role_and_label(Role::MultilineTextInput, field)
        .focus();
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, field)
        .type_text(caption);
    h.run();
    h.get_by_label("Set caption").click();
    h.run();
    assert_eq!(h.state().stories()[1].steps[0].caption, caption);
    assert!(shows(&h, "unsaved changes"));
    assert_eq!(
        std::fs::read_to_string(root.join("stories.toml")).unwrap(),
        before,
        "nothing is written before the save"
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(!shows(&h, "unsaved changes"));
    let after = std::fs::read_to_string(root.join("stories.toml")).unwrap();
    assert!(
        after.starts_with(&before),
        "comments and layout kept:\n{after}"
    );
    for store in [
        &h.state().store,
        &Store::load(&DataSource::Dir(root.clone())),
    ] {
        let story = &store.stories[1];
        assert_eq!(
            (story.id.as_str(), story.title.as_str()),
            ("abu-kamal-retaken", "Abu Kamal retaken")
        );
        let step = &story.steps[0];
        assert_eq!(step.caption, caption);
        assert_eq!(step.at, evening);
        assert_eq!(step.select, Some(abu_kamal));
        let hidden: Vec<&str> = step
            .hidden_actors
            .iter()
            .map(|&a| store.actors[a].id.as_str())
            .collect();
        assert_eq!(hidden, ["iraqi_government"]);
        let (centre, zoom) = view(&h);
        assert!(
            (step.centre.unwrap()[0] - centre[0]).abs() < 1e-3,
            "{:?}",
            step.centre
        );
        assert!((step.zoom.unwrap() - zoom).abs() < 0.06);
    }
}

#[test]
fn an_added_step_is_undone_and_redone() {
    let mut h = bundled();
    h.key_press(Key::PageDown);
    h.run();
    let steps = |h: &Harness<FrontlineApp>| h.state().stories()[0].steps.len();
    assert_eq!(steps(&h), 6);
    h.get_by_label("Write stories").click();
    h.run();
    h.get_by_label("Add step from the current view").click();
    h.run();
    assert_eq!(steps(&h), 7);
    assert_eq!(h.state().story.at, Some(StoryAt { story: 0, step: 6 }));
    assert!(shows(&h, "Step 7 of 7"));

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(steps(&h), 6);
    assert!(h.state().story.at.is_none(), "the step shown is gone");
    assert!(!h.state().session.edits.is_dirty());
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(steps(&h), 7);
}

#[test]
fn a_steps_hidden_actors_are_applied_and_closing_the_story_restores_the_users() {
    let (_tmp, root) = common::bundled_copy();
    // Step 4, Saturday 11 November: Abu Kamal is held by Islamic State again.
    common::edit(
        &root,
        "stories.toml",
        "date = \"2017-11-11\"\nselect = \"abu_kamal\"",
        "date = \"2017-11-11\"\nselect = \"abu_kamal\"\nhidden_actors = [\"islamic_state\"]",
    );
    let mut h = on_dir(&root);
    h.get_by_role_and_label(Role::CheckBox, "Syrian Democratic Forces")
        .click();
    h.run();
    assert_eq!(hidden(&h), ["sdf"]);

    h.key_press(Key::PageDown);
    h.run();
    assert!(has_marker(&h, "Deir ez-Zor"));
    h.get_by_label("4. Sat 11 Nov 2017 · Abu Kamal").click();
    h.run();
    assert_eq!(hidden(&h), ["islamic_state"]);
    // IS's places are hidden, but for the place the step selects (Abu Kamal).
    assert!(!has_marker(&h, "Rawa"), "IS's places are hidden");
    assert!(has_marker(&h, "Abu Kamal"), "the selected place stays");
    assert!(shows(&h, "On the map: Islamic State hidden."));
    assert!(
        h.state().persisted().filters.hidden.contains("sdf"),
        "the user's own filters are what is remembered"
    );
    // The next step hides nobody.
    h.key_press(Key::PageDown);
    h.run();
    assert!(hidden(&h).is_empty());
    assert!(has_marker(&h, "Rawa"));

    h.get_by_label("Close story").click();
    h.run();
    assert_eq!(hidden(&h), ["sdf"], "the user's filters are back");
}
