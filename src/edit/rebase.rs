//! Saving over files that changed on disk since they were loaded: the edits are made again,
//! one by one, over the files as they now are. An edit of an event is made on the same event,
//! found by its content (so an event added or deleted above it by someone else moves it, and
//! the edit follows); an edit whose event was changed or deleted meanwhile is not made, and
//! comes back to the user with why, to redo or to drop. Nothing is written here: the edits
//! kept are saved as any others, checked against the disk again.

use toml_edit::{DocumentMut, Item, Table};

use super::snapshot::{SaveError, Snapshot};
use super::{Edit, EventRef, document};
use crate::store::load::{ARTICLES_FILE, PLACES_FILE};

/// An edit that could not be made again over the files as they now are.
#[derive(Debug, Clone, PartialEq)]
pub struct NotApplied {
    pub edit: Edit,
    /// What it did, in words that still mean something once the event is gone ("edit the
    /// claim about rawa on 2017-11-17 (event 3 of events/a.toml)").
    pub what: String,
    /// Why it no longer applies.
    pub why: String,
}

/// The edits made again over `new` (the files as they now are), in order, with their events
/// found again; and those that no longer apply. `old` is what the edits were made over.
pub fn rebase(old: &Snapshot, new: &Snapshot, edits: &[Edit]) -> (Vec<Edit>, Vec<NotApplied>) {
    let mut kept: Vec<Edit> = Vec::new();
    let mut not_applied = Vec::new();
    for (i, edit) in edits.iter().enumerate() {
        match again(old, &edits[..i], new, &kept, edit) {
            Ok(edit) => kept.push(edit),
            Err(why) => not_applied.push(NotApplied {
                what: what(old, &edits[..i], edit),
                edit: edit.clone(),
                why,
            }),
        }
    }
    (kept, not_applied)
}

/// The edit as it applies after `kept` over `new`, having been made after `before` over `old`.
fn again(
    old: &Snapshot,
    before: &[Edit],
    new: &Snapshot,
    kept: &[Edit],
    edit: &Edit,
) -> Result<Edit, String> {
    let mut edit = edit.clone();
    for at in event_refs_mut(&mut edit) {
        let was = event_tables(old, before, &at.file)
            .ok()
            .and_then(|t| t.get(at.index).cloned())
            .ok_or_else(|| format!("{} has no event {}", at.file, at.index + 1))?;
        let now = event_tables(new, kept, &at.file).map_err(|e| e.to_string())?;
        // The same event: at the same place if it is still there, else the nearest like it.
        let same: Vec<usize> = (0..now.len()).filter(|&j| now[j] == was).collect();
        let Some(&j) = same.iter().min_by_key(|&&j| j.abs_diff(at.index)) else {
            return Err(format!(
                "its event in {} was changed or deleted on disk since it was loaded",
                at.file
            ));
        };
        at.index = j;
    }
    match &edit {
        Edit::AddArticle(a) => {
            let exists = new.root().is_some_and(|r| r.join(a.file()).exists());
            if exists || has_entry(new, ARTICLES_FILE, "article", &a.id) {
                return Err(format!(
                    "an article with the id {} was added on disk meanwhile",
                    a.id
                ));
            }
        }
        Edit::AddPlace(p) if has_entry(new, PLACES_FILE, "place", &p.id) => {
            return Err(format!(
                "{PLACES_FILE} has a place with the id {} now",
                p.id
            ));
        }
        _ => {}
    }
    let mut all = kept.to_vec();
    all.push(edit.clone());
    document::apply(new, &all).map_err(|e| e.to_string())?;
    Ok(edit)
}

/// The quote an edit adds, when it adds one (to redo it by hand).
pub fn quote_of(edit: &Edit) -> Option<&super::NewSource> {
    match edit {
        Edit::AddSource { source, .. } => Some(source),
        Edit::AddEvent { event, .. } => event.sources.first(),
        _ => None,
    }
}

/// The events an edit acts on (none, one, or both versions of a dispute it resolves).
fn event_refs_mut(edit: &mut Edit) -> Vec<&mut EventRef> {
    match edit {
        Edit::AddSource { event, .. }
        | Edit::DeleteEvent(event)
        | Edit::DeleteSource { event, .. }
        | Edit::UpdateEvent { event, .. }
        | Edit::SetRank { event, .. } => vec![event],
        Edit::Prefer {
            preferred, other, ..
        } => vec![preferred, other],
        Edit::AddArticle(_) | Edit::AddEvent { .. } | Edit::AddPlace(_) | Edit::Story(_) => {
            Vec::new()
        }
    }
}

/// The `[[event]]` tables of a file once `edits` are made over `snapshot`, each as its values
/// alone (no comments, no layout), to be compared.
fn event_tables(
    snapshot: &Snapshot,
    edits: &[Edit],
    file: &str,
) -> Result<Vec<toml::Table>, SaveError> {
    let changed = document::apply(snapshot, edits)?;
    let parsed;
    let doc = match changed.documents.get(file) {
        Some(doc) => doc,
        None => {
            let Some(bytes) = snapshot.loaded(file) else {
                return Ok(Vec::new());
            };
            parsed = String::from_utf8_lossy(bytes)
                .parse::<DocumentMut>()
                .map_err(|e| SaveError::Toml {
                    file: file.to_owned(),
                    message: e.message().to_owned(),
                })?;
            &parsed
        }
    };
    Ok(doc
        .get("event")
        .and_then(Item::as_array_of_tables)
        .map(|a| a.iter().map(values).collect())
        .unwrap_or_default())
}

/// A table's values, without its comments and layout.
fn values(t: &Table) -> toml::Table {
    let mut doc = DocumentMut::new();
    *doc.as_table_mut() = t.clone();
    doc.to_string().parse().unwrap_or_default()
}

/// Whether `[[table]]` of a file has an entry with this id.
fn has_entry(snapshot: &Snapshot, file: &str, table: &str, id: &str) -> bool {
    let Some(doc) = snapshot
        .loaded(file)
        .and_then(|b| String::from_utf8_lossy(b).parse::<DocumentMut>().ok())
    else {
        return false;
    };
    doc.get(table)
        .and_then(Item::as_array_of_tables)
        .is_some_and(|a| {
            a.iter()
                .any(|t| t.get("id").and_then(Item::as_str) == Some(id))
        })
}

/// What an edit did, with its event's place and date as they were when it was made.
fn what(old: &Snapshot, before: &[Edit], edit: &Edit) -> String {
    let mut edit = edit.clone();
    let Some(at) = event_refs_mut(&mut edit).into_iter().next() else {
        return edit.describe();
    };
    let event = event_tables(old, before, &at.file)
        .ok()
        .and_then(|t| t.get(at.index).cloned());
    let field =
        |t: &toml::Table, k: &str| t.get(k).map(|v| v.to_string().trim_matches('"').to_owned());
    match event
        .as_ref()
        .and_then(|t| Some((field(t, "place")?, field(t, "date")?)))
    {
        Some((place, date)) => format!("{} (the claim about {place} on {date})", edit.describe()),
        None => edit.describe(),
    }
}
