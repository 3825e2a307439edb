//! The event store: annotated articles loaded, validated and indexed in time.
//! It knows nothing of the user interface, the command line or where the bundled data lives;
//! those are layers over it.
//!
//! The pipeline, from files to the state of every place at any instant:
//!
//! 1. **Files → parsed model, per format** ([`load::parsed`], [`load::toml_dir`]): a
//!    [`load::Format`] reads a [`DataSource`] into actors, places, articles and events as
//!    written, each value with the bytes it was written at.
//! 2. **Validation, for every format** ([`load::catalog`], [`load::events`],
//!    [`load::quotes`], run by [`load::pipeline`]): names resolved, dates parsed, quotes
//!    anchored in their articles ([`anchor`]), date phrases checked ([`dates`]), and the
//!    events checked against each other in time. Problems become [`Diagnostics`]; what is
//!    valid becomes the model ([`model`]).
//! 3. **Time index** ([`timeline`]): a pure function of the valid events, so that the state
//!    of a place at an instant is a binary search.

pub mod anchor;
pub mod dates;
pub mod diagnostics;
pub mod gazetteer;
pub mod interval;
pub mod load;
pub mod model;
pub mod names;
mod notes;
pub mod schema;
pub mod source;
pub mod stories;
pub mod timeline;

use chrono::NaiveDateTime;

pub use diagnostics::{Diagnostic, Diagnostics, Severity};
pub use model::*;
pub use names::{Lookup, NameIndex};
pub use source::DataSource;
pub use timeline::{PlaceState, Timeline};

/// Everything the app shows, loaded from one data directory.
#[derive(Debug, Default)]
pub struct Store {
    pub places: Vec<Place>,
    pub actors: Vec<Actor>,
    pub articles: Vec<Article>,
    /// All events, in chronological order.
    pub events: Vec<Event>,
    pub place_names: NameIndex,
    pub actor_names: NameIndex,
    pub timeline: Timeline,
    /// Problems found while loading; the store holds whatever was valid.
    pub diagnostics: Diagnostics,
    /// Rows read that claim no change of control (an ACLED file's battles and other
    /// activity): counted in the summary, shown nowhere else.
    pub other_rows: usize,
    /// Where the data came from ("the bundled data" or a path).
    pub origin: String,
    /// The guided stories of `stories.toml` (none without one).
    pub stories: Vec<stories::Story>,
}

impl Store {
    /// Loads and validates a data source. Never fails: see [`Store::diagnostics`].
    pub fn load(source: &DataSource) -> Store {
        let mut store = load::load(source);
        // Stories name places and actors: they are read once those are known.
        let (stories, d) = stories::load(source, &store);
        store.stories = stories;
        store.diagnostics.append(d);
        notes::add(&mut store, source);
        store.diagnostics.sort();
        store.diagnostics.keep_only_referenced_sources();
        store
    }

    pub fn state_at(&self, place: PlaceIx, at: NaiveDateTime) -> PlaceState {
        self.timeline.state_at(place, at)
    }

    /// The state of every place at an instant, in the order of `places`.
    pub fn states_at(&self, at: NaiveDateTime) -> Vec<PlaceState> {
        (0..self.places.len())
            .map(|p| self.state_at(p, at))
            .collect()
    }

    /// A place's events in order.
    pub fn place_events(&self, place: PlaceIx) -> Vec<EventIx> {
        self.timeline.place_events(place).collect()
    }

    pub fn prev_change(&self, at: NaiveDateTime) -> Option<NaiveDateTime> {
        self.timeline.prev_change(at)
    }

    pub fn next_change(&self, at: NaiveDateTime) -> Option<NaiveDateTime> {
        self.timeline.next_change(at)
    }

    pub fn span(&self) -> Option<(NaiveDateTime, NaiveDateTime)> {
        self.timeline.span()
    }

    /// Finds a place by id, name or any alias, ignoring case and accents.
    pub fn find_place(&self, name: &str) -> Lookup {
        self.place_names.lookup(name)
    }

    pub fn quote_count(&self) -> usize {
        self.events.iter().map(|e| e.quotes.len()).sum()
    }

    /// "held by Islamic State", "contested between A and B", or "unknown".
    pub fn describe(&self, control: Option<Control>) -> String {
        match control {
            Some(c) => timeline::describe_control(c, &self.actors),
            None => "unknown".to_owned(),
        }
    }
}
