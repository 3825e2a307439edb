//! The data directory's files as serde types (`data/README.md`): one struct per kind of
//! `[[entry]]` and one per file, for reading and for writing alike. The loader reads every
//! entry into them (each value with the bytes it was written at, for the problems found
//! later); `import acled` and `synth` write whole files from them, and the workbench
//! serialises a new entry from them before appending it ([`entry_table`]), so that a field
//! is named, typed and ordered in one place.
//!
//! A writer has no bytes to point at: it wraps a value with [`written`]. Fields that a writer
//! leaves out (`None`, an empty list) are not written; the order of the fields is the order
//! in which they are written.

mod values;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::model::{Basis, DateBasis, EventKind, PlaceKind, Precision, Rank, TitleBasis};

pub use super::load::parsed::{ActorsInput, DateInput};
pub use values::{ActorList, Checked};

/// A value to write: it has no place in a file yet.
pub fn written<T>(value: T) -> Spanned<T> {
    Spanned::new(0..0, value)
}

/// `actors.toml`.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorsFile {
    #[serde(default)]
    pub actor: Vec<ActorEntry>,
}

/// One `[[actor]]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorEntry {
    pub id: Spanned<String>,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
    /// `#rrggbb`, checked by validation.
    pub colour: Spanned<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

/// `places.toml`.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlacesFile {
    #[serde(default)]
    pub place: Vec<PlaceEntry>,
}

/// One `[[place]]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceEntry {
    pub id: Spanned<String>,
    pub name: String,
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2.
    #[serde(default)]
    pub country: String,
    pub lat: Spanned<f64>,
    pub lon: Spanned<f64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Where the coordinates come from.
    #[serde(default)]
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// `articles.toml`.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticlesFile {
    #[serde(default)]
    pub article: Vec<ArticleEntry>,
}

/// One `[[article]]`: its text is the file it names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleEntry {
    pub id: Spanned<String>,
    /// The text's path, relative to the data directory.
    pub file: Spanned<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_basis: Option<TitleBasis>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet_note: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dateline: Option<String>,
    /// A TOML date or a string.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Spanned<DateInput>>,
    pub date_basis: Spanned<DateBasis>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_precision: Option<Precision>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rewrite_of: Option<Spanned<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_note: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

/// `events.toml` or a file of `events/`.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventsFile {
    #[serde(default)]
    pub event: Vec<EventEntry>,
}

/// One `[[event]]`: a claim of control with its sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventEntry {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<Spanned<String>>,
    /// A place's id, name or alias.
    pub place: Spanned<String>,
    /// A TOML date or datetime, or a string (`"2017"` when only the year is known).
    pub date: Spanned<DateInput>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub precision: Option<Precision>,
    pub kind: Spanned<EventKind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<Spanned<ActorsInput>>,
    /// Who holds it after (absent for a `lost` claim).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<Spanned<ActorsInput>>,
    /// "held" (the default, from `to`) or "lost" (with `lost_by`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Spanned<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lost_by: Option<Spanned<ActorList>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis: Option<Basis>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annotator: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annotated: Option<Spanned<DateInput>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reviewed_by: Option<String>,
    /// A version's rank in a dispute (`preferred` or `deprecated`), and why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rank: Option<Rank>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rank_reason: Option<String>,
    /// Each `[[event.source]]`, read on its own: a source with a bad field is reported and
    /// counted as damaged, instead of hiding the whole event with its valid sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub source: Vec<Spanned<Checked<SourceEntry>>>,
}

/// One `[[event.source]]`: a quote of an article (a W3C TextQuoteSelector) and the phrase that
/// dates the event in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceEntry {
    /// An article's id.
    pub article: Spanned<String>,
    pub quote: Spanned<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_phrase: Option<Spanned<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suffix: Option<String>,
}

impl SourceEntry {
    /// The source as an event's entry holds it.
    pub fn into_entry(self) -> Spanned<Checked<SourceEntry>> {
        written(Checked::Valid(self))
    }
}

/// `stories.toml`.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoriesFile {
    #[serde(default)]
    pub story: Vec<StoryEntry>,
}

/// One `[[story]]`, its steps in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoryEntry {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub step: Vec<Spanned<StepEntry>>,
}

/// One `[[story.step]]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepEntry {
    /// `2017-11-09` (the end of that day) or `2017-11-09T06:00`.
    pub date: Spanned<String>,
    /// A place's id, name or alias.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub select: Option<Spanned<String>>,
    /// `[lat, lon]`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub centre: Option<Spanned<[f64; 2]>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zoom: Option<Spanned<f64>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hidden_actors: Vec<Spanned<String>>,
    pub caption: String,
}

/// A new entry as a `toml_edit` table, to append to a file the workbench keeps the comments
/// and layout of: the entry's fields in order, and its lists of tables (an event's sources)
/// as `[[...]]` tables, each set off by a blank line.
pub fn entry_table(entry: &impl Serialize) -> Result<toml_edit::Table, toml_edit::ser::Error> {
    let doc = toml_edit::ser::to_document(entry)?;
    let mut table = toml_edit::Table::new();
    table.decor_mut().set_prefix("\n");
    for (key, item) in doc.as_table().iter() {
        let item = match item.as_array() {
            Some(array) if !array.is_empty() && array.iter().all(|v| v.is_inline_table()) => {
                let mut tables = toml_edit::ArrayOfTables::new();
                for v in array.iter() {
                    let mut t = v.as_inline_table().expect("checked").clone().into_table();
                    t.decor_mut().set_prefix("\n");
                    tables.push(t);
                }
                toml_edit::Item::ArrayOfTables(tables)
            }
            _ => item.clone(),
        };
        table.insert(key, item);
    }
    Ok(table)
}

#[cfg(test)]
mod tests;
