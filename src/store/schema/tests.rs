use super::*;

fn s(text: &str) -> Spanned<String> {
    written(text.to_owned())
}

fn event() -> EventEntry {
    EventEntry {
        id: None,
        place: s("hit"),
        date: written(DateInput::Text("2017-11-09".into())),
        precision: Some(Precision::Week),
        kind: written(EventKind::Capture),
        from: Some(written(ActorsInput::One("islamic_state".into()))),
        to: Some(written(ActorsInput::Two("a".into(), "b".into()))),
        status: None,
        lost_by: None,
        basis: Some(Basis::Inferred),
        note: Some("a \"quoted\" note".into()),
        annotator: None,
        annotated: None,
        reviewed_by: None,
        rank: None,
        rank_reason: None,
        source: vec![
            SourceEntry {
                article: s("a1"),
                quote: s("took Hit"),
                date_phrase: Some(s("on Thursday")),
                prefix: None,
                suffix: None,
            }
            .into_entry(),
            SourceEntry {
                article: s("a2"),
                quote: s("Hit fell"),
                date_phrase: None,
                prefix: Some("as ".into()),
                suffix: None,
            }
            .into_entry(),
        ],
    }
}

#[test]
fn a_file_is_written_in_field_order_leaving_out_what_is_not_set() {
    let file = EventsFile {
        event: vec![event()],
    };
    assert_eq!(
        toml::to_string(&file).unwrap(),
        r#"[[event]]
place = "hit"
date = "2017-11-09"
precision = "week"
kind = "capture"
from = "islamic_state"
to = ["a", "b"]
basis = "inferred"
note = 'a "quoted" note'

[[event.source]]
article = "a1"
quote = "took Hit"
date_phrase = "on Thursday"

[[event.source]]
article = "a2"
quote = "Hit fell"
prefix = "as "
"#
    );
}

#[test]
fn every_file_reads_back_what_was_written() {
    let events = EventsFile {
        event: vec![event()],
    };
    let back: EventsFile = toml::from_str(&toml::to_string(&events).unwrap()).unwrap();
    assert_eq!(back.event, events.event);

    let places = PlacesFile {
        place: vec![PlaceEntry {
            id: s("hit"),
            name: "Hīt".into(),
            kind: PlaceKind::Town,
            country: "IQ".into(),
            lat: written(33.6416),
            lon: written(42.8251),
            aliases: vec!["هيت".into()],
            source: "GeoNames".into(),
            note: None,
        }],
    };
    let back: PlacesFile = toml::from_str(&toml::to_string(&places).unwrap()).unwrap();
    assert_eq!(back.place, places.place);

    let actors = ActorsFile {
        actor: vec![ActorEntry {
            id: s("x"),
            name: "X".into(),
            short: None,
            colour: s("#112233"),
            aliases: vec![],
        }],
    };
    let text = toml::to_string(&actors).unwrap();
    assert_eq!(
        text,
        "[[actor]]\nid = \"x\"\nname = \"X\"\ncolour = \"#112233\"\n"
    );
    let back: ActorsFile = toml::from_str(&text).unwrap();
    assert_eq!(back.actor, actors.actor);

    let articles = ArticlesFile {
        article: vec![ArticleEntry {
            id: s("a1"),
            file: s("articles/a1.txt"),
            title: Some("Hit taken".into()),
            title_basis: Some(TitleBasis::Headline),
            outlet: None,
            outlet_note: None,
            dateline: None,
            date: Some(written(DateInput::Text("2017-11-09".into()))),
            date_basis: written(DateBasis::Stated),
            date_precision: None,
            rewrite_of: None,
            date_note: None,
            url: Some("https://example.org/".into()),
            language: None,
        }],
    };
    let back: ArticlesFile = toml::from_str(&toml::to_string(&articles).unwrap()).unwrap();
    assert_eq!(back.article, articles.article);

    let stories = StoriesFile {
        story: vec![StoryEntry {
            id: "week".into(),
            title: "A week".into(),
            step: vec![written(StepEntry {
                date: s("2017-11-09"),
                select: Some(s("hit")),
                centre: Some(written([33.6, 42.8])),
                zoom: Some(written(9.5)),
                hidden_actors: vec![s("x")],
                caption: "Hit falls.".into(),
            })],
        }],
    };
    let back: StoriesFile = toml::from_str(&toml::to_string(&stories).unwrap()).unwrap();
    assert_eq!(back.story, stories.story);
}

#[test]
fn every_written_form_of_a_value_is_read_and_a_wrong_one_kept_for_validation() {
    let e: EventEntry = toml::from_str(
        r#"place = "hit"
date = 2017-11-09T14:00
kind = "capture"
from = ["a", "b", "c"]
to = 3
lost_by = "x"

[[source]]
article = "a1"
quote = "q"

[[source]]
article = "a1"
quote = 7
"#,
    )
    .unwrap();
    assert_eq!(
        *e.date.get_ref(),
        DateInput::Text("2017-11-09T14:00".into())
    );
    assert_eq!(e.from.unwrap().into_inner(), ActorsInput::Malformed);
    assert_eq!(e.to.unwrap().into_inner(), ActorsInput::Malformed);
    assert_eq!(
        e.lost_by.unwrap().into_inner(),
        ActorList(Some(vec!["x".into()]))
    );
    assert!(matches!(e.source[0].get_ref(), Checked::Valid(_)));
    assert!(
        matches!(e.source[1].get_ref(), Checked::Invalid(why) if why.contains("expected a string")),
        "{:?}",
        e.source[1]
    );
    let e: ArticleEntry =
        toml::from_str("id = \"a\"\nfile = \"a.txt\"\ndate = true\ndate_basis = \"stated\"\n")
            .unwrap();
    assert_eq!(
        e.date.unwrap().into_inner(),
        DateInput::NotText { found: "boolean" }
    );
    // A list of actors is written like a holder: one as a string, several as a list.
    let one = ActorList(Some(vec!["x".into()]));
    let two = ActorList(Some(vec!["x".into(), "y".into()]));
    assert_eq!(toml::Value::try_from(&one).unwrap(), toml::Value::from("x"));
    assert_eq!(
        toml::Value::try_from(&two).unwrap(),
        toml::Value::from(vec!["x", "y"])
    );
    // What cannot be written is an error, not a file the loader would refuse.
    assert!(toml::Value::try_from(ActorList(Some(vec![]))).is_err());
    assert!(toml::Value::try_from(ActorsInput::Malformed).is_err());
    assert_eq!(ActorsInput::of(&["a".into(), "b".into(), "c".into()]), None);
}

#[test]
fn an_entry_table_appended_to_a_document_keeps_the_rest_and_reads_back() {
    let text = "# Events, with a comment.\n\n[[event]]\nplace = \"a\"   # kept\ndate = 2017-11-08\nkind = \"capture\"\nto = \"x\"\n";
    let mut doc: toml_edit::DocumentMut = text.parse().unwrap();
    doc["event"]
        .as_array_of_tables_mut()
        .unwrap()
        .push(entry_table(&event()).unwrap());
    let out = doc.to_string();
    let added = out
        .strip_prefix(text)
        .expect("the old text is kept byte for byte");
    assert_eq!(
        added,
        format!(
            "\n{}",
            toml::to_string(&EventsFile {
                event: vec![event()]
            })
            .unwrap()
        )
    );
    let back: EventsFile = toml::from_str(&out).unwrap();
    assert_eq!(back.event[1], event());
}
