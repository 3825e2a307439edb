//! The TOML data directory of `data/README.md`, the first [`Format`]: `actors.toml`,
//! `places.toml`, `articles.toml`, `events.toml` or `events/*.toml`, and the articles' texts.

use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;
use serde::de::DeserializeOwned;

use super::super::diagnostics::Diagnostics;
use super::super::schema::{ActorEntry, ArticleEntry, EventEntry, PlaceEntry};
use super::super::source::{DataSource, MAX_ARTICLE_BYTES, MAX_TOML_BYTES, ReadError};
use super::entries::parse_entries;
use super::from_toml;
use super::parsed::{Format, ParsedCatalog, ParsedEvents, origin_in};

pub const ACTORS_FILE: &str = "actors.toml";
pub const PLACES_FILE: &str = "places.toml";
pub const ARTICLES_FILE: &str = "articles.toml";
pub const EVENTS_FILE: &str = "events.toml";
pub const EVENTS_DIR: &str = "events";

/// Reads a TOML data directory (on disk or bundled).
pub struct TomlDir<'a> {
    pub source: &'a DataSource,
}

impl Format for TomlDir<'_> {
    fn catalog(&self) -> ParsedCatalog {
        let source = self.source;
        let mut c = ParsedCatalog::default();
        if !source.root_exists() {
            c.diagnostics.error(
                &source.describe(),
                None,
                "the data directory does not exist",
                Some("pass --data with a directory holding actors.toml, places.toml, articles.toml and events.toml, or leave --data out to use the bundled data".into()),
            );
            return c;
        }
        let any_data = [
            ACTORS_FILE,
            PLACES_FILE,
            ARTICLES_FILE,
            EVENTS_FILE,
            EVENTS_DIR,
        ]
        .iter()
        .any(|f| source.exists(f));
        if !any_data {
            c.diagnostics.error(
                &source.describe(),
                None,
                "this directory holds no Frontline data: none of actors.toml, places.toml, articles.toml, events.toml",
                Some("point --data at a data directory (see the data format in data/README.md), or leave --data out to use the bundled data".into()),
            );
            return c;
        }
        let actors: Vec<(ActorEntry, _)> = self.required_entries(&mut c, ACTORS_FILE, "actor");
        let places: Vec<(PlaceEntry, _)> = self.required_entries(&mut c, PLACES_FILE, "place");
        let articles: Vec<(ArticleEntry, _)> =
            self.required_entries(&mut c, ARTICLES_FILE, "article");
        if source.exists(EVENTS_FILE) {
            c.event_units.push(EVENTS_FILE.to_owned());
        }
        c.event_units.extend(source.list(EVENTS_DIR, "toml"));
        if c.event_units.is_empty() {
            c.diagnostics.error(
                EVENTS_FILE,
                None,
                "no events: neither events.toml nor any events/*.toml file exists",
                Some(
                    "create events.toml with [[event]] entries (see the data format in README.md)"
                        .into(),
                ),
            );
        }
        c.actors_unreadable = c.unreadable.iter().any(|f| f == ACTORS_FILE);
        c.places_unreadable = c.unreadable.iter().any(|f| f == PLACES_FILE);

        let d = &c.diagnostics;
        let file: Arc<str> = ACTORS_FILE.into();
        c.actors = actors
            .into_iter()
            .map(|(r, span)| from_toml::actor(r, origin_in(&file, span, d)))
            .collect();
        let file: Arc<str> = PLACES_FILE.into();
        c.places = places
            .into_iter()
            .map(|(r, span)| from_toml::place(r, origin_in(&file, span, d)))
            .collect();
        // Article texts are read on every core (ten thousand files are many system calls).
        let texts: Vec<Result<String, ReadError>> = articles
            .par_iter()
            .map(|(r, _)| source.read_text(r.file.get_ref(), MAX_ARTICLE_BYTES))
            .collect();
        let file: Arc<str> = ARTICLES_FILE.into();
        c.articles = articles
            .into_iter()
            .zip(texts)
            .map(|((r, span), text)| from_toml::article(r, origin_in(&file, span, d), text))
            .collect();
        c
    }

    fn events(&self, unit: &str) -> ParsedEvents {
        let mut d = Diagnostics::default();
        let Some(text) = read(self.source, &mut d, unit, false) else {
            return ParsedEvents {
                events: Vec::new(),
                diagnostics: d,
            };
        };
        let raws: Vec<(EventEntry, _)> = parse_entries(&mut d, unit, &text, "event", false);
        drop(text);
        let file: Arc<str> = unit.into();
        let events = raws
            .into_iter()
            .map(|(r, span)| {
                from_toml::event(r, origin_in(&file, span, &d), |s| origin_in(&file, s, &d))
            })
            .collect();
        ParsedEvents {
            events,
            diagnostics: d,
        }
    }
}

impl TomlDir<'_> {
    /// The entries of a file every data directory needs (a file that cannot be read is
    /// recorded as such).
    fn required_entries<T: DeserializeOwned>(
        &self,
        c: &mut ParsedCatalog,
        file: &str,
        key: &str,
    ) -> Vec<(T, Range<usize>)> {
        match read(self.source, &mut c.diagnostics, file, true) {
            Some(text) => parse_entries(&mut c.diagnostics, file, &text, key, true),
            None => {
                c.unreadable.push(file.to_owned());
                Vec::new()
            }
        }
    }
}

/// Reads an annotation file, reporting why it cannot be (a missing file only when it is
/// `required`), and keeps its text in `d` for the problems found in it.
pub fn read(
    source: &DataSource,
    d: &mut Diagnostics,
    file: &str,
    required: bool,
) -> Option<String> {
    match source.read_text(file, MAX_TOML_BYTES) {
        Ok(text) => {
            d.add_source(file, &text);
            Some(text)
        }
        Err(ReadError::NotFound) if !required => None,
        Err(ReadError::NotFound) => {
            d.error(
                file,
                None,
                format!("{file} is missing"),
                Some(format!(
                    "every data directory needs {file}; see the data format in README.md"
                )),
            );
            None
        }
        Err(e @ ReadError::NotUtf8 { line, col }) => {
            d.error_at_line(
                file,
                line,
                col,
                format!("cannot read {file}: {e}"),
                Some("save the file as UTF-8 text".into()),
            );
            None
        }
        Err(e) => {
            let hint = match e {
                ReadError::TooLarge { .. } => Some(
                    "is this the right file? Split very large annotation files into events/*.toml"
                        .into(),
                ),
                ReadError::OutsideDataDir => {
                    Some("data files must be inside the data directory".into())
                }
                _ => None,
            };
            d.error(file, None, format!("cannot read {file}: {e}"), hint);
            None
        }
    }
}
