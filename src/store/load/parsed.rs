//! The parsed model: what a data format yields before any check, and the [`Format`] trait
//! every format implements. Names are still names (not yet resolved), dates still text, and
//! every value keeps the bytes it was written at, so that validation, which knows no format,
//! reports each problem at the right line of the right file.

use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};

use super::super::dates::{InstantInput, parse_instant};
use super::super::diagnostics::Diagnostics;
use super::super::model::{
    Basis, DateBasis, EventKind, Origin, PlaceKind, Precision, Rank, TitleBasis,
};
use super::super::source::ReadError;

/// A value with the byte range it was written at, in the file of the entry that holds it.
/// serde_spanned's: the TOML reader gets it for free from serde, any other reader builds it
/// with `Spanned::new(range, value)`.
pub use toml::Spanned;

/// A format of data directory: the TOML files of `data/README.md` today, an ACLED-format CSV
/// file next. Events are read unit by unit (a file, or a part of one), so that the pipeline
/// can check a few units at a time on every core and never holds the parsed entries of a
/// whole war at once.
pub trait Format: Sync {
    /// Reads the actors, places and articles (with their texts), and names the units of
    /// events, in order. Problems go into the catalog's diagnostics, with the text of every
    /// file they point into.
    fn catalog(&self) -> ParsedCatalog;

    /// Reads one unit of events named by [`ParsedCatalog::event_units`]. Called on several
    /// threads at once; its problems, and the text of its file, go into its own diagnostics.
    fn events(&self, unit: &str) -> ParsedEvents;
}

/// Actors, places and articles as written, and where the events are.
#[derive(Debug, Default)]
pub struct ParsedCatalog {
    pub actors: Vec<ParsedActor>,
    pub places: Vec<ParsedPlace>,
    pub articles: Vec<ParsedArticle>,
    /// The units of events, in the order their events are taken (ties in time keep it).
    pub event_units: Vec<String>,
    /// Files that could not be read at all, for the message counting the events left out.
    pub unreadable: Vec<String>,
    /// Whether the actors (places) could not be read: an event naming an unknown actor
    /// (place) is then counted as left out rather than reported one by one, as a compiler
    /// does not cascade either.
    pub actors_unreadable: bool,
    pub places_unreadable: bool,
    pub diagnostics: Diagnostics,
    /// Rows of a format that were read but claim no change of control (an ACLED file's
    /// battles, protests and other activity), counted for the summary.
    pub other_rows: usize,
}

/// One unit of events as written.
#[derive(Debug, Default)]
pub struct ParsedEvents {
    pub events: Vec<ParsedEvent>,
    pub diagnostics: Diagnostics,
}

#[derive(Debug)]
pub struct ParsedActor {
    pub origin: Origin,
    pub id: Spanned<String>,
    pub name: String,
    pub short: Option<String>,
    /// `#rrggbb`, checked by validation.
    pub colour: Spanned<String>,
    pub aliases: Vec<String>,
}

#[derive(Debug)]
pub struct ParsedPlace {
    pub origin: Origin,
    pub id: Spanned<String>,
    pub name: String,
    pub kind: PlaceKind,
    pub country: String,
    pub lat: Spanned<f64>,
    pub lon: Spanned<f64>,
    pub aliases: Vec<String>,
    pub source: String,
    pub note: Option<String>,
}

#[derive(Debug)]
pub struct ParsedArticle {
    pub origin: Origin,
    pub id: Spanned<String>,
    /// The text's path, relative to the data directory.
    pub file: Spanned<String>,
    /// The text, or why it could not be read.
    pub text: Result<String, ReadError>,
    pub title: Option<String>,
    pub title_basis: Option<TitleBasis>,
    pub outlet: Option<String>,
    pub outlet_note: Option<String>,
    pub dateline: Option<String>,
    pub date: Option<Spanned<DateInput>>,
    pub date_basis: Spanned<DateBasis>,
    pub date_precision: Option<Precision>,
    pub rewrite_of: Option<Spanned<String>>,
    pub date_note: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
}

#[derive(Debug)]
pub struct ParsedEvent {
    pub origin: Origin,
    pub id: Option<Spanned<String>>,
    /// A place's id, name or alias.
    pub place: Spanned<String>,
    pub date: Spanned<DateInput>,
    pub precision: Option<Precision>,
    pub kind: Spanned<EventKind>,
    pub basis: Option<Basis>,
    pub from: Option<Spanned<ActorsInput>>,
    /// Who holds it after (absent for a `lost` claim).
    pub to: Option<Spanned<ActorsInput>>,
    /// "held" (the default, from `to`) or "lost" (with `lost_by`).
    pub status: Option<Spanned<String>>,
    /// Who lost it: actor names, or None when not written as strings.
    pub lost_by: Option<Spanned<Option<Vec<String>>>>,
    pub note: Option<String>,
    pub annotator: Option<String>,
    pub annotated: Option<Spanned<DateInput>>,
    pub reviewed_by: Option<String>,
    /// A version's rank in a dispute (`rank = "preferred"`), and why.
    pub rank: Option<Rank>,
    pub rank_reason: Option<String>,
    /// Each source, or why it could not be read (a bad field): damaged, not fatal.
    pub sources: Vec<Result<ParsedSource, InvalidSource>>,
}

/// A source entry that could not be read, with where it is and why.
#[derive(Debug)]
pub struct InvalidSource {
    pub span: std::ops::Range<usize>,
    pub message: String,
}

/// One article's support for an event (a W3C TextQuoteSelector with the phrase that dates it).
#[derive(Debug)]
pub struct ParsedSource {
    pub origin: Origin,
    /// An article's id.
    pub article: Spanned<String>,
    pub quote: Spanned<String>,
    pub prefix: Option<String>,
    pub suffix: Option<String>,
    pub date_phrase: Option<Spanned<String>>,
}

/// A date as written: text to be parsed (`2017-11-09`, `2017-11-09T14:00`), or a value of
/// another kind, named for the message.
#[derive(Debug, Clone, PartialEq)]
pub enum DateInput {
    Text(String),
    NotText { found: &'static str },
}

/// Who holds a place, as written: one actor's name (held), two (contested), or something
/// else (reported).
#[derive(Debug, Clone, PartialEq)]
pub enum ActorsInput {
    One(String),
    Two(String, String),
    Malformed,
}

/// An [`Origin`] in `file` at `span`, with the line `diagnostics` (which must hold the file's
/// text) gives the span's start.
pub(crate) fn origin_in(
    file: &Arc<str>,
    span: std::ops::Range<usize>,
    diagnostics: &Diagnostics,
) -> Origin {
    Origin {
        line: diagnostics.line_of(file, span.start),
        file: file.clone(),
        span,
    }
}

/// Why a written date is not one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum DateInputError {
    #[error("a date must be \"YYYY-MM-DD\", not a {found}")]
    NotText { found: &'static str },
    #[error("\"{text}\" is not a valid date")]
    Invalid { text: String },
}

impl DateInput {
    /// The day, and the instant when a time of day is written.
    pub(crate) fn resolve(&self) -> Result<(NaiveDate, Option<NaiveDateTime>), DateInputError> {
        let text = match self {
            DateInput::Text(text) => text,
            DateInput::NotText { found } => return Err(DateInputError::NotText { found }),
        };
        match parse_instant(text) {
            Ok(InstantInput::Date(d)) => Ok((d, None)),
            Ok(InstantInput::DateTime(t)) => Ok((t.date(), Some(t))),
            Err(_) => Err(DateInputError::Invalid { text: text.clone() }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_dates_resolve_or_say_why_not() {
        let day = NaiveDate::from_ymd_opt(2017, 11, 9).unwrap();
        assert_eq!(
            DateInput::Text("2017-11-09".into()).resolve(),
            Ok((day, None))
        );
        assert_eq!(
            DateInput::Text("2017-11-09T14:00".into()).resolve(),
            Ok((day, day.and_hms_opt(14, 0, 0)))
        );
        let err = DateInput::Text("2017-13-40".into()).resolve().unwrap_err();
        assert_eq!(
            err,
            DateInputError::Invalid {
                text: "2017-13-40".into()
            }
        );
        assert_eq!(err.to_string(), "\"2017-13-40\" is not a valid date");
        let err = DateInput::NotText { found: "boolean" }
            .resolve()
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "a date must be \"YYYY-MM-DD\", not a boolean"
        );
        // A typed error: it can be a source of another.
        let _: &dyn std::error::Error = &err;
    }
}
