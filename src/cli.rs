//! The command line: `frontline` (the app), `check`, `state`, `quotes`, `screenshot`, `synth`.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDateTime;
use clap::{Parser, Subcommand};
use serde::Serialize;

use crate::present::{self, DayForm, long_date};
use crate::store::{Control, DataSource, Lookup, PlaceIx, Store};

mod check_format;
mod error;
pub mod export;
mod quotes;
mod state;
mod suggest;

/// Parses `--at`: a bare date means the end of that day.
pub use crate::replay::parse_at;
pub use check_format::CheckFormat;
pub use error::{
    ActorError, ArticleError, CliError, InstantError, PlaceError, SizeError, StoryError,
    SuggestError,
};
pub use export::{ExportArgs, ExportKind};

#[derive(Debug, Parser)]
#[command(name = "frontline", version, about = "Replay who controlled which town, day by day, from annotated news articles.", long_about = None)]
pub struct Cli {
    /// Data directory to load instead of the bundled data.
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,

    /// Open the app at this date (YYYY-MM-DD, the end of that day) or instant (YYYY-MM-DDTHH:MM).
    #[arg(long, value_name = "DATE")]
    pub at: Option<String>,

    /// Open the app with this place selected (an id, a name or any alias).
    #[arg(long, value_name = "PLACE")]
    pub select: Option<String>,

    #[command(flatten)]
    pub filters: FilterArgs,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// The commands that run in the terminal, without a window: [`run`] runs them.
    #[command(flatten)]
    Terminal(TerminalCommand),
    /// Render the app in a given state and write a PNG (drawn offscreen: no display needed).
    #[command(display_order = 3)]
    Screenshot {
        /// The PNG file to write.
        #[arg(long, value_name = "FILE.png")]
        out: PathBuf,
        /// The instant to show (default: the start of the data).
        #[arg(long, value_name = "DATE")]
        at: Option<String>,
        /// A place to select.
        #[arg(long, value_name = "PLACE")]
        select: Option<String>,
        #[command(flatten)]
        filters: FilterArgs,
        #[command(flatten)]
        areas: AreaArgs,
        /// The image's size, e.g. 1280x800 (whatever size the app's window was last).
        #[arg(long, value_name = "WxH", default_value = "1280x800")]
        size: String,
        /// `app`: the whole window; `map`: the publishing layout (the map filling the image,
        /// with the title, the date, the day's changes or the story's caption, a legend of the
        /// actors and the sources; no top bar, feed, chart or buttons).
        #[arg(long, value_enum, default_value_t = crate::app::publish::Layout::App)]
        layout: crate::app::publish::Layout,
        #[command(flatten)]
        publish: export::PublishArgs,
        /// Show a story's step (its id or title, from stories.toml), with its caption.
        #[arg(long, value_name = "NAME")]
        story: Option<String>,
        /// The step of --story to show, from 1.
        #[arg(long, value_name = "N", default_value_t = 1, requires = "story")]
        step: usize,
        /// Open an article (its id, from articles.toml) in the reader, with the assistant's
        /// highlights and candidate claims.
        #[arg(long, value_name = "ID")]
        article: Option<String>,
    },
    /// Write the data as GeoJSON, CSV or W3C annotations, or the replay as a GIF or MP4.
    #[command(display_order = 5)]
    Export(ExportArgs),
}

/// What the app shows of the data: `--hide ACTOR` (repeated), `--stated-only`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct FilterArgs {
    /// Hide the places of this actor (an id, a name or any alias); repeat for several.
    #[arg(long, value_name = "ACTOR")]
    pub hide: Vec<String>,
    /// Hide states and events that are inferred rather than stated.
    #[arg(long)]
    pub stated_only: bool,
}

/// How far the areas reach and when a state is stale: `--reach KIND=KM` (repeated),
/// `--stale-days N`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct AreaArgs {
    /// Areas: how far a place's area reaches, by kind of place (city, town, village,
    /// crossing), e.g. `--reach town=20`; repeat for several (default: city=25, town=15,
    /// village=8, crossing=6).
    #[arg(long, value_name = "KIND=KM", value_parser = parse_reach)]
    pub reach: Vec<String>,
    /// Areas: a state last reported more than this many days before is stale (faded cell, no
    /// front line); default 10.
    #[arg(long, value_name = "DAYS", value_parser = clap::value_parser!(u32).range(1..=3650))]
    pub stale_days: Option<u32>,
}

impl AreaArgs {
    /// The settings the arguments give; None when they give none.
    pub fn settings(&self) -> Option<crate::view::areas::AreaSettings> {
        if self.reach.is_empty() && self.stale_days.is_none() {
            return None;
        }
        let mut settings = crate::view::areas::AreaSettings::default();
        for reach in &self.reach {
            // Checked when parsed.
            let _ = settings.set_reach(reach);
        }
        if let Some(days) = self.stale_days {
            settings.stale_days = i64::from(days);
        }
        Some(settings)
    }
}

/// A `--reach` as clap checks it: `KIND=KM`.
fn parse_reach(text: &str) -> Result<String, String> {
    crate::view::areas::AreaSettings::default().set_reach(text)?;
    Ok(text.to_owned())
}

/// Checks `--hide` names against the data's actors; the error names the known ones.
pub fn check_actors(store: &Store, names: &[String]) -> Result<(), ActorError> {
    for name in names {
        if !matches!(store.actor_names.lookup(name), Lookup::Found(_)) {
            return Err(ActorError {
                name: name.clone(),
                known: store.actors.iter().map(|a| a.id.clone()).collect(),
            });
        }
    }
    Ok(())
}

/// Checks `--article ID` against the data's articles; the error names the known ones.
pub fn check_article(store: &Store, id: &str) -> Result<(), ArticleError> {
    if store.articles.iter().any(|a| a.id == id) {
        return Ok(());
    }
    Err(ArticleError {
        id: id.to_owned(),
        known: store.articles.iter().map(|a| a.id.clone()).collect(),
    })
}

/// What `import` reads.
#[derive(Debug, Subcommand)]
pub enum ImportSource {
    /// An ACLED-format CSV file, written as a TOML data directory to annotate further.
    Acled {
        /// The CSV file.
        #[arg(value_name = "FILE.csv")]
        file: PathBuf,
        /// The directory to write: new or empty.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
}

/// The commands that print or write files and never open a window.
#[derive(Debug, Subcommand)]
pub enum TerminalCommand {
    /// Turn another format into a TOML data directory.
    #[command(subcommand, display_order = 5)]
    Import(ImportSource),
    /// Validate the data; print a summary and every problem. Exits 1 when there are errors.
    #[command(display_order = 0)]
    Check {
        /// How to print the problems: human (default), json, or github (GitHub Actions
        /// annotations for a data repository's CI).
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
    },
    /// The state of every place at an instant.
    #[command(display_order = 1)]
    State {
        /// A date (the end of that day) or an instant: 2017-11-10 or 2017-11-10T12:00.
        #[arg(long, value_name = "DATE_OR_DATETIME")]
        at: String,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// A place's events in order, with every quote behind them.
    #[command(display_order = 2)]
    Quotes {
        /// An id, a name or any alias, case-insensitive ("Bukamal" works).
        place: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Propose claims of control in an article's text (any UTF-8 file), against the data's
    /// places and actors and the regional gazetteer.
    #[command(display_order = 3)]
    Suggest {
        /// The article's text (UTF-8). Its first line may give the date: `date YYYY-MM-DD`.
        file: PathBuf,
        /// The publication date (YYYY-MM-DD). It overrides the file's first line, for a file
        /// whose date line is wrong.
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// What changed between two instants: the places whose control differs (or changed hands
    /// and came back), with the state before, after, and the events in between.
    #[command(display_order = 3)]
    Diff {
        /// The earlier instant: a date (the end of that day) or 2017-11-08T12:00.
        #[arg(long, value_name = "DATE_OR_DATETIME")]
        from: String,
        /// The later instant.
        #[arg(long, value_name = "DATE_OR_DATETIME")]
        to: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Write a synthetic data directory of any size (for benchmarks), deterministic for a seed.
    #[command(display_order = 4)]
    Synth {
        /// How many places.
        #[arg(long, default_value_t = 1000)]
        places: usize,
        /// How many events (claims of control).
        #[arg(long, default_value_t = 100_000)]
        events: usize,
        /// How many articles.
        #[arg(long, default_value_t = 10_000)]
        articles: usize,
        /// The directory to write: new or empty.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// The seed: the same seed writes the same files.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

impl Cli {
    pub fn source(&self) -> DataSource {
        match &self.data {
            Some(dir) => DataSource::Dir(dir.clone()),
            None => crate::bundled::data_source(),
        }
    }
}

/// Resolves a place name for the command line; the error says what to do.
pub fn resolve_place(store: &Store, name: &str) -> Result<PlaceIx, PlaceError> {
    match store.find_place(name) {
        Lookup::Found(p) => Ok(p),
        Lookup::Ambiguous(c) => Err(PlaceError::Ambiguous {
            name: name.to_owned(),
            ids: c.iter().map(|&i| store.places[i].id.clone()).collect(),
        }),
        Lookup::NotFound {
            suggestion: Some(suggestion),
        } => Err(PlaceError::Misspelt {
            name: name.to_owned(),
            suggestion,
        }),
        Lookup::NotFound { suggestion: None } => Err(PlaceError::Unknown {
            name: name.to_owned(),
            known: store.places.iter().map(|p| p.name.clone()).collect(),
        }),
    }
}

/// Finds a story's step for `screenshot --story NAME --step N` (N from 1); the error says
/// which stories and steps there are.
pub fn resolve_story(
    store: &Store,
    name: &str,
    step: usize,
) -> Result<crate::view::story::StoryAt, StoryError> {
    let key = name.trim().to_lowercase();
    let Some(story) = store
        .stories
        .iter()
        .position(|s| s.id.to_lowercase() == key || s.title.to_lowercase() == key)
    else {
        return Err(StoryError::Unknown {
            name: name.to_owned(),
            known: store.stories.iter().map(|s| s.id.clone()).collect(),
        });
    };
    let steps = store.stories[story].steps.len();
    if step == 0 || step > steps {
        return Err(StoryError::NoStep {
            story: store.stories[story].id.clone(),
            step,
            steps,
        });
    }
    Ok(crate::view::story::StoryAt {
        story,
        step: step - 1,
    })
}

/// Runs a command that needs no window, printing to standard output. The caller prints an
/// error ([`CliError::report`]).
pub fn run(cli: &Cli, command: &TerminalCommand) -> Result<ExitCode, CliError> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let code = run_to(cli, command, &mut out)?;
    out.flush()?;
    Ok(code)
}

/// Runs a command that needs no window, writing its output to `out`. Warnings about the data
/// go to standard error; the exit code is 1 when `check` finds errors.
pub(crate) fn run_to(
    cli: &Cli,
    command: &TerminalCommand,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    match command {
        TerminalCommand::Check { format } => Ok(check(cli, &load(cli), *format, out)?),
        TerminalCommand::Import(ImportSource::Acled { file, out: dir }) => {
            let store = Store::load(&DataSource::Dir(file.clone()));
            let n = crate::store_to_toml::write_data_dir(&store, dir)?;
            write!(out, "{}", store.diagnostics.render())?;
            writeln!(
                out,
                "wrote {}: {} places, {} actors, {n} events, {} articles ({} rows with errors left out)",
                dir.display(),
                store.places.len(),
                store.actors.len(),
                store.articles.len(),
                store.diagnostics.error_count()
            )?;
            writeln!(
                out,
                "check it with: frontline check --data {}",
                dir.display()
            )?;
            Ok(ExitCode::SUCCESS)
        }
        TerminalCommand::State { at, json } => {
            let at = parse_at(at)?;
            let store = load(cli);
            warn_if_invalid(&store);
            Ok(state::state(&store, at, *json, out)?)
        }
        TerminalCommand::Quotes { place, json } => {
            let store = load(cli);
            let p = resolve_place(&store, place)?;
            warn_if_invalid(&store);
            Ok(quotes::quotes(&store, p, *json, out)?)
        }
        TerminalCommand::Suggest { file, date, json } => {
            let store = load(cli);
            suggest::suggest(&store, file, date.as_deref(), *json, out)
        }
        TerminalCommand::Diff { from, to, json } => {
            let (from, to) = (parse_at(from)?, parse_at(to)?);
            let store = load(cli);
            warn_if_invalid(&store);
            Ok(diff(&store, from, to, *json, out)?)
        }
        TerminalCommand::Synth {
            places,
            events,
            articles,
            out: dir,
            seed,
        } => {
            let options = crate::synth::Options {
                places: *places,
                events: *events,
                articles: *articles,
                seed: *seed,
            };
            synth(&options, dir, out)
        }
    }
}

fn load(cli: &Cli) -> Store {
    Store::load(&cli.source())
}

fn synth(
    options: &crate::synth::Options,
    dir: &std::path::Path,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    let s = crate::synth::write(dir, options)?;
    writeln!(
        out,
        "wrote {}: {} places, {} events, {} quotes, {} articles over {} days (seed {})",
        dir.display(),
        s.places,
        s.events,
        s.quotes,
        s.articles,
        s.days,
        options.seed
    )?;
    writeln!(
        out,
        "check it with: frontline check --data {}",
        dir.display()
    )?;
    Ok(ExitCode::SUCCESS)
}

fn diff(
    store: &Store,
    from: NaiveDateTime,
    to: NaiveDateTime,
    json: bool,
    out: &mut dyn Write,
) -> io::Result<ExitCode> {
    let changes = crate::diff::diff(store, from, to);
    if json {
        write_json(out, &crate::diff::rows(store, &changes))?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(out, "{}", present::diff_heading(from, to, changes.len()))?;
    for c in &changes {
        writeln!(out, "{}", present::diff_line(store, c))?;
        for (&e, &change) in c.events.iter().zip(&c.changes) {
            writeln!(out, "  {}", present::diff_event_line(store, e, change))?;
        }
        // Sources that disagree at either end: their versions, each with its sources.
        for (end, state) in [("before", &c.before), ("after", &c.after)] {
            if let Some(d) = &state.dispute {
                writeln!(out, "  {end}: {}", present::dispute_heading(d))?;
                for v in &d.versions {
                    writeln!(out, "    {}", present::version_line(store, v))?;
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn warn_if_invalid(store: &Store) {
    let n = store.diagnostics.error_count();
    if n > 0 {
        eprintln!(
            "warning: the data has {n} errors; showing what is valid. Run `frontline check` for details."
        );
    }
}

fn check(
    cli: &Cli,
    store: &Store,
    format: CheckFormat,
    out: &mut dyn Write,
) -> io::Result<ExitCode> {
    match format {
        CheckFormat::Human => {
            write!(out, "{}", store.diagnostics.render())?;
            writeln!(out, "{}: {}", store.origin, present::summary(store))?;
        }
        CheckFormat::Json => check_format::write_json(store, out)?,
        CheckFormat::Github => {
            // Files are named from where --data points (a CSV file names itself).
            let dir = cli.data.as_deref().map(|p| {
                if p.is_dir() {
                    p
                } else {
                    p.parent().unwrap_or(std::path::Path::new(""))
                }
            });
            check_format::write_github(store, dir, out)?;
        }
    }
    if store.diagnostics.has_errors() {
        Ok(ExitCode::from(1))
    } else {
        Ok(ExitCode::SUCCESS)
    }
}

/// Writes `value` as pretty JSON and a newline, straight into `out` (no string in between).
pub(crate) fn write_json(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

pub(crate) fn short(d: Option<chrono::NaiveDate>) -> String {
    d.map_or("-".to_owned(), |d| DayForm::Weekday.of(d))
}

pub(crate) fn print_table<const N: usize>(
    rows: &[[String; N]],
    out: &mut dyn Write,
) -> io::Result<()> {
    let widths: Vec<usize> = (0..N)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    for r in rows {
        let line: Vec<String> = r
            .iter()
            .zip(&widths)
            .map(|(cell, w)| format!("{cell:<w$}"))
            .collect();
        writeln!(out, "{}", line.join("  ").trim_end())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
