//! Which `[[event]]` table of its file a loaded event came from, and which
//! `[[event.source]]` of it a quote came from, so that the app can delete, edit or add to an
//! event it shows.
//!
//! The store keeps every entry's byte span ([`Origin`]), not its position among the tables
//! of its file: an entry the loader skipped (a missing field, a bad value) still counts as a
//! table, so the store's own order cannot be used. The headers are counted in the text
//! instead, with a small scanner that knows strings (a `[[event]]` inside a multi-line quote is
//! not a header) and comments, and that keeps going past a syntax error, as the loader does.

use std::ops::Range;

use super::EventRef;
use crate::store::{Event, Origin, Quote};

/// Why an event shown cannot be found in its file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LocateError {
    #[error(
        "{file} is not one of the data's TOML files (an ACLED-format CSV file?): edit it in its own program"
    )]
    NotToml { file: String },
    #[error(
        "{file} no longer has this entry where it was loaded from (was it changed on disk?): reload and try again"
    )]
    Moved { file: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Header {
    Event,
    Source,
    /// Any other table header: it ends the event before it.
    Other,
}

/// The event a loaded event came from: its file and its index among the file's `[[event]]`
/// tables. `loaded` gives a file's text as the store loaded it.
pub fn locate<'a>(
    event: &Event,
    loaded: impl Fn(&str) -> Option<&'a [u8]>,
) -> Result<EventRef, LocateError> {
    let (text, origin) = text_of(&event.origin, &loaded)?;
    let headers = headers(text);
    let index = event_index(&headers, origin.span.start).ok_or_else(|| moved(origin))?;
    Ok(EventRef {
        file: origin.file.to_string(),
        index,
    })
}

/// The event a quote's source belongs to and the index of its `[[event.source]]` table
/// among the event's (a source the loader could not check still counts).
pub fn locate_quote<'a>(
    event: &Event,
    quote: &Quote,
    loaded: impl Fn(&str) -> Option<&'a [u8]>,
) -> Result<(EventRef, usize), LocateError> {
    let at = locate(event, &loaded)?;
    let (text, origin) = text_of(&quote.origin, &loaded)?;
    if *origin.file != *event.origin.file {
        return Err(moved(origin));
    }
    let source = source_index(&headers(text), &event.origin.span, origin.span.start)
        .ok_or_else(|| moved(origin))?;
    Ok((at, source))
}

fn moved(origin: &Origin) -> LocateError {
    LocateError::Moved {
        file: origin.file.to_string(),
    }
}

fn text_of<'a, 'o>(
    origin: &'o Origin,
    loaded: &impl Fn(&str) -> Option<&'a [u8]>,
) -> Result<(&'a str, &'o Origin), LocateError> {
    let not_toml = || LocateError::NotToml {
        file: origin.file.to_string(),
    };
    if !origin.file.ends_with(".toml") {
        return Err(not_toml());
    }
    let bytes = loaded(&origin.file).ok_or_else(not_toml)?;
    let text = std::str::from_utf8(bytes).map_err(|_| moved(origin))?;
    if origin.span.start > text.len() {
        return Err(moved(origin));
    }
    Ok((text, origin))
}

/// The index of the `[[event]]` whose entry holds byte `at`: the number of `[[event]]`
/// headers at or before it, less one.
fn event_index(headers: &[(usize, Header)], at: usize) -> Option<usize> {
    let before = headers.iter().take_while(|(pos, _)| *pos <= at);
    let (count, last) = before.fold((0, None), |(n, _), &(_, h)| {
        (n + usize::from(h == Header::Event), Some(h))
    });
    // The entry is the last table opened before `at`, or one of its sources.
    match last {
        Some(Header::Event | Header::Source) if count > 0 => Some(count - 1),
        _ => None,
    }
}

/// The index, among the sources of the event spanning `event`, of the `[[event.source]]`
/// whose entry holds byte `at`.
fn source_index(headers: &[(usize, Header)], event: &Range<usize>, at: usize) -> Option<usize> {
    let event_header = headers
        .iter()
        .rposition(|&(pos, h)| h == Header::Event && pos <= event.start)?;
    let mut index = None;
    for &(pos, h) in &headers[event_header + 1..] {
        if pos > at || h != Header::Source {
            break;
        }
        index = Some(index.map_or(0, |i| i + 1));
    }
    index
}

/// The byte offset of every table header of a TOML text, with what it opens.
fn headers(text: &str) -> Vec<(usize, Header)> {
    let mut out = Vec::new();
    // Inside a multi-line string: its closing delimiter.
    let mut open: Option<&'static str> = None;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let mut rest = line;
        if let Some(delim) = open {
            match closing(rest, delim) {
                // The string closes: the rest of the line is scanned below.
                Some(end) => rest = &rest[end..],
                None => {
                    line_start += line.len();
                    continue;
                }
            }
        } else {
            let trimmed = line.trim_start();
            if trimmed.starts_with('[') {
                let pos = line_start + (line.len() - trimmed.len());
                out.push((pos, header_kind(trimmed)));
                line_start += line.len();
                continue;
            }
        }
        open = open_string_at_end(rest);
        line_start += line.len();
    }
    out
}

/// What a line opening with `[` is a header of.
fn header_kind(line: &str) -> Header {
    let Some(inner) = line
        .strip_prefix("[[")
        .and_then(|l| l.split_once("]]"))
        .map(|(name, _)| name)
    else {
        return Header::Other;
    };
    let parts: Vec<String> = inner
        .split('.')
        .map(|p| p.trim().trim_matches(|c| c == '"' || c == '\'').to_owned())
        .collect();
    match parts.as_slice() {
        [e] if e == "event" => Header::Event,
        [e, s] if e == "event" && s == "source" => Header::Source,
        _ => Header::Other,
    }
}

/// Where, in `s`, the multi-line string closed by `delim` ends (just after the delimiter).
fn closing(s: &str, delim: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if delim == "\"\"\"" && bytes[i] == b'\\' {
            i += 2;
            continue;
        }
        if s[i..].starts_with(delim) {
            // A closing delimiter may be followed by one or two more quotes, part of the string.
            let mut end = i + 3;
            while end < bytes.len() && bytes[end] == delim.as_bytes()[0] && end < i + 5 {
                end += 1;
            }
            return Some(end);
        }
        i += 1;
    }
    None
}

/// Scans a line (outside any string at its start) and says whether it ends inside a
/// multi-line string, and which.
fn open_string_at_end(line: &str) -> Option<&'static str> {
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'#' => return None,
            q @ (b'"' | b'\'') => {
                let delim: &'static str = if q == b'"' { "\"\"\"" } else { "'''" };
                if line[i..].starts_with(delim) {
                    match closing(&line[i + 3..], delim) {
                        Some(end) => i += 3 + end,
                        None => return Some(delim),
                    }
                    continue;
                }
                // A one-line string: to its closing quote, or the end of the line.
                i += 1;
                while i < bytes.len() && bytes[i] != q && bytes[i] != b'\n' {
                    if q == b'"' && bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"# Events, with comments that name [[event]] in passing.

[[event]]   # first
place = "a"
date = "2017-11-01"
kind = "capture"
to = "x"
note = """
A note that quotes a header:
[[event]]
and goes on."""

[[event.source]]
article = "art"
quote = "it's [[event]] in a 'string'"

[[event.source]]
article = "art"
quote = 'two'

# A table the loader skips (no kind): it still counts.
[[event]]
place = "b"
date = "2017-11-02"

[[event]]
place = "c"
date = "2017-11-03"
kind = "capture"
to = "x"
note = "bad \" escape ]] [[event]]"

[[ event . "source" ]]
article = "art"
quote = "three"
"#;

    fn at(needle: &str) -> usize {
        FILE.find(needle).unwrap()
    }

    #[test]
    fn headers_inside_strings_and_comments_are_not_counted() {
        let h = headers(FILE);
        let events = h.iter().filter(|(_, k)| *k == Header::Event).count();
        let sources = h.iter().filter(|(_, k)| *k == Header::Source).count();
        assert_eq!((events, sources), (3, 3), "{h:?}");
        assert_eq!(event_index(&h, at("place = \"a\"")), Some(0));
        assert_eq!(event_index(&h, at("quote = 'two'")), Some(0));
        assert_eq!(event_index(&h, at("place = \"b\"")), Some(1));
        assert_eq!(event_index(&h, at("place = \"c\"")), Some(2));
        assert_eq!(event_index(&h, at("# Events")), None);
        let first = at("[[event]]   # first")..at("# A table");
        assert_eq!(source_index(&h, &first, at("quote = 'two'")), Some(1));
        assert_eq!(source_index(&h, &first, at("quote = \"it's")), Some(0));
        let third = at("place = \"c\"")..FILE.len();
        assert_eq!(source_index(&h, &third, at("quote = \"three\"")), Some(0));
    }

    #[test]
    fn a_syntax_error_earlier_in_the_file_does_not_shift_the_count() {
        let broken = FILE.replace("date = \"2017-11-02\"", "date = = 2017-11-02 oops");
        let h = headers(&broken);
        let c = broken.find("place = \"c\"").unwrap();
        assert_eq!(event_index(&h, c), Some(2));
    }

    #[test]
    fn every_bundled_event_is_found_at_its_table() {
        let store = crate::bundled::store();
        let snapshot = super::super::Snapshot::bundled();
        let loaded = |f: &str| snapshot.loaded(f);
        let mut docs = std::collections::HashMap::new();
        for e in &store.events {
            let r = locate(e, loaded).unwrap();
            let doc = docs.entry(r.file.clone()).or_insert_with(|| {
                std::str::from_utf8(snapshot.loaded(&r.file).unwrap())
                    .unwrap()
                    .parse::<toml_edit::DocumentMut>()
                    .unwrap()
            });
            let table = doc["event"]
                .as_array_of_tables()
                .unwrap()
                .get(r.index)
                .unwrap();
            let place = table["place"].as_str().unwrap();
            assert_eq!(
                store.find_place(place),
                crate::store::Lookup::Found(e.place),
                "{r:?}"
            );
            let sources = table["source"].as_array_of_tables().unwrap();
            for q in &e.quotes {
                let (again, s) = locate_quote(e, q, loaded).unwrap();
                assert_eq!(again, r);
                let quote = sources.get(s).unwrap()["quote"].as_str().unwrap();
                assert_eq!(quote, q.exact(&store.articles), "{r:?} source {s}");
            }
        }
        let csv = Event {
            origin: Origin {
                file: "syria.csv".into(),
                ..store.events[0].origin.clone()
            },
            ..store.events[0].clone()
        };
        assert!(matches!(
            locate(&csv, loaded),
            Err(LocateError::NotToml { .. })
        ));
    }
}
