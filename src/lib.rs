//! Frontline: replay who controlled which town, day by day, from annotated news articles, with
//! the exact sentences behind every state.
//!
//! - [`store`]: the event store (model, loading, validation, the time index). No UI.
//! - [`cli`]: the command line.
//! - [`synth`]: a synthetic corpus of any size, for benchmarks.
//! - [`geo`]: the bundled basemap's GeoJSON, read into lines and polygons. No UI.

pub mod app;
pub mod bundled;
pub mod cli;
pub mod geo;
pub mod replay;
pub mod startup;
pub mod store;
pub mod synth;
