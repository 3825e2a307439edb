//! Time as the sources give it, on the bundled data with three written articles added
//! (`tests/fixtures/time`): a capture dated a day earlier by one wire story (a dispute), a
//! recapture "earlier this month" (it corroborates the precise one) and a capture of Rawa of no
//! single day (an uncertain window), and Raqqa captured on a Tuesday (the bundled "this year"
//! joins it instead of replacing it).

mod common;

use std::path::Path;

use assert_cmd::Command;

fn run(root: &Path, args: &[&str]) -> String {
    let out = Command::cargo_bin("frontline")
        .unwrap()
        .args(args)
        .arg("--data")
        .arg(root)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn state(root: &Path, at: &str, place: &str) -> serde_json::Value {
    let all: serde_json::Value =
        serde_json::from_str(&run(root, &["state", "--at", at, "--json"])).unwrap();
    all.as_array()
        .unwrap()
        .iter()
        .find(|s| s["place"] == place)
        .unwrap()
        .clone()
}

#[test]
fn two_sources_two_days_is_a_dispute_with_its_versions() {
    let (_tmp, root) = common::time_fixture();
    let s = state(&root, "2017-11-08", "abu_kamal");
    assert_eq!(s["status"], "disputed");
    let v = s["versions"].as_array().unwrap();
    assert_eq!(v.len(), 2);
    assert_eq!(v[0]["holder"], "syrian_government");
    assert_eq!(v[0]["since"], "2017-11-08");
    assert_eq!(v[0]["articles"], serde_json::json!(["wire-2017-11-08"]));
    assert_eq!(v[1]["holder"], "islamic_state");
    assert_eq!(v[1]["articles"].as_array().unwrap().len(), 3);
    // From the 9th the sources agree again, and the week of Abu Kamal is as it was.
    let s = state(&root, "2017-11-09", "abu_kamal");
    assert_eq!(
        (s["status"].as_str(), s["holder"].as_str()),
        (Some("held"), Some("syrian_government"))
    );
    assert!(s.get("versions").is_none());
    assert_eq!(
        state(&root, "2017-11-11", "abu_kamal")["holder"],
        "islamic_state"
    );
    let q = run(&root, &["quotes", "abu kamal"]);
    assert!(
        q.contains("disputed from Wed 8 Nov to Thu 9 Nov 2017"),
        "{q}"
    );
    assert!(q.contains("Wire, Wed 8 Nov: captured Wed 8 Nov"), "{q}");
    assert!(
        q.contains("3 articles of Sun 12 Nov: captured Thu 9 Nov"),
        "{q}"
    );
}

#[test]
fn a_month_joins_the_day_it_holds_and_a_year_the_capture_it_agrees_with() {
    let (_tmp, root) = common::time_fixture();
    // Never held by IS "since Wed 1 Nov": the recapture stays the 11th's, one source more.
    let s = state(&root, "2017-11-05", "abu_kamal");
    assert_eq!(s["holder"], "islamic_state");
    assert_eq!(s["since"], "2017-11-03");
    let s = state(&root, "2017-11-11", "abu_kamal");
    assert_eq!(
        (s["since"].as_str(), s["sources"].as_u64()),
        (Some("2017-11-11"), Some(12))
    );
    let q = run(&root, &["quotes", "abu kamal"]);
    assert!(
        q.contains("also reported, as 'earlier this month', by Gazette, Mon 20 Nov"),
        "{q}"
    );
    assert!(
        q.contains("earlier this month: Nov 2017, by Mon 20 Nov"),
        "{q}"
    );
    // Held by the SDF says more than no longer held by IS: it stays.
    let s = state(&root, "2017-11-12", "raqqa");
    assert_eq!(
        (s["holder"].as_str(), s["since"].as_str()),
        (Some("sdf"), Some("2017-10-17"))
    );
}

#[test]
fn a_vague_change_that_matches_nothing_is_an_uncertain_window_and_check_notes_it() {
    let (_tmp, root) = common::time_fixture();
    let s = state(&root, "2017-11-15", "rawa");
    assert_eq!(s["holder"], "islamic_state");
    assert_eq!(
        s["uncertain"],
        serde_json::json!({"from": "2017-11-11", "to": "2017-11-19"})
    );
    let s = state(&root, "2017-11-20", "rawa");
    assert_eq!(s["holder"], "iraqi_government");
    assert!(s.get("uncertain").is_none());
    let table = run(&root, &["state", "--at", "2017-11-15"]);
    assert!(
        table.contains("changed hands between Sat 11 and Sun 19 Nov"),
        "{table}"
    );
    let check = run(&root, &["check"]);
    assert!(check.contains("0 errors, 0 warnings, 2 notes"), "{check}");
    let gh = run(&root, &["check", "--format", "github"]);
    assert_eq!(
        gh.lines().filter(|l| l.starts_with("::notice ")).count(),
        2,
        "{gh}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&run(&root, &["check", "--format", "json"])).unwrap();
    assert!(
        json.as_array()
            .unwrap()
            .iter()
            .all(|p| p["severity"] == "note")
    );
}

#[test]
fn a_preferred_version_settles_the_dispute() {
    let (_tmp, root) = common::time_fixture();
    common::edit(
        &root,
        "events/wire-2017-11-08.toml",
        "kind = \"capture\"",
        "kind = \"capture\"\nrank = \"deprecated\"\nrank_reason = \"one commander's word\"",
    );
    let s = state(&root, "2017-11-08", "abu_kamal");
    assert_eq!(
        (s["status"].as_str(), s["holder"].as_str()),
        (Some("held"), Some("islamic_state"))
    );
    let q = run(&root, &["quotes", "abu kamal"]);
    assert!(q.contains("set aside: one commander's word"), "{q}");
    assert!(!run(&root, &["check"]).contains("sources disagree"));
}

/// The edit that resolves a dispute: written by the workbench's edit session with toml_edit,
/// undone and redone there, and read back by the store.
#[test]
fn resolving_a_dispute_is_an_edit_that_can_be_undone() {
    use frontline::edit::{Edit, EditSession, EventRef, Snapshot};
    use frontline::store::{DataSource, Rank, Store};
    let (_tmp, root) = common::time_fixture();
    let mut s = EditSession::new(Snapshot::open(root.clone()).unwrap());
    s.push(Edit::SetRank {
        event: EventRef {
            file: "events/wire-2017-11-08.toml".into(),
            index: 0,
        },
        rank: Rank::Deprecated,
        reason: Some("one commander's word".into()),
    });
    assert!(s.undo().is_some());
    assert!(!s.is_dirty());
    assert!(s.redo().is_some());
    s.save().unwrap();
    let text = std::fs::read_to_string(root.join("events/wire-2017-11-08.toml")).unwrap();
    assert!(
        text.contains("rank = \"deprecated\"\nrank_reason = \"one commander's word\""),
        "{text}"
    );
    let store = Store::load(&DataSource::Dir(root.clone()));
    let wire = store
        .events
        .iter()
        .find(|e| e.date.to_string() == "2017-11-08")
        .unwrap();
    assert!(wire.set_aside);
    assert_eq!(wire.rank, Rank::Deprecated);
    let s8 = state(&root, "2017-11-08", "abu_kamal");
    assert_eq!(s8["holder"], "islamic_state");
}

/// The wire deprecated: its earlier day is set aside, the place is held from
/// Thursday as the bundled articles say, and nothing is disputed any more.
#[test]
fn a_ranked_version_wins_either_way_and_the_other_is_set_aside() {
    use frontline::store::{DataSource, Rank, Store};
    let (_tmp, root) = common::time_fixture();
    common::edit(
        &root,
        "events/wire-2017-11-08.toml",
        "kind = \"capture\"",
        "kind = \"capture\"\nrank = \"deprecated\"\nrank_reason = \"three outlets say Thursday\"",
    );
    let store = Store::load(&DataSource::Dir(root.clone()));
    assert_eq!(store.timeline.all_disputes().count(), 0);
    let wire = store
        .events
        .iter()
        .position(|e| e.date.to_string() == "2017-11-08")
        .unwrap();
    assert!(store.events[wire].set_aside);
    assert_eq!(
        frontline::present::standing_sentence(&store.events[wire]).as_deref(),
        Some("set aside: three outlets say Thursday")
    );
    assert_eq!(
        frontline::present::event_window_tag(&store, wire),
        Some("set aside")
    );
    // It stays in the place's claims for a reader, after the history's own.
    let ak = store.events[wire].place;
    assert!(frontline::present::place_claims(&store, ak).contains(&wire));
    assert!(!store.place_events(ak).contains(&wire));
    let s8 = state(&root, "2017-11-08", "abu_kamal");
    assert_eq!(s8["holder"], "islamic_state");

    // The earlier version preferred instead: it stands from Wednesday, the Thursday claim is
    // set aside, and the place is no longer disputed.
    let (_tmp, root) = common::time_fixture();
    common::edit(
        &root,
        "events/wire-2017-11-08.toml",
        "kind = \"capture\"",
        "kind = \"capture\"\nrank = \"preferred\"\nrank_reason = \"the commander was there\"",
    );
    let store = Store::load(&DataSource::Dir(root.clone()));
    assert_eq!(store.timeline.all_disputes().count(), 0);
    let thursday: Vec<&frontline::store::Event> = store
        .events
        .iter()
        .filter(|e| e.date.to_string() == "2017-11-09" && e.place == ak)
        .collect();
    assert!(thursday.iter().any(|e| e.set_aside), "the Thursday claim");
    let wire = store
        .events
        .iter()
        .find(|e| e.date.to_string() == "2017-11-08")
        .unwrap();
    assert_eq!(wire.rank, Rank::Preferred);
    assert_eq!(
        frontline::present::standing_sentence(wire).as_deref(),
        Some("resolved: the commander was there")
    );
    let s8 = state(&root, "2017-11-08", "abu_kamal");
    assert_eq!(
        (
            s8["status"].as_str(),
            s8["holder"].as_str(),
            s8["since"].as_str()
        ),
        (Some("held"), Some("syrian_government"), Some("2017-11-08"))
    );
}

/// The words the place panel, the feed and "What changed" use for the dispute and the window.
#[test]
fn a_dispute_and_a_window_in_words() {
    use frontline::present;
    use frontline::store::{DataSource, Store};
    let (_tmp, root) = common::time_fixture();
    let store = Store::load(&DataSource::Dir(root));
    let place = |id: &str| store.places.iter().position(|p| p.id == id).unwrap();
    let d = present::place_disputes(&store, place("abu_kamal"));
    assert_eq!(d.len(), 1);
    let [a, b] = d[0].versions.map(|v| present::version_words(&store, &v));
    assert_eq!(
        (a.sources.as_str(), a.claim.as_str()),
        ("Wire, Wed 8 Nov", "captured Wed 8 Nov · Syrian gov.")
    );
    assert_eq!(
        a.articles,
        ["Wire, Wed 8 Nov: Alliance says it holds Abu Kamal"]
    );
    assert_eq!(
        (b.sources.as_str(), b.claim.as_str()),
        (
            "3 articles of Sun 12 Nov",
            "captured Thu 9 Nov · Syrian gov. (IS until then)"
        )
    );
    assert_eq!(b.articles.len(), 3);
    assert_eq!((a.standing, b.standing), (None, None));
    let u = present::place_uncertain(&store, place("rawa"));
    assert_eq!(u.len(), 1);
    assert_eq!(
        present::uncertain_line(&store, place("rawa"), &u[0]),
        "Rawa: changed hands between Sat 11 and Sun 19 Nov (to Iraqi gov.)"
    );
    let at = |d: u32| {
        chrono::NaiveDate::from_ymd_opt(2017, 11, d)
            .unwrap()
            .and_hms_opt(0, 0, 0)
            .unwrap()
    };
    // Both overlap 8–20 Nov; only the window overlaps 14–15 Nov; nothing overlaps 3–4 Nov.
    assert_eq!(present::windows_between(&store, at(8), at(20)).len(), 2);
    let mid = present::windows_between(&store, at(14), at(15));
    assert_eq!(mid.len(), 1);
    assert!(mid[0].1.starts_with("Rawa: "));
    assert!(present::windows_between(&store, at(3), at(4)).is_empty());
}

#[test]
fn the_stories_list_says_which_places_are_disputed_or_uncertain_at_a_step() {
    use frontline::present;
    use frontline::store::stories::Step;
    use frontline::store::{DataSource, Store};
    let (_tmp, root) = common::time_fixture();
    let store = Store::load(&DataSource::Dir(root));
    let step = |d: u32| Step {
        at: chrono::NaiveDate::from_ymd_opt(2017, 11, d)
            .unwrap()
            .and_hms_opt(23, 59, 0)
            .unwrap(),
        select: None,
        centre: None,
        zoom: None,
        hidden_actors: Vec::new(),
        caption: String::new(),
        position: 0,
    };
    let on_8th = present::story_step_label(&store, &step(8), 0);
    assert!(on_8th.ends_with(" · disputed: Abu Kamal"), "{on_8th}");
    let on_15th = present::story_step_label(&store, &step(15), 1);
    assert!(on_15th.ends_with(" · uncertain: Rawa"), "{on_15th}");
    let on_4th = present::story_step_label(&store, &step(4), 2);
    assert!(
        !on_4th.contains("disputed") && !on_4th.contains("uncertain"),
        "{on_4th}"
    );
}
