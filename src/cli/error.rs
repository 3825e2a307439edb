//! What can go wrong on the command line, as values: each error's `Display` is the message
//! printed after `error: `, and [`CliError::exit_code`] says how the process ends.

use std::io;
use std::process::ExitCode;

use thiserror::Error;

use crate::synth::SynthError;

/// `--at` is not a date or an instant.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{explanation}")]
pub struct InstantError {
    /// What the user wrote.
    pub input: String,
    /// What is wrong and how to write it, in words.
    pub explanation: String,
}

/// A place name that names no place, or more than one.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PlaceError {
    #[error("\"{name}\" names several places: {}; use an id", .ids.join(", "))]
    Ambiguous { name: String, ids: Vec<String> },
    #[error("no place called \"{name}\"; did you mean \"{suggestion}\"?")]
    Misspelt { name: String, suggestion: String },
    #[error("no place called \"{name}\"; known places: {}", .known.join(", "))]
    Unknown { name: String, known: Vec<String> },
}

/// `frontline suggest` cannot date the text's claims.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SuggestError {
    #[error(
        "{file}: no publication date: pass --date YYYY-MM-DD, or make the file's first line `date YYYY-MM-DD`"
    )]
    NoDate { file: String },
    #[error("{file}: --date \"{input}\" is not a date: write it as YYYY-MM-DD")]
    BadDate { file: String, input: String },
}

/// `--story` names no story, or `--step` no step of it.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum StoryError {
    #[error("no story called \"{name}\"; the stories in stories.toml are: {}", if .known.is_empty() { "none".to_owned() } else { .known.join(", ") })]
    Unknown { name: String, known: Vec<String> },
    #[error("story \"{story}\" has no step {step}; its steps are 1 to {steps}")]
    NoStep {
        story: String,
        step: usize,
        steps: usize,
    },
}

/// Why a command of the command line did not finish.
#[derive(Debug, Error)]
pub enum CliError {
    #[error(transparent)]
    Instant(#[from] InstantError),
    #[error(transparent)]
    Place(#[from] PlaceError),
    #[error(transparent)]
    Synth(#[from] SynthError),
    /// The file given to `suggest` cannot be read as an article.
    #[error(transparent)]
    Assist(#[from] crate::assist::AssistError),
    #[error(transparent)]
    Suggest(#[from] SuggestError),
    /// An export file could not be created or moved into place.
    #[error(transparent)]
    OutputFile(#[from] crate::output::OutputError),
    #[error("cannot write {}: {source}", path.display())]
    Export {
        path: std::path::PathBuf,
        #[source]
        source: crate::export::ExportError,
    },
    #[error(transparent)]
    Import(#[from] crate::import::ImportError),
    /// Standard output could not be written.
    #[error("cannot write the output: {0}")]
    Output(#[from] io::Error),
}

impl CliError {
    /// The reader closed the pipe (`frontline state --at ... | head`): it has what it wanted.
    pub(crate) fn is_closed_pipe(&self) -> bool {
        matches!(self, CliError::Output(e) if e.kind() == io::ErrorKind::BrokenPipe)
    }

    /// Exit code 2 for a usage error: a name, a date or a directory to fix, or an output
    /// that cannot be written; 1 for a file `suggest` cannot read or date. A closed pipe
    /// ends the command normally.
    pub fn exit_code(&self) -> ExitCode {
        if self.is_closed_pipe() {
            ExitCode::SUCCESS
        } else if matches!(self, CliError::Assist(_) | CliError::Suggest(_)) {
            // The input file is bad, as `check` exits 1 on bad data.
            ExitCode::from(1)
        } else {
            ExitCode::from(2)
        }
    }
}
