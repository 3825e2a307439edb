//! `frontline import acled FILE.csv --out DIR`: a loaded store written as a TOML data directory
//! (`data/README.md`) through the store's schema ([`crate::store::schema`]), for those who go
//! on to annotate by hand. Loading the directory gives the same states, day by day, as the
//! file.

use std::path::Path;

use crate::store::load::{ACTORS_FILE, ARTICLES_FILE, EVENTS_DIR, PLACES_FILE};
use crate::store::schema::{
    ActorEntry, ActorList, ActorsFile, ActorsInput, ArticleEntry, ArticlesFile, DateInput,
    EventEntry, EventsFile, PlaceEntry, PlacesFile, SourceEntry, written,
};
use crate::store::source::is_new_or_empty;
use crate::store::{ActorIx, Control, Precision, Store};

/// Events per file under `events/`.
const EVENTS_PER_FILE: usize = 1000;

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{path}: the directory is not empty; choose a new or empty directory")]
    NotEmpty { path: String },
    #[error("cannot write {path}: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot write TOML: {0}")]
    Toml(#[from] toml::ser::Error),
}

/// A file name made of an id: letters, digits, `-` and `_` only.
fn file_stem(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// The last few words before a quote, enough to tell it from another of the same text.
fn prefix(before: &str) -> String {
    let start = before
        .char_indices()
        .rev()
        .nth(PREFIX_CHARS - 1)
        .map_or(0, |(i, _)| i);
    before[start..].to_owned()
}

/// Characters of a quote's prefix.
const PREFIX_CHARS: usize = 32;

/// Writes the store (its valid part) as a data directory. Returns the number of events.
pub fn write_data_dir(store: &Store, dir: &Path) -> Result<usize, ImportError> {
    let io = |path: &Path| {
        let path = path.display().to_string();
        move |source| ImportError::Write { path, source }
    };
    if !is_new_or_empty(dir).map_err(io(dir))? {
        return Err(ImportError::NotEmpty {
            path: dir.display().to_string(),
        });
    }
    std::fs::create_dir_all(dir.join("articles")).map_err(io(dir))?;
    std::fs::create_dir_all(dir.join("events")).map_err(io(dir))?;
    let write = |rel: &str, text: &str| {
        let path = dir.join(rel);
        std::fs::write(&path, text).map_err(io(&path))
    };
    let actors = ActorsFile {
        actor: store
            .actors
            .iter()
            .map(|a| ActorEntry {
                id: written(a.id.clone()),
                name: a.name.clone(),
                short: Some(a.short.clone()),
                colour: written(format!(
                    "#{:02x}{:02x}{:02x}",
                    a.colour[0], a.colour[1], a.colour[2]
                )),
                aliases: a.aliases.clone(),
            })
            .collect(),
    };
    write(ACTORS_FILE, &toml::to_string(&actors)?)?;
    let places = PlacesFile {
        place: store
            .places
            .iter()
            .map(|p| PlaceEntry {
                id: written(p.id.clone()),
                name: p.name.clone(),
                kind: p.kind,
                country: p.country.clone(),
                lat: written(p.lat),
                lon: written(p.lon),
                aliases: p.aliases.clone(),
                source: p.source.clone(),
                note: p.note.clone(),
            })
            .collect(),
    };
    write(PLACES_FILE, &toml::to_string(&places)?)?;
    let mut articles = ArticlesFile::default();
    for a in &store.articles {
        let file = format!("articles/{}.txt", file_stem(&a.id));
        write(&file, &a.text)?;
        articles.article.push(ArticleEntry {
            id: written(a.id.clone()),
            file: written(file),
            title: Some(a.title.clone()),
            title_basis: None,
            outlet: a.outlet.clone(),
            outlet_note: a.outlet_note.clone(),
            dateline: a.dateline.clone(),
            date: a.date.map(|d| written(DateInput::Text(d.to_string()))),
            date_basis: written(a.date_basis),
            date_precision: Some(a.date_precision),
            rewrite_of: a.rewrite_of.map(|r| written(store.articles[r].id.clone())),
            date_note: a.date_note.clone(),
            url: a.url.clone(),
            language: a.language.clone(),
        });
    }
    write(ARTICLES_FILE, &toml::to_string(&articles)?)?;
    let id = |a: ActorIx| store.actors[a].id.clone();
    let holder = |c: Control| match c {
        Control::Held(a) | Control::Lost(a, None) => ActorsInput::One(id(a)),
        Control::Contested(a, b) | Control::Lost(a, Some(b)) => ActorsInput::Two(id(a), id(b)),
    };
    let lost_by = |c: Control| match c {
        Control::Lost(a, b) => Some(ActorList(Some(
            std::iter::once(a).chain(b).map(id).collect(),
        ))),
        _ => None,
    };
    let events = store.events.iter().filter(|e| e.contradicts.is_none());
    let events: Vec<EventEntry> = events
        .map(|e| EventEntry {
            id: Some(written(e.id.clone())),
            place: written(store.places[e.place].id.clone()),
            date: written(DateInput::Text(if e.precision == Precision::Year {
                chrono::Datelike::year(&e.date).to_string()
            } else if e.at.time() == chrono::NaiveTime::MIN {
                e.date.to_string()
            } else {
                e.at.format("%Y-%m-%dT%H:%M").to_string()
            })),
            precision: Some(e.precision),
            kind: written(e.kind),
            from: e.from.map(|c| written(holder(c))),
            to: lost_by(e.to).is_none().then(|| written(holder(e.to))),
            status: lost_by(e.to).map(|_| written("lost".to_owned())),
            lost_by: lost_by(e.to).map(written),
            basis: Some(e.basis),
            note: e.note.clone(),
            annotator: None,
            annotated: None,
            reviewed_by: None,
            rank: (e.rank != crate::store::Rank::Normal).then_some(e.rank),
            rank_reason: e.rank_reason.clone(),
            source: e
                .quotes
                .iter()
                .map(|q| {
                    let text = &store.articles[q.article].text;
                    let exact = q.exact(&store.articles);
                    SourceEntry {
                        article: written(store.articles[q.article].id.clone()),
                        quote: written(exact.to_owned()),
                        date_phrase: q.date_phrase.clone().map(written),
                        // A quote found more than once is told apart by the text before it.
                        prefix: (text.matches(exact).nth(1).is_some())
                            .then(|| prefix(&text[..q.byte_start])),
                        suffix: None,
                    }
                    .into_entry()
                })
                .collect(),
        })
        .collect();
    let n = events.len();
    let mut events = events.into_iter().peekable();
    let mut part = 0;
    while events.peek().is_some() {
        part += 1;
        let chunk = EventsFile {
            event: events.by_ref().take(EVENTS_PER_FILE).collect(),
        };
        write(
            &format!("{EVENTS_DIR}/part-{part:04}.toml"),
            &toml::to_string(&chunk)?,
        )?;
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::DataSource;

    /// The bundled data (held, contested and lost states, several quotes per event) written
    /// through the schema loads back clean, with the same state of every place every day.
    #[test]
    fn the_bundled_data_written_as_a_directory_loads_back_the_same() {
        let store = crate::bundled::store();
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("out");
        let n = write_data_dir(&store, &dir).unwrap();
        assert_eq!(n, store.events.len());
        let back = Store::load(&DataSource::Dir(dir.clone()));
        assert_eq!(
            back.diagnostics.error_count(),
            0,
            "{:?}",
            back.diagnostics.items
        );
        let (start, end) = store.span().unwrap();
        let mut at = start;
        while at <= end + chrono::Duration::days(1) {
            for (p, place) in store.places.iter().enumerate() {
                let q = back.places.iter().position(|b| b.id == place.id).unwrap();
                let name = |s: &Store, c| s.describe(c);
                assert_eq!(
                    name(&back, back.state_at(q, at).control),
                    name(&store, store.state_at(p, at).control),
                    "{} at {at}",
                    place.id
                );
            }
            at += chrono::Duration::days(1);
        }
        // Never over anything.
        assert!(matches!(
            write_data_dir(&store, &dir),
            Err(ImportError::NotEmpty { .. })
        ));
    }
}
