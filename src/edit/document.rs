//! Edits applied to the data files as `toml_edit` documents: what is appended, appended to or
//! removed is touched, and every other byte (comments, order, blank lines) is left as it was.

use std::collections::BTreeMap;

use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, Value};

use super::decor::decor_prefix;
use super::snapshot::{SaveError, Snapshot};
use super::{Edit, EventFields, EventRef, NewArticle, NewEvent, NewPlace, NewSource};
use crate::store::load::{ARTICLES_FILE, PLACES_FILE};
use crate::store::schema::{
    self, ActorList, ActorsInput, ArticleEntry, DateInput, EventEntry, PlaceEntry, SourceEntry,
    written,
};
use crate::store::{Basis, DateBasis, Precision, Rank};

/// The files the edits change: TOML documents by path, and new article texts.
#[derive(Default)]
pub struct Changed {
    pub documents: BTreeMap<String, DocumentMut>,
    pub texts: BTreeMap<String, String>,
}

impl Changed {
    /// The document at `file`, parsed from the snapshot (or new, with a header comment).
    fn document(&mut self, snapshot: &Snapshot, file: &str) -> Result<&mut DocumentMut, SaveError> {
        if !self.documents.contains_key(file) {
            let doc = match snapshot.loaded(file) {
                Some(bytes) => {
                    let text = std::str::from_utf8(bytes).map_err(|e| SaveError::Toml {
                        file: file.to_owned(),
                        message: e.to_string(),
                    })?;
                    text.parse::<DocumentMut>().map_err(|e| SaveError::Toml {
                        file: file.to_owned(),
                        message: e.message().to_owned(),
                    })?
                }
                None => new_events_document(),
            };
            self.documents.insert(file.to_owned(), doc);
        }
        Ok(self.documents.get_mut(file).expect("inserted above"))
    }
}

fn new_events_document() -> DocumentMut {
    let mut doc = DocumentMut::new();
    doc.decor_mut().set_prefix(
        "# Events annotated in the Frontline workbench: claims of control with their quotes.\n\
         # See data/README.md for every field.\n",
    );
    doc
}

/// Applies the edits, in order, to the snapshot's files.
pub fn apply(snapshot: &Snapshot, edits: &[Edit]) -> Result<Changed, SaveError> {
    let mut c = Changed::default();
    for edit in edits {
        match edit {
            Edit::AddArticle(a) => {
                c.texts.insert(a.file(), a.text.clone());
                let t = new_table(ARTICLES_FILE, &article_entry(a))?;
                let doc = c.document(snapshot, ARTICLES_FILE)?;
                tables(doc, "article", ARTICLES_FILE)?.push(t);
            }
            Edit::AddEvent { file, event } => {
                let t = new_table(file, &event_entry(event))?;
                let doc = c.document(snapshot, file)?;
                tables(doc, "event", file)?.push(t);
            }
            Edit::AddSource { event, source } => {
                let new = new_table(&event.file, &source_entry(source))?;
                let t = event_at(c.document(snapshot, &event.file)?, event)?;
                match t.get_mut("source").and_then(Item::as_array_of_tables_mut) {
                    Some(sources) => sources.push(new),
                    None => {
                        let mut sources = ArrayOfTables::new();
                        sources.push(new);
                        t.insert("source", Item::ArrayOfTables(sources));
                    }
                }
            }
            Edit::DeleteEvent(event) => {
                let doc = c.document(snapshot, &event.file)?;
                let events = tables(doc, "event", &event.file)?;
                if event.index >= events.len() {
                    return Err(no_such_event(event));
                }
                // Comments above the event (a section heading) stay, above the next one.
                let prefix = decor_prefix(events.get(event.index).expect("checked"));
                events.remove(event.index);
                if let Some(next) = events.get_mut(event.index) {
                    let own = decor_prefix(next);
                    next.decor_mut().set_prefix(format!("{prefix}{own}"));
                }
            }
            Edit::DeleteSource { event, source } => {
                let t = event_at(c.document(snapshot, &event.file)?, event)?;
                let sources = t
                    .get_mut("source")
                    .and_then(Item::as_array_of_tables_mut)
                    .filter(|s| *source < s.len())
                    .ok_or_else(|| no_such_event(event))?;
                sources.remove(*source);
            }
            Edit::UpdateEvent { event, fields } => {
                update_event(event_at(c.document(snapshot, &event.file)?, event)?, fields);
            }
            Edit::SetRank {
                event,
                rank,
                reason,
            } => set_rank(&mut c, snapshot, event, *rank, reason.as_deref())?,
            Edit::Prefer {
                preferred,
                other,
                reason,
            } => {
                set_rank(&mut c, snapshot, preferred, Rank::Preferred, Some(reason))?;
                set_rank(&mut c, snapshot, other, Rank::Deprecated, Some(reason))?;
            }
            Edit::AddPlace(place) => {
                let mut t = new_table(PLACES_FILE, &place_entry(place))?;
                let comment = if place.source == super::new_place::PLACED_BY_HAND {
                    "\n# Placed by hand on the map in the workbench: no gazetteer knows it.\n"
                        .to_owned()
                } else {
                    format!("\n# Added from the regional gazetteer: {}\n", place.source)
                };
                t.decor_mut().set_prefix(comment);
                let doc = c.document(snapshot, PLACES_FILE)?;
                tables(doc, "place", PLACES_FILE)?.push(t);
            }
            Edit::Story(s) => super::story::apply_to_changed(&mut c.documents, snapshot, s)?,
        }
    }
    Ok(c)
}

fn no_such_event(event: &EventRef) -> SaveError {
    SaveError::NoSuchEvent {
        file: event.file.clone(),
        index: event.index,
    }
}

/// The `[[key]]` tables of a document (created when it has none).
fn tables<'a>(
    doc: &'a mut DocumentMut,
    key: &str,
    file: &str,
) -> Result<&'a mut ArrayOfTables, SaveError> {
    doc.as_table_mut()
        .entry(key)
        .or_insert_with(|| Item::ArrayOfTables(ArrayOfTables::new()))
        .as_array_of_tables_mut()
        .ok_or_else(|| SaveError::Toml {
            file: file.to_owned(),
            message: format!("`{key}` is not a list of [[{key}]] tables"),
        })
}

fn event_at<'a>(doc: &'a mut DocumentMut, event: &EventRef) -> Result<&'a mut Table, SaveError> {
    tables(doc, "event", &event.file)?
        .get_mut(event.index)
        .ok_or_else(|| no_such_event(event))
}

/// A new entry of `file` as a table to append, set off from the one before by a blank line:
/// serialised from the store's schema, as `import` and `synth` write theirs.
fn new_table(file: &str, entry: &impl serde::Serialize) -> Result<Table, SaveError> {
    schema::entry_table(entry).map_err(|e| SaveError::Toml {
        file: file.to_owned(),
        message: e.to_string(),
    })
}

fn article_entry(a: &NewArticle) -> ArticleEntry {
    ArticleEntry {
        id: written(a.id.clone()),
        file: written(a.file()),
        title: Some(a.title.clone()),
        title_basis: None,
        outlet: a.outlet.clone(),
        outlet_note: None,
        dateline: None,
        date: a
            .date
            .filter(|_| a.date_basis != DateBasis::Unknown)
            .map(|d| written(DateInput::Text(d.to_string()))),
        date_basis: written(a.date_basis),
        date_precision: (a.date_precision != Precision::Day).then_some(a.date_precision),
        rewrite_of: None,
        date_note: None,
        url: a.url.clone(),
        language: a.language.clone(),
    }
}

fn actors_value(ids: &[String]) -> Value {
    match ids {
        [one] => Value::from(one.as_str()),
        many => Value::Array(many.iter().collect::<Array>()),
    }
}

/// The `date` as the data format writes it: the year alone when only the year is known.
fn date_text(date: chrono::NaiveDate, precision: Precision) -> String {
    match precision {
        Precision::Year => chrono::Datelike::year(&date).to_string(),
        _ => date.to_string(),
    }
}

/// A holder: one actor (held) or two (contested); any other number cannot be written.
fn holder(ids: &[String]) -> ActorsInput {
    ActorsInput::of(ids).unwrap_or(ActorsInput::Malformed)
}

fn event_entry(e: &NewEvent) -> EventEntry {
    let lost = !e.lost_by.is_empty();
    EventEntry {
        id: None,
        place: written(e.place.clone()),
        date: written(DateInput::Text(date_text(e.date, e.precision))),
        precision: (e.precision != Precision::Day).then_some(e.precision),
        kind: written(e.kind),
        from: (!e.from.is_empty()).then(|| written(holder(&e.from))),
        to: (!lost).then(|| written(holder(&e.to))),
        status: lost.then(|| written("lost".to_owned())),
        lost_by: lost.then(|| written(ActorList(Some(e.lost_by.clone())))),
        basis: (e.basis == Basis::Inferred).then_some(Basis::Inferred),
        note: e.note.clone(),
        annotator: None,
        annotated: None,
        reviewed_by: None,
        rank: None,
        rank_reason: None,
        source: e
            .sources
            .iter()
            .map(|s| source_entry(s).into_entry())
            .collect(),
    }
}

fn source_entry(s: &NewSource) -> SourceEntry {
    SourceEntry {
        article: written(s.article.clone()),
        quote: written(s.quote.clone()),
        date_phrase: s.date_phrase.clone().map(written),
        prefix: s.prefix.clone(),
        suffix: s.suffix.clone(),
    }
}

/// Sets (keeping the comment beside the old value) or removes one key of a table.
/// `rank` and `rank_reason` of an event; `Rank::Normal` removes both.
fn set_rank(
    c: &mut Changed,
    snapshot: &Snapshot,
    event: &EventRef,
    rank: Rank,
    reason: Option<&str>,
) -> Result<(), SaveError> {
    let t = event_at(c.document(snapshot, &event.file)?, event)?;
    let ranked = rank != Rank::Normal;
    set(t, "rank", ranked.then(|| Value::from(rank.name())));
    set(t, "rank_reason", reason.filter(|_| ranked).map(Value::from));
    Ok(())
}

fn set(t: &mut Table, key: &str, new: Option<Value>) {
    let Some(mut v) = new else {
        t.remove(key);
        return;
    };
    match t.get_mut(key).and_then(Item::as_value_mut) {
        Some(old) => {
            *v.decor_mut() = old.decor().clone();
            *old = v;
        }
        None => {
            t.insert(key, Item::Value(v));
        }
    }
}

/// Writes the fields that change into an `[[event]]` table, in place: its other keys, its
/// sources and its comments stay as they are.
fn update_event(t: &mut Table, f: &EventFields) {
    let text = |s: &str| Some(Value::from(s));
    if let Some(place) = &f.place {
        set(t, "place", text(place));
    }
    let precision =
        f.precision
            .unwrap_or_else(|| match t.get("precision").and_then(Item::as_str) {
                Some("week") => Precision::Week,
                Some("month") => Precision::Month,
                Some("year") => Precision::Year,
                _ => Precision::Day,
            });
    if let Some(date) = f.date {
        set(t, "date", text(&date_text(date, precision)));
    }
    if let Some(p) = f.precision {
        set(
            t,
            "precision",
            (p != Precision::Day).then(|| Value::from(p.label())),
        );
    }
    if let Some(kind) = f.kind {
        set(t, "kind", text(kind.name()));
    }
    if let Some(from) = &f.from {
        set(t, "from", (!from.is_empty()).then(|| actors_value(from)));
    }
    if let Some((to, lost_by)) = &f.state {
        if lost_by.is_empty() {
            if t.get("status").and_then(Item::as_str) != Some("held") {
                set(t, "status", None);
            }
            set(t, "lost_by", None);
            set(t, "to", Some(actors_value(to)));
        } else {
            set(t, "to", None);
            set(t, "status", text("lost"));
            set(t, "lost_by", Some(actors_value(lost_by)));
        }
    }
    if let Some(basis) = f.basis {
        set(
            t,
            "basis",
            (basis == Basis::Inferred).then(|| Value::from("inferred")),
        );
    }
    if let Some(note) = &f.note {
        set(t, "note", note.as_deref().map(Value::from));
    }
}

fn place_entry(p: &NewPlace) -> PlaceEntry {
    PlaceEntry {
        id: written(p.id.clone()),
        name: p.name.clone(),
        kind: p.kind,
        country: p.country.clone(),
        lat: written(p.lat),
        lon: written(p.lon),
        aliases: p.aliases.clone(),
        source: p.source.clone(),
        note: None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::{NewEvent, NewPlace, NewSource};
    use super::*;
    use crate::store::EventKind;

    const EVENTS: &str = r#"# Events of a test, with comments.

# ---- Town A
[[event]]
place = "Town A"   # an alias, as written
date = 2017-11-09T14:00
kind = "capture"
to = "x"
note = "kept"

[[event.source]]
article = "a"
quote = "one"

[[event.source]]
article = "a"
quote = "two"   # the second
"#;

    fn snapshot() -> Snapshot {
        let files = [
            ("events.toml".to_owned(), EVENTS.as_bytes().to_vec()),
            (
                PLACES_FILE.to_owned(),
                b"# Places.\n\n[[place]]\nid = \"a\"\n".to_vec(),
            ),
        ];
        Snapshot::from_files(files.into_iter().collect())
    }

    fn text(c: &Changed, file: &str) -> String {
        c.documents[file].to_string()
    }

    fn first() -> EventRef {
        EventRef {
            file: "events.toml".into(),
            index: 0,
        }
    }

    #[test]
    fn an_update_rewrites_only_the_fields_that_change() {
        let fields = EventFields {
            kind: Some(EventKind::Recapture),
            state: Some((Vec::new(), vec!["x".to_owned()])),
            note: Some(None),
            precision: Some(Precision::Week),
            date: Some(chrono::NaiveDate::from_ymd_opt(2017, 11, 8).unwrap()),
            ..EventFields::default()
        };
        let edit = Edit::UpdateEvent {
            event: first(),
            fields,
        };
        let c = apply(&snapshot(), &[edit]).unwrap();
        let out = text(&c, "events.toml");
        let expected = EVENTS
            .replace("date = 2017-11-09T14:00", "date = \"2017-11-08\"")
            .replace("kind = \"capture\"", "kind = \"recapture\"")
            .replace(
                "to = \"x\"\nnote = \"kept\"\n",
                "precision = \"week\"\nstatus = \"lost\"\nlost_by = \"x\"\n",
            );
        assert_eq!(out, expected);

        // The place as written stays unless it changes; a time of day likewise.
        let place = Edit::UpdateEvent {
            event: first(),
            fields: EventFields {
                place: Some("b".into()),
                ..EventFields::default()
            },
        };
        let out = text(&apply(&snapshot(), &[place]).unwrap(), "events.toml");
        assert_eq!(
            out,
            EVENTS.replace("place = \"Town A\"   #", "place = \"b\"   #")
        );
    }

    #[test]
    fn a_rank_is_written_with_its_reason_and_normal_removes_both() {
        let prefer = Edit::SetRank {
            event: first(),
            rank: crate::store::Rank::Preferred,
            reason: Some("two outlets, and the army's statement".into()),
        };
        let out = text(
            &apply(&snapshot(), std::slice::from_ref(&prefer)).unwrap(),
            "events.toml",
        );
        assert!(
            out.contains(
                "rank = \"preferred\"\nrank_reason = \"two outlets, and the army's statement\"\n"
            ),
            "{out}"
        );
        // The rest of the file is as it was.
        let without: String = out
            .lines()
            .filter(|l| !l.starts_with("rank"))
            .map(|l| format!("{l}\n"))
            .collect();
        assert_eq!(without, EVENTS);
        let normal = Edit::SetRank {
            event: first(),
            rank: crate::store::Rank::Normal,
            reason: Some("ignored".into()),
        };
        let out = text(
            &apply(&snapshot(), &[prefer, normal]).unwrap(),
            "events.toml",
        );
        assert_eq!(out, EVENTS);
    }

    #[test]
    fn a_source_is_deleted_and_a_lost_claim_and_a_place_are_added() {
        let delete = Edit::DeleteSource {
            event: first(),
            source: 0,
        };
        let lost = Edit::AddEvent {
            file: "events.toml".into(),
            event: NewEvent {
                place: "hit".into(),
                date: chrono::NaiveDate::from_ymd_opt(2017, 1, 1).unwrap(),
                precision: Precision::Year,
                kind: EventKind::Withdrawal,
                from: vec![],
                to: vec![],
                lost_by: vec!["x".into(), "y".into()],
                basis: Basis::Stated,
                note: None,
                sources: vec![NewSource {
                    article: "a".into(),
                    quote: "three".into(),
                    date_phrase: None,
                    prefix: None,
                    suffix: None,
                }],
            },
        };
        let place = Edit::AddPlace(NewPlace {
            id: "hit".into(),
            name: "Hit".into(),
            kind: crate::store::PlaceKind::Town,
            country: "IQ".into(),
            lat: 33.6416,
            lon: 42.8251,
            aliases: vec!["هيت".into()],
            source: "GeoNames cities500".into(),
        });
        let c = apply(&snapshot(), &[delete, lost, place]).unwrap();
        let events = text(&c, "events.toml");
        let (kept, added) = events.split_at(
            EVENTS.len() - "\n[[event.source]]\narticle = \"a\"\nquote = \"one\"\n".len(),
        );
        assert_eq!(
            kept,
            EVENTS.replace("\n[[event.source]]\narticle = \"a\"\nquote = \"one\"\n", "")
        );
        assert_eq!(
            added,
            "\n[[event]]\nplace = \"hit\"\ndate = \"2017\"\nprecision = \"year\"\nkind = \"withdrawal\"\nstatus = \"lost\"\nlost_by = [\"x\", \"y\"]\n\n[[event.source]]\narticle = \"a\"\nquote = \"three\"\n"
        );
        let places = text(&c, PLACES_FILE);
        assert!(
            places.starts_with("# Places.\n\n[[place]]\nid = \"a\"\n"),
            "{places}"
        );
        assert!(
            places.ends_with(
                "\n# Added from the regional gazetteer: GeoNames cities500\n[[place]]\nid = \"hit\"\nname = \"Hit\"\nkind = \"town\"\ncountry = \"IQ\"\nlat = 33.6416\nlon = 42.8251\naliases = [\"هيت\"]\nsource = \"GeoNames cities500\"\n"
            ),
            "{places}"
        );
    }
}
