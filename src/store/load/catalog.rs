//! Validating the catalog: actors, places and articles, with unique ids, valid colours and
//! coordinates, consistent dates, and the name indexes events are resolved with.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use toml::Spanned;

use super::super::diagnostics::Diagnostics;
use super::super::model::*;
use super::super::names::NameIndex;
use super::super::source::ReadError;
use super::parsed::{ParsedActor, ParsedArticle, ParsedPlace};

/// The valid actors, places and articles, and how events find them.
#[derive(Debug, Default)]
pub(crate) struct Catalog {
    pub actors: Vec<Actor>,
    pub actor_names: NameIndex,
    pub places: Vec<Place>,
    pub place_names: NameIndex,
    pub articles: Vec<Article>,
    pub article_ids: HashMap<String, ArticleIx>,
    /// The id of every article entry, valid or not, so that the quotes of an article whose
    /// entry has an error are counted rather than reported as citing an unknown article.
    pub declared_articles: HashSet<String>,
}

impl Catalog {
    pub fn validate(
        d: &mut Diagnostics,
        actors: Vec<ParsedActor>,
        places: Vec<ParsedPlace>,
        articles: Vec<ParsedArticle>,
    ) -> Catalog {
        let (actors, actor_names) = validate_actors(d, actors);
        let (places, place_names) = validate_places(d, places);
        let declared_articles = articles.iter().map(|a| a.id.get_ref().clone()).collect();
        let articles = validate_articles(d, articles);
        let article_ids = articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        Catalog {
            actors,
            actor_names,
            places,
            place_names,
            articles,
            article_ids,
            declared_articles,
        }
    }
}

/// "did you mean \"…\"?" with the closest article id, for an unknown one.
pub(crate) fn suggest_id<'a>(ids: impl Iterator<Item = &'a str>, wanted: &str) -> String {
    let best = ids
        .map(|id| (strsim::jaro_winkler(id, wanted), id))
        .max_by(|a, b| a.0.total_cmp(&b.0));
    match best {
        Some((score, id)) if score > 0.75 => format!("did you mean \"{id}\"?"),
        Some(_) | None => "use the id of an entry in articles.toml".to_owned(),
    }
}

fn parse_colour(s: &str) -> Option<[u8; 3]> {
    let hex = s.strip_prefix('#')?;
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

/// Whether an id is usable: not empty, and not taken by an earlier entry of `file`.
fn check_id(
    d: &mut Diagnostics,
    file: &str,
    id: &Spanned<String>,
    seen: &mut HashMap<String, Range<usize>>,
    what: &str,
) -> bool {
    let s = id.get_ref();
    if s.trim().is_empty() {
        d.error(
            file,
            Some(id.span()),
            format!("empty {what} id"),
            Some("give every entry a short unique id".into()),
        );
        return false;
    }
    if let Some(first) = seen.get(s) {
        let line = d.line_of(file, first.start);
        d.error(
            file,
            Some(id.span()),
            format!("duplicate {what} id \"{s}\" (first defined on line {line})"),
            Some("ids must be unique: rename one, or merge the two entries".into()),
        );
        return false;
    }
    seen.insert(s.clone(), id.span());
    true
}

fn validate_actors(d: &mut Diagnostics, parsed: Vec<ParsedActor>) -> (Vec<Actor>, NameIndex) {
    let mut actors = Vec::new();
    let mut seen = HashMap::new();
    for r in parsed {
        let file = &*r.origin.file;
        if !check_id(d, file, &r.id, &mut seen, "actor") {
            continue;
        }
        let colour = parse_colour(r.colour.get_ref()).unwrap_or_else(|| {
            d.error(
                file,
                Some(r.colour.span()),
                format!("\"{}\" is not a colour", r.colour.get_ref()),
                Some("write colours as \"#rrggbb\", e.g. \"#d62020\"".into()),
            );
            [128, 128, 128]
        });
        actors.push(Actor {
            short: r.short.unwrap_or_else(|| r.name.clone()),
            id: r.id.into_inner(),
            name: r.name,
            colour,
            aliases: r.aliases,
        });
    }
    let mut names = NameIndex::default();
    for (i, a) in actors.iter().enumerate() {
        names.insert(
            i,
            &a.id,
            std::iter::once(a.name.as_str())
                .chain(std::iter::once(a.short.as_str()))
                .chain(a.aliases.iter().map(String::as_str)),
        );
    }
    (actors, names)
}

fn validate_places(d: &mut Diagnostics, parsed: Vec<ParsedPlace>) -> (Vec<Place>, NameIndex) {
    let mut places = Vec::new();
    let mut seen = HashMap::new();
    for r in parsed {
        let file = &*r.origin.file;
        if !check_id(d, file, &r.id, &mut seen, "place") {
            continue;
        }
        let (lat, lon) = (*r.lat.get_ref(), *r.lon.get_ref());
        if !(-90.0..=90.0).contains(&lat) {
            d.error(
                file,
                Some(r.lat.span()),
                format!("latitude {lat} is outside -90..90"),
                Some("lat is degrees north (WGS84); did you swap lat and lon?".into()),
            );
            continue;
        }
        if !(-180.0..=180.0).contains(&lon) {
            d.error(
                file,
                Some(r.lon.span()),
                format!("longitude {lon} is outside -180..180"),
                Some("lon is degrees east (WGS84)".into()),
            );
            continue;
        }
        places.push(Place {
            id: r.id.into_inner(),
            name: r.name,
            kind: r.kind,
            country: r.country,
            lat,
            lon,
            aliases: r.aliases,
            source: r.source,
            note: r.note,
        });
    }
    let mut names = NameIndex::default();
    for (i, p) in places.iter().enumerate() {
        names.insert(
            i,
            &p.id,
            std::iter::once(p.name.as_str()).chain(p.aliases.iter().map(String::as_str)),
        );
    }
    (places, names)
}

fn validate_articles(d: &mut Diagnostics, parsed: Vec<ParsedArticle>) -> Vec<Article> {
    let mut articles = Vec::new();
    // (article, the entry's file, the id it rewrites), resolved once all are known.
    let mut rewrites: Vec<(usize, std::sync::Arc<str>, Spanned<String>)> = Vec::new();
    let mut seen = HashMap::new();
    for r in parsed {
        let entry_file = r.origin.file.clone();
        let entry_file = &*entry_file;
        if !check_id(d, entry_file, &r.id, &mut seen, "article") {
            continue;
        }
        let file = r.file.get_ref().clone();
        let text = match r.text {
            Ok(t) => t,
            Err(e) => {
                let hint = match e {
                    ReadError::NotFound => {
                        "put the article's text in that file, or correct the path (it is relative to the data directory)"
                    }
                    ReadError::OutsideDataDir => {
                        "article files must be inside the data directory: use a relative path without `..`"
                    }
                    ReadError::TooLarge { .. } => {
                        "an article is a few thousand characters; is this the right file?"
                    }
                    ReadError::NotUtf8 { .. } => "save the article as UTF-8 text",
                    ReadError::Io(_) => "check the file's permissions",
                };
                d.error(
                    entry_file,
                    Some(r.file.span()),
                    format!("article file \"{file}\": {e}"),
                    Some(hint.into()),
                );
                continue;
            }
        };
        let mut date = None;
        if let Some(v) = &r.date {
            match v.get_ref().resolve() {
                Ok((day, _)) => date = Some(day),
                Err(e) => d.error(
                    entry_file,
                    Some(v.span()),
                    e.to_string(),
                    Some("write date = \"YYYY-MM-DD\"".into()),
                ),
            }
        }
        let basis = *r.date_basis.get_ref();
        if basis == DateBasis::Unknown && date.is_some() {
            d.warning(
                entry_file,
                Some(r.date_basis.span()),
                "the date is given but date_basis says unknown",
                Some("say how the date was established: stated, caption or rewrite".into()),
            );
        }
        if basis != DateBasis::Unknown && r.date.is_none() {
            d.error(
                entry_file,
                Some(r.date_basis.span()),
                "date_basis is given but the article has no date",
                Some("add date = \"YYYY-MM-DD\", or set date_basis = \"unknown\"".into()),
            );
        }
        if basis == DateBasis::Rewrite && r.rewrite_of.is_none() {
            d.error(
                entry_file,
                Some(r.date_basis.span()),
                "date_basis = \"rewrite\" needs rewrite_of",
                Some(
                    "name the dated article this one rewrites: rewrite_of = \"<article id>\""
                        .into(),
                ),
            );
        }
        let title = r.title.unwrap_or_else(|| first_sentence(&text));
        if let Some(rw) = r.rewrite_of {
            rewrites.push((articles.len(), r.origin.file.clone(), rw));
        }
        articles.push(Article {
            id: r.id.into_inner(),
            file,
            title_basis: r.title_basis.unwrap_or(TitleBasis::FirstSentence),
            title,
            outlet: r.outlet,
            outlet_note: r.outlet_note,
            dateline: r.dateline,
            date,
            date_basis: basis,
            date_precision: r.date_precision.unwrap_or_default(),
            rewrite_of: None,
            date_note: r.date_note,
            url: r.url,
            language: r.language,
            text,
        });
    }
    for (ix, entry_file, rw) in rewrites {
        match articles.iter().position(|a| a.id == *rw.get_ref()) {
            Some(j) if j != ix => articles[ix].rewrite_of = Some(j),
            Some(_) => d.error(
                &entry_file,
                Some(rw.span()),
                "an article cannot be a rewrite of itself",
                None,
            ),
            None => d.error(
                &entry_file,
                Some(rw.span()),
                format!("rewrite_of names an unknown article \"{}\"", rw.get_ref()),
                Some(suggest_id(
                    articles.iter().map(|a| a.id.as_str()),
                    rw.get_ref(),
                )),
            ),
        }
    }
    articles
}

/// The first sentence of a text, for an article without a headline.
fn first_sentence(text: &str) -> String {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let end = line.find(". ").map_or(line.len(), |i| i + 1);
    line[..end].to_owned()
}
