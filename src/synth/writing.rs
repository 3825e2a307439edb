//! The corpus as files of the data format: TOML written through the store's schema
//! ([`crate::store::schema`]: `actors.toml`, `places.toml`, `articles.toml` and
//! `events/*.toml`), and the articles' text under `articles/`.

use serde::Serialize;

use super::geography::SynthPlace;
use super::history::{Ctrl, SynthEvent};
use super::prose::SynthArticle;
use super::vocabulary::ACTORS;
use super::{SynthError, day_of};
use crate::store::load::{ACTORS_FILE, ARTICLES_FILE, EVENTS_FILE, PLACES_FILE};
use crate::store::schema::{
    ActorEntry, ActorsFile, ActorsInput, ArticleEntry, ArticlesFile, DateInput, EventEntry,
    EventsFile, PlaceEntry, PlacesFile, SourceEntry, written,
};
use crate::store::{Basis, DateBasis, Precision, TitleBasis};

/// Events per file under `events/`.
const EVENTS_PER_FILE: usize = 1000;

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

/// `from` and `to`: one actor, or two when contested.
fn holder(c: Ctrl) -> ActorsInput {
    match c {
        Ctrl::Held(a) => ActorsInput::One(ACTORS[a].id.to_owned()),
        Ctrl::Contested(a, b) => ActorsInput::Two(ACTORS[a].id.to_owned(), ACTORS[b].id.to_owned()),
    }
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
                id: written(a.id.to_owned()),
                name: a.name.to_owned(),
                short: Some(a.short.to_owned()),
                colour: written(a.colour.to_owned()),
                aliases: vec![a.forces.to_owned()],
            })
            .collect(),
    };
    files.push(toml_file(
        ACTORS_FILE,
        "Actors of the synthetic corpus (made up; written by `frontline synth`).",
        &actors,
    )?);
    let places_file = PlacesFile {
        place: places
            .iter()
            .map(|p| PlaceEntry {
                id: written(p.id.clone()),
                name: p.name.clone(),
                kind: p.kind,
                country: p.country.to_owned(),
                lat: written(p.lat),
                lon: written(p.lon),
                aliases: Vec::new(),
                source: "synthetic".to_owned(),
                note: None,
            })
            .collect(),
    };
    files.push(toml_file(
        PLACES_FILE,
        "Places of the synthetic corpus: made-up names along real and made-up rivers.",
        &places_file,
    )?);
    let articles_file = ArticlesFile {
        article: articles
            .iter()
            .enumerate()
            .map(|(a, article)| ArticleEntry {
                id: written(article_id(a)),
                file: written(article_file(a)),
                title: Some(article.title.clone()),
                title_basis: Some(TitleBasis::Headline),
                outlet: Some(article.outlet.to_owned()),
                outlet_note: None,
                dateline: None,
                date: Some(written(DateInput::Text(article.date.to_string()))),
                date_basis: written(DateBasis::Stated),
                date_precision: None,
                rewrite_of: None,
                date_note: None,
                url: None,
                language: None,
            })
            .collect(),
    };
    files.push(toml_file(
        ARTICLES_FILE,
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
            EVENTS_FILE.into(),
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

fn event_entry(places: &[SynthPlace], ev: &SynthEvent) -> EventEntry {
    let date = day_of(ev.day);
    EventEntry {
        id: None,
        place: written(places[ev.place].id.clone()),
        date: written(DateInput::Text(match ev.hour {
            Some(h) => format!("{date}T{h:02}:00"),
            None => date.to_string(),
        })),
        precision: ev.inferred.then_some(Precision::Week),
        kind: written(ev.kind),
        from: ev.from.map(|c| written(holder(c))),
        to: Some(written(holder(ev.to))),
        status: None,
        lost_by: None,
        basis: ev.inferred.then_some(Basis::Inferred),
        note: None,
        annotator: None,
        annotated: None,
        reviewed_by: None,
        rank: None,
        rank_reason: None,
        source: ev
            .sources
            .iter()
            .map(|s| {
                SourceEntry {
                    article: written(article_id(s.article)),
                    quote: written(s.quote.clone()),
                    date_phrase: s.date_phrase.clone().map(written),
                    prefix: s.prefix.clone(),
                    suffix: None,
                }
                .into_entry()
            })
            .collect(),
    }
}
