//! Loading a data directory: files → parsed model (per format) → validation. Every problem is
//! collected, none stops the load: whatever is valid is kept, so that the app can show it
//! beside the list of problems.
//!
//! 1. **Read** (one module per format). A [`Format`] reads its files into the parsed model of
//!    [`parsed`]: actors, places and articles (with their texts) at once, then events unit by
//!    unit. Names are still names and dates still text; every value keeps its byte span and
//!    every entry an [`Origin`](super::model::Origin), so that any later problem points at a
//!    line of the right file. Problems of form (malformed TOML, a missing field, an unreadable
//!    file) are reported here. [`toml_dir`] reads the TOML directory of `data/README.md`,
//!    with [`entries`] (recoverable `[[entry]]` parsing) into the serde types of
//!    [`crate::store::schema`].
//! 2. **Validate** (format-neutral). [`catalog`] checks ids, colours, coordinates and article
//!    dates and builds the name indexes; [`events`] resolves each event's place and actors,
//!    parses its date and applies the event rules; [`quotes`] anchors each quote in its
//!    article and checks its date phrase. Last, over all events in time order,
//!    [`resolve::check_in_time`] joins vague claims to the precise ones they
//!    corroborate, finds disputes, contradictions and `from`s that disagree with the
//!    previous state.
//! 3. [`pipeline`] runs the two on rayon's threads: event units are parsed and checked a few
//!    at a time in parallel and merged in unit order, so the outcome does not depend on the
//!    number of threads. The time index ([`super::timeline`]) is then built from the valid
//!    events alone, without reading a file or reporting anything.
//!
//! [`acled`] reads an ACLED-format CSV file (`--data FILE.csv`), the second format.
//!
//! **Adding a format**: write a module with a type
//! implementing [`Format`] that turns its rows into [`parsed::ParsedActor`]s,
//! [`parsed::ParsedPlace`]s, [`parsed::ParsedArticle`]s and [`parsed::ParsedEvent`]s
//! (building [`parsed::Spanned`] values with the byte range of each cell, and adding the file's
//! text to the diagnostics so that problems are shown with their line), then choose it in
//! [`load`] (by what the data directory holds) and pass it to [`pipeline::run`]. Validation and
//! the time index come for free.

pub mod acled;
pub mod catalog;
pub mod entries;
pub mod events;
mod from_toml;
pub mod parsed;
pub mod pipeline;
pub mod quotes;
pub mod resolve;
pub mod toml_dir;

use super::Store;
use super::source::DataSource;

pub use parsed::Format;
pub use toml_dir::{ACTORS_FILE, ARTICLES_FILE, EVENTS_DIR, EVENTS_FILE, PLACES_FILE, TomlDir};

/// Loads and validates a data directory, without its stories (see [`Store::load`]). Never
/// fails: problems go into the diagnostics.
pub fn load(source: &DataSource) -> Store {
    let mut store = match acled::csv_file(source) {
        Some((csv, dir)) => pipeline::run(&csv, &dir),
        None => pipeline::run(&TomlDir { source }, source),
    };
    store.origin = source.describe();
    store
}
