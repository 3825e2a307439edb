//! Edits applied to the data files as `toml_edit` documents: what is appended, appended to or
//! removed is touched, and every other byte (comments, order, blank lines) is left as it was.

use std::collections::BTreeMap;

use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, Value, value};

use super::save::{SaveError, Snapshot};
use super::{Edit, EventRef, NewArticle, NewEvent, NewSource};
use crate::store::load::ARTICLES_FILE;
use crate::store::{Basis, DateBasis, Precision};

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
                let doc = c.document(snapshot, ARTICLES_FILE)?;
                tables(doc, "article", ARTICLES_FILE)?.push(article_table(a));
            }
            Edit::AddEvent { file, event } => {
                let doc = c.document(snapshot, file)?;
                tables(doc, "event", file)?.push(event_table(event));
            }
            Edit::AddSource { event, source } => {
                let t = event_at(c.document(snapshot, &event.file)?, event)?;
                match t.get_mut("source").and_then(Item::as_array_of_tables_mut) {
                    Some(sources) => sources.push(source_table(source)),
                    None => {
                        let mut sources = ArrayOfTables::new();
                        sources.push(source_table(source));
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
            Edit::Story(s) => super::story::apply_to_changed(&mut c.documents, snapshot, s)?,
        }
    }
    Ok(c)
}

fn decor_prefix(t: &Table) -> String {
    t.decor()
        .prefix()
        .and_then(|p| p.as_str())
        .unwrap_or("")
        .to_owned()
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

/// A new table, set off from the one before by a blank line (and a comment, if any).
fn table(comment: &str) -> Table {
    let mut t = Table::new();
    t.decor_mut().set_prefix(format!("\n{comment}"));
    t
}

fn article_table(a: &NewArticle) -> Table {
    let mut comment = String::new();
    if let Some(url) = &a.url {
        comment.push_str(&format!("# url: {url}\n"));
    }
    if let Some(lang) = &a.language {
        comment.push_str(&format!("# language: {lang}\n"));
    }
    let mut t = table(&comment);
    t["id"] = value(&a.id);
    t["file"] = value(a.file());
    t["title"] = value(&a.title);
    if let Some(outlet) = &a.outlet {
        t["outlet"] = value(outlet);
    }
    if let Some(date) = a.date.filter(|_| a.date_basis != DateBasis::Unknown) {
        t["date"] = value(date.to_string());
    }
    t["date_basis"] = value(date_basis_name(a.date_basis));
    if a.date_precision != Precision::Day {
        t["date_precision"] = value(a.date_precision.label());
    }
    t
}

fn date_basis_name(b: DateBasis) -> &'static str {
    match b {
        DateBasis::Stated => "stated",
        DateBasis::Caption => "caption",
        DateBasis::Rewrite => "rewrite",
        DateBasis::Unknown => "unknown",
    }
}

/// One actor as a string, two as an array.
fn actors(ids: &[String]) -> Item {
    match ids {
        [one] => value(one),
        many => Item::Value(Value::Array(many.iter().collect::<Array>())),
    }
}

fn event_table(e: &NewEvent) -> Table {
    let mut t = table("");
    t["place"] = value(&e.place);
    t["date"] = value(e.date.to_string());
    if e.precision != Precision::Day {
        t["precision"] = value(e.precision.label());
    }
    t["kind"] = value(kind_name(e.kind));
    if !e.from.is_empty() {
        t["from"] = actors(&e.from);
    }
    t["to"] = actors(&e.to);
    if e.basis == Basis::Inferred {
        t["basis"] = value("inferred");
    }
    if let Some(note) = &e.note {
        t["note"] = value(note);
    }
    if !e.sources.is_empty() {
        let mut sources = ArrayOfTables::new();
        for s in &e.sources {
            sources.push(source_table(s));
        }
        t.insert("source", Item::ArrayOfTables(sources));
    }
    t
}

fn kind_name(k: crate::store::EventKind) -> &'static str {
    use crate::store::EventKind::*;
    match k {
        Capture => "capture",
        Recapture => "recapture",
        Entered => "entered",
        Declared => "declared",
        Withdrawal => "withdrawal",
        Report => "report",
    }
}

fn source_table(s: &NewSource) -> Table {
    let mut t = table("");
    t["article"] = value(&s.article);
    t["quote"] = value(&s.quote);
    for (key, v) in [
        ("date_phrase", &s.date_phrase),
        ("prefix", &s.prefix),
        ("suffix", &s.suffix),
    ] {
        if let Some(v) = v {
            t[key] = value(v);
        }
    }
    t
}
