//! Stories: guided walks through the data, kept in `stories.toml` beside the annotations. A
//! story is an ordered list of steps; each step puts the replay on a date, may select a place,
//! sets the map's view and carries a caption of a few sentences. The file is optional; its
//! problems are reported like the other files' (file:line, a hint), and a bad step is dropped
//! without hiding the others.

use std::ops::Range;

use chrono::NaiveDateTime;

use super::dates::parse_instant;
use super::diagnostics::Diagnostics;
use super::load::entries::parse_entries;
use super::load::toml_dir::read;
use super::schema::{StepEntry, StoryEntry};
use super::source::DataSource;
use super::{ActorIx, Lookup, PlaceIx, Store};

pub const STORIES_FILE: &str = "stories.toml";

/// A story, with its steps in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    pub id: String,
    pub title: String,
    pub steps: Vec<Step>,
}

/// One step of a story.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// Where the replay goes (a bare date means the end of that day).
    pub at: NaiveDateTime,
    pub select: Option<PlaceIx>,
    /// The map's centre, `[lat, lon]`, and zoom; the app keeps its view when they are absent.
    pub centre: Option<[f64; 2]>,
    pub zoom: Option<f64>,
    /// Actors whose places the step hides (the app's filters take them while the step is
    /// shown, and give the user's own back when the story is closed).
    pub hidden_actors: Vec<ActorIx>,
    pub caption: String,
    /// Its position among its story's `[[story.step]]` tables in the file: a step whose date
    /// cannot be read is left out of `steps`, so the app's edits name a step by this.
    pub position: usize,
}

/// The stories of a data source (none when it has no `stories.toml`), with their problems.
pub fn load(source: &DataSource, store: &Store) -> (Vec<Story>, Diagnostics) {
    let mut d = Diagnostics::default();
    // A single file (an ACLED-format CSV) has no directory to hold a `stories.toml`.
    if !can_hold_stories(source) {
        return (Vec::new(), d);
    }
    let Some(text) = read(source, &mut d, STORIES_FILE, false) else {
        return (Vec::new(), d);
    };
    let (stories, parsed) = parse(&text, store);
    d.append(parsed);
    (stories, d)
}

/// Whether a data source can have a `stories.toml`: a directory can, a single ACLED-format
/// CSV file cannot.
pub fn can_hold_stories(source: &DataSource) -> bool {
    !super::load::acled::is_acled_csv(source)
}

/// The stories of a `stories.toml` text, against the store's places and actors.
pub fn parse(text: &str, store: &Store) -> (Vec<Story>, Diagnostics) {
    let mut d = Diagnostics::default();
    // The problems' lines are found in the text.
    d.add_source(STORIES_FILE, text);
    let raws: Vec<(StoryEntry, Range<usize>)> =
        parse_entries(&mut d, STORIES_FILE, text, "story", false);
    let mut stories: Vec<Story> = Vec::new();
    for (raw, span) in raws {
        if stories.iter().any(|s| s.id == raw.id) {
            d.warning(
                STORIES_FILE,
                Some(span),
                format!("a second story with the id \"{}\"", raw.id),
                Some("give each story an id of its own: `screenshot --story` and the app's edits find the first".into()),
            );
        }
        stories.push(Story {
            steps: raw
                .step
                .into_iter()
                .enumerate()
                .filter_map(|(position, s)| step(&mut d, store, s.into_inner(), position))
                .collect(),
            id: raw.id,
            title: raw.title,
        });
    }
    (stories, d)
}

/// A step, or `None` (and an error) when its date cannot be read.
fn step(d: &mut Diagnostics, store: &Store, raw: StepEntry, position: usize) -> Option<Step> {
    let f = STORIES_FILE;
    let at = match parse_instant(raw.date.get_ref()) {
        Ok(i) => i.end_instant(),
        Err(e) => {
            d.error(
                f,
                Some(raw.date.span()),
                format!("a step's date cannot be read: {e}"),
                Some("write the date as 2017-11-09 or 2017-11-09T06:00".into()),
            );
            return None;
        }
    };
    // A place that is gone (or misspelt) is a warning: the step is still shown, selecting
    // nothing, so that a story never makes the data itself invalid. When places.toml has
    // errors, the place may be one left out for them: no second problem is reported for it.
    let places_broken = store
        .diagnostics
        .errors()
        .any(|e| e.file == super::load::PLACES_FILE);
    let select = raw
        .select
        .as_ref()
        .and_then(|name| match store.find_place(name.get_ref()) {
            Lookup::Found(p) => Some(p),
            _ if places_broken => None,
            Lookup::NotFound {
                suggestion: Some(s),
            } => {
                d.warning(
                    f,
                    Some(name.span()),
                    format!(
                        "no place called \"{}\"; the step selects nothing",
                        name.get_ref()
                    ),
                    Some(format!("did you mean \"{s}\"?")),
                );
                None
            }
            _ => {
                d.warning(
                    f,
                    Some(name.span()),
                    format!(
                        "\"{}\" names no single place; the step selects nothing",
                        name.get_ref()
                    ),
                    Some("use a place's id from places.toml".into()),
                );
                None
            }
        });
    let centre = raw.centre.and_then(|c| {
        let [lat, lon] = *c.get_ref();
        if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) {
            Some([lat, lon])
        } else {
            d.warning(
                f,
                Some(c.span()),
                "the centre is not on Earth; the step keeps the map where it is",
                Some("write centre = [lat, lon] in degrees, e.g. [34.45, 40.92]".into()),
            );
            None
        }
    });
    let zoom = raw.zoom.and_then(|z| {
        let v = *z.get_ref();
        if (1.0..=20.0).contains(&v) {
            Some(v)
        } else {
            d.warning(
                f,
                Some(z.span()),
                format!("zoom {v} is outside 1 to 20; the step keeps the map's zoom"),
                Some("a zoom of 8 shows a province, 11 a town".into()),
            );
            None
        }
    });
    let mut hidden_actors = Vec::new();
    for a in &raw.hidden_actors {
        match store.actor_names.lookup(a.get_ref()) {
            Lookup::Found(ix) => hidden_actors.push(ix),
            _ => d.warning(
                f,
                Some(a.span()),
                format!("no actor called \"{}\"; it is not hidden", a.get_ref()),
                Some("use an actor's id from actors.toml".into()),
            ),
        }
    }
    Some(Step {
        at,
        select,
        centre,
        zoom,
        hidden_actors,
        caption: raw.caption.trim().to_owned(),
        position,
    })
}
