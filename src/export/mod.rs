//! Exports of the store to the tools Frontline's users also work in: GIS (GeoJSON for QGIS and
//! Kepler.gl), spreadsheets and conflict databases (ACLED-format CSV), and annotation tools
//! (W3C Web Annotations). One file per format, each a function from a [`Store`] and
//! [`ExportOptions`] to a writer; [`export`] picks one by [`ExportFormat`], so that the command
//! line and the app call the same code.
//!
//! No UI here: the exporters only read the store. They write what the map shows: the timeline's
//! view of every place (contradictory events that the store leaves out are left out here too).

mod acled;
mod annotations;
mod areas;
mod geojson;
mod periods;
pub mod target;
pub mod video;

use std::fmt;
use std::io::Write;
use std::str::FromStr;

use chrono::{NaiveDate, NaiveDateTime};

use crate::store::{Basis, Event, Precision, Store};

pub use crate::store::load::acled::{escape_cell, unescape_cell};
pub use acled::{ACLED_COLUMNS, write_acled_csv};
pub use annotations::{ANNOTATION_CONTEXT, CONTEXT_CHARS, write_annotations};
pub use areas::{AreaInstants, write_areas};
pub use geojson::write_geojson;

/// The formats Frontline exports to. The names (`geojson`, `csv`, `annotations`) are what the
/// command line accepts, through clap or [`FromStr`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum ExportFormat {
    /// Control periods as GeoJSON points, for QGIS and Kepler.gl.
    #[value(name = "geojson")]
    GeoJson,
    /// Events as ACLED-format CSV, for spreadsheets and anything that reads ACLED.
    #[value(name = "csv")]
    Csv,
    /// Every quote as a W3C Web Annotation (JSON-LD), for annotation tools.
    #[value(name = "annotations")]
    Annotations,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 3] = [
        ExportFormat::GeoJson,
        ExportFormat::Csv,
        ExportFormat::Annotations,
    ];

    /// The name the command line accepts.
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::GeoJson => "geojson",
            ExportFormat::Csv => "csv",
            ExportFormat::Annotations => "annotations",
        }
    }

    /// The usual file extension, without the dot, for a save dialog's default name.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::GeoJson => "geojson",
            ExportFormat::Csv => "csv",
            ExportFormat::Annotations => "jsonld",
        }
    }

    /// What a save dialog shows next to the extension.
    pub fn description(self) -> &'static str {
        match self {
            ExportFormat::GeoJson => "GeoJSON control periods (QGIS, Kepler.gl)",
            ExportFormat::Csv => "ACLED-format CSV of events (spreadsheets, ACLED tools)",
            ExportFormat::Annotations => "W3C Web Annotations of every quote (JSON-LD)",
        }
    }
}

impl fmt::Display for ExportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A format name that is none of [`ExportFormat::ALL`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown export format \"{0}\": use geojson, csv or annotations")]
pub struct UnknownFormat(pub String);

impl FromStr for ExportFormat {
    type Err = UnknownFormat;

    /// Accepts the names in any case, so that `GeoJSON` works as well as `geojson`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ExportFormat::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownFormat(s.to_owned()))
    }
}

/// What to export, beyond the format.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// GeoJSON only: one feature per place per day (the state at the end of the day) instead of
    /// one per control period. Kepler.gl and QGIS then need no interval logic at all.
    pub daily: bool,
    /// The first day to export (inclusive); None: from the start of the data.
    pub from: Option<NaiveDate>,
    /// The last day to export (inclusive); None: to the end of the data.
    pub to: Option<NaiveDate>,
}

/// Why an export failed. Writing is the only thing that can fail on valid options: the store
/// holds only what was valid in the data. The caller knows the file it writes to and names it.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(
        "could not write the export: {0}; check that the disk has room and the file is writable"
    )]
    Io(#[from] std::io::Error),
    #[error("could not write the JSON: {0}; check that the disk has room and the file is writable")]
    Json(#[from] serde_json::Error),
    #[error("could not write the CSV: {0}; check that the disk has room and the file is writable")]
    Csv(#[from] ::csv::Error),
    #[error(
        "the window is empty: it starts on {from} but ends on {to}; give a start on or before the end"
    )]
    EmptyWindow { from: NaiveDate, to: NaiveDate },
    #[error(
        "a daily export needs dates, but the data has no dated article or event; add one, or give both a start and an end day"
    )]
    NoDates,
}

/// Writes the store in `format` to `out`.
pub fn export(
    store: &Store,
    format: ExportFormat,
    options: &ExportOptions,
    out: impl Write,
) -> Result<(), ExportError> {
    match format {
        ExportFormat::GeoJson => write_geojson(store, options, out),
        ExportFormat::Csv => write_acled_csv(store, options, out),
        ExportFormat::Annotations => write_annotations(store, options, out),
    }
}

/// Why an export file was not written: the file could not be, or the export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportFileError {
    #[error(transparent)]
    Output(#[from] crate::output::OutputError),
    #[error("cannot write {}: {source}", path.display())]
    Export {
        path: std::path::PathBuf,
        #[source]
        source: ExportError,
    },
}

/// Writes an export into `path` through the one writer (whole or not at all), for the command
/// line and the app alike. Returns the file's size in bytes.
pub fn export_to_file(
    store: &Store,
    format: ExportFormat,
    options: &ExportOptions,
    path: &std::path::Path,
) -> Result<u64, ExportFileError> {
    let (atomic, file) = crate::output::AtomicFile::create(path)?;
    let mut writer = std::io::BufWriter::new(file);
    export(store, format, options, &mut writer)
        .and_then(|()| writer.flush().map_err(Into::into))
        .map_err(|source| ExportFileError::Export {
            path: path.to_owned(),
            source,
        })?;
    drop(writer);
    atomic.commit()?;
    Ok(std::fs::metadata(path).map_or(0, |m| m.len()))
}

/// Writes the areas of control (see [`write_areas`]) into `path` through the one writer, as
/// [`export_to_file`] does the other exports. Returns the file's size in bytes.
pub fn areas_to_file(
    store: &Store,
    instants: &AreaInstants,
    settings: &crate::view::areas::AreaSettings,
    path: &std::path::Path,
) -> Result<u64, ExportFileError> {
    let (atomic, file) = crate::output::AtomicFile::create(path)?;
    let mut writer = std::io::BufWriter::new(file);
    write_areas(store, instants, settings, &mut writer)
        .and_then(|()| writer.flush().map_err(Into::into))
        .map_err(|source| ExportFileError::Export {
            path: path.to_owned(),
            source,
        })?;
    drop(writer);
    atomic.commit()?;
    Ok(std::fs::metadata(path).map_or(0, |m| m.len()))
}

/// The half-open window `[start, end)` the options select, as instants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Window {
    start: Option<NaiveDateTime>,
    end: Option<NaiveDateTime>,
}

impl Window {
    fn of(options: &ExportOptions) -> Result<Window, ExportError> {
        if let (Some(from), Some(to)) = (options.from, options.to)
            && from > to
        {
            return Err(ExportError::EmptyWindow { from, to });
        }
        Ok(Window {
            start: options.from.map(start_of_day),
            end: options.to.and_then(|d| d.succ_opt()).map(start_of_day),
        })
    }

    fn contains(&self, t: NaiveDateTime) -> bool {
        self.start.is_none_or(|s| t >= s) && self.end.is_none_or(|e| t < e)
    }
}

fn start_of_day(d: NaiveDate) -> NaiveDateTime {
    d.and_time(chrono::NaiveTime::MIN)
}

/// A full ISO 8601 datetime in UTC, `2017-11-09T00:00:00Z`: what GDAL types as DateTime and
/// Kepler.gl as a timestamp (a bare date is neither).
fn iso_utc(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// "9 November 2017", as ACLED writes dates in words.
fn long_date(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

fn basis_word(b: Basis) -> &'static str {
    match b {
        Basis::Stated => "stated",
        Basis::Inferred => "inferred",
    }
}

/// An event's claim in one sentence, without its quotes: "On 9 November 2017, Abu Kamal:
/// captured, held by Syrian government and allies (before: held by Islamic State)." with the
/// precision, the basis and the annotator's note when they say more.
fn claim_in_words(store: &Store, ev: &Event) -> String {
    let place = store.places.get(ev.place).map_or("?", |p| p.name.as_str());
    let mut s = format!("On {}", long_date(ev.date));
    if ev.precision != Precision::Day {
        s += &format!(" (known to the {})", ev.precision.label());
    }
    s += &format!(
        ", {place}: {}, {}",
        ev.kind.label(),
        store.describe(Some(ev.to))
    );
    if let Some(from) = ev.from {
        s += &format!(" (before: {})", store.describe(Some(from)));
    }
    s.push('.');
    if ev.basis == Basis::Inferred {
        s += " Inferred from the quotes, not stated in them.";
    }
    if let Some(note) = &ev.note {
        s += &format!(" Note: {note}");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_parse_back_in_any_case() {
        for f in ExportFormat::ALL {
            assert_eq!(f.name().parse::<ExportFormat>(), Ok(f));
            assert_eq!(f.name().to_uppercase().parse::<ExportFormat>(), Ok(f));
            let clap_name = clap::ValueEnum::to_possible_value(&f).unwrap();
            assert_eq!(clap_name.get_name(), f.name());
        }
        let err = "kml".parse::<ExportFormat>().unwrap_err();
        assert!(err.to_string().contains("\"kml\""), "{err}");
        assert!(err.to_string().contains("geojson, csv or annotations"));
    }

    #[test]
    fn window_is_half_open_over_whole_days() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let w = Window::of(&ExportOptions {
            from: Some(d("2017-11-09")),
            to: Some(d("2017-11-10")),
            ..Default::default()
        })
        .unwrap();
        let t = |s: &str| s.parse::<NaiveDateTime>().unwrap();
        assert!(!w.contains(t("2017-11-08T23:59:59")));
        assert!(w.contains(t("2017-11-09T00:00:00")));
        assert!(w.contains(t("2017-11-10T23:59:59")));
        assert!(!w.contains(t("2017-11-11T00:00:00")));
    }

    #[test]
    fn a_window_that_ends_before_it_starts_is_refused() {
        let options = ExportOptions {
            from: Some("2017-11-10".parse().unwrap()),
            to: Some("2017-11-09".parse().unwrap()),
            ..Default::default()
        };
        let err = Window::of(&options).unwrap_err();
        assert!(matches!(err, ExportError::EmptyWindow { .. }));
        assert!(err.to_string().contains("2017-11-10"), "{err}");
    }
}
