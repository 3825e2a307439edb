//! The annotation assistant: reads an article and proposes the claims of control a careful
//! reader would annotate (who took, held, contested or lost which place, and when), each with
//! the verbatim clause it rests on. It has no UI: the workbench and `frontline suggest` are
//! layers over it.
//!
//! It works by rules, not by a model: names (the data's places and actors, a regional
//! gazetteer for places the data does not have yet, and an alias table for the usual ways wire
//! copy names the sides), date phrases resolved against the publication date, and control verbs
//! that tie an actor to a place within one clause. It prefers missing a claim to proposing a
//! wrong one: plans ("an offensive to capture"), failures, negations, conditionals, partial
//! gains ("parts of", "villages near"), positions and casualty reports are not claims.

mod arabic;
mod candidate;
mod claims;
pub mod coverage;
pub mod dates;
mod language;
mod lexicon;
mod names;
pub mod text;

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;

use crate::store::Store;
use crate::store::names::match_key;

pub use crate::store::gazetteer;
pub use candidate::{
    ActorMention, Candidate, Confidence, DateMention, Ground, Mentions, PlaceMention, Status,
    confidence_of,
};
pub use dates::DatePrecision;
pub use gazetteer::{Gazetteer, GazetteerPlace};
pub use language::unread_languages;
use lexicon::{Lexicon, Referent};
use names::{ACTOR_ALIASES, ANAPHORS, GAZETTEER_STOPLIST, GOVERNMENT_FORCES, GOVERNMENTS};

/// The largest text the assistant reads: far above any article, low enough to stay fast.
pub(crate) const MAX_TEXT_BYTES: usize = 2 * 1024 * 1024;

/// Why a text cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum AssistError {
    #[error("{origin}: the text is empty: give the article's text")]
    Empty { origin: String },
    #[error(
        "{origin}: the text is {size} bytes, over the limit of {limit} bytes: give one article at a time"
    )]
    TooLarge {
        origin: String,
        size: u64,
        limit: usize,
    },
    #[error(
        "{origin}:{line}: not UTF-8 (byte {byte} of the file): save the article as UTF-8 text and try again"
    )]
    NotUtf8 {
        origin: String,
        line: usize,
        byte: usize,
    },
    #[error("{origin}: {source}: check the path and that the file can be read")]
    Io {
        origin: String,
        source: std::io::Error,
    },
}

/// A place the assistant can name: one of the data's, or one of the gazetteer's.
#[derive(Debug, Clone)]
struct PlaceInfo {
    id: String,
    name: String,
    latitude: f64,
    longitude: f64,
    country: String,
    new_place: bool,
    border_crossing: bool,
}

/// Reads an article from a file: UTF-8, not empty, within [`MAX_TEXT_BYTES`].
pub fn read_article(path: &Path) -> Result<String, AssistError> {
    let origin = path.display().to_string();
    let io = |source| AssistError::Io {
        origin: origin.clone(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_TEXT_BYTES as u64 {
        return Err(AssistError::TooLarge {
            origin,
            size,
            limit: MAX_TEXT_BYTES,
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let byte = e.utf8_error().valid_up_to();
        let line = 1 + e.as_bytes()[..byte].iter().filter(|&&b| b == b'\n').count();
        AssistError::NotUtf8 {
            origin: origin.clone(),
            line,
            byte,
        }
    })?;
    check_text(&text, &origin)?;
    Ok(text)
}

fn check_text(text: &str, origin: &str) -> Result<(), AssistError> {
    if text.trim().is_empty() {
        return Err(AssistError::Empty {
            origin: origin.to_owned(),
        });
    }
    if text.len() > MAX_TEXT_BYTES {
        return Err(AssistError::TooLarge {
            origin: origin.to_owned(),
            size: text.len() as u64,
            limit: MAX_TEXT_BYTES,
        });
    }
    Ok(())
}

/// The publication date a text carries on its first line: `date YYYY-MM-DD`.
pub fn publication_date(text: &str) -> Option<NaiveDate> {
    let first = text.lines().next()?.trim_start();
    let rest = first.strip_prefix("date")?;
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let rest = rest.trim_start();
    let date = rest.get(..10)?;
    let after = &rest[10..];
    if !(after.is_empty() || after.starts_with(char::is_whitespace)) {
        return None;
    }
    NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()
}

/// The annotation assistant, built once from the data (its places, actors and what it already
/// says of each place) and a gazetteer.
pub struct Assistant {
    places: Vec<PlaceInfo>,
    /// The data's actor ids, by actor index.
    actors: Vec<String>,
    lexicon: Lexicon,
    /// For each of the data's places, in order: the day of each event and the holders after it.
    history: Vec<Vec<(NaiveDate, Vec<usize>)>>,
    /// The actor index of each country's government.
    governments: HashMap<String, usize>,
}

impl Assistant {
    /// An assistant for the data, with the bundled regional gazetteer.
    pub fn new(store: &Store) -> Assistant {
        Assistant::with_gazetteer(store, &Gazetteer::bundled())
    }

    pub(crate) fn with_gazetteer(store: &Store, gazetteer: &Gazetteer) -> Assistant {
        let mut lexicon = Lexicon::default();
        let mut places = Vec::new();
        for p in &store.places {
            let ix = places.len();
            for name in std::iter::once(&p.name).chain(&p.aliases) {
                lexicon.add_place(ix, name, 0);
            }
            places.push(PlaceInfo {
                id: p.id.clone(),
                name: p.name.clone(),
                latitude: p.lat,
                longitude: p.lon,
                country: p.country.clone(),
                new_place: false,
                border_crossing: p.kind == crate::store::PlaceKind::BorderCrossing,
            });
        }
        let data_keys: Vec<(String, f64, f64)> = store
            .places
            .iter()
            .flat_map(|p| {
                std::iter::once(&p.name)
                    .chain(&p.aliases)
                    .map(move |n| (match_key(n), p.lat, p.lon))
            })
            .collect();
        for g in &gazetteer.places {
            // The data's own place wins over the gazetteer's record of it.
            let names: Vec<&String> = std::iter::once(&g.name).chain(&g.aliases).collect();
            let known = data_keys.iter().any(|(key, lat, lon)| {
                let km = distance_km(*lat, *lon, g.latitude, g.longitude);
                km < 3.0 || (km < 30.0 && names.iter().any(|n| match_key(n) == *key))
            });
            if known {
                continue;
            }
            let ix = places.len();
            let rank = 1 + 1_000_000_000u64.saturating_sub(g.population);
            for name in names.into_iter().filter(|n| usable_gazetteer_name(n)) {
                lexicon.add_place(ix, name, rank);
            }
            places.push(PlaceInfo {
                id: g.id.clone(),
                name: g.name.clone(),
                latitude: g.latitude,
                longitude: g.longitude,
                country: g.country.clone(),
                new_place: true,
                border_crossing: false,
            });
        }

        let actor_ix: HashMap<&str, usize> = store
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        for (i, a) in store.actors.iter().enumerate() {
            for name in std::iter::once(&a.name).chain(&a.aliases) {
                lexicon.add_actor(i, name);
            }
        }
        for (id, names) in ACTOR_ALIASES {
            if let Some(&i) = actor_ix.get(id) {
                for name in *names {
                    lexicon.add_actor(i, name);
                }
            }
        }
        for name in GOVERNMENT_FORCES {
            lexicon.add_contextual(name, Referent::Government);
        }
        for name in ANAPHORS {
            lexicon.add_contextual(name, Referent::Anaphor);
        }
        let governments = GOVERNMENTS
            .iter()
            .filter_map(|(country, id)| Some(((*country).to_owned(), *actor_ix.get(id)?)))
            .collect();

        let mut history = vec![Vec::new(); store.places.len()];
        for e in &store.events {
            history[e.place].push((e.date, e.to.actors()));
        }
        for h in &mut history {
            h.sort_by_key(|(d, _)| *d);
        }

        Assistant {
            places,
            actors: store.actors.iter().map(|a| a.id.clone()).collect(),
            lexicon,
            history,
            governments,
        }
    }

    /// The places, actors and date phrases of a text, with their positions (code points).
    pub fn mentions(&self, text: &str, published: NaiveDate) -> Result<Mentions, AssistError> {
        check_text(text, "the text")?;
        Ok(claims::Analysis::new(self, text, published).mentions())
    }

    /// The claims of control a text makes, in the order of the text.
    pub fn suggest(&self, text: &str, published: NaiveDate) -> Result<Vec<Candidate>, AssistError> {
        check_text(text, "the text")?;
        Ok(claims::Analysis::new(self, text, published).candidates())
    }

    /// What the data says of a place just before a day: its holders after its last event before
    /// that day (empty when the data has nothing, or the place is new).
    fn holders_before(&self, place: usize, day: NaiveDate) -> &[usize] {
        self.history
            .get(place)
            .and_then(|h| h.iter().rev().find(|(d, _)| *d < day))
            .map(|(_, holders)| holders.as_slice())
            .unwrap_or(&[])
    }
}

/// Whether a gazetteer name can stand for its place in English copy: Latin or Arabic script,
/// capitalised, not an airport code, not a common word.
fn usable_gazetteer_name(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 3 || name.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let arabic = |c: char| matches!(c as u32, 0x0600..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF);
    let latin = |c: char| (c as u32) < 0x0250 || matches!(c as u32, 0x1E00..=0x1EFF);
    if letters.iter().all(|&c| arabic(c)) {
        return !GAZETTEER_STOPLIST.contains(&name);
    }
    if !letters.iter().all(|&c| latin(c)) {
        return false;
    }
    let capitalised = letters.iter().any(|c| c.is_uppercase());
    let code = letters.len() <= 4 && letters.iter().all(|c| c.is_uppercase());
    capitalised && !code && !GAZETTEER_STOPLIST.contains(&name.to_lowercase().as_str())
}

/// Great-circle distance, for telling whether a gazetteer place is one the data already has.
fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    6371.0 * 2.0 * a.sqrt().asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_publication_date_is_read_from_the_first_line() {
        assert_eq!(
            publication_date(" date 2017-11-12 Daesh recaptured Bukamal"),
            NaiveDate::from_ymd_opt(2017, 11, 12)
        );
        assert_eq!(
            publication_date("date 2017-11-03\nText"),
            NaiveDate::from_ymd_opt(2017, 11, 3)
        );
        assert_eq!(publication_date("dated 2017-11-03"), None);
        assert_eq!(publication_date("date 2017-13-03"), None);
        assert_eq!(publication_date("Text\ndate 2017-11-03"), None);
    }

    #[test]
    fn bad_input_is_refused_with_a_reason() {
        let a = Assistant::new(&Store::default());
        let day = NaiveDate::from_ymd_opt(2017, 11, 12).unwrap();
        assert!(matches!(
            a.suggest("  \n", day),
            Err(AssistError::Empty { .. })
        ));
        let big = "a".repeat(MAX_TEXT_BYTES + 1);
        let err = a.suggest(&big, day).unwrap_err();
        assert!(err.to_string().contains("over the limit"), "{err}");
    }

    #[test]
    fn files_that_are_not_utf8_name_the_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, b"first line\nsecond \xff line\n").unwrap();
        let err = read_article(&path).unwrap_err();
        assert!(matches!(err, AssistError::NotUtf8 { line: 2, .. }), "{err}");
        assert!(err.to_string().contains("a.txt:2"), "{err}");
        let missing = read_article(&dir.path().join("missing.txt")).unwrap_err();
        assert!(matches!(missing, AssistError::Io { .. }));
    }

    #[test]
    fn gazetteer_names_that_are_codes_or_words_are_not_used() {
        assert!(usable_gazetteer_name("Hit"));
        assert!(usable_gazetteer_name("Tal Afar"));
        assert!(usable_gazetteer_name("هيت"));
        assert!(!usable_gazetteer_name("hyt"));
        assert!(!usable_gazetteer_name("BGW"));
        assert!(!usable_gazetteer_name("Khan"));
        assert!(!usable_gazetteer_name("Багдад"));
    }
}
