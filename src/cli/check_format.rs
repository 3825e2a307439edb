//! `check --format`: the problems of a data directory for people (the default, like a
//! compiler), for programs (JSON), or as GitHub Actions annotations, so that a data
//! repository's CI marks the offending lines of a pull request.

use std::io::{self, Write};
use std::path::Path;

use serde::Serialize;

use crate::store::{Diagnostic, Severity, Store};

/// How `check` prints the problems.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    /// Like a compiler: `file:line:col`, the offending line, a hint, then a summary.
    #[default]
    Human,
    /// An array of `{file, line, column, severity, message, hint}`.
    Json,
    /// GitHub Actions workflow commands: `::error file=…,line=…,col=…::message`.
    Github,
}

#[derive(Serialize)]
struct JsonProblem<'a> {
    file: &'a str,
    line: usize,
    column: usize,
    severity: &'static str,
    message: &'a str,
    hint: Option<&'a str>,
}

fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// Writes the problems as JSON (file names relative to the data directory, lines and columns
/// 1-based, 0 when the problem has no position).
pub fn write_json(store: &Store, out: &mut dyn Write) -> io::Result<()> {
    let items: Vec<JsonProblem> = store
        .diagnostics
        .items
        .iter()
        .map(|d| JsonProblem {
            file: &d.file,
            line: d.line,
            column: d.col,
            severity: severity_word(d.severity),
            message: &d.message,
            hint: d.hint.as_deref(),
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &items).map_err(io::Error::other)?;
    writeln!(out)
}

/// Writes one GitHub Actions annotation per problem. `dir` is the data directory as given on
/// the command line, so that the file is named from the repository's root, as GitHub needs.
pub fn write_github(store: &Store, dir: Option<&Path>, out: &mut dyn Write) -> io::Result<()> {
    for d in &store.diagnostics.items {
        writeln!(out, "{}", github_line(d, dir))?;
    }
    Ok(())
}

fn github_line(d: &Diagnostic, dir: Option<&Path>) -> String {
    let file = match dir {
        Some(dir) => dir.join(&d.file).display().to_string(),
        None => d.file.clone(),
    };
    let mut props = format!("file={}", escape_property(&file));
    if d.line > 0 {
        props += &format!(",line={},col={}", d.line, d.col.max(1));
    }
    let mut message = d.message.clone();
    if let Some(hint) = &d.hint {
        message += &format!(" (hint: {hint})");
    }
    // GitHub's workflow commands name a note `notice`.
    let command = match d.severity {
        Severity::Note => "notice",
        s => severity_word(s),
    };
    format!("::{command} {props}::{}", escape_data(&message))
}

/// GitHub's escaping of a workflow command's message.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// GitHub's escaping of a workflow command's property value.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_annotation_names_the_file_from_the_repository_root_and_escapes_its_text() {
        let d = Diagnostic {
            severity: Severity::Warning,
            file: "events.toml".into(),
            span: None,
            line: 4,
            col: 9,
            message: "100% sure,\nnot".into(),
            hint: Some("fix it".into()),
        };
        assert_eq!(
            github_line(&d, Some(Path::new("data"))),
            "::warning file=data/events.toml,line=4,col=9::100%25 sure,%0Anot (hint: fix it)"
        );
    }
}
