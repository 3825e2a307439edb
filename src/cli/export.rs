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
}

impl ExportKind {
    /// The data format, or None for the video.
    pub fn format(self) -> Option<ExportFormat> {
        match self {
            ExportKind::GeoJson => Some(ExportFormat::GeoJson),
            ExportKind::Csv => Some(ExportFormat::Csv),
            ExportKind::Annotations => Some(ExportFormat::Annotations),
            ExportKind::Video => None,
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
    /// GeoJSON: one feature per place per day instead of one per control period.
    #[arg(long)]
    pub daily: bool,
    /// Video: the time between two frames (30m, 6h, 1d).
    #[arg(long, value_name = "DURATION", default_value = "6h")]
    pub step: String,
    /// Video: frames per second.
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u32).range(1..=60))]
    pub fps: u32,
    /// Video: the frames' size, e.g. 1280x720 (an MP4 is cropped to even sizes).
    #[arg(long, value_name = "WxH", default_value = "1280x800")]
    pub size: String,
    /// Video: a place to select, its panel open throughout.
    #[arg(long, value_name = "PLACE")]
    pub select: Option<String>,
    /// Video: hide actors' places, or inferred states, in every frame (as `screenshot`).
    #[command(flatten)]
    pub filters: super::FilterArgs,
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
