//! `frontline import acled FILE.csv --out DIR`: a loaded store written as a TOML data directory
//! (`data/README.md`), through serde as the synthetic corpus is, for those who go on to
//! annotate by hand. Loading the directory gives the same states, day by day, as the file.

use std::path::Path;

use serde::Serialize;

use crate::store::source::is_new_or_empty;
use crate::store::{Basis, Control, DateBasis, EventKind, PlaceKind, Precision, Store};

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

#[derive(Serialize)]
struct Actor<'a> {
    id: &'a str,
    name: &'a str,
    short: &'a str,
    colour: String,
}

#[derive(Serialize)]
struct Place<'a> {
    id: &'a str,
    name: &'a str,
    kind: PlaceKind,
    country: &'a str,
    lat: f64,
    lon: f64,
    aliases: &'a [String],
    source: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct Article<'a> {
    id: &'a str,
    file: String,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    outlet: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    date_basis: DateBasis,
    date_precision: Precision,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Holder<'a> {
    One(&'a str),
    Two([&'a str; 2]),
}

#[derive(Serialize)]
struct Event<'a> {
    id: &'a str,
    place: &'a str,
    date: String,
    precision: Precision,
    kind: EventKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<Holder<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    to: Option<Holder<'a>>,
    /// `lost` for a place no longer held by `lost_by`, who holds it not being said.
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lost_by: Option<Vec<&'a str>>,
    basis: Basis,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    source: Vec<Source<'a>>,
}

#[derive(Serialize)]
struct Source<'a> {
    article: &'a str,
    quote: &'a str,
}

#[derive(Serialize)]
struct Table<T> {
    #[serde(flatten)]
    entries: std::collections::BTreeMap<&'static str, Vec<T>>,
}

fn table<T: Serialize>(key: &'static str, entries: Vec<T>) -> Result<String, ImportError> {
    Ok(toml::to_string(&Table {
        entries: [(key, entries)].into_iter().collect(),
    })?)
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
    let actors = store.actors.iter().map(|a| Actor {
        id: &a.id,
        name: &a.name,
        short: &a.short,
        colour: format!("#{:02x}{:02x}{:02x}", a.colour[0], a.colour[1], a.colour[2]),
    });
    write("actors.toml", &table("actor", actors.collect())?)?;
    let places = store.places.iter().map(|p| Place {
        id: &p.id,
        name: &p.name,
        kind: p.kind,
        country: &p.country,
        lat: p.lat,
        lon: p.lon,
        aliases: &p.aliases,
        source: &p.source,
        note: p.note.as_deref(),
    });
    write("places.toml", &table("place", places.collect())?)?;
    let mut articles = Vec::with_capacity(store.articles.len());
    for a in &store.articles {
        let file = format!("articles/{}.txt", file_stem(&a.id));
        write(&file, &a.text)?;
        articles.push(Article {
            id: &a.id,
            file,
            title: &a.title,
            outlet: a.outlet.as_deref(),
            date: a.date.map(|d| d.to_string()),
            date_basis: a.date_basis,
            date_precision: a.date_precision,
        });
    }
    write("articles.toml", &table("article", articles)?)?;
    let holder = |c: Control| match c {
        Control::Held(a) => Holder::One(&store.actors[a].id),
        Control::Contested(a, b) | Control::Lost(a, Some(b)) => {
            Holder::Two([&store.actors[a].id, &store.actors[b].id])
        }
        Control::Lost(a, None) => Holder::One(&store.actors[a].id),
    };
    let lost_by = |c: Control| match c {
        Control::Lost(a, b) => Some(
            std::iter::once(a)
                .chain(b)
                .map(|x| store.actors[x].id.as_str())
                .collect(),
        ),
        _ => None,
    };
    let events = store.events.iter().filter(|e| e.contradicts.is_none());
    let events: Vec<Event> = events
        .map(|e| Event {
            id: &e.id,
            place: &store.places[e.place].id,
            date: if e.precision == Precision::Year {
                chrono::Datelike::year(&e.date).to_string()
            } else if e.at.time() == chrono::NaiveTime::MIN {
                e.date.to_string()
            } else {
                e.at.format("%Y-%m-%dT%H:%M").to_string()
            },
            precision: e.precision,
            kind: e.kind,
            from: e.from.map(holder),
            to: lost_by(e.to).is_none().then(|| holder(e.to)),
            status: lost_by(e.to).map(|_| "lost"),
            lost_by: lost_by(e.to),
            basis: e.basis,
            note: e.note.as_deref(),
            source: e
                .quotes
                .iter()
                .map(|q| Source {
                    article: &store.articles[q.article].id,
                    quote: q.exact(&store.articles),
                })
                .collect(),
        })
        .collect();
    let n = events.len();
    let mut events = events.into_iter().peekable();
    let mut part = 0;
    while events.peek().is_some() {
        part += 1;
        let chunk: Vec<Event> = events.by_ref().take(EVENTS_PER_FILE).collect();
        write(
            &format!("events/part-{part:04}.toml"),
            &table("event", chunk)?,
        )?;
    }
    Ok(n)
}
