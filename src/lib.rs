//! Frontline: replay who controlled which town, day by day, from annotated news articles, with
//! the exact sentences behind every state.
//!
//! - [`store`]: the event store (model, loading, validation, the time index). No UI.
//! - [`present`]: the sentences and date forms the app and the command line show.
//! - [`assist`]: the annotation assistant: proposes claims of control from an article's text.
//! - [`cli`]: the command line.
//! - [`export`]: exports to GIS (GeoJSON), ACLED-format CSV and W3C Web Annotations. No UI.
//! - [`synth`]: a synthetic corpus of any size, for benchmarks.
//! - [`store_to_toml`]: a loaded store (an ACLED-format file) written as a TOML data directory.
//! - [`geo`]: the bundled basemap's GeoJSON, read into lines and polygons. No UI.
//! - [`edit`]: the annotation workbench's edits, undo and redo, and saving them safely. No UI.
//! - [`diff`]: what changed between two instants.
//! - [`output`]: the one writer of files: whole or not at all, flushed to disk, modes kept.
//! - [`view`]: UI-free building blocks for the map: clustering, search, right-to-left text.

pub mod app;
pub mod assist;
pub mod bundled;
pub mod cli;
pub mod diff;
pub mod edit;
pub mod export;
pub mod geo;
pub mod output;
pub mod present;
pub mod replay;
pub mod startup;
pub mod store;
pub mod store_to_toml;
pub mod synth;
pub mod view;
