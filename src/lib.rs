//! Frontline: replay who controlled which town, day by day, from annotated news articles, with
//! the exact sentences behind every state.
//!
//! - [`store`]: the event store (model, loading, validation, the time index). No UI.
//! - [`cli`]: the command line.
//! - [`synth`]: a synthetic corpus of any size, for benchmarks.
//! - [`diff`]: what changed between two instants.
//! - [`view`]: UI-free building blocks for the map: clustering, search, right-to-left text.

pub mod app;
pub mod bundled;
pub mod cli;
pub mod diff;
pub mod replay;
pub mod startup;
pub mod store;
pub mod synth;
pub mod view;
