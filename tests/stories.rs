//! `stories.toml`: the bundled story, and a broken file's problems (file:line and a hint)
//! with the valid steps kept.

mod common;

use frontline::store::{DataSource, Store};

#[test]
fn the_bundled_story_has_six_steps_in_order_each_on_a_date_with_events() {
    let store = frontline::bundled::store();
    assert_eq!(store.stories.len(), 1);
    let story = &store.stories[0];
    assert_eq!(story.id, "abu-kamal-week");
    assert_eq!(story.steps.len(), 6);
    assert!(story.steps.windows(2).all(|w| w[0].at <= w[1].at));
    for step in &story.steps {
        assert!(step.select.is_some() && step.centre.is_some() && step.zoom.is_some());
        assert!(
            !step.caption.is_empty() && !step.caption.contains('\n'),
            "{}",
            step.caption
        );
        // Every caption is about a day the data reports on.
        assert!(
            store.events.iter().any(|e| e.date == step.at.date()),
            "no event on {}",
            step.at
        );
    }
    assert!(
        !store
            .diagnostics
            .items
            .iter()
            .any(|d| d.file == "stories.toml")
    );
}

#[test]
fn a_broken_stories_file_names_the_line_and_keeps_what_is_valid() {
    let (_tmp, root) = common::bundled_copy();
    std::fs::write(
        root.join("stories.toml"),
        r#"# A story with one good step and two bad ones.
[[story]]
id = "s"
title = "A story"

[[story.step]]
date = "2017-11-09"
caption = "Good."

[[story.step]]
date = "2017-13-09"
caption = "A month that does not exist."

[[story.step]]
date = "2017-11-10"
select = "Abu Kamel"
caption = "A misspelt place."
"#,
    )
    .expect("write stories.toml");
    let store = Store::load(&DataSource::Dir(root));
    assert_eq!(store.stories.len(), 1);
    // The bad date drops its step; the unknown place is a warning and the step selects nothing.
    let steps = &store.stories[0].steps;
    assert_eq!(steps.len(), 2);
    assert_eq!(steps[0].caption, "Good.");
    assert_eq!(steps[1].select, None);
    assert_eq!(store.diagnostics.error_count(), 1);
    let problems: Vec<_> = store
        .diagnostics
        .items
        .iter()
        .filter(|d| d.file == "stories.toml")
        .collect();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert_eq!(problems[0].line, 11);
    assert_eq!(problems[1].line, 16);
    assert_eq!(
        problems[1].hint.as_deref(),
        Some("did you mean \"Abu Kamal\"?")
    );
}
