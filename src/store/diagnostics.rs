//! Problems found while loading a data directory, reported like a compiler's:
//! `file:line:col`, the offending line, and a hint on what to do.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    /// Not a problem: something a reader should know (sources that disagree, a change known
    /// only to a window of days).
    Note,
}

/// One problem in the data.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path relative to the data directory, e.g. `events.toml`.
    pub file: String,
    /// Byte range in the file, when the problem has a place in it.
    pub span: Option<Range<usize>>,
    /// 1-based line and column of the span's start (0 when there is no span).
    pub line: usize,
    pub col: usize,
    pub message: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    /// `file:line:col` (or just `file`).
    pub fn location(&self) -> String {
        if self.line > 0 {
            format!("{}:{}:{}", self.file, self.line, self.col)
        } else {
            self.file.clone()
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        };
        write!(f, "{}: {level}: {}", self.location(), self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, " (hint: {hint})")?;
        }
        Ok(())
    }
}

/// Collects diagnostics and keeps the text of every file they point into, so that they can be
/// shown with the offending lines (in the terminal and in the app).
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    pub items: Vec<Diagnostic>,
    /// File name -> its text, for the files that were read as text.
    pub sources: BTreeMap<String, String>,
    /// File name -> the byte offset of each line's start, so that a line number is a binary
    /// search rather than a count from the top of a file of a hundred thousand events.
    line_starts: BTreeMap<String, Vec<u32>>,
}

impl Diagnostics {
    /// Takes over another collection's problems and files (from a part of a load done on
    /// another thread).
    pub fn append(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
        self.sources.extend(other.sources);
        self.line_starts.extend(other.line_starts);
    }

    /// Forgets the text of the files that no problem points into (the annotations of a large
    /// corpus are tens of megabytes): what is kept is what the problems are shown with.
    pub(crate) fn keep_only_referenced_sources(&mut self) {
        let used: std::collections::BTreeSet<String> =
            self.items.iter().map(|d| d.file.clone()).collect();
        self.sources.retain(|f, _| used.contains(f));
        self.line_starts.retain(|f, _| used.contains(f));
    }

    /// Forgets the text of one file if no problem points into it yet: a large corpus's event
    /// files are dropped as soon as they are checked, rather than all held to the end.
    /// [`Self::ensure_source`] reads one back if a later check finds a problem in it.
    pub(crate) fn forget_source_if_unreferenced(&mut self, file: &str) {
        if !self.items.iter().any(|d| d.file == file) {
            self.sources.remove(file);
            self.line_starts.remove(file);
        }
    }

    /// Reads a file's text back from the data source if it was forgotten, so that a problem
    /// found late (by a check across all events) is still shown with its lines.
    pub(crate) fn ensure_source(&mut self, file: &str, source: &super::source::DataSource) {
        if !self.sources.contains_key(file)
            && let Ok(text) = source.read_text(file, super::source::MAX_TOML_BYTES)
        {
            self.add_source(file, &text);
        }
    }

    pub(crate) fn add_source(&mut self, file: &str, text: &str) {
        let starts = std::iter::once(0)
            .chain(
                text.bytes()
                    .enumerate()
                    .filter(|(_, b)| *b == b'\n')
                    .map(|(i, _)| i as u32 + 1),
            )
            .collect();
        self.line_starts.insert(file.to_owned(), starts);
        self.sources.insert(file.to_owned(), text.to_owned());
    }

    /// The 1-based line of a byte offset in a file added with [`Self::add_source`] (0 when the
    /// file is unknown).
    pub(crate) fn line_of(&self, file: &str, offset: usize) -> usize {
        self.line_starts.get(file).map_or(0, |starts| {
            starts.partition_point(|&s| s as usize <= offset)
        })
    }

    /// 1-based line and column (in characters) of a byte offset, as [`line_col`] but without
    /// counting lines from the top.
    fn line_col_in(&self, file: &str, offset: usize) -> Option<(usize, usize)> {
        let text = self.sources.get(file)?;
        let starts = self.line_starts.get(file)?;
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = starts.partition_point(|&s| s as usize <= offset);
        let line_start = starts[line - 1] as usize;
        Some((line, text[line_start..offset].chars().count() + 1))
    }

    /// Records a problem at a byte range of a file (line and column are computed).
    pub fn at(
        &mut self,
        severity: Severity,
        file: &str,
        span: Option<Range<usize>>,
        message: impl Into<String>,
        hint: Option<String>,
    ) {
        let (line, col) = span
            .as_ref()
            .and_then(|span| self.line_col_in(file, span.start))
            .unwrap_or((0, 0));
        self.items.push(Diagnostic {
            severity,
            file: file.to_owned(),
            span,
            line,
            col,
            message: message.into(),
            hint,
        });
    }

    pub fn error(
        &mut self,
        file: &str,
        span: Option<Range<usize>>,
        message: impl Into<String>,
        hint: Option<String>,
    ) {
        self.at(Severity::Error, file, span, message, hint);
    }

    pub fn warning(
        &mut self,
        file: &str,
        span: Option<Range<usize>>,
        message: impl Into<String>,
        hint: Option<String>,
    ) {
        self.at(Severity::Warning, file, span, message, hint);
    }

    /// Records an error at a known line and column (when the file could not be read as text).
    pub(crate) fn error_at_line(
        &mut self,
        file: &str,
        line: usize,
        col: usize,
        message: impl Into<String>,
        hint: Option<String>,
    ) {
        self.items.push(Diagnostic {
            severity: Severity::Error,
            file: file.to_owned(),
            span: None,
            line,
            col,
            message: message.into(),
            hint,
        });
    }

    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter().filter(|d| d.severity == Severity::Error)
    }

    pub fn error_count(&self) -> usize {
        self.errors().count()
    }

    pub fn warning_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }

    pub fn note_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Note)
            .count()
    }

    pub fn note(
        &mut self,
        file: &str,
        span: Option<Range<usize>>,
        message: impl Into<String>,
        hint: Option<String>,
    ) {
        self.at(Severity::Note, file, span, message, hint);
    }

    pub fn has_errors(&self) -> bool {
        self.error_count() > 0
    }

    /// Sorts problems by file and position, errors of one place before warnings.
    pub fn sort(&mut self) {
        self.items.sort_by(|a, b| {
            (&a.file, a.line, a.col, a.severity).cmp(&(&b.file, b.line, b.col, b.severity))
        });
    }

    /// The lines of the file around a diagnostic, numbered, for display in the app.
    pub fn excerpt(&self, d: &Diagnostic, context: usize) -> Vec<(usize, String)> {
        let Some(text) = self.sources.get(&d.file) else {
            return Vec::new();
        };
        if d.line == 0 {
            return Vec::new();
        }
        let end_line = d
            .span
            .as_ref()
            .map(|s| line_col(text, s.end.saturating_sub(1).max(s.start)).0)
            .unwrap_or(d.line);
        let first = d.line.saturating_sub(context).max(1);
        let last = (end_line + context).min(d.line + 12);
        text.lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l.to_owned()))
            .filter(|(n, _)| *n >= first && *n <= last)
            .collect()
    }

    /// Renders every diagnostic like a compiler, with the offending line underlined.
    pub fn render(&self) -> String {
        let mut files = SimpleFiles::new();
        // Only the files that have problems: the others can be large.
        let ids: BTreeMap<&str, usize> = self
            .sources
            .iter()
            .filter(|(name, _)| self.items.iter().any(|d| &d.file == *name))
            .map(|(name, text)| (name.as_str(), files.add(name.clone(), text.clone())))
            .collect();
        let config = term::Config::default();
        let mut out = String::new();
        for d in &self.items {
            let mut cs = match d.severity {
                Severity::Error => CsDiagnostic::error(),
                Severity::Warning => CsDiagnostic::warning(),
                Severity::Note => CsDiagnostic::note(),
            }
            .with_message(&d.message);
            match (ids.get(d.file.as_str()), &d.span) {
                (Some(&id), Some(span)) => {
                    cs = cs.with_labels(vec![Label::primary(id, span.clone())]);
                }
                _ => cs = cs.with_notes(vec![format!("in {}", d.location())]),
            }
            if let Some(hint) = &d.hint {
                cs.notes.push(format!("hint: {hint}"));
            }
            match term::emit_into_string(&config, &files, &cs) {
                Ok(text) => out.push_str(&text),
                Err(_) => out.push_str(&format!("{d}\n")),
            }
        }
        out
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = text[line_start..offset].chars().count() + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_are_one_based() {
        let text = "a = 1\nbé = 2\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 6), (2, 1));
        assert_eq!(line_col(text, 10), (2, 4));
    }

    #[test]
    fn rendering_names_file_line_and_hint() {
        let mut d = Diagnostics::default();
        d.add_source("events.toml", "[[event]]\nplace = \"nowhere\"\n");
        d.error(
            "events.toml",
            Some(18..27),
            "unknown place \"nowhere\"",
            Some("did you mean \"abu_kamal\"?".into()),
        );
        assert_eq!(d.items[0].location(), "events.toml:2:9");
        let text = d.render();
        assert!(text.contains("events.toml:2:9"), "{text}");
        assert!(text.contains("place = \"nowhere\""), "{text}");
        assert!(text.contains("hint: did you mean"), "{text}");
    }
}
