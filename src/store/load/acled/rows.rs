//! Reading the rows of an ACLED-format CSV file into the parsed model, with a `file:line`
//! problem for every row that cannot be read.

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;

use super::super::super::diagnostics::{Diagnostic, Severity};
use super::super::super::gazetteer::GazetteerIndex;
use super::super::super::model::{Basis, DateBasis, EventKind, Origin, PlaceKind, Precision};
use super::super::parsed::{
    ActorsInput, DateInput, ParsedActor, ParsedArticle, ParsedCatalog, ParsedEvent, ParsedPlace,
    ParsedSource, Spanned,
};
use super::ROWS_PER_UNIT;
use super::actors::Actors;
use super::cells::{country_code, line_end, parse_coordinate, parse_date, scan_row, unescape_cell};
use super::places::{Location, Places};

/// The columns without which no row can be read.
const REQUIRED: [&str; 6] = [
    "event_date",
    "sub_event_type",
    "actor1",
    "location",
    "latitude",
    "longitude",
];

/// The sub-event types that change who controls a place.
const CHANGES: [(&str, EventKind); 3] = [
    ("Government regains territory", EventKind::Capture),
    ("Non-state actor overtakes territory", EventKind::Capture),
    ("Non-violent transfer of territory", EventKind::Withdrawal),
];

/// A problem found while reading, resolved to a line and column once the whole file is read.
struct Problem {
    severity: Severity,
    /// The byte offset of the row.
    offset: usize,
    line: usize,
    /// The cell it is about (its index in the row), if one.
    cell: Option<usize>,
    message: String,
    hint: Option<String>,
}

/// The columns found in the header, by name.
struct Columns {
    ix: HashMap<String, usize>,
    count: usize,
}

impl Columns {
    fn get(&self, name: &str) -> Option<usize> {
        self.ix.get(name).copied()
    }
}

/// Reads every row into `c` (actors, places, articles) and returns the events in units.
pub fn read(path: &Path, name: &Arc<str>, c: &mut ParsedCatalog) -> Vec<Vec<ParsedEvent>> {
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => {
            c.diagnostics.error(
                name,
                None,
                format!("cannot read {name}: {e}"),
                Some("pass --data with an ACLED-format CSV file or a data directory".into()),
            );
            c.unreadable.push(name.to_string());
            return Vec::new();
        }
    };
    let mut r = Reader::new(name.clone());
    let mut input = BufReader::with_capacity(1 << 20, file);
    let terminator = line_end(input.fill_buf().unwrap_or_default());
    let units = r.rows(input, terminator);
    if let Some(start) = r.last_row_start {
        r.check_last_row_closed(path, start);
    }
    r.finish(path, c);
    units
}

struct Reader {
    name: Arc<str>,
    problems: Vec<Problem>,
    actors: Actors,
    places: Places,
    articles: Vec<ParsedArticle>,
    ids: HashSet<String>,
    changes_per_day: HashMap<(usize, NaiveDate), u32>,
    other_rows: usize,
    last_row_start: Option<(usize, usize)>,
}

impl Reader {
    fn new(name: Arc<str>) -> Reader {
        let gazetteer = &GazetteerIndex::bundled().gazetteer;
        let towns = gazetteer.places.iter().flat_map(|p| {
            std::iter::once((p.name.as_str(), p.id.as_str()))
                .chain(p.aliases.iter().map(|a| (a.as_str(), p.id.as_str())))
        });
        Reader {
            name,
            problems: Vec::new(),
            actors: Actors::default(),
            places: Places::new(towns),
            articles: Vec::new(),
            ids: HashSet::new(),
            changes_per_day: HashMap::new(),
            other_rows: 0,
            last_row_start: None,
        }
    }

    fn problem(
        &mut self,
        severity: Severity,
        at: (usize, usize),
        cell: Option<usize>,
        message: String,
        hint: &str,
    ) {
        self.problems.push(Problem {
            severity,
            offset: at.0,
            line: at.1,
            cell,
            message,
            hint: Some(hint.to_owned()),
        });
    }

    fn rows(&mut self, input: impl Read, terminator: ::csv::Terminator) -> Vec<Vec<ParsedEvent>> {
        let mut csv = ::csv::ReaderBuilder::new()
            .has_headers(false)
            .terminator(terminator)
            .flexible(true)
            .from_reader(input);
        let mut rec = ::csv::ByteRecord::new();
        let header = match csv.read_byte_record(&mut rec) {
            Ok(true) => rec.clone(),
            Ok(false) => {
                self.problem(Severity::Error, (0, 1), None, "the file is empty".into(), "an ACLED export begins with a header row naming its columns (event_id_cnty, event_date, ...)");
                return Vec::new();
            }
            Err(e) => {
                self.problem(
                    Severity::Error,
                    (0, 1),
                    None,
                    format!("cannot read the header: {e}"),
                    "save the file as UTF-8 CSV",
                );
                return Vec::new();
            }
        };
        let mut ix = HashMap::new();
        for (i, h) in header.iter().enumerate() {
            let h = String::from_utf8_lossy(h);
            let h = h.trim_start_matches('\u{feff}').trim().to_lowercase();
            ix.entry(h).or_insert(i);
        }
        let cols = Columns {
            ix,
            count: header.len(),
        };
        let missing: Vec<&str> = REQUIRED
            .iter()
            .copied()
            .filter(|c| cols.get(c).is_none())
            .collect();
        if !missing.is_empty() {
            self.problem(
                Severity::Error,
                (0, 1),
                None,
                format!("missing required column(s): {}", missing.join(", ")),
                "an ACLED export has event_date, sub_event_type, actor1, location, latitude and longitude; check the header row's spelling",
            );
            return Vec::new();
        }
        let mut units: Vec<Vec<ParsedEvent>> = Vec::new();
        let mut unit = Vec::new();
        loop {
            let pos = csv.position().clone();
            let at = (pos.byte() as usize, pos.line() as usize);
            match csv.read_byte_record(&mut rec) {
                Ok(false) => break,
                Ok(true) => {}
                Err(e) => {
                    self.problem(
                        Severity::Error,
                        at,
                        None,
                        format!("cannot read the row: {e}"),
                        "save the file as UTF-8 CSV",
                    );
                    continue;
                }
            }
            let at = rec
                .position()
                .map_or(at, |p| (p.byte() as usize, p.line() as usize));
            let end = csv.position().byte() as usize;
            self.last_row_start = Some(at);
            // A blank line (a `\r` alone, with `\n` as the terminator).
            if rec.len() == 1 && rec[0].trim_ascii().is_empty() {
                continue;
            }
            if let Some(ev) = self.row(&rec, &cols, at, at.0..end.max(at.0)) {
                unit.push(ev);
                if unit.len() == ROWS_PER_UNIT {
                    units.push(std::mem::take(&mut unit));
                }
            }
        }
        if !unit.is_empty() {
            units.push(unit);
        }
        units
    }

    /// One row: an event (and its article) when it changes control, else counted.
    fn row(
        &mut self,
        rec: &::csv::ByteRecord,
        cols: &Columns,
        at: (usize, usize),
        span: Range<usize>,
    ) -> Option<ParsedEvent> {
        if rec.len() != cols.count {
            self.problem(
                Severity::Error,
                at,
                None,
                format!("the row has {} cells but the header has {}", rec.len(), cols.count),
                "a cell holding a comma or a line break must be in double quotes, and a quote inside it doubled (\"\")",
            );
            return None;
        }
        let cell = |this: &mut Reader, name: &str| -> Option<String> {
            let i = cols.get(name)?;
            match std::str::from_utf8(&rec[i]) {
                Ok(s) => Some(unescape_cell(s.trim()).to_owned()),
                Err(_) => {
                    this.problem(
                        Severity::Error,
                        at,
                        Some(i),
                        format!("the {name} cell is not UTF-8 text"),
                        "save the file as UTF-8 CSV",
                    );
                    None
                }
            }
        };
        let date_text = cell(self, "event_date").unwrap_or_default();
        let sub = cell(self, "sub_event_type").unwrap_or_default();
        let lat_text = cell(self, "latitude").unwrap_or_default();
        let lon_text = cell(self, "longitude").unwrap_or_default();
        let col = |n: &str| cols.get(n);
        let date = parse_date(&date_text);
        if date.is_none() {
            self.problem(
                Severity::Error,
                at,
                col("event_date"),
                format!("\"{date_text}\" is not a date"),
                "write event_date as 2017-11-09 or 9 November 2017",
            );
        }
        let lat = parse_coordinate(&lat_text, 90.0);
        if lat.is_none() {
            self.problem(
                Severity::Error,
                at,
                col("latitude"),
                format!("latitude \"{lat_text}\" is not a number between -90 and 90"),
                "write the latitude in decimal degrees, e.g. 34.4523",
            );
        }
        let lon = parse_coordinate(&lon_text, 180.0);
        if lon.is_none() {
            self.problem(
                Severity::Error,
                at,
                col("longitude"),
                format!("longitude \"{lon_text}\" is not a number between -180 and 180"),
                "write the longitude in decimal degrees, e.g. 40.9185",
            );
        }
        let tags = cell(self, "tags").unwrap_or_default();
        let tag = |key: &str| {
            tags.split(';')
                .find_map(|t| t.trim().strip_prefix(key)?.strip_prefix('='))
                .map(str::to_owned)
        };
        let tagged_kind = tag("kind").and_then(|k| EventKind::from_name(&k));
        let change = CHANGES
            .iter()
            .find(|(s, _)| s.eq_ignore_ascii_case(&sub))
            .map(|(_, k)| *k);
        let Some(kind) = tagged_kind.or(change) else {
            self.other_rows += 1;
            return None;
        };
        let (date, lat, lon) = (date?, lat?, lon?);
        let actor1 = cell(self, "actor1").unwrap_or_default();
        if actor1.is_empty() {
            self.problem(
                Severity::Error,
                at,
                col("actor1"),
                format!("a \"{sub}\" row needs actor1, the actor that gains the place"),
                "name the actor in actor1",
            );
            return None;
        }
        let actor2 = cell(self, "actor2").unwrap_or_default();
        let location = cell(self, "location").unwrap_or_default();
        if location.is_empty() {
            self.problem(
                Severity::Error,
                at,
                col("location"),
                "the location is empty".into(),
                "name the place in location",
            );
            return None;
        }
        let precision = match cell(self, "time_precision").as_deref() {
            None | Some("" | "1") => Precision::Day,
            Some("2") => Precision::Week,
            Some("3") => Precision::Month,
            Some(other) => {
                self.problem(
                    Severity::Warning,
                    at,
                    col("time_precision"),
                    format!("time_precision \"{other}\" is not 1, 2 or 3; taken as 1 (a day)"),
                    "ACLED's time_precision is 1 (day), 2 (week) or 3 (month)",
                );
                Precision::Day
            }
        };
        let geo_precision = cell(self, "geo_precision").and_then(|g| g.parse::<u8>().ok());
        let id = cell(self, "event_id_cnty")
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| format!("line-{}", at.1));
        if !self.ids.insert(id.clone()) {
            self.problem(
                Severity::Error,
                at,
                col("event_id_cnty"),
                format!("duplicate event_id_cnty \"{id}\""),
                "each row needs its own event_id_cnty; remove the repeated row",
            );
            return None;
        }
        let country = cell(self, "country").unwrap_or_default();
        let place_tag = tag("place");
        let loc = Location {
            id: place_tag.as_deref(),
            name: &location,
            lat,
            lon,
            country: &country,
            geo_precision,
        };
        let place = self.places.place_of(&loc, at.1, at.0);
        let place_id = self.places.found[place].id.clone();
        let a1 = self.actors.id_of(&actor1, at.1, at.0).to_owned();
        let a2 = (!actor2.is_empty()).then(|| self.actors.id_of(&actor2, at.1, at.0).to_owned());
        let a1_id = a1.clone();
        let contested = sub.eq_ignore_ascii_case("Armed clash") && tagged_kind.is_some();
        let (to, from) = match (contested, a2) {
            (true, Some(a2)) => (ActorsInput::Two(a1, a2), None),
            (_, _) => (
                ActorsInput::One(a1),
                // Not a `from`: ACLED's actor2 is whom the place was taken from in that
                // fight, often not its holder by the rows before (a warning per row on real
                // data), and Frontline's own rows take it from the replayed state. The place
                // panel shows the holder before from the replay, actor2 is in the notes.
                None::<ActorsInput>,
            ),
        };
        // Frontline's own export tags a place no longer held by actor1 (who holds it not said).
        let lost = tag("status").as_deref() == Some("lost");
        let basis = match tag("basis").as_deref() {
            Some("inferred") => Basis::Inferred,
            _ => Basis::Stated,
        };
        // Several changes of one place on one day apply in the order of the rows.
        let n = self.changes_per_day.entry((place, date)).or_insert(0);
        let minutes = (*n).min(23 * 60 + 59);
        *n += 1;
        let day = date.format("%Y-%m-%d").to_string();
        let instant = if minutes == 0 {
            day.clone()
        } else {
            format!("{day}T{:02}:{:02}", minutes / 60, minutes % 60)
        };
        let notes = cell(self, "notes")
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| format!("{actor1}: {sub} in {location} (the row has no notes)."));
        let outlet = cell(self, "source").filter(|s| !s.is_empty());
        let origin = Origin {
            file: self.name.clone(),
            span: span.clone(),
            line: at.1,
        };
        let s = |v| Spanned::new(span.clone(), v);
        self.articles.push(ParsedArticle {
            origin: origin.clone(),
            id: s(id.clone()),
            file: s(self.name.to_string()),
            text: Ok(notes.clone()),
            title: Some(format!("{sub}: {location}")),
            title_basis: None,
            outlet,
            outlet_note: None,
            dateline: None,
            date: Some(Spanned::new(span.clone(), DateInput::Text(day))),
            date_basis: Spanned::new(span.clone(), DateBasis::Stated),
            date_precision: Some(precision),
            rewrite_of: None,
            date_note: Some(format!("ACLED event_date of row {}", at.1)),
            url: None,
            language: None,
        });
        Some(ParsedEvent {
            origin: origin.clone(),
            id: Some(s(id.clone())),
            place: s(place_id),
            date: Spanned::new(span.clone(), DateInput::Text(instant)),
            precision: Some(precision),
            kind: Spanned::new(span.clone(), kind),
            basis: Some(basis),
            from: from.map(|f| Spanned::new(span.clone(), f)),
            to: (!lost).then(|| Spanned::new(span.clone(), to)),
            status: lost.then(|| Spanned::new(span.clone(), "lost".to_owned())),
            lost_by: lost.then(|| Spanned::new(span.clone(), Some(vec![a1_id.clone()]))),
            note: geo_precision.map(|g| format!("ACLED geo_precision {g}")),
            annotator: None,
            annotated: None,
            reviewed_by: None,
            rank: None,
            rank_reason: None,
            sources: vec![Ok(ParsedSource {
                origin,
                article: s(id),
                quote: Spanned::new(span.clone(), notes),
                prefix: None,
                suffix: None,
                date_phrase: None,
            })],
        })
    }

    /// A quote opened in the last row and never closed runs to the end of the file: the csv
    /// reader takes the rest as one cell, so it is found by scanning that row again.
    fn check_last_row_closed(&mut self, path: &Path, (offset, line): (usize, usize)) {
        let Ok(mut f) = File::open(path) else { return };
        let mut tail = Vec::new();
        if f.seek(SeekFrom::Start(offset as u64)).is_err() || f.read_to_end(&mut tail).is_err() {
            return;
        }
        let (cells, closed) = scan_row(&tail);
        if !closed {
            // The cell count of that row says nothing more.
            self.problems.retain(|p| p.offset != offset);
            let cell = cells.len().checked_sub(1);
            self.problem(
                Severity::Error,
                (offset, line),
                cell,
                "unterminated quote: the cell's opening \" is never closed".into(),
                "close the quoted cell with \", and double any quote inside it (\"\")",
            );
        }
    }

    /// Hands the catalog what was read, and turns the problems into diagnostics at their
    /// line and column (the file's text is kept for them only when there are problems).
    fn finish(self, path: &Path, c: &mut ParsedCatalog) {
        let name = &*self.name;
        let origin = |line: usize, offset: usize| Origin {
            file: self.name.clone(),
            span: offset..offset,
            line,
        };
        c.actors = self
            .actors
            .found
            .iter()
            .map(|a| ParsedActor {
                origin: origin(a.line, a.offset),
                id: Spanned::new(a.offset..a.offset, a.id.clone()),
                name: a.name.clone(),
                short: None,
                colour: Spanned::new(a.offset..a.offset, a.colour.to_owned()),
                aliases: Vec::new(),
            })
            .collect();
        c.places = self
            .places
            .found
            .into_iter()
            .map(|p| ParsedPlace {
                origin: origin(p.line, p.offset),
                id: Spanned::new(p.offset..p.offset, p.id),
                name: p.name,
                kind: PlaceKind::Town,
                country: country_code(&p.country),
                lat: Spanned::new(p.offset..p.offset, p.lat),
                lon: Spanned::new(p.offset..p.offset, p.lon),
                aliases: p.aliases,
                source: "ACLED".into(),
                note: p.geo_precision.map(|g| format!("ACLED geo_precision {g}")),
            })
            .collect();
        c.articles = self.articles;
        c.other_rows = self.other_rows;
        if self.problems.is_empty() {
            return;
        }
        let d = &mut c.diagnostics;
        let text = std::fs::read(path)
            .ok()
            .map(|b| String::from_utf8_lossy(&b).into_owned());
        if let Some(text) = &text {
            d.add_source(name, text);
        }
        for p in self.problems {
            let span = text.as_deref().map(|t| {
                let (cells, _) = scan_row(&t.as_bytes()[p.offset.min(t.len())..]);
                let r = p
                    .cell
                    .and_then(|i| cells.get(i).cloned())
                    .or_else(|| cells.first().map(|c| 0..c.end))
                    .unwrap_or(0..0);
                // A cell left open runs to the end of the file: it is shown on its own line.
                let line_end = t.as_bytes()[p.offset + r.start..p.offset + r.end]
                    .iter()
                    .position(|&b| b == b'\n' || b == b'\r');
                let end = line_end.map_or(r.end, |n| r.start + n);
                p.offset + r.start..p.offset + end
            });
            match span {
                Some(span) => d.at(p.severity, name, Some(span), p.message, p.hint),
                None => d.items.push(Diagnostic {
                    severity: p.severity,
                    file: name.to_owned(),
                    span: None,
                    line: p.line,
                    col: 1,
                    message: p.message,
                    hint: p.hint,
                }),
            }
        }
    }
}
