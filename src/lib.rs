//! Frontline: replay who controlled which town, day by day, from annotated news articles, with
//! the exact sentences behind every state.
//!
//! - [`store`]: the event store (model, loading, validation, the time index). No UI.
//! - [`assist`]: the annotation assistant: proposes claims of control from an article's text.
//! - [`cli`]: the command line.
//! - [`synth`]: a synthetic corpus of any size, for benchmarks.

pub mod app;
pub mod assist;
pub mod bundled;
pub mod cli;
pub mod replay;
pub mod startup;
pub mod store;
pub mod synth;
