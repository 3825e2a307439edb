//! `frontline export`: the store as GeoJSON, ACLED-format CSV or W3C annotations, written
//! whole or not at all; or the replay as a video (GIF or MP4), drawn offscreen by the app's
//! renderer (`main` hands it to `app::video`).

use std::io::Write;
use std::path::PathBuf;

use chrono::NaiveDate;

use super::{CliError, load, warn_if_invalid};
use crate::export::target::ExportTarget;
use crate::export::{ExportFormat, ExportOptions, export_to_file};

/// What `frontline export` writes: one of the data formats, or the replay as a video.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportKind {
    /// Control periods as GeoJSON points (QGIS, Kepler.gl).
    #[value(name = "geojson")]
    GeoJson,
    /// Events as ACLED-format CSV.
    #[value(name = "csv")]
    Csv,
    /// Every quote as a W3C Web Annotation (JSON-LD).
    #[value(name = "annotations")]
    Annotations,
    /// The replay as an animation: .gif, or .mp4 through ffmpeg.
    #[value(name = "video")]
    Video,
    /// Areas of control and front lines, inferred from the places' states, as GeoJSON.
    #[value(name = "areas")]
    Areas,
}

impl ExportKind {
    /// The data format, or None for the video.
    pub fn format(self) -> Option<ExportFormat> {
        match self {
            ExportKind::GeoJson => Some(ExportFormat::GeoJson),
            ExportKind::Csv => Some(ExportFormat::Csv),
            ExportKind::Annotations => Some(ExportFormat::Annotations),
            ExportKind::Video | ExportKind::Areas => None,
        }
    }

    /// The export asked for, in the one list of exports that the app's Export menu and its
    /// commands read too: `--daily` picks GeoJSON's daily form, a video's format is its
    /// file's extension.
    pub fn target(
        self,
        daily: bool,
        out: &std::path::Path,
    ) -> Result<ExportTarget, crate::export::video::UnknownVideoFormat> {
        match self.format() {
            Some(format) => Ok(ExportTarget::of_data(format, daily)),
            None => crate::export::video::VideoFormat::of_path(out).map(ExportTarget::Video),
        }
    }
}

/// The arguments of `frontline export`.
#[derive(Debug, Clone, clap::Args)]
pub struct ExportArgs {
    /// What to write.
    pub kind: ExportKind,
    /// The file to write (replaced whole once complete; a failed export leaves nothing).
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// The first day (YYYY-MM-DD); default: the start of the data.
    #[arg(long, value_name = "DATE")]
    pub from: Option<NaiveDate>,
    /// The last day (YYYY-MM-DD), included; default: the end of the data.
    #[arg(long, value_name = "DATE")]
    pub to: Option<NaiveDate>,
    /// GeoJSON: one feature per place per day instead of one per control period. Areas: the
    /// areas at the end of every day (instead of at one instant).
    #[arg(long)]
    pub daily: bool,
    /// Areas: the instant (YYYY-MM-DD, the end of that day, or YYYY-MM-DDTHH:MM); default: the
    /// end of the data.
    #[arg(long, value_name = "DATE", conflicts_with = "daily")]
    pub at: Option<String>,
    /// Areas (and the video's areas): how far they reach and when a state is stale.
    #[command(flatten)]
    pub areas: super::AreaArgs,
    /// Video: the time between two frames (30m, 6h, 1d).
    #[arg(long, value_name = "DURATION", default_value = "6h")]
    pub step: String,
    /// Video: frames per second.
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u32).range(1..=60))]
    pub fps: u32,
    /// Video: the frames' size, e.g. 1280x720 (an MP4 is cropped to even sizes).
    #[arg(long, value_name = "WxH", default_value = "1280x800")]
    pub size: String,
    /// Video: `map` (the default), the publishing layout: the map filling the frame, with the
    /// title, the date, the day's changes, a legend of the actors and the sources; `app`: the
    /// whole app window, as `screenshot` draws it.
    #[arg(long, value_enum, default_value_t = crate::app::publish::Layout::Map)]
    pub layout: crate::app::publish::Layout,
    #[command(flatten)]
    pub publish: PublishArgs,
    /// Video: a place to select, its panel open throughout.
    #[arg(long, value_name = "PLACE")]
    pub select: Option<String>,
    /// Video: hide actors' places, or inferred states, in every frame (as `screenshot`).
    #[command(flatten)]
    pub filters: super::FilterArgs,
}

/// A frame's size by where it is posted, and the publishing layout's title.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct PublishArgs {
    /// A size made for posting, instead of --size: landscape (1920x1080), square (1080x1080)
    /// or portrait (1080x1920).
    #[arg(long, value_enum, conflicts_with = "size")]
    pub preset: Option<crate::app::publish::Preset>,
    /// The title of the publishing layout (default: the story's title, else "Who held which
    /// town, " and the data's span).
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
}

impl PublishArgs {
    /// The size: the preset's, else `--size` parsed by `parse`.
    pub fn size(
        &self,
        size: &str,
        parse: impl Fn(&str) -> Option<(u32, u32)>,
    ) -> Option<(u32, u32)> {
        match self.preset {
            Some(p) => Some(p.size()),
            None => parse(size),
        }
    }

    /// How the frames look in `layout`.
    pub fn look(&self, layout: crate::app::publish::Layout) -> crate::app::screenshot::Look {
        crate::app::screenshot::Look {
            layout,
            publish: crate::app::publish::Publish {
                title: self.title.clone(),
            },
        }
    }
}

/// What the app is started with to draw the video's frames: the selected place and the
/// filters (`--hide`, `--stated-only`), as `screenshot` takes them, for every frame.
pub fn video_launch_options(args: &ExportArgs) -> crate::app::LaunchOptions {
    crate::app::LaunchOptions {
        at: None,
        select: args.select.clone(),
        hide: args.filters.hide.clone(),
        stated_only: args.filters.stated_only,
        article: None,
        areas: args.areas.settings(),
    }
}

/// Writes a data export (not the video) and says what was written.
pub fn export_file(
    cli: &super::Cli,
    args: &ExportArgs,
    format: ExportFormat,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let store = load(cli);
    warn_if_invalid(&store);
    let options = ExportOptions {
        daily: args.daily,
        from: args.from,
        to: args.to,
    };
    let bytes = export_to_file(&store, format, &options, &args.out)?;
    writeln!(
        out,
        "wrote {} ({format}, {bytes} bytes)",
        args.out.display()
    )?;
    Ok(())
}

/// Writes `frontline export areas`: the areas at `--at` (default: the end of the data) or at
/// the end of every day (`--daily`, over `--from`/`--to` or the data's span).
pub fn export_areas(
    cli: &super::Cli,
    args: &ExportArgs,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    use crate::export::{AreaInstants, ExportError, ExportFileError, areas_to_file};
    let no_dates = || {
        CliError::from(ExportFileError::Export {
            path: args.out.clone(),
            source: ExportError::NoDates,
        })
    };
    let store = load(cli);
    warn_if_invalid(&store);
    let span = store.span();
    let instants = if args.daily {
        let from = args.from.or(span.map(|s| s.0.date()));
        let to = args.to.or(span.map(|s| s.1.date()));
        let (Some(from), Some(to)) = (from, to) else {
            return Err(no_dates());
        };
        AreaInstants::Daily(from, to)
    } else {
        let at = match &args.at {
            Some(at) => super::parse_at(at)?,
            None => span.ok_or_else(no_dates)?.1,
        };
        AreaInstants::At(at)
    };
    let settings = args.areas.settings().unwrap_or_default();
    let bytes = areas_to_file(&store, &instants, &settings, &args.out)?;
    writeln!(
        out,
        "wrote {} (areas, inferred from the places' states; {bytes} bytes)",
        args.out.display()
    )?;
    Ok(())
}
