//! `frontline suggest`: the annotation assistant on one text file, for the command line.

use std::io::Write;
use std::process::ExitCode;

use super::{CliError, SuggestError, write_json};
use crate::present::{self, long_date};
use crate::store::Store;

/// `frontline suggest`: the assistant on one file. The date comes from `--date` (which wins
/// over a date line: the user typed it for this run), else from the file's first line; without
/// either the claims cannot be dated, so it stops. Sentences in a language the assistant does
/// not read are said to be unread (on stderr with `--json`, whose stdout stays JSON).
pub(super) fn suggest(
    store: &Store,
    file: &std::path::Path,
    date: Option<&str>,
    json: bool,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    let text = crate::assist::read_article(file)?;
    let published = match date {
        Some(d) => chrono::NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").map_err(|_| {
            SuggestError::BadDate {
                file: file.display().to_string(),
                input: d.to_owned(),
            }
        })?,
        None => crate::assist::publication_date(&text).ok_or_else(|| SuggestError::NoDate {
            file: file.display().to_string(),
        })?,
    };
    let candidates = crate::assist::Assistant::new(store).suggest(&text, published)?;
    let unread = crate::assist::unread_languages(&text);
    if json {
        if let Some(note) = &unread {
            eprintln!("{}: {note}", file.display());
        }
        write_json(out, &candidates)?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(
        out,
        "{}: {} (published {})",
        file.display(),
        present::candidates_summary(candidates.len()),
        long_date(published)
    )?;
    if let Some(note) = &unread {
        writeln!(out, "Note: {note}.")?;
    }
    for c in &candidates {
        writeln!(out, "{}", present::candidate_line(store, c))?;
    }
    Ok(ExitCode::SUCCESS)
}
