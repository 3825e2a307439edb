//! The TOML schema of a data directory (`data/README.md`): one serde struct per kind of
//! `[[entry]]`, each turned into the parsed model that every format shares.

use serde::Deserialize;
use toml::Spanned;

use super::super::model::{Basis, DateBasis, EventKind, Origin, PlaceKind, Precision, TitleBasis};
use super::super::source::ReadError;
use super::parsed::{
    ActorsInput, DateInput, InvalidSource, ParsedActor, ParsedArticle, ParsedEvent, ParsedPlace,
    ParsedSource,
};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawActor {
    id: Spanned<String>,
    name: String,
    short: Option<String>,
    colour: Spanned<String>,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPlace {
    id: Spanned<String>,
    name: String,
    kind: PlaceKind,
    #[serde(default)]
    country: String,
    lat: Spanned<f64>,
    lon: Spanned<f64>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    source: String,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawArticle {
    id: Spanned<String>,
    pub file: Spanned<String>,
    title: Option<String>,
    title_basis: Option<TitleBasis>,
    outlet: Option<String>,
    outlet_note: Option<String>,
    dateline: Option<String>,
    date: Option<Spanned<toml::Value>>,
    date_basis: Spanned<DateBasis>,
    date_precision: Option<Precision>,
    rewrite_of: Option<Spanned<String>>,
    date_note: Option<String>,
    url: Option<String>,
    language: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEvent {
    id: Option<Spanned<String>>,
    place: Spanned<String>,
    date: Spanned<toml::Value>,
    precision: Option<Precision>,
    kind: Spanned<EventKind>,
    basis: Option<Basis>,
    from: Option<Spanned<toml::Value>>,
    to: Option<Spanned<toml::Value>>,
    status: Option<Spanned<String>>,
    lost_by: Option<Spanned<toml::Value>>,
    note: Option<String>,
    annotator: Option<String>,
    annotated: Option<Spanned<toml::Value>>,
    reviewed_by: Option<String>,
    #[serde(default)]
    source: Vec<Spanned<SourceEntry>>,
}

/// One `[[event.source]]`, read on its own: a source with a bad field is reported and counted
/// as damaged, instead of hiding the whole event with its valid sources.
enum SourceEntry {
    Valid(RawSource),
    Invalid(String),
}

impl<'de> Deserialize<'de> for SourceEntry {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match RawSource::deserialize(d) {
            Ok(s) => SourceEntry::Valid(s),
            Err(e) => SourceEntry::Invalid(e.to_string().lines().next().unwrap_or("").to_owned()),
        })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    article: Spanned<String>,
    quote: Spanned<String>,
    prefix: Option<String>,
    suffix: Option<String>,
    date_phrase: Option<Spanned<String>>,
}

impl RawActor {
    pub(crate) fn parsed(self, origin: Origin) -> ParsedActor {
        ParsedActor {
            origin,
            id: self.id,
            name: self.name,
            short: self.short,
            colour: self.colour,
            aliases: self.aliases,
        }
    }
}

impl RawPlace {
    pub(crate) fn parsed(self, origin: Origin) -> ParsedPlace {
        ParsedPlace {
            origin,
            id: self.id,
            name: self.name,
            kind: self.kind,
            country: self.country,
            lat: self.lat,
            lon: self.lon,
            aliases: self.aliases,
            source: self.source,
            note: self.note,
        }
    }
}

impl RawArticle {
    pub(crate) fn parsed(self, origin: Origin, text: Result<String, ReadError>) -> ParsedArticle {
        ParsedArticle {
            origin,
            id: self.id,
            file: self.file,
            text,
            title: self.title,
            title_basis: self.title_basis,
            outlet: self.outlet,
            outlet_note: self.outlet_note,
            dateline: self.dateline,
            date: self.date.map(date_input),
            date_basis: self.date_basis,
            date_precision: self.date_precision,
            rewrite_of: self.rewrite_of,
            date_note: self.date_note,
            url: self.url,
            language: self.language,
        }
    }
}

impl RawEvent {
    /// `origin_of` gives the origin of a span in the event's file (the event's own and each
    /// source's).
    pub(crate) fn parsed(
        self,
        origin: Origin,
        origin_of: impl Fn(std::ops::Range<usize>) -> Origin,
    ) -> ParsedEvent {
        ParsedEvent {
            origin,
            id: self.id,
            place: self.place,
            date: date_input(self.date),
            precision: self.precision,
            kind: self.kind,
            basis: self.basis,
            from: self.from.map(actors_input),
            to: self.to.map(actors_input),
            status: self.status,
            lost_by: self.lost_by.map(|v| {
                let span = v.span();
                let names = match v.into_inner() {
                    toml::Value::String(s) => Some(vec![s]),
                    toml::Value::Array(items) => items
                        .into_iter()
                        .map(|i| match i {
                            toml::Value::String(s) => Some(s),
                            _ => None,
                        })
                        .collect(),
                    _ => None,
                };
                Spanned::new(span, names)
            }),
            note: self.note,
            annotator: self.annotator,
            annotated: self.annotated.map(date_input),
            reviewed_by: self.reviewed_by,
            sources: self
                .source
                .into_iter()
                .map(|s| {
                    let span = s.span();
                    let origin = origin_of(span.clone());
                    match s.into_inner() {
                        SourceEntry::Valid(s) => Ok(ParsedSource {
                            origin,
                            article: s.article,
                            quote: s.quote,
                            prefix: s.prefix,
                            suffix: s.suffix,
                            date_phrase: s.date_phrase,
                        }),
                        SourceEntry::Invalid(message) => Err(InvalidSource { span, message }),
                    }
                })
                .collect(),
        }
    }
}

/// A TOML date (`2017-11-03`) or string (`"2017-11-03"`, `"2017-11-03T14:00"`) as text.
fn date_input(v: Spanned<toml::Value>) -> Spanned<DateInput> {
    let span = v.span();
    let input = match v.into_inner() {
        toml::Value::String(s) => DateInput::Text(s),
        toml::Value::Datetime(dt) => DateInput::Text(dt.to_string()),
        other => DateInput::NotText {
            found: other.type_str(),
        },
    };
    Spanned::new(span, input)
}

/// `to`/`from`: a string (held) or a list of two strings (contested).
fn actors_input(v: Spanned<toml::Value>) -> Spanned<ActorsInput> {
    let span = v.span();
    let input = match v.into_inner() {
        toml::Value::String(s) => ActorsInput::One(s),
        toml::Value::Array(items) => match <[toml::Value; 2]>::try_from(items) {
            Ok([toml::Value::String(a), toml::Value::String(b)]) => ActorsInput::Two(a, b),
            _ => ActorsInput::Malformed,
        },
        _ => ActorsInput::Malformed,
    };
    Spanned::new(span, input)
}
