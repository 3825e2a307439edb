//! Loading a data directory: parse the TOML files, read the articles, resolve names, anchor
//! quotes, and check that the claims hang together. Every problem is collected, none stops the
//! load: whatever is valid is kept, so the app can show it beside the list of problems.

use std::collections::HashMap;
use std::ops::Range;

use chrono::{NaiveDate, NaiveDateTime};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::anchor::{AnchorError, anchor};
use super::dates::{long_date, resolve_phrase, start_of_day};
use super::diagnostics::{Diagnostics, line_col};
use super::model::*;
use super::names::{Lookup, NameIndex};
use super::source::{DataSource, MAX_ARTICLE_BYTES, MAX_TOML_BYTES, ReadError};

pub const ACTORS_FILE: &str = "actors.toml";
pub const PLACES_FILE: &str = "places.toml";
pub const ARTICLES_FILE: &str = "articles.toml";
pub const EVENTS_FILE: &str = "events.toml";
pub const EVENTS_DIR: &str = "events";

/// Everything loaded from a data directory, before the time index is built.
#[derive(Debug, Default)]
pub struct Loaded {
    pub places: Vec<Place>,
    pub actors: Vec<Actor>,
    pub articles: Vec<Article>,
    pub events: Vec<Event>,
    pub place_names: NameIndex,
    pub actor_names: NameIndex,
    pub diagnostics: Diagnostics,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawActor {
    id: Spanned<String>,
    name: String,
    short: Option<String>,
    colour: Spanned<String>,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlace {
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
struct RawArticle {
    id: Spanned<String>,
    file: Spanned<String>,
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
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvent {
    id: Option<Spanned<String>>,
    place: Spanned<String>,
    date: Spanned<toml::Value>,
    precision: Option<Precision>,
    kind: Spanned<EventKind>,
    basis: Option<Basis>,
    from: Option<Spanned<toml::Value>>,
    to: Spanned<toml::Value>,
    note: Option<String>,
    #[serde(default)]
    source: Vec<Spanned<RawSource>>,
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

/// Loads and validates a data directory. Never fails: problems go into the diagnostics.
pub fn load(source: &DataSource) -> Loaded {
    let mut out = Loaded::default();
    if !source.root_exists() {
        out.diagnostics.error(
            &source.describe(),
            None,
            "the data directory does not exist",
            Some("pass --data with a directory holding actors.toml, places.toml, articles.toml and events.toml, or leave --data out to use the bundled data".into()),
        );
        return out;
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
        out.diagnostics.error(
            &source.describe(),
            None,
            "this directory holds no Frontline data: none of actors.toml, places.toml, articles.toml, events.toml",
            Some("point --data at a data directory (see the data format in data/README.md), or leave --data out to use the bundled data".into()),
        );
        return out;
    }
    let mut ctx = Ctx {
        source,
        d: &mut out.diagnostics,
        unreadable: Vec::new(),
        left_out: 0,
        unchecked_quotes: Default::default(),
        file_name: None,
    };

    let raw_actors: Vec<(RawActor, Range<usize>)> = ctx.entries(ACTORS_FILE, "actor", true);
    let raw_places: Vec<(RawPlace, Range<usize>)> = ctx.entries(PLACES_FILE, "place", true);
    let raw_articles: Vec<(RawArticle, Range<usize>)> = ctx.entries(ARTICLES_FILE, "article", true);
    // Every article id written in articles.toml, including those whose entry could not be
    // loaded, so that their quotes are not reported as naming an unknown article.
    let declared_articles: Vec<String> = raw_articles
        .iter()
        .map(|(r, _)| r.id.get_ref().clone())
        .collect();
    let mut event_files: Vec<String> = Vec::new();
    if source.exists(EVENTS_FILE) {
        event_files.push(EVENTS_FILE.to_owned());
    }
    event_files.extend(source.list(EVENTS_DIR, "toml"));
    if event_files.is_empty() {
        ctx.d.error(
            EVENTS_FILE,
            None,
            "no events: neither events.toml nor any events/*.toml file exists",
            Some(
                "create events.toml with [[event]] entries (see the data format in README.md)"
                    .into(),
            ),
        );
    }
    (out.actors, out.actor_names) = build_actors(&mut ctx, raw_actors);
    (out.places, out.place_names) = build_places(&mut ctx, raw_places);
    // Article texts are read on every core (ten thousand files are many system calls).
    let texts = parallel_map(&raw_articles, |(r, _)| {
        source.read_text(r.file.get_ref(), MAX_ARTICLE_BYTES)
    });
    out.articles = build_articles(&mut ctx, raw_articles, texts);
    let article_ids: HashMap<&str, ArticleIx> = out
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let names = Names {
        places: &out.place_names,
        actors: &out.actor_names,
        article_ids: &article_ids,
        declared_articles: &declared_articles,
        actor_list: &out.actors,
    };
    // Event files are independent: they are parsed, then checked, on every core, each with
    // problems of its own, merged in file order afterwards (so the outcome does not depend on
    // the number of threads). Only the test for duplicate ids looks across files, in between.
    // A few files at a time, so that the parsed entries of all files are never held at once.
    let unreadable = ctx.unreadable.clone();
    let mut explicit_ids: HashMap<String, Origin> = HashMap::new();
    let mut events = Vec::new();
    let mut used_ids: HashMap<String, usize> = HashMap::new();
    let window = 2 * std::thread::available_parallelism().map_or(1, |n| n.get());
    for (w, files) in event_files.chunks(window).enumerate() {
        let mut parsed: Vec<ParsedFile> = parallel_map(files, |file| {
            let mut d = Diagnostics::default();
            let raws = worker(source, &mut d, &unreadable).entries(file, "event", false);
            (d, raws)
        });
        let mut skip: Vec<Vec<bool>> = Vec::with_capacity(parsed.len());
        for (file, (d, raws)) in files.iter().zip(&mut parsed) {
            let mut file_skip = vec![false; raws.len()];
            for (k, (raw, _)) in raws.iter().enumerate() {
                let Some(id) = &raw.id else { continue };
                let origin = Origin {
                    file: file.as_str().into(),
                    line: d.line_of(file, id.span().start),
                };
                if let Some(first) = explicit_ids.get(id.get_ref()) {
                    d.error(
                    file,
                    Some(id.span()),
                    format!(
                        "duplicate event id \"{}\" (first used at {}:{})",
                        id.get_ref(),
                        first.file,
                        first.line
                    ),
                    Some(
                        "event ids must be unique: rename one, or merge the two events' sources"
                            .into(),
                    ),
                );
                    file_skip[k] = true;
                    continue;
                }
                explicit_ids.insert(id.get_ref().clone(), origin);
            }
            skip.push(file_skip);
        }
        let jobs: Vec<(usize, std::sync::Mutex<Option<ParsedFile>>)> = parsed
            .into_iter()
            .enumerate()
            .map(|(i, p)| (i, std::sync::Mutex::new(Some(p))))
            .collect();
        let built = parallel_map(&jobs, |(i, job)| {
            let (mut d, raws) = job
                .lock()
                .map(|mut j| j.take())
                .ok()
                .flatten()
                .expect("each file is built once");
            let file = &event_files[w * window + *i];
            let mut c = worker(source, &mut d, &unreadable);
            let events: Vec<Event> = raws
                .into_iter()
                .zip(&skip[*i])
                .filter(|(_, skip)| !**skip)
                .filter_map(|((raw, span), _)| {
                    build_event(&mut c, &names, &out.articles, &out.places, file, raw, span)
                })
                .collect();
            let (left_out, unchecked) = (c.left_out, c.unchecked_quotes);
            (d, events, left_out, unchecked)
        });
        let in_window: usize = built.iter().map(|b| b.1.len()).sum();
        if w == 0 {
            // Room for all the events at once, estimated from the first files: a vector that
            // doubled its way to a hundred thousand events would briefly hold one and a half
            // times as many.
            let files_left = event_files.len() - files.len();
            events.reserve_exact(in_window + in_window * files_left / files.len().max(1) * 21 / 20);
        } else {
            events.reserve(in_window);
        }
        for (d, file_events, left_out, unchecked) in built {
            ctx.d.append(d);
            ctx.left_out += left_out;
            for (article, n) in unchecked {
                *ctx.unchecked_quotes.entry(article).or_insert(0) += n;
            }
            for mut ev in file_events {
                let n = used_ids.entry(ev.id.clone()).or_insert(0);
                *n += 1;
                if *n > 1 {
                    ev.id = format!("{}-{}", ev.id, n);
                }
                events.push(ev);
            }
        }
        for file in files {
            ctx.d.forget_source_if_unreferenced(file);
        }
    }
    // Chronological order (stable: file order within an instant).
    if !events.is_sorted_by_key(|e| e.at) {
        events.sort_by_key(|e| e.at);
    }
    for (article, n) in std::mem::take(&mut ctx.unchecked_quotes) {
        ctx.d.warning(
            ARTICLES_FILE,
            None,
            format!("{n} quote(s) citing article \"{article}\" were not checked: its entry has an error"),
            Some("fix the error reported on its entry; events left without a checked quote are left out".into()),
        );
    }
    if ctx.left_out > 0 {
        let files = ctx.unreadable.join(", ");
        ctx.d.warning(
            &files,
            None,
            format!(
                "{} event(s) left out because {files} could not be read",
                ctx.left_out
            ),
            Some("fix the error reported for that file first".into()),
        );
    }
    out.events = events;
    out
}

/// An events file parsed: its problems and text, and its entries.
type ParsedFile = (Diagnostics, Vec<(RawEvent, Range<usize>)>);

/// A context for a part of the load done on another thread, with problems of its own.
fn worker<'a>(source: &'a DataSource, d: &'a mut Diagnostics, unreadable: &[String]) -> Ctx<'a> {
    Ctx {
        source,
        d,
        unreadable: unreadable.to_vec(),
        left_out: 0,
        unchecked_quotes: Default::default(),
        file_name: None,
    }
}

/// `f` over every item, on every core, results in the items' order. The threads are rayon's,
/// kept for the life of the process, so that their allocator caches are reused from one load
/// (and one batch of files) to the next rather than abandoned with each thread.
fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync + Send) -> Vec<R> {
    use rayon::prelude::*;
    items.par_iter().map(f).collect()
}

/// Shared state of one load.
struct Ctx<'a> {
    source: &'a DataSource,
    d: &'a mut Diagnostics,
    /// Files that could not be read at all: names they define are not reported unknown one by
    /// one (a compiler does not cascade either); the events left out are counted instead.
    unreadable: Vec<String>,
    left_out: usize,
    /// Quotes citing an article whose entry has an error, per article id.
    unchecked_quotes: std::collections::BTreeMap<String, usize>,
    /// The name of the file last given an origin, shared by all its events and quotes rather
    /// than copied into each of them.
    file_name: Option<std::sync::Arc<str>>,
}

impl Ctx<'_> {
    /// Whether an unknown name is explained by `file` being unreadable (then it is counted,
    /// not reported).
    fn explained_by_unreadable(&mut self, file: &str) -> bool {
        let unreadable = self.unreadable.iter().any(|f| f == file);
        if unreadable {
            self.left_out += 1;
        }
        unreadable
    }
}

struct Names<'a> {
    places: &'a NameIndex,
    actors: &'a NameIndex,
    article_ids: &'a HashMap<&'a str, ArticleIx>,
    /// Ids of every [[article]] entry, loaded or not.
    declared_articles: &'a [String],
    actor_list: &'a [Actor],
}

impl Ctx<'_> {
    fn read(&mut self, file: &str, limit: u64, required: bool) -> Option<String> {
        let result = self.source.read_text(file, limit);
        if result.is_err() && required {
            self.unreadable.push(file.to_owned());
        }
        match result {
            Ok(text) => {
                self.d.add_source(file, &text);
                Some(text)
            }
            Err(ReadError::NotFound) if !required => None,
            Err(ReadError::NotFound) => {
                self.d.error(
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
                self.d.error_at_line(
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
                    ReadError::TooLarge { .. } => Some("is this the right file? Split very large annotation files into events/*.toml".into()),
                    ReadError::OutsideDataDir => Some("data files must be inside the data directory".into()),
                    _ => None,
                };
                self.d
                    .error(file, None, format!("cannot read {file}: {e}"), hint);
                None
            }
        }
    }

    /// Parses `[[key]]` entries of a TOML file, each on its own, so that one bad entry does
    /// not hide the others.
    fn entries<T: DeserializeOwned>(
        &mut self,
        file: &str,
        key: &str,
        required: bool,
    ) -> Vec<(T, Range<usize>)> {
        let Some(text) = self.read(file, MAX_TOML_BYTES, required) else {
            return Vec::new();
        };
        let (root, errors) = DeTable::parse_recoverable(&text);
        for e in &errors {
            self.d.error(
                file,
                e.span(),
                format!("malformed TOML: {}", first_line(e.message())),
                Some("check quotes, brackets and `key = value` syntax on this line".into()),
            );
        }
        let mut out = Vec::new();
        for (k, v) in root.into_inner() {
            if k.get_ref().as_ref() != key {
                self.d.error(
                    file,
                    Some(k.span()),
                    format!("unexpected section `{}` in {file}", k.get_ref()),
                    Some(format!("{file} holds [[{key}]] entries only")),
                );
                continue;
            }
            let span = v.span();
            let DeValue::Array(items) = v.into_inner() else {
                self.d.error(
                    file,
                    Some(span),
                    format!("`{key}` must be a list of [[{key}]] tables"),
                    None,
                );
                continue;
            };
            for item in items {
                let span = item.span();
                match T::deserialize(ValueDeserializer::from(item)) {
                    Ok(t) => out.push((t, span)),
                    Err(e) => {
                        let at = e
                            .span()
                            .filter(|s| s.start < text.len())
                            .unwrap_or(span.clone());
                        self.d.error(
                            file,
                            Some(at),
                            format!("in this [[{key}]]: {}", first_line(e.message())),
                            Some(format!("this {key} is skipped; see the data format in README.md for its fields")),
                        );
                    }
                }
            }
        }
        if out.is_empty() && errors.is_empty() && required {
            self.d
                .warning(file, None, format!("{file} has no [[{key}]] entries"), None);
        }
        out
    }

    fn origin(&mut self, file: &str, span: &Range<usize>) -> Origin {
        let line = self.d.line_of(file, span.start);
        let name = match &self.file_name {
            Some(name) if **name == *file => name.clone(),
            _ => self.file_name.insert(file.into()).clone(),
        };
        Origin { file: name, line }
    }
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or("").trim().to_owned()
}

fn parse_colour(s: &str) -> Option<[u8; 3]> {
    let hex = s.strip_prefix('#')?;
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

fn check_id(
    ctx: &mut Ctx,
    file: &str,
    id: &Spanned<String>,
    seen: &mut HashMap<String, Range<usize>>,
    what: &str,
) -> bool {
    let s = id.get_ref();
    if s.trim().is_empty() {
        ctx.d.error(
            file,
            Some(id.span()),
            format!("empty {what} id"),
            Some("give every entry a short unique id".into()),
        );
        return false;
    }
    if let Some(first) = seen.get(s) {
        let line = ctx
            .d
            .sources
            .get(file)
            .map_or(0, |t| line_col(t, first.start).0);
        ctx.d.error(
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

fn build_actors(ctx: &mut Ctx, raw: Vec<(RawActor, Range<usize>)>) -> (Vec<Actor>, NameIndex) {
    let mut actors = Vec::new();
    let mut seen = HashMap::new();
    for (r, _) in raw {
        if !check_id(ctx, ACTORS_FILE, &r.id, &mut seen, "actor") {
            continue;
        }
        let colour = parse_colour(r.colour.get_ref()).unwrap_or_else(|| {
            ctx.d.error(
                ACTORS_FILE,
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

fn build_places(ctx: &mut Ctx, raw: Vec<(RawPlace, Range<usize>)>) -> (Vec<Place>, NameIndex) {
    let mut places = Vec::new();
    let mut seen = HashMap::new();
    for (r, _) in raw {
        if !check_id(ctx, PLACES_FILE, &r.id, &mut seen, "place") {
            continue;
        }
        let (lat, lon) = (*r.lat.get_ref(), *r.lon.get_ref());
        if !(-90.0..=90.0).contains(&lat) {
            ctx.d.error(
                PLACES_FILE,
                Some(r.lat.span()),
                format!("latitude {lat} is outside -90..90"),
                Some("lat is degrees north (WGS84); did you swap lat and lon?".into()),
            );
            continue;
        }
        if !(-180.0..=180.0).contains(&lon) {
            ctx.d.error(
                PLACES_FILE,
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

/// A date written as a TOML date (`2017-11-03`) or a string (`"2017-11-03"`, optionally with a
/// time `"2017-11-03T14:00"`).
fn parse_date_value(v: &toml::Value) -> Result<(NaiveDate, Option<NaiveDateTime>), String> {
    let s = match v {
        toml::Value::String(s) => s.clone(),
        toml::Value::Datetime(dt) => dt.to_string(),
        other => {
            return Err(format!(
                "a date must be \"YYYY-MM-DD\", not a {}",
                other.type_str()
            ));
        }
    };
    match super::dates::parse_instant(&s) {
        Ok(super::dates::InstantInput::Date(d)) => Ok((d, None)),
        Ok(super::dates::InstantInput::DateTime(t)) => Ok((t.date(), Some(t))),
        Err(_) => Err(format!("\"{s}\" is not a valid date")),
    }
}

/// `texts`: the result of reading each article's file, in the order of `raw`.
fn build_articles(
    ctx: &mut Ctx,
    raw: Vec<(RawArticle, Range<usize>)>,
    texts: Vec<Result<String, ReadError>>,
) -> Vec<Article> {
    let mut articles = Vec::new();
    let mut rewrites: Vec<(usize, Spanned<String>)> = Vec::new();
    let mut seen = HashMap::new();
    for ((r, _), text) in raw.into_iter().zip(texts) {
        if !check_id(ctx, ARTICLES_FILE, &r.id, &mut seen, "article") {
            continue;
        }
        let file = r.file.get_ref().clone();
        let text = match text {
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
                ctx.d.error(
                    ARTICLES_FILE,
                    Some(r.file.span()),
                    format!("article file \"{file}\": {e}"),
                    Some(hint.into()),
                );
                continue;
            }
        };
        let mut date = None;
        if let Some(v) = &r.date {
            match parse_date_value(v.get_ref()) {
                Ok((d, _)) => date = Some(d),
                Err(msg) => ctx.d.error(
                    ARTICLES_FILE,
                    Some(v.span()),
                    msg,
                    Some("write date = \"YYYY-MM-DD\"".into()),
                ),
            }
        }
        let basis = *r.date_basis.get_ref();
        if basis == DateBasis::Unknown && date.is_some() {
            ctx.d.warning(
                ARTICLES_FILE,
                Some(r.date_basis.span()),
                "the date is given but date_basis says unknown",
                Some("say how the date was established: stated, caption or rewrite".into()),
            );
        }
        if basis != DateBasis::Unknown && r.date.is_none() {
            ctx.d.error(
                ARTICLES_FILE,
                Some(r.date_basis.span()),
                "date_basis is given but the article has no date",
                Some("add date = \"YYYY-MM-DD\", or set date_basis = \"unknown\"".into()),
            );
        }
        if basis == DateBasis::Rewrite && r.rewrite_of.is_none() {
            ctx.d.error(
                ARTICLES_FILE,
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
            rewrites.push((articles.len(), rw));
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
            text,
        });
    }
    for (ix, rw) in rewrites {
        match articles.iter().position(|a| a.id == *rw.get_ref()) {
            Some(j) if j != ix => articles[ix].rewrite_of = Some(j),
            Some(_) => ctx.d.error(
                ARTICLES_FILE,
                Some(rw.span()),
                "an article cannot be a rewrite of itself",
                None,
            ),
            None => ctx.d.error(
                ARTICLES_FILE,
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

fn suggest_id<'a>(ids: impl Iterator<Item = &'a str>, wanted: &str) -> String {
    let best = ids
        .map(|id| (strsim::jaro_winkler(id, wanted), id))
        .max_by(|a, b| a.0.total_cmp(&b.0));
    match best {
        Some((score, id)) if score > 0.75 => format!("did you mean \"{id}\"?"),
        Some(_) | None => "use the id of an entry in articles.toml".to_owned(),
    }
}

/// Parses `to`/`from`: one actor (held) or two (contested).
fn parse_control(
    ctx: &mut Ctx,
    file: &str,
    names: &Names,
    v: &Spanned<toml::Value>,
    field: &str,
) -> Option<Control> {
    let span = v.span();
    let list: Vec<String> = match v.get_ref() {
        toml::Value::String(s) => vec![s.clone()],
        toml::Value::Array(items) => items
            .iter()
            .filter_map(|i| i.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    };
    let arity_ok = match v.get_ref() {
        toml::Value::Array(items) => items.len() == 2 && list.len() == 2,
        toml::Value::String(_) => true,
        _ => false,
    };
    if !arity_ok {
        ctx.d.error(file, Some(span), format!("`{field}` must be one actor id (held) or a list of two (contested)"), Some(format!("e.g. {field} = \"islamic_state\" or {field} = [\"islamic_state\", \"iraqi_government\"]")));
        return None;
    }
    let mut ixs = Vec::new();
    for name in &list {
        match names.actors.lookup(name) {
            Lookup::Found(i) => ixs.push(i),
            Lookup::Ambiguous(c) => {
                let ids: Vec<&str> = c.iter().map(|&i| names.actor_list[i].id.as_str()).collect();
                ctx.d.error(
                    file,
                    Some(span.clone()),
                    format!("actor \"{name}\" is ambiguous: it names {}", ids.join(", ")),
                    Some("use the actor's id".into()),
                );
                return None;
            }
            Lookup::NotFound { .. } if ctx.explained_by_unreadable(ACTORS_FILE) => return None,
            Lookup::NotFound { suggestion } => {
                let hint = match suggestion {
                    Some(s) => format!("did you mean \"{s}\"? Actors are defined in actors.toml"),
                    None => "add the actor to actors.toml, or use an id defined there".to_owned(),
                };
                ctx.d.error(
                    file,
                    Some(span.clone()),
                    format!("unknown actor \"{name}\" in `{field}`"),
                    Some(hint),
                );
                return None;
            }
        }
    }
    match ixs.as_slice() {
        [a] => Some(Control::Held(*a)),
        [a, b] if a != b => Some(Control::contested(*a, *b)),
        _ => {
            ctx.d.error(
                file,
                Some(span),
                format!("`{field}` names the same actor twice"),
                Some("a contested place is contested between two different actors".into()),
            );
            None
        }
    }
}

fn build_event(
    ctx: &mut Ctx,
    names: &Names,
    articles: &[Article],
    places: &[Place],
    file: &str,
    r: RawEvent,
    span: Range<usize>,
) -> Option<Event> {
    let origin = ctx.origin(file, &span);
    let place = match names.places.lookup(r.place.get_ref()) {
        Lookup::Found(i) => i,
        Lookup::Ambiguous(c) => {
            let ids: Vec<&str> = c.iter().map(|&i| places[i].id.as_str()).collect();
            ctx.d.error(
                file,
                Some(r.place.span()),
                format!(
                    "place \"{}\" is ambiguous: it names {}",
                    r.place.get_ref(),
                    ids.join(", ")
                ),
                Some("use the place's id".into()),
            );
            return None;
        }
        Lookup::NotFound { .. } if ctx.explained_by_unreadable(PLACES_FILE) => return None,
        Lookup::NotFound { suggestion } => {
            let hint = match suggestion {
                Some(s) => format!("did you mean \"{s}\"? Places are defined in places.toml"),
                None => {
                    "add the place to places.toml, or use an id or alias defined there".to_owned()
                }
            };
            ctx.d.error(
                file,
                Some(r.place.span()),
                format!("unknown place \"{}\"", r.place.get_ref()),
                Some(hint),
            );
            return None;
        }
    };
    let (date, time) = match parse_date_value(r.date.get_ref()) {
        Ok(dt) => dt,
        Err(msg) => {
            ctx.d.error(
                file,
                Some(r.date.span()),
                msg,
                Some(
                    "write date = \"YYYY-MM-DD\" (or \"YYYY-MM-DDTHH:MM\" when the hour is known)"
                        .into(),
                ),
            );
            return None;
        }
    };
    let to = parse_control(ctx, file, names, &r.to, "to")?;
    let from = match &r.from {
        Some(v) => Some(parse_control(ctx, file, names, v, "from")?),
        None => None,
    };
    let kind = *r.kind.get_ref();
    match (kind, from, to) {
        (EventKind::Report, Some(_), _) => {
            ctx.d.error(
                file,
                r.from.as_ref().map(|f| f.span()),
                "a report has no `from`: it says who holds the place, not a change",
                Some("remove `from`, or use kind = \"capture\" for a change of control".into()),
            );
            return None;
        }
        (EventKind::Entered, _, Control::Held(_)) => {
            ctx.d.error(
                file,
                Some(r.to.span()),
                "kind = \"entered\" means contested: `to` must name two actors",
                Some("e.g. to = [\"islamic_state\", \"iraqi_government\"]".into()),
            );
            return None;
        }
        (_, Some(f), t) if f == t => {
            ctx.d.error(file, Some(r.to.span()), "`from` and `to` are the same: this event changes nothing", Some("if the article says the place is still held, use kind = \"report\" without `from`".into()));
            return None;
        }
        _ => {}
    }
    if r.source.is_empty() {
        ctx.d.error(
            file,
            Some(r.place.span()),
            "this event has no source",
            Some(
                "add at least one [[event.source]] with an article id and a verbatim quote".into(),
            ),
        );
        return None;
    }
    let mut quotes = Vec::new();
    let mut date_reported = false;
    for s in r.source {
        let s_span = s.span();
        let s = s.into_inner();
        let Some(&article) = names.article_ids.get(s.article.get_ref().as_str()) else {
            if names.declared_articles.contains(s.article.get_ref()) {
                // Its entry has an error, reported already: count, do not cascade.
                *ctx.unchecked_quotes
                    .entry(s.article.get_ref().clone())
                    .or_default() += 1;
                continue;
            }
            ctx.d.error(
                file,
                Some(s.article.span()),
                format!("unknown article \"{}\"", s.article.get_ref()),
                Some(suggest_id(
                    articles.iter().map(|a| a.id.as_str()),
                    s.article.get_ref(),
                )),
            );
            continue;
        };
        let art = &articles[article];
        let exact = s.quote.get_ref();
        let a = match anchor(&art.text, exact, s.prefix.as_deref(), s.suffix.as_deref()) {
            Ok(a) => a,
            Err(e) => {
                report_anchor_error(ctx, file, &s.quote, art, e);
                continue;
            }
        };
        if let Some(phrase) = &s.date_phrase {
            check_date_phrase(ctx, file, phrase, exact, art, date);
        }
        // One date problem per event is enough, whatever the number of its quotes.
        if let Some(ad) = art.date
            && date > ad
            && !std::mem::replace(&mut date_reported, true)
        {
            ctx.d.error(
                file,
                Some(r.date.span()),
                format!("the event is dated {} but article \"{}\" is of {}: an article cannot report what has not happened", long_date(date), art.id, long_date(ad)),
                Some("check the event's date and the article's date".into()),
            );
        } else if let Some(ad) = art.date
            && (ad - date).num_days() > 366
            && !std::mem::replace(&mut date_reported, true)
        {
            ctx.d.warning(
                file,
                Some(r.date.span()),
                format!(
                    "the event is dated {}, {} days before article \"{}\" of {} that reports it",
                    long_date(date),
                    (ad - date).num_days(),
                    art.id,
                    long_date(ad)
                ),
                Some("a typo in the year? Claims are usually reported within days".into()),
            );
        }
        let origin = ctx.origin(file, &s_span);
        quotes.push(Quote {
            article,
            start: a.start,
            end: a.end,
            byte_start: a.byte_start,
            byte_end: a.byte_end,
            date_phrase: s.date_phrase.map(Spanned::into_inner),
            origin,
        });
    }
    if quotes.is_empty() {
        // Every source failed; the errors above say why. Without a quote the claim is unsupported.
        return None;
    }
    let id =
        r.id.map(Spanned::into_inner)
            .unwrap_or_else(|| format!("{}@{}", places[place].id, date));
    Some(Event {
        id,
        place,
        date,
        at: time.unwrap_or_else(|| start_of_day(date)),
        precision: r.precision.unwrap_or_default(),
        kind,
        basis: r.basis.unwrap_or_default(),
        from,
        to,
        note: r.note,
        quotes,
        origin,
    })
}

fn report_anchor_error(
    ctx: &mut Ctx,
    file: &str,
    quote: &Spanned<String>,
    art: &Article,
    e: AnchorError,
) {
    let span = Some(quote.span());
    match e {
        AnchorError::Empty => ctx.d.error(file, span, "empty quote", Some("copy the sentence that supports the claim from the article".into())),
        AnchorError::Ambiguous { lines } => ctx.d.error(
            file,
            span,
            format!("the quote occurs {} times in {} ({})", lines.len(), art.file, lines_label(&lines)),
            Some("say which one with prefix = \"...\" (the text just before it) or suffix = \"...\" (just after)".into()),
        ),
        AnchorError::NotFound { closest, near_miss } => {
            let hint = match closest {
                Some((s, e)) if near_miss => format!("the article has \"{}\" (quote marks, dashes or spaces differ); copy it exactly", &art.text[s..e]),
                Some((s, e)) => {
                    let line = line_col(&art.text, s).0;
                    format!("the closest passage, line {line} of {}: \"{}\"", art.file, &art.text[s..e])
                }
                None => format!("copy the quote verbatim from {}", art.file),
            };
            ctx.d.error(file, span, format!("quote not found verbatim in article \"{}\" ({})", art.id, art.file), Some(hint));
        }
    }
}

/// "line 4" when every occurrence is on one line, else "lines 4, 9".
fn lines_label(lines: &[usize]) -> String {
    let mut distinct = lines.to_vec();
    distinct.dedup();
    match distinct.as_slice() {
        [line] => format!("line {line}"),
        many => {
            let list: Vec<String> = many.iter().map(usize::to_string).collect();
            format!("lines {}", list.join(", "))
        }
    }
}

fn check_date_phrase(
    ctx: &mut Ctx,
    file: &str,
    phrase: &Spanned<String>,
    quote: &str,
    art: &Article,
    date: NaiveDate,
) {
    let p = phrase.get_ref();
    if !quote.contains(p.as_str()) {
        ctx.d.error(file, Some(phrase.span()), format!("date_phrase \"{p}\" is not in the quote"), Some("the date phrase must be part of the quoted text; widen the quote or correct the phrase".into()));
        return;
    }
    let Some(article_date) = art.date else {
        ctx.d.warning(
            file,
            Some(phrase.span()),
            format!(
                "date_phrase \"{p}\" cannot be checked: article \"{}\" has no date",
                art.id
            ),
            None,
        );
        return;
    };
    match resolve_phrase(p, article_date) {
        Some(range) if range.contains(date) => {}
        Some(range) => {
            let meant = if range.first == range.last {
                long_date(range.first)
            } else {
                format!("{} to {}", long_date(range.first), long_date(range.last))
            };
            ctx.d.error(
                file,
                Some(phrase.span()),
                format!("\"{p}\" in an article of {} means {meant}, but the event is dated {}", long_date(article_date), long_date(date)),
                Some("correct the event's date, or the article's date if that is what is wrong".into()),
            );
        }
        None => ctx.d.warning(file, Some(phrase.span()), format!("date_phrase \"{p}\" is not understood, so it is not checked"), Some("phrases like \"on Saturday\", \"last Thursday\", \"yesterday\", \"3 November\" or \"early September\" are checked".into())),
    }
}
