//! The event store on the bundled data: it loads cleanly, every quote is anchored where it
//! says, and the state of each place before, at and after its changes is what the articles say.

use std::path::PathBuf;
use std::sync::LazyLock;

use chrono::{NaiveDate, NaiveDateTime};
use frontline::store::{
    ActorIx, Control, DataSource, Lookup, PlaceIx, PlaceState, Severity, Store,
};

static STORE: LazyLock<Store> = LazyLock::new(frontline::bundled::store);

fn store() -> &'static Store {
    &STORE
}

fn place(id: &str) -> PlaceIx {
    store()
        .places
        .iter()
        .position(|p| p.id == id)
        .unwrap_or_else(|| panic!("no place with id {id}"))
}

fn actor(id: &str) -> ActorIx {
    store()
        .actors
        .iter()
        .position(|a| a.id == id)
        .unwrap_or_else(|| panic!("no actor with id {id}"))
}

/// `2017-11-09T00:00:00` or `2017-11-09T00:00`.
fn t(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S")
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M"))
        .unwrap_or_else(|e| panic!("bad instant {s}: {e}"))
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn state(place_id: &str, at: &str) -> PlaceState {
    store().state_at(place(place_id), t(at))
}

fn held(actor_id: &str) -> Option<Control> {
    Some(Control::Held(actor(actor_id)))
}

fn contested(a: &str, b: &str) -> Option<Control> {
    Some(Control::contested(actor(a), actor(b)))
}

/// Asserts the control of a place at each of the given instants.
fn assert_control(place_id: &str, expected: &[(&str, Option<Control>)]) {
    for (at, want) in expected {
        let got = state(place_id, at).control;
        assert_eq!(
            got,
            *want,
            "{place_id} at {at}: got {}, want {}",
            store().describe(got),
            store().describe(*want)
        );
    }
}

fn format_diagnostics(s: &Store) -> String {
    s.diagnostics
        .items
        .iter()
        .map(|d| format!("{d}\n"))
        .collect()
}

// ---------------------------------------------------------------- loading

#[test]
fn bundled_data_loads_without_errors_or_warnings() {
    let s = store();
    assert_eq!(s.diagnostics.error_count(), 0, "{}", format_diagnostics(s));
    assert_eq!(
        s.diagnostics.warning_count(),
        0,
        "{}",
        format_diagnostics(s)
    );
    assert_eq!(s.articles.len(), 5);
    assert_eq!(s.places.len(), 13);
    assert_eq!(s.actors.len(), 5);
    assert!(!s.events.is_empty());
    assert_eq!(s.origin, "the bundled data");
}

#[test]
fn the_data_directory_on_disk_loads_the_same_as_the_bundled_data() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
    let disk = Store::load(&DataSource::Dir(dir.clone()));
    let bundled = store();
    assert!(
        disk.diagnostics.items.is_empty(),
        "{}",
        format_diagnostics(&disk)
    );
    assert_eq!(disk.origin, dir.display().to_string());
    assert_eq!(disk.places, bundled.places);
    assert_eq!(disk.actors, bundled.actors);
    assert_eq!(disk.articles, bundled.articles);
    assert_eq!(disk.events, bundled.events);
    assert_eq!(
        frontline::present::summary(&disk),
        frontline::present::summary(bundled)
    );
}

#[test]
fn events_are_in_chronological_order() {
    let s = store();
    assert!(s.events.windows(2).all(|w| w[0].at <= w[1].at));
}

#[test]
fn every_quote_is_anchored_at_its_byte_and_char_offsets() {
    let s = store();
    // The quotes as written in the annotations: the byte offsets must point at one of them.
    let events: toml::Value = toml::from_str(
        &std::fs::read_to_string(
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/events.toml"),
        )
        .unwrap(),
    )
    .unwrap();
    let annotated: Vec<&str> = events["event"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| e["source"].as_array().unwrap())
        .map(|src| src["quote"].as_str().unwrap())
        .collect();
    let mut n = 0;
    for ev in &s.events {
        assert!(!ev.quotes.is_empty(), "event {} has no quote", ev.id);
        for q in &ev.quotes {
            let text = &s.articles[q.article].text;
            let exact = &text[q.byte_start..q.byte_end];
            assert!(
                annotated.contains(&exact),
                "byte offsets of a quote of event {}: {exact:?} is not an annotated quote",
                ev.id
            );
            assert_eq!(q.exact(&s.articles), exact);
            assert!(q.start < q.end, "{}: empty char range", ev.id);
            let by_chars: String = text.chars().skip(q.start).take(q.end - q.start).collect();
            assert_eq!(
                by_chars, exact,
                "char offsets of a quote of event {}",
                ev.id
            );
            // The char offsets count the characters before the byte offset.
            assert_eq!(text[..q.byte_start].chars().count(), q.start);
            n += 1;
        }
    }
    assert_eq!(n, s.quote_count());
    assert!(n > 0);
}

#[test]
fn quotes_with_curly_quote_marks_count_characters_not_bytes() {
    // Some quotes follow multi-byte characters (curly quotes, apostrophes): their char and
    // byte offsets must differ, or the offsets are bytes mislabelled as characters.
    let s = store();
    assert!(
        s.events
            .iter()
            .flat_map(|e| &e.quotes)
            .any(|q| q.start != q.byte_start),
        "no quote follows a multi-byte character; the char/byte distinction is untested"
    );
}

// ---------------------------------------------------------------- states in time

#[test]
fn abu_kamal_before_at_and_after_each_change() {
    assert_control(
        "abu_kamal",
        &[
            ("2017-11-02T23:59:59", None),
            ("2017-11-03T00:00", held("islamic_state")),
            ("2017-11-03T23:59:59", held("islamic_state")),
            ("2017-11-08T23:59:59", held("islamic_state")),
            ("2017-11-09T00:00", held("syrian_government")),
            ("2017-11-10T23:59:59", held("syrian_government")),
            ("2017-11-11T00:00", held("islamic_state")),
            ("2017-11-12T23:59:59", held("islamic_state")),
        ],
    );
}

#[test]
fn the_al_qaim_border_crossing_is_iraqi_from_3_november() {
    assert_control(
        "al_qaim_border_crossing",
        &[
            ("2017-11-02T23:59:59", None),
            ("2017-11-03T00:00", held("iraqi_government")),
            ("2017-11-12T23:59:59", held("iraqi_government")),
        ],
    );
}

#[test]
fn al_qaim_town_is_contested_then_iraqi() {
    let contested = contested("islamic_state", "iraqi_government");
    assert_control(
        "al_qaim",
        &[
            ("2017-11-02T23:59:59", None),
            ("2017-11-03T00:00", contested),
            ("2017-11-10T23:59:59", contested),
            ("2017-11-11T00:00", held("iraqi_government")),
            ("2017-11-12T23:59:59", held("iraqi_government")),
        ],
    );
    // Contested is the same state whichever order the actors are named in.
    assert_eq!(
        Control::contested(actor("iraqi_government"), actor("islamic_state")),
        contested.unwrap()
    );
}

#[test]
fn rummanah_is_unknown_until_taken_on_11_november() {
    assert_control(
        "rummanah",
        &[
            ("2017-11-03T00:00", None),
            ("2017-11-10T23:59:59", None),
            ("2017-11-11T00:00", held("iraqi_government")),
            ("2017-11-12T23:59:59", held("iraqi_government")),
        ],
    );
}

#[test]
fn deir_ez_zor_is_contested_then_syrian_from_3_november() {
    assert_control(
        "deir_ez_zor",
        &[
            ("2017-08-31T23:59:59", None),
            (
                "2017-09-01T00:00",
                contested("syrian_government", "islamic_state"),
            ),
            (
                "2017-11-02T23:59:59",
                contested("syrian_government", "islamic_state"),
            ),
            ("2017-11-03T00:00", held("syrian_government")),
            ("2017-11-12T23:59:59", held("syrian_government")),
        ],
    );
}

#[test]
fn husaybah_is_unknown_throughout() {
    let s = store();
    assert!(s.place_events(place("husaybah")).is_empty());
    for at in [
        "2017-09-01T00:00",
        "2017-11-03T00:00",
        "2017-11-09T12:00",
        "2017-11-12T23:59:59",
    ] {
        let st = state("husaybah", at);
        assert_eq!(st.control, None, "husaybah at {at}");
        assert_eq!(st.since, None);
        assert_eq!(st.last_reported, None);
        assert_eq!(st.sources, 0);
        assert_eq!(s.describe(st.control), "unknown");
    }
}

#[test]
fn states_at_covers_every_place_in_order() {
    let s = store();
    let states = s.states_at(t("2017-11-10T23:59:59"));
    assert_eq!(states.len(), s.places.len());
    for (i, st) in states.iter().enumerate() {
        assert_eq!(st.place, i);
    }
    assert_eq!(
        states[place("abu_kamal")].control,
        held("syrian_government")
    );
}

#[test]
fn since_and_last_reported_of_abu_kamal() {
    let s = store();
    // End of 10 Nov: the capture of 9 Nov is both the start and the latest report.
    let st = state("abu_kamal", "2017-11-10T23:59:59");
    assert_eq!(st.since, Some(t("2017-11-09T00:00")));
    assert_eq!(st.last_reported, Some(day("2017-11-09")));
    assert_eq!(st.age_days(t("2017-11-10T23:59:59")), Some(1));
    let since = st.since_event.expect("since_event");
    assert_eq!(st.last_event, Some(since));
    assert_eq!(s.events[since].date, day("2017-11-09"));
    assert_eq!(s.events[since].place, place("abu_kamal"));

    // End of 12 Nov: held since the recapture of 11 Nov, confirmed by a report of 12 Nov.
    let st = state("abu_kamal", "2017-11-12T23:59:59");
    assert_eq!(st.since, Some(t("2017-11-11T00:00")));
    assert_eq!(st.last_reported, Some(day("2017-11-12")));
    assert_eq!(st.age_days(t("2017-11-12T23:59:59")), Some(0));
    let (since, last) = (st.since_event.unwrap(), st.last_event.unwrap());
    assert_ne!(since, last);
    assert_eq!(s.events[since].date, day("2017-11-11"));
    assert_eq!(s.events[last].date, day("2017-11-12"));
    // The sources are the quotes of both events.
    assert_eq!(
        st.sources,
        s.events[since].quotes.len() + s.events[last].quotes.len()
    );

    // The report of 12 Nov does not change the state, the recapture does.
    assert!(s.timeline.is_change(since, &s.events));
    assert!(!s.timeline.is_change(last, &s.events));
}

#[test]
fn the_report_of_3_november_begins_the_known_state_of_abu_kamal() {
    let st = state("abu_kamal", "2017-11-08T23:59:59");
    assert_eq!(st.since, Some(t("2017-11-03T00:00")));
    assert_eq!(st.last_reported, Some(day("2017-11-03")));
}

#[test]
fn place_events_of_abu_kamal_are_in_order() {
    let s = store();
    let dates: Vec<NaiveDate> = s
        .place_events(place("abu_kamal"))
        .iter()
        .map(|&e| s.events[e].date)
        .collect();
    assert_eq!(
        dates,
        ["2017-11-03", "2017-11-09", "2017-11-11", "2017-11-12"].map(day)
    );
}

#[test]
fn prev_and_next_change() {
    let s = store();
    // Changes: 1 Sep (Deir ez-Zor contested), 3 Nov, 9 Nov, 11 Nov. The report of 12 Nov is
    // not a change.
    assert_eq!(
        s.next_change(t("2017-11-03T00:00")),
        Some(t("2017-11-09T00:00"))
    );
    assert_eq!(
        s.next_change(t("2017-11-08T23:59:59")),
        Some(t("2017-11-09T00:00"))
    );
    assert_eq!(
        s.next_change(t("2017-11-09T00:00")),
        Some(t("2017-11-11T00:00"))
    );
    assert_eq!(s.next_change(t("2017-11-11T00:00")), None);
    assert_eq!(s.next_change(t("2017-11-12T23:59:59")), None);

    // Strictly before.
    assert_eq!(
        s.prev_change(t("2017-11-12T23:59:59")),
        Some(t("2017-11-11T00:00"))
    );
    assert_eq!(
        s.prev_change(t("2017-11-11T00:00")),
        Some(t("2017-11-09T00:00"))
    );
    assert_eq!(
        s.prev_change(t("2017-11-10T12:00")),
        Some(t("2017-11-09T00:00"))
    );
    assert_eq!(
        s.prev_change(t("2017-11-09T00:00")),
        Some(t("2017-11-03T00:00"))
    );
    assert_eq!(
        s.prev_change(t("2017-11-03T00:00")),
        Some(t("2017-09-01T00:00"))
    );
    assert_eq!(s.prev_change(t("2017-09-01T00:00")), None);
}

#[test]
fn span_runs_from_the_first_article_to_the_end_of_the_last_day() {
    assert_eq!(
        store().span(),
        Some((t("2017-11-03T00:00"), t("2017-11-12T23:59:59")))
    );
}

// ---------------------------------------------------------------- names

#[test]
fn place_aliases_resolve() {
    let s = store();
    for (name, id) in [
        ("Bukamal", "abu_kamal"),
        ("albu kamal", "abu_kamal"),
        ("ABU KAMAL", "abu_kamal"),
        ("Abū Kamāl", "abu_kamal"),
        ("abu_kamal", "abu_kamal"),
        ("Al Qaim", "al_qaim"),
        ("Al-Qa'im", "al_qaim"),
        ("Al Qaim border crossing", "al_qaim_border_crossing"),
        ("Rumana", "rummanah"),
        ("Deir Ezzor", "deir_ez_zor"),
        ("Husaybah", "husaybah"),
    ] {
        assert_eq!(s.find_place(name), Lookup::Found(place(id)), "{name}");
    }
}

#[test]
fn actor_aliases_resolve() {
    let s = store();
    for (name, id) in [
        ("Daesh", "islamic_state"),
        ("ISIS", "islamic_state"),
        ("IS", "islamic_state"),
        ("islamic_state", "islamic_state"),
        ("Syrian regime forces", "syrian_government"),
        ("Iraqi forces", "iraqi_government"),
    ] {
        assert_eq!(
            s.actor_names.lookup(name),
            Lookup::Found(actor(id)),
            "{name}"
        );
    }
}

#[test]
fn unknown_names_suggest_the_place_s_main_name() {
    let s = store();
    assert_eq!(
        s.find_place("Abu Kamel"),
        Lookup::NotFound {
            suggestion: Some("Abu Kamal".into())
        }
    );
    assert_eq!(s.find_place("Paris"), Lookup::NotFound { suggestion: None });
}

// ---------------------------------------------------------------- diagnostics from a directory

#[test]
fn a_problem_is_reported_with_file_line_column_message_and_hint() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join("articles")).unwrap();
    std::fs::write(
        root.join("actors.toml"),
        "[[actor]]\nid = \"islamic_state\"\nname = \"Islamic State\"\ncolour = \"#1a1a1a\"\n",
    )
    .unwrap();
    std::fs::write(
        root.join("places.toml"),
        "[[place]]\nid = \"abu_kamal\"\nname = \"Abu Kamal\"\nkind = \"city\"\nlat = 34.45\nlon = 40.92\n",
    )
    .unwrap();
    std::fs::write(
        root.join("articles.toml"),
        "[[article]]\nid = \"a\"\nfile = \"articles/a.txt\"\ndate = \"2017-11-12\"\ndate_basis = \"stated\"\n",
    )
    .unwrap();
    std::fs::write(root.join("articles/a.txt"), "IS still holds the town.\n").unwrap();
    std::fs::write(
        root.join("events.toml"),
        "[[event]]\nplace = \"Abu Kamal\"\ndate = \"2017-11-12\"\nkind = \"report\"\nto = \"islamic_state\"\n\n[[event.source]]\narticle = \"a\"\nquote = \"IS still holds the town.\"\n\n[[event]]\nplace = \"Paris\"\ndate = \"2017-11-12\"\nkind = \"report\"\nto = \"islamic_state\"\n\n[[event.source]]\narticle = \"a\"\nquote = \"IS still holds\"\n",
    )
    .unwrap();

    let s = Store::load(&DataSource::Dir(root.to_path_buf()));
    assert_eq!(s.diagnostics.items.len(), 1, "{}", format_diagnostics(&s));
    let d = &s.diagnostics.items[0];
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(d.file, "events.toml");
    assert_eq!((d.line, d.col), (12, 9));
    assert_eq!(d.location(), "events.toml:12:9");
    assert_eq!(d.message, "unknown place \"Paris\"");
    assert!(d.hint.as_deref().unwrap().contains("places.toml"), "{d}");
    // The valid event is kept.
    assert_eq!(s.events.len(), 1);
    assert_eq!(
        s.state_at(0, t("2017-11-12T23:59:59")).control,
        Some(Control::Held(0))
    );
}
