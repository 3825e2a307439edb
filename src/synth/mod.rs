//! A synthetic corpus for measuring: `frontline synth` writes a data directory in the
//! project's own format (actors, places, articles with their text, events citing verbatim
//! quotes) of any size, deterministic for a seed. It is what the benchmarks load.
//!
//! Places are strung along the Tigris and the Euphrates of the bundled basemap and along
//! made-up tributaries; a handful of made-up actors each hold a home region, so that the map
//! shows plausible zones of control. Each place's events form a consistent history (a report
//! confirms the state, a capture changes it, forces entering make it contested), at distinct
//! instants, and every claim is quoted from one to three articles dated on or after it.
//!
//! One module per job: `rng` the random numbers, `vocabulary` the words, `geography` where
//! the places are, `history` who holds them when, `prose` the articles' text, and `writing`
//! the files.

mod geography;
mod history;
mod prose;
mod rng;
mod vocabulary;
mod writing;

use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use chrono::{Days, NaiveDate};
use thiserror::Error;

use crate::store::source::is_new_or_empty;

pub use rng::Rng;

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub places: usize,
    pub events: usize,
    pub articles: usize,
    pub seed: u64,
}

/// The sizes the benchmarks measure: the full size (1,000 places, 100,000 events, 10,000
/// articles) and ten, a hundred and a thousand times fewer of each.
pub const SCALES: [Options; 4] = [
    Options::scale(1000),
    Options::scale(100),
    Options::scale(10),
    Options::scale(1),
];

impl Options {
    /// `places` places with a hundred events each and one article for every ten events.
    pub const fn scale(places: usize) -> Options {
        Options {
            places,
            events: places * 100,
            articles: places * 10,
            seed: 1,
        }
    }
}

/// What was generated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub places: usize,
    pub events: usize,
    pub articles: usize,
    pub quotes: usize,
    pub days: u64,
}

/// The files of a data directory: relative path and contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Corpus {
    pub files: Vec<(String, String)>,
    pub summary: Summary,
}

/// Why a corpus could not be generated or written. The messages name the option or the file
/// and say what to do.
#[derive(Debug, Error)]
pub enum SynthError {
    #[error("--places must be at least 1")]
    NoPlaces,
    #[error("--articles must be at least 1")]
    NoArticles,
    #[error("too many events for {places} places: at most {per_place} per place")]
    TooManyEvents { places: usize, per_place: usize },
    #[error("{} is not empty; give a new directory (synth never overwrites data)", .0.display())]
    NotEmpty(PathBuf),
    #[error("cannot read {}: {source}", .path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("cannot write {}: {source}", .path.display())]
    Write { path: PathBuf, source: io::Error },
    #[error("cannot write {file} as TOML: {source}")]
    Toml {
        file: String,
        source: toml::ser::Error,
    },
}

/// The first day of the synthetic war.
const START: NaiveDate = NaiveDate::from_ymd_opt(2014, 1, 1).expect("a valid date");

/// The date `day` days after the start (at most ten years: the span is clamped).
fn day_of(day: u64) -> NaiveDate {
    START
        .checked_add_days(Days::new(day))
        .expect("ten years after 2014 is a valid date")
}

/// Generates a corpus in memory.
pub(crate) fn generate(opts: &Options) -> Result<Corpus, SynthError> {
    if opts.places == 0 {
        return Err(SynthError::NoPlaces);
    }
    if opts.articles == 0 {
        return Err(SynthError::NoArticles);
    }
    let mut rng = Rng::new(opts.seed);
    let days = (opts.events as u64 * 4)
        .div_ceil(opts.places as u64)
        .clamp(60, 3650);
    let places = geography::places(&mut rng, opts.places);
    let mut events = history::events(&mut rng, &places, opts.events, days)?;
    let articles = prose::articles(&mut rng, &places, &mut events, opts.articles, days);
    let summary = Summary {
        places: places.len(),
        events: events.len(),
        articles: articles.len(),
        quotes: events.iter().map(|e| e.sources.len()).sum(),
        days,
    };
    let files = writing::files(&places, &events, articles)?;
    Ok(Corpus { files, summary })
}

/// Generates a corpus and writes it to `dir`, which must not exist or be empty.
pub fn write(dir: &Path, opts: &Options) -> Result<Summary, SynthError> {
    let new_or_empty = is_new_or_empty(dir).map_err(|source| SynthError::Read {
        path: dir.to_owned(),
        source,
    })?;
    if !new_or_empty {
        return Err(SynthError::NotEmpty(dir.to_owned()));
    }
    let corpus = generate(opts)?;
    let err = |path: &Path| {
        let path = path.to_owned();
        move |source| SynthError::Write { path, source }
    };
    for sub in ["articles", "events"] {
        let d = dir.join(sub);
        std::fs::create_dir_all(&d).map_err(err(&d))?;
    }
    for (rel, text) in &corpus.files {
        let path = dir.join(rel);
        let mut f = io::BufWriter::new(std::fs::File::create(&path).map_err(err(&path))?);
        f.write_all(text.as_bytes())
            .and_then(|()| f.flush())
            .map_err(err(&path))?;
    }
    Ok(corpus.summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generator_is_deterministic_for_a_seed() {
        let opts = Options {
            places: 30,
            events: 300,
            articles: 40,
            seed: 7,
        };
        let a = generate(&opts).unwrap();
        let b = generate(&opts).unwrap();
        assert_eq!(a, b);
        let c = generate(&Options { seed: 8, ..opts }).unwrap();
        assert_ne!(a.files, c.files);
        assert_eq!(a.summary.events, 300);
        assert!(a.summary.quotes > 300, "some claims have several sources");
    }

    #[test]
    fn sizes_it_cannot_make_are_errors_that_name_the_option() {
        let opts = Options::scale(1);
        let no_places = generate(&Options { places: 0, ..opts }).unwrap_err();
        assert!(matches!(no_places, SynthError::NoPlaces));
        assert_eq!(no_places.to_string(), "--places must be at least 1");
        let no_articles = generate(&Options {
            articles: 0,
            ..opts
        });
        assert!(matches!(no_articles, Err(SynthError::NoArticles)));
    }

    #[test]
    fn it_never_writes_into_a_directory_that_has_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("keep.txt"), "mine").unwrap();
        let err = write(dir.path(), &Options::scale(1)).unwrap_err();
        assert!(matches!(&err, SynthError::NotEmpty(d) if d == dir.path()));
        assert!(err.to_string().contains("is not empty"));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
