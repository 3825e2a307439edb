//! An ACLED-format CSV file, the second [`Format`]: `--data FILE.csv` opens an ACLED export
//! (or Frontline's own `export csv`) with no conversion step.
//!
//! - Columns are found by their header name (ACLED's names); extra columns are ignored and
//!   only `event_date`, `sub_event_type`, `actor1`, `location`, `latitude` and `longitude`
//!   are required. Dates are `2017-11-09` or `9 November 2017`.
//! - A row changes control when its `sub_event_type` is `Government regains territory`,
//!   `Non-state actor overtakes territory` or `Non-violent transfer of territory`: `actor1`
//!   gains the place from `actor2`. Frontline's own export also writes contested states
//!   (`Armed clash`) and reports (`Other`) with `tags` such as `place=ID; kind=entered;
//!   basis=stated`: rows with such tags are read back as the claim they were. Any other row
//!   is counted ([`other_rows`](ParsedCatalog::other_rows)) and changes nothing.
//! - Each event row is also its own article: `notes` is the text (the whole of it is the
//!   quote), `source` the outlet, `event_date` the date. The notes are kept once, in the
//!   article; the quote is its whole text.
//! - `time_precision` 1/2/3 is a day/week/month; `geo_precision` is kept in the event's note.
//! - Several changes of one place on one day apply in the order of the rows, a minute apart.
//! - Locations become places ([`places`]), actor names actors ([`actors`]).
//!
//! A row that cannot be read is reported at its line in the file (the header is line 1; a
//! quoted cell can span lines; rows may end in `\n` or `\r\n`) and left out; the rest loads.

pub mod actors;
mod cells;
pub mod places;
mod rows;

pub use cells::{escape_cell, unescape_cell};

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use super::super::diagnostics::Diagnostics;
use super::super::source::DataSource;
use super::parsed::{Format, ParsedCatalog, ParsedEvents};

/// How many event rows make one unit of the pipeline.
const ROWS_PER_UNIT: usize = 20_000;

/// Reads one ACLED-format CSV file.
pub struct AcledCsv {
    /// The file's path on disk.
    path: PathBuf,
    /// The file's name, as diagnostics and origins name it.
    name: Arc<str>,
    /// The events read by [`Format::catalog`], by unit, taken once by [`Format::events`].
    units: Mutex<HashMap<String, ParsedEvents>>,
}

/// Whether a data source is one ACLED-format CSV file (a path ending in `.csv` that is not a
/// directory) rather than a data directory. The one place that decides it: for loading, for
/// stories (a file has no directory to hold a `stories.toml`) and for the workbench (which
/// edits TOML files only).
pub fn is_acled_csv(source: &DataSource) -> bool {
    csv_path(source).is_some()
}

fn csv_path(source: &DataSource) -> Option<&Path> {
    let DataSource::Dir(path) = source else {
        return None;
    };
    let is_csv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    (is_csv && !path.is_dir()).then_some(path.as_path())
}

/// When a data source is one CSV file ([`is_acled_csv`]): the format to read it, and the
/// directory holding it (where later checks read the file back for its lines).
pub fn csv_file(source: &DataSource) -> Option<(AcledCsv, DataSource)> {
    let path = csv_path(source)?;
    let name = path.file_name()?.to_string_lossy().into_owned();
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Some((AcledCsv::new(path, &name), DataSource::Dir(dir)))
}

impl AcledCsv {
    pub fn new(path: &Path, name: &str) -> AcledCsv {
        AcledCsv {
            path: path.to_path_buf(),
            name: name.into(),
            units: Mutex::new(HashMap::new()),
        }
    }
}

impl Format for AcledCsv {
    fn catalog(&self) -> ParsedCatalog {
        let mut c = ParsedCatalog::default();
        let read = rows::read(&self.path, &self.name, &mut c);
        let mut units = self.units.lock().unwrap_or_else(|e| e.into_inner());
        for (i, chunk) in read.into_iter().enumerate() {
            let unit = format!("{}#{}", self.name, i + 1);
            c.event_units.push(unit.clone());
            units.insert(
                unit,
                ParsedEvents {
                    events: chunk,
                    diagnostics: Diagnostics::default(),
                },
            );
        }
        c
    }

    fn events(&self, unit: &str) -> ParsedEvents {
        let mut units = self.units.lock().unwrap_or_else(|e| e.into_inner());
        units.remove(unit).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_csv_file_is_acled_and_a_directory_is_not_whatever_its_name() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("syria.CSV");
        std::fs::write(&file, "event_date\n").unwrap();
        let folder = tmp.path().join("data.csv");
        std::fs::create_dir(&folder).unwrap();
        assert!(is_acled_csv(&DataSource::Dir(file.clone())));
        assert!(!is_acled_csv(&DataSource::Dir(folder)));
        assert!(!is_acled_csv(&DataSource::Dir(tmp.path().to_path_buf())));
        let (_, dir) = csv_file(&DataSource::Dir(file)).unwrap();
        assert!(matches!(dir, DataSource::Dir(d) if d == tmp.path()));
    }
}
