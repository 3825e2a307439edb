//! The cells of one ACLED row: splitting a row into cells, reading dates, coordinates and
//! country names, and the escape against CSV injection that Frontline's own export writes
//! (and this reader undoes).

use std::ops::Range;

use ::csv::Terminator;
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

/// The csv reader's terminator for a file that begins with `head`. Rows end at `\n` (a `\r`
/// before it ends the last cell, which is trimmed like every cell), so that each row starts
/// where the reader says: with its default, `\r` or `\n` or both, a row after a `\r\n` was
/// placed at the `\n`, and its problems named the line before. A file with only old Mac line
/// ends (`\r` and no `\n` in its first megabyte) keeps `\r` as its terminator.
pub(super) fn line_end(head: &[u8]) -> Terminator {
    if memchr::memchr(b'\n', head).is_none() && memchr::memchr(b'\r', head).is_some() {
        Terminator::CRLF
    } else {
        Terminator::Any(b'\n')
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

/// The characters that make a spreadsheet read a cell as a formula (OWASP's list).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Makes a cell of untrusted text safe to open in a spreadsheet: a cell that begins with `=`,
/// `+`, `-`, `@`, a tab or a carriage return would run as a formula, so it gets a leading `'`
/// (OWASP's advice for CSV injection), which spreadsheets show as text. So that
/// [`unescape_cell`] can tell the quotes it must remove from quotes of the text itself, a cell
/// that begins with quotes followed by one of those characters gets one more quote too.
///
/// `unescape_cell(&escape_cell(s)) == s` for every `s`.
pub fn escape_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.trim_start_matches('\'').starts_with(FORMULA_STARTS) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// Reads back a cell written by [`escape_cell`]: removes the one leading `'` it added, that is
/// a `'` followed by quotes and then `=`, `+`, `-`, `@`, a tab or a carriage return. Any other
/// cell, a leading quote included (`'tis`), is returned as it is.
pub fn unescape_cell(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.trim_start_matches('\'').starts_with(FORMULA_STARTS) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_formula_gets_a_quote_and_loses_it_when_read() {
        for cell in ["=HYPERLINK(\"x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
            let escaped = escape_cell(cell);
            assert_eq!(escaped, format!("'{cell}"));
            assert_eq!(unescape_cell(&escaped), cell);
        }
    }

    #[test]
    fn plain_text_and_a_quote_of_the_text_itself_are_left_alone() {
        for cell in ["Abu Kamal", "'tis", "", "'", "a=b", " =1"] {
            assert_eq!(escape_cell(cell), cell);
            assert_eq!(unescape_cell(cell), cell);
        }
    }

    #[test]
    fn a_quote_before_a_formula_in_the_text_survives_the_round_trip() {
        assert_eq!(escape_cell("'=1"), "''=1");
        assert_eq!(unescape_cell("''=1"), "'=1");
    }

    proptest! {
        #[test]
        fn unescape_undoes_escape(cell in "['=+@\\-\t\r a-z]{0,8}") {
            let escaped = escape_cell(&cell);
            prop_assert!(!escaped.starts_with(FORMULA_STARTS));
            prop_assert_eq!(unescape_cell(&escaped), cell.as_str());
        }
    }
}
