//! The layout a TOML file keeps through an edit: the comments and blank lines above a table
//! travel with it when a table is deleted or moved (events, story steps).

use toml_edit::Table;

/// The comments and blank lines written above a table.
pub(super) fn decor_prefix(t: &Table) -> String {
    t.decor()
        .prefix()
        .and_then(|p| p.as_str())
        .unwrap_or("")
        .to_owned()
}
