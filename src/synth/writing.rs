//! The corpus as files of the data format: TOML written through serde from structs that
//! mirror `actors.toml`, `places.toml`, `articles.toml` and `events/*.toml`, and the
//! articles' text under `articles/`.

use serde::Serialize;

use super::geography::SynthPlace;
use super::history::{Ctrl, SynthEvent};
use super::prose::SynthArticle;
use super::vocabulary::ACTORS;
use super::{SynthError, day_of};

/// Events per file under `events/`.
const EVENTS_PER_FILE: usize = 1000;

#[derive(Serialize)]
struct ActorsFile {
    actor: Vec<ActorEntry>,
}

#[derive(Serialize)]
struct ActorEntry {
    id: &'static str,
    name: &'static str,
    short: &'static str,
    colour: &'static str,
    aliases: [&'static str; 1],
}

#[derive(Serialize)]
struct PlacesFile<'a> {
    place: Vec<PlaceEntry<'a>>,
}

#[derive(Serialize)]
struct PlaceEntry<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'static str,
    country: &'static str,
    lat: f64,
    lon: f64,
    source: &'static str,
}

#[derive(Serialize)]
struct ArticlesFile<'a> {
    article: Vec<ArticleEntry<'a>>,
}

#[derive(Serialize)]
struct ArticleEntry<'a> {
    id: String,
    file: String,
    title: &'a str,
    title_basis: &'static str,
    outlet: &'static str,
    date: String,
    date_basis: &'static str,
}

#[derive(Serialize)]
struct EventsFile<'a> {
    event: Vec<EventEntry<'a>>,
}

#[derive(Serialize)]
struct EventEntry<'a> {
    place: &'a str,
    date: String,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<Holder>,
    to: Holder,
    #[serde(skip_serializing_if = "Option::is_none")]
    basis: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    precision: Option<&'static str>,
    source: Vec<SourceEntry<'a>>,
}

/// `from` and `to`: one actor, or two when contested.
#[derive(Serialize)]
#[serde(untagged)]
enum Holder {
    Held(&'static str),
    Contested([&'static str; 2]),
}

impl From<Ctrl> for Holder {
    fn from(c: Ctrl) -> Holder {
        match c {
            Ctrl::Held(a) => Holder::Held(ACTORS[a].id),
            Ctrl::Contested(a, b) => Holder::Contested([ACTORS[a].id, ACTORS[b].id]),
        }
    }
}

#[derive(Serialize)]
struct SourceEntry<'a> {
    article: String,
    quote: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_phrase: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    prefix: Option<&'a str>,
}

fn article_id(a: usize) -> String {
    format!("art-{a:05}")
}

fn article_file(a: usize) -> String {
    format!("articles/{a:05}.txt")
}

/// A TOML file, path and contents: a comment saying what it holds, then the entries.
fn toml_file(
    file: &str,
    comment: &str,
    value: &impl Serialize,
) -> Result<(String, String), SynthError> {
    let body = toml::to_string(value).map_err(|source| SynthError::Toml {
        file: file.to_owned(),
        source,
    })?;
    Ok((file.to_owned(), format!("# {comment}\n\n{body}")))
}

/// Every file of the data directory: relative path and contents.
pub(super) fn files(
    places: &[SynthPlace],
    events: &[SynthEvent],
    articles: Vec<SynthArticle>,
) -> Result<Vec<(String, String)>, SynthError> {
    let mut files = Vec::with_capacity(3 + events.len() / EVENTS_PER_FILE + articles.len());
    let actors = ActorsFile {
        actor: ACTORS
            .iter()
            .map(|a| ActorEntry {
                id: a.id,
                name: a.name,
                short: a.short,
                colour: a.colour,
                aliases: [a.forces],
            })
            .collect(),
    };
    files.push(toml_file(
        "actors.toml",
        "Actors of the synthetic corpus (made up; written by `frontline synth`).",
        &actors,
    )?);
    let places_file = PlacesFile {
        place: places
            .iter()
            .map(|p| PlaceEntry {
                id: &p.id,
                name: &p.name,
                kind: p.kind,
                country: p.country,
                lat: p.lat,
                lon: p.lon,
                source: "synthetic",
            })
            .collect(),
    };
    files.push(toml_file(
        "places.toml",
        "Places of the synthetic corpus: made-up names along real and made-up rivers.",
        &places_file,
    )?);
    let articles_file = ArticlesFile {
        article: articles
            .iter()
            .enumerate()
            .map(|(a, article)| ArticleEntry {
                id: article_id(a),
                file: article_file(a),
                title: &article.title,
                title_basis: "headline",
                outlet: article.outlet,
                date: article.date.to_string(),
                date_basis: "stated",
            })
            .collect(),
    };
    files.push(toml_file(
        "articles.toml",
        "Articles of the synthetic corpus; their text is under articles/.",
        &articles_file,
    )?);
    for (chunk_ix, chunk) in events.chunks(EVENTS_PER_FILE).enumerate() {
        let file = EventsFile {
            event: chunk.iter().map(|ev| event_entry(places, ev)).collect(),
        };
        files.push(toml_file(
            &format!("events/{chunk_ix:04}.toml"),
            "Events of the synthetic corpus, in order of time.",
            &file,
        )?);
    }
    if events.is_empty() {
        files.push((
            "events.toml".into(),
            "# No events: the synthetic corpus was asked for none.\n".into(),
        ));
    }
    files.extend(
        articles
            .into_iter()
            .enumerate()
            .map(|(a, article)| (article_file(a), article.text)),
    );
    Ok(files)
}

fn event_entry<'a>(places: &'a [SynthPlace], ev: &'a SynthEvent) -> EventEntry<'a> {
    let date = day_of(ev.day);
    EventEntry {
        place: &places[ev.place].id,
        date: match ev.hour {
            Some(h) => format!("{date}T{h:02}:00"),
            None => date.to_string(),
        },
        kind: ev.kind,
        from: ev.from.map(Holder::from),
        to: ev.to.into(),
        basis: ev.inferred.then_some("inferred"),
        precision: ev.inferred.then_some("week"),
        source: ev
            .sources
            .iter()
            .map(|s| SourceEntry {
                article: article_id(s.article),
                quote: &s.quote,
                date_phrase: s.date_phrase.as_deref(),
                prefix: s.prefix.as_deref(),
            })
            .collect(),
    }
}
