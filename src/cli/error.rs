//! What can go wrong on the command line, as values: each error's `Display` is the message
//! printed after `error: `, and [`CliError::exit_code`] says how the process ends.

use std::io;
use std::process::ExitCode;

use thiserror::Error;

use crate::synth::SynthError;

pub use crate::replay::InstantError;

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

/// `--hide` names no actor.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("--hide {name}: no actor by that name; known actors: {}", .known.join(", "))]
pub struct ActorError {
    pub name: String,
    pub known: Vec<String>,
}

/// `--article` names no article.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("--article {id}: no article with that id; the articles are: {}", if .known.is_empty() { "none".to_owned() } else { .known.join(", ") })]
pub struct ArticleError {
    pub id: String,
    pub known: Vec<String>,
}

/// `--size` is not `WIDTHxHEIGHT` in the range the command accepts.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("--size must be WIDTHxHEIGHT, e.g. {example}")]
pub struct SizeError {
    /// A size the command takes, to show how to write one.
    pub example: &'static str,
}

/// Why a command of the command line did not finish: every error the program prints. `main`
/// prints it (with [`CliError::hint`]) and ends with [`CliError::exit_code`].
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
    #[error(transparent)]
    Export(#[from] crate::export::ExportFileError),
    #[error(transparent)]
    Import(#[from] crate::store_to_toml::ImportError),
    #[error(transparent)]
    Actor(#[from] ActorError),
    #[error(transparent)]
    Article(#[from] ArticleError),
    #[error(transparent)]
    Story(#[from] StoryError),
    #[error(transparent)]
    Size(#[from] SizeError),
    #[error(transparent)]
    VideoFormat(#[from] crate::export::video::UnknownVideoFormat),
    #[error(transparent)]
    Schedule(#[from] crate::export::video::ScheduleError),
    /// The video cannot be started (ffmpeg missing), found before any frame is drawn.
    #[error(transparent)]
    VideoCheck(crate::export::video::EncodeError),
    /// The video was not finished: its encoder failed, or it was cancelled.
    #[error(transparent)]
    Video(#[from] crate::app::video::VideoError),
    /// The window could not open, or the screenshot it took could not be written.
    #[error(transparent)]
    App(#[from] crate::app::RunError),
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
    /// that cannot be written; 1 for a file `suggest` cannot read or date, and for a window
    /// that could not open or a screenshot or video that failed once drawing began. A closed
    /// pipe ends the command normally.
    pub fn exit_code(&self) -> ExitCode {
        if self.is_closed_pipe() {
            ExitCode::SUCCESS
        } else if matches!(
            self,
            CliError::Video(crate::app::video::VideoError::Cancelled { .. })
        ) {
            // Stopped by Ctrl+C: as a shell reports a command it interrupted.
            ExitCode::from(130)
        } else if matches!(
            self,
            CliError::Assist(_) | CliError::Suggest(_) | CliError::App(_) | CliError::Video(_)
        ) {
            // The input file is bad (as `check` exits 1 on bad data), or the work failed.
            ExitCode::from(1)
        } else {
            ExitCode::from(2)
        }
    }

    /// What to do about it, printed after the error: only for a window that could not open.
    pub fn hint(&self) -> Option<&'static str> {
        matches!(self, CliError::App(crate::app::RunError::Window(_))).then_some(
            "the app's window needs a display (X11 or Wayland; screenshots and videos do not); under a headless system, run it inside Xvfb",
        )
    }

    /// Prints the error (and its hint) on standard error, as `main` does for every command,
    /// and says how the process ends. Nothing is printed for a closed pipe.
    pub fn report(&self) -> ExitCode {
        if !self.is_closed_pipe() {
            eprintln!("error: {self}");
            if let Some(hint) = self.hint() {
                eprintln!("hint: {hint}");
            }
        }
        self.exit_code()
    }
}
