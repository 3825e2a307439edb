//! The cells of one ACLED row: splitting a row into cells, and reading dates, coordinates,
//! and country names.

use std::ops::Range;

use chrono::NaiveDate;

/// The byte ranges of a row's cells (inside the quotes, for a quoted cell), from the row's
/// start to its end of line, and whether every quote was closed.
pub(super) fn scan_row(bytes: &[u8]) -> (Vec<Range<usize>>, bool) {
    let mut cells = Vec::new();
    let mut i = 0;
    loop {
        let start = i;
        if bytes.get(i) == Some(&b'"') {
            i += 1;
            loop {
                match bytes.get(i) {
                    None => {
                        cells.push(start + 1..i);
                        return (cells, false);
                    }
                    Some(b'"') if bytes.get(i + 1) == Some(&b'"') => i += 2,
                    Some(b'"') => break,
                    Some(_) => i += 1,
                }
            }
            cells.push(start + 1..i);
            i += 1;
            while !matches!(bytes.get(i), None | Some(b',' | b'\n' | b'\r')) {
                i += 1;
            }
        } else {
            while !matches!(bytes.get(i), None | Some(b',' | b'\n' | b'\r')) {
                i += 1;
            }
            cells.push(start..i);
        }
        match bytes.get(i) {
            Some(b',') => i += 1,
            _ => return (cells, true),
        }
    }
}

/// `2017-11-09` or `9 November 2017` (ACLED's two forms).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d %B %Y"))
        .or_else(|_| NaiveDate::parse_from_str(s, "%d %b %Y"))
        .ok()
}

pub(super) fn parse_coordinate(s: &str, limit: f64) -> Option<f64> {
    s.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && v.abs() <= limit)
}

/// ISO 3166-1 alpha-2 of an English country name ("Syria" and "Syrian Arab Republic" both).
pub(super) fn country_code(name: &str) -> String {
    match name.to_lowercase().as_str() {
        "syria" => return "SY".into(),
        "iraq" => return "IQ".into(),
        "" => return String::new(),
        _ => {}
    }
    isocountry::CountryCode::iter()
        .find(|c| c.name().eq_ignore_ascii_case(name))
        .map_or_else(String::new, |c| c.alpha2().to_owned())
}
